r"""The classic empirical test of the exploitation hypothesis, for a user's own data.

Olson & Zeckhauser (1966) predict that an ally's defence burden (defence / GDP) rises
with its size; the classic test is a positive Spearman rank correlation between GDP and
defence/GDP across allies. :func:`exploitation_test` reports that correlation with its
p-values (two-sided and one-sided "greater") next to what the Bergstrom-Blume-Varian
public-good model predicts for the same incomes.

The p-values are exact for small samples: with at most nine allies the null distribution
of Spearman's rho is enumerated over all ``n!`` orderings of the defence/GDP ranks (the
actual mid-ranks when there are ties). The two-sided p-value is
``P(|rho| >= |rho_obs|)``, the one-sided one ``P(rho >= rho_obs)``. With ten or more
allies the usual t approximation of :func:`scipy.stats.spearmanr` is used, where it is
adequate; :attr:`ExploitationTest.p_method` says which.

The model is fitted with one moment: :math:`a` is chosen so that the model's Nash total
:math:`G(a)` equals the observed total defence spending (:math:`G(a)` rises from 0 to
:math:`\sum_i w_i` as :math:`a` goes from 0 to 1, so the fit exists and is unique). The
prediction is then the model's contributions, contributor set and burden shares. No
published coefficient is hard-coded (docs/models.md §a.1).

Examples
--------
MADE-UP NUMBERS, NOT DATA: eight imaginary allies, GDP and defence in the same units.

>>> from games.alliance import exploitation_test
>>> gdp = [200, 40, 30, 25, 20, 15, 10, 5]                     # made up
>>> defence = [7.0, 0.9, 0.6, 0.6, 0.3, 0.3, 0.15, 0.05]        # made up
>>> t = exploitation_test(gdp, defence)
>>> round(t.rho, 3), round(t.p_value_greater, 4), t.p_method
(0.855, 0.0052, 'exact permutation')
>>> round(t.fitted_a, 4), t.predicted.contributor_names    # the model: only the largest pays
(0.0495, ('ally 1',))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
from scipy.optimize import brentq
from scipy.stats import rankdata, spearmanr

from games.alliance._inputs import as_vector, labels
from games.alliance._public_good import bbv_total, public_good
from games.alliance._results import AllianceEquilibrium, _rank_correlation

__all__ = ["ExploitationTest", "exploitation_test"]

#: Largest sample for which the p-values are exact (9! = 362,880 orderings).
EXACT_MAX_N = 9
EXACT = "exact permutation"
T_APPROX = "t approximation"


@cache
def _permutations(n: int) -> np.ndarray:
    """All ``n!`` permutations of ``range(n)`` as rows (built by insertion, vectorized).

    Stored as ``int8`` (``n <= EXACT_MAX_N``): 3.3 MB for ``n = 9``.
    """
    perms = np.zeros((1, 0), dtype=np.int8)
    for k in range(n):
        perms = np.concatenate([np.insert(perms, pos, k, axis=1) for pos in range(k + 1)])
    perms.setflags(write=False)
    return perms


def _spearman_exact_p(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Exact permutation p-values of Spearman's rho: (two-sided, one-sided "greater").

    Rho is an increasing function of ``S = sum (rx - c)(ry - c)`` with ``c = (n+1)/2``
    (the means and variances of the ranks do not change under permutation), so ``S`` is
    compared instead. Mid-ranks are multiples of 1/2, so ``S`` is exact in floating point
    and ties in the statistic are counted exactly.
    """
    n = len(x)
    centre = (n + 1) / 2
    rx = rankdata(x) - centre
    ry = rankdata(y) - centre
    observed = float(rx @ ry)
    s = ry[_permutations(n)] @ rx
    p_greater = float(np.mean(s >= observed))
    p_two = float(np.mean(np.abs(s) >= abs(observed)))
    return p_two, p_greater


@dataclass(frozen=True)
class ExploitationTest:
    """Spearman test of the exploitation hypothesis and the fitted model's prediction.

    Attributes
    ----------
    players : tuple of str
    gdp, defence, burden_shares : numpy.ndarray
        Inputs and the observed defence/GDP.
    rho : float
        Spearman rank correlation of GDP and defence/GDP (``nan`` if a side is constant).
    p_value, p_value_greater : float
        Two-sided p-value ``P(|rho| >= |rho_obs|)`` and one-sided p-value
        ``P(rho >= rho_obs)`` for ``rho > 0`` (``nan`` if rho is undefined).
    p_method : str
        ``"exact permutation"`` (at most nine allies: all ``n!`` orderings enumerated),
        ``"t approximation"`` (ten or more, :func:`scipy.stats.spearmanr`) or
        ``"undefined"`` (rho is ``nan``).
    fitted_a : float
        Weight of security making the model's Nash total equal the observed total.
    predicted : AllianceEquilibrium
        The fitted BBV model's equilibrium for the same incomes.
    predicted_rho : float
        Rank correlation of GDP and the predicted burden shares.
    notes : tuple of str

    Examples
    --------
    Returned by :func:`exploitation_test` (MADE-UP NUMBERS, NOT DATA):

    >>> t = exploitation_test([10, 8, 2, 1], [4, 2, 0.1, 0.02])
    >>> t.burden_shares.tolist()                      # defence / GDP falls with size
    [0.4, 0.25, 0.05, 0.02]
    >>> t.rho, t.predicted.contributor_names          # the model: the two largest pay
    (1.0, ('ally 1', 'ally 2'))
    >>> t.p_value * 12, t.p_value_greater * 24, t.p_method     # 2/24 and 1/24 orderings
    (1.0, 1.0, 'exact permutation')
    >>> t.notes
    ('only 4 allies: the test has little power',)
    """

    players: tuple[str, ...]
    gdp: np.ndarray
    defence: np.ndarray
    burden_shares: np.ndarray
    rho: float
    p_value: float
    p_value_greater: float
    p_method: str
    fitted_a: float
    predicted: AllianceEquilibrium
    predicted_rho: float
    notes: tuple[str, ...] = ()

    def __str__(self) -> str:
        pred = np.asarray(self.predicted.burden_shares, dtype=float)
        return (
            f"Spearman rho(GDP, defence/GDP) = {self.rho:.3f} (p = {self.p_value:.3g}; "
            f"one-sided p = {self.p_value_greater:.3g}; {self.p_method}; "
            f"n = {len(self.gdp)})\n"
            f"fitted public-good model: a = {self.fitted_a:.4g}, contributors "
            f"{len(self.predicted.contributors)}/{len(self.gdp)}, predicted rho = "
            f"{self.predicted_rho:.3f}, predicted burden shares "
            f"{np.array2string(pred, precision=3, separator=', ')}"
        )


def exploitation_test(
    gdp: Sequence[Any] | np.ndarray,
    defence: Sequence[Any] | np.ndarray,
    players: Sequence[str] | None = None,
) -> ExploitationTest:
    """Spearman test of GDP against defence/GDP, next to the fitted public-good model.

    Parameters
    ----------
    gdp : sequence of numbers
        Positive, finite national incomes (at least three allies).
    defence : sequence of numbers
        Defence spending, nonnegative, below GDP, same units and length as ``gdp``;
        not all zero.
    players : sequence of str, optional

    Returns
    -------
    ExploitationTest
        ``p_value`` and ``p_value_greater`` are exact permutation p-values when there are
        at most nine allies (``p_method == "exact permutation"``): Spearman's rho is
        computed for every one of the ``n!`` orderings of the defence/GDP ranks against
        the GDP ranks (mid-ranks with ties), and the p-values are the shares of orderings
        with ``|rho| >= |rho_obs|`` (two-sided) and ``rho >= rho_obs`` (one-sided). With
        ten or more allies they are the t approximation of :func:`scipy.stats.spearmanr`
        (``p_method == "t approximation"``), which is poor for tiny samples (it gives
        ``p = 0`` when ``rho = 1``).

    Raises
    ------
    ValueError
        On lengths that differ, fewer than three allies, or values out of range.

    Examples
    --------
    MADE-UP NUMBERS, NOT DATA:

    >>> t = exploitation_test([10, 8, 2, 1], [4, 2, 0.1, 0.02])
    >>> round(t.rho, 3), round(t.predicted_rho, 3)
    (1.0, 0.949)

    Only 2 of the 4! = 24 orderings reach ``|rho| = 1`` (the identity and its reverse),
    so the exact two-sided p-value is 1/12 and the one-sided one 1/24:

    >>> from fractions import Fraction
    >>> Fraction(t.p_value).limit_denominator(100), t.p_method
    (Fraction(1, 12), 'exact permutation')
    >>> Fraction(t.p_value_greater).limit_denominator(100)
    Fraction(1, 24)
    """
    w, _ = as_vector(gdp, "gdp", min_length=3)
    d, _ = as_vector(defence, "defence", positive=False, nonnegative=True, length=len(w))
    w = np.asarray(w, dtype=float)
    d = np.asarray(d, dtype=float)
    over = np.flatnonzero(d >= w)
    if over.size:
        raise ValueError(
            f"defence must be below gdp; entry {over[0]} spends {d[over[0]]} of {w[over[0]]}"
        )
    total = float(d.sum())
    if total <= 0:
        raise ValueError("defence is all zero: nothing to fit")
    names = labels(players, len(w))
    shares = d / w
    notes = []
    if np.ptp(w) == 0 or np.ptp(shares) == 0:
        rho = p_two = p_one = float("nan")
        method = "undefined"
        notes.append("GDP or defence/GDP is constant: the rank correlation is undefined")
    elif len(w) <= EXACT_MAX_N:
        rho = float(spearmanr(w, shares)[0])
        p_two, p_one = _spearman_exact_p(w, shares)
        method = EXACT
    else:
        rho, p_two = spearmanr(w, shares)
        _, p_one = spearmanr(w, shares, alternative="greater")
        rho, p_two, p_one = float(rho), float(p_two), float(p_one)
        method = T_APPROX
    low, high = 1e-12, 1 - 1e-12
    if bbv_total(w, low) >= total:
        raise ValueError("total defence is too small to fit the model (a would be < 1e-12)")
    a = brentq(lambda x: bbv_total(w, x) - total, low, high, xtol=1e-15, rtol=1e-15)
    predicted = public_good(w, a=a, players=names).equilibrium()
    pred_rho = _rank_correlation(w, np.asarray(predicted.burden_shares, dtype=float))
    if len(w) < 10:
        notes.append(f"only {len(w)} allies: the test has little power")
    return ExploitationTest(
        players=names,
        gdp=w,
        defence=d,
        burden_shares=shares,
        rho=rho,
        p_value=p_two,
        p_value_greater=p_one,
        p_method=method,
        fitted_a=float(a),
        predicted=predicted,
        predicted_rho=pred_rho,
        notes=tuple(notes),
    )
