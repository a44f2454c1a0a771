"""Aggregative games (solvers.continuous): the aggregate fixed point, verification, helpers."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from solvers.continuous._aggregative import (
    aggregate_regrets,
    aggregative_equilibrium,
    replacement_function,
    symmetric_equilibrium,
)

g, G, w, a = sp.symbols("g G w a", positive=True)
BBV = (1 - a) * sp.log(w - g) + a * sp.log(G)


def bbv_closed_form(incomes, a):
    order = np.argsort(-incomes)
    for m in range(len(incomes), 0, -1):
        C = order[:m]
        Gm = a * incomes[C].sum() / (a + m * (1 - a))
        y = (1 - a) / a * Gm
        if np.all(incomes[C] > y) and np.all(incomes[order[m:]] <= y):
            out = np.zeros_like(incomes)
            out[C] = incomes[C] - y
            return Gm, out
    raise AssertionError


def test_replacement_function_bbv():
    rep = replacement_function(BBV, g, G, 0, w, player_symbols=(w,), common={a: sp.Rational(1, 3)})
    # FOC in the aggregate: (1-a)/(w-g) = a/G  ->  g = w - ((1-a)/a) G
    assert sp.simplify(rep.interior - (w - 2 * G)) == 0
    assert rep.decreasing is True and rep.concave is True
    r = rep.function(w=np.array([10.0, 1.0]))
    np.testing.assert_allclose(r(3.0), [4.0, 0.0])
    with pytest.raises(ValueError, match="missing player arrays"):
        rep.function()
    with pytest.raises(ValueError, match="unbound symbol"):
        replacement_function(BBV, g, G, 0, w, player_symbols=(w,))


@settings(max_examples=30)
@given(
    n=st.integers(1, 300),
    a_val=st.floats(0.05, 0.95),
    seed=st.integers(0, 2**32 - 1),
)
def test_bbv_random_heterogeneous_players(n, a_val, seed):
    rng = np.random.default_rng(seed)
    incomes = rng.lognormal(0.0, 1.0, n)
    rep = replacement_function(BBV, g, G, 0, w, player_symbols=(w,), common={a: a_val})
    eq = aggregative_equilibrium(
        rep.function(w=incomes), (0.0, incomes.sum()), lower=0.0, upper=incomes, decreasing=True
    )
    G_cf, g_cf = bbv_closed_form(incomes, a_val)
    assert eq.aggregate == pytest.approx(G_cf, rel=1e-10)
    np.testing.assert_allclose(eq.strategies, g_cf, atol=1e-10 * incomes.max())
    regret, tol = aggregate_regrets(
        rep.payoff_function(w=incomes), eq.strategies, np.zeros(n), incomes
    )
    assert np.all(regret <= tol)
    assert eq.unique and set(np.flatnonzero(eq.active != -1)) == set(np.flatnonzero(g_cf > 0))


def test_regrets_detect_a_non_equilibrium():
    incomes = np.array([10.0, 8.0, 2.0])
    rep = replacement_function(BBV, g, G, 0, w, player_symbols=(w,), common={a: 0.5})
    regret, tol = aggregate_regrets(
        rep.payoff_function(w=incomes), np.array([4.0, 2.0, 1.0]), np.zeros(3), incomes
    )
    # the poorest ally gains by dropping to 0 (BBV best response max(0, 1 - 6/2) = 0)
    assert regret[2] > 1e-3 and regret[2] > tol[2]


def test_nonmonotone_replacement_finds_all_roots():
    # r(X) = X^3 scaled so that sum r(X) - X has roots at 0.25, 0.5, 0.75 (and 0)
    def r(X):
        return np.array([X + (X - 0.25) * (X - 0.5) * (X - 0.75)])

    eq = aggregative_equilibrium(r, (0.1, 1.0), decreasing=None, scan=91)
    roots = sorted([eq.aggregate, *eq.others])
    np.testing.assert_allclose(roots, [0.25, 0.5, 0.75], atol=1e-12)
    assert not eq.unique and any("monotone" in n for n in eq.notes)


def test_bracket_errors():
    with pytest.raises(ValueError, match="bracket"):
        aggregative_equilibrium(lambda X: np.array([1.0]), (1.0, 0.0), decreasing=True)
    with pytest.raises(ValueError, match="widen the bracket"):
        aggregative_equilibrium(lambda X: np.array([5.0]), (0.0, 1.0), decreasing=True)
    with pytest.raises(ValueError, match="non-finite"):
        aggregative_equilibrium(lambda X: np.array([np.nan]), (0.0, 1.0), decreasing=True)


def test_symmetric_cournot_and_public_good():
    q, S, n, A, C = sp.symbols("q S n A C", positive=True)
    eq = symmetric_equilibrium((A - C - q - S) * q, q, S, n)
    assert sp.simplify(eq.interior[0] - (A - C) / (n + 1)) == 0
    assert eq.concave is True
    pg = symmetric_equilibrium(
        (1 - a) * sp.log(w - g) + a * sp.log(g + S),
        g,
        S,
        n,
        0,
        w,
        domains={a: sp.Interval.open(0, 1)},
    )
    assert sp.simplify(pg.interior[0] - a * w / (a + n * (1 - a))) == 0
    assert pg.concave is True
