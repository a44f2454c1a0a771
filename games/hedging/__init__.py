r"""Allies hedging against an unreliable patron: credibility, learning and timing.

Allies put up with one abusive presidency, hoping the next would restore normal
relations; once unreliability looks structural (it recurs at elections) the patron's
guarantee stops being credible and they hedge, hawkishly (arm) or dovishly (accommodate a
rival), slowly and at a cost. The models (our formalizations [O] unless a source is named):

* :func:`abandonment_entrapment` -- Snyder's (1984) alliance security dilemma as a
  quadratic loss; hawkish and dovish hedges are parameter changes;
* :func:`regime_switching` -- reliability as a two-state Markov chain over terms:
  stationary credibility, the path after an unreliable term, credibility when a crisis
  arrives;
* :func:`fluke_or_structural` -- Bayesian learning whether unreliability is a fluke or
  structural, with the hedge decision after each election;
* :func:`npv_rule`, :func:`real_option` -- when to hedge: the NPV rule and the real-option
  trigger for an irreversible cost (McDonald & Siegel 1986; Dixit & Pindyck 1994);
* :func:`threats_reveal_type` -- threats lower trust by Bayes' rule (Kreps & Wilson 1982)
  and shrink the isoquant model's tipping fold (:mod:`games.influence`);
* :func:`allies_coordination` -- staying or hedging together, a stag hunt;
* :func:`hedging_timeline` -- the distribution of the year an ally hedges, exact (absorbing
  Markov chain) and simulated (vectorized, seeded, chunked).

Examples
--------
>>> import sympy as sp
>>> from games import hedging
>>> hedging.abandonment_entrapment(3, 1).commitment
3/4
>>> hedging.regime_switching(sp.Rational(2, 5), sp.Rational(1, 2)).stationary
5/9
>>> [s.hedge for s in hedging.fluke_or_structural().learn("UDU")]   # Trump I, Biden, Trump II
[False, False, True]
>>> hedging.real_option().multiple
sqrt(41)/8 + 11/8
>>> hedging.hedging_timeline(truth="structural").exact().pmf[:4]
(0, 1/4, 1/4, 3/16)
"""

from games.hedging._coordination import AlliesCoordination, allies_coordination
from games.hedging._dilemma import AllianceDilemma, abandonment_entrapment
from games.hedging._learning import BeliefStep, FlukeOrStructural, fluke_or_structural
from games.hedging._regime import RegimeSwitching, regime_switching
from games.hedging._threats import ThreatRevelation, threats_reveal_type
from games.hedging._timeline import (
    BLOCK,
    HedgingTimeDistribution,
    HedgingTimeline,
    SimulatedHedgingTimes,
    hedging_timeline,
)
from games.hedging._timing import NPVRule, RealOption, npv_rule, real_option, trigger_curve

__all__ = [
    "BLOCK",
    "AllianceDilemma",
    "AlliesCoordination",
    "BeliefStep",
    "FlukeOrStructural",
    "HedgingTimeDistribution",
    "HedgingTimeline",
    "NPVRule",
    "RealOption",
    "RegimeSwitching",
    "SimulatedHedgingTimes",
    "ThreatRevelation",
    "abandonment_entrapment",
    "allies_coordination",
    "fluke_or_structural",
    "hedging_timeline",
    "npv_rule",
    "real_option",
    "regime_switching",
    "threats_reveal_type",
    "trigger_curve",
]
