"""Vertex enumeration: textbook games, degeneracy, literature games, properties vs nashpy."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from fractions import Fraction as F

import nashpy
import numpy as np
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.spatial import QhullError

from games import catalog
from solvers.finite import equilibria
from solvers.finite._vertex import DegenerateGameWarning, vertex_enumeration
from solvers.verify import is_nash


@dataclass(frozen=True)
class Case:
    A: list
    B: list
    expected: set  # {((x...), (y...))} as Fractions


def profiles(eqs) -> set:
    return {tuple(tuple(F(p) for p in s) for s in eq.strategies) for eq in eqs}


def vectors(eqs) -> np.ndarray:
    """Each equilibrium (or nashpy profile) as one concatenated float row."""
    rows = [
        np.concatenate([np.asarray(s, dtype=float) for s in getattr(e, "strategies", e)])
        for e in eqs
    ]
    return np.array(rows) if rows else np.empty((0, 0))


def covers(big, small, atol: float = 1e-6) -> bool:
    """Every profile of ``small`` is within ``atol`` of some profile of ``big``.

    Tolerance matching, not rounding: rounding puts values such as 65/128 = 0.5078125 on a
    rounding boundary where float noise decides the digit.
    """
    big, small = vectors(big), vectors(small)
    if len(small) == 0:
        return True
    if len(big) == 0 or big.shape[1] != small.shape[1]:
        return False
    distance = np.abs(small[:, None, :] - big[None, :, :]).max(axis=2)
    return bool(np.all(distance.min(axis=1) <= atol))


def same(a, b, atol: float = 1e-6) -> bool:
    return len(a) == len(b) and covers(a, b, atol) and covers(b, a, atol)


h = F(1, 2)
CASES = [
    pytest.param(
        Case([[3, 0], [5, 1]], [[3, 5], [0, 1]], {((0, 1), (0, 1))}),
        id="prisoners-dilemma-1-equilibrium",
    ),
    pytest.param(
        # mixed: column mixes (2/5, 3/5) to make row indifferent: 3q = 2(1-q) -> q = 2/5
        Case(
            [[3, 0], [0, 2]],
            [[2, 0], [0, 3]],
            {((1, 0), (1, 0)), ((0, 1), (0, 1)), ((F(3, 5), F(2, 5)), (F(2, 5), F(3, 5)))},
        ),
        id="battle-of-sexes-3-equilibria",
    ),
    pytest.param(
        Case([[1, -1], [-1, 1]], [[-1, 1], [1, -1]], {((h, h), (h, h))}),
        id="matching-pennies-1-mixed",
    ),
    pytest.param(
        Case(
            [[0, -1, 1], [1, 0, -1], [-1, 1, 0]],
            [[0, 1, -1], [-1, 0, 1], [1, -1, 0]],
            {((F(1, 3),) * 3, (F(1, 3),) * 3)},
        ),
        id="rock-paper-scissors-uniform",
    ),
    pytest.param(
        # docs/models.md §a.5: chicken b=4, c=2, p(C) = (b-c)/(b-c/2) = 2/3
        Case(
            [[3, 2], [4, 0]],
            [[3, 4], [2, 0]],
            {((1, 0), (0, 1)), ((0, 1), (1, 0)), ((F(2, 3), F(1, 3)), (F(2, 3), F(1, 3)))},
        ),
        id="chicken-3-equilibria",
    ),
    pytest.param(
        # docs/models.md §d.6: stag hunt, p(Stay) = 2/3
        Case(
            [[3, 0], [2, 2]],
            [[3, 2], [0, 2]],
            {((1, 0), (1, 0)), ((0, 1), (0, 1)), ((F(2, 3), F(1, 3)), (F(2, 3), F(1, 3)))},
        ),
        id="stag-hunt-3-equilibria",
    ),
]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("exact", [True, False], ids=["exact", "float"])
def test_textbook_games(case: Case, exact: bool) -> None:
    eqs = vertex_enumeration(np.array(case.A), np.array(case.B), exact=exact)
    expected = {tuple(tuple(F(p) for p in s) for s in e) for e in case.expected}
    if exact:
        assert profiles(eqs) == expected
        assert all(eq.regret == 0 and eq.exact for eq in eqs)
    else:
        assert same(eqs, [[np.array(s, dtype=float) for s in e] for e in expected])
    assert eqs.degenerate is False and eqs.complete


def test_degenerate_entry_game_lists_extreme_points_of_the_component() -> None:
    # Entry game: row Out/In, column Fight/Accommodate. Out is a best reply against any
    # q = P(Fight) >= 1/2, and against Out the incumbent is indifferent: the component
    # {Out} x {q in [1/2, 1]} has extreme points q = 1 and q = 1/2, plus (In, Accommodate).
    A = np.array([[0, 0], [-1, 1]])
    B = np.array([[2, 2], [-1, 1]])
    with pytest.warns(DegenerateGameWarning, match="degenerate"):
        eqs = vertex_enumeration(A, B, exact=True)
    assert eqs.degenerate is True and eqs.complete
    assert profiles(eqs) == {((1, 0), (1, 0)), ((1, 0), (h, h)), ((0, 1), (0, 1))}
    assert any("degenerate" in note for note in eqs.notes)


def test_all_zero_game_is_degenerate_and_lists_pure_profiles() -> None:
    # Every profile is an equilibrium; the extreme ones are the four pure profiles.
    with pytest.warns(DegenerateGameWarning):
        eqs = vertex_enumeration(np.zeros((2, 2)), np.zeros((2, 2)), exact=True)
    assert profiles(eqs) == {((a, 1 - a), (b, 1 - b)) for a in (0, 1) for b in (0, 1)}


def test_one_strategy_player() -> None:
    # 1 x 3: the column player simply best-responds; two tied best replies give a segment.
    A = np.array([[1, 2, 3]])
    B = np.array([[5, 1, 5]])
    with pytest.warns(DegenerateGameWarning):
        eqs = vertex_enumeration(A, B, exact=True)
    assert profiles(eqs) == {((1,), (1, 0, 0)), ((1,), (0, 0, 1))}


# von Stengel's 6x6 game with 75 equilibria, in its two payoff versions (games.catalog)
VON_STENGEL = {
    "original_payoffs": "vonstengel1999-6x6",
    "small_payoffs": "savani-vonstengel2006-6x6",
}


@pytest.mark.parametrize("version", ["original_payoffs", "small_payoffs"])
def test_von_stengel_6x6_has_75_equilibria(version: str) -> None:
    name = VON_STENGEL[version]
    A, B = (u.astype(np.int64) for u in catalog.load(name).payoff_arrays(exact=True))
    eqs = vertex_enumeration(A, B)
    assert len(eqs) == catalog.info(name).equilibria == 75
    assert not eqs.degenerate and eqs.complete
    assert all(is_nash([A, B], eq.strategies) for eq in eqs)


def test_von_stengel_6x6_exact() -> None:
    game = catalog.load(VON_STENGEL["small_payoffs"])
    A, B = (u.astype(np.int64) for u in game.payoff_arrays(exact=True))
    eqs = vertex_enumeration(A, B, exact=True)
    assert len(eqs) == 75 and all(eq.regret == 0 for eq in eqs)
    assert same(eqs, vertex_enumeration(A, B))


# ---------------------------------------------------------------- properties


def games(elements, max_side: int = 6):
    shapes = st.tuples(st.integers(2, max_side), st.integers(2, max_side))
    return shapes.flatmap(
        lambda s: st.tuples(
            arrays(np.float64, s, elements=elements), arrays(np.float64, s, elements=elements)
        )
    )


int_games = games(st.integers(-4, 4).map(float))
# rounded to 4 decimals: exact ties (degenerate games) still occur, but no payoff
# differences near the 1e-9 relative tolerance, where any float method's answer is decided
# by its tolerance rather than by the game
float_games = games(st.floats(-10, 10, allow_nan=False).map(lambda v: round(v, 4)))
# payoffs on a 1/16 grid: no payoff differences at the 1e-9 tolerance scale, where whether
# a profile is an equilibrium is decided by the tolerance itself
grid_games = games(st.integers(-160, 160).map(lambda k: k / 16))


PEER_RTOL = 1e-12


def nashpy_vertex_set(A, B) -> list | None:
    """nashpy's vertex enumeration, or None where nashpy itself fails (it raises on
    games where a player's payoffs are constant: its LP has no solution)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found = list(nashpy.Game(A, B).vertex_enumeration())
        except (TypeError, ValueError, QhullError):
            return None
    # nashpy labels vertices with np.isclose (rtol 1e-5), so in near-degenerate games it
    # can return profiles that are not equilibria; compare only the ones that are. The check
    # is stricter than the solvers' default (1e-9 of the payoff range): a profile that puts
    # 1e-4 on a strategy 7e-5 worse than the best has regret 7e-9, inside the default
    # tolerance of a game with range 10 but not an equilibrium (the @example of
    # test_float_games_equal_nashpy_vertex_enumeration). nashpy's genuine vertices have
    # regret at rounding level (1e-16 of the range).
    return [p for p in found if is_nash([A, B], p, rtol=PEER_RTOL)]


def solve_quietly(A, B, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegenerateGameWarning)
        return vertex_enumeration(A, B, **kw)


@settings(max_examples=40)
@given(int_games)
def test_integer_games_superset_of_nashpy_and_all_verified(game) -> None:
    A, B = game
    eqs = solve_quietly(A, B)
    assert eqs.complete and len(eqs) >= 1
    assert all(is_nash([A, B], eq.strategies) for eq in eqs)
    theirs = nashpy_vertex_set(A, B)
    if theirs is not None:
        assert covers(eqs, theirs)


@settings(max_examples=40)
@given(float_games)
@example(
    (
        np.array([[0, 0, 0, 0], [0, 0, 0, 0], [-1e-4, 0, 0, 0], [3, 0, 0, -7]], dtype=float),
        np.array([[0, 0, -1e-4, 0], [0, 0, 0, 0], [-1, 0, 0, 0], [1, 0, 1, 0]], dtype=float),
    )
)
def test_float_games_equal_nashpy_vertex_enumeration(game) -> None:
    A, B = game
    eqs = solve_quietly(A, B)
    theirs = nashpy_vertex_set(A, B)
    assume(theirs is not None)
    assert covers(eqs, theirs)
    if not eqs.degenerate:
        assert covers(theirs, eqs)
        assert len(eqs) % 2 == 1  # nondegenerate games have an odd number of equilibria
    assert all(is_nash([A, B], eq.strategies) for eq in eqs)


@settings(max_examples=30)
@given(int_games)
def test_exact_and_float_agree(game) -> None:
    A, B = game
    exact = solve_quietly(A.astype(int), B.astype(int), exact=True)
    assert all(eq.regret == 0 for eq in exact)
    assert same(exact, solve_quietly(A, B))


@settings(max_examples=30)
@given(int_games, st.randoms(use_true_random=False))
def test_relabelling_permutes_the_answer(game, rnd) -> None:
    A, B = game
    m, n = A.shape
    rows, cols = rnd.sample(range(m), m), rnd.sample(range(n), n)
    base = solve_quietly(A, B, exact=True)
    permuted = solve_quietly(A[np.ix_(rows, cols)], B[np.ix_(rows, cols)], exact=True)
    expected = {(tuple(x[rows]), tuple(y[cols])) for x, y in (eq.strategies for eq in base)}
    assert profiles(permuted) == {tuple(tuple(F(p) for p in s) for s in e) for e in expected}
    # swapping the players transposes the game
    swapped = solve_quietly(B.T, A.T, exact=True)
    assert profiles(swapped) == {(y, x) for x, y in profiles(base)}


@settings(max_examples=30)
@given(grid_games, st.sampled_from([1e-6, 1e6]), st.floats(-1e3, 1e3))
def test_positive_affine_rescaling_changes_nothing(game, scale, shift) -> None:
    A, B = game
    base = solve_quietly(A, B)
    # shift in units of the scale: the game keeps its significant digits
    moved = solve_quietly(A * scale + shift * scale, B * scale - shift * scale)
    assert same(moved, base)


def test_default_two_player_method_is_vertex_enumeration() -> None:
    eqs = equilibria([np.array([[3, 0], [0, 2]]), np.array([[2, 0], [0, 3]])])
    assert eqs.method == "vertex_enumeration" and len(eqs) == 3


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("A", "B", "error", "match"),
    [
        pytest.param([[1, 2], [3, 4]], [[1, 2, 3]], ValueError, "shape", id="shape-mismatch"),
        pytest.param([1, 2], [1, 2], ValueError, "2-D", id="not-a-matrix"),
        pytest.param([[1, np.nan]], [[1, 2]], ValueError, "finite", id="nan"),
        pytest.param([[1, np.inf]], [[1, 2]], ValueError, "finite", id="inf"),
        pytest.param([["a", 1]], [[1, 2]], TypeError, "non-numeric", id="strings"),
        pytest.param([[1, 2j]], [[1, 2]], TypeError, "not a real number", id="complex"),
    ],
)
def test_bad_input_is_rejected_with_a_clear_message(A, B, error, match) -> None:
    with pytest.raises(error, match=match):
        vertex_enumeration(np.array(A, dtype=object), np.array(B, dtype=object))


@pytest.mark.parametrize("exact", [False, True])
def test_complex_payoffs_are_refused_not_cast(exact) -> None:
    # numpy would drop the imaginary part with a ComplexWarning: a silently different game
    A = np.array([[1 + 1j, 0], [0, 1]])
    with pytest.raises(TypeError, match=r"payoffs\[0\] is a complex array"):
        equilibria([A, np.eye(2)], exact=exact)
    u = np.array([[[1, 2j]] * 2] * 2, dtype=object)  # a Python complex among objects
    with pytest.raises(TypeError, match="not a real number"):
        equilibria([np.ones((2, 2, 2)), np.ones((2, 2, 2)), u], exact=exact)


def test_unbound_symbol_in_exact_mode_names_the_symbol() -> None:
    import sympy as sp

    b = sp.Symbol("b")
    A = np.array([[b, 0], [0, 1]], dtype=object)
    with pytest.raises((TypeError, ValueError), match="b"):
        vertex_enumeration(A, A.T, exact=True)


def test_unknown_method_lists_the_choices() -> None:
    with pytest.raises(ValueError, match="vertex_enumeration"):
        equilibria([np.eye(2), np.eye(2)], method="magic")


# ---------------------------------------------------------------- two algorithms agree


@settings(max_examples=40)
@given(float_games)
def test_support_and_vertex_enumeration_agree_on_nondegenerate_games(game) -> None:
    from solvers.finite._support import support_enumeration

    A, B = game
    by_vertices = solve_quietly(A, B)
    assume(not by_vertices.degenerate)
    by_supports = support_enumeration(A, B)
    assert by_supports.complete
    assert same(by_supports, by_vertices)


@settings(max_examples=25)
@given(int_games)
def test_support_enumeration_flags_what_it_may_miss(game) -> None:
    """On any game, support enumeration finds a subset of the extreme equilibria, and when
    it finds fewer it has said so (complete=False with a warning)."""
    from solvers.finite._support import support_enumeration

    A, B = game
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        by_supports = support_enumeration(A, B, exact=True)
    by_vertices = solve_quietly(A, B, exact=True)
    assert all(eq.regret == 0 for eq in by_supports)
    if by_supports.complete:
        assert profiles(by_supports) == profiles(by_vertices)
    assert covers(by_vertices, by_supports) or by_supports.degenerate


def test_support_enumeration_warns_on_a_degenerate_game() -> None:
    from solvers.finite._support import support_enumeration

    A = np.array([[0, 0], [-1, 1]])
    B = np.array([[2, 2], [-1, 1]])
    with pytest.warns(RuntimeWarning, match="degenerate"):
        eqs = support_enumeration(A, B)
    assert eqs.degenerate and not eqs.complete


# ------------------------------------------- exact mode beyond float resolution (review)


def test_exact_mode_finds_the_unique_equilibrium_of_a_wide_range_game() -> None:
    # A = [[N,0,0],[0,N,1]], B = [[0,1,2],[1,0,0]]: the column player mixes 0 and 2 when
    # 1 - p = 2p (p = 1/3); the row player is indifferent when N q = 1 - q (q = 1/(N+1));
    # no pure profile is an equilibrium. N = 1e10 puts the structure below float resolution.
    N = 10**10
    A = np.array([[N, 0, 0], [0, N, 1]])
    B = np.array([[0, 1, 2], [1, 0, 0]])
    eqs = vertex_enumeration(A, B, exact=True)
    assert profiles(eqs) == {((F(1, 3), F(2, 3)), (F(1, N + 1), 0, F(N, N + 1)))}
    assert eqs.complete and eqs.degenerate is False


def test_exact_mode_resolves_a_tiny_payoff_difference() -> None:
    # A = I, B = [[eps, 0], [0, 1]]: pure (0,0) and (1,1), and the mixed profile with the
    # column player indifferent at eps p = 1 - p and the row player at q = 1/2.
    eps = F(1, 10**10)
    A = np.array([[F(1), F(0)], [F(0), F(1)]], dtype=object)
    B = np.array([[eps, F(0)], [F(0), F(1)]], dtype=object)
    eqs = vertex_enumeration(A, B, exact=True)
    p = 1 / (1 + eps)
    assert profiles(eqs) == {((1, 0), (1, 0)), ((0, 1), (0, 1)), ((p, 1 - p), (h, h))}
    assert eqs.degenerate is False


def test_exact_mode_with_a_huge_common_offset() -> None:
    big = 10**20  # matching pennies shifted beyond float resolution
    A = np.array([[big + 1, big], [big, big + 1]], dtype=object)
    B = np.array([[big, big + 1], [big + 1, big]], dtype=object)
    assert profiles(vertex_enumeration(A, B, exact=True)) == {((h, h), (h, h))}


tiny_noise_games = games(st.integers(-3, 3)).map(
    lambda g: tuple(
        np.array(
            [[F(int(v)) + F(k % 3, 10**12) for k, v in enumerate(row)] for row in u], dtype=object
        )
        for u in g
    )
)


@settings(max_examples=25)
@given(tiny_noise_games)
def test_exact_fast_path_equals_the_exact_basis_certificate(game) -> None:
    """Integer games with noise of 1e-12: the float-guided exact answer equals the
    tolerance-free basis enumeration (an independent exact algorithm)."""
    from solvers.finite._vertex_exact import exact_vertex_equilibria

    A, B = game
    eqs = solve_quietly(A, B, exact=True)
    certificate, degenerate = exact_vertex_equilibria(A, B)
    assert profiles(eqs) == {(tuple(x), tuple(y)) for x, y in certificate}
    assert eqs.degenerate == degenerate and eqs.complete


@settings(max_examples=40)
@given(float_games)
def test_float_strategies_are_probability_vectors(game) -> None:
    for eq in solve_quietly(*game):
        for s in eq.strategies:
            assert np.all(s >= 0) and abs(s.sum() - 1) <= 1e-12


def test_float_mode_renormalizes_after_zeroing_tight_coordinates() -> None:
    eqs = solve_quietly(np.eye(2), np.array([[1e-10, 0], [0, 1.0]]))
    assert all(abs(s.sum() - 1) <= 1e-15 for eq in eqs for s in eq.strategies)


def test_support_enumeration_solves_ill_conditioned_systems() -> None:
    # von Stengel's original payoffs: the fully mixed equilibrium's indifference system has
    # a relative determinant of about 4e-17; it must be solved and verified, not skipped.
    from solvers.finite._support import support_enumeration

    game = catalog.load(VON_STENGEL["original_payoffs"])
    A, B = (u.astype(np.int64) for u in game.payoff_arrays(exact=True))
    eqs = support_enumeration(A, B)
    assert len(eqs) == 75 and eqs.complete
    assert same(eqs, vertex_enumeration(A, B))


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        pytest.param(
            lambda: vertex_enumeration(np.array([[True, False]]), [[1, 2]]),
            TypeError,
            "booleans",
            id="booleans",
        ),
        pytest.param(
            lambda: vertex_enumeration([[1, 2], [3]], [[1, 2], [3, 4]]),
            ValueError,
            "A is ragged",
            id="ragged",
        ),
        pytest.param(
            lambda: vertex_enumeration(np.array([[10**400, 0], [0, 1]], dtype=object), np.eye(2)),
            ValueError,
            "floating-point range",
            id="beyond-float-range",
        ),
        pytest.param(
            lambda: vertex_enumeration(np.eye(2), np.eye(2), rtol=-1),
            ValueError,
            "rtol",
            id="negative-rtol",
        ),
        pytest.param(
            lambda: vertex_enumeration(np.eye(2), np.eye(2), rtol=float("nan")),
            ValueError,
            "rtol",
            id="nan-rtol",
        ),
    ],
)
def test_more_bad_input_is_rejected_at_the_boundary(call, error, match) -> None:
    with pytest.raises(error, match=match):
        call()
