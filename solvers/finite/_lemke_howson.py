r"""Lemke–Howson: one Nash equilibrium of a bimatrix game by complementary pivoting.

With payoffs made positive by an affine change (which leaves equilibria unchanged), the
best-response polytopes of the game :math:`(A, B)`, :math:`A, B \in \mathbb{R}^{m\times n}`,

.. math::
    P = \{x \ge 0 : B^\top x \le 1\}, \qquad Q = \{y \ge 0 : A y \le 1\},

are written as tableaux :math:`B^\top x + s = 1` and :math:`r + A y = 1`.
**Labels**: ``0..m-1`` are the row player's strategies (label *i* when :math:`x_i = 0`
or :math:`r_i = 0`), ``m..m+n-1`` the column player's (label ``m + j`` when
:math:`s_j = 0` or :math:`y_j = 0`); the same convention as nashpy's
``initial_dropped_label``. A pair of vertices carrying all :math:`m + n` labels is, once
normalized, a Nash equilibrium; :math:`(0, 0)` is the artificial one. Dropping the label
``k`` from :math:`(0, 0)` by letting its variable enter the basis, and then letting the
label that became duplicate enter the *other* tableau, traces a unique path that ends
at an equilibrium (Lemke & Howson 1964; von Stengel 2002, Handbook of Game Theory 3,
ch. 45, Algorithm 3.6 of Nisan et al. 2007).

The ratio test is **lexicographic** (ties in the minimum ratio broken by the rows of
the current basis inverse), which amounts to a symbolic perturbation of the right-hand
side: the path is unique and never cycles, degenerate games included. A tie in the
plain minimum ratio means the game is degenerate; the result is then flagged and a
:class:`~solvers.finite._vertex.DegenerateGameWarning` issued.

``exact=True`` pivots on integer tableaux (payoffs scaled to integers; each step
``T <- (T * p - T[:, c] T[r]) / D`` divides exactly by the previous pivot ``D``), so
strategies are rationals with zero regret. Float mode pivots with numpy. Both first map
each payoff matrix affinely onto [1, 2], so rescaling payoffs never changes the path; if a
float result fails the regret check, the same path is re-run exactly.

Lemke–Howson finds **one** equilibrium per initial label, not all of them: results carry
``complete=False``. :func:`lemke_howson_all_labels` collects the distinct equilibria
reached from every label, still without any completeness guarantee.

Examples
--------
>>> import numpy as np
>>> from solvers.finite._lemke_howson import lemke_howson
>>> A = np.array([[3, 0], [0, 2]]); B = np.array([[2, 0], [0, 3]])   # battle of the sexes
>>> eqs = lemke_howson(A, B, initial_label=0, exact=True)
>>> [[str(p) for p in s] for s in eqs[0].strategies], eqs.complete
([['1', '0'], ['1', '0']], False)
"""

from __future__ import annotations

import warnings
from fractions import Fraction
from math import lcm

import numpy as np

from solvers.finite._input import as_bimatrix
from solvers.result import DegenerateGameWarning, Equilibria, Equilibrium
from solvers.verify import DEFAULT_RTOL, is_nash

__all__ = ["lemke_howson", "lemke_howson_all_labels"]

METHOD = "lemke_howson"
_PIVOT_EPS = 1e-12  # float mode: smallest pivot entry treated as positive
_TIE_RTOL = 1e-9  # float mode: relative tolerance for equal ratios
_INCOMPLETE_NOTE = (
    "Lemke-Howson finds one equilibrium per initial label; other equilibria may exist "
    "(use vertex_enumeration for all of them)"
)


class _Tableau:
    """A dictionary ``T[:, :-1] z = T[:, -1]`` whose columns are indexed by label.

    ``basis[r]`` is the label of the variable that is basic in row ``r``; ``lex`` lists
    the columns of the initial (slack) basis, which hold the current basis inverse and
    break ties in the ratio test.
    """

    def __init__(self, T: np.ndarray, basis: list[int], exact: bool) -> None:
        self.T = T
        self.basis = basis
        self.lex = list(basis)
        self.exact = exact
        self.det = 1  # integer pivoting: the previous pivot element
        self.tie_seen = False

    def _leaving_row(self, c: int) -> int:
        col = self.T[:, c]
        if self.exact:
            rows = [r for r in range(len(col)) if col[r] > 0]
        else:
            rows = [r for r in range(len(col)) if col[r] > _PIVOT_EPS]
        if not rows:  # pragma: no cover - impossible for positive payoffs (bounded polytopes)
            raise RuntimeError("Lemke-Howson: unbounded edge; the payoffs were not positive")
        for k, key in enumerate([-1, *self.lex]):
            if self.exact:
                ratios = [Fraction(self.T[r, key], col[r]) for r in rows]
                best = min(ratios)
                rows = [r for r, q in zip(rows, ratios, strict=True) if q == best]
            else:
                fratios = np.array([self.T[r, key] / col[r] for r in rows])
                best = fratios.min()
                slack = _TIE_RTOL * max(1.0, abs(best))
                rows = [r for r, q in zip(rows, fratios, strict=True) if q <= best + slack]
            if k == 0 and len(rows) > 1:
                self.tie_seen = True
            if len(rows) == 1:
                return rows[0]
        return rows[0]  # pragma: no cover - the basis inverse has independent rows

    def pivot(self, entering: int) -> int:
        """Let the variable with label ``entering`` enter; return the leaving label."""
        r = self._leaving_row(entering)
        T = self.T
        p = T[r, entering]
        if self.exact:
            row = T[r].copy()
            T[:] = (T * p - np.outer(T[:, entering], row)) // self.det
            T[r] = row
            self.det = p
        else:
            row = T[r] / p
            T -= np.outer(T[:, entering], row)
            T[r] = row
        leaving = self.basis[r]
        self.basis[r] = entering
        return leaving

    def strategy(self, labels: range) -> list:
        """Values of the variables with ``labels`` (unnormalized; zero when nonbasic)."""
        values: list = [0] * len(labels)
        for r, lab in enumerate(self.basis):
            if lab in labels:
                k = lab - labels.start
                if self.exact:
                    values[k] = Fraction(self.T[r, -1], self.T[r, lab])
                else:
                    values[k] = self.T[r, -1] / self.T[r, lab]
        return values


def _integer_payoffs(A: np.ndarray) -> np.ndarray:
    """Positive integers ``L * ((A - min A) / span + 1)``: a positive affine image of ``A``.

    Normalizing by the range first makes the pivoting path, ties and all, the same for
    every positive affine transformation of the payoffs (e.g. scaling by 1e6).
    """
    low, high = min(A.flat), max(A.flat)
    span = high - low
    shifted = (A - low) / span + 1 if span != 0 else A - low + 1
    scale = lcm(*(int(v.denominator) for v in shifted.flat))
    out = np.empty(A.shape, dtype=object)
    for idx, v in np.ndenumerate(shifted):
        out[idx] = int(v * scale)
    return out


def _unit_payoffs(A: np.ndarray) -> np.ndarray:
    """Positive affine image of a float matrix with entries in [1, 2]."""
    span = float(A.max() - A.min())
    return (A - A.min()) / span + 1.0 if span > 0 else np.ones_like(A)


def _tableaux(A: np.ndarray, B: np.ndarray, exact: bool) -> tuple[_Tableau, _Tableau]:
    """P: ``B^T x + s = 1`` (basis s), Q: ``r + A y = 1`` (basis r); columns by label."""
    m, n = A.shape
    if exact:
        Ai, Bi = _integer_payoffs(A), _integer_payoffs(B)
        eye_m, eye_n = np.eye(m, dtype=int).astype(object), np.eye(n, dtype=int).astype(object)
        ones_m, ones_n = np.ones((m, 1), dtype=int).astype(object), np.ones((n, 1), dtype=int)
        P = np.hstack([Bi.T, eye_n, ones_n.astype(object)])
        Q = np.hstack([eye_m, Ai, ones_m])
    else:
        Af, Bf = _unit_payoffs(A), _unit_payoffs(B)
        P = np.hstack([Bf.T, np.eye(n), np.ones((n, 1))])
        Q = np.hstack([np.eye(m), Af, np.ones((m, 1))])
    return (
        _Tableau(P, list(range(m, m + n)), exact),
        _Tableau(Q, list(range(m)), exact),
    )


def _path(A: np.ndarray, B: np.ndarray, k: int, exact: bool) -> tuple[list, list, bool, int]:
    """Follow the Lemke-Howson path that drops label ``k``.

    Returns (x, y, degenerate tie seen, number of pivots), x and y normalized.
    """
    m, n = A.shape
    P, Q = _tableaux(A, B, exact)
    tableau = P if k < m else Q
    entering = k
    limit = 50 * (m + n) ** 3 + 1000  # far beyond any path seen; guards against a bug
    for steps in range(1, limit + 1):  # noqa: B007 - steps is returned
        leaving = tableau.pivot(entering)
        if leaving == k:
            break
        tableau = Q if tableau is P else P
        entering = leaving
    else:  # pragma: no cover - the lexicographic rule cannot cycle
        raise RuntimeError(f"Lemke-Howson did not terminate within {limit} pivots")
    x = P.strategy(range(0, m))
    y = Q.strategy(range(m, m + n))
    sx, sy = sum(x), sum(y)
    x = [v / sx for v in x]
    y = [v / sy for v in y]
    return x, y, P.tie_seen or Q.tie_seen, steps


def _check_label(initial_label: int, m: int, n: int) -> int:
    if isinstance(initial_label, bool) or not isinstance(initial_label, int | np.integer):
        raise TypeError(f"initial_label must be an int, got {initial_label!r}")
    if not 0 <= initial_label < m + n:
        raise ValueError(
            f"initial_label must be in 0..{m + n - 1} (0..{m - 1}: row strategies, "
            f"{m}..{m + n - 1}: column strategies), got {initial_label}"
        )
    return int(initial_label)


def _solve_label(floats, exacts, k: int, exact: bool, rtol: float) -> tuple[Equilibrium, bool]:
    """One verified equilibrium from label ``k``: (equilibrium, degenerate tie seen)."""
    if exact:
        x, y, tie, _ = _path(exacts[0], exacts[1], k, exact=True)
        eq = Equilibrium.from_profile(
            exacts, [np.array(x, dtype=object), np.array(y, dtype=object)], METHOD, exact=True
        )
        if eq.regret != 0:  # pragma: no cover - exact pivoting ends at an equilibrium
            raise RuntimeError(f"Lemke-Howson (label {k}) ended at a non-equilibrium: {eq}")
        return eq, tie
    x, y, tie, _ = _path(floats[0], floats[1], k, exact=False)
    xs, ys = _clean(np.array(x)), _clean(np.array(y))
    if is_nash(floats, [xs, ys], rtol):
        return Equilibrium.from_profile(floats, [xs, ys], METHOD, rtol=rtol), tie
    # numerical trouble: re-run the same path in exact arithmetic on the float payoffs
    exacts = as_bimatrix(floats[0], floats[1], exact=True)[1]
    x, y, tie, _ = _path(exacts[0], exacts[1], k, exact=True)
    xs = np.array([float(v) for v in x])
    ys = np.array([float(v) for v in y])
    return Equilibrium.from_profile(floats, [xs, ys], METHOD, rtol=rtol), tie


def _clean(s: np.ndarray) -> np.ndarray:
    """Clip round-off below zero and renormalize."""
    s = np.where(s > 1e-13, s, 0.0)
    return s / s.sum()


def lemke_howson(
    A: np.ndarray,
    B: np.ndarray,
    initial_label: int = 0,
    exact: bool = False,
    rtol: float = DEFAULT_RTOL,
) -> Equilibria:
    """One Nash equilibrium of the bimatrix game (A, B) by the Lemke–Howson algorithm.

    Parameters
    ----------
    A, B : array_like, shape (m, n)
        Row and column player's payoffs. With ``exact=True`` entries must be exact
        rationals (int, ``Fraction``, sympy Rational; floats are taken at their exact
        binary value).
    initial_label : int
        Label dropped first: ``0..m-1`` are the row strategies, ``m..m+n-1`` the column
        strategies (nashpy's ``initial_dropped_label`` convention).
    exact : bool
        Integer pivoting; the equilibrium has ``Fraction`` entries and zero regret.
    rtol : float
        Float mode: the equilibrium's regret must be at most ``rtol`` times each player's
        payoff range (otherwise the path is re-run in exact arithmetic).

    Returns
    -------
    Equilibria
        One verified equilibrium; ``complete=False`` (other equilibria may exist).
        ``degenerate`` is ``True`` when a tie in the ratio test was met on the path (a
        :class:`~solvers.finite._vertex.DegenerateGameWarning` is issued) and ``None``
        otherwise: a path sees only part of the game.

    Raises
    ------
    ValueError, TypeError
        Malformed payoffs or an ``initial_label`` outside ``0..m+n-1``.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[1, -1], [-1, 1]])          # matching pennies
    >>> lemke_howson(A, -A, initial_label=3)[0].strategies[1].tolist()
    [0.5, 0.5]
    """
    floats, exacts = as_bimatrix(A, B, exact=exact)
    m, n = floats[0].shape
    k = _check_label(initial_label, m, n)
    eq, tie = _solve_label(floats, exacts, k, exact, rtol)
    notes = [_INCOMPLETE_NOTE]
    if tie:
        notes.append(_degenerate_note(m, n))
        warnings.warn(_degenerate_note(m, n), DegenerateGameWarning, stacklevel=2)
    return Equilibria(
        [eq],
        method=METHOD,
        exact=exact,
        degenerate=True if tie else None,
        complete=False,
        tolerance=None if exact else rtol,
        notes=notes,
    )


def _degenerate_note(m: int, n: int) -> str:
    return (
        f"degenerate {m}x{n} game: a tie in the Lemke-Howson ratio test was broken "
        "lexicographically; equilibria may form connected sets"
    )


def lemke_howson_all_labels(
    A: np.ndarray, B: np.ndarray, exact: bool = False, rtol: float = DEFAULT_RTOL
) -> Equilibria:
    """The distinct equilibria that Lemke–Howson reaches from each of the m + n labels.

    Parameters
    ----------
    A, B : array_like, shape (m, n)
        Row and column player's payoffs.
    exact : bool
        Integer pivoting and ``Fraction`` results.
    rtol : float
        Float mode: regret tolerance relative to each player's payoff range.

    Returns
    -------
    Equilibria
        Distinct verified equilibria, sorted by profile; ``complete=False``: equilibria
        that no label's path reaches (e.g. the mixed equilibrium of a 2x2 coordination
        game) are missing.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[3, 0], [0, 2]]); B = np.array([[2, 0], [0, 3]])   # battle of sexes
    >>> [eq.supports for eq in lemke_howson_all_labels(A, B)]
    [((1,), (1,)), ((0,), (0,))]
    """
    floats, exacts = as_bimatrix(A, B, exact=exact)
    m, n = floats[0].shape
    found: dict[tuple, Equilibrium] = {}
    degenerate = False
    for k in range(m + n):
        eq, tie = _solve_label(floats, exacts, k, exact, rtol)
        degenerate |= tie
        if exact:
            key = tuple(tuple(s) for s in eq.strategies)
        else:
            key = tuple(np.round(np.concatenate(eq.strategies), 9).tolist())
        found.setdefault(key, eq)
    notes = [_INCOMPLETE_NOTE]
    if degenerate:
        notes.append(_degenerate_note(m, n))
        warnings.warn(_degenerate_note(m, n), DegenerateGameWarning, stacklevel=2)
    return Equilibria(
        [found[key] for key in sorted(found)],
        method="lemke_howson_all_labels",
        exact=exact,
        degenerate=True if degenerate else None,
        complete=False,
        tolerance=None if exact else rtol,
        notes=notes,
    )
