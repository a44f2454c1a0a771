r"""What an influence frontier is: the allies' game behind it and the frontier :math:`I(S)`.

:class:`AlliesGame` records the followers' game (strategies, payoff from staying, the
equilibrium condition and its derivation); :class:`Frontier` is the allies' equilibrium
response :math:`I(S)` to a burden shift :math:`S \ge 0`, in general symbols and at given
parameter values, with its slope and selection of branches. ``S`` and ``PI`` (the share
:math:`\pi` of allies who stay) are the symbols every frontier is written in, and
:func:`as_number` validates parameters. The frontiers themselves are built in
:mod:`games.influence._frontiers` (F1, F3) and :mod:`games.influence._tipping` (F2).
"""

from __future__ import annotations

import numbers
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import sympy as sp

__all__ = ["PI", "SELECTIONS", "AlliesGame", "Frontier", "S", "as_number"]

S = sp.Symbol("S", nonnegative=True)
PI = sp.Symbol("pi", nonnegative=True)
SELECTIONS = ("high", "low", "dynamic")
_ZERO, _ONE, _HALF = sp.Integer(0), sp.Integer(1), sp.Rational(1, 2)


def as_number(
    value: Any, name: str, low=None, high=None, *, low_open: bool = True, high_open: bool = True
) -> sp.Expr:
    """Validate a parameter and return it as a sympy number (exact for ints/Fractions).

    Floats become ``sympy.Float``; strings, booleans, non-finite values and expressions
    with free symbols are refused with an error naming the parameter.

    Examples
    --------
    >>> from fractions import Fraction
    >>> as_number(Fraction(3, 5), "alpha", 0, 1)
    3/5
    >>> as_number(1.5, "alpha", 0, 1)
    Traceback (most recent call last):
    ...
    ValueError: alpha must lie in (0, 1), got 1.5
    """
    if isinstance(value, bool) or isinstance(value, str) or value is None:
        raise TypeError(f"{name} must be a real number, got {value!r}")
    if isinstance(value, sp.Basic):
        if value.free_symbols:
            raise ValueError(
                f"{name} has unbound symbols {sorted(map(str, value.free_symbols))}"
                "; substitute numbers first"
            )
        number = sp.nsimplify(value) if value.is_Rational else value
        if not number.is_real or not number.is_finite:
            raise ValueError(f"{name} must be a finite real number, got {value!r}")
    elif isinstance(value, numbers.Integral):
        number = sp.Integer(int(value))
    elif isinstance(value, numbers.Rational):
        number = sp.Rational(int(value.numerator), int(value.denominator))
    elif isinstance(value, numbers.Real):
        v = float(value)
        if not np.isfinite(v):
            raise ValueError(f"{name} must be finite, got {value!r}")
        number = sp.Float(v)
    else:
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    lo_bad = low is not None and (number <= low if low_open else number < low)
    hi_bad = high is not None and (number >= high if high_open else number > high)
    if lo_bad or hi_bad:
        lo_s = "(" if low_open else "["
        hi_s = ")" if high_open else "]"
        lo_v = "-inf" if low is None else low
        hi_v = "inf" if high is None else high
        raise ValueError(f"{name} must lie in {lo_s}{lo_v}, {hi_v}{hi_s}, got {value!r}")
    return number


def _shift_array(S_values, name: str = "S") -> np.ndarray:
    arr = np.asarray(S_values, dtype=float)
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite")
    if np.any(arr < 0):
        raise ValueError(f"{name} must be >= 0 (a burden shift), got min {arr.min()}")
    return arr


@dataclass(frozen=True)
class AlliesGame:
    """The followers' game that generates a frontier [O].

    Attributes
    ----------
    name : str
        Short description of the game.
    strategies : tuple of str
        The allies' choices.
    stay_payoff : sympy.Expr
        Payoff of the deciding agent from staying aligned (hedging pays 0), or the ally's
        utility for F3.
    condition : sympy.Expr
        Equilibrium condition, ``condition = 0`` (in ``S``, ``pi`` and the parameters).
    derivation : tuple of str
        Steps of the derivation, for the record.
    """

    name: str
    strategies: tuple[str, ...]
    stay_payoff: sp.Expr
    condition: sp.Expr
    derivation: tuple[str, ...]


@dataclass(frozen=True)
class Frontier:
    """An influence frontier I(S): the allies' equilibrium response to a burden shift.

    Attributes
    ----------
    model : str
        ``"F1"``, ``"F2"`` or ``"F3"``.
    parameters : dict
        Parameter name -> sympy number (documented defaults of the builder).
    symbols : dict
        Parameter name -> sympy Symbol used in :attr:`general`.
    general : sympy.Expr
        The aligned (stable) branch in ``S`` and the parameter symbols.
    expr : sympy.Expr
        :attr:`general` with the parameter values substituted.
    domain : tuple
        ``(low, high)``: the shifts on which :attr:`expr` is the stable equilibrium.
    game : AlliesGame
        The allies' game the frontier is derived from.
    S : sympy.Symbol
        The burden-shift symbol.
    """

    model: str
    parameters: dict[str, sp.Expr]
    symbols: dict[str, sp.Symbol]
    general: sp.Expr
    expr: sp.Expr
    domain: tuple[sp.Expr, sp.Expr]
    game: AlliesGame
    S: sp.Symbol = S
    _f: Callable | None = field(default=None, repr=False, compare=False)
    _df: Callable | None = field(default=None, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "_f", sp.lambdify(self.S, self.expr, "numpy"))
        object.__setattr__(self, "_df", sp.lambdify(self.S, sp.diff(self.expr, self.S), "numpy"))

    @property
    def exact(self) -> bool:
        """True when every parameter is an exact rational."""
        return all(v.is_Rational for v in self.parameters.values())

    @property
    def shift_max(self) -> float:
        """Largest burden shift the figures and the leader consider."""
        return float(self.domain[1])

    def substitutions(self) -> dict[sp.Symbol, sp.Expr]:
        """Parameter symbol -> value, for ``subs`` on :attr:`general`."""
        return {self.symbols[n]: v for n, v in self.parameters.items()}

    def _check(self, S_values) -> np.ndarray:
        arr = _shift_array(S_values)
        hi = float(self.domain[1])
        if np.any(arr > hi * (1 + 1e-12)):
            raise ValueError(
                f"S must lie in the frontier's domain [0, {self.domain[1]}] "
                f"for {self.model}, got max {arr.max()}"
            )
        return arr

    def __call__(self, S_values, select: str = "high", start: float = 1.0) -> np.ndarray:
        """Influence at the burden shifts ``S_values`` (numeric, vectorized).

        The F1 and F3 responses are unique, so ``select`` and ``start`` only matter for F2.
        """
        _check_select(select)
        arr = self._check(S_values)
        assert self._f is not None, "frontier built without its numeric function"
        return np.asarray(np.broadcast_to(self._f(arr), arr.shape), dtype=float)

    def slope(self, S_values) -> np.ndarray:
        """dI/dS on the aligned branch (numeric)."""
        arr = self._check(S_values)
        assert self._df is not None, "frontier built without its numeric slope"
        return np.asarray(np.broadcast_to(self._df(arr), arr.shape), dtype=float)

    def at(self, shift) -> sp.Expr:
        """Exact influence at one shift (sympy), on the aligned branch."""
        s = as_number(shift, "S", 0, self.domain[1], low_open=False, high_open=False)
        return (
            sp.nsimplify(self.expr.subs(self.S, s)) if s.is_Rational else self.expr.subs(self.S, s)
        )

    def implicit(self) -> sp.Expr:
        """The frontier as ``Phi(pi, S; parameters) = 0`` (pi = influence), in symbols."""
        return PI - self.general

    def describe(self) -> str:
        """One line: model, formula and parameters."""
        pars = ", ".join(f"{k} = {v}" for k, v in self.parameters.items())
        return f"{self.model}: I(S) = {sp.sstr(self.expr)} ({pars})"


def _check_select(select: str) -> None:
    if select not in SELECTIONS:
        raise ValueError(f"select must be one of {SELECTIONS}, got {select!r}")
