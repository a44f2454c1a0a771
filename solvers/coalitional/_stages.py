"""The LP of one nucleolus stage, kept between stages.

Every stage of the sequence minimizes the largest free excess ``eps`` subject to
``x(S) + eps >= v(S)`` on the free coalitions, ``x(S) = v(S) - eps_k`` on the coalitions
fixed at an earlier level ``eps_k``, ``x(N) = v(N)`` and (nucleolus) ``x_i >= v(i)``. Two
interchangeable back ends:

* :class:`HighsStages` (``pip install highspy``, the ``fast`` extra): one HiGHS model
  built once; fixing a coalition changes one row's bounds and coefficient, and the next
  stage is re-solved by the dual simplex from the previous optimal basis (warm start);
* :class:`LinprogStages`: ``scipy.optimize.linprog`` (HiGHS dual simplex) on a model
  rebuilt at every stage (used when highspy is not installed).

Both run the dual simplex without presolve (see :mod:`solvers.coalitional._lp`).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import scipy.sparse as sps

from solvers._highs import discard_instance as _discard
from solvers._highs import highs_instance, import_highspy
from solvers.coalitional._lp import coalition_matrix, solve_lp

__all__ = ["HighsStages", "LinprogStages", "discard_instance", "stage_lp"]


class LinprogStages:
    """Stage LPs solved by ``scipy.optimize.linprog`` (rebuilt every stage)."""

    def __init__(self, vf: np.ndarray, n: int, singles: np.ndarray | None) -> None:
        self.vf, self.n, self.singles = vf, n, singles
        self.dense = _dense(n)
        self.free = np.ones(self.dense.shape[0], dtype=bool)
        self.fixed_rows: list[int] = []
        self.fixed_vals: list[float] = []
        self.fixed_cols: list[int] = []

    def solve(self) -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
        """``(x, eps, row duals of the free rows, column duals of x)`` (duals >= 0)."""
        n, vf = self.n, self.vf
        idx = np.nonzero(self.free)[0]
        a_ub = sps.hstack(
            [-coalition_matrix(n)[idx], -sps.csr_matrix(np.ones((idx.size, 1)))]
        ).tocsr()
        b_ub = -vf[1:-1][idx]
        eq_rows = [np.append(np.ones(n), 0.0)] + [
            np.append(self.dense[r], 0.0) for r in self.fixed_rows
        ]
        b_eq = [vf[-1]] + [
            vf[r + 1] - e for r, e in zip(self.fixed_rows, self.fixed_vals, strict=True)
        ]
        for i in self.fixed_cols:
            eq_rows.append(np.append(np.eye(n)[i], 0.0))
            b_eq.append(vf[1 << i])
        bounds: list[tuple[float | None, float | None]]
        if self.singles is not None:
            bounds = [(s, None) for s in self.singles]
        else:
            bounds = [(None, None)] * n
        bounds.append((None, None))
        c = np.zeros(n + 1)
        c[-1] = 1.0
        res = solve_lp(c, a_ub, b_ub, np.array(eq_rows), b_eq, bounds)
        duals = np.zeros(self.free.size)
        duals[idx] = -res.ineqlin.marginals
        col = np.asarray(res.lower.marginals[:n]) if self.singles is not None else np.zeros(n)
        return res.x[:n], float(res.x[-1]), duals, col

    def fix(self, rows: np.ndarray, eps: float) -> None:
        """The coalitions ``rows`` (row ``r`` is coalition ``r + 1``) are tight at ``eps``."""
        self.fixed_rows += [int(r) for r in rows]
        self.fixed_vals += [eps] * len(rows)
        self.free[rows] = False

    def drop(self, rows: np.ndarray) -> None:
        """The coalitions ``rows`` are spanned by the fixed ones: their excess is settled."""
        self.free[rows] = False

    def fix_players(self, players: list[int]) -> None:
        """``x_i = v({i})`` from now on."""
        self.fixed_cols += players


@lru_cache(maxsize=8)
def _dense(n: int) -> np.ndarray:
    """The coalition matrix (rows: coalitions ``1 .. 2^n - 2``) as a dense read-only array."""
    out = coalition_matrix(n).toarray()
    out.setflags(write=False)
    return out


#: The purpose under which this module's HiGHS instances are kept (solvers._highs).
_PURPOSE = "nucleolus stages"


def discard_instance() -> None:
    """Forget this thread's HiGHS instance (after a failure); the next one is fresh."""
    _discard(_PURPOSE)


@lru_cache(maxsize=8)
def _rows(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row-wise ``[A | 1]`` over the coalitions ``1 .. 2^n - 2``, then ``[1 .. 1 | 0]``, as
    ``(starts, indices, values)`` (``int32``, ``int32``, ``float64``)."""
    masks = np.arange(1, (1 << n) - 1)
    bits = (masks[:, None] >> np.arange(n)[None, :]) & 1
    member = np.hstack([bits, np.ones((masks.size, 1), dtype=bits.dtype)])
    member = np.vstack([member, np.append(np.ones(n, dtype=bits.dtype), 0)])
    rows, cols = np.nonzero(member)
    starts = np.concatenate(([0], np.cumsum(np.bincount(rows, minlength=member.shape[0]))))
    out = (starts[:-1].astype(np.int32), cols.astype(np.int32), np.ones(cols.size))
    for arr in out:
        arr.setflags(write=False)
    return out


class HighsStages(LinprogStages):
    """Stage LPs in one ``highspy`` model, modified and warm-started between stages.

    Rows are generated lazily: the model starts with the singletons, their complements
    (together they bound ``eps``) and the coalitions of largest excess at an equal split
    of the surplus; after each solve, the free coalitions left out whose excess exceeds
    the optimum are added and the model is re-solved from its basis. Left-out rows have
    zero dual, so the final duals are optimal duals of the full stage LP.
    """

    def __init__(self, vf: np.ndarray, n: int, singles: np.ndarray | None) -> None:
        super().__init__(vf, n, singles)
        hp = import_highspy()
        inf = hp.kHighsInf
        m = self.free.size
        h = highs_instance(_PURPOSE)
        lower = np.full(n + 1, -inf)
        if singles is not None:
            lower[:n] = singles
        h.addVars(n + 1, lower, np.full(n + 1, inf))
        h.changeColsCost(1, np.array([n], dtype=np.int32), np.array([1.0]))
        # model row 0: x(N) = v(N); then x(S) + eps >= v(S) for the generated coalitions
        h.addRows(
            1,
            np.array([vf[-1]]),
            np.array([vf[-1]]),
            n,
            np.array([0], dtype=np.int32),
            np.arange(n, dtype=np.int32),
            np.ones(n),
        )
        self.h, self.inf, self.hp = h, inf, hp
        self.where = np.full(m, -1, dtype=np.int64)  # model row of each coalition row
        self.count = 1
        self.tol = 1e-9 * max(1.0, float(np.abs(vf).max()))
        full = (1 << n) - 1
        start = [(1 << i) - 1 for i in range(n)] + [(full ^ (1 << i)) - 1 for i in range(n)]
        x0 = np.full(n, vf[-1] / n)
        if singles is not None:
            x0 = singles + (vf[-1] - singles.sum()) / n
        excess = vf[1:-1] - np.einsum("ij,j->i", self.dense, x0)  # einsum: no BLAS threads
        top = np.argsort(-excess, kind="stable")[: 2 * n]
        self._add(np.unique(np.concatenate([np.array(start, dtype=np.int64), top])))

    def _add(self, rows: np.ndarray) -> None:
        """Put the coalition rows ``rows`` (not yet in the model) into the model."""
        k = rows.size
        sub = np.hstack([self.dense[rows], np.ones((k, 1))])
        rr, cc = np.nonzero(sub)
        starts = np.searchsorted(rr, np.arange(k)).astype(np.int32)
        self.h.addRows(
            k,
            self.vf[rows + 1],
            np.full(k, self.inf),
            cc.size,
            starts,
            cc.astype(np.int32),
            np.ones(cc.size),
        )
        self.where[rows] = self.count + np.arange(k)
        self.count += k

    def solve(self) -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
        h, n = self.h, self.n
        while True:
            h.run()
            status = h.getModelStatus()
            if status != self.hp.HighsModelStatus.kOptimal:
                raise RuntimeError(
                    f"HiGHS failed on a coalition LP: {h.modelStatusToString(status)}"
                )
            sol = h.getSolution()
            col = np.asarray(sol.col_value)
            x, eps = col[:n], float(col[n])
            out = np.nonzero(self.free & (self.where < 0))[0]
            if out.size == 0:
                break
            excess = self.vf[out + 1] - np.einsum("ij,j->i", self.dense[out], x)
            over = out[excess > eps + self.tol]
            if over.size == 0:
                break
            self._add(over)
        rdual = np.asarray(sol.row_dual)
        duals = np.zeros(self.free.size)
        live = np.nonzero(self.free & (self.where >= 0))[0]
        duals[live] = rdual[self.where[live]]
        cdual = np.asarray(sol.col_dual)[:n] if self.singles is not None else np.zeros(n)
        return x, eps, duals, cdual

    def fix(self, rows: np.ndarray, eps: float) -> None:
        rows = np.asarray(rows, dtype=np.int64)
        missing = rows[self.where[rows] < 0]
        if missing.size:
            self._add(missing)
        super().fix(rows, eps)
        mrows = self.where[rows].astype(np.int32)
        for r in mrows.tolist():
            self.h.changeCoeff(r, self.n, 0.0)
        val = self.vf[rows + 1] - eps
        self.h.changeRowsBounds(mrows.size, mrows, val, val)

    def drop(self, rows: np.ndarray) -> None:
        super().drop(rows)
        rows = np.asarray(rows, dtype=np.int64)
        mrows = self.where[rows][self.where[rows] >= 0].astype(np.int32)
        if mrows.size:
            self.h.changeRowsBounds(
                mrows.size, mrows, np.full(mrows.size, -self.inf), np.full(mrows.size, self.inf)
            )

    def fix_players(self, players: list[int]) -> None:
        super().fix_players(players)
        for i in players:
            self.h.changeColBounds(i, self.vf[1 << i], self.vf[1 << i])


def stage_lp(
    vf: np.ndarray, n: int, singles: np.ndarray | None, backend: str | None = None
) -> LinprogStages:
    """The stage LP with ``backend`` ``"highs"``, ``"linprog"`` or None (highspy when
    installed, else linprog)."""
    if backend is None:
        backend = "highs" if import_highspy() else "linprog"
    if backend == "highs":
        if not import_highspy():
            raise ImportError("backend='highs' needs highspy: pip install highspy")
        return HighsStages(vf, n, singles)
    if backend != "linprog":
        raise ValueError(f"backend must be 'highs', 'linprog' or None, got {backend!r}")
    return LinprogStages(vf, n, singles)
