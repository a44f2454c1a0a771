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
* other boxes are halved along their widest side.

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

from collections.abc import Sequence

import numpy as np

__all__ = ["MAX_BOXES", "solve_support"]

#: The probability box is enlarged by this much on each side.
MARGIN = 1e-3
#: Most boxes examined for one system before the search gives up (``"unsure"``).
MAX_BOXES = 150_000
#: Most boxes alive at once (more: a solution set of positive dimension, or too costly).
MAX_LIVE = 20_000
#: Boxes narrower than this that are neither discarded nor certified: a singular solution.
MIN_WIDTH = 1e-6
#: Each box is inflated by this factor for the Krawczyk test.
INFLATE = 1.0625
#: Relative slack on every bound (rounding in the interval arithmetic).
SLACK = 1e-10


def _contract(T: np.ndarray, vertices: list[np.ndarray], B: int) -> np.ndarray:
    """``T`` ``(rows, s_1, ..., s_k)`` contracted with each block's points ``(B, v_k, s_k)``:
    the values at every combination of points, ``(B, rows, v_1 * ... * v_k)`` (in some
    order of the combinations), by one batched matrix product per block, last first."""
    rows = T.shape[0]
    if not vertices:
        return np.broadcast_to(T.reshape(1, rows, 1), (B, rows, 1))
    tail = list(T.shape)  # X is (B or 1, combos, *tail)
    X = T.reshape(1, 1, -1)
    combos = 1
    for V in reversed(vertices):
        s, v = tail.pop(), V.shape[1]
        Y = np.matmul(X.reshape(X.shape[0], -1, s), np.swapaxes(V, 1, 2))  # (B, ., v)
        Y = Y.reshape(B, combos, -1, v)  # (B, combos, prod(tail), v)
        X = np.moveaxis(Y, 3, 2).reshape(B, combos * v, -1)
        combos *= v
    return np.swapaxes(X.reshape(B, combos, rows), 1, 2)


class _Multiaffine:
    """One support system over many boxes. Every equation, deviation gain and Jacobian
    entry is affine in each free probability separately, so its range over a box is
    attained at the box's vertices: the bounds below are exact (no interval
    overestimation), computed block by block."""

    def __init__(self, payoffs: Sequence[np.ndarray], support: tuple) -> None:
        n = len(support)
        self.n = n
        self.sizes = [len(S) for S in support]
        self.dims = [m - 1 for m in self.sizes]
        self.offsets = np.concatenate([[0], np.cumsum(self.dims)]).astype(int)
        self.count = int(self.offsets[-1])
        self.mixing = [i for i in range(n) if self.dims[i] > 0]
        self.eq: dict[int, np.ndarray] = {}  # player -> (d_i, |S_j| for j != i)
        self.dev: dict[int, np.ndarray] = {}  # player -> (outside, |S_j| for j != i)
        self.jac: dict[tuple[int, int], np.ndarray] = {}  # (i, j) -> (d_i d_j, rest)
        for i in range(n):
            u = np.asarray(payoffs[i], dtype=float)
            u = u - u.min()  # a large common offset would cost accuracy after scaling
            scale = float(np.ptp(u)) or 1.0
            index = [list(S) for S in support]
            index[i] = list(range(u.shape[i]))
            sub = np.moveaxis(u[np.ix_(*index)], i, 0) / scale  # (m_i, |S_j| ...)
            base = sub[support[i][0]]
            rows = sub[list(support[i][1:])] - base
            self.eq[i] = rows
            outside = [t for t in range(u.shape[i]) if t not in support[i]]
            self.dev[i] = sub[outside] - base
            others = [j for j in range(n) if j != i]
            for pos, j in enumerate(others):
                if self.dims[i] == 0 or self.dims[j] == 0:
                    continue
                moved = np.moveaxis(rows, pos + 1, 1)  # (d_i, |S_j|, rest...)
                diff = moved[:, :-1] - moved[:, -1:]  # d/dx_{j,l}: strategy l minus last
                self.jac[(i, j)] = diff.reshape(-1, *diff.shape[2:])

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

    def bounds(self, lo, hi=None):
        """Bounds of the equations ``(B, d)`` each, and the least value over the box of
        the best deviation gain, per box ``(B,)``."""
        pts = self.points(lo, hi)
        B = lo.shape[0]
        Flo, Fhi = np.zeros((B, self.count)), np.zeros((B, self.count))
        dev = np.full(B, -np.inf)
        for i in range(self.n):
            vs = [pts[j] for j in range(self.n) if j != i]
            if self.dims[i]:
                X = _contract(self.eq[i], vs, B)
                Flo[:, self.offsets[i] : self.offsets[i + 1]] = X.min(axis=2)
                Fhi[:, self.offsets[i] : self.offsets[i + 1]] = X.max(axis=2)
            if self.dev[i].shape[0]:
                X = _contract(self.dev[i], vs, B)
                dev = np.maximum(dev, X.min(axis=2).max(axis=1))
        return Flo, Fhi, dev

    def jacobian(self, lo, hi=None):
        """Bounds of the Jacobian ``(B, d, d)`` each (the Jacobian twice at points)."""
        pts = self.points(lo, hi)
        B = lo.shape[0]
        Jlo, Jhi = np.zeros((B, self.count, self.count)), np.zeros((B, self.count, self.count))
        for (i, j), T in self.jac.items():
            X = _contract(T, [pts[k] for k in range(self.n) if k not in (i, j)], B)
            rows = slice(self.offsets[i], self.offsets[i + 1])
            cols = slice(self.offsets[j], self.offsets[j + 1])
            Jlo[:, rows, cols] = X.min(axis=2).reshape(B, self.dims[i], self.dims[j])
            Jhi[:, rows, cols] = X.max(axis=2).reshape(B, self.dims[i], self.dims[j])
        return Jlo, Jhi

    def point(self, x):
        """``F`` and its Jacobian at points ``x`` ``(B, d)``."""
        F, _, _ = self.bounds(x)
        J, _ = self.jacobian(x)
        return F, J


def solve_support(
    payoffs: Sequence[np.ndarray], support: tuple, max_boxes: int = MAX_BOXES
) -> tuple[str, list[np.ndarray]]:
    """All real solutions of a support system with probabilities in ``[0, 1]``.

    Returns ``("ok", points)`` (each point the free probabilities, block by block,
    Newton-refined, every solution in the box certified unique in its own box and none
    missed) or ``("unsure", [])`` when some box could be neither discarded nor certified
    (a singular solution or a continuum) within the limits.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[1.0, -1.0], [-1.0, 1.0]])
    >>> solve_support([A, -A], ((0, 1), (0, 1)))
    ('ok', [array([0.5, 0.5])])
    """
    system = _Multiaffine(payoffs, support)
    if system.count == 0:  # a pure profile: the one point, if no deviation gains
        _, _, dev = system.bounds(np.zeros((1, 0)))
        return "ok", ([np.zeros(0)] if dev[0] <= SLACK else [])
    if any(not np.any(system.eq[i]) for i in system.mixing):
        return "unsure", []  # an equation that vanishes identically: never isolated
    d = system.count
    lo = np.full((1, d), -MARGIN)
    hi = np.full((1, d), 1.0 + MARGIN)
    roots: list[np.ndarray] = []
    seen = 0
    eye = np.eye(d)
    while lo.shape[0]:
        seen += lo.shape[0]
        if seen > max_boxes or lo.shape[0] > MAX_LIVE:
            return "unsure", []
        # each block's probabilities sum to at most one (its last one is not negative):
        # x_k <= 1 - (sum of the others' lower ends)
        keep = np.ones(lo.shape[0], dtype=bool)
        for j in system.mixing:
            cols = slice(system.offsets[j], system.offsets[j + 1])
            total = lo[:, cols].sum(axis=1)
            keep &= total <= 1.0 + MARGIN
            hi[:, cols] = np.minimum(hi[:, cols], 1.0 + MARGIN - (total[:, None] - lo[:, cols]))
        keep &= np.all(hi >= lo, axis=1)
        Flo, Fhi, dev = system.bounds(lo, hi)
        keep &= np.all((Flo <= SLACK) & (Fhi >= -SLACK), axis=1)
        keep &= dev <= SLACK
        lo, hi = lo[keep], hi[keep]
        if not lo.shape[0]:
            break
        # Krawczyk: K = y - C F(y) + (I - C J(X)) (X - y)
        # on the box inflated by INFLATE (a solution on the face shared by two boxes is
        # inside both inflated boxes; found twice, kept once)
        y = 0.5 * (lo + hi)
        r = 0.5 * (hi - lo) * INFLATE
        Fy, Jy = system.point(y)
        Jlo, Jhi = system.jacobian(y - r, y + r)
        try:
            C = np.linalg.inv(Jy)
            ok_inv = np.all(np.isfinite(C), axis=(1, 2))
        except np.linalg.LinAlgError:
            C = np.zeros_like(Jy)
            ok_inv = np.zeros(lo.shape[0], dtype=bool)
            for b in range(lo.shape[0]):
                try:
                    C[b] = np.linalg.inv(Jy[b])
                    ok_inv[b] = True
                except np.linalg.LinAlgError:
                    pass
        Cp, Cn = np.maximum(C, 0.0), np.minimum(C, 0.0)
        CJlo = Cp @ Jlo + Cn @ Jhi
        CJhi = Cp @ Jhi + Cn @ Jlo
        Mabs = np.maximum(np.abs(eye - CJlo), np.abs(eye - CJhi))
        centre = y - np.einsum("bij,bj->bi", C, Fy)
        spread = np.einsum("bij,bj->bi", Mabs, r) * (1 + 1e-9) + 1e-15
        inside = ok_inv & np.all(np.abs(centre - y) + spread < r, axis=1)
        disjoint = ok_inv & np.any((centre + spread < y - r) | (centre - spread > y + r), axis=1)
        for k in np.flatnonzero(inside):
            x = centre[k].copy()
            for _ in range(6):
                F, J = system.point(x[None, :])
                try:
                    x = x - np.linalg.solve(J[0], F[0])
                except np.linalg.LinAlgError:
                    break
            F, _ = system.point(x[None, :])
            if not (np.all(np.abs(x - y[k]) <= r[k] * (1 + 1e-6)) and np.abs(F).max() < 1e-9):
                return "unsure", []  # Newton did not reach the certified root
            roots.append(x)
        split = ~inside & ~disjoint
        # interval Newton: every solution in the box lies in K, so the box shrinks to
        # its intersection with K; boxes that shrank well are examined again unsplit
        newlo = np.where(ok_inv[:, None], np.maximum(lo, centre - spread), lo)
        newhi = np.where(ok_inv[:, None], np.minimum(hi, centre + spread), hi)
        shrunk = (newhi - newlo).max(axis=1) < 0.7 * (hi - lo).max(axis=1)
        again = split & shrunk
        split &= ~shrunk
        weight = (hi - lo) * (np.abs(Jy).sum(axis=1) + 1e-300)
        lo_a, hi_a = newlo[again], newhi[again]
        lo, hi, weight = newlo[split], newhi[split], weight[split]
        if lo.shape[0]:
            width = hi - lo
            if np.any(width.max(axis=1) < MIN_WIDTH):
                return "unsure", []
            rows = np.arange(lo.shape[0])
            axis = np.argmax(weight, axis=1)
            mid = 0.5 * (lo[rows, axis] + hi[rows, axis])
            lo2, hi2 = lo.copy(), hi.copy()
            hi[rows, axis] = mid
            lo2[rows, axis] = mid
            lo, hi = np.concatenate([lo, lo2, lo_a]), np.concatenate([hi, hi2, hi_a])
        else:
            lo, hi = lo_a, hi_a
    out: list[np.ndarray] = []
    for x in roots:
        if not any(np.max(np.abs(x - z)) < 1e-9 for z in out):
            out.append(x)
    return "ok", out
