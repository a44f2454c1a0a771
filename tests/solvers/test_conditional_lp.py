"""The conditional LP screen of the n-player support enumeration: it never rules out a
support profile that carries an equilibrium, and it rules out what theory says it must."""

from __future__ import annotations

import itertools
import warnings
from fractions import Fraction
from math import prod

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solvers.finite import polynomial_equilibria
from solvers.finite._conditional_lp import (
    certified_positive,
    conditional_constraints,
    lifted_constraints,
    no_equilibrium_between,
    no_equilibrium_with_support,
)
from solvers.finite._polynomial import _cube, _cube_members
from solvers.verify import regret


def _screen(exacts):
    return [np.asarray(u - min(u.flat), dtype=float) for u in exacts]


@st.composite
def planted_equilibria(draw):
    """A game with a planted equilibrium of a given support: random integer payoffs, then
    each player's payoffs shifted by a constant per own strategy so that the planted
    profile makes her support strategies indifferent and the others no better (ties
    allowed: degenerate games)."""
    n = draw(st.integers(2, 4))
    shape = tuple(draw(st.lists(st.integers(1, 4), min_size=n, max_size=n)))
    if prod(shape) > 64:
        shape = tuple(min(m, 2) for m in shape)
    span = draw(st.sampled_from([2, 5, 100]))
    u = [
        np.array(
            draw(st.lists(st.integers(0, span), min_size=prod(shape), max_size=prod(shape))),
            dtype=object,
        ).reshape(shape)
        for _ in range(n)
    ]
    support, sigma = [], []
    for m in shape:
        S = tuple(sorted(draw(st.sets(st.integers(0, m - 1), min_size=1, max_size=m))))
        weights = draw(st.lists(st.integers(1, 9), min_size=len(S), max_size=len(S)))
        p = [Fraction(0)] * m
        for s, w in zip(S, weights, strict=True):
            p[s] = Fraction(w, sum(weights))
        support.append(S)
        sigma.append(np.array(p, dtype=object))
    for i in range(n):
        against = np.moveaxis(u[i], i, 0)
        for j in reversed(range(n)):
            if j != i:
                against = np.tensordot(
                    against, sigma[j], axes=([1 + (j if j < i else j - 1)], [0])
                )
        value = max(against)
        for b in range(shape[i]):
            gap = 0 if b in support[i] else draw(st.sampled_from([0, 1, 3]))
            index = [slice(None)] * n
            index[i] = b
            u[i][tuple(index)] = u[i][tuple(index)] + (value - against[b] - gap)
    return u, tuple(support), sigma


@settings(max_examples=150, deadline=None)
@given(planted_equilibria())
def test_a_support_with_an_equilibrium_is_never_ruled_out(planted):
    u, support, sigma = planted
    assert max(regret(u, sigma)) == 0  # the planted profile is an exact equilibrium
    assert not no_equilibrium_with_support(_screen(u), support)
    assert not no_equilibrium_with_support(_screen(u), support, lifted=True)
    assert not no_equilibrium_with_support(_screen(u), support, lifted=True, lifts=len(u))
    # nor is the cube of support profiles it belongs to (one LP for all of them)
    top, dropped = _cube(support, u[0].shape)
    assert support in _cube_members(top, dropped)
    assert not no_equilibrium_between(_screen(u), top, dropped)


def test_a_strictly_dominated_strategy_in_the_support_is_ruled_out():
    """Prisoner's dilemma with a third, dummy player: no equilibrium has the first
    player mixing (defecting strictly dominates cooperating)."""
    pd = np.array([[3, 0], [5, 1]])
    u0 = np.stack([pd, pd], axis=2)
    u1 = np.stack([pd.T, pd.T], axis=2)
    u2 = np.zeros((2, 2, 2))
    screen = _screen([u0, u1, u2])
    assert no_equilibrium_with_support(screen, ((0, 1), (1,), (0,)))
    assert not no_equilibrium_with_support(screen, ((1,), (1,), (0, 1)))  # the dummy mixes


def test_the_conditional_relaxation_is_stronger_than_one_distribution():
    """A 2x2x2 game where a single distribution over the support profiles satisfies every
    player's indifference but no product does: McKelvey and McLennan's game has 9
    equilibria, and every support the relaxation rules out carries none of them."""
    from games import catalog

    u = catalog.load("mckelvey-mclennan1997-2x2x2").payoff_arrays(exact=True)
    eqs = polynomial_equilibria(u, exact=True)
    carried = {
        tuple(tuple(k for k, p in enumerate(s) if p != 0) for s in e.strategies) for e in eqs
    }
    screen = _screen(u)
    supports = [tuple(S) for S in itertools.product(*[[(0,), (1,), (0, 1)] for _ in range(3)])]
    ruled_out = {S for S in supports if no_equilibrium_with_support(screen, S)}
    assert not ruled_out & carried
    assert len(carried) + len(ruled_out) <= len(supports)


def _without_the_lp_screens(monkeypatch):
    import solvers.finite._polynomial as polynomial

    original = polynomial._screens_worth_running

    def without(support, systems, vanishing):  # no LP screen at all
        _, per_player, _ = original(support, systems, vanishing)
        return False, per_player, 0

    monkeypatch.setattr(polynomial, "_screens_worth_running", without)


@pytest.mark.parametrize(
    ("shape", "span", "seed"),
    [((5, 4, 3), 100, 0), ((5, 4, 3), 3, 1), ((6, 4, 3), 2, 2), ((4, 4, 4), 100, 3)],
)
def test_the_screen_changes_no_equilibrium(monkeypatch, shape, span, seed):
    """Random games (generic and with many ties), exact: the same equilibria, the same
    completeness, with and without the conditional LP screen."""
    rng = np.random.default_rng(seed)
    u = [rng.integers(0, span + 1, size=shape) for _ in shape]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with_lp = polynomial_equilibria(u, exact=True)
        _without_the_lp_screens(monkeypatch)
        without = polynomial_equilibria(u, exact=True)
    assert len(caught) % 2 == 0  # the same warnings (continua) both times
    assert with_lp.complete == without.complete
    assert sorted(str(e.strategies) for e in with_lp) == sorted(str(e.strategies) for e in without)


def _constraints_by_definition(payoffs, support):
    """The conditional relaxation's columns written out one by one: player i, condition
    b (her support's other strategies, then the outside ones), own strategy a; entry at
    profile s: [s_i = a] (u_i(b, s_-i) - u_i(S_i[0], s_-i)) / max u_i."""
    profiles = list(itertools.product(*support))
    columns = {True: [], False: []}
    for i, S in enumerate(support):
        u = payoffs[i] / payoffs[i].max()
        conditions = [*S[1:], *(b for b in range(u.shape[i]) if b not in S)]
        for b in conditions:
            for a in S:
                column = []
                for s in profiles:
                    other = list(s)
                    other[i] = b
                    base = list(s)
                    base[i] = S[0]
                    column.append(u[tuple(other)] - u[tuple(base)] if s[i] == a else 0.0)
                columns[b in S].append(column)
    A = np.array(columns[True] + columns[False]).reshape(-1, len(profiles)).T
    return A, len(columns[True])


@pytest.mark.parametrize("seed", range(6))
def test_conditional_constraints_match_their_definition(seed):
    rng = np.random.default_rng(seed)
    shape = [(6, 6, 5), (4, 3, 3, 2), (3, 4), (2, 2, 2, 2, 2), (5, 1, 3), (3, 3, 3)][seed]
    payoffs = [rng.random(shape) for _ in shape]
    for _ in range(20):
        support = tuple(
            tuple(sorted(rng.choice(m, size=rng.integers(1, m + 1), replace=False).tolist()))
            for m in shape
        )
        A, equalities = conditional_constraints(payoffs, support)
        expected, expected_equalities = _constraints_by_definition(payoffs, support)
        assert equalities == expected_equalities and A.shape == expected.shape
        np.testing.assert_allclose(A, expected, rtol=0, atol=1e-15)


def test_the_cubes_partition_the_support_profiles():
    shape = (3, 2, 1, 3)
    supports = set(
        itertools.product(
            *(
                [T for k in range(1, m + 1) for T in itertools.combinations(range(m), k)]
                for m in shape
            )
        )
    )
    cubes = {_cube(S, shape) for S in supports}
    members = [S for top, dropped in cubes for S in _cube_members(top, dropped)]
    assert len(members) == len(supports) and set(members) == supports
    assert all(_cube(S, shape) == key for key in cubes for S in _cube_members(*key))


def test_a_cube_with_a_pure_equilibrium_is_not_ruled_out_but_one_without_is():
    """The prisoner's dilemma with a dummy third player: (defect, defect) is the only
    equilibrium. The cube of supports that keep cooperation for the first two players
    holds none; the cube that may drop cooperation holds (defect, defect)."""
    pd = np.array([[3.0, 0.0], [5.0, 1.0]])
    u = [pd[:, :, None] * np.ones(2), pd.T[:, :, None] * np.ones(2), np.zeros((2, 2, 2))]
    screen = _screen(u)
    assert no_equilibrium_between(screen, ((0, 1), (0, 1), (0,)), [(1,), (1,), ()])
    assert not no_equilibrium_between(screen, ((1, 0), (1, 0), (0,)), [(0,), (0,), ()])


def test_dropped_must_leave_each_support_its_first_strategy():
    u = np.array([[2.0, 0.0], [0.0, 2.0]])
    with pytest.raises(ValueError, match="dropped"):
        no_equilibrium_between([u, 2.0 - u], ((0, 1), (0, 1)), [(0,), ()])
    with pytest.raises(ValueError, match="dropped"):
        no_equilibrium_between([u, 2.0 - u], ((0, 1), (0, 1)), [(1,)])


def test_highspy_rules_out_near_tie_supports_as_linprog_does(monkeypatch):
    """Payoffs 0..2 plus 1e-8 noise (helper-41's review): differences below HiGHS's
    small-value threshold make it warn when the model is passed; the LP must still run
    (its certificate is checked on the true matrix), as through ``linprog``. Here every
    (3, 3, 3) support of the first three strategies is ruled out by both."""
    pytest.importorskip("highspy", reason="highspy (the 'fast' extra) is not installed")
    rng = np.random.default_rng(5002)
    shape = (5, 5, 3)
    u = [rng.integers(0, 3, shape) + 1e-8 * rng.standard_normal(shape) for _ in shape]
    screen = [v - v.min() for v in u]
    supports = [((0, 1, 2), (0, 1, b), (0, 1, 2)) for b in (2, 3, 4)]
    assert all(no_equilibrium_with_support(screen, S, fast=False) for S in supports)
    assert all(no_equilibrium_with_support(screen, S) for S in supports)
    assert no_equilibrium_between(screen, supports[0], [(), (), (2,)])


def test_lifts_must_be_a_positive_number_of_players():
    u = np.array([[2.0, 0.0], [0.0, 2.0]])
    for lifts in (0, 1.5, True):
        with pytest.raises(ValueError, match="lifts"):
            no_equilibrium_with_support([u, 2.0 - u], ((0, 1), (0, 1)), lifted=True, lifts=lifts)


def test_the_other_players_lifts_rule_out_what_the_first_leaves():
    """Random 6x6x5 game, (6, 5, 4) support systems that both the first relaxation and
    its lift by the player of the largest support leave: lifts by the other players are
    different relaxations and rule some of them out (9 of 14 measured on this game)."""
    rng = np.random.default_rng(0)
    shape = (6, 6, 5)
    screen = [u - u.min() for u in (rng.standard_normal(shape) for _ in shape)]
    ruled_out = 0
    for sizes in ((6, 5, 4), (5, 6, 4)):
        for support in itertools.product(
            *(itertools.combinations(range(m), k) for m, k in zip(shape, sizes, strict=True))
        ):
            if no_equilibrium_with_support(screen, support) or no_equilibrium_with_support(
                screen, support, lifted=True
            ):
                continue
            ruled_out += no_equilibrium_with_support(screen, support, lifted=True, lifts=3)
            if ruled_out == 2:
                return
    pytest.fail(f"the other players' lifts ruled out {ruled_out} (6, 5, 4) systems")


def test_constraints_of_a_pure_profile_and_a_constant_player():
    """No mixing player: only the best-response inequalities, one per outside strategy;
    a player with constant payoffs contributes zero columns (no division by zero)."""
    u0 = np.array([[1.0, 0.0], [0.0, 2.0]])
    A, equalities = conditional_constraints([u0, np.zeros((2, 2))], ((0,), (0,)))
    assert equalities == 0 and A.shape == (1, 2)
    assert A[:, 0].tolist() == [-0.5] and A[:, 1].tolist() == [0.0]


def test_a_certificate_within_rounding_of_zero_is_refused():
    A = np.array([[1.0, 1.0], [1.0, -1.0]])
    assert certified_positive(A, 2, np.array([1.0, 0.0]))
    assert not certified_positive(A, 2, np.array([0.5, 0.5 - 1e-17]))
    assert not certified_positive(A, 2, np.array([np.nan, 0.0]))


def test_payoffs_of_subnormal_size_lose_no_equilibrium():
    """One player's exact payoffs of order 1e-323 (helper-38's review): as floats they
    are subnormal, their rounding is not small against their range, and a certificate
    read from them was false. The screen refuses such payoffs, and the enumeration
    rescales them by a power of two first: the planted fully mixed equilibrium
    ((1/2, 1/2), (1/3, 2/3), (2/5, 3/5)) is found."""
    unit = Fraction(1, 10**323)

    def arr(values, scale=Fraction(1)):
        return np.array([Fraction(v) * scale for v in values], dtype=object).reshape(2, 2, 2)

    u = [
        arr(["41/25", "67/50", "26/25", "57/50", "1/10", "23/10", "8/5", "4/5"], unit),
        arr(["1", "11/10", "427/100", "97/100", "12/5", "37/10", "117/100", "247/100"]),
        arr(["19/10", "1/5", "1", "11/5", "49/10", "4", "17/10", "9/5"]),
    ]
    sigma = [
        np.array([Fraction(1, 2), Fraction(1, 2)]),
        np.array([Fraction(1, 3), Fraction(2, 3)]),
        np.array([Fraction(2, 5), Fraction(3, 5)]),
    ]
    assert max(regret(u, sigma)) == 0
    assert not no_equilibrium_with_support(_screen(u), ((0, 1), (0, 1), (0, 1)))
    for systems in ("auto", "groebner"):
        eqs = polynomial_equilibria(u, exact=True, systems=systems)
        assert any(all(list(e.strategies[i]) == list(sigma[i]) for i in range(3)) for e in eqs)


@pytest.mark.parametrize("shape", [(6, 6, 4), (5, 5, 5), (4, 4, 3, 3), (3, 3, 3)])
def test_highspy_and_linprog_reach_the_same_verdicts(monkeypatch, shape):
    """The two back ends of the LP (``highspy`` directly, ``scipy.optimize.linprog``)
    rule out the same support profiles of random games (each verdict certified on its
    own), and the ones they rule out hold no equilibrium."""
    pytest.importorskip("highspy", reason="highspy (the 'fast' extra) is not installed")
    import solvers.finite._conditional_lp as conditional_lp

    rng = np.random.default_rng(sum(shape))
    payoffs = [rng.standard_normal(shape) for _ in shape]
    screen = [u - u.min() for u in payoffs]
    supports = [
        tuple(
            tuple(sorted(rng.choice(m, size=rng.integers(1, m + 1), replace=False).tolist()))
            for m in shape
        )
        for _ in range(120)
    ]
    with_highspy = [no_equilibrium_with_support(screen, S) for S in supports]
    with_linprog = [no_equilibrium_with_support(screen, S, fast=False) for S in supports]
    monkeypatch.setattr(conditional_lp, "import_highspy", lambda: False)  # not installed
    assert [no_equilibrium_with_support(screen, S) for S in supports] == with_linprog
    assert with_highspy == with_linprog
    assert sum(with_highspy) > len(supports) // 2  # random games: most carry nothing
    # and no ruled-out support carries one of the game's equilibria
    eqs = polynomial_equilibria(payoffs) if prod(shape) <= 64 else None
    if eqs is not None:
        carried = {
            tuple(tuple(np.flatnonzero(s > 1e-9).tolist()) for s in e.strategies) for e in eqs
        }
        assert not carried & {S for S, out in zip(supports, with_highspy, strict=True) if out}


@pytest.mark.parametrize("seed", range(4))
def test_lifted_constraints_are_the_products_with_one_players_probabilities(seed):
    """For any mixed profile with the given supports (equilibrium or not), the lifted
    variables xi(s_-j, {b, c}) = sigma_-j(s_-j) sigma_j(b) sigma_j(c) give, in column
    k m + c, the first relaxation's constraint k at mu = sigma_1 x ... x sigma_n times
    sigma_j(c)."""
    rng = np.random.default_rng(seed)
    shape = (4, 3, 5) if seed % 2 else (3, 3, 2, 3)
    payoffs = [rng.random(shape) for _ in shape]
    support = tuple(
        tuple(sorted(rng.choice(m, size=rng.integers(1, m + 1), replace=False).tolist()))
        for m in shape
    )
    sigma = [rng.random(len(S)) + 0.1 for S in support]
    sigma = [p / p.sum() for p in sigma]
    mu = sigma[0]
    for p in sigma[1:]:
        mu = np.multiply.outer(mu, p)
    first, equalities = conditional_constraints(payoffs, support)
    for j in range(len(shape)):
        m = len(support[j])
        others = np.moveaxis(mu, j, -1) / sigma[j]  # sigma_-j(s_-j), any own position
        rest = others[..., 0].reshape(-1)
        xi = np.array(
            [r * sigma[j][b] * sigma[j][c] for r in rest for b in range(m) for c in range(b, m)]
        )
        lifted, lifted_equalities = lifted_constraints(payoffs, support, j)
        assert lifted_equalities == equalities * m
        expected = np.multiply.outer(first.T @ mu.reshape(-1), sigma[j]).reshape(-1)
        np.testing.assert_allclose(lifted.T @ xi, expected, atol=1e-12)


def test_the_lifted_screen_rules_out_what_the_first_leaves():
    """Random 6x6x5 game, (5, 5, 4) support systems that the first relaxation leaves: the
    lifted one rules most of them out (97% measured on this game). That none it rules
    out carries an equilibrium is the planted-equilibrium test's and the with/without
    comparison's job."""
    rng = np.random.default_rng(0)
    shape = (6, 6, 5)
    payoffs = [rng.standard_normal(shape) for _ in shape]
    screen = [u - u.min() for u in payoffs]
    supports = [
        tuple(
            tuple(sorted(rng.choice(m, size=k, replace=False).tolist()))
            for m, k in zip(shape, (5, 5, 4), strict=True)
        )
        for _ in range(40)
    ]
    left = [S for S in supports if not no_equilibrium_with_support(screen, S)]
    assert len(left) >= 5
    out = [no_equilibrium_with_support(screen, S, lifted=True) for S in left]
    assert sum(out) >= 0.8 * len(left)


def test_highs_instances_are_kept_per_purpose_and_options():
    pytest.importorskip("highspy", reason="highspy (the 'fast' extra) is not installed")
    from solvers._highs import discard_instance, highs_instance

    plain = highs_instance("test purpose")
    primal = highs_instance("test purpose", {"simplex_strategy": 4})
    assert primal is not plain and primal is highs_instance(
        "test purpose", {"simplex_strategy": 4}
    )
    assert primal.getOptionValue("simplex_strategy")[1] == 4
    assert plain.getOptionValue("simplex_strategy")[1] == 1
    with pytest.raises(ValueError, match="HiGHS refuses the option no_such_option"):
        highs_instance("test purpose", {"no_such_option": 1})
    discard_instance("test purpose")
    assert highs_instance("test purpose") is not plain
