r"""Logit quantal response equilibria, traced as the precision grows, and the Nash
equilibrium the trace selects (any number of players).

A logit quantal response equilibrium (McKelvey & Palfrey 1995, "Quantal response
equilibria for normal form games", GEB 10) at precision :math:`\lambda \ge 0` is a profile
:math:`p` with

.. math:: p_{ia} = \frac{\exp(\lambda\,u_{ia}(p))}{\sum_b \exp(\lambda\,u_{ib}(p))},

where :math:`u_{ia}(p)` is player *i*'s expected payoff from pure strategy *a* against the
others' mixtures. At :math:`\lambda = 0` the only solution is the uniform profile; the
solutions starting there form a smooth curve (the *principal branch*) that, as
:math:`\lambda \to \infty`, converges to a Nash equilibrium: the logit tracing procedure
(McKelvey & Palfrey 1995; Turocy 2005, "A dynamic homotopy interpretation of the logistic
quantal response equilibrium correspondence", GEB 51; Gambit's ``logit``).

:func:`logit_qre_path` follows the branch by predictor-corrector continuation (Allgower &
Georg, *Introduction to Numerical Continuation Methods*, 2003) in the variables
:math:`(\log p, \lambda)` on the equations
:math:`\sum_a p_{ia} = 1,\ \log p_{ia} - \log p_{i0} = \lambda (u_{ia} - u_{i0})`: tangent
steps along the kernel of the Jacobian, Newton corrections with minimum-norm steps,
adaptive step length; payoffs and Jacobians are numpy tensor contractions, so games with
thousands of pure profiles are traced in seconds. :func:`logit_qre` is the branch's point
at one precision. :func:`path_following_equilibrium` refines the branch's end into a Nash
equilibrium (the support it points at solved by Newton; exact when a rational equilibrium
is recovered), verified by its regret: **one** equilibrium, so ``complete=False``.

Examples
--------
>>> import numpy as np
>>> from solvers.finite._qre import logit_qre, path_following_equilibrium
>>> A = np.array([[3, 0], [5, 1]])                          # prisoner's dilemma
>>> [s.round(6).tolist() for s in logit_qre([A, A.T], 0.0).strategies]
[[0.5, 0.5], [0.5, 0.5]]
>>> eqs = path_following_equilibrium([A, A.T])
>>> [[str(p) for p in s] for s in eqs[0].strategies], eqs.complete
([['0', '1'], ['0', '1']], False)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from solvers._numbers import fmt as _fmt
from solvers.finite._components import _support_system
from solvers.finite._input import as_game_arrays, as_payoff_arrays
from solvers.finite._snap import nearby_rational_equilibrium
from solvers.progress import ProgressArg
from solvers.result import Equilibria, Equilibrium, EquilibriumResult
from solvers.verify import DEFAULT_RTOL, expected_payoffs, regret, tolerance

__all__ = [
    "LogitPath",
    "QuantalResponseEquilibrium",
    "logit_qre",
    "logit_qre_path",
    "path_following_equilibrium",
]

METHOD = "path_following_equilibrium"


class _Game:
    """Float payoff tensors and the logit homotopy's residual and Jacobian."""

    def __init__(
        self, payoffs: Sequence[np.ndarray], prior: Sequence[np.ndarray] | None = None
    ) -> None:
        self.u = [np.asarray(u, dtype=float) for u in payoffs]
        self.shape = tuple(self.u[0].shape)
        self.n = len(self.shape)
        self.offsets = np.cumsum([0, *self.shape])
        self.size = int(self.offsets[-1])
        if prior is None:  # the uniform prior: the principal branch
            prior = [np.full(m, 1.0 / m) for m in self.shape]
        #: log of the prior, the branch's start at lambda = 0 (p_ia proportional to
        #: prior_ia * exp(lambda u_ia): the logit response biased by a prior)
        self.log_prior = np.log(np.concatenate([np.asarray(q, dtype=float) for q in prior]))

    def split(self, p: np.ndarray) -> list[np.ndarray]:
        return [p[self.offsets[i] : self.offsets[i + 1]] for i in range(self.n)]

    def values(self, prof: Sequence[np.ndarray]) -> list[np.ndarray]:
        return expected_payoffs(self.u, prof)

    def cross(self, prof: Sequence[np.ndarray]) -> dict[tuple[int, int], np.ndarray]:
        """``d[i, j][a, b]``: player *i*'s payoff from *a* when *j* plays *b*, the others
        mixing (shared partial contractions)."""
        out = {}
        for i in range(self.n):
            for j in range(self.n):
                if i == j:
                    continue
                u = self.u[i]
                for k in range(self.n - 1, -1, -1):
                    if k not in (i, j):
                        u = np.tensordot(u, prof[k], axes=([k], [0]))
                out[i, j] = u if i < j else u.T
        return out

    def residual(self, w: np.ndarray) -> np.ndarray:
        logp, lam = w[:-1], w[-1]
        prof = self.split(np.exp(logp))
        vals = self.values(prof)
        res = []
        for i in range(self.n):
            lp = logp[self.offsets[i] : self.offsets[i + 1]]
            lq = self.log_prior[self.offsets[i] : self.offsets[i + 1]]
            res.append([float(np.sum(prof[i])) - 1.0])
            res.append(lp[1:] - lp[0] - (lq[1:] - lq[0]) - lam * (vals[i][1:] - vals[i][0]))
        return np.concatenate(res)

    def jacobian(self, w: np.ndarray) -> np.ndarray:
        logp, lam = w[:-1], w[-1]
        p = np.exp(logp)
        prof = self.split(p)
        vals = self.values(prof)
        cross = self.cross(prof)
        J = np.zeros((self.size, self.size + 1))
        for i in range(self.n):
            o, m = self.offsets[i], self.shape[i]
            J[o, o : o + m] = prof[i]
            rows = slice(o + 1, o + m)
            J[rows, o + 1 : o + m] = np.eye(m - 1)
            J[rows, o] = -1.0
            for j in range(self.n):
                if j == i:
                    continue
                d = cross[i, j]
                oj, mj = self.offsets[j], self.shape[j]
                J[rows, oj : oj + mj] = -lam * (d[1:] - d[0]) * prof[j]
            J[rows, -1] = -(vals[i][1:] - vals[i][0])
        return J


def _tangent(J: np.ndarray) -> np.ndarray:
    q, _ = np.linalg.qr(J.T, mode="complete")
    t = q[:, -1]
    return t / np.linalg.norm(t)


def _correct(
    g: _Game, w: np.ndarray, fixed_lambda: bool = False, steps: int = 8, tol: float = 1e-11
) -> tuple[np.ndarray, bool, int]:
    # a predictor step too long can overflow exp(log p): caught below as "not converged"
    # (the caller shortens the step), so numpy's warnings about it are noise
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        return _newton(g, w, fixed_lambda, steps, tol)


def _newton(
    g: _Game, w: np.ndarray, fixed_lambda: bool, steps: int, tol: float
) -> tuple[np.ndarray, bool, int]:
    for k in range(steps):
        F = g.residual(w)
        if not np.all(np.isfinite(F)):  # overflow (a step too long): not converged
            return w, False, k
        if float(np.max(np.abs(F))) < tol:
            return w, True, k
        J = g.jacobian(w)
        if not np.all(np.isfinite(J)):
            return w, False, k
        try:
            if fixed_lambda:
                dw = np.linalg.lstsq(J[:, :-1], -F, rcond=None)[0]
                w = w + np.append(dw, 0.0)
            else:
                w = w + np.linalg.lstsq(J, -F, rcond=None)[0]
        except np.linalg.LinAlgError:  # no least-squares step: not converged
            return w, False, k
    F = g.residual(w)
    return w, bool(np.all(np.isfinite(F)) and np.max(np.abs(F)) < tol), steps


@dataclass(frozen=True, eq=False)
class QuantalResponseEquilibrium(EquilibriumResult):
    """A logit quantal response equilibrium at precision ``lam``.

    Attributes
    ----------
    strategies : tuple of numpy.ndarray
        One probability vector per player.
    payoffs : tuple of float
        Expected payoffs at the profile.
    lam : float
        The precision :math:`\\lambda`.
    residual : float
        Largest ``|p - logit(lambda u(p))|``: how far the profile is from the fixed point.
    regret : float
        The profile's *Nash* regret (positive at finite precision, tends to 0 as
        ``lam`` grows).
    tolerance : float
        The bound ``residual`` was checked against: :attr:`verified` says whether it is a
        quantal response equilibrium to that accuracy.

    Examples
    --------
    >>> import numpy as np
    >>> q = logit_qre([np.array([[1, -1], [-1, 1]]), np.array([[-1, 1], [1, -1]])], 2.0)
    >>> q.strategies[0].round(6).tolist(), q.verified
    ([0.5, 0.5], True)
    """

    strategies: tuple[np.ndarray, ...]
    payoffs: tuple[float, ...]
    lam: float
    residual: float
    regret: float
    tolerance: float = 1e-9
    method: str = "logit_qre"
    exact: bool = False
    players: tuple[str, ...] | None = None
    strategy_labels: tuple[tuple[str, ...], ...] | None = None

    @property
    def verified(self) -> bool:
        """Whether the profile solves the logit fixed point to :attr:`tolerance`."""
        return self.residual <= self.tolerance

    def _names(self) -> tuple[str, ...]:
        return self.players or tuple(f"player {i}" for i in range(len(self.strategies)))

    def strategies_by_player(self) -> dict[str, dict[str, float]]:
        """Player name to {strategy label: probability}."""
        return {
            name: {
                (self.strategy_labels[i][k] if self.strategy_labels else str(k)): float(p)
                for k, p in enumerate(self.strategies[i])
            }
            for i, name in enumerate(self._names())
        }

    def payoffs_by_player(self) -> dict[str, float]:
        """Player name to expected payoff."""
        return dict(zip(self._names(), self.payoffs, strict=True))

    def to_dict(self, numbers: str = "plain") -> dict[str, Any]:
        """Plain-Python form (floats)."""
        return {
            "lam": self.lam,
            "strategies": self.strategies_by_player(),
            "payoffs": self.payoffs_by_player(),
            "residual": self.residual,
            "regret": self.regret,
            "verified": self.verified,
            "method": self.method,
        }

    def __repr__(self) -> str:
        parts = "; ".join(
            f"{name}: (" + ", ".join(_fmt(float(p)) for p in s) + ")"
            for name, s in zip(self._names(), self.strategies, strict=True)
        )
        return f"QuantalResponseEquilibrium(lam={_fmt(self.lam)} | {parts})"


@dataclass(frozen=True, eq=False)
class LogitPath:
    """The traced principal branch of the logit QRE correspondence.

    Attributes
    ----------
    lambdas : numpy.ndarray
        Precision at each point, shape ``(K,)`` (increasing except where the branch bends
        back).
    points : numpy.ndarray
        Shape ``(K, m_1 + ... + m_n)``: the players' probability vectors, concatenated.
    shape : tuple of int
        The game's shape (to split a row into players: :meth:`profile`).
    regrets : numpy.ndarray
        Nash regret (largest over players) at each point.
    complete : bool
        ``True`` when the trace reached ``lam_max`` or the regret target; ``False`` when it
        stopped early (step limit or a failed correction), with a note.
    notes : tuple of str

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[3, 0], [0, 2]]); B = np.array([[2, 0], [0, 3]])
    >>> path = logit_qre_path([A, B], lam_max=20.0)
    >>> float(path.lambdas[0]), [s.tolist() for s in path.profile(0)]
    (0.0, [[0.5, 0.5], [0.5, 0.5]])
    """

    lambdas: np.ndarray
    points: np.ndarray
    shape: tuple[int, ...]
    regrets: np.ndarray
    complete: bool = True
    notes: tuple[str, ...] = field(default=())

    def profile(self, k: int) -> tuple[np.ndarray, ...]:
        """The profile at point ``k`` (one probability vector per player)."""
        offsets = np.cumsum([0, *self.shape])
        row = self.points[k]
        return tuple(row[offsets[i] : offsets[i + 1]] for i in range(len(self.shape)))

    def __len__(self) -> int:
        return len(self.lambdas)


def _floats(
    payoffs: Sequence[Any], exact: bool | None = None
) -> tuple[list[np.ndarray], list[np.ndarray] | None]:
    """Float payoffs, and exact ones when ``exact`` (``None``: when the payoffs are
    integers or exact numbers; ``False``: never)."""
    payoffs, _ = as_game_arrays(payoffs)
    rational = all(np.asarray(u).dtype.kind in "iuO" for u in payoffs)
    floats, exacts = as_payoff_arrays(payoffs, exact=rational)
    if exact is False:
        return floats, None
    if exact and exacts is None:
        exacts = as_payoff_arrays(floats, exact=True)[1]
    return floats, exacts


def _refine_branch_end(
    floats: list[np.ndarray],
    exacts: list[np.ndarray] | None,
    g: _Game,
    pts: list[np.ndarray],
    rtol: float,
) -> Equilibrium | None:
    """A verified equilibrium refined from the end of a traced branch, else from one of
    its last few points (``None`` if none refines)."""
    for k in (len(pts) - 1, *range(len(pts) - 2, max(len(pts) - 6, 0), -1)):
        found = _refine(floats, exacts, g.split(pts[k]), rtol)
        if found is not None:
            return found
    return None


def _trace(
    g: _Game,
    lam_max: float,
    stop_regret: float | None,
    max_steps: int,
    progress: ProgressArg,
    target: float | None = None,
) -> tuple[list[float], list[np.ndarray], list[float], bool, list[str]]:
    """The branch of ``g`` from its prior: precisions, points, regrets, whether it ended
    as asked, notes. Traced on the payoffs divided by their largest range ``S`` (the
    branch of ``u / S`` at precision ``S * lambda`` is the branch of ``u`` at ``lambda``),
    so that step lengths do not depend on the payoffs' units (2**60 or 1e-12)."""
    scale = max(float(np.ptp(u)) for u in g.u)
    if not (np.isfinite(scale) and scale > 0):
        scale = 1.0
    if scale != 1.0:
        g = _Game([u / scale for u in g.u], g.split(np.exp(g.log_prior)))
    lams, pts, regs, done, notes = _trace_unit(
        g,
        lam_max * scale,
        None if stop_regret is None else stop_regret / scale,
        max_steps,
        progress,
        None if target is None else target * scale,
        scale,
    )
    lams = [lam / scale for lam in lams]
    if target is not None and abs(lams[-1] - target) <= 1e-12 * max(abs(target), 1.0):
        lams[-1] = target  # landed on it (up to the rescaling's rounding)
    return lams, pts, [r * scale for r in regs], done, notes


def _trace_unit(
    g: _Game,
    lam_max: float,
    stop_regret: float | None,
    max_steps: int,
    progress: ProgressArg,
    target: float | None = None,
    scale: float = 1.0,
) -> tuple[list[float], list[np.ndarray], list[float], bool, list[str]]:
    w = np.concatenate([g.log_prior, [0.0]])
    lams, pts, regs = (
        [0.0],
        [np.exp(w[:-1])],
        [float(np.max(regret(g.u, g.split(np.exp(w[:-1])))))],
    )
    t_prev = _tangent(g.jacobian(w))
    if t_prev[-1] < 0:
        t_prev = -t_prev
    h = 0.1 / max(1.0, max(float(np.ptp(u)) for u in g.u))
    h = max(h, 1e-3)
    notes: list[str] = []
    done = False
    for step in range(max_steps):
        t = _tangent(g.jacobian(w))
        if float(t @ t_prev) < 0:
            t = -t
        while True:
            pred = w + h * t
            corr, ok, iters = _correct(g, pred)
            if ok and np.max(np.abs(corr - pred)) < 0.5 * max(h, 1e-8) + 1e-8:
                break
            h /= 2.0
            if h < 1e-12:
                notes.append(f"step length underflow at lambda={w[-1] / scale:.6g}: trace stopped")
                return lams, pts, regs, False, notes
        if target is not None and corr[-1] >= target:
            # land on lambda = target exactly
            end = w + (target - w[-1]) / max(corr[-1] - w[-1], 1e-300) * (corr - w)
            end[-1] = target
            end, ok, _ = _correct(g, end, fixed_lambda=True, steps=30)
            corr = end if ok else corr
            done = True
        if corr[-1] < 0:
            # the branch from lambda = 0 never comes back to it (the only solution there is
            # the prior): a continuation step jumped to another branch
            notes.append(
                f"the trace turned back below lambda = 0 after lambda={w[-1] / scale:.6g} "
                "(a jump between branches): trace stopped"
            )
            return lams, pts, regs, False, notes
        w, t_prev = corr, t
        p = np.exp(w[:-1])
        r = float(np.max(regret(g.u, g.split(p))))
        lams.append(float(w[-1]))
        pts.append(p)
        regs.append(r)
        if callable(progress):
            progress(step + 1, max_steps)
        if done:
            return lams, pts, regs, True, notes
        if w[-1] >= lam_max or (stop_regret is not None and r <= stop_regret):
            return lams, pts, regs, True, notes
        if iters <= 2:
            h *= 1.6
        elif iters >= 5:
            h /= 1.5
    notes.append(f"step limit {max_steps} reached at lambda={w[-1] / scale:.6g}")
    return lams, pts, regs, False, notes


def logit_qre_path(
    payoffs: Sequence[Any],
    lam_max: float | None = None,
    max_steps: int = 5000,
    progress: ProgressArg = None,
) -> LogitPath:
    """Trace the principal branch of the logit QRE correspondence from ``lambda = 0``.

    Parameters
    ----------
    payoffs : sequence of array_like
        One payoff array per player, shape ``(m_1, ..., m_n)`` (any number of players).
    lam_max : float, optional
        Precision at which to stop. Default: ``1e4`` divided by the smallest player's
        payoff range (so that the choice probabilities of strategies worse by a
        thousandth of the range are ``e^{-10}``).
    max_steps : int
        Largest number of continuation steps (the path says if it stopped early).
    progress : bool or callable
        A callable gets ``(step, max_steps)`` after each step.

    Returns
    -------
    LogitPath

    Examples
    --------
    Matching pennies with the row player's stake doubled on (H, H): along the branch the
    column player moves towards the Nash mixture (2/7, 5/7) that makes the row player
    indifferent.

    >>> import numpy as np
    >>> A = np.array([[4, -1], [-1, 1]]); B = -np.array([[1, -1], [-1, 1]])
    >>> path = logit_qre_path([A, B], lam_max=2000.0)
    >>> path.profile(len(path) - 1)[1].round(3).tolist()
    [0.286, 0.714]
    """
    floats, _ = _floats(payoffs)
    g = _Game(floats)
    span = min(max(float(np.ptp(u)), 1e-300) for u in g.u)
    if lam_max is None:
        lam_max = 1e4 / span
    if not lam_max >= 0:
        raise ValueError(f"lam_max must be a non-negative number, got {lam_max!r}")
    lams, pts, regs, complete, notes = _trace(g, float(lam_max), None, max_steps, progress)
    return LogitPath(
        np.array(lams), np.array(pts), g.shape, np.array(regs), complete, tuple(notes)
    )


def logit_qre(
    payoffs: Sequence[Any], lam: float, max_steps: int = 5000, rtol: float = 1e-9
) -> QuantalResponseEquilibrium:
    """The logit QRE at precision ``lam`` on the principal branch (the first point of
    the branch traced from ``lambda = 0`` where the precision reaches ``lam``).

    Parameters
    ----------
    payoffs : sequence of array_like
        One payoff array per player.
    lam : float
        Precision, ``>= 0`` (in the payoffs' units: ``lam * payoff`` is what matters).
    max_steps : int
        Largest number of continuation steps.
    rtol : float
        Tolerance of the fixed-point residual (:attr:`QuantalResponseEquilibrium.verified`).

    Returns
    -------
    QuantalResponseEquilibrium

    Examples
    --------
    In a 2x2 game where both players' payoff gain from the first strategy is 1 whatever
    the other does, the QRE is ``p = 1 / (1 + e^{-lambda})``:

    >>> import numpy as np
    >>> A = np.array([[1, 1], [0, 0]])
    >>> q = logit_qre([A, A.T], 2.0)
    >>> bool(abs(q.strategies[0][0] - 1 / (1 + np.exp(-2.0))) < 1e-10)
    True
    """
    if not (np.isfinite(lam) and lam >= 0):
        raise ValueError(f"lam must be a finite number >= 0, got {lam!r}")
    floats, _ = _floats(payoffs)
    g = _Game(floats)
    if lam == 0:
        p = np.concatenate([np.full(m, 1.0 / m) for m in g.shape])
    else:
        lams, pts, _, complete, notes = _trace(g, np.inf, None, max_steps, False, float(lam))
        if not complete or lams[-1] != lam:
            raise RuntimeError(
                f"the branch could not be traced to lam={lam} ({'; '.join(notes)}); "
                "raise max_steps"
            )
        p = pts[-1]
    prof = tuple(s / s.sum() for s in g.split(p))
    p = np.concatenate(prof)
    vals = g.values(prof)
    logit = np.concatenate(
        [np.exp(lam * (v - v.max())) / np.sum(np.exp(lam * (v - v.max()))) for v in vals]
    )
    return QuantalResponseEquilibrium(
        strategies=prof,
        payoffs=tuple(float(v @ s) for v, s in zip(vals, prof, strict=True)),
        lam=float(lam),
        residual=float(np.max(np.abs(p - logit))),
        regret=float(np.max(regret(g.u, prof))),
        tolerance=rtol,
    )


def _refine(
    floats: list[np.ndarray],
    exacts: list[np.ndarray] | None,
    prof: Sequence[np.ndarray],
    rtol: float,
) -> Equilibrium | None:
    """A Nash equilibrium near ``prof``: candidate supports (largest probabilities, best
    responses, then the former with one more strategy for one player) solved by Newton;
    exact when a rational one checks exactly.

    The last kind: near a degenerate game a branch may end on a segment of
    near-equilibria where a player's strategy that the equilibrium mixes in with a tiny
    probability is neither probable nor a best response (a 2x2x2 game: every one of six
    branches ended at regret 1e-5 with player 3 pure, the equilibrium puts 2.5e-4 on her
    other strategy)."""
    shape = tuple(floats[0].shape)
    tol = tolerance(floats, rtol)
    vals = expected_payoffs(floats, prof)
    candidates = []
    for thr in (1e-2, 1e-3, 1e-4, 1e-6, 1e-8):
        candidates.append(tuple(tuple(int(k) for k in np.flatnonzero(s > thr)) for s in prof))
    for rel in (1e-2, 1e-3, 1e-5):
        candidates.append(
            tuple(
                tuple(int(k) for k in np.flatnonzero(v >= v.max() - rel * max(np.ptp(u), 1e-300)))
                for v, u in zip(vals, floats, strict=True)
            )
        )
    base = candidates[3]  # probabilities above 1e-6
    for i, support in enumerate(base):
        for k in range(shape[i]):
            if k not in support:
                wider = tuple(sorted((*support, k)))
                candidates.append((*base[:i], wider, *base[i + 1 :]))
    seen = set()
    for supports in candidates:
        if supports in seen or any(not s for s in supports):
            continue
        seen.add(supports)
        residual, jacobian, profile = _support_system(floats, supports, shape)
        z = np.concatenate([np.asarray(prof[i])[list(supports[i])] for i in range(len(shape))])
        try:
            with np.errstate(over="ignore", invalid="ignore"):  # checked just below
                for _ in range(50):
                    F = residual(z)
                    if not np.all(np.isfinite(F)) or float(np.max(np.abs(F))) < 1e-15:
                        break
                    z = z + np.linalg.lstsq(jacobian(z), -F, rcond=None)[0]
        except np.linalg.LinAlgError:  # a singular or non-finite Newton system
            continue
        if not np.all(np.isfinite(z)) or np.any(z < -1e-12):
            continue
        cand = [np.clip(s, 0.0, None) for s in profile(z)]
        cand = [s / s.sum() for s in cand]
        if exacts is not None:
            q = nearby_rational_equilibrium(cand, exacts, (100, 10**4, 10**8))
            if q is not None:
                return Equilibrium.from_profile(exacts, q, METHOD, exact=True)
        if np.all(regret(floats, cand) <= tol):
            return Equilibrium.from_profile(floats, cand, METHOD, rtol=rtol)
    return None


def path_following_equilibrium(
    payoffs: Sequence[Any],
    exact: bool | None = None,
    rtol: float = DEFAULT_RTOL,
    lam_max: float | None = None,
    max_steps: int = 5000,
    progress: ProgressArg = None,
) -> Equilibria:
    """One Nash equilibrium by logit-QRE tracing, refined and verified (any number of
    players; for games too large to enumerate).

    The principal branch is traced until the Nash regret of its point is small or
    ``lam_max`` is reached; the support its end points at is then solved by Newton's
    method and the result checked by its regret (exactly, when a rational equilibrium
    is recovered from rational payoffs).

    Parameters
    ----------
    payoffs : sequence of array_like
        One payoff array per player.
    exact : bool, optional
        Try to return an exact rational equilibrium (default: when the payoffs are
        integers or exact numbers); falls back to a verified float one.
    rtol : float
        Relative regret tolerance of float equilibria.
    lam_max, max_steps, progress
        As for :func:`logit_qre_path`.

    Returns
    -------
    Equilibria
        Zero or one equilibrium (``method="path_following_equilibrium"``),
        ``complete=False``; the notes say where the trace stopped, and why when nothing
        verified was found.

    Examples
    --------
    The stag hunt: the trace selects the risk-dominant equilibrium (Hare, Hare):

    >>> import numpy as np
    >>> A = np.array([[4, 0], [3, 3]])
    >>> eqs = path_following_equilibrium([A, A.T])
    >>> eqs[0].supports, eqs[0].exact, eqs.complete
    (((1,), (1,)), True, False)
    """
    floats, exacts = _floats(payoffs, exact)
    g = _Game(floats)
    span = min(max(float(np.ptp(u)), 1e-300) for u in g.u)
    if lam_max is None:
        lam_max = 1e4 / span
    stop = float(np.min(tolerance(floats, 1e-6)))
    lams, pts, regs, _, notes = _trace(g, float(lam_max), stop, max_steps, progress)
    found = _refine_branch_end(floats, exacts, g, pts, rtol)
    notes = [
        *notes,
        f"logit QRE branch traced to lambda={lams[-1]:.6g} in {len(lams) - 1} steps "
        f"(QRE regret {regs[-1]:.3g}); one equilibrium, others may exist",
    ]
    if found is None:
        notes.append("the branch's end could not be refined into a verified equilibrium")
    return Equilibria(
        [found] if found is not None else [],
        method=METHOD,
        exact=bool(found is not None and found.exact),
        degenerate=None,
        complete=False,
        tolerance=None if (found is not None and found.exact) else rtol,
        notes=notes,
    )
