r"""Tariff-coalition bargaining: tariff wars, coalition stability, the coalition of the
compelled.

A hegemon can use tariffs not for bilateral concessions but to compel partners into a
coalition against a persistent-surplus country, lifting its tariffs on those who join.
The models, each with its game object and closed forms:

* :func:`tariff_war` -- partial-equilibrium tariff war (optimal tariffs and retaliation,
  Johnson 1953-54; Kennan & Riezman 1988): Nash tariffs, :func:`johnson_tariff`, the 2x2
  trade-war game, the size ratio above which the big country gains
  (:func:`size_threshold`), the credible range of penalty tariffs;
* :func:`general_tariff_war` -- pure exchange, two goods, solved with
  :mod:`solvers.continuous`; :func:`general_size_threshold`;
* :func:`coalition_stability` -- membership with linear or quadratic benefits
  (d'Aspremont et al. 1983; Carraro & Siniscalco 1993; Barrett 1994);
* :func:`compelled_coalition` -- the same with the hegemon's penalty on non-members
  (Nordhaus 2015's club logic), :func:`stable_size_formula`;
* :func:`threshold_game` -- the N-player join/exempt threshold game;
* :func:`veto_hegemon`, :func:`weighted_veto_game` -- the cooperative view (Shapley value,
  Banzhaf index, core, nucleolus), built from :mod:`games.coalitional`;
* :func:`counter_coalition` -- current accounts sum to zero: the limit on a surplus bloc.

These are our renderings of the published arguments (the cited papers are the building
blocks); the docstrings say which parts are ours.

Examples
--------
>>> from games import tariffs
>>> tariffs.tariff_war(lam=1).nash_tariffs                # each country taxes 1/3
(1/3, 1/3)
>>> tariffs.coalition_stability(N=20).stable_sizes()      # 3, whatever N
(3,)
>>> tariffs.compelled_coalition(N=20, penalty=20).stable_size()
8
>>> tariffs.threshold_game(N=3, m=2, B=3, c=2).regime(tau=3)
'grand coalition only (compelled)'
"""

from games.tariffs._counter import CounterCoalition, counter_coalition
from games.tariffs._ge_war import GeneralTariffWar, general_size_threshold, general_tariff_war
from games.tariffs._pe_war import TariffWar, johnson_tariff, size_threshold, tariff_war
from games.tariffs._stability import (
    CoalitionStability,
    coalition_stability,
    compelled_coalition,
    stable_size_formula,
)
from games.tariffs._threshold import REGIMES, ThresholdGame, ThresholdMap, threshold_game
from games.tariffs._veto import VetoHegemonGame, veto_hegemon, weighted_veto_game

__all__ = [
    "REGIMES",
    "CoalitionStability",
    "CounterCoalition",
    "GeneralTariffWar",
    "TariffWar",
    "ThresholdGame",
    "ThresholdMap",
    "VetoHegemonGame",
    "coalition_stability",
    "compelled_coalition",
    "counter_coalition",
    "general_size_threshold",
    "general_tariff_war",
    "johnson_tariff",
    "size_threshold",
    "stable_size_formula",
    "tariff_war",
    "threshold_game",
    "veto_hegemon",
    "weighted_veto_game",
]
