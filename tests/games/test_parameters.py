"""Parameter: domains, defaults, checks and value resolution."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from games.parameters import Parameter, as_parameter, resolve_values, to_sympy_number


def test_string_symbol_and_tuple_domain():
    p = Parameter("w", 10, (0, None), "income", unit="bn $")
    assert p.symbol == sp.Symbol("w") and p.name == "w"
    assert p.domain == sp.Interval(0, sp.oo)
    assert p.default == 10 and p.unit == "bn $"
    assert "income" in repr(p) and "bn $" in repr(p)


def test_domain_from_assumptions():
    assert Parameter(sp.Symbol("c", positive=True)).domain == sp.Interval.open(0, sp.oo)
    assert Parameter(sp.Symbol("n", integer=True, positive=True)).domain == sp.S.Naturals
    assert Parameter(sp.Symbol("x")).domain == sp.S.Reals


def test_default_outside_domain_is_an_error():
    with pytest.raises(ValueError, match="'a' = 2 is outside its domain"):
        Parameter("a", 2, sp.Interval.open(0, 1))


@pytest.mark.parametrize("value", [0, 1, -3])
def test_open_interval_rejects_its_ends(value):
    a = Parameter("a", None, sp.Interval.open(0, 1))
    with pytest.raises(ValueError, match="outside its domain"):
        a.check(value)


def test_check_converts_numbers_exactly():
    a = Parameter("a", None, sp.Interval.open(0, 1))
    assert a.check(Fraction(1, 3)) == sp.Rational(1, 3)
    assert isinstance(a.check(0.25), sp.Float)
    assert a.check(sp.Symbol("t")) == sp.Symbol("t")  # symbolic values pass unchecked


@pytest.mark.parametrize("bad", ["1/2", True, [1], float("nan"), float("inf")])
def test_bad_values_rejected(bad):
    with pytest.raises((TypeError, ValueError)):
        to_sympy_number(bad, "a")


def test_bad_construction():
    with pytest.raises(ValueError, match="identifier"):
        Parameter("not a name")
    with pytest.raises(TypeError, match="Symbol"):
        Parameter(3)
    with pytest.raises(ValueError, match="lower bound"):
        Parameter("a", None, (2, 1))
    with pytest.raises(TypeError, match="domain"):
        Parameter("a", None, "positive")
    with pytest.raises(TypeError):
        as_parameter("a")


def test_resolve_values_by_name_symbol_and_parameter():
    a, b = Parameter("a", 1), Parameter("b")
    assert resolve_values([a, b], {"b": 2}) == {a.symbol: 1, b.symbol: 2}
    assert resolve_values([a, b], {b.symbol: 3, a: 4}) == {a.symbol: 4, b.symbol: 3}
    assert resolve_values([a, b], {}, use_defaults=False) == {}
    with pytest.raises(ValueError, match="no value for parameter"):
        resolve_values([a, b], {}, require_all=True)
    with pytest.raises(ValueError, match="unknown parameter 'z'"):
        resolve_values([a, b], {"z": 1})
