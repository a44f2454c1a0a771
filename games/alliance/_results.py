"""Result records of the alliance models, with named fields.

* :class:`AllianceEquilibrium`: contributions, total, contributor set, private
  consumption, burden shares (contribution / income), the leader's share of the total,
  and how the equilibrium was computed and checked (``residual``: the largest gap between
  a contribution and the best response to the others; exactly zero when ``exact``);
* :class:`EfficientProvision`: the Samuelson level and the Lindahl cost shares;
* :class:`Underprovision`: Nash total over efficient total;
* :class:`FreeRidingSummary`: exploitation index, share of allies at the corner and the
  Nash/efficient gap, for any of the models.

The *leader* is the ally with the largest income (the first one on ties). The
*exploitation index* is the leader's share of the allies' contributions divided by its
share of income: 1 means burdens proportional to income, above 1 means "the exploitation
of the great by the small" (Olson & Zeckhauser 1966).

Examples
--------
>>> from games.alliance import public_good
>>> s = public_good([10, 8, 2], a=1/2).free_riding()
>>> round(s.exploitation_index, 6), round(s.corner_share, 6), round(s.provision_ratio, 6)
(1.333333, 0.333333, 0.6)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.stats import rankdata

from games.alliance._inputs import exact_out, vector_out
from solvers.result import EquilibriumResult, convert_number

__all__ = [
    "AllianceEquilibrium",
    "EfficientProvision",
    "FreeRidingSummary",
    "Underprovision",
    "make_equilibrium",
    "summarize",
]


def _plain(value: Any, numbers: str = "plain") -> Any:
    return convert_number(value, numbers)


def _fmt(value: Any) -> str:
    return f"{float(value):.6g}" if isinstance(value, float | np.floating) else str(value)


def _fmt_vec(values: np.ndarray, limit: int = 8) -> str:
    body = ", ".join(_fmt(v) for v in values[:limit])
    return f"({body}{', ...' if len(values) > limit else ''})"


@dataclass(frozen=True, eq=False)
class AllianceEquilibrium(EquilibriumResult):
    """A Nash (or sequential) equilibrium of an alliance contribution game.

    Attributes
    ----------
    players : tuple of str
    incomes, contributions, private_consumption, burden_shares : numpy.ndarray
        Per ally, in the input order (``object`` arrays of sympy ``Rational`` if exact).
    total : number
        Total provision, including ``public_provision``.
    contributors : tuple of int
        Indices (0-based, input order) of the allies contributing a positive amount.
    leader : int
        Index of the ally with the largest income.
    leader_share : number
        The leader's contribution over the total.
    public_provision : number
        Provision outside the allies' choices (government provision, a committed leader).
    exact, unique : bool
        Exact arithmetic; whether the equilibrium is unique (``False`` flags ties).
    residual : number
        Largest ``|g_i - BR_i(g_-i)|``: zero when exact, else below ``tolerance``.
    tolerance : float or None
        Scale-aware tolerance the residual was checked against (float mode).
    method : str
    notes : tuple of str
    payoff_function : callable or None
        ``contributions -> utilities`` (the model's ``payoffs``), used by :attr:`payoffs`.

    Besides the fields, the shared result shape (:class:`solvers.result.EquilibriumResult`):
    ``strategies`` and ``payoffs`` by ally (utilities are floats: they are logarithms),
    ``verified`` (the residual is zero, or within the tolerance), ``regret`` (``None``: the
    models check best-response residuals), ``to_dict(numbers=...)``, ``latex()``.

    Examples
    --------
    Returned by the models' ``.equilibrium()``; BBV with incomes (10, 8, 2) and
    ``a = 1/2`` (docs/models.md §a.2):

    >>> from games.alliance import public_good
    >>> eq = public_good([10, 8, 2]).equilibrium()
    >>> eq
    AllianceEquilibrium(total=6, contributions=(4, 2, 0), contributors=[ally 1, ally 2], \
leader_share=2/3 | exact | linear_aggregative_equilibrium)
    >>> eq.contributor_names, tuple(eq.burden_shares)
    (('ally 1', 'ally 2'), (2/5, 1/4, 0))
    >>> eq.to_dict()["total"], eq.to_dict()["leader_share"], eq.verified
    (6, Fraction(2, 3), True)
    """

    players: tuple[str, ...]
    incomes: np.ndarray
    contributions: np.ndarray
    total: Any
    contributors: tuple[int, ...]
    private_consumption: np.ndarray
    burden_shares: np.ndarray
    leader: int
    leader_share: Any
    public_provision: Any
    exact: bool
    unique: bool
    residual: Any
    tolerance: float | None
    method: str
    notes: tuple[str, ...] = field(default=())
    payoff_function: Callable[[np.ndarray], np.ndarray] | None = field(default=None, repr=False)

    regret = None  # the models check best-response residuals, see ``residual``

    @property
    def contributor_names(self) -> tuple[str, ...]:
        """Names of the contributing allies."""
        return tuple(self.players[i] for i in self.contributors)

    @property
    def strategies(self) -> dict[str, Any]:
        """Ally name to contribution."""
        return dict(zip(self.players, self.contributions, strict=True))

    @property
    def payoffs(self) -> dict[str, float] | None:
        """Ally name to utility at the equilibrium (floats), ``None`` when unknown."""
        if self.payoff_function is None:
            return None
        values = self.payoff_function(np.asarray(self.contributions, dtype=float))
        return {p: float(v) for p, v in zip(self.players, values, strict=True)}

    @property
    def verified(self) -> bool:
        """The best-response residual is zero (exact) or within ``tolerance``."""
        if self.exact:
            return bool(self.residual == 0)
        return self.tolerance is not None and float(self.residual) <= self.tolerance

    def strategies_by_player(self) -> dict[str, Any]:
        return self.strategies

    def payoffs_by_player(self) -> dict[str, Any] | None:
        return self.payoffs

    def to_dict(self, numbers: str = "plain") -> dict[str, Any]:
        """Plain Python: per-ally dictionaries; ``numbers`` as in
        :meth:`solvers.result.Equilibrium.to_dict` (default: exact numbers as ``Fraction``)."""
        per = ("incomes", "contributions", "private_consumption", "burden_shares")
        out: dict[str, Any] = {
            key: {
                p: _plain(v, numbers)
                for p, v in zip(self.players, getattr(self, key), strict=True)
            }
            for key in per
        }
        pays = self.payoffs
        out.update(
            strategies={p: _plain(v, numbers) for p, v in self.strategies.items()},
            payoffs=None if pays is None else {p: _plain(v, numbers) for p, v in pays.items()},
            total=_plain(self.total, numbers),
            contributors=list(self.contributor_names),
            leader=self.players[self.leader],
            leader_share=_plain(self.leader_share, numbers),
            public_provision=_plain(self.public_provision, numbers),
            exact=self.exact,
            unique=self.unique,
            residual=_plain(self.residual, numbers),
            verified=self.verified,
            method=self.method,
            notes=list(self.notes),
        )
        return out

    def __repr__(self) -> str:
        kind = "exact" if self.exact else f"residual={_fmt(self.residual)}"
        names = ", ".join(self.contributor_names[:8])
        if len(self.contributors) > 8:
            names += ", ..."
        return (
            f"AllianceEquilibrium(total={_fmt(self.total)}, "
            f"contributions={_fmt_vec(self.contributions)}, contributors=[{names}], "
            f"leader_share={_fmt(self.leader_share)} | {kind} | {self.method})"
        )


@dataclass(frozen=True)
class EfficientProvision:
    """The efficient (Samuelson) level and the Lindahl cost shares that finance it.

    Attributes
    ----------
    total : number
        Samuelson level (sum of marginal rates of substitution = marginal cost).
    contributions : numpy.ndarray
        Lindahl contributions: the efficient allocation reached without transfers.
    burden_shares : numpy.ndarray
        Lindahl contribution over income.
    rule : str
        The closed form in words.
    exact : bool

    Examples
    --------
    Returned by the models' ``.efficient()``; BBV: ``G* = a W`` with Lindahl shares
    ``a w_i``:

    >>> from games.alliance import public_good
    >>> e = public_good([10, 8, 2]).efficient()
    >>> e.total, tuple(e.contributions)
    (10, (5, 4, 1))
    """

    total: Any
    contributions: np.ndarray
    burden_shares: np.ndarray
    rule: str
    exact: bool


@dataclass(frozen=True)
class Underprovision:
    """Nash provision against the efficient level.

    Attributes
    ----------
    nash_total, efficient_total : number
    ratio : number
        ``nash_total / efficient_total`` (1 = efficient).
    gap : number
        ``efficient_total - nash_total``.

    Examples
    --------
    Returned by the models' ``.underprovision()``:

    >>> from games.alliance import public_good
    >>> public_good([10, 8, 2]).underprovision()          # Nash 6 against a W = 10
    Underprovision(nash_total=6, efficient_total=10, ratio=3/5, gap=4)
    """

    nash_total: Any
    efficient_total: Any
    ratio: Any
    gap: Any


@dataclass(frozen=True)
class FreeRidingSummary:
    """How much free riding an equilibrium shows.

    Attributes
    ----------
    exploitation_index : float or None
        Leader's share of the contributions over its share of income (``None`` when
        undefined: equal incomes or no contributions).
    corner_share : float
        Share of allies contributing nothing (for a mixed equilibrium: the probability
        that an ally free rides).
    nash_total, efficient_total : float
    provision_ratio : float
        ``nash_total / efficient_total``.
    gap : float
        ``efficient_total - nash_total``.
    rank_correlation : float
        Spearman correlation of income and burden share (``nan`` when undefined); positive
        values are the exploitation hypothesis.
    notes : tuple of str

    Examples
    --------
    Returned by the models' ``.free_riding()``; the leader pays 2/3 of the total with
    1/2 of the income, so its exploitation index is 4/3:

    >>> from games.alliance import public_good
    >>> print(public_good([10, 8, 2]).free_riding())
    exploitation index 1.333; allies at the corner 33.3%; Nash 6 vs efficient 10 \
(ratio 0.600, gap 4); rank corr(income, burden share) 1.000
    """

    exploitation_index: float | None
    corner_share: float
    nash_total: float
    efficient_total: float
    provision_ratio: float
    gap: float
    rank_correlation: float
    notes: tuple[str, ...] = ()

    def __str__(self) -> str:
        idx = "n/a" if self.exploitation_index is None else f"{self.exploitation_index:.4g}"
        return (
            f"exploitation index {idx}; allies at the corner {self.corner_share:.1%}; "
            f"Nash {self.nash_total:.4g} vs efficient {self.efficient_total:.4g} "
            f"(ratio {self.provision_ratio:.3f}, gap {self.gap:.4g}); "
            f"rank corr(income, burden share) {self.rank_correlation:.3f}"
        )


def make_equilibrium(
    players: tuple[str, ...],
    incomes: np.ndarray,
    contributions: np.ndarray,
    *,
    public_provision: Any = 0,
    exact: bool,
    residual: Any,
    tolerance: float | None,
    method: str,
    unique: bool = True,
    notes: tuple[str, ...] = (),
    payoff_function: Callable[[np.ndarray], np.ndarray] | None = None,
) -> AllianceEquilibrium:
    """Assemble an :class:`AllianceEquilibrium` from incomes and contributions.

    ``incomes`` are the incomes the allies choose from (after taxes, if any);
    ``contributions`` their voluntary contributions, in the model's arithmetic.

    Parameters
    ----------
    players : tuple of str
    incomes, contributions : numpy.ndarray
        ``object`` arrays of ``Fraction`` when ``exact``, else float arrays.
    public_provision : number, default 0
        Provision outside the allies' choices, added to the total.
    exact : bool
    residual : number
        Best-response residual found by the model's check.
    tolerance : float or None
    method : str
    unique : bool, default True
    notes : tuple of str, default ()
    payoff_function : callable, optional
        ``contributions -> utilities``, for the result's ``payoffs``.

    Returns
    -------
    AllianceEquilibrium

    Examples
    --------
    >>> import numpy as np
    >>> from fractions import Fraction
    >>> w = np.array([Fraction(10), Fraction(8), Fraction(2)], dtype=object)
    >>> g = np.array([Fraction(4), Fraction(2), Fraction(0)], dtype=object)
    >>> eq = make_equilibrium(("US", "UK", "NL"), w, g, exact=True, residual=0,
    ...                       tolerance=None, method="by hand")
    >>> eq.total, eq.contributor_names, eq.leader_share
    (6, ('US', 'UK'), 2/3)
    """
    total = public_provision + sum(contributions, start=0 * contributions[0])
    leader = int(np.argmax(incomes))
    positive = np.asarray(contributions > 0, dtype=bool)
    return AllianceEquilibrium(
        players=players,
        incomes=vector_out(incomes, exact),
        contributions=vector_out(contributions, exact),
        total=exact_out(total, exact),
        contributors=tuple(int(i) for i in np.flatnonzero(positive)),
        private_consumption=vector_out(incomes - contributions, exact),
        burden_shares=vector_out(contributions / incomes, exact),
        leader=leader,
        leader_share=exact_out(contributions[leader] / total, exact),
        public_provision=exact_out(public_provision, exact),
        exact=exact,
        unique=unique,
        residual=exact_out(residual, exact),
        tolerance=tolerance,
        method=method,
        notes=notes,
        payoff_function=payoff_function,
    )


def _rank_correlation(x: np.ndarray, y: np.ndarray) -> float:
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if len(x) < 2 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return float("nan")
    return float(np.corrcoef(rankdata(x), rankdata(y))[0, 1])


def summarize(
    incomes: np.ndarray,
    contributions: np.ndarray,
    efficient_total: Any,
    notes: tuple[str, ...] = (),
) -> FreeRidingSummary:
    """Free-riding summary of contributions made from ``incomes`` (floats out).

    Parameters
    ----------
    incomes, contributions : numpy.ndarray
        Per ally, in any arithmetic.
    efficient_total : number
        The efficient (Samuelson or Lindahl) total.
    notes : tuple of str, default ()
        Carried into the summary.

    Returns
    -------
    FreeRidingSummary

    Examples
    --------
    >>> import numpy as np
    >>> s = summarize(np.array([10.0, 8.0, 2.0]), np.array([4.0, 2.0, 0.0]), 10)
    >>> round(s.exploitation_index, 6), round(s.corner_share, 6), s.provision_ratio
    (1.333333, 0.333333, 0.6)
    """
    w = np.asarray(incomes, dtype=float)
    g = np.asarray(contributions, dtype=float)
    nash = float(g.sum())
    eff = float(efficient_total)
    leader = int(np.argmax(w))
    extra = list(notes)
    if np.ptp(w) == 0:
        index = None
        extra.append("equal incomes: the exploitation index is undefined")
    elif nash <= 0:
        index = None
        extra.append("no contributions: the exploitation index is undefined")
    else:
        index = float((g[leader] / nash) / (w[leader] / w.sum()))
    return FreeRidingSummary(
        exploitation_index=index,
        corner_share=float(np.mean(g <= 0)),
        nash_total=nash,
        efficient_total=eff,
        provision_ratio=nash / eff,
        gap=eff - nash,
        rank_correlation=_rank_correlation(w, g / w),
        notes=tuple(extra),
    )
