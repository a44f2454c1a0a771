r"""Capital flows and accord bargaining: the balance-of-payments identity, inflow taxes,
unilateral controls and a negotiated currency accord.

Trade deficits are driven by capital inflows: a country's current account and its
financial account sum to zero, and current accounts sum to zero across the world. A
deficit country can negotiate an accord with a surplus country; its threat of unilateral
capital-flow restrictions (a withholding tax on foreign holdings) is its leverage. The
models (docs/models.md, section e; the welfare function and the tax war are ours [O]):

* :func:`loanable_funds` -- two countries' net-saving schedules (the Metzler diagram;
  Obstfeld & Rogoff 1996, ch. 1): world rate, flows, current and financial accounts, and
  the effect of an inflow tax on flows and rates (e.1);
* :func:`capital_accord` -- welfare, the optimal unilateral tax (Costinot, Lorenzoni &
  Werning 2014), the tax war as a :class:`games.ContinuousGame`, the accord as a
  :class:`games.BargainingProblem`, and its outcome under each bargaining protocol with
  the threat-point / outside-option switch (Nash 1950, 1953; Rubinstein 1982; Binmore,
  Rubinstein & Wolinsky 1986), in one table (e.2, e.3).

Examples
--------
>>> from games import capital
>>> m = capital.loanable_funds()
>>> m.world_rate, m.flow(0), m.balance_of_payments(0)["CA_US"]
(2, 2, -2)
>>> a = capital.capital_accord()
>>> a.optimal_tax, a.status_quo, a.controls, a.joint_surplus
(2, (0, 2), (2, 1/2), 8/3)
>>> a.outcome("threat_point").payoffs, a.outcome("outside_option").payoffs
((25/12, 7/12), (2, 2/3))
"""

from games.capital._accord import AccordOutcome, AccordTable, CapitalAccord, capital_accord
from games.capital._flows import LoanableFunds, loanable_funds

__all__ = [
    "AccordOutcome",
    "AccordTable",
    "CapitalAccord",
    "LoanableFunds",
    "capital_accord",
    "loanable_funds",
]
