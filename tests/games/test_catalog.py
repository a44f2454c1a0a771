"""The catalogue of games (games.catalog.load / names / info): data, sources and the known
numbers of equilibria, established by the library's own all-equilibria methods."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from games import catalog
from games.normal_form import NormalFormGame
from solvers.finite import polynomial_equilibria, vertex_enumeration
from solvers.verify import is_nash

LITERATURE = [
    "vonstengel1999-6x6",
    "savani-vonstengel2006-6x6",
    "mckelvey-mclennan1997-2x2x2",
    "nau-gomez-canovas-hansen2004-2x2x4",
]
CLASSIC = [
    "prisoners-dilemma",
    "chicken",
    "stag-hunt",
    "battle-of-the-sexes",
    "matching-pennies",
    "rock-paper-scissors",
    "pure-coordination",
]


def test_names_lists_every_game_sorted():
    assert catalog.names() == sorted(LITERATURE + CLASSIC)


@pytest.mark.parametrize("name", LITERATURE + CLASSIC)
def test_every_game_loads_with_its_info(name):
    game, info = catalog.load(name), catalog.info(name)
    assert isinstance(game, NormalFormGame) and game.kind == "exact"
    assert info.name == name and game.shape == info.shape
    assert info.citation and info.description
    assert catalog.load(name) == game and catalog.load(name) is not game  # a fresh copy


@pytest.mark.parametrize("name", LITERATURE)
def test_literature_games_are_stored_with_their_source(name):
    from importlib import resources

    text = resources.files("games.catalog").joinpath("data", f"{name}.nfg").read_text()
    author = catalog.info(name).citation.split(",")[0].split(" and ")[0]
    assert author in text  # the citation is in the file's comment
    assert NormalFormGame.from_nfg(text).to_nfg(comment=_comment(text)) == text


def _comment(text: str) -> str:
    from games.normal_form import parse_nfg

    return parse_nfg(text).comment


@pytest.mark.parametrize("version", ["original_payoffs", "small_payoffs"])
def test_von_stengel_payoffs_match_the_shared_test_data(testdata, version):
    data = testdata("vonstengel_6x6.json")
    name = {"original_payoffs": "vonstengel1999-6x6", "small_payoffs": "savani-vonstengel2006-6x6"}
    A, B = catalog.load(name[version]).payoff_arrays(exact=True)
    assert A.tolist() == data[version]["A"] and B.tolist() == data[version]["B"]


def test_mckelvey_mclennan_payoffs_match_the_shared_test_data(testdata):
    data = testdata("mckelvey_mclennan_2x2x2.json")
    for u, expected in zip(
        catalog.load("mckelvey-mclennan1997-2x2x2").payoff_arrays(exact=True),
        data["payoffs"],
        strict=True,
    ):
        assert u.tolist() == expected


def test_nau_game_matches_gambits_file(gambit_file):
    gambit = NormalFormGame.read_nfg(gambit_file("catalog_journals_ijgt_nau2004_sec6.nfg"))
    assert catalog.load("nau-gomez-canovas-hansen2004-2x2x4") == gambit


@pytest.mark.parametrize("name", ["vonstengel1999-6x6", "savani-vonstengel2006-6x6"])
def test_von_stengel_games_have_75_equilibria(name):
    game = catalog.load(name)
    A, B = game.payoff_arrays(exact=True)
    eqs = vertex_enumeration(A, B)
    assert len(eqs) == catalog.info(name).equilibria == 75
    assert eqs.complete and not eqs.degenerate
    assert all(is_nash(game.payoff_arrays(exact=False), eq.strategies) for eq in eqs)


def test_mckelvey_mclennan_has_9_equilibria():
    name = "mckelvey-mclennan1997-2x2x2"
    eqs = polynomial_equilibria(catalog.load(name).payoff_arrays(exact=True), exact=True)
    assert len(eqs) == catalog.info(name).equilibria == 9
    assert eqs.complete and all(eq.regret == 0 for eq in eqs)
    totally_mixed = [eq for eq in eqs if all(min(s) > 0 for s in eq.strategies)]
    assert len(totally_mixed) == 2


def test_nau_equilibria_are_not_isolated():
    # info says "not finitely many"; the all-equilibria method must not claim a complete
    # finite list: it flags the continuum
    assert catalog.info("nau-gomez-canovas-hansen2004-2x2x4").equilibria is None
    game = catalog.load("nau-gomez-canovas-hansen2004-2x2x4")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        eqs = polynomial_equilibria(game.payoff_arrays(exact=True), exact=True)
    assert not eqs.complete and any("continuum" in note for note in eqs.notes)


@pytest.mark.parametrize("name", CLASSIC)
def test_classic_games_equilibrium_counts(name):
    A, B = catalog.load(name).payoff_arrays(exact=True)
    eqs = vertex_enumeration(A, B, exact=True)
    assert eqs.complete and len(eqs) == catalog.info(name).equilibria
    assert all(eq.regret == 0 for eq in eqs)


@pytest.mark.parametrize(
    ("name", "error", "match"),
    [
        pytest.param(
            "vonstengel-6x6", ValueError, "did you mean 'vonstengel1999-6x6'", id="close"
        ),
        pytest.param("no such game", ValueError, r"catalog.names\(\)", id="unknown"),
        pytest.param(3, TypeError, "str", id="not-a-string"),
    ],
)
def test_unknown_names(name, error, match):
    with pytest.raises(error, match=match):
        catalog.load(name)
    with pytest.raises(error, match=match):
        catalog.info(name)


def test_payoffs_are_integers():
    for name in LITERATURE:
        for u in catalog.load(name).payoff_arrays(exact=True):
            assert all(v.denominator == 1 for v in u.flat)
            assert np.asarray(u, dtype=float).shape == catalog.info(name).shape
