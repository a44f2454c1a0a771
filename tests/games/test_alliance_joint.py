"""Joint products (Sandler 1977) against docs/models.md §a.4 and independent derivations."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar

from games.alliance import joint_products, public_good

HALF = sp.Rational(1, 2)
R = sp.Rational


@pytest.mark.parametrize(
    ("b", "q_nash", "q_pareto"),
    [
        pytest.param(0, R(1, 5), R(1, 2), id="b=0"),
        pytest.param(R(1, 10), R(9, 25), R(3, 5), id="b=1/10"),
        pytest.param(R(1, 4), R(3, 5), R(3, 4), id="b=1/4"),
    ],
)
def test_models_symmetric_worked_examples(b, q_nash, q_pareto) -> None:
    """docs/models.md §a.4: a = 1/2, n = 4, w = 1."""
    m = joint_products([1, 1, 1, 1], a=HALF, b=b)
    eq = m.equilibrium()
    assert eq.exact and eq.residual == 0
    assert tuple(eq.contributions) == (q_nash,) * 4
    assert tuple(m.efficient().contributions) == (q_pareto,) * 4
    assert m.underprovision().ratio == q_nash / q_pareto


def test_sympy_symmetric_derivation() -> None:
    """Impose symmetry on the first-order condition and solve for q."""
    a, b, n, w, q = sp.symbols("a b n w q", positive=True)
    qi, rest = sp.symbols("q_i R", positive=True)
    u = (1 - a - b) * sp.log(w - qi) + a * sp.log(qi + rest) + b * sp.log(qi)
    foc = sp.diff(u, qi).subs({qi: q, rest: (n - 1) * q})
    sol = sp.solve(sp.together(foc), q)
    assert len(sol) == 1
    expected = w * (a / n + b) / (1 - a + a / n)
    assert sp.simplify(sol[0] - expected) == 0
    cf = joint_products().closed_forms
    assert sp.simplify(cf["symmetric_nash"] - expected) == 0
    # ratio q^N/q^P rises in b
    ratio = expected / ((a + b) * w)
    assert sp.simplify(sp.diff(ratio, b).subs({a: HALF, n: 4})).is_positive


def test_b_zero_is_the_pure_public_good() -> None:
    jp = joint_products([10, 8, 2], a=HALF, b=0).equilibrium()
    pg = public_good([10, 8, 2], a=HALF).equilibrium()
    assert tuple(jp.contributions) == tuple(pg.contributions) == (4, 2, 0)


def _best_response_numeric(w, others, a, b):
    def neg_u(x):
        return -((1 - a - b) * np.log(w - x) + a * np.log(x + others) + b * np.log(x))

    res = minimize_scalar(
        neg_u, bounds=(1e-14 * w, w * (1 - 1e-14)), method="bounded", options={"xatol": 1e-13}
    )
    return res.x


@given(
    st.lists(st.floats(0.1, 100.0), min_size=2, max_size=6),
    st.floats(0.1, 0.8),
    st.floats(0.01, 0.15),
)
def test_unequal_incomes_interior_best_responses(incomes, a, b) -> None:
    m = joint_products(incomes, a=a, b=b)
    eq = m.equilibrium()
    q = np.asarray(eq.contributions, dtype=float)
    assert eq.contributors == tuple(range(len(incomes)))  # all interior when b > 0
    assert np.all(q > 0) and np.all(q < np.asarray(incomes))
    for i, w in enumerate(incomes):
        br = _best_response_numeric(w, q.sum() - q[i], a, b)
        assert q[i] == pytest.approx(br, rel=1e-6, abs=1e-9 * max(incomes))


def test_exact_equal_incomes_vs_float() -> None:
    exact = joint_products([3, 3, 3], a=R(1, 3), b=R(1, 5)).equilibrium()
    flt = joint_products([3.0, 3.0, 3.0 + 1e-12], a=1 / 3, b=0.2).equilibrium()
    assert float(exact.total) == pytest.approx(flt.total, rel=1e-9)


def test_joint_products_weaken_exploitation() -> None:
    incomes = [10, 8, 4, 2, 1]
    shares, indices = [], []
    for b in (0, 0.05, 0.1, 0.25):
        m = joint_products(incomes, a=0.5, b=b)
        shares.append(float(m.equilibrium().leader_share))
        indices.append(m.free_riding().exploitation_index)
    assert all(x > y for x, y in itertools.pairwise(shares))
    assert all(x > y for x, y in itertools.pairwise(indices))
    income_share = 10 / sum(incomes)
    assert shares[-1] > income_share  # toward, not past, proportionality
    assert m.free_riding().corner_share == 0


def test_lindahl_efficient_allocation_satisfies_samuelson_conditions() -> None:
    """At q_i = (a+b) w_i: b y_i/(c q_i) + a Y/(c Q) = 1 for every ally (c = 1 - a - b)."""
    a, b = R(1, 2), R(1, 10)
    w = [10, 8, 2]
    eff = joint_products(w, a=a, b=b).efficient()
    q = [(a + b) * wi for wi in w]
    c = 1 - a - b
    y = [wi - qi for wi, qi in zip(w, q, strict=True)]
    for yi, qi in zip(y, q, strict=True):
        assert b * yi / (c * qi) + a * sum(y) / (c * sum(q)) == 1
    assert eff.total == pytest.approx(float(sum(q)))


def test_game_generic_solver_agrees_symmetric() -> None:
    eq = joint_products([1, 1], a=HALF, b=R(1, 10)).game.equilibrium()
    # n = 2: q = (1/4 + 1/10)/(1/2 + 1/4) = 7/15
    assert eq.strategies == {"ally 1": R(7, 15), "ally 2": R(7, 15)}


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        pytest.param({"a": HALF, "b": HALF}, "a \\+ b must be < 1", id="a+b"),
        pytest.param({"b": -0.1}, "b must be >= 0", id="b-negative"),
        pytest.param({"incomes": [1, 0]}, "positive", id="zero-income"),
    ],
)
def test_bad_input(kwargs, match) -> None:
    with pytest.raises(ValueError, match=match):
        joint_products(**kwargs)
