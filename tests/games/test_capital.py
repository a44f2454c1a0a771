"""Capital flows and the accord (docs/models.md, section e): every value re-derived here
from the primitives (net-saving schedules, surpluses as integrals) with sympy, or taken
from the worked example of section e.3."""

from __future__ import annotations

from fractions import Fraction as Fr

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from games.bargaining import BargainingProblem
from games.capital import AccordTable, capital_accord, loanable_funds
from games.continuous import ContinuousGame

R = sp.Rational
r, x, tau, tC = sp.symbols("r x tau tau_C", real=True)


# ---------------------------------------------------------------- e.1 loanable funds
def _market(su, sc, ru, rc):
    """Market clearing from the schedules: US borrowing equals China's lending."""
    rate = sp.solve(sp.Eq(-su * (r - ru), sc * (r - tau - rc)), r)[0]
    return rate, sc * (rate - tau - rc)


@pytest.mark.parametrize(
    "su, sc, ru, rc",
    [(1, 1, 4, 0), (2, 1, 3, 1), (R(1, 2), 3, R(7, 2), R(-1, 2)), (5, 2, 1, 0)],
    ids=["worked-example", "big-US", "fractional", "steep-US"],
)
def test_rates_and_flows_solve_market_clearing(su, sc, ru, rc) -> None:
    rate, flow = _market(su, sc, ru, rc)
    m = loanable_funds(su, sc, ru, rc)
    gap = ru - rc
    assert m.prohibitive_tax == gap
    assert m.world_rate == rate.subs(tau, 0) == R(su * ru + sc * rc, su + sc)
    for t in (0, R(gap, 3), R(gap, 2), gap):
        assert m.rate(t) == rate.subs(tau, t)
        assert m.lender_rate(t) == rate.subs(tau, t) - t
        assert m.flow(t) == flow.subs(tau, t)
    assert m.flow(0) == R(su * sc, su + sc) * gap  # CA_U = s_U s_C (r_C - r_U)/(s_U + s_C)
    assert m.flow(gap) == 0
    # beyond the prohibitive tax: autarky rates, no flow
    assert (m.flow(2 * gap), m.rate(2 * gap), m.lender_rate(2 * gap)) == (0, ru, rc)


def test_balance_of_payments_identity_and_worked_example() -> None:
    m = loanable_funds()
    assert (m.world_rate, m.flow(0)) == (2, 2)  # e.3 worked example: F = 2, r* = 2
    for t in (0, 1, R(5, 2), 4, 7):
        b = m.balance_of_payments(t)
        assert b["CA_US"] + b["FA_US"] == 0 and b["CA_China"] + b["FA_China"] == 0
        assert b["CA_US"] + b["CA_China"] == 0  # current accounts sum to zero
        assert b["CA_US"] == -m.flow(t) <= 0  # the US deficit is the capital inflow


def test_sweep_matches_the_exact_values() -> None:
    m = loanable_funds(2, 1, 3, 1)
    grid = np.linspace(0, 3, 13)
    s = m.sweep(grid)
    for k, t in enumerate(grid):
        t_exact = sp.nsimplify(t)
        assert s["flow"][k] == pytest.approx(float(m.flow(t_exact)))
        assert s["rate"][k] == pytest.approx(float(m.rate(t_exact)))
        assert s["lender_rate"][k] == pytest.approx(float(m.lender_rate(t_exact)))
    with pytest.raises(ValueError, match="taus"):
        m.sweep([-1.0])


@settings(max_examples=40, deadline=None)
@given(
    su=st.fractions(Fr(1, 10), 10),
    sc=st.fractions(Fr(1, 10), 10),
    rc=st.fractions(-5, 5),
    gap=st.fractions(Fr(1, 10), 10),
    share=st.fractions(0, 1),
)
def test_a_higher_tax_lowers_the_flow_and_raises_the_us_rate(su, sc, rc, gap, share) -> None:
    m = loanable_funds(su, sc, rc + gap, rc)
    t1, t2 = gap * share / 2, gap * share
    assert m.flow(t2) <= m.flow(t1) and m.rate(t2) >= m.rate(t1)
    assert m.lender_rate(t2) <= m.lender_rate(t1)
    b = m.balance_of_payments(t2)
    assert b["CA_US"] + b["CA_China"] == 0


def test_loanable_funds_with_floats() -> None:
    m = loanable_funds(1.5, 1.0, 4.0, 0.5)
    assert not m.exact and isinstance(m.flow(1), float)
    assert m.flow(1) == pytest.approx(1.5 * 1.0 * (3.5 - 1) / 2.5)
    assert m.rate(1) == pytest.approx((1.5 * 4.0 + 1.0 * (0.5 + 1)) / 2.5)


def test_loanable_funds_rejects_bad_inputs() -> None:
    with pytest.raises(ValueError, match="r_US must exceed r_China"):
        loanable_funds(r_US=0, r_China=0)
    with pytest.raises(ValueError, match="s_US"):
        loanable_funds(s_US=0)
    with pytest.raises(TypeError, match="s_China"):
        loanable_funds(s_China="1")
    with pytest.raises(ValueError, match="tau"):
        loanable_funds().flow(-1)


# ---------------------------------------------------------------- e.2 welfare
G, k = sp.symbols("G kappa", positive=True)


def _welfare_from_surpluses(gap, kappa, t_us, t_china=0):
    """US: borrower surplus (integral of its demand for funds above the rate it pays)
    + revenue - imbalance cost; China: lender surplus + its own tax revenue."""
    # s_U = s_C = 1, r_C = 0, r_U = gap; the lenders earn rate - t_us - t_china
    rate = sp.solve(sp.Eq(-(r - gap), r - t_us - t_china), r)[0]
    flow = gap - rate
    us_surplus = sp.integrate(gap - x, (x, rate, gap))  # demand for funds r_U - r
    china_surplus = sp.integrate(x, (x, 0, rate - t_us - t_china))  # supply r - r_C
    w_us = us_surplus + t_us * flow - kappa * flow**2 / 2
    w_china = china_surplus + t_china * flow
    return sp.expand(w_us), sp.expand(w_china), flow


W_US, W_CHINA, FLOW = _welfare_from_surpluses(G, k, tau)


@pytest.mark.parametrize("gap, kappa", [(4, 1), (4, 0), (R(5, 2), R(1, 3)), (1, 3)])
def test_optimal_unilateral_tax_from_the_first_order_condition(gap, kappa) -> None:
    foc = sp.solve(sp.diff(W_US, tau), tau)
    assert len(foc) == 1 and sp.diff(W_US, tau, 2).subs(k, kappa) < 0
    a = capital_accord(gap, kappa)
    want = foc[0].subs({G: gap, k: kappa})
    assert a.optimal_tax == want == R(gap) * (1 + kappa) / (3 + kappa)  # docs/models.md e.2
    assert a.controls == tuple(w.subs({G: gap, k: kappa, tau: want}) for w in (W_US, W_CHINA))
    assert a.status_quo == tuple(w.subs({G: gap, k: kappa, tau: 0}) for w in (W_US, W_CHINA))
    for t in (0, R(gap, 4), gap):
        assert a.welfare(t) == tuple(w.subs({G: gap, k: kappa, tau: t}) for w in (W_US, W_CHINA))
        assert a.flow(t) == FLOW.subs({G: gap, tau: t})


def test_kappa_zero_gives_the_monopsony_markdown() -> None:
    """Without an imbalance cost the optimal tax is the markdown tau = F/s_C."""
    a = capital_accord(gap=R(9, 2), kappa=0)
    assert a.optimal_tax == a.flow(a.optimal_tax) == R(3, 2)


@pytest.mark.parametrize("gap, kappa", [(4, 1), (3, 0), (R(7, 3), R(5, 2))])
def test_accord_frontier_efficient_flow_and_surplus(gap, kappa) -> None:
    f = sp.Symbol("f", positive=True)
    joint = sp.expand((W_US + W_CHINA).subs(tau, G - 2 * f))  # the flow f needs tax G - 2f
    assert sp.expand(joint - (G * f - (1 + k / 2) * f**2)) == 0
    a = capital_accord(gap, kappa)
    f_e = sp.solve(sp.diff(joint, f), f)[0].subs({G: gap, k: kappa})
    assert a.efficient_flow == f_e == R(gap) / (2 + kappa)
    assert (
        a.joint_surplus
        == joint.subs({f: f_e, G: gap, k: kappa})
        == R(gap) ** 2 / (2 * (2 + kappa))
    )
    assert a.accord_tax == gap - 2 * f_e
    assert a.joint_surplus_at(f_e / 2) == joint.subs({f: f_e / 2, G: gap, k: kappa})
    # the accord beats both unilateral outcomes in total
    assert a.joint_surplus >= sum(a.status_quo) and a.joint_surplus >= sum(a.controls)


def test_symbolic_closed_forms_match_docs_models() -> None:
    cf = capital_accord().closed_forms()
    g, kap = sp.Symbol("G", positive=True), sp.Symbol("kappa", nonnegative=True)
    want = {
        "optimal_tax": g * (1 + kap) / (3 + kap),
        "optimal_threat": g * (2 + kap) / (4 + kap),
        "efficient_flow": g / (2 + kap),
        "efficient_surplus": g**2 / (2 * (2 + kap)),
    }
    for key, expr in want.items():
        assert sp.simplify(cf[key] - expr) == 0, key


# ---------------------------------------------------------------- the tax war
@pytest.mark.parametrize("gap, kappa", [(4, 1), (4, 0), (R(10, 3), R(1, 2))])
def test_tax_war_nash_equilibrium(gap, kappa) -> None:
    w_us, w_china, _ = _welfare_from_surpluses(gap, kappa, tau, tC)
    sol = sp.solve([sp.diff(w_us, tau), sp.diff(w_china, tC)], [tau, tC], dict=True)[0]
    a = capital_accord(gap, kappa)
    assert a.war_taxes == (sol[tau], sol[tC])
    assert a.war_taxes == (R(gap) * (1 + kappa) / (4 + kappa), R(gap) / (4 + kappa))
    assert a.war == (w_us.subs(sol), w_china.subs(sol))
    eq = a.equilibrium()  # solvers.continuous on the ContinuousGame
    assert isinstance(a.game, ContinuousGame) and eq.exact and eq.verified
    assert eq.strategies == {"US": sol[tau], "China": sol[tC]}
    assert tuple(eq.payoffs.values()) == a.war


def test_tax_war_worked_example() -> None:
    a = capital_accord()
    assert a.war_taxes == (R(8, 5), R(4, 5)) and a.war == (R(32, 25), R(24, 25))
    # the war is worse for both than the threat point of unilateral controls for China
    assert a.war[1] > a.controls[1]


# ---------------------------------------------------------------- e.3 the accord
HALF = R(1, 2)


def _nbs(j, d, beta=HALF):
    return (d[0] + beta * (j - d[0] - d[1]), d[1] + (1 - beta) * (j - d[0] - d[1]))


def test_worked_example_numbers() -> None:
    """docs/models.md e.3: G = 4, kappa = 1."""
    a = capital_accord(4, 1)
    assert a.status_quo == (0, 2) and a.optimal_tax == 2 and a.controls == (2, R(1, 2))
    assert a.flow(a.optimal_tax) == 1
    assert a.efficient_flow == R(4, 3) and a.joint_surplus == R(8, 3)
    assert a.optimal_threat == R(12, 5) > a.optimal_tax  # threats are chosen to hurt


@pytest.mark.parametrize(
    "gap, kappa", [(4, 1), (4, 0), (R(7, 2), R(1, 4)), (6, 3)], ids=lambda v: str(v)
)
def test_table_rows_match_the_closed_forms(gap, kappa) -> None:
    a = capital_accord(gap, kappa)
    j = R(gap) ** 2 / (2 * (2 + kappa))
    sq = a.status_quo
    ctrl = a.controls
    tau_t = R(gap) * (2 + kappa) / (4 + kappa)
    threat = tuple(w.subs({G: gap, k: kappa, tau: tau_t}) for w in (W_US, W_CHINA))
    d1, d2 = R(9, 10), R(9, 10)
    share = (1 - d2) / (1 - d1 * d2)  # Rubinstein proposer's share
    nbs_sq = _nbs(j, sq)
    brw = nbs_sq if nbs_sq[0] >= ctrl[0] else (ctrl[0], j - ctrl[0])
    want = {
        "Nash, status quo": (sq, nbs_sq),
        "Nash, controls as outside option": (sq, brw),
        "Nash, controls as threat point": (ctrl, _nbs(j, ctrl)),
        "Nash 1953 optimal threat": (threat, _nbs(j, threat)),
        "weighted Nash": (sq, _nbs(j, sq, R(2, 3))),
        "Rubinstein": (sq, _nbs(j, sq, share)),
    }
    t = a.table()
    assert isinstance(t, AccordTable) and [row.protocol for row in t.rows] == list(want)
    for row in t.rows:
        d, u = want[row.protocol]
        assert tuple(row.disagreement) == d, row.protocol
        assert tuple(row.payoffs) == u, row.protocol
        assert sum(row.payoffs) == j and row.solution.exact
        # the transfer tops up the US welfare at the accord flow
        w_us_accord = W_US.subs({G: gap, k: kappa, tau: gap - 2 * R(gap) / (2 + kappa)})
        assert row.transfer == u[0] - w_us_accord
    assert t["Nash 1953 optimal threat"].solution.details["threats"] == (tau_t,)


def test_e3_worked_example_table_and_the_switch() -> None:
    a = capital_accord()
    t = a.table()
    got = {row.protocol: row.payoffs for row in t.rows}
    assert got["Nash, status quo"] == (R(1, 3), R(7, 3))
    assert got["Nash, controls as outside option"] == (2, R(2, 3))  # the option binds
    assert got["Nash, controls as threat point"] == (R(25, 12), R(7, 12))
    assert got["Nash 1953 optimal threat"] == (R(32, 15), R(8, 15))
    # the switch: the same alternative, two predictions
    assert a.outcome("threat_point").payoffs != a.outcome("outside_option").payoffs
    with pytest.raises(ValueError, match="disagreement must be one of"):
        a.outcome("walk away")
    text = str(t)
    assert "32/15" in text and "J_e = 8/3" in text
    assert t.to_dict()["rows"][1]["payoffs"] == [Fr(2), Fr(2, 3)]
    with pytest.raises(KeyError, match="no protocol"):
        t["Kalai"]


def test_the_outside_option_always_binds_here() -> None:
    """Derived: W_US(tau_U) exceeds the US's status-quo Nash share by
    G**2 (kappa**3 + 5 kappa**2 + 10 kappa + 4)/(16 (kappa + 2)(kappa + 3)) > 0, so with
    controls as an outside option the US gets exactly its controls payoff."""
    tau_u = sp.solve(sp.diff(W_US, tau), tau)[0]
    j = G**2 / (2 * (2 + k))
    sq = (W_US.subs(tau, 0), W_CHINA.subs(tau, 0))
    gap_to_option = sp.factor(W_US.subs(tau, tau_u) - _nbs(j, sq)[0])
    assert (
        sp.simplify(
            gap_to_option - G**2 * (k**3 + 5 * k**2 + 10 * k + 4) / (16 * (k + 2) * (k + 3))
        )
        == 0
    )
    for gap, kappa in ((4, 0), (4, 20), (R(1, 3), R(1, 7))):
        a = capital_accord(gap, kappa)
        assert a.outcome("outside_option").payoffs == (
            a.controls[0],
            a.joint_surplus - a.controls[0],
        )


@settings(max_examples=25, deadline=None)
@given(
    gap=st.fractions(Fr(1, 4), 8, max_denominator=12),
    kappa=st.fractions(0, 6, max_denominator=12),
)
def test_leverage_orders_the_protocols(gap, kappa) -> None:
    """For the US: outside option (= W_US(tau_U)) <= threat point <= optimal threat, and
    every protocol splits the same joint surplus J_e (efficiency)."""
    a = capital_accord(gap, kappa)
    t = a.table()
    option = t["Nash, controls as outside option"].payoffs[0]
    threat = t["Nash, controls as threat point"].payoffs[0]
    best = t["Nash 1953 optimal threat"].payoffs[0]
    assert option == a.controls[0] <= threat <= best
    assert all(sum(row.payoffs) == a.joint_surplus for row in t.rows)
    assert a.optimal_tax <= a.optimal_threat <= a.gap


def test_accord_is_a_bargaining_problem() -> None:
    a = capital_accord()
    assert isinstance(a.accord, BargainingProblem)
    assert a.accord.disagreement == a.status_quo and a.accord.surplus == a.joint_surplus
    assert a.bargaining_problem(a.controls).nash().payoffs == (R(25, 12), R(7, 12))


def test_float_inputs_give_float_results() -> None:
    a = capital_accord(4.0, 1.0)
    assert not a.exact and isinstance(a.optimal_tax, float)
    assert a.optimal_tax == pytest.approx(2.0)
    u = a.variable_threat().payoffs
    assert [float(v) for v in u] == pytest.approx([32 / 15, 8 / 15])
    eq = a.equilibrium()
    assert [float(eq.strategies[p]) for p in a.players] == pytest.approx([1.6, 0.8])


def test_capital_accord_rejects_bad_inputs() -> None:
    with pytest.raises(ValueError, match="gap"):
        capital_accord(gap=-1)
    with pytest.raises(ValueError, match="kappa"):
        capital_accord(kappa=-1)
    with pytest.raises(ValueError, match="tau"):
        capital_accord().welfare(5)
    with pytest.raises(ValueError, match="us_weight"):
        capital_accord().table(us_weight=1)
    with pytest.raises(ValueError, match="deltas"):
        capital_accord().table(deltas=(R(1, 2),))


@pytest.mark.parametrize("deltas", [None, 5, 0.9, (0.9,), "ab"])
def test_table_deltas_must_be_a_pair(deltas) -> None:
    with pytest.raises(ValueError, match=r"deltas must be a pair"):
        capital_accord().table(deltas=deltas)


def test_bargaining_problem_disagreement_must_be_a_pair() -> None:
    with pytest.raises(ValueError, match=r"disagreement must be a pair"):
        capital_accord().bargaining_problem((1,))


@pytest.mark.parametrize("taus", [["a"], [None], [1j]])
def test_sweeps_refuse_non_numbers_naming_taus(taus) -> None:
    with pytest.raises(ValueError, match=r"taus must be"):
        loanable_funds().sweep(taus)
    with pytest.raises(ValueError, match=r"taus must be"):
        capital_accord().sweep(taus)


def test_accord_table_to_latex_is_the_worked_example() -> None:
    """Issue 14 asks for to_latex() on model results; the accord's protocol comparison is
    the one table of e.3. Worked example (G = 4, kappa = 1): the rows of docs/models.md;
    the transfer is u_US - W_US(accord tax 4/3) = u_US - 16/9."""
    tex = capital_accord().table().to_latex()
    lines = tex.splitlines()
    assert lines[0] == r"\begin{tabular}{llccc}" and lines[1] == r"\toprule"
    body = [ln for ln in lines if ln.startswith("Nash") or ln[:1] in "wR"]
    assert body == [
        r"Nash, status quo & none & $(0, 2)$ & $(\frac{1}{3}, \frac{7}{3})$ & $- \frac{13}{9}$ \\",
        r"Nash, controls as outside option & outside option & $(0, 2)$ & "
        r"$(2, \frac{2}{3})$ & $\frac{2}{9}$ \\",
        r"Nash, controls as threat point & threat point & $(2, \frac{1}{2})$ & "
        r"$(\frac{25}{12}, \frac{7}{12})$ & $\frac{11}{36}$ \\",
        r"Nash 1953 optimal threat & optimal threat & $(\frac{48}{25}, \frac{8}{25})$ & "
        r"$(\frac{32}{15}, \frac{8}{15})$ & $\frac{16}{45}$ \\",
        r"weighted Nash & none & $(0, 2)$ & $(\frac{4}{9}, \frac{20}{9})$ & $- \frac{4}{3}$ \\",
        r"Rubinstein & none & $(0, 2)$ & $(\frac{20}{57}, \frac{44}{19})$ & "
        r"$- \frac{244}{171}$ \\",
    ]
    assert tex.count("{") == tex.count("}") and tex.endswith(r"\end{tabular}")
    assert r"\hline" in capital_accord().table().to_latex(booktabs=False)
