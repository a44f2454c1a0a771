"""Equilibrium results: what was found, how, and how well it was checked.

One result shape for the whole library. Every equilibrium result -- finite or continuous,
generic or from an applied model -- is an :class:`EquilibriumResult`: it offers
``strategies`` and ``payoffs`` (by player), ``exact``, ``regret`` and ``verified``,
``method``, ``to_dict(numbers=...)``, a readable ``repr`` and ``latex()`` /
``_repr_latex_`` for papers and notebooks. Every collection is an :class:`EquilibriumSet`
(a ``list``) that says ``method``, ``exact``, ``complete``, ``degenerate`` (where it
applies), ``tolerance`` and ``notes``. Models extend the shape (e.g. ``leader_share``)
rather than invent a parallel one.

The finite-game solvers return :class:`Equilibria` of :class:`Equilibrium`: each carries
its own regret, computed independently of the method that found it (see
:mod:`solvers.verify`).

Examples
--------
>>> import numpy as np
>>> from solvers.result import Equilibrium
>>> A = np.array([[3, 0], [5, 1]]); B = A.T   # prisoner's dilemma
>>> eq = Equilibrium.from_profile([A, B], [np.array([0.0, 1.0]), np.array([0.0, 1.0])],
...                               method="example")
>>> eq.supports, eq.payoffs, float(eq.regret)
(((1,), (1,)), (1.0, 1.0), 0.0)
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import sympy as sp

from solvers._numbers import NUMBER_FORMS, algebraic_sign, convert
from solvers._numbers import fmt as _fmt
from solvers.verify import DEFAULT_RTOL, expected_payoffs, regret, tolerance

__all__ = [
    "NUMBER_FORMS",
    "DegenerateGameWarning",
    "Equilibria",
    "Equilibrium",
    "EquilibriumResult",
    "EquilibriumSet",
    "SolutionResult",
    "convert_number",
]


def convert_number(value: Any, numbers: str = "plain") -> Any:
    """A result's number in one of the :data:`NUMBER_FORMS` (what ``to_dict`` uses).

    Examples
    --------
    >>> from fractions import Fraction
    >>> convert_number(Fraction(2, 3)), convert_number(Fraction(2, 3), "sympy")
    (Fraction(2, 3), 2/3)
    """
    _check_numbers(numbers)
    return convert(value, numbers)


def _check_numbers(numbers: str) -> None:
    if numbers not in NUMBER_FORMS:
        raise ValueError(f"numbers must be one of {NUMBER_FORMS}, got {numbers!r}")


def _latex_number(value: Any) -> str:
    if isinstance(value, float | np.floating):
        return f"{float(value):.6g}"
    return sp.latex(convert(value, "sympy"))


#: Characters that cannot sit in ``\text{...}`` for both pdflatex and MathJax, typeset in
#: math between text pieces instead.
_MATH_SYMBOLS = {"^": r"\hat{}", "~": r"\sim", "\\": r"\backslash"}


def _latex_text(name: str) -> str:
    r"""A label inside math: ``\text{...}`` pieces (``&%$#_{}`` escaped) joined by
    ``\hat{}``, ``\sim`` or ``\backslash`` for ``^``, ``~`` and ``\``, valid in pdflatex
    and in MathJax alike."""
    out: list[str] = []
    piece: list[str] = []
    for c in str(name):
        if c in _MATH_SYMBOLS:
            if piece:
                out.append(r"\text{" + "".join(piece) + "}")
                piece = []
            out.append(_MATH_SYMBOLS[c])
        else:
            piece.append("\\" + c if c in "&%$#_{}" else c)
    if piece or not out:
        out.append(r"\text{" + "".join(piece) + "}")
    return "".join(out)


def _escape_text(name: str) -> str:
    """A label for LaTeX text mode (a table's header)."""
    special = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
    return "".join("\\" + c if c in "&%$#_{}" else special.get(c, c) for c in str(name))


def _paper_text(name: str) -> str:
    r"""A label inside math for pdflatex: ``\text{...}`` is text mode, so ``^``, ``~`` and
    ``\`` need the text-mode macros (MathJax, for ``latex()``, needs :func:`_latex_text`)."""
    return r"\text{" + _escape_text(name) + "}"


def _latex_strategy(value: Any, text: Callable[[str], str] = _latex_text) -> str:
    if isinstance(value, dict):
        terms = [
            f"{_latex_number(p)}\\,{text(lab)}" for lab, p in value.items() if not _is_zero(p)
        ]
        return " + ".join(terms) if terms else "0"
    return _latex_number(value)


class EquilibriumResult:
    r"""The core every equilibrium result offers.

    Subclasses (finite :class:`Equilibrium`, the continuous solvers' results, the applied
    models' results) provide the attributes ``strategies``, ``payoffs``, ``exact``,
    ``regret``, ``method`` and :meth:`strategies_by_player` / :meth:`payoffs_by_player`;
    this base adds :attr:`verified`, :meth:`latex` and ``_repr_latex_``.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[3, 0], [5, 1]])
    >>> from solvers import equilibria
    >>> eq = equilibria([A, A.T], exact=True)[0]
    >>> [c.__name__ for c in type(eq).__mro__[:2]], eq.verified
    (['Equilibrium', 'EquilibriumResult'], True)
    >>> print(eq.latex())
    \begin{aligned}\text{player 0} &: 1\,\text{1}\\ \text{player 1} &: 1\,\text{1}...\end{aligned}
    """

    __slots__ = ()

    # Every subclass defines ``strategies``, ``payoffs``, ``exact``, ``regret``, ``method``
    # and ``tolerance`` (fields or properties).

    def strategies_by_player(self) -> dict[str, Any]:
        """Player name to strategy (a number, or {label: probability} for mixtures)."""
        raise NotImplementedError

    def payoffs_by_player(self) -> dict[str, Any] | None:
        """Player name to payoff at the equilibrium (``None`` when not computed)."""
        raise NotImplementedError

    @property
    def verified(self) -> bool:
        """Whether the regret is zero (exact) or within the stated tolerance (float)."""
        r: Any = getattr(self, "regret", None)
        if r is None:
            return False
        if getattr(self, "exact", False):
            values = r.values() if isinstance(r, dict) else np.ravel(np.asarray(r, dtype=object))
            return all(sp.sympify(convert(v, "sympy")).is_zero for v in values)
        tol: Any = getattr(self, "tolerance", None)
        if tol is None:
            return False
        if isinstance(r, dict):
            tols = tol if isinstance(tol, dict) else dict.fromkeys(r, tol)
            return all(float(r[k]) <= float(tols[k]) for k in r)
        return bool(np.all(np.asarray(r, dtype=float) <= np.asarray(tol, dtype=float)))

    def latex(self) -> str:
        """The equilibrium as a LaTeX ``aligned`` block: one line per player, then payoffs."""
        rows = [
            f"{_latex_text(name)} &: {_latex_strategy(s)}"
            for name, s in self.strategies_by_player().items()
        ]
        pays = self.payoffs_by_player()
        if pays is not None:
            body = ", ".join(_latex_number(v) for v in pays.values())
            rows.append(r"\text{payoffs} &: \left(" + body + r"\right)")
        return r"\begin{aligned}" + r"\\ ".join(rows) + r"\end{aligned}"

    def _repr_latex_(self) -> str:
        return "$" + self.latex() + "$"

    def _html_rows(self) -> list[str]:
        cells = [_html_strategy(s) for s in self.strategies_by_player().values()]
        pays = self.payoffs_by_player()
        cells.append("" if pays is None else ", ".join(_fmt(v) for v in pays.values()))
        return cells

    def _repr_html_(self) -> str:
        """The equilibrium as an HTML table for notebooks: one row per player."""
        rows = "".join(
            f"<tr><th>{html.escape(str(name))}</th><td>{_html_strategy(s)}</td></tr>"
            for name, s in self.strategies_by_player().items()
        )
        pays = self.payoffs_by_player()
        if pays is not None:
            body = html.escape(", ".join(_fmt(v) for v in pays.values()))
            rows += f"<tr><th>payoffs</th><td>({body})</td></tr>"
        return f"<table>{rows}</table>"


def _html_strategy(value: Any) -> str:
    if isinstance(value, dict):
        support = [(lab, p) for lab, p in value.items() if not _is_zero(p)]
        if len(support) == 1:  # a pure strategy: its label
            return html.escape(str(support[0][0]))
        terms = [f"{_fmt(p)}\u00b7{lab}" for lab, p in support]
        return html.escape(" + ".join(terms) if terms else "0")
    return html.escape(_fmt(value))


class EquilibriumSet(list):
    """A list of :class:`EquilibriumResult` that says how it was computed.

    Attributes
    ----------
    method : str
        Algorithm used.
    exact : bool
        Whether arithmetic was exact.
    complete : bool
        Whether the method guarantees that every (extreme) equilibrium is listed.
    degenerate : bool or None
        Whether the game was detected to be degenerate (``None``: not examined or does
        not apply).
    tolerance : float or None
        Relative regret tolerance float equilibria were checked against.
    notes : tuple of str
        Warnings and caveats in words.

    Examples
    --------
    >>> import numpy as np
    >>> from solvers import equilibria
    >>> eqs = equilibria([np.array([[3, 0], [0, 2]]), np.array([[2, 0], [0, 3]])])
    >>> type(eqs).__mro__[1].__name__, eqs.complete, len(eqs.to_dict()["equilibria"])
    ('EquilibriumSet', True, 3)
    """

    def __init__(
        self,
        items: Iterable[Any] = (),
        *,
        method: str,
        exact: bool = False,
        complete: bool = True,
        degenerate: bool | None = None,
        tolerance: float | None = None,
        notes: Sequence[str] = (),
    ) -> None:
        super().__init__(items)
        self.method = method
        self.exact = exact
        self.complete = complete
        self.degenerate = degenerate
        self.tolerance = tolerance
        self.notes = tuple(notes)

    def to_dict(self, numbers: str = "plain") -> dict[str, Any]:
        """Plain-Python form: how it was computed and each equilibrium's ``to_dict``."""
        _check_numbers(numbers)
        return {
            "method": self.method,
            "exact": self.exact,
            "complete": self.complete,
            "degenerate": self.degenerate,
            "tolerance": self.tolerance,
            "notes": list(self.notes),
            "equilibria": [eq.to_dict(numbers=numbers) for eq in self],
        }

    def latex(self) -> str:
        """Each equilibrium's :meth:`EquilibriumResult.latex`, numbered."""
        rows = [f"&\\text{{({k})}}\\; {eq.latex()}" for k, eq in enumerate(self, 1)]
        return r"\begin{aligned}" + r"\\ ".join(rows) + r"\end{aligned}"

    def to_latex(self, booktabs: bool = True) -> str:
        r"""The equilibria as a LaTeX ``tabular`` for a paper: one row per equilibrium,
        one column per player (its strategy, in math mode) and one for the payoffs. An
        incomplete set (``complete=False``) ends with a row saying so.

        Parameters
        ----------
        booktabs : bool, default True
            ``\toprule``/``\midrule``/``\bottomrule`` (the ``booktabs`` package), else
            ``\hline``.

        Examples
        --------
        >>> import numpy as np
        >>> from solvers import equilibria
        >>> eqs = equilibria([np.array([[3, 2], [4, 0]]), np.array([[3, 4], [2, 0]])])
        >>> print(eqs.to_latex().splitlines()[2])
         & player 0 & player 1 & payoffs \\
        """
        top, mid, bottom = (
            (r"\toprule", r"\midrule", r"\bottomrule")
            if booktabs
            else (r"\hline", r"\hline", r"\hline")
        )
        names = list(self[0].strategies_by_player()) if len(self) else []
        lines = [r"\begin{tabular}{r" + "l" * (len(names) + 1) + "}", top]
        lines.append(" & " + " & ".join([*(_escape_text(n) for n in names), "payoffs"]) + r" \\")
        lines.append(mid)
        for k, eq in enumerate(self, 1):
            cells = [
                f"${_latex_strategy(v, _paper_text)}$" for v in eq.strategies_by_player().values()
            ]
            pays = eq.payoffs_by_player()
            body = "" if pays is None else ", ".join(_latex_number(v) for v in pays.values())
            cells.append(r"$\left(" + body + r"\right)$" if pays is not None else "")
            lines.append(f"{k} & " + " & ".join(cells) + r" \\")
        if not len(self):
            lines.append(r"\multicolumn{2}{l}{no equilibrium} \\")
        if not self.complete:  # never let a partial list pass for the full one
            lines.append(
                f"\\multicolumn{{{len(names) + 2}}}{{l}}{{\\footnotesize not necessarily all "
                f"equilibria ({_escape_text(self.method)})}} \\\\"
            )
        lines += [bottom, r"\end{tabular}"]
        return "\n".join(lines)

    def _repr_latex_(self) -> str:
        return "$" + self.latex() + "$"

    def _repr_html_(self) -> str:
        """The set as an HTML table for notebooks: one row per equilibrium, and how it
        was computed (a partial list says so).

        Examples
        --------
        >>> import numpy as np
        >>> from solvers import equilibria
        >>> eqs = equilibria([np.array([[3, 0], [0, 2]]), np.array([[2, 0], [0, 3]])], exact=True)
        >>> print(eqs._repr_html_()[:59])
        <table><caption>3 equilibria, vertex_enumeration, complete<
        >>> "<td>3/5\u00b70 + 2/5\u00b71</td>" in eqs._repr_html_()
        True
        """
        head = ""
        rows = []
        for k, eq in enumerate(self, 1):
            if not head:
                names = list(eq.strategies_by_player())
                head = "".join(f"<th>{html.escape(str(n))}</th>" for n in names)
            cells = "".join(f"<td>{c}</td>" for c in eq._html_rows())
            rows.append(f"<tr><td>{k}</td>{cells}</tr>")
        status = "complete" if self.complete else "not necessarily all equilibria"
        caption = html.escape(f"{len(self)} equilibria, {self.method}, {status}")
        header = f"<tr><th></th>{head}<th>payoffs</th></tr>" if head else ""
        return f"<table><caption>{caption}</caption>{header}{''.join(rows)}</table>"


class DegenerateGameWarning(UserWarning):
    """The game is degenerate: equilibria may form connected sets (all extreme points are
    still listed by vertex enumeration).

    Examples
    --------
    >>> import warnings
    >>> import numpy as np
    >>> from solvers.finite._vertex import vertex_enumeration
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     eqs = vertex_enumeration(np.zeros((2, 2)), np.zeros((2, 2)))
    >>> caught[0].category.__name__, len(eqs)
    ('DegenerateGameWarning', 4)
    """


def _is_zero(value: Any) -> bool:
    """True when a probability is exactly zero (exact) or not positive (float)."""
    if isinstance(value, float | np.floating):
        return not value > 0.0
    decided = algebraic_sign(value)  # polynomial in one algebraic number: fast, exact
    if decided is not None:
        return decided == 0
    is_zero = getattr(value, "is_zero", None)  # sympy
    if is_zero is not None:
        return bool(is_zero)
    return value == 0


@dataclass(frozen=True, eq=False)
class Equilibrium(EquilibriumResult):
    """One Nash equilibrium: a mixed strategy per player and how it was checked.

    Parameters
    ----------
    strategies : tuple of numpy.ndarray
        One probability vector per player (``float64``; ``object`` arrays of
        ``Fraction`` or sympy expressions when exact or symbolic).
    payoffs : tuple
        Expected payoff of each player at the profile.
    regret : float, Fraction or sympy expression
        Largest gain any player could get by deviating to a pure strategy; zero for an
        exact equilibrium.
    method : str
        Name of the algorithm that found it.
    exact : bool
        Whether strategies, payoffs and regret are exact (rational or symbolic).
    players, strategy_labels : tuple of str, optional
        Labels used by ``repr`` and :meth:`to_dict`.
    tolerance : float or None
        Float results: the absolute regret bound the profile was checked against (the
        largest player's ``rtol`` times payoff scale, :func:`solvers.verify.tolerance`);
        ``None`` when exact.

    Examples
    --------
    >>> import numpy as np
    >>> from fractions import Fraction as F
    >>> A = np.array([[F(1), F(-1)], [F(-1), F(1)]], dtype=object)   # matching pennies
    >>> half = np.array([F(1, 2), F(1, 2)], dtype=object)
    >>> eq = Equilibrium.from_profile([A, -A], [half, half], method="by hand", exact=True)
    >>> eq.with_labels(("Row", "Col"), (("H", "T"), ("H", "T")))
    Equilibrium(Row: {H: 1/2, T: 1/2}; Col: {H: 1/2, T: 1/2} | payoffs=(0, 0) | exact | by hand)
    >>> eq.to_dict()["regret"]
    Fraction(0, 1)
    """

    strategies: tuple[np.ndarray, ...]
    payoffs: tuple[Any, ...]
    regret: Any
    method: str
    exact: bool = False
    players: tuple[str, ...] | None = None
    strategy_labels: tuple[tuple[str, ...], ...] | None = None
    tolerance: float | None = None
    supports: tuple[tuple[int, ...], ...] = field(init=False)

    def __post_init__(self) -> None:
        supports = tuple(
            tuple(int(k) for k, p in enumerate(s) if not _is_zero(p)) for s in self.strategies
        )
        object.__setattr__(self, "supports", supports)

    @classmethod
    def from_profile(
        cls,
        payoffs: Sequence[np.ndarray],
        strategies: Sequence[np.ndarray],
        method: str,
        exact: bool = False,
        players: Sequence[str] | None = None,
        strategy_labels: Sequence[Sequence[str]] | None = None,
        rtol: float = DEFAULT_RTOL,
    ) -> Equilibrium:
        """Build an equilibrium from a profile, computing payoffs and regret afresh (and,
        for floats, the tolerance ``rtol`` gives, :func:`solvers.verify.tolerance`)."""
        strategies = tuple(np.asarray(s) for s in strategies)
        pure_values = expected_payoffs(payoffs, strategies)
        values = tuple(_dot(v, s) for v, s in zip(pure_values, strategies, strict=True))
        player_regret = regret(payoffs, strategies)
        worst = max(player_regret) if exact else float(np.max(player_regret))
        return cls(
            strategies=strategies,
            payoffs=values if exact else tuple(float(v) for v in values),
            regret=worst,
            method=method,
            exact=exact,
            players=tuple(players) if players is not None else None,
            strategy_labels=(
                tuple(tuple(s) for s in strategy_labels) if strategy_labels is not None else None
            ),
            tolerance=None if exact else float(np.max(tolerance(payoffs, rtol))),
        )

    def with_labels(
        self, players: Sequence[str], strategy_labels: Sequence[Sequence[str]]
    ) -> Equilibrium:
        """A copy carrying player and strategy labels."""
        return Equilibrium(
            strategies=self.strategies,
            payoffs=self.payoffs,
            regret=self.regret,
            method=self.method,
            exact=self.exact,
            players=tuple(players),
            strategy_labels=tuple(tuple(s) for s in strategy_labels),
            tolerance=self.tolerance,
        )

    def _player_names(self) -> tuple[str, ...]:
        if self.players is not None:
            return self.players
        return tuple(f"player {i}" for i in range(len(self.strategies)))

    def _labels(self, i: int) -> tuple[str, ...]:
        if self.strategy_labels is not None:
            return self.strategy_labels[i]
        return tuple(str(k) for k in range(len(self.strategies[i])))

    def strategies_by_player(self) -> dict[str, dict[str, Any]]:
        """Player name to {strategy label: probability}."""
        return {
            name: dict(zip(self._labels(i), self.strategies[i], strict=True))
            for i, name in enumerate(self._player_names())
        }

    def payoffs_by_player(self) -> dict[str, Any]:
        """Player name to expected payoff."""
        return dict(zip(self._player_names(), self.payoffs, strict=True))

    def to_dict(self, numbers: str = "plain") -> dict[str, Any]:
        """Plain-Python form: players to {strategy label: probability}, payoffs, regret.

        Parameters
        ----------
        numbers : {"plain", "sympy", "str", "float"}
            ``"plain"`` (default): exact rationals as ``Fraction``, other exact numbers as
            strings, floats as floats; ``"sympy"``: every number a sympy number (one type
            for rational and algebraic values); ``"str"``; ``"float"``.
        """
        _check_numbers(numbers)
        names = self._player_names()
        return {
            "strategies": {
                name: {lab: convert(p, numbers) for lab, p in s.items()}
                for name, s in self.strategies_by_player().items()
            },
            "payoffs": {
                name: convert(v, numbers) for name, v in zip(names, self.payoffs, strict=True)
            },
            "supports": {
                name: [self._labels(i)[k] for k in self.supports[i]]
                for i, name in enumerate(names)
            },
            "regret": convert(self.regret, numbers),
            "exact": self.exact,
            "verified": self.verified,
            "tolerance": self.tolerance,
            "method": self.method,
        }

    def __repr__(self) -> str:
        names = self._player_names()
        parts = []
        for i, name in enumerate(names):
            labs = self._labels(i)
            probs = ", ".join(
                f"{labs[k]}: {_fmt(self.strategies[i][k])}" for k in self.supports[i]
            )
            parts.append(f"{name}: {{{probs}}}")
        pay = ", ".join(_fmt(v) for v in self.payoffs)
        kind = "exact" if self.exact else f"regret={_fmt(self.regret)}"
        return f"Equilibrium({'; '.join(parts)} | payoffs=({pay}) | {kind} | {self.method})"


def _dot(values: np.ndarray, strategy: np.ndarray) -> Any:
    total = values[0] * strategy[0]
    for v, s in zip(values[1:], strategy[1:], strict=True):
        total = total + v * s
    return total


class Equilibria(EquilibriumSet):
    """An :class:`EquilibriumSet` of finite-game :class:`Equilibrium` objects.

    Attributes
    ----------
    method : str
        Algorithm used.
    exact : bool
        Whether arithmetic was exact.
    degenerate : bool or None
        Whether the game was detected to be degenerate (``None``: not examined).
    complete : bool
        Whether the method guarantees that every extreme equilibrium is in the list.
    tolerance : float or None
        Relative regret tolerance each float equilibrium was checked against.
    notes : tuple of str
        Warnings and caveats (degeneracy, incompleteness) in words.

    Examples
    --------
    >>> import numpy as np
    >>> from solvers.finite import vertex_enumeration
    >>> eqs = vertex_enumeration(np.array([[3, 0], [5, 1]]), np.array([[3, 5], [0, 1]]))
    >>> len(eqs), eqs.method, eqs.degenerate, eqs.complete
    (1, 'vertex_enumeration', False, True)
    """

    def __init__(
        self,
        equilibria: Iterable[Equilibrium] = (),
        *,
        method: str,
        exact: bool = False,
        degenerate: bool | None = None,
        complete: bool = True,
        tolerance: float | None = None,
        notes: Sequence[str] = (),
    ) -> None:
        super().__init__(
            equilibria,
            method=method,
            exact=exact,
            complete=complete,
            degenerate=degenerate,
            tolerance=tolerance,
            notes=notes,
        )

    @property
    def components(self) -> tuple[Any, ...]:
        """The components of the equilibrium set (:class:`solvers.finite.EquilibriumComponent`).

        Set by the method that found the equilibria when it knows them (e.g. a
        positive-dimensional support system of an n-player game); otherwise computed from
        the list by :func:`solvers.finite.equilibrium_components`: for two players the
        maximal cliques of interchangeable extreme equilibria (the convex pieces) and their
        connected unions, exact when the list holds every extreme equilibrium (vertex
        enumeration, the default); for more players one component per equilibrium
        (dimension 0 when the list is complete, else unknown).

        Examples
        --------
        >>> import warnings
        >>> import numpy as np
        >>> from solvers import equilibria
        >>> A = np.array([[0, 0], [-1, 1]]); B = np.array([[2, 2], [-1, 1]])   # entry game
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")           # degenerate game: warns
        ...     eqs = equilibria([A, B], exact=True)
        >>> [(c.dimension, c.supports) for c in eqs.components]
        [(0, ((1,), (1,))), (1, ((0,), (0, 1)))]
        """
        found = getattr(self, "_components", None)
        if found is not None:
            return tuple(found)
        from solvers.finite import equilibrium_components

        return equilibrium_components(self)

    @components.setter
    def components(self, value: Iterable[Any]) -> None:
        self._components = tuple(value)

    def __repr__(self) -> str:
        head = (
            f"Equilibria({len(self)} found by {self.method}; exact={self.exact}, "
            f"degenerate={self.degenerate}, complete={self.complete})"
        )
        body = "".join(f"\n  {eq!r}" for eq in self)
        notes = "".join(f"\n  note: {n}" for n in self.notes)
        return head + body + notes


class SolutionResult:
    r"""The core of a result that is a solution concept rather than an equilibrium.

    Bargaining solutions (:class:`solvers.bargaining.BargainingSolution`) and cooperative
    allocations (:class:`solvers.coalitional.Allocation`) say who gets what, not which
    strategy each player plays, so they share the payoff half of
    :class:`EquilibriumResult`: ``payoffs_by_player()``, ``exact``, ``method``,
    ``notes``, ``to_dict(numbers=...)`` and ``latex()`` / ``_repr_latex_``.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from solvers.coalitional import Allocation
    >>> a = Allocation((Fraction(2, 3), Fraction(1, 3)), ("A", "B"), "shapley", True)
    >>> isinstance(a, SolutionResult), a.payoffs_by_player()
    (True, {'A': Fraction(2, 3), 'B': Fraction(1, 3)})
    >>> print(a.latex())
    \begin{aligned}\text{A} &: \frac{2}{3}\\ \text{B} &: \frac{1}{3}\end{aligned}
    """

    __slots__ = ()

    def payoffs_by_player(self) -> dict[str, Any]:
        """Player name to payoff (or value, or power)."""
        raise NotImplementedError

    def latex(self) -> str:
        """The payoffs as a LaTeX ``aligned`` block, one line per player."""
        rows = [
            f"{_latex_text(name)} &: {_latex_number(v)}"
            for name, v in self.payoffs_by_player().items()
        ]
        return r"\begin{aligned}" + r"\\ ".join(rows) + r"\end{aligned}"

    def _repr_latex_(self) -> str:
        return "$" + self.latex() + "$"
