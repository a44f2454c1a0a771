r"""Model parameters: a sympy symbol with a default value, a domain and a description.

A :class:`Parameter` names a quantity a model is written in (an income :math:`w`, a taste
weight :math:`a \in (0, 1)`, a number of allies :math:`n`). Games keep their parameters
symbolic; numbers are bound with ``.subs`` (or passed to a solver), and every value is
checked against the parameter's domain at that moment, so an out-of-domain value is an
error naming the parameter, never a silently wrong equilibrium.

Examples
--------
>>> import sympy as sp
>>> from games.parameters import Parameter
>>> a = Parameter("a", sp.Rational(1, 2), sp.Interval.open(0, 1), "weight on the public good")
>>> a
Parameter(a = 1/2 in Interval.open(0, 1): weight on the public good)
>>> a.check(sp.Rational(3, 4))
3/4
>>> a.check(2)
Traceback (most recent call last):
...
ValueError: parameter 'a' = 2 is outside its domain Interval.open(0, 1) (weight on the public good)
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import sympy as sp

__all__ = ["Parameter", "as_parameter", "resolve_values", "to_sympy_number"]


def to_sympy_number(value: Any, name: str) -> sp.Expr:
    """Convert a plain number (int, float, Fraction, numpy scalar, sympy number) to sympy.

    Strings are refused on purpose (no ``sympify`` of untrusted text).

    Examples
    --------
    >>> from fractions import Fraction
    >>> to_sympy_number(Fraction(1, 3), "a")
    1/3
    """
    if isinstance(value, sp.Basic):
        return value
    if isinstance(value, bool) or isinstance(value, str):
        raise TypeError(f"{name}: expected a number or sympy expression, got {value!r}")
    if isinstance(value, numbers.Integral):
        return sp.Integer(int(value))
    if isinstance(value, numbers.Rational):  # fractions.Fraction
        return sp.Rational(int(value.numerator), int(value.denominator))
    if isinstance(value, numbers.Real):
        v = float(value)
        if v != v or v in (float("inf"), float("-inf")):
            raise ValueError(f"{name}: value must be finite, got {value!r}")
        return sp.Float(v)
    raise TypeError(f"{name}: expected a number or sympy expression, got {value!r}")


def _as_domain(domain: Any, name: str) -> sp.Set:
    if domain is None:
        return sp.S.Reals
    if isinstance(domain, sp.Set):
        return domain
    if isinstance(domain, tuple) and len(domain) == 2:
        lo = -sp.oo if domain[0] is None else to_sympy_number(domain[0], f"{name} domain")
        hi = sp.oo if domain[1] is None else to_sympy_number(domain[1], f"{name} domain")
        if not (lo <= hi) == sp.true:
            raise ValueError(f"parameter {name!r}: domain lower bound {lo} exceeds upper {hi}")
        return sp.Interval(lo, hi)
    raise TypeError(
        f"parameter {name!r}: domain must be a sympy Set (e.g. sympy.Interval.open(0, 1)) "
        f"or a (lower, upper) tuple with None for unbounded, got {domain!r}"
    )


def _domain_from_assumptions(symbol: sp.Symbol) -> sp.Set:
    if symbol.is_integer and symbol.is_positive:
        return sp.S.Naturals
    if symbol.is_positive:
        return sp.Interval.open(0, sp.oo)
    if symbol.is_nonnegative:
        return sp.Interval(0, sp.oo)
    if symbol.is_negative:
        return sp.Interval.open(-sp.oo, 0)
    return sp.S.Reals


@dataclass(frozen=True)
class Parameter:
    r"""A named model parameter.

    Parameters
    ----------
    symbol : sympy.Symbol or str
        The symbol used in payoffs and bounds; a string makes a plain ``Symbol`` of that
        name (never parsed as an expression).
    default : number or sympy expression, optional
        Value used when none is given; ``None`` means the parameter must be supplied
        before anything numeric is computed.
    domain : sympy.Set or (lower, upper) tuple, optional
        Allowed values; ``None`` for the symbol's assumptions (``positive=True`` gives
        :math:`(0, \infty)`), otherwise all reals. Tuples are closed intervals, with ``None``
        for an infinite end.
    description : str
        One line saying what the parameter means.
    unit : str, optional
        Unit of measurement, for tables and axis labels.

    Examples
    --------
    >>> import sympy as sp
    >>> w = Parameter(sp.Symbol("w", positive=True), 10, description="income", unit="bn $")
    >>> w.name, w.domain, w.default
    ('w', Interval.open(0, oo), 10)
    """

    symbol: sp.Symbol
    default: Any = None
    domain: Any = None
    description: str = ""
    unit: str | None = None

    def __post_init__(self) -> None:
        symbol = self.symbol
        if isinstance(symbol, str):
            if not symbol.isidentifier():
                raise ValueError(f"parameter name {symbol!r} is not a valid identifier")
            symbol = sp.Symbol(symbol)
        if not isinstance(symbol, sp.Symbol):
            raise TypeError(f"Parameter symbol must be a sympy Symbol or a name, got {symbol!r}")
        object.__setattr__(self, "symbol", symbol)
        domain = (
            _domain_from_assumptions(symbol)
            if self.domain is None
            else _as_domain(self.domain, symbol.name)
        )
        object.__setattr__(self, "domain", domain)
        if not isinstance(self.description, str):
            raise TypeError(f"parameter {symbol.name!r}: description must be a string")
        if self.default is not None:
            object.__setattr__(self, "default", self.check(self.default))

    @property
    def name(self) -> str:
        """The symbol's name."""
        return self.symbol.name

    def check(self, value: Any) -> sp.Expr:
        """Return ``value`` as a sympy number after checking it lies in the domain.

        Symbolic values (expressions with free symbols) are accepted unchecked.
        """
        v = to_sympy_number(value, f"parameter {self.name!r}")
        if v.free_symbols:
            return v
        if v.is_real is False:
            raise ValueError(f"parameter {self.name!r} = {v} is not real")
        inside = self.domain.contains(v)
        if inside == sp.false:
            extra = f" ({self.description})" if self.description else ""
            raise ValueError(
                f"parameter {self.name!r} = {v} is outside its domain {self.domain}{extra}"
            )
        return v

    def __repr__(self) -> str:
        default = "" if self.default is None else f" = {self.default}"
        desc = f": {self.description}" if self.description else ""
        unit = f" [{self.unit}]" if self.unit else ""
        return f"Parameter({self.name}{default} in {self.domain}{unit}{desc})"


def as_parameter(item: Any) -> Parameter:
    """A :class:`Parameter` from a ``Parameter`` or a bare sympy ``Symbol`` (no default).

    Examples
    --------
    >>> import sympy as sp
    >>> as_parameter(sp.Symbol("c", positive=True))
    Parameter(c in Interval.open(0, oo))
    """
    if isinstance(item, Parameter):
        return item
    if isinstance(item, sp.Symbol):
        return Parameter(item)
    raise TypeError(f"parameters must be games.Parameter objects or sympy Symbols, got {item!r}")


def resolve_values(
    parameters: Iterable[Parameter],
    values: Mapping[Any, Any],
    *,
    use_defaults: bool = True,
    require_all: bool = False,
) -> dict[sp.Symbol, sp.Expr]:
    """Map symbols to checked values from a mapping keyed by names, symbols or Parameters.

    Parameters
    ----------
    parameters : iterable of Parameter
        The parameters values may refer to.
    values : mapping
        ``{name or symbol or Parameter: value}``.
    use_defaults : bool
        Fill parameters not in ``values`` with their defaults (when they have one).
    require_all : bool
        Raise if some parameter ends up without a value.

    Examples
    --------
    >>> p = [Parameter("a", 1), Parameter("b")]
    >>> resolve_values(p, {"b": 2})
    {a: 1, b: 2}
    >>> resolve_values(p, {"z": 2})
    Traceback (most recent call last):
    ...
    ValueError: unknown parameter 'z'; this model's parameters are: a, b
    """
    params = list(parameters)
    by_name = {p.name: p for p in params}
    out: dict[sp.Symbol, sp.Expr] = {}
    for key, value in values.items():
        name = key.name if isinstance(key, Parameter | sp.Symbol) else key
        if not isinstance(name, str) or name not in by_name:
            known = ", ".join(by_name) or "(none)"
            raise ValueError(f"unknown parameter {name!r}; this model's parameters are: {known}")
        p = by_name[name]
        out[p.symbol] = p.check(value)
    if use_defaults:
        for p in params:
            if p.symbol not in out and p.default is not None:
                out[p.symbol] = p.default
    if require_all:
        missing = [p.name for p in params if p.symbol not in out]
        if missing:
            raise ValueError(
                "no value for parameter(s) "
                + ", ".join(missing)
                + ": pass them as keyword arguments or give them defaults"
            )
    return {p.symbol: out[p.symbol] for p in params if p.symbol in out}
