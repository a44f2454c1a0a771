"""Write the classroom notebooks from the cells below (run from the repository root:
``python notebooks/_make.py``). Outputs are not stored; CI executes every notebook
top to bottom (``pytest --nbmake notebooks``, see tests/test_notebooks.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent


def md(text: str):
    return new_markdown_cell(text.strip())


def code(text: str):
    return new_code_cell(text.strip())


NOTEBOOKS = {
    "01_free_riding.ipynb": [
        md("""
# Free riding in an alliance

Allies pool defence, a public good: every ally is protected by the total, whoever pays.
Each ally spends its income $w_i$ on private goods $x_i$ and defence $g_i$ and values
$u_i = (1-a)\\log x_i + a \\log G$ with $G = \\sum_j g_j$ (Olson & Zeckhauser 1966;
Bergstrom, Blume & Varian 1986; docs: *Explanation, the four arguments*).

**Questions for class.** Who pays? Does the total reach the efficient (Samuelson) level?
What happens when income is redistributed?
"""),
        code("""
import sympy as sp

from games import alliance

m = alliance.public_good(incomes=[10, 8, 2], a=sp.Rational(1, 2))
eq = m.equilibrium()
eq.total, tuple(eq.contributions), eq.leader_share
"""),
        md("""
The richest ally gives half its income and carries two thirds of the burden; the
poorest free rides at the corner ($g_3 = 0$). Check it against the closed form: each
contributor's first-order condition $(1-a)/(w_i - g_i) = a/G$ gives
$g_i = w_i - (1-a)G/a$; summing over the contributors $C$,
$G = a\\sum_{i\\in C} w_i / (a + |C|(1-a))$, and a country contributes only if
$w_i > (1-a)G/a$. Here $C = \\{1, 2\\}$:
"""),
        code("""
a = sp.Rational(1, 2)
G = a * (10 + 8) / (a + 2 * (1 - a))
assert G == eq.total == 6
assert [10 - (1 - a) * G / a, 8 - (1 - a) * G / a] == list(eq.contributions[:2])
assert 2 <= (1 - a) * G / a  # the poorest ally stays at the corner
G
"""),
        md(
            "The efficient level and Warr's neutrality (a transfer among contributors "
            "changes nothing):"
        ),
        code("""
assert m.efficient().total == 10
assert m.redistribute([-1, 1, 0]).after.total == eq.total
m.efficient().total, m.redistribute([-1, 1, 0]).after.total
"""),
        md("""
**Lumpy tasks.** When the task is indivisible (benefit $b$, cost $c$ shared if both
contribute) the game is Chicken: two pure equilibria where one ally free rides, and a
mixed one. Its payoff table, ready for a paper:
"""),
        code("""
chicken = alliance.lumpy_task(b=4, c=2)
print(chicken.game.latex())
chicken.game
"""),
        code("""
eqs = chicken.game.equilibria()
assert chicken.mixed_probability == sp.Rational(2, 3)
print(eqs.to_latex())
eqs
"""),
        md("""
**Try it.** Change the incomes (e.g. `[10, 8, 6]`): who contributes now? Change `a`.
The figure of the two-ally best responses:
"""),
        code("""
from papers._style import use_style
from papers.burden_sharing import best_response_data, draw_best_response

with use_style():
    fig = draw_best_response(best_response_data(incomes=(10, 8)))
fig
"""),
    ],
    "02_isoquant_sliders.ipynb": [
        md("""
# The isoquant argument, with sliders

An alliance leader trades influence $I$ for cost savings $S$ (burden shifted to the
allies) along a frontier; its national interest $V = I^{\\alpha} S^{1-\\alpha}$ has
isoquants. A is today, B the tangency (a higher isoquant), C an overshoot: allies
hedge, influence collapses and the leader ends below A. The frontier is the allies'
equilibrium response, $I = 1 - S^k$ ($k$: hedging inertia).
"""),
        code("""
from games.influence import isoquant_model

m = isoquant_model()
[(p.label, p.S, p.I) for p in m.points]
"""),
        md("""
On this frontier the tangency is at $S_B^k = (1-\\alpha)/(1 - \\alpha + \\alpha k)$
(docs: models, §b.2): with $\\alpha = 3/5$, $k = 2$, $S_B = 1/2$.
"""),
        code("""
import sympy as sp

assert m.B.S == sp.Rational(1, 2)
assert m.B.v > m.A.v > m.C.v
float(m.threshold.S)
"""),
        md("""
**Move the sliders**: the weight on influence $\\alpha$, the inertia $k$ and the
overshoot $S_C$. Below the threshold shift, an overshoot is still better than A; past it,
worse. (Run the notebook in Jupyter to move them; in CI the cell runs once.)
"""),
        code("""
import ipywidgets as widgets
from IPython.display import display

from papers._style import use_style
from papers.isoquant import demo_state, draw_isoquant_figure, isoquant_figure_data


def show(alpha=0.6, k=2.0, shift=0.9):
    model = demo_state(shift=shift, alpha=alpha, k=k)
    with use_style():
        fig = draw_isoquant_figure(isoquant_figure_data(4, model))
    display(fig)
    return model


controls = widgets.interactive(
    show,
    alpha=widgets.FloatSlider(value=0.6, min=0.2, max=0.9, step=0.05, description="alpha"),
    k=widgets.FloatSlider(value=2.0, min=1.5, max=4.0, step=0.5, description="k"),
    shift=widgets.FloatSlider(value=0.9, min=0.55, max=0.99, step=0.01, description="S_C"),
)
display(controls)
"""),
        md("Check the slider logic against the closed form for one setting:"),
        code("""
alpha, k = 0.8, 3.0
model = show(alpha=alpha, k=k)
expected = ((1 - alpha) / (1 - alpha + alpha * k)) ** (1 / k)
assert abs(model.B.s - expected) < 1e-9
round(model.B.s, 4), round(expected, 4)
"""),
    ],
    "03_coalition_of_the_compelled.ipynb": [
        md("""
# The coalition of the compelled, and the threshold game

Without a penalty, free riding caps a self-enforcing coalition at 3 members whatever
their number (Barrett 1994; Carraro & Siniscalco 1993). A hegemon's tariff on
non-members raises the stable size step by step to the grand coalition (the club logic
of Nordhaus 2015).
"""),
        code("""
from games import tariffs

assert tariffs.coalition_stability(N=30).stable_sizes() == (3,)
m = tariffs.compelled_coalition(N=10)
sizes = [m.with_penalty(p).stable_size() for p in (0, 4, 12)]
sizes, m.minimum_grand_penalty
"""),
        md("""
The grand coalition needs the penalty $P = (b^2/2c)(N-1)(N-3)$, here $63/2$:
"""),
        code("""
import sympy as sp

N, b, c = 10, 1, 1
assert m.minimum_grand_penalty == sp.Rational(b**2, 2 * c) * (N - 1) * (N - 3)
"""),
        code("""
from papers._style import use_style
from papers.tariffs import compelled_size_data, draw_compelled_size

with use_style():
    fig = draw_compelled_size(compelled_size_data(N=10))
fig
"""),
        md("""
**The threshold game.** Three allies Join or stay Out; the surplus country concedes when
at least two join. A joiner pays $c$; a country that stays out pays the tariff $\\tau$.
For $\\tau > c$ everyone joins (Palfrey & Rosenthal 1984's discrete public good):
"""),
        code("""
from fractions import Fraction as F

g = tariffs.threshold_game(N=3, m=2, B=3, c=2)
assert g.pure_equilibria(tau=F(5, 2)) == [(0, 1, 2)]
g.pure_equilibria(tau=F(5, 2)), g.pure_equilibria(tau=F(1, 2))
"""),
        code("""
from papers.tariffs import draw_threshold_map, threshold_map_data

with use_style():
    fig = draw_threshold_map(threshold_map_data(points=61))
fig
"""),
        md(
            "**Try it.** Raise the number of countries `N`, or the benefit `B`: where do "
            "the regimes move?"
        ),
    ],
    "04_hedging_over_elections.ipynb": [
        md("""
# Hedging over election terms

An ally watches the patron's elections. A suspect president is unreliable with
probability 1 if unreliability is structural and $\\varepsilon$ if it was a fluke; the
ally updates its belief and hedges, irreversibly, the first time credibility falls
below $\\rho^*$. When does it hedge?
"""),
        code("""
from games import hedging

[(s.credibility, s.hedge) for s in hedging.fluke_or_structural().learn("UDU")]
"""),
        md("""
The distribution of the hedging election is exact (an absorbing Markov chain; Kemeny &
Snell 1960) and simulated (many alliances at once):
"""),
        code("""
t = hedging.hedging_timeline(truth="structural")
exact = t.exact()
sim = t.simulate(200_000, seed=1)
check = sim.compare(exact)
assert check["max_z"] < 5
exact.pmf[:4], round(check["max_z"], 2)
"""),
        md("""
With structural unreliability the suspect party wins each election with probability
$g = 1/2$ and the ally hedges after the second unreliable term: the hedging election is
negative binomial, $P(\\text{term } n) = (n-1)\\,g^2 (1-g)^{n-2}$, so $1/4, 1/4, 3/16$
for terms 2, 3, 4:
"""),
        code("""
import sympy as sp

g = sp.Rational(1, 2)
assert tuple(exact.pmf[1:4]) == tuple((n - 1) * g**2 * (1 - g) ** (n - 2) for n in (2, 3, 4))
"""),
        md(
            "As a table, and as a figure (bars: simulated, with two standard errors; dots: exact):"
        ),
        code("""
sim.to_frame()
"""),
        code("""
from matplotlib.figure import Figure

ax = sim.plot(Figure(figsize=(6, 3.5)).add_subplot(), exact=exact)
ax.figure
"""),
        md("""
**Scale out.** The same call runs on a process pool or a dask cluster, with the same
numbers (docs: *How-to: run a sweep or a simulation at scale*):
"""),
        code("""
from concurrent.futures import ThreadPoolExecutor

with ThreadPoolExecutor(2) as pool:
    again = t.simulate(200_000, seed=1, executor=pool)
assert (again.counts == sim.counts).all()
"""),
    ],
}


def build(name: str):
    """The notebook ``name``, with cell ids derived from the cells' text (nbformat would
    draw random ones), so that regenerating gives the same bytes."""
    cells = NOTEBOOKS[name]
    seen: set[str] = set()
    for k, cell in enumerate(cells):
        cid = hashlib.sha1(cell.source.encode()).hexdigest()[:8]
        cell["id"] = cid if cid not in seen else f"{cid}-{k}"
        seen.add(cell["id"])
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3",
        "language": "python",
        "name": "python3",
    }
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def main() -> None:
    for name in NOTEBOOKS:
        nbformat.write(build(name), HERE / name)


if __name__ == "__main__":
    main()
