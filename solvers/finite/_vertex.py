r"""All extreme Nash equilibria of a two-player game by vertex enumeration.

For payoff matrices :math:`A, B \in \mathbb{R}^{m \times n}` made positive by an affine
change (which leaves equilibria unchanged), the best-response polytopes are

.. math::
    P = \{x \in \mathbb{R}^m : x \ge 0,\ B^\top x \le 1\}, \qquad
    Q = \{y \in \mathbb{R}^n : A y \le 1,\ y \ge 0\}.

Label a point by the inequalities it makes tight: row strategy :math:`i` (``0..m-1``)
when :math:`x_i = 0` or :math:`(Ay)_i = 1`, column strategy :math:`j` (``m..m+n-1``) when
:math:`(B^\top x)_j = 1` or :math:`y_j = 0`. The extreme equilibria are exactly the
normalized pairs of vertices :math:`(x, y) \ne (0, 0)` whose labels cover all
:math:`m + n` (von Stengel 2002, "Computing equilibria for two-person games", Handbook of
Game Theory 3, ch. 45; Avis, Rosenberg, Savani & von Stengel 2010, Econ. Theory 42).

All vertices come at once from one convex hull (qhull, through ``scipy.spatial``) of the
polar of each polytope; labels are then computed from the vertex coordinates, so a
**degenerate** game (some vertex with more labels than its dimension) is detected, flagged
and still has every extreme equilibrium listed (equilibria then form polytopes whose
vertices these are). Nondegenerate games match vertices by a hash of their label sets;
degenerate ones by a vectorized superset test. Every candidate is verified by its regret;
with ``exact=True`` each one is rebuilt in rational arithmetic from its labels and checked
to have zero regret. When that cannot be confirmed (payoff differences below float
resolution), or the game is degenerate, both polytopes are enumerated exactly by the double
description method (:mod:`solvers.finite._vertex_exact`), whose cost grows with the number
of vertices; equilibria already confirmed are kept.

The work runs in steps (one per polytope, per eighth of the vertex pairs, per inequality of
the exact double description; :class:`solvers.finite._stream.Stream`), so that
:func:`solvers.finite.iter_equilibria` yields each equilibrium once it is verified and
``progress=`` can report; :func:`vertex_enumeration` runs the same steps to the end.

Examples
--------
>>> import numpy as np
>>> from solvers.finite._vertex import vertex_enumeration
>>> A = np.array([[3, 0], [0, 2]]); B = np.array([[2, 0], [0, 3]])   # battle of the sexes
>>> eqs = vertex_enumeration(A, B, exact=True)
>>> [tuple(map(str, eq.strategies[0])) for eq in eqs]
[('0', '1'), ('3/5', '2/5'), ('1', '0')]
>>> eqs.degenerate, eqs.complete
(False, True)
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from fractions import Fraction

import numpy as np
from scipy.spatial import ConvexHull, QhullError

from solvers.finite._input import as_bimatrix
from solvers.finite._rational import solve_consistent
from solvers.finite._stream import Stream
from solvers.finite._vertex_exact import MATCH_CHUNKS, ExactBimatrix, exact_vertex_steps
from solvers.progress import ProgressArg
from solvers.result import DegenerateGameWarning, Equilibria, Equilibrium
from solvers.verify import DEFAULT_RTOL, tolerance

__all__ = ["DegenerateGameWarning", "is_degenerate", "vertex_enumeration"]

#: Tightness tolerance on the normalized polytopes (payoffs scaled into [1, 2]).
_LABEL_TOL = 1e-9
METHOD = "vertex_enumeration"


def _normalized(u: np.ndarray) -> np.ndarray:
    """Positive affine image of ``u`` with entries in [1, 2] (same equilibria)."""
    span = float(u.max() - u.min())
    return (u - u.min()) / span + 1.0 if span > 0 else np.ones_like(u)


def _polytope_vertices(M: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Vertices of ``{z >= 0 : M z <= 1}`` (``M`` entries in [1, 2], shape (k, d)).

    Returns the vertex coordinates (V, d) and the tight-constraint masks (V, d + k):
    columns ``0..d-1`` for ``z_i = 0``, columns ``d..d+k-1`` for ``(M z)_r = 1``.
    """
    d = M.shape[1]
    if d == 1:
        z = np.array([[0.0], [1.0 / M[:, 0].max()]])
    else:
        t = 1.0 / (2.0 * M.sum(axis=1).max())
        c = np.full(d, t)
        G = np.vstack([-np.eye(d), M])
        h = np.concatenate([c, 1.0 - M @ c])
        try:
            hull = ConvexHull(G / h[:, None])
        except QhullError:  # pragma: no cover - qhull handles these inputs; belt and braces
            z = _vertices_by_bases(M)
        else:
            eq = hull.equations
            z = eq[:, :-1] / (-eq[:, -1:]) + c
    tight = np.hstack([z <= _LABEL_TOL, (z @ M.T) >= 1.0 - _LABEL_TOL])
    # triangulated degenerate facets repeat a vertex: a vertex is fixed by its tight set
    if tight.shape[1] <= 62:
        _, first = np.unique(_keys(tight), return_index=True)
    else:
        _, first = np.unique(tight, axis=0, return_index=True)
    return z[first], tight[first]


def _vertices_by_bases(M: np.ndarray) -> np.ndarray:
    """All vertices by solving every choice of d tight constraints (fallback, batched)."""
    from itertools import combinations

    k, d = M.shape
    G = np.vstack([np.eye(d), M])
    h = np.concatenate([np.zeros(d), np.ones(k)])
    bases = np.array(list(combinations(range(d + k), d)))
    mats, rhs = G[bases], h[bases]
    ok = np.abs(np.linalg.det(mats)) > 1e-12
    z = np.linalg.solve(mats[ok], rhs[ok][..., None])[..., 0]
    feasible = np.all(z >= -_LABEL_TOL, axis=1) & np.all(z @ M.T <= 1 + _LABEL_TOL, axis=1)
    return z[feasible]


def _keys(mask: np.ndarray) -> np.ndarray:
    """Integer key of each label mask row (fits in 63 bits)."""
    return mask.astype(np.int64) @ (np.int64(1) << np.arange(mask.shape[1], dtype=np.int64))


def _match(lx: np.ndarray, ly: np.ndarray, degenerate: bool) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i, j) with labels(x_i) | labels(y_j) = all labels."""
    n_labels = lx.shape[1]
    if n_labels <= 62:
        kx, ky = _keys(lx), _keys(ly)
        full = (np.int64(1) << np.int64(n_labels)) - 1
        if not degenerate:  # labels are complementary: look the complement up
            order = np.argsort(ky)
            want = full ^ kx
            pos = np.clip(np.searchsorted(ky, want, sorter=order), 0, len(ky) - 1)
            hit = ky[order[pos]] == want
            return np.nonzero(hit)[0], order[pos[hit]]
        pairs = [
            np.nonzero((kx[s : s + 4096, None] | ky[None, :]) == full)
            for s in range(0, len(kx), 4096)
        ]
        ii = np.concatenate([p[0] + 4096 * b for b, p in enumerate(pairs)])
        jj = np.concatenate([p[1] for p in pairs])
        return ii, jj
    hits = [
        np.nonzero(np.all(lx[s : s + 256, None, :] | ly[None, :, :], axis=2))
        for s in range(0, len(lx), 256)
    ]
    ii = np.concatenate([h[0] + 256 * b for b, h in enumerate(hits)])
    jj = np.concatenate([h[1] for h in hits])
    return ii, jj


def _exact_strategy(
    U: np.ndarray, zero: np.ndarray, tight: np.ndarray, slack: tuple[np.ndarray, np.ndarray]
) -> list[Fraction] | None:
    """Exact mixed strategy s with s_i = 0 (zero), U^T s = v on ``tight``, sum s = 1.

    ``U`` is the opponent-facing payoff matrix (rows: own strategies). Uses every label
    the float pass found; if that over-determined system is inconsistent (a float label
    that is not exactly tight), retries with the tightest ``dim`` labels.
    """
    m = U.shape[0]
    rows, rhs, order = [], [], []
    for i in np.nonzero(zero)[0]:
        rows.append([Fraction(int(r == i)) for r in range(m)] + [Fraction(0)])
        rhs.append(Fraction(0))
        order.append(slack[0][i])
    for j in np.nonzero(tight)[0]:
        rows.append([U[r, j] for r in range(m)] + [Fraction(-1)])
        rhs.append(Fraction(0))
        order.append(slack[1][j])
    total = [Fraction(1)] * m + [Fraction(0)]
    solution = solve_consistent([*rows, total], [*rhs, Fraction(1)])
    if solution is None and len(rows) > m:
        keep = np.argsort(order)[:m]
        solution = solve_consistent(
            [rows[k] for k in keep] + [total], [rhs[k] for k in keep] + [1]
        )
    return None if solution is None else solution[:m]


def _labelled_vertices(Af: np.ndarray, Bf: np.ndarray):
    """Nonzero vertices and label masks of P and Q (labels: rows first, then columns)."""
    A1, B1 = _normalized(Af), _normalized(Bf)
    zx, tx = _polytope_vertices(B1.T)  # labels: x_i = 0 -> i ; (B^T x)_j = 1 -> m + j
    zy, ty = _polytope_vertices(A1)  # labels: y_j = 0 -> m + j ; (A y)_i = 1 -> i
    (zx, tx), (zy, ly), degenerate = _nonzero_labelled(zx, tx, zy, ty, Af.shape)
    return (zx, tx), (zy, ly), (A1, B1), degenerate


def is_degenerate(A: np.ndarray, B: np.ndarray) -> bool:
    """Whether the bimatrix game is degenerate.

    A game is nondegenerate when no mixed strategy with support of size *k* has more than
    *k* pure best replies (von Stengel 2002, Def. 3.2). Equivalently no vertex of P or Q
    has more labels than its dimension: the set where given inequalities are tight is a
    face, and every face has a vertex, so checking vertices suffices.

    Examples
    --------
    >>> import numpy as np
    >>> is_degenerate(np.array([[3, 0], [0, 2]]), np.array([[2, 0], [0, 3]]))
    False
    >>> is_degenerate(np.array([[0, 0], [-1, 1]]), np.array([[2, 2], [-1, 1]]))
    True
    """
    (Af, Bf), _ = as_bimatrix(A, B)
    return _labelled_vertices(Af, Bf)[3]


def vertex_enumeration(
    A: np.ndarray,
    B: np.ndarray,
    *,
    exact: bool = False,
    rtol: float = DEFAULT_RTOL,
    progress: ProgressArg = None,
) -> Equilibria:
    """All extreme Nash equilibria of the bimatrix game (A, B).

    Parameters
    ----------
    A, B : array_like, shape (m, n)
        Row and column player's payoffs. With ``exact=True`` entries must be exact
        rationals (int, ``Fraction``, sympy Rational).
    exact : bool
        Return rational strategies with exactly zero regret.
    rtol : float
        Float mode: each equilibrium's regret must be at most ``rtol`` times the
        player's payoff range.
    progress : bool, callable or None, default None (a bar only in a terminal)
        Report progress (see :func:`solvers.progress.track`): one step per polytope,
        per eighth of the vertex pairs checked, and (``exact=True``) per inequality of
        the exact double description.

    Returns
    -------
    Equilibria
        Sorted lexicographically by the row player's strategy, then the column
        player's. ``.degenerate`` says whether the game is degenerate (a
        :class:`DegenerateGameWarning` is also issued); ``.complete`` is ``True``
        unless a numerical failure was detected (then a ``RuntimeWarning`` says so).
        :func:`solvers.finite.iter_equilibria` yields the same equilibria one by one.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[1, -1], [-1, 1]])          # matching pennies
    >>> [eq.strategies[0].tolist() for eq in vertex_enumeration(A, -A)]
    [[0.5, 0.5]]
    """
    return vertex_stream(A, B, exact=exact, rtol=rtol).run(progress)


#: Steps of the float pass that check vertex pairs (each takes an eighth of P's vertices).
_CHUNKS = 8


def vertex_stream(
    A: np.ndarray, B: np.ndarray, *, exact: bool = False, rtol: float = DEFAULT_RTOL
) -> Stream:
    """:func:`vertex_enumeration` as a :class:`~solvers.finite._stream.Stream`."""
    (Af, Bf), exacts = as_bimatrix(A, B, exact=exact)
    run = _VertexRun(Af, Bf, exacts, exact, rtol)
    m, n = Af.shape
    dd_steps = n + m + MATCH_CHUNKS
    if exact and exacts is not None and _has_pure_ties(*exacts):
        # a pure strategy with two best replies: degenerate for certain, and exact double
        # description is then faster than the float pass (qhull triangulates ties)
        return Stream(run.double_description({}), dd_steps, run.finish, METHOD)
    total = 2 + _CHUNKS + (dd_steps if exact else 0)
    return Stream(run.float_pass(), total, run.finish, METHOD)


class _VertexRun:
    """State of one vertex enumeration (see :func:`vertex_stream`)."""

    def __init__(self, Af, Bf, exacts, exact: bool, rtol: float) -> None:
        self.Af, self.Bf, self.exacts, self.exact, self.rtol = Af, Bf, exacts, exact, rtol
        self.notes: list[str] = []
        self.degenerate = False

    def finish(self, found: list[Equilibrium]) -> Equilibria:
        if self.exact:
            found = sorted(
                found, key=lambda eq: (tuple(eq.strategies[0]), tuple(eq.strategies[1]))
            )
        else:
            found = sorted(found, key=_float_key)
        m, n = self.Af.shape
        return _collect(found, self.exact, self.degenerate, m, n, self.rtol, self.notes)

    def float_pass(self) -> Iterator[list[Equilibrium]]:
        Af, Bf, m = self.Af, self.Bf, self.Af.shape[0]
        A1, B1 = _normalized(Af), _normalized(Bf)
        zx, tx = _polytope_vertices(B1.T)  # labels: x_i = 0 -> i ; (B^T x)_j = 1 -> m + j
        yield []
        zy, ty = _polytope_vertices(A1)  # labels: y_j = 0 -> m + j ; (A y)_i = 1 -> i
        yield []
        (zx, tx), (zy, ly), degenerate = _nonzero_labelled(zx, tx, zy, ty, Af.shape)
        self.degenerate = degenerate
        chunks = np.array_split(np.arange(len(zx)), _CHUNKS)
        if self.exact and degenerate:
            # ties (or near ties): exact double description is faster and certain here
            for _ in chunks:
                yield []
            yield from self.double_description({})
            return
        seen: dict = {}
        failures = 0
        for chunk in chunks:
            if not len(chunk) or not len(zy):
                yield []
                continue
            ii, jj = _match(tx[chunk], ly, degenerate)
            ii = chunk[ii]
            if not self.exact:
                xs = zx[ii] / zx[ii].sum(1, keepdims=True)
                ys = zy[jj] / zy[jj].sum(1, keepdims=True)
                # coordinates that are tight (zero) up to rounding become exact zeros
                xs[tx[ii, :m]] = 0.0
                ys[ly[jj, m:]] = 0.0
                xs /= xs.sum(1, keepdims=True)
                ys /= ys.sum(1, keepdims=True)
                new, failed = _float_equilibria([Af, Bf], xs, ys, self.rtol, seen)
            else:
                new, failed = _exact_equilibria(
                    self.exacts, tx[ii], ly[jj], zx[ii], zy[jj], A1, B1, seen
                )
            failures += failed
            yield new
        if not self.exact:
            if failures:
                self.notes.append(
                    f"numerical trouble: {failures} candidate vertex pair(s) failed the "
                    "regret check and were dropped; the list may be incomplete (try exact=True)"
                )
            return
        if failures == 0 and seen:  # every float candidate confirmed exactly
            for _ in range(Af.shape[1] + m + MATCH_CHUNKS):
                yield []
            return
        self.notes.append(
            "float labels could not be confirmed exactly (payoff differences below "
            "float resolution, or ties); solved by exact double description"
        )
        yield from self.double_description(seen)

    def double_description(self, seen: dict) -> Iterator[list[Equilibrium]]:
        """Every extreme equilibrium by exact double description (cannot miss), after the
        equilibria in ``seen`` (already confirmed exactly, never thrown away)."""
        A, B = self.exacts
        game = ExactBimatrix(A, B)
        info: dict = {}
        for profiles in exact_vertex_steps(A, B, info):
            new = []
            for x, y in profiles:
                if (x, y) in seen:
                    continue
                eq = game.equilibrium(x, y, METHOD)
                if eq.regret != 0:  # pragma: no cover - full-label vertex pairs are equilibria
                    raise AssertionError(f"exact vertex pair with nonzero regret: {eq!r}")
                seen[(x, y)] = eq
                new.append(eq)
            yield new
        self.degenerate = info["degenerate"]


def _float_key(eq: Equilibrium) -> tuple:
    return tuple(np.round(np.concatenate(eq.strategies), 12).tolist())


def _nonzero_labelled(zx, tx, zy, ty, shape):
    """Drop the origin of P and Q; Q's labels reordered rows first; degeneracy."""
    m, n = shape
    ly = np.hstack([ty[:, n:], ty[:, :n]])  # reorder Q's labels to rows first
    nonzero_x, nonzero_y = tx[:, :m].sum(1) < m, ly[:, m:].sum(1) < n
    degenerate = bool(np.any(tx[nonzero_x].sum(1) > m) or np.any(ly[nonzero_y].sum(1) > n))
    return (zx[nonzero_x], tx[nonzero_x]), (zy[nonzero_y], ly[nonzero_y]), degenerate


def _has_pure_ties(A: np.ndarray, B: np.ndarray) -> bool:
    """Whether some pure strategy has two pure best replies (then the game is degenerate)."""
    for col in A.T:
        best = max(col)
        if sum(1 for v in col if v == best) > 1:
            return True
    for row in B:
        best = max(row)
        if sum(1 for v in row if v == best) > 1:
            return True
    return False


def _collect(result, exact, degenerate, m, n, rtol, notes) -> Equilibria:
    """The result collection, with the degeneracy warning and completeness flag."""
    if degenerate:
        notes.insert(
            0,
            "degenerate game: some mixed strategy has more pure best responses than its "
            "support size; equilibria may form connected sets, whose extreme points are listed",
        )
        warnings.warn(
            f"degenerate {m}x{n} game: equilibria may form connected sets; vertex "
            "enumeration lists every extreme equilibrium",
            DegenerateGameWarning,
            stacklevel=5,
        )
    complete = not any(n.startswith("numerical") for n in notes)
    if not complete:
        warnings.warn(notes[-1], RuntimeWarning, stacklevel=5)
    return Equilibria(
        result,
        method=METHOD,
        exact=exact,
        degenerate=degenerate,
        complete=complete,
        tolerance=None if exact else rtol,
        notes=notes,
    )


def _float_equilibria(payoffs, xs, ys, rtol, seen: dict) -> tuple[list[Equilibrium], int]:
    """Verified equilibria among the candidate pairs (xs, ys) not already in ``seen``
    (keyed by the profile rounded to 12 decimals), and the number that failed."""
    A, B = payoffs
    row_values, col_values = ys @ A.T, xs @ B
    row_pay = np.einsum("ki,ki->k", xs, row_values)
    col_pay = np.einsum("kj,kj->k", ys, col_values)
    regrets = np.stack([row_values.max(1) - row_pay, col_values.max(1) - col_pay], axis=1)
    ok = np.all(regrets <= tolerance(payoffs, rtol), axis=1)
    keys = np.round(np.hstack([xs, ys]), 12)
    new, failed = [], 0
    for k in range(len(xs)):
        key = tuple(keys[k].tolist())
        if key in seen:
            continue
        seen[key] = None
        if not ok[k]:
            failed += 1
            continue
        eq = Equilibrium(
            strategies=(xs[k], ys[k]),
            payoffs=(float(row_pay[k]), float(col_pay[k])),
            regret=float(regrets[k].max()),
            method=METHOD,
            tolerance=float(np.max(tolerance(payoffs, rtol))),
        )
        seen[key] = eq
        new.append(eq)
    return new, failed


def _exact_normalized(U: np.ndarray) -> np.ndarray:
    """Exact counterpart of :func:`_normalized`: ``(U - min) / span + 1`` in Fractions."""
    low, high = min(U.flat), max(U.flat)
    if high == low:
        return np.full(U.shape, Fraction(1), dtype=object)
    return (U - low) / (high - low) + 1


def _exact_equilibria(exacts, lx, ly, zx, zy, A1, B1, seen: dict) -> tuple[list, int]:
    """Rebuild each float candidate exactly from its labels: the new equilibria (zero
    regret, not in ``seen``) and the number of candidates that could not be confirmed."""
    A, B = exacts
    m = A.shape[0]
    new = []
    failures = 0
    for k in range(len(lx)):
        slack_x = (zx[k], np.abs(1.0 - zx[k] @ B1))
        slack_y = (zy[k], np.abs(1.0 - A1 @ zy[k]))
        x = _exact_strategy(B, lx[k, :m], lx[k, m:], slack_x)
        y = _exact_strategy(A.T, ly[k, m:], ly[k, :m], slack_y)
        if x is None or y is None or min(x) < 0 or min(y) < 0:
            failures += 1
            continue
        key = (tuple(x), tuple(y))
        if key in seen:
            continue
        eq = Equilibrium.from_profile(
            [A, B], [np.array(x, dtype=object), np.array(y, dtype=object)], METHOD, exact=True
        )
        if eq.regret != 0:
            failures += 1
            continue
        seen[key] = eq
        new.append(eq)
    return new, failures
