"""solvers.continuous._statics: implicit-function derivatives and vectorized sweeps."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from solvers.continuous import ContinuousProblem, equilibria
from solvers.continuous._statics import (
    StrictComplementarityWarning,
    equilibrium_derivative,
    sweep,
)

R = sp.Rational
a, c1, c2 = sp.symbols("a c1 c2")
q1, q2 = sp.symbols("q1 q2")
DUOPOLY = ContinuousProblem(
    (q1, q2),
    ((a - q1 - q2 - c1) * q1, (a - q1 - q2 - c2) * q2),
    ((0, None), (0, None)),
    parameters=(a, c1, c2),
)


def duopoly_closed_form(A, C1, C2):
    """Asymmetric Cournot duopoly with exit (textbook)."""
    x1, x2 = (A - 2 * C1 + C2) / 3, (A - 2 * C2 + C1) / 3
    if x2 <= 0:
        return max((A - C1) / 2, 0), 0.0
    if x1 <= 0:
        return 0.0, max((A - C2) / 2, 0)
    return x1, x2


def test_exact_derivatives_interior():
    eq = equilibria(DUOPOLY, {a: 10, c1: 1, c2: 2})[0]
    assert eq.exact
    # q1 = (a - 2 c1 + c2)/3
    assert eq.derivative("a") == {"player 0": R(1, 3), "player 1": R(1, 3)}
    assert eq.derivative("c1") == {"player 0": R(-2, 3), "player 1": R(1, 3)}
    assert equilibrium_derivative(eq, c2) == {"player 0": R(1, 3), "player 1": R(-2, 3)}


def test_derivative_at_corner_and_errors():
    eq = equilibria(DUOPOLY, {a: 10, c1: 1, c2: 8})[0]
    assert eq.strategies == {"player 0": R(9, 2), "player 1": 0}
    assert eq.derivative("a") == {"player 0": R(1, 2), "player 1": 0}
    with pytest.raises(ValueError, match="unknown parameter"):
        eq.derivative("zz")


def test_derivative_warns_on_zero_multiplier():
    # firm 2 is exactly indifferent about entering: a - q1 - c2 = 10 - 4.5 - 5.5 = 0
    eq = equilibria(DUOPOLY, {a: 10, c1: 1, c2: R(11, 2)})[0]
    with pytest.warns(StrictComplementarityWarning, match="one-sided"):
        eq.derivative("a")


def test_derivative_with_parameter_in_a_bound():
    # the US contributes up to its income w: corner at the upper bound moves with w
    x, y, w = sp.symbols("x y w")
    p = ContinuousProblem(
        (x, y),
        (x * (10 - y) - x**2 / 100, -((y - x / 10) ** 2)),
        ((0, w), (0, 10)),
        parameters=(w,),
    )
    eq = equilibria(p, {w: 3})[0]
    assert eq.active["player 0"] == "upper"
    assert eq.derivative("w") == {"player 0": 1, "player 1": R(1, 10)}


@settings(max_examples=20)
@given(A=st.floats(8, 30), C1=st.floats(0, 3), C2=st.floats(0, 3))
def test_numeric_derivative_matches_finite_differences(A, C1, C2):
    vals = {a: A, c1: C1, c2: C2}
    eq = equilibria(DUOPOLY, vals, method="numeric")[0]
    d = eq.derivative("c1")
    h = 1e-5
    up = np.array(duopoly_closed_form(A, C1 + h, C2))
    dn = np.array(duopoly_closed_form(A, C1 - h, C2))
    np.testing.assert_allclose(list(d.values()), (up - dn) / (2 * h), atol=1e-6)


def test_sweep_matches_closed_form_and_reports_switches():
    grid = np.linspace(0.0, 9.0, 10_001)
    s = sweep(DUOPOLY, {c2: grid}, {a: 10.0, c1: 1.0})
    expected = np.array([duopoly_closed_form(10.0, 1.0, v) for v in grid])
    np.testing.assert_allclose(s.strategies["player 0"], expected[:, 0], atol=1e-12)
    np.testing.assert_allclose(s.strategies["player 1"], expected[:, 1], atol=1e-12)
    # firm 2 exits at c2 = (a + c1)/2 = 5.5
    assert len(s.switches) == 1
    lo, hi = s.switches[0]["between"]["c2"]
    assert lo <= 5.5 <= hi
    assert s.switches[0]["players"] == {"player 1": ("interior", "lower")}
    assert not s.missing.any() and not s.multiple.any()
    # payoffs evaluated too: profit = q^2 in Cournot
    np.testing.assert_allclose(s.payoffs["player 0"], expected[:, 0] ** 2, atol=1e-9)


def test_sweep_two_dimensional_grid_broadcasts():
    A = np.linspace(5, 15, 21)[:, None]
    C2 = np.linspace(0, 6, 31)[None, :]
    s = sweep(DUOPOLY, {a: A, c2: C2}, {c1: 1.0})
    assert s.strategies["player 0"].shape == (21, 31)
    exp = np.vectorize(lambda x, y: duopoly_closed_form(x, 1.0, y)[1])(A, C2)
    np.testing.assert_allclose(s.strategies["player 1"], exp, atol=1e-12)
    assert "a" in s.grid and "SweepResult" in repr(s)


def test_sweep_flags_multiple_equilibria():
    x, y, k = sp.symbols("x y k")
    f = lambda z: 3 * z**2 - 2 * z**3  # noqa: E731
    p = ContinuousProblem(
        (x, y), (-((x - k * f(y)) ** 2), -((y - k * f(x)) ** 2)), ((0, 1), (0, 1)), parameters=(k,)
    )
    s = sweep(p, {k: np.array([0.5, 1.0])}, {})
    # k = 1/2: k f(x) < x for x in (0, 1], so (0, 0) only; k = 1: three equilibria
    assert s.multiple.tolist() == [False, True]


def test_sweep_errors():
    with pytest.raises(ValueError, match="no value for parameter"):
        sweep(DUOPOLY, {a: np.array([1.0])}, {c1: 1})
