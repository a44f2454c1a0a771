"""NormalFormGame.latex()/to_latex(), _repr_latex_ and _repr_html_: paper-ready payoff tables."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from games import NormalFormGame
from games.normal_form._latex import escape_text

PD = [[[3, 0], [5, 1]], [[3, 5], [0, 1]]]  # prisoner's dilemma (Rapoport & Chammah 1965)


def test_two_player_booktabs_table_exactly() -> None:
    g = NormalFormGame(PD, players=("Row", "Col"), strategies=(("C", "D"), ("C", "D")))
    assert g.latex() == "\n".join(
        [
            r"\begin{tabular}{llcc}",
            r"\toprule",
            r" & & \multicolumn{2}{c}{Col} \\",
            r"\cmidrule(lr){3-4}",
            r" & & C & D \\",
            r"\midrule",
            r"Row & C & $3, 3$ & $0, 5$ \\",
            r" & D & $5, 0$ & $1, 1$ \\",
            r"\bottomrule",
            r"\end{tabular}",
        ]
    )
    assert g.to_latex() == g.latex()


def test_plain_rules_without_booktabs() -> None:
    tex = NormalFormGame(PD).latex(booktabs=False)
    assert r"\toprule" not in tex and r"\cmidrule" not in tex
    assert tex.count(r"\hline") == 3 and r"\cline{3-4}" in tex


@pytest.mark.parametrize(
    ("frac", "cell"),
    [("frac", r"-\frac{1}{2}"), ("tfrac", r"-\tfrac{1}{2}"), ("dfrac", r"-\dfrac{1}{2}")],
)
def test_exact_fractions(frac: str, cell: str) -> None:
    g = NormalFormGame([[[Fraction(-1, 2), 1]], [[Fraction(7, 3), 0]]])
    assert f"${cell}, \\{frac}{{7}}{{3}}$" in g.latex(frac=frac)


def test_symbolic_payoffs_are_typeset_by_sympy() -> None:
    b, c = sp.symbols("b c", positive=True)
    chicken = NormalFormGame([[[b - c / 2, b - c], [b, 0]], [[b - c / 2, b], [b - c, 0]]])
    tex = chicken.latex(frac="tfrac")
    assert f"${sp.latex(b - c / 2).replace(chr(92) + 'frac', chr(92) + 'tfrac')}, " in tex
    assert f"${sp.latex(b - c)}, {sp.latex(b)}$" in tex
    alpha = sp.Symbol("alpha")
    assert r"\alpha^{2}" in NormalFormGame([[[alpha**2]], [[0]]]).latex()


def test_floats_use_significant_digits() -> None:
    g = NormalFormGame([[[1 / 3, 2.5e-7]], [[1e12, -0.5]]])
    tex = g.latex(digits=3)
    assert r"$0.333, 1 \times 10^{12}$" in tex and r"$2.5 \times 10^{-7}, -0.5$" in tex


def test_labels_are_escaped() -> None:
    g = NormalFormGame(
        PD, players=("R&D_1", "50% #2"), strategies=(("{a}", "x~y"), ("a^b", "c\\d"))
    )
    tex = g.latex()
    for escaped in [
        r"R\&D\_1",
        r"50\% \#2",
        r"\{a\}",
        r"x\textasciitilde{}y",
        r"a\textasciicircum{}b",
        r"c\textbackslash{}d",
    ]:
        assert escaped in tex


def test_three_players_one_table_per_profile_of_the_others() -> None:
    u = [[[[k, k + 1], [k + 2, k + 3]], [[k + 4, k + 5], [k + 6, k + 7]]] for k in range(3)]
    g = NormalFormGame(u, players=("A", "B", "C"), strategies=(("a", "b"), ("l", "r"), ("x", "y")))
    tex = g.latex()
    assert tex.count(r"\begin{tabular}") == 2
    assert r"\multicolumn{4}{c}{C: x}" in tex and r"\multicolumn{4}{c}{C: y}" in tex
    # payoff (a, l, y) of each player: u_k[0][0][1] = k + 1
    assert r"A & a & $1, 2, 3$" in tex


def test_caption_and_label_wrap_a_table() -> None:
    tex = NormalFormGame(PD).latex(caption="Prisoner's dilemma, 100%", label="tab:pd")
    assert tex.startswith(r"\begin{table}") and tex.endswith(r"\end{table}")
    assert r"\caption{Prisoner's dilemma, 100\%}" in tex and r"\label{tab:pd}" in tex


def test_bad_options_name_the_argument() -> None:
    with pytest.raises(ValueError, match="frac must be one of"):
        NormalFormGame(PD).latex(frac="over")
    with pytest.raises(ValueError, match="digits"):
        NormalFormGame(PD).latex(digits=0)


def test_notebook_reprs() -> None:
    g = NormalFormGame(PD, players=("<US>", "Ally"))
    tex = g._repr_latex_()
    assert tex.startswith("$$") and tex.endswith("$$")
    assert r"\begin{array}" in tex and "tabular" not in tex and r"\text{<US>}" in tex
    html = g._repr_html_()
    assert "&lt;US&gt;" in html and "<td>3, 3</td>" in html


def test_table_and_equilibria_compose_in_one_document() -> None:
    """The table (text mode) and an equilibrium's latex() (math mode) name players the
    same way, so they can sit together in one paper."""
    g = NormalFormGame(
        [[[3, 2], [4, 0]], [[3, 4], [2, 0]]],
        players=("US_1", "Ally"),
        strategies=(("Pay", "Shirk"), ("Pay", "Shirk")),
    )
    eqs = g.equilibria()
    doc = g.latex() + "\n\\[" + eqs.latex() + "\\]"
    assert r"US\_1 & Pay" in doc and r"\text{US\_1}" in doc
    mixed = [eq for eq in eqs if len(eq.supports[0]) == 2]
    # the mixed equilibrium of this chicken game: each pays with probability 2/3
    assert len(mixed) == 1 and r"\frac{2}{3}\,\text{Pay}" in mixed[0].latex()
    assert doc.count("{") == doc.count("}")


_SPECIAL = re.compile(
    r"\\textbackslash\{\}|\\textasciitilde\{\}|\\textasciicircum\{\}|\\[&%$#_{}]"
)


@given(st.text(min_size=1, max_size=20))
def test_escaped_labels_leave_no_special_character(label: str) -> None:
    rest = _SPECIAL.sub("", escape_text(label))
    assert not set(rest) & set("\\&%$#_{}~^")


def test_equilibrium_set_to_latex_is_a_table_of_the_equilibria() -> None:
    """Chicken (burden sharing of an indivisible task): two pure equilibria and the mixed
    one with P(Pay) = 2/3 and payoff 8/3 each."""
    g = NormalFormGame(
        [[[3, 2], [4, 0]], [[3, 4], [2, 0]]],
        players=("US", "Ally_1"),
        strategies=(("Pay", "Shirk"), ("Pay", "Shirk")),
    )
    tex = g.equilibria().to_latex()
    lines = tex.splitlines()
    assert lines[0] == r"\begin{tabular}{rlll}" and lines[2] == r" & US & Ally\_1 & payoffs \\"
    rows = [ln for ln in lines if ln[:1].isdigit()]
    assert len(rows) == 3
    mixed = r"$\frac{2}{3}\,\text{Pay} + \frac{1}{3}\,\text{Shirk}$"
    assert any(row.count(mixed) == 2 and r"\frac{8}{3}, \frac{8}{3}" in row for row in rows)
    assert r"\hline" in g.equilibria().to_latex(booktabs=False)


def test_equilibrium_set_to_latex_escapes_strategy_labels_for_text_mode() -> None:
    """to_latex() is a tabular for pdflatex: a strategy label sits in ``\\text{...}``
    (text mode), where a bare ``^`` or ``\\`` does not compile ("Missing $ inserted",
    undefined control sequence). Matching pennies, so each equilibrium names every label."""
    g = NormalFormGame(
        [[[1, -1], [-1, 1]], [[-1, 1], [1, -1]]],
        players=("US", "Ally"),
        strategies=(("s^2", "a\\b"), ("x~y", "z_1")),
    )
    tex = g.equilibria().to_latex()
    assert r"\text{s\textasciicircum{}2}" in tex and r"\text{a\textbackslash{}b}" in tex
    assert r"\text{x\textasciitilde{}y}" in tex and r"\text{z\_1}" in tex
    cells = re.findall(r"\\text\{((?:[^{}]|\{\})*)\}", tex)
    assert cells and all(not set(_SPECIAL.sub("", c)) & set("\\&%$#_{}~^") for c in cells)


@pytest.mark.parametrize("label", ["tab:50%", "tab:{x}", "tab:a\\b", "tab:#1"])
def test_label_that_cannot_be_a_latex_label_is_refused(label: str) -> None:
    """``\\label{tab:50%}`` comments out its own closing brace: the document did not
    compile. Such labels are refused naming the argument (captions are escaped)."""
    with pytest.raises(ValueError, match=r"label"):
        NormalFormGame(PD).latex(label=label)


def test_ordinary_labels_pass_through() -> None:
    assert r"\label{tab:pd_2-by-2.v1}" in NormalFormGame(PD).latex(label="tab:pd_2-by-2.v1")


def test_to_latex_of_an_incomplete_set_says_so() -> None:
    """Lemke-Howson finds one of the three equilibria of battle of the sexes: the set is
    flagged complete=False, and the paper table must not pass for the full list."""
    g = NormalFormGame([[[3, 0], [0, 2]], [[2, 0], [0, 3]]])
    some = g.equilibria(method="lemke_howson")
    assert not some.complete and len(some) == 1
    tex = some.to_latex()
    note = r"\multicolumn{4}{l}{\footnotesize not necessarily all equilibria (lemke\_howson)}"
    assert note + r" \\" in tex
    assert "necessarily" not in g.equilibria().to_latex()


def test_equilibrium_latex_labels_compile_in_a_paper() -> None:
    """latex() is documented for pasting into a paper (docs: Export LaTeX), but a label's
    ``^``, ``~`` or ``\\`` sat bare inside ``\\text{...}`` (text mode: pdflatex stops with
    "Missing $ inserted"). They are now typeset in math between text pieces, which both
    pdflatex and MathJax accept."""
    g = NormalFormGame(
        [[[1, -1], [-1, 1]], [[-1, 1], [1, -1]]],
        players=("US^1", "Ally~2"),
        strategies=(("s^2", "a\\b"), ("x", "y")),
    )
    tex = g.equilibria().latex()
    texts = re.findall(r"\\text\{((?:\\.|[^{}\\])*)\}", tex)
    assert texts and not any(set(t) & set("^~") for t in texts)
    assert not any(re.search(r"\\(?![&%$#_{}])", t) for t in texts)
    assert r"\text{s}\hat{}\text{2}" in tex and r"\text{a}\backslash\text{b}" in tex
    assert r"\text{Ally}\sim\text{2}" in tex
