r"""Paper-ready payoff tables of a :class:`~games.normal_form._game.NormalFormGame`.

:func:`game_latex` writes a LaTeX ``tabular`` (optionally booktabs-style): player 1's
strategies label the rows, player 2's the columns, and each cell holds every player's
payoff ``u_1, u_2, ...`` in math mode. Exact payoffs are typeset as fractions (``\frac``,
``\tfrac`` or ``\dfrac``), symbolic payoffs by :func:`sympy.latex`, and player and
strategy labels are escaped, so any label is safe to paste. A game with more players gets
one table per profile of the other players' strategies, headed by that profile.

:func:`game_array_latex` is the same table as a math-mode ``array`` (what Jupyter's
MathJax can render, used by ``_repr_latex_``) and :func:`game_html` an HTML table
(``_repr_html_``).
"""

from __future__ import annotations

import html
import itertools
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

if TYPE_CHECKING:
    from games.normal_form._game import NormalFormGame

__all__ = ["FRACTIONS", "game_array_latex", "game_html", "game_latex", "latex_payoff"]

#: Fraction macros :func:`game_latex` accepts (``\tfrac``/``\dfrac`` need amsmath).
FRACTIONS = ("frac", "tfrac", "dfrac")

_TEXT_ESCAPES = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def escape_text(label: str) -> str:
    """A label for LaTeX text mode: the ten special characters escaped."""
    return "".join(_TEXT_ESCAPES.get(c, c) for c in label)


def _math_text(label: str) -> str:
    r"""A label inside math mode, as ``\text{...}`` (MathJax understands the escapes used)."""
    swap = {"\\": "\u29f5", "~": "\u223c", "^": "\u02c6"}  # no text-mode macros in MathJax
    escaped = "".join("\\" + c if c in "&%$#_{}" else swap.get(c, c) for c in label)
    return r"\text{" + escaped + "}"


def latex_payoff(value: Any, frac: str = "frac", digits: int = 6) -> str:
    r"""One payoff in LaTeX math: a Fraction as ``\frac{p}{q}``, a float with ``digits``
    significant digits (``\times 10^{k}`` for large or small ones), a sympy expression by
    :func:`sympy.latex`.

    Examples
    --------
    >>> from fractions import Fraction
    >>> latex_payoff(Fraction(-2, 3)), latex_payoff(Fraction(4)), latex_payoff(2.5e-7)
    ('-\\frac{2}{3}', '4', '2.5 \\times 10^{-7}')
    >>> import sympy as sp
    >>> latex_payoff(sp.Symbol("b") - sp.Symbol("c") / 2, frac="tfrac")
    'b - \\tfrac{c}{2}'
    """
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        sign = "-" if value < 0 else ""
        return f"{sign}\\{frac}{{{abs(value.numerator)}}}{{{value.denominator}}}"
    if isinstance(value, float | np.floating):
        text = f"{float(value):.{digits}g}"
        if "e" in text:
            mantissa, exponent = text.split("e")
            text = f"{mantissa} \\times 10^{{{int(exponent)}}}"
        return text
    if isinstance(value, int | np.integer):
        return str(int(value))
    out = sp.latex(value)
    if frac != "frac":
        out = out.replace(r"\frac{", f"\\{frac}{{")
    return out


def _check(frac: str, digits: int) -> None:
    if frac not in FRACTIONS:
        raise ValueError(f"frac must be one of {FRACTIONS}, got {frac!r}")
    if isinstance(digits, bool) or not isinstance(digits, int) or digits < 1:
        raise ValueError(f"digits must be a positive integer, got {digits!r}")


def _slices(game: NormalFormGame) -> list[tuple[tuple[int, ...], str]]:
    """Profiles of players 3, 4, ... and their caption (empty for two players)."""
    out = []
    for rest in itertools.product(*(range(m) for m in game.shape[2:])):
        caption = ", ".join(
            f"{game.players[2 + k]}: {game.strategies[2 + k][s]}" for k, s in enumerate(rest)
        )
        out.append((rest, caption))
    return out


def _cell(game: NormalFormGame, index: tuple[int, ...], frac: str, digits: int) -> str:
    return ", ".join(latex_payoff(u[index], frac, digits) for u in game.payoffs)


def game_latex(
    game: NormalFormGame,
    *,
    booktabs: bool = True,
    frac: str = "frac",
    digits: int = 6,
    caption: str | None = None,
    label: str | None = None,
) -> str:
    """The payoff table as LaTeX ``tabular`` (see :meth:`NormalFormGame.latex`)."""
    _check(frac, digits)
    if label is not None and (
        not isinstance(label, str) or not label or set(label) & set("\\{}%#$&~^")
    ):
        raise ValueError(
            f"label must be a LaTeX label such as 'tab:chicken' (no \\ {{ }} % # $ & ~ ^), "
            f"got {label!r}"
        )
    cols = game.shape[1]
    top, mid, bottom = (
        (r"\toprule", r"\midrule", r"\bottomrule")
        if booktabs
        else (r"\hline", r"\hline", r"\hline")
    )
    rule = r"\cmidrule(lr)" if booktabs else r"\cline"
    tables = []
    for rest, fixed in _slices(game):
        lines = [r"\begin{tabular}{ll" + "c" * cols + "}", top]
        if fixed:
            lines.append(f"\\multicolumn{{{cols + 2}}}{{c}}{{{escape_text(fixed)}}} \\\\")
            lines.append(mid)
        lines.append(f" & & \\multicolumn{{{cols}}}{{c}}{{{escape_text(game.players[1])}}} \\\\")
        lines.append(f"{rule}{{3-{cols + 2}}}")
        lines.append(" & & " + " & ".join(escape_text(s) for s in game.strategies[1]) + r" \\")
        lines.append(mid)
        for r, row_label in enumerate(game.strategies[0]):
            lead = escape_text(game.players[0]) if r == 0 else ""
            cells = " & ".join(
                f"${_cell(game, (r, c, *rest), frac, digits)}$" for c in range(cols)
            )
            lines.append(f"{lead} & {escape_text(row_label)} & {cells} \\\\")
        lines.append(bottom)
        lines.append(r"\end{tabular}")
        tables.append("\n".join(lines))
    body = "\n\\quad\n".join(tables)
    if caption is None and label is None:
        return body
    wrapped = [r"\begin{table}", r"\centering", body]
    if caption is not None:
        wrapped.append(f"\\caption{{{escape_text(caption)}}}")
    if label is not None:
        wrapped.append(f"\\label{{{label}}}")
    wrapped.append(r"\end{table}")
    return "\n".join(wrapped)


def game_array_latex(game: NormalFormGame, *, frac: str = "frac", digits: int = 6) -> str:
    """The payoff table as a math-mode ``array`` (renders in MathJax, unlike ``tabular``)."""
    _check(frac, digits)
    cols = game.shape[1]
    arrays = []
    for rest, fixed in _slices(game):
        rows = []
        if fixed:
            rows.append(f"\\multicolumn{{{cols + 2}}}{{c}}{{{_math_text(fixed)}}}")
        rows.append(f" & & \\multicolumn{{{cols}}}{{c}}{{{_math_text(game.players[1])}}}")
        rows.append(" & & " + " & ".join(_math_text(s) for s in game.strategies[1]))
        for r, row_label in enumerate(game.strategies[0]):
            lead = _math_text(game.players[0]) if r == 0 else ""
            cells = " & ".join(_cell(game, (r, c, *rest), frac, digits) for c in range(cols))
            rows.append(f"{lead} & {_math_text(row_label)} & {cells}")
        head = len(rows) - game.shape[0]
        text = r"\\ ".join(rows[:head]) + r"\\ \hline " + r"\\ ".join(rows[head:])
        arrays.append(r"\begin{array}{ll|" + "c" * cols + "}" + text + r"\end{array}")
    return r"\quad ".join(arrays)


def game_html(game: NormalFormGame, *, digits: int = 6) -> str:
    """The payoff table as HTML (one ``<table>`` per profile of players 3, 4, ...)."""

    def number(v: Any) -> str:
        if isinstance(v, float | np.floating):
            return f"{float(v):.{digits}g}"
        return str(v)

    e = html.escape
    cols = game.shape[1]
    out = []
    for rest, fixed in _slices(game):
        rows = []
        if fixed:
            rows.append(f'<tr><th colspan="{cols + 2}">{e(fixed)}</th></tr>')
        rows.append(f'<tr><th></th><th></th><th colspan="{cols}">{e(game.players[1])}</th></tr>')
        rows.append(
            "<tr><th></th><th></th>"
            + "".join(f"<th>{e(s)}</th>" for s in game.strategies[1])
            + "</tr>"
        )
        for r, row_label in enumerate(game.strategies[0]):
            lead = f"<th>{e(game.players[0])}</th>" if r == 0 else "<th></th>"
            cells = "".join(
                "<td>" + e(", ".join(number(u[(r, c, *rest)]) for u in game.payoffs)) + "</td>"
                for c in range(cols)
            )
            rows.append(f"<tr>{lead}<th>{e(row_label)}</th>{cells}</tr>")
        out.append("<table>" + "".join(rows) + "</table>")
    title = f"<p><b>{e(game.name)}</b></p>" if game.name else ""
    return title + "".join(out)
