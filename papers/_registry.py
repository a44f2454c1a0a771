"""Figure specifications and their discovery across the modules of :mod:`papers`.

Examples
--------
>>> from papers._registry import all_figures
>>> names = [spec.name for spec in all_figures()]
>>> "best-response-chicken" in names
True
"""

from __future__ import annotations

import importlib
import math
import pkgutil
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

__all__ = [
    "FigureParameter",
    "FigureSpec",
    "all_demos",
    "all_figures",
    "find_figure",
    "parse_value",
]

_INT = re.compile(r"[+-]?\d+")
_FRACTION = re.compile(r"[+-]?\d+\s*/\s*\d+")
_FLOAT = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def parse_value(text: str) -> int | Fraction | float:
    """A number from the command line: an int, a fraction ``p/q`` or a decimal float.

    Never evaluates the text: only these three forms are accepted.

    Raises
    ------
    ValueError
        Anything else (names, expressions, ``nan``, ``inf``, a zero denominator).

    Examples
    --------
    >>> parse_value("3"), parse_value("13/20"), parse_value("0.65")
    (3, Fraction(13, 20), 0.65)
    >>> parse_value("2**10")
    Traceback (most recent call last):
    ValueError: '2**10' is not a number: write an integer (3), a fraction (13/20) or a ...
    """
    if not isinstance(text, str):
        raise TypeError(f"expected the value as text, got {type(text).__name__}")
    t = text.strip()
    if _INT.fullmatch(t):
        return int(t)
    if _FRACTION.fullmatch(t):
        num, den = (int(x) for x in t.split("/"))
        if den == 0:
            raise ValueError(f"{text!r} has a zero denominator")
        return Fraction(num, den)
    if _FLOAT.fullmatch(t):
        value = float(t)
        if math.isfinite(value):
            return value
    raise ValueError(
        f"{text!r} is not a number: write an integer (3), a fraction (13/20) or a decimal (0.65)"
    )


@dataclass(frozen=True)
class FigureParameter:
    """A parameter a figure can be built with (``python -m papers build NAME --set k=3``).

    Attributes
    ----------
    name : str
    default : number
    low, high : number or None
        Bounds of the domain (``None``: unbounded).
    low_open, high_open : bool
        Whether the bounds are excluded (default: both excluded).
    integer : bool
        Whether the value must be an integer.
    description : str

    Examples
    --------
    >>> alpha = FigureParameter("alpha", Fraction(3, 5), 0, 1, description="weight")
    >>> alpha.describe()
    'alpha = 3/5 in (0, 1): weight'
    >>> alpha.parse("13/20")
    Fraction(13, 20)
    >>> alpha.parse("1")
    Traceback (most recent call last):
    ValueError: alpha = 1 is outside its domain (0, 1)
    """

    name: str
    default: Any
    low: Any = None
    high: Any = None
    low_open: bool = True
    high_open: bool = True
    integer: bool = False
    description: str = ""

    def domain(self) -> str:
        """The domain as an interval, e.g. ``(0, 1)`` or ``[1, inf)``."""
        lo = "-inf" if self.low is None else str(self.low)
        hi = "inf" if self.high is None else str(self.high)
        left = "(" if self.low is None or self.low_open else "["
        right = ")" if self.high is None or self.high_open else "]"
        kind = "integers in " if self.integer else ""
        return f"{kind}{left}{lo}, {hi}{right}"

    def describe(self) -> str:
        """One line: name, default, domain and description."""
        text = f"{self.name} = {self.default} in {self.domain()}"
        return f"{text}: {self.description}" if self.description else text

    def parse(self, text: str) -> int | Fraction | float:
        """The value given as text, parsed (:func:`parse_value`) and checked."""
        try:
            value = parse_value(text)
        except ValueError as err:
            raise ValueError(f"{self.name}: {err}") from None
        return self.check(value)

    def check(self, value: Any) -> Any:
        """``value`` if it lies in the domain, else ``ValueError`` naming the domain."""
        if self.integer and not (isinstance(value, int) or float(value).is_integer()):
            raise ValueError(f"{self.name} = {value} must be an integer in {self.domain()}")
        if self.integer:
            value = int(value)
        below = self.low is not None and (value <= self.low if self.low_open else value < self.low)
        above = self.high is not None and (
            value >= self.high if self.high_open else value > self.high
        )
        if below or above:
            raise ValueError(f"{self.name} = {value} is outside its domain {self.domain()}")
        return value


_SKIP = {"__main__", "readme_images", "registry", "style"}


@dataclass(frozen=True)
class FigureSpec:
    """One figure: how to draw it and how to state what it shows.

    Attributes
    ----------
    name : str
        Unique name, used on the command line and as the file stem.
    build : callable
        ``build() -> matplotlib.figure.Figure``, deterministic.
    summary : callable
        ``summary() -> str``: the figure's equilibria / key points, printed by the CLI.
    description : str
        One line for ``python -m papers list``.
    readme : bool
        Whether the figure is shown in README.md (as ``docs/figures/<name>.png``, written
        by ``python -m papers readme``).
    parameters : tuple of FigureParameter
        What the figure can be built with; ``build`` and ``summary`` then accept them as
        keyword arguments (their defaults give the published figure).
    source : str
        The argument and its citation, written into the file's metadata (default: the
        first line of the docstring of the module that defines ``build``).

    Examples
    --------
    >>> spec = FigureSpec("demo", build=lambda: None, summary=lambda: "x = 1",
    ...                   description="a demonstration")
    >>> spec.summary()
    'x = 1'
    """

    name: str
    build: Callable[[], Any]
    summary: Callable[[], str]
    description: str
    readme: bool = False
    parameters: tuple[FigureParameter, ...] = ()
    source: str = ""

    def citation(self) -> str:
        """Where the figure comes from: the module that defines ``build``, then
        :attr:`source` (else the first line of that module's docstring).

        Examples
        --------
        >>> print(find_figure("tariffs-best-response").citation())
        papers.tariffs: docs/models.md §c.1: Johnson (1953-54) RES 21(2); Kennan & Riezman ...
        >>> FigureSpec("demo", build=find_figure, summary=str, description="").citation()
        'papers._registry: Figure specifications and their discovery...'
        """
        module = importlib.import_module(getattr(self.build, "__module__", "papers"))
        if self.source:
            return f"{module.__name__}: {self.source}"
        first = (module.__doc__ or "").strip().splitlines()
        return f"{module.__name__}: {first[0]}" if first else module.__name__

    def file_metadata(self, values: Mapping[str, Any] | None = None) -> dict[str, str]:
        """Title, description (with the parameter values) and source for
        :func:`papers._style.save`.

        Examples
        --------
        >>> spec = find_figure("best-response-chicken")
        >>> spec.file_metadata()["title"]
        'best-response-chicken'
        """
        shown = ", ".join(f"{k}={v}" for k, v in (values or {}).items())
        description = self.description + (f" [{shown}]" if shown else "")
        return {"title": self.name, "description": description, "source": self.citation()}

    def values(self, settings: Mapping[str, str] | None = None) -> dict[str, Any]:
        """Parameter values: the defaults, overridden by ``settings`` (name -> text).

        Raises
        ------
        ValueError
            An unknown parameter (the message lists the figure's parameters) or a value
            outside its domain.

        Examples
        --------
        >>> spec = FigureSpec("demo", build=lambda k=2: None, summary=lambda k=2: "",
        ...                   description="d", parameters=(FigureParameter("k", 2, 0),))
        >>> spec.values({"k": "3"})
        {'k': 3}
        >>> spec.values({"q": "1"})
        Traceback (most recent call last):
        ValueError: figure 'demo' has no parameter 'q' (parameters: k = 2 in (0, inf))
        """
        declared = {p.name: p for p in self.parameters}
        out = {p.name: p.default for p in self.parameters}
        for name, text in (settings or {}).items():
            if name not in declared:
                known = "; ".join(p.describe() for p in self.parameters) or "none"
                raise ValueError(
                    f"figure {self.name!r} has no parameter {name!r} (parameters: {known})"
                )
            out[name] = declared[name].parse(text)
        return out

    def file_stem(self, settings: Mapping[str, str] | None = None) -> str:
        """The file name (without suffix): the figure's name, plus the values set.

        Examples
        --------
        >>> spec = FigureSpec("fig", build=lambda: None, summary=lambda: "", description="")
        >>> spec.file_stem({"alpha": "13/20", "k": "3"})
        'fig--alpha-13_20--k-3'
        """
        parts = [self.name]
        for name, text in sorted((settings or {}).items()):
            parts.append(f"{name}-{text.strip().replace('/', '_')}")
        return "--".join(parts)


def _modules():
    import papers

    for info in sorted(pkgutil.iter_modules(papers.__path__), key=lambda m: m.name):
        if info.name not in _SKIP and not info.name.startswith("_"):
            yield importlib.import_module(f"papers.{info.name}")


def all_figures() -> list[FigureSpec]:
    """Every figure of every module in :mod:`papers`, in module order.

    Examples
    --------
    >>> "isoquant-fig4" in [spec.name for spec in all_figures()]
    True
    """
    specs: list[FigureSpec] = []
    for module in _modules():
        specs.extend(getattr(module, "FIGURES", ()))
    names = [s.name for s in specs]
    duplicated = sorted({n for n in names if names.count(n) > 1})
    if duplicated:
        raise RuntimeError(f"figure names must be unique; repeated: {duplicated}")
    return specs


def all_demos() -> dict[str, Callable[..., Any]]:
    """Interactive demos by name (``python -m papers demo NAME``).

    Examples
    --------
    >>> "isoquant" in all_demos()
    True
    """
    demos: dict[str, Callable[..., Any]] = {}
    for module in _modules():
        demos.update(getattr(module, "DEMOS", {}))
    return demos


def find_figure(name: str) -> FigureSpec:
    """The figure called ``name``; ``KeyError`` lists the available names.

    Examples
    --------
    >>> find_figure("best-response-chicken").description[:7]
    'Chicken'
    >>> find_figure("nope")
    Traceback (most recent call last):
    KeyError: "no figure named 'nope'; available: ..."
    """
    specs = {s.name: s for s in all_figures()}
    if name not in specs:
        raise KeyError(f"no figure named {name!r}; available: {', '.join(sorted(specs))}")
    return specs[name]
