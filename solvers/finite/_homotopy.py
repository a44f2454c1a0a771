r"""Numerical polynomial homotopy continuation for the support systems of n-player games.

For a support profile :math:`S` the unknowns are each player's probabilities on her
support except the last (which is one minus the others), and the equations say that the
consecutive support strategies of each player earn the same payoff. Equation
:math:`(i, k)` has degree at most one in each other player's block of unknowns and
degree zero in player *i*'s own block, so the **linear-product start system**

.. math::
    G_{ik}(x) = \prod_{j \ne i,\ |S_j| > 1} \bigl(c_{ikj} \cdot x_j + c^0_{ikj}\bigr)

(random complex coefficients) has as many solutions as the multi-homogeneous Bézout
number of the block structure, each found by one small linear solve per block
(Morgan and Sommese 1987; Verschelde and Cools 1994). The homotopy

.. math::
    H(x, t) = (1 - t)\, \gamma\, G(x) + t\, F(x), \qquad \gamma \in \mathbb{C}
    \text{ random}

is tracked from every start solution at once (vectorised in numpy: a fourth-order
Runge-Kutta predictor on :math:`\dot x = -H_x^{-1} H_t`, a Newton corrector with batched
``numpy.linalg.solve``, an adaptive step per path). With probability one over
:math:`\gamma` and the start coefficients, every isolated solution of :math:`F = 0` is
the end point of some path (the "gamma trick", Sommese and Wampler 2005, ch. 7-8); paths
whose norm blows up end at infinity.

Many systems of one pattern of support sizes are tracked instead from a **generic**
system of that pattern (random complex tensors :math:`T_0`, solved once by the
linear-product homotopy, :func:`generic_start`): the parameter homotopy
:math:`F(x;\, t\, T + (1 - t)\, \gamma\, T_0)` reaches every isolated solution of the
target with probability one as well (Sommese and Wampler 2005, thm. 7.1.6); its paths
are shorter and each step evaluates both systems in one pass. With the step control of
:func:`_track`, batches of random 3-player systems of support sizes 4, 4, 4 are tracked
2.1 times as fast as from linear-product starts with the former step control, 5, 5, 4
2.2 times.

The tracker reports ``"ok"`` when every path ended at a regular point (Newton-refined,
Jacobian well conditioned): every isolated solution is among them (with probability
one), and they use up the Bézout count; every continuum tried so far (planted ones of
several kinds, 3-5 players) instead sent paths to infinity or to singular end points.
``"diverged"`` gives
the regular end points too, but some paths went to infinity: they may end at solutions
at infinity, or on a positive-dimensional solution set (its closure reaches infinity),
which then need not meet any path elsewhere (a segment of solutions whose every path
diverges is an example): the caller must rule out such a set by other means.
``"unsure"`` when some path failed twice (with two different :math:`\gamma`), when two
paths reached the same end point (a path jump), or when an end point is singular (a
multiple root, or a point of a positive-dimensional solution set): the caller then
solves that system by other means.

Examples
--------
Three players paid 1 for matching the next player: the totally mixed support's system
has one solution (everybody flips a fair coin); of its two paths, the other one goes to
infinity, so the tracker alone cannot rule out a continuum of solutions:

>>> import numpy as np
>>> u = [np.zeros((2, 2, 2)) for _ in range(3)]
>>> for s in np.ndindex(2, 2, 2):
...     for i in range(3):
...         u[i][s] = float(s[i] == s[(i + 1) % 3])
>>> status, points = track_support(u, ((0, 1), (0, 1), (0, 1)), seed=0)
>>> status, [np.round(p.real, 6).tolist() for p in points if abs(p.imag).max() < 1e-9]
('diverged', [[0.5, 0.5, 0.5]])

A generic game's paths all end at regular solutions:

>>> rng = np.random.default_rng(1)
>>> u = [rng.normal(size=(3, 3, 3)) for _ in range(3)]
>>> status, points = track_support(u, ((0, 1, 2),) * 3)
>>> status, len(points)
('ok', 10)
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from solvers.finite._subdivision import block_layout, scaled_payoffs

__all__ = ["generic_start", "homotopy_paths", "start_count", "track_many", "track_support"]

#: Most start paths tracked for one support system (beyond: the caller decides).
MAX_PATHS = 20000
#: A step is accepted when its first Newton correction is below _FIRST and its second
#: below _SECOND (relative to 1 + |x|): the corrector converges quadratically. (Path
#: jumps these let through cost time, not completeness: an "ok" verdict rests on the
#: end points alone, as many distinct regular roots as there are paths.)
_FIRST = 1e-2
_SECOND = 1e-4
#: ... and the step that reaches t = 1 (the end point) when they are below these.
_FINAL_FIRST = 1e-3
_FINAL_SECOND = 1e-6
#: After an accepted step the next is _SAFETY (_FIRST / first correction)^(1/5) times
#: as long (the Runge-Kutta prediction's error grows as the fifth power of the step),
#: between half and _GROW times, at most _MAX_STEP; after a rejected one, half as long.
_SAFETY = 0.6
_GROW = 2.0
_MAX_STEP = 0.25
#: Most Newton steps refining a path's end point (after four, it stops when no step is
#: below 0.9 times the last: a regular root is then at the rounding level; towards a
#: multiple root, linear convergence, about thirty reach it).
_REFINE_STEPS = 40


def _tall_product(W: np.ndarray, T: np.ndarray, rows: int = 64) -> np.ndarray:
    """``W @ T`` for a tall ``W`` and a small ``T``, as a stack of products of ``rows``
    rows each: one BLAS call for the whole ``W`` may be split among threads, which for
    these shapes costs several times the work (measured: 1568 x 4 by 4 x 16, complex,
    0.39 ms on two threads against 0.05 ms stacked)."""
    P = W.shape[0]
    if P == 0:
        return np.zeros((0, T.shape[1]), dtype=np.result_type(W, T))
    blocks = -(-P // rows)
    if blocks * rows != P:
        padded = np.zeros((blocks * rows, W.shape[1]), dtype=np.result_type(W, T))
        padded[:P] = W
        W = padded
    return np.matmul(W.reshape(blocks, rows, -1), T).reshape(blocks * rows, -1)[:P]


class _System:
    """The indifference system of one support profile, evaluated for many points at once."""

    def __init__(
        self,
        payoffs: Sequence[np.ndarray],
        supports: Sequence[tuple],
        games: Sequence[Sequence[np.ndarray]] | None = None,
    ) -> None:
        """``games``, when given: each system's own payoff arrays (systems whose players
        were put in another order); by default every system is of the game ``payoffs``."""
        support = supports[0]
        n = len(support)
        self.n = n
        self.sizes, self.dims, self.offsets, self.count = block_layout(support)
        self.tensors = []  # per player: (systems, *sizes)
        # each game's payoffs scaled onto [0, 1] once (a large common offset would cost
        # accuracy), each system's tensors cut from its own game
        owners = [payoffs] * len(supports) if games is None else games
        scaled: dict[int, list[np.ndarray]] = {}
        for game in owners:
            if id(game) not in scaled:
                scaled[id(game)] = scaled_payoffs(game)
        for i in range(n):
            subs = [
                scaled[id(game)][i][np.ix_(*[list(S) for S in T])]
                for game, T in zip(owners, supports, strict=True)
            ]
            self.tensors.append(np.stack(subs))
        self.rows = [(i, k) for i in range(n) for k in range(1, self.sizes[i])]
        letters = "abcdefghijklmnopqrstuvwxyz"[:n]
        self.letters = letters
        self._paths: dict = {}
        self._start_paths: dict = {}

    @classmethod
    def from_tensors(cls, tensors: Sequence[np.ndarray]) -> _System:
        """One system given by its players' (complex) tensors over the support sizes."""
        self = cls.__new__(cls)
        sizes = np.shape(tensors[0])
        self.n = len(sizes)
        self.sizes, self.dims, self.offsets, self.count = block_layout(
            tuple(tuple(range(m)) for m in sizes)
        )
        self.tensors = [np.asarray(T, dtype=complex)[None] for T in tensors]
        self.rows = [(i, k) for i in range(self.n) for k in range(1, self.sizes[i])]
        self.letters = "abcdefghijklmnopqrstuvwxyz"[: self.n]
        self._paths = {}
        self._start_paths = {}
        return self

    def sigmas(self, x: np.ndarray) -> list[np.ndarray]:
        out = []
        for j in range(self.n):
            free = x[:, self.offsets[j] : self.offsets[j + 1]]
            out.append(np.concatenate([free, 1.0 - free.sum(axis=1, keepdims=True)], axis=1))
        return out

    def _flat(self, tensors: np.ndarray, i: int, j: int) -> np.ndarray:
        """Tensors (systems, *sizes) as (systems, prod of the other blocks, m_i m_j)."""
        others = [k for k in range(self.n) if k not in (i, j)]
        T = np.transpose(tensors, [0, i + 1, j + 1, *[k + 1 for k in others]])
        T = T.reshape(T.shape[0], self.sizes[i] * self.sizes[j], -1)
        return np.transpose(T, (0, 2, 1)).astype(complex)

    def _pair(
        self, i: int, j: int, sig: list[np.ndarray], which: np.ndarray, grid, start
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """Player i's payoff tensor contracted with every block but i and j: (P, m_i, m_j);
        with ``start`` (a generic system's tensors, one per player, of the same sizes)
        also that system's contraction (else ``None``)."""
        others = [k for k in range(self.n) if k not in (i, j)]
        key = (i, j)
        if key not in self._paths:  # the tensors as (systems, prod others, m_i m_j)
            self._paths[key] = self._flat(self.tensors[i], i, j)
        P = sig[0].shape[0]
        W = np.ones((P, 1), dtype=complex)
        for k in others:  # batched outer product, first index slowest
            W = (W[:, :, None] * sig[k][:, None, :]).reshape(P, -1)
        T = self._paths[key]
        if T.shape[0] == 1:
            out = _tall_product(W, T[0])
        elif grid is None:
            out = np.matmul(W[:, None, :], T[which])[:, 0, :]
        else:  # one matrix product per system, its points padded to a common count
            systems, pos, G, L = grid
            padded = np.zeros((G * L, W.shape[1]), dtype=complex)
            padded[pos] = W
            out = np.matmul(padded.reshape(G, L, -1), T[systems]).reshape(G * L, -1)[pos]
        shape = (P, self.sizes[i], self.sizes[j])
        if start is None:
            return out.reshape(shape), None
        if key not in self._start_paths:
            self._start_paths[key] = np.ascontiguousarray(self._flat(start[i][None], i, j)[0])
        return out.reshape(shape), _tall_product(W, self._start_paths[key]).reshape(shape)

    def _grid(self, which: np.ndarray):
        """The points of each system as rows of one padded block per system, when
        ``which`` is sorted and the blocks are at least half full: ``(systems, rows, G,
        L)``, else ``None`` (each point's tensor is then gathered)."""
        P = which.size
        if P < 2 or self.tensors[0].shape[0] == 1 or np.any(which[1:] < which[:-1]):
            return None
        starts = np.flatnonzero(np.concatenate([[True], which[1:] != which[:-1]]))
        counts = np.diff(np.append(starts, P))
        G, L = starts.size, int(counts.max())
        if 2 * P < G * L:
            return None
        rows = np.repeat(np.arange(G) * L - starts, counts) + np.arange(P)
        return which[starts], rows, G, L

    def evaluate(self, x: np.ndarray, which: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``F`` (P, d) and its Jacobian (P, d, d); ``which``: each point's system."""
        F, J, _ = self._assemble(x, which, None, np.ones(x.shape[0]), 0.0)
        return F, J

    def homotopy(
        self, x: np.ndarray, t: np.ndarray, which: np.ndarray, start, gamma: complex
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The parameter homotopy ``F(x; t T + (1 - t) gamma T0)`` from the generic system
        with tensors ``start`` (T0) to this one: its values (P, d), Jacobian (P, d, d)
        and derivative in t (P, d), the two systems' contractions made in one pass."""
        H, J, Ht = self._assemble(x, which, start, t, gamma)
        assert Ht is not None
        return H, J, Ht

    def _assemble(self, x, which, start, t, gamma):
        """Values, Jacobian and (with ``start``) derivative in t of the system whose
        tensors are ``t T + (1 - t) gamma T0`` (without ``start``: ``F`` itself)."""
        P = x.shape[0]
        d = self.count
        sig = self.sigmas(x)
        grid = self._grid(which)
        H = np.zeros((P, d), dtype=complex)
        J = np.zeros((P, d, d), dtype=complex)
        Ht = None if start is None else np.zeros((P, d), dtype=complex)
        a = t.astype(complex)[:, None, None]
        b = ((1.0 - t) * gamma)[:, None, None]
        for i in range(self.n):
            if self.dims[i] == 0:
                continue
            rows = slice(self.offsets[i], self.offsets[i] + self.dims[i])
            values = rate = None
            for j in range(self.n):
                if j == i:
                    continue
                M, M0 = self._pair(i, j, sig, which, grid, start)  # (P, m_i, m_j)
                if values is None:
                    if M0 is not None:
                        rate = np.einsum("pab,pb->pa", M - gamma * M0, sig[j])
                        M = a * M + b * M0
                    values = np.einsum("pab,pb->pa", M, sig[j])
                elif M0 is not None:
                    M = a * M + b * M0
                if self.dims[j] == 0:
                    continue
                D = M[:, :, :-1] - M[:, :, -1:]  # d/dx_{j,l}
                J[:, rows, self.offsets[j] : self.offsets[j + 1]] = D[:, 1:, :] - D[:, :1, :]
            if values is None:  # one player only: not reached (n >= 2)
                continue
            H[:, rows] = values[:, 1:] - values[:, :1]
            if Ht is not None and rate is not None:
                Ht[:, rows] = rate[:, 1:] - rate[:, :1]
        return H, J, Ht


class _Start:
    """A random linear-product start system matching the block structure."""

    def __init__(self, system: _System, rng: np.random.Generator) -> None:
        self.system = system
        d, n = system.count, system.n
        self.blocks = [j for j in range(n) if system.dims[j] > 0]
        self.member = np.zeros((d, n), dtype=bool)
        for r, (i, _) in enumerate(system.rows):
            for j in self.blocks:
                self.member[r, j] = j != i
        self.C = np.zeros((d, d), dtype=complex)
        self.C0 = np.ones((d, n), dtype=complex)
        for r in range(d):
            for j in self.blocks:
                if self.member[r, j]:
                    cols = slice(system.offsets[j], system.offsets[j + 1])
                    self.C[r, cols] = rng.standard_normal(system.dims[j]) + 1j * (
                        rng.standard_normal(system.dims[j])
                    )
                    self.C0[r, j] = rng.standard_normal() + 1j * rng.standard_normal()

    def _factors(self, x: np.ndarray) -> np.ndarray:
        s = self.system
        out = np.ones((x.shape[0], s.count, s.n), dtype=complex)
        for j in self.blocks:
            cols = slice(s.offsets[j], s.offsets[j + 1])
            val = _tall_product(x[:, cols], np.ascontiguousarray(self.C[:, cols].T))
            val = val + self.C0[:, j]
            out[:, :, j] = np.where(self.member[:, j], val, 1.0)
        return out

    def evaluate(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        s = self.system
        L = self._factors(x)  # (P, d, n)
        # products of the factors before and after each block, by running products
        before = np.ones_like(L)
        after = np.ones_like(L)
        for j in range(1, s.n):
            before[:, :, j] = before[:, :, j - 1] * L[:, :, j - 1]
            after[:, :, s.n - 1 - j] = after[:, :, s.n - j] * L[:, :, s.n - j]
        G = before[:, :, -1] * L[:, :, -1]
        J = np.zeros((x.shape[0], s.count, s.count), dtype=complex)
        for j in self.blocks:
            cols = slice(s.offsets[j], s.offsets[j + 1])
            rest = before[:, :, j] * after[:, :, j]  # (P, d): every factor but block j's
            J[:, :, cols] = rest[:, :, None] * self.C[None, :, cols]
        return G, J

    def assignments(self, limit: int) -> list[list[int]] | None:
        """Each way of giving every equation one of its blocks, block j getting dims[j]."""
        s = self.system
        capacity = {j: s.dims[j] for j in self.blocks}
        out: list[list[int]] = []
        choice: list[int] = []

        def rec(r: int) -> bool:
            if r == s.count:
                out.append(list(choice))
                return len(out) <= limit
            for j in self.blocks:
                if self.member[r, j] and capacity[j] > 0:
                    capacity[j] -= 1
                    choice.append(j)
                    ok = rec(r + 1)
                    choice.pop()
                    capacity[j] += 1
                    if not ok:
                        return False
            return True

        return out if rec(0) else None

    def solutions(self, limit: int) -> np.ndarray | None:
        s = self.system
        chosen = self.assignments(limit)
        if chosen is None:
            return None
        points = np.zeros((len(chosen), s.count), dtype=complex)
        for p, assignment in enumerate(chosen):
            for j in self.blocks:
                rows = [r for r in range(s.count) if assignment[r] == j]
                cols = slice(s.offsets[j], s.offsets[j + 1])
                points[p, cols] = np.linalg.solve(self.C[rows][:, cols], -self.C0[rows, j])
        return points


def _solve(A: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``A^-1 b`` for stacks of matrices and right-hand sides (``b``: (P, d) or (P, d, k));
    NaN for a singular matrix."""
    rhs = b if b.ndim == 3 else b[..., None]
    try:
        out = np.linalg.solve(A, rhs)
    except np.linalg.LinAlgError:
        out = np.full(rhs.shape, np.nan, dtype=complex)
        for p in range(A.shape[0]):
            try:
                out[p] = np.linalg.solve(A[p], rhs[p])
            except np.linalg.LinAlgError:
                pass
    return out if b.ndim == 3 else out[..., 0]


def _linear_product(system: _System, start: _Start, gamma: complex):
    """The homotopy ``(1 - t) gamma G + t F`` from a linear-product start system."""

    def homotopy(x, t, w):
        F, JF = system.evaluate(x, w)
        G, JG = start.evaluate(x)
        tt = t[:, None]
        H = (1 - tt) * gamma * G + tt * F
        Hx = (1 - tt)[:, :, None] * gamma * JG + tt[:, :, None] * JF
        return H, Hx, F - gamma * G

    return homotopy


def _parameter(system: _System, tensors: Sequence[np.ndarray], gamma: complex):
    """The homotopy from a generic system of the same sizes (tensors) to ``system``."""

    def homotopy(x, t, w):
        return system.homotopy(x, t, w, tensors, gamma)

    return homotopy


def _track(homotopy, x0: np.ndarray, which: np.ndarray):
    """Track every path from t = 0 to 1; status 1 arrived, 2 at infinity, 3 failed.

    A step: a fourth-order Runge-Kutta prediction, then two Newton corrections at the new
    t, accepted when the first is small (the prediction stayed near its own path) and
    the second about its square (the corrector converges quadratically: the point is
    then accurate to about the square of the second correction). The velocity at the
    accepted point comes with the second correction (one solve, two right-hand sides)
    and is the next step's first Runge-Kutta stage. The next step's length follows the
    first correction (the prediction's error): random 3-player systems of support sizes
    4, 4, 4 take 35 steps a path (8 rejected), where growing 1.25 times after a success
    and halving after a failure took 56 (16 rejected).
    """
    P = x0.shape[0]
    x = x0.copy()
    t = np.zeros(P)
    h = np.full(P, 0.1)
    status = np.zeros(P, dtype=int)

    def velocity(x, t, w):
        _, Hx, Ht = homotopy(x, t, w)
        return _solve(Hx, -Ht)

    v = velocity(x, t, which)
    for _ in range(5000):
        active = np.flatnonzero(status == 0)
        if active.size == 0:
            break
        xa, ta, wa = x[active], t[active], which[active]
        ha = np.minimum(h[active], 1.0 - ta)
        k1 = v[active]
        k2 = velocity(xa + 0.5 * ha[:, None] * k1, ta + 0.5 * ha, wa)
        k3 = velocity(xa + 0.5 * ha[:, None] * k2, ta + 0.5 * ha, wa)
        k4 = velocity(xa + ha[:, None] * k3, ta + ha, wa)
        xp = xa + (ha[:, None] / 6.0) * (k1 + 2 * k2 + 2 * k3 + k4)
        tn = ta + ha
        scale = 1.0 + np.linalg.norm(xp, axis=1)
        H, Hx, _ = homotopy(xp, tn, wa)
        dx = _solve(Hx, -H)
        xp = xp + dx
        first = np.linalg.norm(dx, axis=1)
        H, Hx, Ht = homotopy(xp, tn, wa)
        both = _solve(Hx, -np.stack([H, Ht], axis=2))
        dx, vn = both[:, :, 0], both[:, :, 1]
        xp = xp + dx
        last = np.linalg.norm(dx, axis=1)
        ok = np.isfinite(last) & np.all(np.isfinite(vn), axis=1)
        # the step onto t = 1 to the former, tighter tolerances: the end points are as
        # accurate as before (near a multiple root, where Newton converges only
        # linearly, the paths that meet there then end close enough to count as one)
        final = tn >= 1.0
        ok &= first < np.where(final, _FINAL_FIRST, _FIRST) * scale
        ok &= last < np.where(final, _FINAL_SECOND, _SECOND) * scale
        good, bad = active[ok], active[~ok]
        with np.errstate(divide="ignore"):  # first is finite where ok
            ratio = np.clip(_SAFETY * (_FIRST * scale[ok] / first[ok]) ** 0.2, 0.5, _GROW)
        x[good] = xp[ok]
        t[good] = tn[ok]
        v[good] = vn[ok]
        h[good] = np.minimum(ha[ok] * ratio, _MAX_STEP)
        h[bad] = ha[~ok] * 0.5
        norms = np.linalg.norm(x, axis=1)
        status[good[t[good] >= 1.0]] = 1
        status[(status == 0) & (norms > 1e8)] = 2
        tiny = (status == 0) & (h < 1e-14)
        status[tiny & (norms > 1e3) & (t > 0.99)] = 2
        status[tiny & (status == 0)] = 3
    status[status == 0] = 3
    return x, status


def start_count(payoffs: Sequence[np.ndarray], support: tuple) -> int | None:
    """The number of start paths (multi-homogeneous Bézout number) of a support system,
    ``None`` above :data:`MAX_PATHS`.

    Examples
    --------
    >>> import numpy as np
    >>> u = [np.zeros((3, 3, 3)) for _ in range(3)]
    >>> start_count(u, ((0, 1, 2),) * 3)
    10
    """
    system = _System(payoffs, [support])
    start = _Start(system, np.random.default_rng(0))
    chosen = start.assignments(MAX_PATHS)
    return None if chosen is None else len(chosen)


@lru_cache(maxsize=1024)
def homotopy_paths(sizes: tuple[int, ...]) -> int | None:
    """The homotopy's paths for a support profile of these sizes (its start system's
    multi-homogeneous Bézout number; ``None`` above ``MAX_PATHS``, which it refuses).

    Examples
    --------
    >>> homotopy_paths((4, 4, 4)), homotopy_paths((3, 3, 3, 3)), homotopy_paths((6, 2, 2))
    (56, 297, 0)
    """
    key = tuple(sorted(int(m) for m in sizes))  # the count is symmetric in the players
    zeros = [np.zeros(key) for _ in key]
    return start_count(zeros, tuple(tuple(range(m)) for m in key))


def track_support(
    payoffs: Sequence[np.ndarray],
    support: tuple,
    seed: int = 0,
    tries: int = 3,
    parameter: bool = False,
) -> tuple[str, list[np.ndarray]]:
    """Every isolated complex solution of a support system, by homotopy continuation.

    Returns ``("ok", points)`` (the regular end points, Newton-refined: each an array of
    the free unknowns, block by block; every path ended at one), ``("diverged", points)``
    (the same, but some paths went to infinity: a positive-dimensional solution set is
    not ruled out) or ``("unsure", [])`` when the tracking could not vouch for
    completeness (failed paths, path jumps, singular end points, or too many paths);
    ``("empty", [])`` when the start system has no solutions (then the system has no
    isolated solutions: the caller decides about continua). With ``parameter``, the
    paths start from the solutions of a generic system of the same support sizes
    (:func:`generic_start`) instead of a linear-product start system, when those are
    known (a parameter homotopy: shorter paths, cheaper steps; the same guarantee).

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[1.0, -1.0], [-1.0, 1.0]])
    >>> track_support([A, -A], ((0, 1), (0, 1)))[0]
    'ok'
    """
    return track_many(payoffs, [support], seed, tries, parameter=parameter)[0]


def track_many(
    payoffs: Sequence[np.ndarray],
    supports: Sequence[tuple],
    seed: int = 0,
    tries: int = 3,
    games: Sequence[Sequence[np.ndarray]] | None = None,
    parameter: bool = False,
) -> list[tuple[str, list[np.ndarray]]]:
    """:func:`track_support` for several support profiles of one size pattern (the same
    number of strategies per player), all paths tracked together (``games``: each
    system's own payoff arrays, where they differ from ``payoffs``; ``parameter``: from
    the generic system's solutions, :func:`generic_start`, worth its one-off cost
    (about one system's tracking) for several systems of a pattern).

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[3.0, 0.0], [0.0, 1.0]])
    >>> [s for s, _ in track_many([A, A], [((0, 1), (0, 1))] * 2)]
    ['ok', 'ok']
    """
    system = _System(payoffs, list(supports), games)
    rng = np.random.default_rng(seed)
    results: list[tuple[str, list[np.ndarray]] | None] = [None] * len(supports)
    pending = list(range(len(supports)))
    generic = generic_start(tuple(system.sizes)) if parameter else None
    for _ in range(tries):
        if not pending:
            break
        if generic is not None:
            tensors, solutions = generic
            which = np.repeat(np.array(pending), solutions.shape[0])
            x0 = np.tile(solutions, (len(pending), 1))
            gamma = np.exp(2j * np.pi * rng.random())
            x, status = _track(_parameter(system, tensors, gamma), x0, which)
            pending = _verdicts(system, x, status, which, pending, results)
            continue
        start = _Start(system, rng)
        base = start.solutions(MAX_PATHS // max(1, len(pending)) or 1)
        if base is None:
            if len(pending) == 1:
                results[pending[0]] = ("unsure", [])
                pending = []
                break
            base = start.solutions(MAX_PATHS)
            if base is None:
                for k in pending:
                    results[k] = ("unsure", [])
                pending = []
                break
        if base.shape[0] == 0:
            for k in pending:
                results[k] = ("empty", [])
            pending = []
            break
        which = np.repeat(np.array(pending), base.shape[0])
        x0 = np.tile(base, (len(pending), 1))
        gamma = np.exp(2j * np.pi * rng.random())
        x, status = _track(_linear_product(system, start, gamma), x0, which)
        pending = _verdicts(system, x, status, which, pending, results)
    for k in pending:
        results[k] = ("unsure", [])
    return [r if r is not None else ("unsure", []) for r in results]


def _verdicts(system: _System, x, status, which, pending: list[int], results: list) -> list[int]:
    """Each pending system's verdict on its paths into ``results``; those to re-track."""
    retry = []
    for k in pending:
        mine = which == k
        verdict = _endpoints(system, x[mine], status[mine], k)
        if verdict is None:
            retry.append(k)
        else:
            results[k] = verdict
    return retry


@lru_cache(maxsize=256)
def generic_start(sizes: tuple[int, ...]) -> tuple[list[np.ndarray], np.ndarray] | None:
    r"""A generic complex system of these support sizes and every one of its solutions.

    The system's tensors are random complex numbers (a fixed seed per ``sizes``: the
    same system in every run); its solutions come from the linear-product homotopy, and
    are kept only when that vouches for all of them (``"ok"``, as many as the
    multi-homogeneous Bézout number), else ``None`` (each system is then tracked from
    a linear-product start). Computed once per ``sizes`` and process.

    Tracked to a particular system along a path of the coefficients with a random
    complex turn, :math:`t\,T + (1 - t)\,\gamma\,T_0`, these solutions reach every
    isolated solution of it with probability one (parameter continuation, Sommese and
    Wampler 2005, thm. 7.1.6), as the linear-product start's do, along 13% fewer steps
    (random 3-player systems of support sizes 4, 4, 4), each evaluating both systems
    in one pass.

    Parameters
    ----------
    sizes : tuple of int
        Support sizes, one per player, in the order the systems list their players.

    Returns
    -------
    (tensors, solutions) or None
        ``tensors``: one complex array of shape ``sizes`` per player; ``solutions``:
        an array (solutions, unknowns), block by block as in :func:`track_support`.

    Examples
    --------
    >>> tensors, solutions = generic_start((3, 3, 3))
    >>> solutions.shape, homotopy_paths((3, 3, 3))
    ((10, 6), 10)
    """
    rng = np.random.default_rng([len(sizes), *sizes])
    tensors = [(rng.standard_normal(sizes) + 1j * rng.standard_normal(sizes)) / 2 for _ in sizes]
    system = _System.from_tensors(tensors)
    for _ in range(3):
        start = _Start(system, rng)
        base = start.solutions(MAX_PATHS)
        if base is None or base.shape[0] == 0:
            return None
        gamma = np.exp(2j * np.pi * rng.random())
        which = np.zeros(base.shape[0], dtype=int)
        x, status = _track(_linear_product(system, start, gamma), base, which)
        verdict = _endpoints(system, x, status, 0)
        if verdict is not None:
            name, points = verdict
            if name == "ok" and len(points) == base.shape[0]:
                solutions = np.array(points)
                for array in (*tensors, solutions):  # shared by every caller
                    array.setflags(write=False)
                return tensors, solutions
            return None
    return None


def _residual(F: np.ndarray, J: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Each point's largest equation residual relative to the size of its terms (the
    Jacobian's entries times the unknowns' sizes): free of the root's scale."""
    size = (np.abs(J) * (1.0 + np.abs(x))[:, None, :]).sum(axis=2)
    return (np.abs(F) / (1.0 + size)).max(axis=1)


def _condition(J: np.ndarray) -> np.ndarray:
    """Condition numbers of a stack of matrices, ``inf`` where a matrix is not finite or
    its singular values cannot be computed (such an end point is not regular)."""
    cond = np.full(J.shape[0], np.inf)
    finite = np.flatnonzero(np.all(np.isfinite(J), axis=(1, 2)))
    try:
        cond[finite] = np.linalg.cond(J[finite])
    except np.linalg.LinAlgError:  # some SVD did not converge: one matrix at a time
        for p in finite:
            try:
                cond[p] = np.linalg.cond(J[p])
            except np.linalg.LinAlgError:
                pass
    return cond


def _endpoints(system: _System, x: np.ndarray, status: np.ndarray, k: int):
    """The verdict on one system's paths, ``None`` to re-track with a new gamma."""
    if np.any(status == 3):
        return None
    # paths that went to infinity: solutions at infinity, or a positive-dimensional
    # solution set (whose closure always reaches infinity) that no path may meet
    verdict = "diverged" if np.any(status == 2) else "ok"
    ends = x[status == 1]
    if ends.shape[0] == 0:
        return verdict, []
    which = np.full(ends.shape[0], k)
    arrived = ends
    # Newton on F itself, four steps and on while a point's steps keep shrinking (a
    # singular Jacobian leaves the point as is), each point's best iterate kept (least
    # residual): towards a multiple root Newton converges only linearly (halving the
    # distance), and near it, where the Jacobian is nearly singular, a step may throw
    # the point far off again; the paths that meet there (as many as its multiplicity)
    # end closer together the longer they are refined, and count as one root reached
    # twice (a 2x2x2 game whose equilibrium is a double root, tracked with loose
    # tolerances up to the last step: ends 1e-5 apart after four steps, condition 1e5,
    # they passed for two regular roots)
    ends = ends.copy()
    best = ends.copy()
    best_residual = np.full(ends.shape[0], np.inf)
    previous = np.full(ends.shape[0], np.inf)
    active = np.arange(ends.shape[0])  # the points whose Newton steps still shrink
    for done in range(_REFINE_STEPS):
        if active.size == 0:
            break
        x = ends[active]
        F, J = system.evaluate(x, which[active])
        residual = _residual(F, J, x)
        better = residual < best_residual[active]
        best[active[better]] = x[better]
        best_residual[active[better]] = residual[better]
        step = _solve(J, -F)
        finite = np.all(np.isfinite(step), axis=1)
        x = x + np.where(finite[:, None], step, 0.0)
        ends[active] = x
        sizes = np.linalg.norm(step, axis=1) / (1.0 + np.linalg.norm(x, axis=1))
        progress = finite & (sizes > 1e-14) & (sizes < 0.9 * previous[active])
        previous[active] = sizes
        if done >= 3:  # four steps at least, as before
            active = active[progress]
    ends = best
    F, J = system.evaluate(ends, which)
    # a regular root: Newton converged to it from the path's end (which the tracker put
    # within about 1e-6 of it), its Jacobian well conditioned. Both measured free of the
    # root's scale (regular roots with some unknowns near 1e3 have Jacobian condition
    # numbers of 1e10): each equation's residual relative to the size of its terms, the
    # condition number of the Jacobian with each column scaled by its unknown's size and
    # each row to a largest entry 1 (diagonal scalings keep a singular matrix singular)
    scaled = J * (1.0 + np.abs(ends))[:, None, :]
    residual = _residual(F, J, ends)
    with np.errstate(divide="ignore", invalid="ignore"):  # a zero row: NaN, singular
        cond = _condition(scaled / np.abs(scaled).max(axis=2, keepdims=True))
    moved = np.linalg.norm(ends - arrived, axis=1) / (1.0 + np.linalg.norm(arrived, axis=1))
    regular = (cond < 1e9) & (residual < 1e-9) & (moved < 1e-4)
    if not np.all(regular):
        # far from the simplex (norm > 10 where the path ended: probabilities lie in
        # [0, 1]): stragglers on their way to infinity, or large roots that cannot be
        # equilibria; any other end point that is not regular is singular (a multiple
        # root, or a point of a positive-dimensional solution set)
        big = ~(np.linalg.norm(arrived, axis=1) <= 10.0)
        if np.all(regular | big):
            ends, regular, cond = ends[~big], regular[~big], cond[~big]
            verdict = "diverged"
        else:
            return "unsure", []  # singular end points: multiple roots or a continuum
    points = ends[regular]
    if points.shape[0] > 1:
        # two paths reached one regular root (a path jumped), or two roots too close to
        # tell from one multiple root: a root of condition number c is fixed to about
        # c 1e-16, a double root to about the square root of that (flat ones: its two
        # paths' ends 1.3e-6 apart at condition 9e8), so ends closer than 1e-8 sqrt(c)
        # (at least 1e-6), relative to their size, count as one root reached twice
        dist = np.abs(points[:, None, :] - points[None, :, :]).max(axis=2)
        np.fill_diagonal(dist, np.inf)
        c = cond[regular]
        size = 1.0 + np.abs(points).max(axis=1)
        near = np.maximum(1e-6, 1e-8 * np.sqrt(np.maximum(c[:, None], c[None, :])))
        if np.any(dist < near * np.maximum(size[:, None], size[None, :])):
            return None
    return verdict, list(points)
