"""Positive-dimensional solution sets on the homotopy's route are never taken for "none".

A homotopy's paths find every isolated solution of a support system, but a continuum of
solutions need not meet any path: its closure reaches infinity, and every path may go
there. Such a system must never come back "ok" (settled) from the tracker, nor from the
enumeration's numerical stage.
"""

from __future__ import annotations

import warnings
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solvers.finite import polynomial_equilibria
from solvers.finite._homotopy import _endpoints, _System, track_support
from solvers.finite._polynomial import _track_all
from solvers.verify import regret
from tests.solvers.test_subdivision import SEGMENT_GAME

SEGMENT_SUPPORT = ((0, 1, 2), (0, 1), (0, 1))


def planted_continuum(sizes: tuple[int, ...], kind: str, seed: int):
    """A game with one more strategy per player than ``sizes`` (strictly dominated) and a
    profile ``sigma``, totally mixed on the first ``sizes`` strategies, that lies on a
    continuum of equilibria with that support.

    ``kind="dup"``: player 0's strategies 0 and 1 pay every player the same against the
    others' support (not against their dominated strategy: not duplicates), so moving
    probability between them keeps an equilibrium (a segment in player 0's block).
    ``kind="avg"``: player 0's strategy 2 pays the average of her strategies 0 and 1 on
    the face, so her indifference equations are dependent and the others' probabilities
    move along a curve of equilibria. ``kind="none"``: no degeneracy (``sigma`` is an
    isolated equilibrium of a generic game).
    """
    if kind == "avg" and sizes[0] < 3:
        raise ValueError("kind='avg' needs player 0 to mix over at least 3 strategies")
    rng = np.random.default_rng(seed)
    n = len(sizes)
    shape = tuple(m + 1 for m in sizes)
    u = [rng.normal(size=shape) for _ in range(n)]
    sigma = [rng.dirichlet(np.full(m, 4.0)) for m in sizes]
    face = tuple(slice(0, m) for m in sizes)
    if kind == "dup":
        for i in range(n):
            u[i][(1, *face[1:])] = u[i][(0, *face[1:])]
    for i in range(n):
        # shift each support strategy's payoffs on the face by a constant: against sigma
        # they all pay 1 (the face carries all of sigma's probability)
        others = [sigma[j] for j in range(n) if j != i]
        sub = np.moveaxis(u[i][face], i, 0)
        values = sub.reshape(sizes[i], -1) @ _outer(others)
        sub += (1.0 - values).reshape((sizes[i],) + (1,) * (n - 1))
        u[i][face] = np.moveaxis(sub, 0, i)
        dominated = [slice(None)] * n
        dominated[i] = sizes[i]
        u[i][tuple(dominated)] = -20.0
    if kind == "avg":
        u[0][(2, *face[1:])] = 0.5 * (u[0][(0, *face[1:])] + u[0][(1, *face[1:])])
    support = tuple(tuple(range(m)) for m in sizes)
    profile = [np.append(s, 0.0) for s in sigma]
    return u, support, profile


def _outer(vectors: list[np.ndarray]) -> np.ndarray:
    out = np.ones(1)
    for v in vectors:
        out = np.multiply.outer(out, v).ravel()
    return out


PATTERNS = [(3, 2, 2), (3, 3, 2), (3, 3, 3), (4, 3, 3), (3, 2, 2, 2)]


@settings(max_examples=12, deadline=None)
@given(
    st.sampled_from(PATTERNS),
    st.sampled_from(["dup", "avg"]),
    st.integers(0, 2**32 - 1),
    st.booleans(),
)
def test_a_planted_continuum_of_equilibria_is_never_settled_by_the_homotopy(
    sizes, kind, seed, parameter
):
    if kind == "avg" and sizes[0] < 3:
        sizes = (3, *sizes[1:])
    u, support, sigma = planted_continuum(sizes, kind, seed)
    assert max(regret(u, sigma)) < 1e-9  # the construction: an equilibrium
    # from a linear-product start or from a generic system's solutions
    assert track_support(u, support, seed=seed % 1000, parameter=parameter)[0] != "ok"
    # the numerical stage hands it on undecided: the subdivision cannot settle a
    # continuum inside the probability box either
    assert _track_all(u, [support], "homotopy")[support][0] == "unsure"


@pytest.mark.parametrize("parameter", [False, True])
def test_every_path_past_the_segment_diverges(parameter):
    u = [np.array(v) for v in SEGMENT_GAME]
    status, points = track_support(u, SEGMENT_SUPPORT, parameter=parameter)
    assert status == "diverged" and points == []  # was ("ok", []): "no solution"


def test_end_points_with_a_singular_jacobian_are_never_dropped():
    # points of the segment: player 0's first equation vanishes there identically, so
    # Newton's step is not defined (NaN); such end points used to be skipped ("ok")
    u = [np.array(v) for v in SEGMENT_GAME]
    system = _System(u, [SEGMENT_SUPPORT])
    p, q, r = 0.7791388525024254, 0.6248868624123451, 0.3282123316583289
    ends = np.array([[p, a * (1 - p), q, r] for a in (0.2, 0.5, 0.9)], dtype=complex)
    assert _endpoints(system, ends, np.ones(3, dtype=int), 0) == ("unsure", [])


@pytest.mark.parametrize("exact", [False, True])
def test_a_continuum_on_the_homotopy_route_is_never_reported_complete(exact):
    u = [np.array(v) for v in SEGMENT_GAME]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        eqs = polynomial_equilibria(u, exact=exact, systems="homotopy")
    assert not eqs.complete
    assert any("(0, 1, 2), (0, 1), (0, 1)" in str(w.message) for w in caught)


def test_a_regular_root_far_from_the_box_is_kept_whatever_its_scale():
    # a generic 3x3x3 system has 10 isolated solutions, all regular; one of this game's
    # has an unknown near 476 (Jacobian condition number 1.6e9 unscaled): it is a regular
    # root, not a path on its way to infinity (which would make the verdict "diverged")
    rng = np.random.default_rng(0)
    u = [rng.normal(size=(3, 3, 3)) for _ in range(3)]
    support = ((0, 1, 2),) * 3
    status, points = track_support(u, support)
    assert status == "ok" and len(points) == 10
    far = [z for z in points if np.abs(z).max() > 400]
    assert len(far) == 1
    system = _System(u, [support])
    F, _ = system.evaluate(np.array(far), np.zeros(1, dtype=int))
    assert np.abs(F).max() < 1e-8 * np.abs(far[0]).max() ** 2


def test_an_undecided_large_system_keeps_the_equilibria_its_regular_roots_give():
    # a 9-unknown system (beyond the exact path) the numerical stage could not settle
    # (e.g. paths to infinity and an unsure subdivision) still lists the equilibria at
    # the regular roots the homotopy found; it used to list none of them
    from solvers.finite._input import as_payoff_arrays
    from solvers.finite._polynomial import _homotopy_support

    u, support, sigma = planted_continuum((4, 4, 4), "none", 3)
    status, points = track_support(u, support)
    assert status == "ok"
    _, exacts = as_payoff_arrays(u, exact=True)
    found, verdict, unknowns = _homotopy_support(
        u, exacts, support, (5, 5, 5), False, 1e-9, tracked=("unsure", points)
    )
    assert (verdict, unknowns) == ("unresolved", 9)
    assert any(
        max(np.abs(np.asarray(s, float) - t).max() for s, t in zip(p, sigma, strict=True)) < 1e-9
        for p, _ in found
    )


def double_root_game(gradients: list[int], curvatures: list[int], seed: int):
    """A 2x2x2 game whose totally mixed system has a double root at (1/2, 1/2, 1/2).

    Player i's indifference equation is ``c_i (x - 1/2)(y - 1/2) + g (x - 1/2) + h (y -
    1/2)`` in the others' probabilities of their first strategies: it vanishes at 1/2,
    and the gradients are chosen so that the Jacobian there (zero diagonal) is singular,
    ``a01 a12 a20 + a02 a10 a21 = 0``: a root of multiplicity two (for generic ``c``).
    ``gradients``: a01, a02, a10, a12, a20 (nonzero); a21 follows. Payoffs are integers
    (the second strategies' drawn from ``seed``).
    """
    a01, a02, a10, a12, a20 = (Fraction(g) for g in gradients)
    a21 = -a01 * a12 * a20 / (a02 * a10)
    grads = [(a01, a02), (a10, a12), (a20, a21)]
    rng = np.random.default_rng(seed)
    u = []
    for i in range(3):
        g, h = grads[i]
        c = Fraction(curvatures[i])
        scale = 4 * abs(a02 * a10).numerator * (a02 * a10).denominator
        second = rng.integers(-5, 6, size=(2, 2))  # her second strategy, by the others'
        v = np.zeros((2, 2, 2), dtype=np.int64)
        for s in np.ndindex(2, 2, 2):
            others = tuple(s[j] for j in range(3) if j != i)
            # the others' first strategies have probability 1 where they play them
            x, y = (Fraction(1 - o) - Fraction(1, 2) for o in others)
            gap_here = (c * x * y + g * x + h * y) * scale
            assert gap_here.denominator == 1
            v[s] = int(second[others]) + (int(gap_here) if s[i] == 0 else 0)
        u.append(v)
    return u


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.integers(-6, 6).filter(bool), min_size=5, max_size=5),
    st.lists(st.integers(-6, 6).filter(bool), min_size=3, max_size=3),
    st.integers(0, 2**16),
)
def test_an_equilibrium_at_a_double_root_is_never_dropped(gradients, curvatures, base):
    # two paths end near a double root but apart (linear convergence): refined until
    # Newton stalls they coincide, so the tracker cannot count them as two regular roots
    u = double_root_game(gradients, curvatures, base)
    half = [np.array([0.5, 0.5])] * 3
    assert max(regret(u, half)) == 0  # the construction
    for parameter in (False, True):
        assert track_support(u, ((0, 1),) * 3, parameter=parameter)[0] != "ok"
    for systems in ("homotopy", "auto"):
        with warnings.catch_warnings():  # some draws are degenerate beyond the root
            warnings.simplefilter("ignore")
            eqs = polynomial_equilibria(u, systems=systems)
        found = any(
            all(np.abs(np.asarray(s, float) - 0.5).max() < 1e-9 for s in e.strategies) for e in eqs
        )
        assert found or not eqs.complete
