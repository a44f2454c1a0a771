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

import os
import sys
from functools import lru_cache
from typing import Any

import numpy as np
import scipy.sparse as sps

from solvers.coalitional._lp import coalition_matrix, solve_lp

__all__ = ["HighsStages", "LinprogStages", "stage_lp"]

_highspy: Any = None  # the module once imported; False when absent


def _import_highspy() -> Any:
    global _highspy
    if _highspy is None:
        try:
            import highspy
        except ImportError:
            _highspy = False
        else:
            _highspy = highspy
            _quiet_first_instance(highspy)
    return _highspy


def _quiet_first_instance(highspy: Any) -> None:
    """HiGHS prints a copyright banner from C when its first instance is created (before
    any option can silence it): create that instance with file descriptor 1 on /dev/null."""
    try:
        sys.stdout.flush()
        saved = os.dup(1)
    except (OSError, ValueError, AttributeError):  # no real stdout: nothing to hide
        highspy.Highs()
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, 1)
            highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(null)
    finally:
        os.close(saved)


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


@lru_cache(maxsize=4)
def _options(hp: Any) -> Any:
    opts = hp.HighsOptions()
    opts.output_flag = False
    opts.presolve = "off"
    opts.simplex_strategy = 1  # dual simplex, as linprog's "highs-ds"
    return opts


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
    """Stage LPs in one ``highspy`` model, modified and warm-started between stages."""

    def __init__(self, vf: np.ndarray, n: int, singles: np.ndarray | None) -> None:
        super().__init__(vf, n, singles)
        hp = _import_highspy()
        inf = hp.kHighsInf
        m = self.free.size
        h = hp.Highs()
        h.passOptions(_options(hp))
        lower = np.full(n + 1, -inf)
        if singles is not None:
            lower[:n] = singles
        h.addVars(n + 1, lower, np.full(n + 1, inf))
        h.changeColsCost(1, np.array([n], dtype=np.int32), np.array([1.0]))
        # rows 0..m-1: x(S) + eps >= v(S); row m: x(N) = v(N)
        starts, index, values = _rows(n)
        row_lo = np.append(vf[1:-1], vf[-1])
        row_hi = np.append(np.full(m, inf), vf[-1])
        h.addRows(m + 1, row_lo, row_hi, index.size, starts, index, values)
        self.h, self.inf, self.hp = h, inf, hp

    def solve(self) -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
        h, n = self.h, self.n
        h.run()
        status = h.getModelStatus()
        if status != self.hp.HighsModelStatus.kOptimal:
            raise RuntimeError(f"HiGHS failed on a coalition LP: {h.modelStatusToString(status)}")
        sol = h.getSolution()
        col = np.asarray(sol.col_value)
        duals = np.asarray(sol.row_dual)[:-1].copy()
        duals[~self.free] = 0.0
        cdual = np.asarray(sol.col_dual)[:n] if self.singles is not None else np.zeros(n)
        return col[:n], float(col[n]), duals, cdual

    def fix(self, rows: np.ndarray, eps: float) -> None:
        super().fix(rows, eps)
        rows = np.asarray(rows, dtype=np.int32)
        for r in rows.tolist():
            self.h.changeCoeff(r, self.n, 0.0)
        val = self.vf[rows + 1] - eps
        self.h.changeRowsBounds(rows.size, rows, val, val)

    def drop(self, rows: np.ndarray) -> None:
        super().drop(rows)
        rows = np.asarray(rows, dtype=np.int32)
        if rows.size:
            self.h.changeRowsBounds(
                rows.size, rows, np.full(rows.size, -self.inf), np.full(rows.size, self.inf)
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
        backend = "highs" if _import_highspy() else "linprog"
    if backend == "highs":
        if not _import_highspy():
            raise ImportError("backend='highs' needs highspy: pip install highspy")
        return HighsStages(vf, n, singles)
    if backend != "linprog":
        raise ValueError(f"backend must be 'highs', 'linprog' or None, got {backend!r}")
    return LinprogStages(vf, n, singles)
