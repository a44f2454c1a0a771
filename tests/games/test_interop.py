"""Round trips with nashpy, QuantEcon, pygambit and the payoff-profile layout."""

from __future__ import annotations

import sys
from fractions import Fraction as F
from types import SimpleNamespace

import nashpy
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from games.normal_form import NormalFormGame

FRACTIONS = st.fractions(min_value=-50, max_value=50, max_denominator=50)


@given(st.integers(1, 4), st.integers(1, 4), st.data())
def test_nashpy_round_trip_keeps_exact_games_exact(m: int, n: int, data) -> None:
    entries = data.draw(st.lists(FRACTIONS, min_size=2 * m * n, max_size=2 * m * n))
    A = np.array(entries[: m * n], dtype=object).reshape(m, n)
    B = np.array(entries[m * n :], dtype=object).reshape(m, n)
    g = NormalFormGame.from_bimatrix(A, B)
    back = NormalFormGame.from_nashpy(g.to_nashpy())
    assert back == g and back.kind == "exact"
    assert back.payoff_arrays(exact=True)[0].tolist() == A.tolist()


@given(st.integers(1, 3), st.integers(1, 3), st.data())
def test_nashpy_round_trip_of_float_games(m: int, n: int, data) -> None:
    floats = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
    A = np.array(data.draw(st.lists(floats, min_size=m * n, max_size=m * n))).reshape(m, n)
    B = np.array(data.draw(st.lists(floats, min_size=m * n, max_size=m * n))).reshape(m, n)
    g = NormalFormGame.from_bimatrix(A, B)
    assert NormalFormGame.from_nashpy(g.to_nashpy()) == g
    kept = NormalFormGame.from_nashpy(g.to_nashpy(), exact=False)
    assert kept.kind == "float" and kept == g


def test_from_nashpy_reads_simple_decimals_exactly_and_keeps_others() -> None:
    g = NormalFormGame.from_nashpy(nashpy.Game([[0.1, 0.25], [1 / 3, 2.0]]))
    assert g.kind == "exact"
    assert g.payoff_arrays(exact=True)[0].tolist() == [[F(1, 10), F(1, 4)], [F(1, 3), F(2)]]
    h = NormalFormGame.from_nashpy(nashpy.Game([[np.pi, 0.0], [0.0, 1.0]]))
    assert h.kind == "float"


PROFILES = np.array([[[3, 2], [1, 1]], [[0, 0], [2, 3]]])  # QuantEcon's 2x2 test layout


def test_payoff_profiles_are_read_by_layout() -> None:
    g = NormalFormGame.from_payoff_profiles(PROFILES, players=("Row", "Col"))
    A, B = g.payoff_arrays(exact=True)
    assert A.tolist() == [[3, 1], [0, 2]] and B.tolist() == [[2, 1], [0, 3]]
    assert g.to_payoff_profiles().tolist() == PROFILES.tolist()
    # the same nested list read as one array per player is a different game
    assert NormalFormGame(PROFILES.tolist()) != g


@pytest.mark.parametrize(
    "bad", [np.zeros((2, 2, 3)), np.zeros(3), np.zeros((2, 2, 2, 2))], ids=["3-on-2", "1d", "4d"]
)
def test_payoff_profiles_with_a_wrong_last_axis_are_refused(bad) -> None:
    with pytest.raises(ValueError, match=r"shape \(n_1, \.\.\., n_N, N\)"):
        NormalFormGame.from_payoff_profiles(bad)


def test_quantecon_objects_are_read_through_their_profile_array() -> None:
    fake = SimpleNamespace(payoff_profile_array=PROFILES, N=2)
    assert NormalFormGame.from_quantecon(fake) == NormalFormGame.from_payoff_profiles(PROFILES)
    with pytest.raises(TypeError, match="quantecon"):
        NormalFormGame.from_quantecon(object())


def test_to_quantecon_passes_the_profile_array(monkeypatch) -> None:
    captured = {}

    class FakeGame:
        def __init__(self, data):
            captured["data"] = np.asarray(data)

    module = SimpleNamespace(NormalFormGame=FakeGame)
    monkeypatch.setitem(sys.modules, "quantecon", SimpleNamespace(game_theory=module))
    monkeypatch.setitem(sys.modules, "quantecon.game_theory", module)
    NormalFormGame.from_payoff_profiles(PROFILES).to_quantecon()
    assert captured["data"].tolist() == PROFILES.tolist()
    assert captured["data"].dtype.kind == "i"


def test_real_peers_round_trip_where_installed() -> None:
    gbt = pytest.importorskip("pygambit", reason="pygambit is an optional peer (bench extra)")
    g = NormalFormGame(
        [[[F(1, 3), 0], [5, 1]], [[3, 5], [0, F(7, 2)]]],
        players=("US", "EU"),
        strategies=(("T", "N"), ("T", "N")),
        name="trade",
    )
    back = NormalFormGame.from_gambit(g.to_gambit())
    assert back == g and back.players == g.players and back.kind == "exact"
    assert isinstance(g.to_gambit(), gbt.Game)
