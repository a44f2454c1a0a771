r"""Every real solution of a support system in the probability box, by certified subdivision.

The indifference system of a support profile (see ``_polynomial``) is multilinear: each
equation is affine in every other player's block of free probabilities. Its real
solutions that can be equilibria lie in the box :math:`[0, 1]^d` (each free probability,
and each player's last probability :math:`1 - \sum x_j`, in :math:`[0, 1]`). This module
finds all of them by **interval subdivision** (the approach of Gambit's ``enumpoly``;
Moore, Kearfott and Cloud 2009, ch. 8):

* on a box, each player's probabilities are intervals, their products over the other
  players' support profiles are intervals, and each equation's value is bounded by
  interval arithmetic; a box where some equation cannot vanish is discarded, and so is
  one where a strategy outside a player's support is strictly better everywhere (no
  equilibrium there) or where a last probability is negative everywhere;
* the **Krawczyk test** (interval Jacobian over the box, midpoint preconditioner)
  either proves that the box holds exactly one solution, found by Newton's method from
  the midpoint, or proves it holds none;
* **preconditioned exclusion**: the same preconditioner :math:`C` (the inverse of the
  Jacobian at the box's midpoint) mixes the equations into :math:`C F`, nearly
  decoupled near a solution and still affine in each block, so its exact range is read
  at the box's vertices; a row that cannot vanish proves the box empty (2-3x fewer
  boxes on systems of 5-7 unknowns);
* **block contraction** (three players, whose equations are linear in each player's
  block once the others are fixed): the equations of the other players pin a block
  down given the rest of the box (an interval Krawczyk step for that linear system),
  so the search branches on the smallest set of blocks from which the others follow
  (:func:`_branch_blocks`; one block of three players) and the other blocks shrink
  with it: 2-3x less time on 3-player systems of 7-10 unknowns, 10-100x fewer boxes;
* other boxes are halved along their widest side (a branching side first).

Every solution in the box is in a box that is never discarded, so when every box is
either discarded or certified, the solutions returned are **all** the solutions (no
probability-one argument: the search is exhaustive; bounds carry a small relative
slack against rounding). Singular solutions (multiple roots, continua) are never
certified: the search stops at a size or box limit and says ``"unsure"``, and the caller
decides exactly. The domain is slightly enlarged (``MARGIN``) so that solutions on the
boundary of the simplex are interior points of a box.

Examples
--------
>>> import numpy as np
>>> u = [np.zeros((2, 2, 2)) for _ in range(3)]
>>> for s in np.ndindex(2, 2, 2):
...     for i in range(3):
...         u[i][s] = float(s[i] == s[(i + 1) % 3])
>>> status, points = solve_support(u, ((0, 1), (0, 1), (0, 1)))
>>> status, [np.round(p, 9).tolist() for p in points]
('ok', [[0.5, 0.5, 0.5]])
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from solvers.finite._player_order import reordered_game, restore_blocks, size_order

__all__ = [
    "MAX_BOXES",
    "block_layout",
    "box_limit",
    "scaled_payoffs",
    "solve_support",
    "solve_supports",
]

#: The probability box is enlarged by this much on each side.
MARGIN = 1e-3
#: Most boxes examined for one system before the search gives up (``"unsure"``).
MAX_BOXES = 150_000
#: Most boxes alive at once (more: a solution set of positive dimension, or too costly).
MAX_LIVE = 20_000
#: Most boxes alive at once in a group of systems searched side by side (memory); past
#: it, the systems with the most boxes are set aside and searched alone afterwards.
GROUP_LIVE = 200_000
#: Least half-width of a box in the Krawczyk test.
MIN_RADIUS = 1e-12
#: Boxes narrower than this that are neither discarded nor certified: a singular solution.
MIN_WIDTH = 1e-6
#: Each box is inflated by this factor for the Krawczyk test.
INFLATE = 1.0625
#: Largest system given the preconditioned exclusion test (it reads 2^d vertices per box).
PRECONDITIONED_MAX_UNKNOWNS = 9
#: Most floats of vertex values held at once by that test (``d * 2^d`` per box).
PRECONDITIONED_FLOATS = 2**22
#: Rounding allowance per unit of a preconditioner row's absolute sum (the equations'
#: vertex values are scaled payoffs, computed to about 1e-15).
ROUNDING = 1e-12
#: Relative slack on every bound (rounding in the interval arithmetic).
SLACK = 1e-10
#: Block contraction runs on systems where at most this many players mix (measured: on
#: four or more mixing players it cost more than it saved, 3^4 random games 2x slower).
CONTRACTION_MAX_MIXING = 3
#: Rounds of block contraction per box (each block in turn). One: a second round shrank
#: boxes further but cost more than it saved (random 7x4x4, 5x5x4, 4x4x4 games: 10-17% less
#: time in the subdivision with one; the same equilibria).
CONTRACTION_PASSES = 1
#: Weight of a non-branching side when the widest side is chosen for a split.
NON_BRANCHING_WEIGHT = 0.03


def _contract(T: np.ndarray, vertices: list[np.ndarray], B: int) -> np.ndarray:
    """``T`` ``(1 or B, rows, s_1, ..., s_k)`` (one tensor for every box, or one per box)
    contracted with each block's points ``(B, v_k, s_k)``: the values at every
    combination of points, ``(B, rows, v_1 * ... * v_k)`` (in some order of the
    combinations), by one batched matrix product per block, last first."""
    rows = T.shape[1]
    if not vertices:
        return np.broadcast_to(T.reshape(T.shape[0], rows, 1), (B, rows, 1))
    # X is (B or 1, combos, *tail); ndarray.transpose, not np.moveaxis: this runs
    # tens of thousands of times on small arrays, where the latter's overhead shows
    X = T.reshape(T.shape[0], 1, -1)
    combos = 1
    for V in reversed(vertices):
        v, s = V.shape[1], V.shape[2]
        Y = np.matmul(X.reshape(X.shape[0], -1, s), V.transpose(0, 2, 1))  # (B, ., v)
        Y = Y.reshape(B, combos, -1, v)  # (B, combos, prod(tail), v)
        X = Y.transpose(0, 1, 3, 2).reshape(B, combos * v, -1)
        combos *= v
    # contiguous: the callers reduce over the last axis (min, max), which numpy does
    # several times faster on a contiguous axis than across a strided one
    return np.ascontiguousarray(X.reshape(B, combos, rows).transpose(0, 2, 1))


def scaled_payoffs(payoffs: Sequence[np.ndarray]) -> list[np.ndarray]:
    """Each player's payoffs as floats shifted and scaled onto ``[0, 1]`` (a large common
    offset would cost accuracy; the equilibria do not change)."""
    out = []
    for u in payoffs:
        u = np.asarray(u, dtype=float)
        u = u - u.min()
        out.append(u / (float(np.ptp(u)) or 1.0))
    return out


def block_layout(support: tuple) -> tuple[list[int], list[int], np.ndarray, int]:
    """A support system's blocks of unknowns: each player's support size, her number of
    free probabilities (size minus one), where each block starts, and their total.

    Examples
    --------
    >>> sizes, dims, offsets, count = block_layout(((0, 1, 2), (1,), (0, 1)))
    >>> sizes, dims, offsets.tolist(), count
    ([3, 1, 2], [2, 0, 1], [0, 2, 2, 3], 3)
    """
    sizes = [len(S) for S in support]
    dims = [m - 1 for m in sizes]
    offsets = np.concatenate([[0], np.cumsum(dims)]).astype(int)
    return sizes, dims, offsets, int(offsets[-1])


class _Multiaffine:
    """Support systems of one size pattern over many boxes, each box tagged with its
    system. Every equation, deviation gain and Jacobian entry is affine in each free
    probability separately, so its range over a box is attained at the box's vertices:
    the bounds below are exact (no interval overestimation), computed block by block."""

    def __init__(
        self,
        payoffs: Sequence[np.ndarray],
        supports: Sequence[tuple],
        games: Sequence[Sequence[np.ndarray]] | None = None,
    ) -> None:
        """``games``, when given: each system's own payoff arrays, already scaled by
        :func:`scaled_payoffs` (systems whose players were put in another order); by default
        every system is of the game ``payoffs``."""
        n = len(supports[0])
        self.n = n
        self.sizes, self.dims, self.offsets, self.count = block_layout(supports[0])
        self.mixing = [i for i in range(n) if self.dims[i] > 0]
        # the systems of one game at a time (all of them, unless players were reordered),
        # each player's tensors cut out by one fancy index for all of those systems
        owners: dict[int, list[int]] = {}
        tables: list[Sequence[np.ndarray]] = []
        if games is None:
            owners[0] = list(range(len(supports)))
            tables.append(scaled_payoffs(payoffs))
        else:
            for k, game in enumerate(games):
                if id(game) not in owners:
                    owners[id(game)] = []
                    tables.append(game)
                owners[id(game)].append(k)
        eq: dict[int, list] = {i: [] for i in range(n)}
        dev: dict[int, list] = {i: [] for i in range(n)}
        jac: dict[tuple[int, int], list] = {}
        placed: list[int] = []
        for members, scaled in zip(owners.values(), tables, strict=True):
            placed.extend(members)
            G = len(members)
            blocks = [np.array([supports[k][j] for k in members]) for j in range(n)]
            for i in range(n):
                u = scaled[i]
                m = u.shape[i]
                # player i's strategies: her support's first (the base), its others,
                # then those outside it (ascending)
                own = np.empty((G, m), dtype=int)
                for g, k in enumerate(members):
                    S = supports[k][i]
                    own[g] = [*S, *(t for t in range(m) if t not in S)]
                index = []
                for j in range(n):
                    cut = own if j == i else blocks[j]
                    shape = [G] + [1] * n
                    shape[j + 1] = cut.shape[1]
                    index.append(cut.reshape(shape))
                sub = np.moveaxis(u[tuple(index)], i + 1, 1)  # (G, m_i, |S_j| ...)
                size = self.sizes[i]
                base = sub[:, :1]
                rows = sub[:, 1:size] - base
                eq[i].append(rows)
                dev[i].append(sub[:, size:] - base)
                others = [j for j in range(n) if j != i]
                for pos, j in enumerate(others):
                    if self.dims[i] == 0 or self.dims[j] == 0:
                        continue
                    moved = np.moveaxis(rows, pos + 2, 2)  # (G, d_i, |S_j|, rest...)
                    diff = moved[:, :, :-1] - moved[:, :, -1:]  # d/dx_{j,l}: l minus last
                    jac.setdefault((i, j), []).append(diff.reshape(G, -1, *diff.shape[3:]))
        back = np.argsort(placed)  # the systems in their own order again
        # (systems, rows, |S_j| for j != i) each
        self.eq = {i: np.concatenate(v)[back] for i, v in eq.items()}
        self.dev = {i: np.concatenate(v)[back] for i, v in dev.items()}
        self.jac = {key: np.concatenate(v)[back] for key, v in jac.items()}
        # tensors contracted with the same blocks' vertices, stacked to be contracted
        # together (one call instead of two): a player's equations with her deviation
        # gains, and the Jacobian's blocks (i, j) with (j, i)
        self._player_rows = {
            i: np.concatenate([self.eq[i], self.dev[i]], axis=1) for i in range(n)
        }
        self._jac_pairs = {
            (i, j): np.concatenate([T, self.jac[(j, i)]], axis=1)
            for (i, j), T in self.jac.items()
            if i < j
        }
        self.single = len(supports) == 1
        self._linear: dict[tuple[int, int], np.ndarray] = {}

    def linear_in(self, i: int, j: int) -> np.ndarray:
        """Player ``i``'s equations as ``(systems, d_i * |S_j|, |S_k| for k not i, j)``:
        coefficients of block ``j``'s probabilities (kept, for the search's many calls)."""
        key = (i, j)
        if key not in self._linear:
            T = self.eq[i]  # (systems, d_i, |S_k| for k != i)
            axis = 2 + [k for k in range(self.n) if k != i].index(j)
            T = np.moveaxis(T, axis, 2)
            T = T.reshape(T.shape[0], T.shape[1] * T.shape[2], *T.shape[3:])
            self._linear[key] = np.ascontiguousarray(T)
        return self._linear[key]

    def _rows(self, T: np.ndarray, sid: np.ndarray) -> np.ndarray:
        return T if self.single else T[sid]

    def points(self, lo: np.ndarray, hi: np.ndarray | None = None) -> list[np.ndarray]:
        """Each block's probability vectors at the vertices of its box ``(B, 2^d_j,
        |S_j|)`` (one point per box when ``hi`` is ``None``)."""
        out = []
        for j in range(self.n):
            a = lo[:, self.offsets[j] : self.offsets[j + 1]]
            if hi is None or self.dims[j] == 0:
                free = a[:, None, :]
            else:
                b = hi[:, self.offsets[j] : self.offsets[j + 1]]
                corners = np.array(list(np.ndindex(*([2] * self.dims[j]))), dtype=bool)
                free = np.where(corners[None], b[:, None, :], a[:, None, :])
            last = 1.0 - free.sum(axis=2, keepdims=True)
            out.append(np.concatenate([free, last], axis=2))
        return out

    def bounds(self, sid, lo, hi=None):
        """Bounds of the equations ``(B, d)`` each, and the least value over the box of
        the best deviation gain, per box ``(B,)``."""
        pts = self.points(lo, hi)
        B = lo.shape[0]
        Flo, Fhi = np.zeros((B, self.count)), np.zeros((B, self.count))
        dev = np.full(B, -np.inf)
        for i in range(self.n):
            T = self._player_rows[i]  # her equations, then her deviation gains
            if not T.shape[1]:
                continue
            X = _contract(self._rows(T, sid), [pts[j] for j in range(self.n) if j != i], B)
            low = X.min(axis=2)
            d = self.dims[i]
            if d:
                Flo[:, self.offsets[i] : self.offsets[i + 1]] = low[:, :d]
                Fhi[:, self.offsets[i] : self.offsets[i + 1]] = X[:, :d].max(axis=2)
            if T.shape[1] > d:
                dev = np.maximum(dev, low[:, d:].max(axis=1))
        return Flo, Fhi, dev

    def vertex_values(self, sid, lo, hi) -> np.ndarray:
        """The equations at every vertex of each box ``(B, d, V)`` (``V`` = product of the
        blocks' vertex counts; the same vertex order for every row)."""
        pts = self.points(lo, hi)
        B = lo.shape[0]
        sizes = [p.shape[1] for p in pts]
        out = np.empty((B, self.count, *reversed(sizes)))
        for i in self.mixing:
            vs = [pts[j] for j in range(self.n) if j != i]
            X = _contract(self._rows(self.eq[i], sid), vs, B)  # others: first block fastest
            X = X.reshape(B, self.dims[i], *[sizes[j] for j in reversed(range(self.n)) if j != i])
            X = np.expand_dims(X, 2 + (self.n - 1 - i))  # block i's axis (values constant)
            out[:, self.offsets[i] : self.offsets[i + 1]] = X
        return out.reshape(B, self.count, -1)

    def jacobian(self, sid, lo, hi=None):
        """Bounds of the Jacobian ``(B, d, d)`` each (the Jacobian twice at points)."""
        pts = self.points(lo, hi)
        B = lo.shape[0]
        Jlo, Jhi = np.zeros((B, self.count, self.count)), np.zeros((B, self.count, self.count))
        for (i, j), T in self._jac_pairs.items():  # blocks (i, j) and (j, i) together
            X = _contract(
                self._rows(T, sid), [pts[k] for k in range(self.n) if k not in (i, j)], B
            )
            low, high = X.min(axis=2), X.max(axis=2)
            size = self.dims[i] * self.dims[j]
            for a, b, part in ((i, j, slice(0, size)), (j, i, slice(size, None))):
                rows = slice(self.offsets[a], self.offsets[a + 1])
                cols = slice(self.offsets[b], self.offsets[b + 1])
                Jlo[:, rows, cols] = low[:, part].reshape(B, self.dims[a], self.dims[b])
                Jhi[:, rows, cols] = high[:, part].reshape(B, self.dims[a], self.dims[b])
        return Jlo, Jhi

    def point(self, sid, x):
        """``F`` and its Jacobian at points ``x`` ``(B, d)``."""
        F, _, _ = self.bounds(sid, x)
        J, _ = self.jacobian(sid, x)
        return F, J


def _invert(J: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The inverse of each of a stack of matrices and whether it exists (zero where the
    matrix is singular or the inverse is not finite)."""
    try:
        C = np.linalg.inv(J)
    except np.linalg.LinAlgError:  # some matrix singular: one at a time
        C = np.zeros_like(J)
        for b in range(J.shape[0]):
            try:
                C[b] = np.linalg.inv(J[b])
            except np.linalg.LinAlgError:
                pass
    ok = np.all(np.isfinite(C), axis=(1, 2)) & np.any(C != 0, axis=(1, 2))
    C[~ok] = 0.0
    return C, ok


def _left_inverse(A: np.ndarray) -> np.ndarray | None:
    """A left inverse of each matrix of a stack ``(B, rows, cols)``, ``rows >= cols``:
    ``(A^T A)^-1 A^T`` (the pseudo-inverse of a matrix of full column rank), the
    pseudo-inverse by SVD where ``A^T A`` is singular or ill-conditioned; ``None`` when
    that SVD does not converge."""
    At = np.swapaxes(A, 1, 2)
    gram = At @ A
    cols = A.shape[2]
    try:
        out = np.linalg.solve(gram, At)
        good = np.all(np.isfinite(out), axis=(1, 2))
    except np.linalg.LinAlgError:
        out, good = np.zeros_like(At), np.zeros(A.shape[0], dtype=bool)
    # a Gram matrix far from the identity after the solve: ill-conditioned
    if good.any():
        check = np.abs(out[good] @ A[good] - np.eye(cols)).max(axis=(1, 2))
        good[np.flatnonzero(good)[check > 1e-6]] = False
    if not good.all():
        try:
            out[~good] = np.linalg.pinv(A[~good])
        except np.linalg.LinAlgError:
            return None
    return out


@lru_cache(maxsize=256)
def _branch_blocks(dims: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The cheapest set of blocks (least total unknowns) from whose values every other
    block follows by linear equations, and the order in which the others follow.

    Player ``i``'s equations do not involve her own block and are affine in each other
    block, so they are linear in block ``j`` once every block but ``i`` and ``j`` is known;
    block ``j`` follows when such equations number at least its unknowns.

    Examples
    --------
    >>> _branch_blocks((5, 5, 4))  # a 6x6x5 game's full support: branch on 4 unknowns
    ((2,), (0, 1))
    >>> _branch_blocks((4, 3, 2))
    ((2,), (1, 0))
    """
    n = len(dims)
    mixing = [j for j in range(n) if dims[j] > 0]
    best: tuple[int, tuple[int, ...], tuple[int, ...]] | None = None
    for size in range(len(mixing) + 1):
        for branch in itertools.combinations(mixing, size):
            known = set(branch) | {j for j in range(n) if dims[j] == 0}
            order: list[int] = []
            grew = True
            while grew:
                grew = False
                for j in mixing:
                    if j in known:
                        continue
                    rows = sum(
                        dims[i]
                        for i in mixing
                        if i != j and all(k in known for k in range(n) if k not in (i, j))
                    )
                    if rows >= dims[j]:
                        known.add(j)
                        order.append(j)
                        grew = True
            cost = sum(dims[j] for j in branch)
            if len(known) == n and (best is None or cost < best[0]):
                best = (cost, branch, tuple(order))
    assert best is not None  # branching on every block always works
    return best[1], best[2]


def _overdetermined_blocks(dims: tuple[int, ...]) -> tuple[int, ...]:
    """The players whose equations outnumber the unknowns they involve: ``dims[i]``
    equations in the other blocks' ``sum(dims) - dims[i]`` unknowns (at most one player;
    such a system has no isolated solution, and generically none at all).

    Examples
    --------
    >>> _overdetermined_blocks((5, 2, 2)), _overdetermined_blocks((4, 2, 2))
    ((0,), ())
    """
    total = sum(dims)
    return tuple(i for i, d in enumerate(dims) if 2 * d > total)


def _no_common_zero(system: _Multiaffine, i: int, sid, lo, hi) -> np.ndarray:
    """Boxes ``(B,)`` where player ``i``'s equations, more than the unknowns they involve
    (the other blocks'), provably have no common zero: some combination of them, rotated
    by the left singular vectors of their Jacobian at the box's centre, keeps one sign
    over the box. The combinations along the Jacobian's left null space are nearly
    constant on a small box, so a box near a point where the equations almost meet is
    discarded once it is small against that miss, not against the distance to each
    equation's own zero set. Any fixed combination is valid: it is affine in each
    other block, its range over the box read exactly at the blocks' vertices."""
    if not sid.size:
        return np.zeros(0, dtype=bool)
    pts = system.points(lo, hi)
    B = lo.shape[0]
    rows = slice(system.offsets[i], system.offsets[i + 1])
    # (B, d_i, d): her rows of the Jacobian (the columns of her own block are zero)
    J = system.jacobian(sid, 0.5 * (lo + hi))[0][:, rows, :]
    if not np.all(np.isfinite(J)):
        return np.zeros(B, dtype=bool)
    try:
        U = np.linalg.svd(J)[0]  # (B, d_i, d_i), orthogonal
    except np.linalg.LinAlgError:  # an SVD that does not converge: no test
        return np.zeros(B, dtype=bool)
    X = _contract(system._rows(system.eq[i], sid), [pts[j] for j in range(system.n) if j != i], B)
    CX = np.matmul(np.swapaxes(U, 1, 2), X)  # (B, d_i, vertices)
    slack = SLACK + ROUNDING * np.abs(U).sum(axis=1)  # rounding grows with |U^T| rows
    return np.any((CX.min(axis=2) > slack) | (CX.max(axis=2) < -slack), axis=1)


def _contract_block(system: _Multiaffine, sid, lo, hi, j: int):
    """The box with block ``j``'s sides shrunk to the solutions of the other players'
    equations, linear in block ``j`` (``lo > hi`` on a side: no solution in the box).

    With the other blocks' vertices ``v``, those equations read ``M(v) x + m(v) = 0``
    (``x`` block ``j``'s free probabilities; ``M``, ``m`` affine in each other block,
    so their ranges are read at the vertices). For any matrix ``C`` (here a weighted
    pseudo-inverse of the midpoint ``M``, rows with narrow coefficients weighted up), a
    solution satisfies ``x = c - C (M(v) c + m(v)) + (I - C M(v)) (x - c)`` (``c`` the
    side's centre): the range of the right side over the box bounds ``x`` (Krawczyk's
    operator for a linear system with interval coefficients).
    """
    n = system.n
    pts = system.points(lo, hi)
    B = lo.shape[0]
    dj = system.dims[j]
    cols = slice(system.offsets[j], system.offsets[j + 1])
    xlo, xhi = lo[:, cols], hi[:, cols]
    centre = 0.5 * (xlo + xhi)
    radius = 0.5 * (xhi - xlo)
    coefficients, constants = [], []
    for i in system.mixing:
        if i == j:
            continue
        T = system.linear_in(i, j)
        size = system.sizes[j]
        X = _contract(system._rows(T, sid), [pts[k] for k in range(n) if k not in (i, j)], B)
        X = X.reshape(B, system.dims[i], size, -1)  # (B, d_i, |S_j|, vertices)
        coefficients.append(X[:, :, :-1, :] - X[:, :, -1:, :])
        constants.append(X[:, :, -1, :])
    low = np.concatenate([M.min(axis=3) for M in coefficients], axis=1)
    high = np.concatenate([M.max(axis=3) for M in coefficients], axis=1)
    mid, rad = 0.5 * (low + high), 0.5 * (high - low)
    weight = 1.0 / (rad.max(axis=2) + 1e-9)
    inverse = _left_inverse(weight[:, :, None] * mid)
    if inverse is None:  # an SVD that does not converge: no contraction
        return lo, hi
    C = inverse * weight[:, None, :]  # (B, d_j, rows)
    C[~np.isfinite(C)] = 0.0  # any C is valid
    shift_lo, shift_hi = np.zeros((B, dj)), np.zeros((B, dj))
    CM_lo, CM_hi = np.zeros((B, dj, dj)), np.zeros((B, dj, dj))
    row = 0
    for M, m in zip(coefficients, constants, strict=True):
        Ci = C[:, :, row : row + M.shape[1]]
        row += M.shape[1]
        CG = np.matmul(Ci, np.einsum("bilv,bl->biv", M, centre) + m)  # (B, d_j, vertices)
        shift_lo += CG.min(axis=2)
        shift_hi += CG.max(axis=2)
        CM = np.einsum("bki,bilv->bklv", Ci, M)
        CM_lo += CM.min(axis=3)
        CM_hi += CM.max(axis=3)
    eye = np.eye(dj)
    spread = np.einsum("bkl,bl->bk", np.maximum(np.abs(eye - CM_lo), np.abs(eye - CM_hi)), radius)
    spread += SLACK * (1.0 + np.abs(C).sum(axis=2))  # rounding grows with C
    lo, hi = lo.copy(), hi.copy()
    lo[:, cols] = np.maximum(xlo, centre - shift_hi - spread)
    hi[:, cols] = np.minimum(xhi, centre - shift_lo + spread)
    return lo, hi


def box_limit(count: int) -> int:
    """Most boxes examined for one system of ``count`` unknowns: :data:`MAX_BOXES`, doubled
    for each unknown beyond six (the boxes a regular system needs grow with dimension)."""
    return MAX_BOXES * 2 ** max(0, count - 6)


def solve_support(
    payoffs: Sequence[np.ndarray], support: tuple, max_boxes: int | None = None
) -> tuple[str, list[np.ndarray]]:
    """All real solutions of a support system with probabilities in ``[0, 1]``.

    Returns ``("ok", points)`` (each point the free probabilities, block by block,
    Newton-refined, every solution in the box certified unique in its own box and none
    missed) or ``("unsure", [])`` when some box could be neither discarded nor certified
    (a singular solution or a continuum) within the limits (``max_boxes`` boxes
    examined, by default :func:`box_limit`).

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[1.0, -1.0], [-1.0, 1.0]])
    >>> solve_support([A, -A], ((0, 1), (0, 1)))
    ('ok', [array([0.5, 0.5])])
    """
    return solve_supports(payoffs, [support], max_boxes)[0]


def solve_supports(
    payoffs: Sequence[np.ndarray], supports: Sequence[tuple], max_boxes: int | None = None
) -> list[tuple[str, list[np.ndarray]]]:
    """:func:`solve_support` for many support profiles at once: the systems of one size
    pattern, up to the order of the players (each system is solved with its players in
    the order of :func:`solvers.finite._player_order.size_order`, its roots given back
    in theirs), share every array operation (their boxes are searched side by side),
    which saves most of the interpreter's overhead on small systems. Each system's
    verdict is the one :func:`solve_support` gives it alone.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[3.0, 0.0], [0.0, 2.0]]); B = np.array([[2.0, 0.0], [0.0, 3.0]])
    >>> [(status, [np.round(p, 9).tolist() for p in points])
    ...  for status, points in solve_supports([A, B], [((0, 1), (0, 1)), ((0,), (0,))])]
    [('ok', [[0.6, 0.4]]), ('ok', [[]])]
    """
    out: list[tuple[str, list[np.ndarray]] | None] = [None] * len(supports)
    groups: dict[tuple, list[int]] = {}
    shape = [np.shape(u)[i] for i, u in enumerate(payoffs)]
    orders = [size_order(support, shape) for support in supports]
    for k, (support, order) in enumerate(zip(supports, orders, strict=True)):
        # systems whose size patterns are permutations of each other are one group,
        # each with its players in the order of decreasing support size (e.g. the
        # 2^7 game's 128 patterns of mixing players become 8 groups)
        groups.setdefault(tuple((len(support[i]), shape[i]) for i in order), []).append(k)
    scaled = scaled_payoffs(payoffs)
    reordered: dict[tuple[int, ...], list[np.ndarray]] = {}
    for pattern, members in groups.items():
        count = sum(size - 1 for size, _ in pattern)
        limit = box_limit(count) if max_boxes is None else max_boxes
        chunk = max(1, 2 ** max(0, 12 - count))  # systems searched side by side
        for start in range(0, len(members), chunk):
            part = members[start : start + chunk]
            games = []
            for k in part:
                order = orders[k]
                if order not in reordered:
                    reordered[order] = reordered_game(scaled, order)
                games.append(reordered[order])
            verdicts = _solve_group(
                payoffs,
                [tuple(supports[k][i] for i in orders[k]) for k in part],
                limit,
                games,
            )
            for k, (status, points) in zip(part, verdicts, strict=True):
                out[k] = (status, [restore_blocks(x, supports[k], orders[k]) for x in points])
    return [v for v in out if v is not None]


def _solve_group(payoffs, supports, max_boxes, games=None):
    """The verdicts of systems with one size pattern, their boxes searched together
    (``games``: each system's own scaled payoff arrays, see :class:`_Multiaffine`)."""
    system = _Multiaffine(payoffs, supports, games)
    G = len(supports)
    if system.count == 0:  # pure profiles: the one point, if no deviation gains
        _, _, dev = system.bounds(np.arange(G), np.zeros((G, 0)))
        return [("ok", [np.zeros(0)] if gain <= SLACK else []) for gain in dev]
    d = system.count
    contracting = False
    if len(system.mixing) <= CONTRACTION_MAX_MIXING:  # (the search below is over subsets)
        branch, order = _branch_blocks(tuple(system.dims))
        contracting = 2 * sum(system.dims[j] for j in branch) < d
    side_weight = np.ones(d)  # splits go to the branching blocks first
    if contracting:
        side_weight[:] = NON_BRANCHING_WEIGHT
        for j in branch:
            side_weight[system.offsets[j] : system.offsets[j + 1]] = 1.0
    overdetermined = _overdetermined_blocks(tuple(system.dims))
    for i in overdetermined:
        # player i's equations outnumber the unknowns they involve (the others'): they
        # alone decide whether the system has solutions, and they do not involve her
        # own block, so splitting it is of little use
        side_weight[system.offsets[i] : system.offsets[i + 1]] = NON_BRANCHING_WEIGHT
    unsure = np.zeros(G, dtype=bool)
    for i in system.mixing:  # an equation that vanishes identically: never isolated
        unsure |= ~np.any(system.eq[i].reshape(G, -1), axis=1)
    sid = np.flatnonzero(~unsure)
    lo = np.full((sid.size, d), -MARGIN)
    hi = np.full((sid.size, d), 1.0 + MARGIN)
    roots: list[list[np.ndarray]] = [[] for _ in range(G)]
    seen = np.zeros(G, dtype=np.int64)
    eye = np.eye(d)

    deferred = np.zeros(G, dtype=bool)

    def prune() -> None:  # the boxes of systems given up on or set aside go
        nonlocal sid, lo, hi
        keep = ~(unsure | deferred)[sid]
        sid, lo, hi = sid[keep], lo[keep], hi[keep]

    while sid.size:
        live = np.bincount(sid, minlength=G)
        if sid.size > GROUP_LIVE and np.count_nonzero(live) > 1:
            # too many boxes at once (memory): the systems with the most are searched
            # again later, each alone, so that every verdict stays its own
            left = sid.size
            for g in np.argsort(-live, kind="stable"):
                if left <= GROUP_LIVE // 2 or np.count_nonzero(live[~deferred]) <= 1:
                    break
                deferred[g] = True
                left -= int(live[g])
            prune()
            live[deferred] = 0
        seen += live
        over = (seen > max_boxes) | (live > MAX_LIVE)
        if over.any():
            unsure |= over
            prune()
            if not sid.size:
                break
        # each block's probabilities sum to at most one (its last one is not negative):
        # x_k <= 1 - (sum of the others' lower ends)
        keep = np.ones(sid.size, dtype=bool)
        for j in system.mixing:
            cols = slice(system.offsets[j], system.offsets[j + 1])
            total = lo[:, cols].sum(axis=1)
            keep &= total <= 1.0 + MARGIN
            hi[:, cols] = np.minimum(hi[:, cols], 1.0 + MARGIN - (total[:, None] - lo[:, cols]))
        keep &= np.all(hi >= lo, axis=1)
        if contracting:
            sid, lo, hi = sid[keep], lo[keep], hi[keep]
            if not sid.size:
                break
            for _ in range(CONTRACTION_PASSES):
                for j in order:
                    lo, hi = _contract_block(system, sid, lo, hi, j)
            keep = np.all(hi >= lo, axis=1)
        Flo, Fhi, dev = system.bounds(sid, lo, hi)
        keep &= np.all((Flo <= SLACK) & (Fhi >= -SLACK), axis=1)
        keep &= dev <= SLACK
        for i in overdetermined:
            keep[keep] = ~_no_common_zero(system, i, sid[keep], lo[keep], hi[keep])
        sid, lo, hi = sid[keep], lo[keep], hi[keep]
        if not sid.size:
            break
        # Krawczyk: K = y - C F(y) + (I - C J(X)) (X - y) on the box inflated by INFLATE
        # (a solution on the face shared by two boxes is inside both inflated boxes;
        # found twice, kept once), its radius at least MIN_RADIUS (a side pinned by
        # contraction to a few ulps would never pass the strict inclusion test). Any
        # preconditioner C is valid: the inverse of the interval Jacobian's midpoint.
        y = 0.5 * (lo + hi)
        r = np.maximum(0.5 * (hi - lo) * INFLATE, MIN_RADIUS)
        Fy, _, _ = system.bounds(sid, y)
        Jlo, Jhi = system.jacobian(sid, y - r, y + r)
        Jy = 0.5 * (Jlo + Jhi)
        if overdetermined:  # the Jacobian is singular everywhere (rows of player i span
            # fewer columns than there are rows): an "inverse" is rounding noise, and no
            # test may rest on it (only the bounds above exclude, nothing is certified)
            C, ok_inv = np.zeros_like(Jy), np.zeros(sid.size, dtype=bool)
        else:
            C, ok_inv = _invert(Jy)
        Cp, Cn = np.maximum(C, 0.0), np.minimum(C, 0.0)
        CJlo = Cp @ Jlo + Cn @ Jhi
        CJhi = Cp @ Jhi + Cn @ Jlo
        Mabs = np.maximum(np.abs(eye - CJlo), np.abs(eye - CJhi))
        centre = y - np.einsum("bij,bj->bi", C, Fy)
        spread = np.einsum("bij,bj->bi", Mabs, r) * (1 + 1e-9) + 1e-15
        # rounding in C F(y) grows with C (near a singular Jacobian C is huge)
        spread += ROUNDING * np.abs(C).sum(axis=2)
        inside = ok_inv & np.all(np.abs(centre - y) + spread < r, axis=1)
        disjoint = ok_inv & np.any((centre + spread < y - r) | (centre - spread > y + r), axis=1)
        failed: list[int] = []
        found = np.flatnonzero(inside)
        if found.size:  # Newton's method from the Krawczyk centres, all boxes at once
            g, x = sid[found], centre[found].copy()
            for _ in range(6):
                F, J = system.point(g, x)
                x = x - np.einsum("bij,bj->bi", _invert(J)[0], F)  # singular: no step
            F, _ = system.point(g, x)
            good = np.all(np.abs(x - y[found]) <= r[found] * (1 + 1e-6), axis=1)
            good &= np.abs(F).max(axis=1) < 1e-9
            for k in range(found.size):
                if good[k]:
                    roots[int(g[k])].append(x[k])
                else:
                    failed.append(int(g[k]))  # Newton did not reach the certified root
        # preconditioned exclusion: C F is affine in each block too, so its exact range
        # over the box is read at the vertices; a row that cannot vanish: no solution
        undecided = np.flatnonzero(~inside & ~disjoint & ok_inv)
        if d > PRECONDITIONED_MAX_UNKNOWNS:  # 2^d vertices per box: too many
            undecided = undecided[:0]
        chunk = max(1, PRECONDITIONED_FLOATS // (d * 2**d))
        for start in range(0, undecided.size, chunk):
            part = undecided[start : start + chunk]
            CF = np.matmul(C[part], system.vertex_values(sid[part], lo[part], hi[part]))
            # rounding grows with C: near a singular Jacobian (a continuum of solutions)
            # C is huge, and so is the error of C F; the slack grows with it
            slack = SLACK + ROUNDING * np.abs(C[part]).sum(axis=2)
            excluded = np.any((CF.min(axis=2) > slack) | (CF.max(axis=2) < -slack), axis=1)
            disjoint[part[excluded]] = True
        split = ~inside & ~disjoint
        # interval Newton: every solution in the box lies in K, so the box shrinks to
        # its intersection with K; boxes that shrank well are examined again unsplit
        newlo = np.where(ok_inv[:, None], np.maximum(lo, centre - spread), lo)
        newhi = np.where(ok_inv[:, None], np.minimum(hi, centre + spread), hi)
        shrunk = (newhi - newlo).max(axis=1) < 0.7 * (hi - lo).max(axis=1)
        again = split & shrunk
        split &= ~shrunk
        # split the contracted box along its widest side, weighted by the Jacobian
        weight = (newhi - newlo) * (np.abs(Jy).sum(axis=1) + 1e-300) * side_weight
        sid_a, lo_a, hi_a = sid[again], newlo[again], newhi[again]
        sid, lo, hi, weight = sid[split], newlo[split], newhi[split], weight[split]
        if sid.size:
            # a box this narrow that is neither discarded nor certified: singular
            narrow = sid[(hi - lo).max(axis=1) < MIN_WIDTH]
            rows = np.arange(sid.size)
            axis = np.argmax(weight, axis=1)
            mid = 0.5 * (lo[rows, axis] + hi[rows, axis])
            lo2, hi2 = lo.copy(), hi.copy()
            hi[rows, axis] = mid
            lo2[rows, axis] = mid
            sid = np.concatenate([sid, sid, sid_a])
            lo, hi = np.concatenate([lo, lo2, lo_a]), np.concatenate([hi, hi2, hi_a])
        else:
            narrow = sid[:0]
            sid, lo, hi = sid_a, lo_a, hi_a
        bad = np.zeros(G, dtype=bool)
        bad[narrow] = True
        bad[failed] = True
        if bad.any():
            unsure |= bad
            prune()
    verdicts: list[tuple[str, list[np.ndarray]]] = []
    for system_index in range(G):
        if deferred[system_index]:
            alone = None if games is None else [games[system_index]]
            verdicts.append(_solve_group(payoffs, [supports[system_index]], max_boxes, alone)[0])
            continue
        if unsure[system_index]:
            verdicts.append(("unsure", []))
            continue
        points: list[np.ndarray] = []
        for x in roots[system_index]:
            if not any(np.max(np.abs(x - z)) < 1e-9 for z in points):
                points.append(x)
        verdicts.append(("ok", points))
    return verdicts
