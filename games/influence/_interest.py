r"""National-interest functions V(I, S) over influence and cost savings, and their isoquants [O].

The leader values influence :math:`I` (Morrow 1991's autonomy) and cost savings :math:`S`;
its "isoquants" are the indifference curves :math:`V(I, S) = v` (Morrow 1991; Morgan &
Palmer 1997 use the same geometry). Two reduced forms [O]:

* **Cobb-Douglas** :math:`V = I^\alpha S^{1-\alpha}`, weight :math:`\alpha` on influence;
  isoquant :math:`I = v^{1/\alpha} S^{-(1-\alpha)/\alpha}`.
* **Quasi-linear** :math:`V = I + c\,S^p`; isoquant :math:`I = v - c\,S^p`. It keeps the
  isoquant through a collapsed point (:math:`I = 0`) well defined.

Examples
--------
>>> import sympy as sp
>>> V = cobb_douglas(sp.Rational(3, 5))
>>> V.expr
I**(3/5)*S**(2/5)
>>> V.isoquant_expr(1)
S**(-2/3)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import sympy as sp

from games.influence._frontiers import S, as_number

__all__ = ["INFLUENCE", "NationalInterest", "cobb_douglas", "quasi_linear"]

INFLUENCE = sp.Symbol("I", nonnegative=True)
_THREE_FIFTHS, _THREE_QUARTERS, _HALF = sp.Rational(3, 5), sp.Rational(3, 4), sp.Rational(1, 2)


@dataclass(frozen=True)
class NationalInterest:
    """A national-interest index V(I, S) [O].

    Attributes
    ----------
    name : str
        ``"Cobb-Douglas"`` or ``"quasi-linear"``.
    parameters : dict
        Parameter name -> sympy number.
    symbols : dict
        Parameter name -> sympy Symbol used in :attr:`general`.
    general : sympy.Expr
        V in ``I``, ``S`` and the parameter symbols.
    ordinal_general : sympy.Expr
        A strictly increasing transform of :attr:`general` (log for Cobb-Douglas), used
        for first-order conditions; it has the same maximisers and level sets.

    Examples
    --------
    Built by :func:`cobb_douglas` or :func:`quasi_linear`. At the optimum B = (S, I) =
    (1/2, 3/4) on the F1 frontier ``I = 1 - S**2`` the isoquant slope ``-V_S/V_I`` equals
    the frontier slope ``-2S = -1`` (docs/models.md §b.3):

    >>> V = cobb_douglas()
    >>> V.name, V.parameters
    ('Cobb-Douglas', {'alpha': 3/5})
    >>> V.isoquant_slope(sp.Rational(3, 4), sp.Rational(1, 2))
    -1
    >>> V.isoquant(1)([1.0, 8.0])             # I = S**(-2/3) on the level V = 1
    array([1.  , 0.25])
    """

    name: str
    parameters: dict[str, sp.Expr]
    symbols: dict[str, sp.Symbol]
    general: sp.Expr
    ordinal_general: sp.Expr
    I: sp.Symbol = INFLUENCE  # noqa: E741
    S: sp.Symbol = S
    _v: Any = field(default=None, repr=False, compare=False)  # lambdified V, set below

    def __post_init__(self):
        object.__setattr__(self, "_v", sp.lambdify((self.I, self.S), self.expr, "numpy"))

    def substitutions(self) -> dict[sp.Symbol, sp.Expr]:
        """Parameter symbol -> value."""
        return {self.symbols[n]: v for n, v in self.parameters.items()}

    @property
    def expr(self) -> sp.Expr:
        """V(I, S) with the parameter values substituted."""
        return self.general.subs(self.substitutions())

    @property
    def ordinal(self) -> sp.Expr:
        """The increasing transform of V with the parameter values substituted."""
        return self.ordinal_general.subs(self.substitutions())

    def value(self, influence, shift) -> np.ndarray:
        """V at numeric (I, S) (vectorized)."""
        i = np.asarray(influence, dtype=float)
        s = np.asarray(shift, dtype=float)
        if np.any(i < 0) or np.any(s < 0):
            raise ValueError("influence and shift must be >= 0")
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.asarray(self._v(i, s), dtype=float) * np.ones(np.broadcast(i, s).shape)

    def exact_value(self, influence, shift) -> sp.Expr:
        """V at (I, S), exact when the inputs are."""
        return self.expr.subs({self.I: influence, self.S: shift})

    def isoquant_expr(self, level) -> sp.Expr:
        """The isoquant ``V = level`` as ``I = f(S)`` (sympy), in closed form.

        Cobb-Douglas: ``I = (level / S**(1 - alpha))**(1/alpha)``; quasi-linear:
        ``I = level - c*S**p``; any other V: ``sympy.solve`` when it finds a unique
        solution.

        Raises
        ------
        ValueError
            No closed form is known for this V (use :meth:`isoquant`, which inverts
            numerically).

        Examples
        --------
        >>> cobb_douglas(sp.Rational(7, 10)).isoquant_expr(1)
        S**(-3/7)
        """
        level = sp.sympify(level)
        p = self.parameters
        if self.name == "Cobb-Douglas":
            alpha = sp.sympify(p["alpha"])
            return sp.powsimp((level / self.S ** (1 - alpha)) ** (1 / alpha), force=True)
        if self.name == "quasi-linear":
            return level - sp.sympify(p["c"]) * self.S ** sp.sympify(p["p"])
        v = sp.Symbol("v", positive=True)
        sol = sp.solve(sp.Eq(self.expr, v), self.I)
        if len(sol) != 1:
            raise ValueError(
                f"no closed-form isoquant for V = {self.expr}: use isoquant(level), which "
                "inverts V numerically"
            )
        return sol[0].subs(v, level)

    def isoquant(self, level) -> Callable[[np.ndarray], np.ndarray]:
        """The isoquant ``V = level`` as a numeric function S -> I.

        Closed form where one exists (:meth:`isoquant_expr`); otherwise V is inverted in
        I by bracketing and bisection to machine precision (V increases in I). Points where
        no ``I >= 0`` reaches the level give ``nan``.

        Examples
        --------
        >>> curve = cobb_douglas(0.7).isoquant(0.5)
        >>> bool(abs(cobb_douglas(0.7).value(curve(0.3), 0.3) - 0.5) < 1e-12)
        True
        """
        level = as_number(level, "level", None, None)
        try:
            expr = self.isoquant_expr(level)
        except ValueError:
            return self._numeric_isoquant(float(level))
        f = sp.lambdify(self.S, expr, "numpy")

        def curve(shift):
            s = np.asarray(shift, dtype=float)
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                return np.asarray(f(s), dtype=float) * np.ones(s.shape)

        return curve

    def _numeric_isoquant(self, level: float) -> Callable[[np.ndarray], np.ndarray]:
        v = self._v

        def curve(shift):
            s = np.atleast_1d(np.asarray(shift, dtype=float))
            lo = np.zeros(s.shape)
            hi = np.ones(s.shape)
            with np.errstate(all="ignore"):
                for _ in range(200):  # grow the bracket until V(hi, S) >= level
                    short = np.asarray(v(hi, s), dtype=float) < level
                    if not short.any():
                        break
                    hi = np.where(short, hi * 2, hi)
                ok = np.asarray(v(hi, s), dtype=float) >= level
                for _ in range(200):
                    mid = (lo + hi) / 2
                    below = np.asarray(v(mid, s), dtype=float) < level
                    lo, hi = np.where(below, mid, lo), np.where(below, hi, mid)
            out = np.where(ok, hi, np.nan)
            return out.reshape(np.shape(shift))

        return curve

    def isoquant_slope(self, influence, shift) -> sp.Expr:
        """Slope dI/dS of the isoquant through (I, S): ``-V_S / V_I``."""
        mrs = -sp.diff(self.expr, self.S) / sp.diff(self.expr, self.I)
        return sp.simplify(mrs.subs({self.I: influence, self.S: shift}))

    def describe(self) -> str:
        """One line: V and its parameters."""
        return f"V = {sp.sstr(self.expr)}"


def cobb_douglas(alpha=_THREE_FIFTHS) -> NationalInterest:
    """Cobb-Douglas national interest ``V = I**alpha * S**(1 - alpha)`` [O].

    Parameters
    ----------
    alpha : number in (0, 1), default 3/5
        Weight on influence (12/13 makes A = (1/5, 24/25) optimal on F1 with k = 2: a
        Cold-War weight).

    Returns
    -------
    NationalInterest

    Examples
    --------
    >>> V = cobb_douglas()
    >>> V.exact_value(sp.Rational(3, 4), sp.Rational(1, 2))**5
    27/256
    """
    alpha = as_number(alpha, "alpha", 0, 1)
    a = sp.Symbol("alpha", positive=True)
    general = INFLUENCE**a * S ** (1 - a)
    ordinal = a * sp.log(INFLUENCE) + (1 - a) * sp.log(S)
    return NationalInterest("Cobb-Douglas", {"alpha": alpha}, {"alpha": a}, general, ordinal)


def quasi_linear(c=_THREE_QUARTERS, power=_HALF) -> NationalInterest:
    """Quasi-linear national interest ``V = I + c * S**power`` [O].

    Parameters
    ----------
    c : positive number, default 3/4
        Weight on cost savings.
    power : number in (0, 1), default 1/2
        Curvature of the value of savings.

    Returns
    -------
    NationalInterest

    Examples
    --------
    >>> V = quasi_linear()
    >>> V.expr, V.exact_value(sp.Rational(9, 10), sp.Rational(9, 100))
    (I + 3*sqrt(S)/4, 9/8)
    """
    c = as_number(c, "c", 0, None)
    power = as_number(power, "power", 0, 1)
    cs, ps = sp.symbols("c p", positive=True)
    general = INFLUENCE + cs * S**ps
    return NationalInterest(
        "quasi-linear", {"c": c, "p": power}, {"c": cs, "p": ps}, general, general
    )
