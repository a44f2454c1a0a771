"""Internal and external stability with the three tie rules."""

from __future__ import annotations

from fractions import Fraction as F

import pytest
import sympy as sp

from solvers.coalitional import stable_coalitions, stable_sizes


def linear(n: int):
    """Carraro-Siniscalco / Barrett linear model, b = c = 1 (closed forms of MODELS c.2):
    pi_s(k) - pi_n(k-1) = -(k-1)(k-3)/2 and pi_s(k+1) - pi_n(k) = -k(k-2)/2."""
    return (lambda k: F(2 * n + k * k - 2 * k, 2), lambda k: F(2 * n + 2 * k * k - 2 * k - 1, 2))


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        pytest.param(True, [3], id="join-if-indifferent"),
        pytest.param(None, [2, 3], id="weak-both"),
        # indifferent players stay out: k = 3 loses internal stability (tie at k = 3), and
        # k = 2 is externally stable (a third member is indifferent) and internally
        # stable (strict gain 1/2 over leaving)
        pytest.param(False, [2], id="stay-out-if-indifferent"),
    ],
)
def test_tie_rules_on_the_linear_model(rule, expected) -> None:
    member, outsider = linear(10)
    assert stable_sizes(10, member, outsider, join_if_indifferent=rule) == expected


def test_symbolic_payoffs_are_compared_exactly() -> None:
    member = lambda k: sp.sqrt(2) * k - k  # noqa: E731
    outsider = lambda k: sp.Rational(41, 100) * k + 1  # noqa: E731
    # member gain of the k-th joiner: (sqrt2 - 1) k - (0.41 (k-1) + 1) > 0 iff k > ~ 158
    sizes = stable_sizes(3, member, outsider)
    brute = []
    for k in range(1, 4):
        internal = k == 1 or bool((member(k) - outsider(k - 1)).evalf() >= 0)
        external = k == 3 or bool((member(k + 1) - outsider(k)).evalf() < 0)
        if internal and external:
            brute.append(k)
    assert sizes == brute


def test_asymmetric_coalitions_listed_by_brute_force() -> None:
    # player 0 is a hegemon: a coalition is worth 6 with it and 0 without; members split
    # equally; outsiders get 1
    def member(s, i):
        return F(6, len(s)) if 0 in s else 0

    def outsider(s, j):
        return 1

    rows = stable_coalitions(4, member, outsider)
    stable = sorted(tuple(sorted(s)) for s, a, b in rows if a and b)
    # with H: share 6/k >= 1 keeps members (k <= 6); outsiders join iff 6/(k+1) >= 1
    assert stable == [(0, 1, 2, 3)]
    assert len(rows) == 15
