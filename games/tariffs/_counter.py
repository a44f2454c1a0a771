r"""The counter-coalition limit: surplus countries cannot all run surpluses against each
other.

The balance-of-payments identity makes world current accounts sum to zero,
:math:`\sum_i CA_i = 0` (Obstfeld & Rogoff 1996, ch. 1). A bloc of surplus countries
(a counter-coalition against the hegemon's coalition) therefore has an aggregate surplus
equal to the aggregate deficit of everyone outside it:
:math:`\sum_{i \in S} CA_i = -\sum_{j \notin S} CA_j`. If the hegemon's coalition closes its
members' deficits (their current accounts rise to at least zero), the bloc can keep a
surplus only against the outsiders that are left; once every deficit country outside the
bloc is in the coalition, the bloc's surplus is at most zero, so some bloc member must run
a deficit against the others. This is our accounting rendering of the argument; the
identity itself is standard.

Examples
--------
>>> from games.tariffs import counter_coalition
>>> ca = {"US": -10, "EU": -2, "UK": -1, "China": 8, "Japan": 3, "Korea": 2}
>>> r = counter_coalition(ca, bloc=("China", "Japan", "Korea"), coalition=("US", "EU"))
>>> r.bloc_surplus, r.bloc_surplus_limit
(13, 1)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sympy as sp

from games.tariffs._inputs import number

__all__ = ["CounterCoalition", "counter_coalition"]


@dataclass(frozen=True)
class CounterCoalition:
    """What the world identity allows a surplus bloc.

    Attributes
    ----------
    current_accounts : dict
        Input current accounts (exact numbers stay exact).
    bloc, coalition : tuple of str
    bloc_surplus : number
        The bloc's aggregate current account today, equal to minus the outsiders' total.
    bloc_surplus_limit : number
        The largest aggregate surplus the bloc can keep once coalition members have closed
        their deficits: the remaining deficits of countries in neither group.
    absorbers : dict
        Countries outside the bloc and the coalition that run deficits (the bloc's
        remaining outlets).
    residual : number
        ``sum(current_accounts)``: zero (checked).
    """

    current_accounts: dict[str, Any]
    bloc: tuple[str, ...]
    coalition: tuple[str, ...]
    bloc_surplus: Any
    bloc_surplus_limit: Any
    absorbers: dict[str, Any]
    residual: Any

    @property
    def all_in_surplus_possible(self) -> bool:
        """Whether every bloc member can still run a surplus (needs a positive limit)."""
        return bool(self.bloc_surplus_limit > 0)


def counter_coalition(
    current_accounts: Mapping[str, Any],
    bloc: Sequence[str],
    coalition: Sequence[str] = (),
) -> CounterCoalition:
    """The surplus a bloc can run, before and after the coalition closes its deficits.

    Parameters
    ----------
    current_accounts : mapping of str to number
        Every country's (or region's) current account; must sum to zero (add a "rest of
        world" entry). Exact numbers stay exact.
    bloc : sequence of str
        The surplus counter-coalition.
    coalition : sequence of str, default ()
        The hegemon's coalition (disjoint from the bloc).

    Raises
    ------
    ValueError
        Accounts that do not sum to zero, unknown or overlapping names.

    Examples
    --------
    >>> ca = {"US": -10, "China": 8, "Japan": 2}
    >>> counter_coalition(ca, ("China", "Japan"), ("US",)).all_in_surplus_possible
    False
    >>> counter_coalition({"US": -1, "China": 2}, ("China",))
    Traceback (most recent call last):
    ...
    ValueError: current accounts must sum to zero (world identity); they sum to 1: add a \
'rest of world' entry
    """
    ca = {str(k): number(v, f"current_accounts[{k!r}]") for k, v in current_accounts.items()}
    residual = (
        sp.nsimplify(sum(ca.values()))
        if any(v.has(sp.Float) for v in ca.values())
        else sum(ca.values())
    )
    scale = max((abs(v) for v in ca.values()), default=sp.Integer(1))
    if abs(residual) > 1e-9 * max(1, scale):
        raise ValueError(
            f"current accounts must sum to zero (world identity); they sum to {residual}: "
            "add a 'rest of world' entry"
        )
    for name in (*bloc, *coalition):
        if name not in ca:
            raise ValueError(f"unknown country {name!r}; known: {sorted(ca)}")
    overlap = set(bloc) & set(coalition)
    if overlap:
        raise ValueError(f"bloc and coalition overlap: {sorted(overlap)}")
    outside = [k for k in ca if k not in bloc]
    bloc_surplus = sum((ca[k] for k in bloc), sp.Integer(0))
    rest = [k for k in outside if k not in coalition]
    absorbers = {k: ca[k] for k in rest if ca[k] < 0}
    # coalition members' deficits are closed; the outsiders' surpluses stay
    limit = -sum((min(ca[k], 0) for k in rest), sp.Integer(0)) - sum(
        (max(ca[k], 0) for k in outside), sp.Integer(0)
    )
    return CounterCoalition(
        current_accounts=ca,
        bloc=tuple(bloc),
        coalition=tuple(coalition),
        bloc_surplus=bloc_surplus,
        bloc_surplus_limit=limit,
        absorbers=absorbers,
        residual=residual,
    )
