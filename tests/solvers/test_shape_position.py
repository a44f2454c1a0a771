"""Zero-dimensional support systems whose lex basis is not in shape position (several
solutions share a value of the last unknown, or a solution is multiple) are solved through
a separating linear form, not by sympy's general solver (which took hours on such a
system of a 3x3x3 game)."""

from __future__ import annotations

import warnings

import numpy as np
import sympy as sp
from sympy.polys.domains import QQ

from solvers.finite import polynomial_equilibria
from solvers.finite._polynomial import _T, _ring_for, _separated, _shape_position
from solvers.verify import regret


def test_four_solutions_sharing_coordinates_get_a_separating_form():
    """x^2 = 1, y^2 = 1: four solutions, two per value of y (no shape position)."""
    R, x, y = _ring_for(2)
    basis = [x**2 - 1, y**2 - 1]
    assert _shape_position(basis, R, 2) is None
    h, formulas = _separated(basis, R, 2)
    assert h.degree() == 4
    roots = sp.Poly(h.as_expr(), _T).real_roots()
    points = {(formulas[0].eval(r), formulas[1].eval(r)) for r in roots}
    assert points == {(1, 1), (1, -1), (-1, 1), (-1, -1)}


def test_a_multiple_solution_is_taken_once():
    """x^2 = 0, y = 1/2: one solution of multiplicity two, one distinct root of the
    separating form's polynomial."""
    R, x, y = _ring_for(2)
    basis = [x**2, y - QQ(1, 2)]
    assert _shape_position(basis, R, 2) is None
    h, formulas = _separated(basis, R, 2)
    (root,) = set(sp.Poly(h.as_expr(), _T).real_roots())
    assert (formulas[0].eval(root), formulas[1].eval(root)) == (0, sp.Rational(1, 2))


def test_a_symmetric_game_with_a_non_shape_system_is_solved():
    """A symmetric 3x3x3 game (payoffs in -2..2; a fuzzing find) whose support systems
    include one not in shape position: every equilibrium listed verifies exactly, and
    the symmetric-in-players-2-and-3 one with r = (3 - sqrt 3)/2 (from the closed form of
    player 1's and player 2's indifferences) is among them."""
    u0 = [[[-2, 0, -1], [0, 1, 2], [-1, 2, 1]], [[-2, 0, 0], [0, 2, 2], [0, 2, -2]]]
    u0 += [[[-1, 1, 1], [1, 2, -2], [1, -2, -2]]]
    u = [np.array(u0)]
    u.append(np.transpose(u[0], (1, 0, 2)))
    u.append(np.transpose(u[0], (2, 1, 0)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the game has continua (reported)
        eqs = polynomial_equilibria(u, exact=True)
    assert not eqs.complete and eqs.degenerate
    r = (3 - sp.sqrt(3)) / 2
    expected = [
        np.array([4 * r / 11 + sp.Rational(4, 11), sp.Rational(7, 11) - 4 * r / 11, 0]),
        np.array([0, r, 1 - r]),
        np.array([0, r, 1 - r]),
    ]
    assert all(sp.simplify(g) == 0 for g in regret(u, expected))
    target = np.concatenate([np.array(s, dtype=float) for s in expected])
    floats = [np.concatenate([np.array(s, dtype=float) for s in e.strategies]) for e in eqs]
    assert any(np.allclose(f, target, atol=1e-12) for f in floats)
    floats_u = [np.asarray(v, dtype=float) for v in u]
    for f, e in zip(floats, eqs, strict=True):  # each verified exactly by the solver
        profile = np.split(f, np.cumsum([len(s) for s in e.strategies])[:-1])
        assert max(regret(floats_u, profile)) < 1e-12


def test_a_three_player_coordination_game_with_radical_equilibria():
    """All three get 2, 3 or 1 when all pick strategy 0, 1 or 2, else 0 (a fuzzing find
    that once raised on sympy's nested radicals). By hand: the 3 matching and 6
    all-different pure profiles, and 4 symmetric mixed equilibria, where each player
    mixes over the same set T with 2 p_0^2 = 3 p_1^2 = p_2^2 on T (the others' matching
    probability squared times the prize is equal across T); no other profile."""
    u = np.zeros((3, 3, 3), dtype=int)
    u[0, 0, 0], u[1, 1, 1], u[2, 2, 2] = 2, 3, 1
    eqs = polynomial_equilibria([u, u, u], exact=True)
    assert eqs.complete and len(eqs) == 13
    prize = [2, 3, 1]
    expected = []
    for T in [(0, 1), (0, 2), (1, 2), (0, 1, 2)]:
        weights = [1 / sp.sqrt(prize[k]) for k in T]  # p_k proportional to 1/sqrt(prize)
        p = np.zeros(3)
        p[list(T)] = [float(w / sum(weights)) for w in weights]
        expected.append(np.concatenate([p, p, p]))
    floats = [np.concatenate([np.array(s, dtype=float) for s in e.strategies]) for e in eqs]
    for target in expected:
        assert sum(np.allclose(f, target, atol=1e-12) for f in floats) == 1
    pure = [f for f in floats if set(np.round(f, 12)) <= {0.0, 1.0}]
    assert len(pure) == 9
