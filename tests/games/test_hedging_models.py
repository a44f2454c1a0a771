"""games.hedging: Snyder's dilemma, regime switching, learning, threats and the stag hunt.

Expected values come from the worked examples of the sources (Snyder 1984 as formalized,
Leeds et al. 2000, Kreps & Wilson 1982) and from sympy derivations done here, never from
the code under test.
"""

from __future__ import annotations

from fractions import Fraction

import nashpy
import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from games import hedging

R = sp.Rational


# ---------------------------------------------------------------- d.1 abandonment/entrapment
def _optimum(la, ln):
    """Minimize L(e) = la*(1-e)^2 + ln*e^2 with sympy (first-order condition)."""
    e = sp.Symbol("e", real=True)
    loss = la * (1 - e) ** 2 + ln * e**2
    (star,) = sp.solve(sp.diff(loss, e), e)
    assert sp.diff(loss, e, 2) > 0
    return star, sp.simplify(loss.subs(e, star))


@pytest.mark.parametrize(
    ("la", "ln"),
    [(3, 1), (1, 1), (R(1, 2), 5), (7, R(2, 3))],
    ids=["3-1", "equal", "low-LA", "high-LA"],
)
def test_dilemma_commitment_is_the_loss_minimizer(la, ln) -> None:
    m = hedging.abandonment_entrapment(la, ln)
    star, loss = _optimum(la, ln)
    assert m.commitment == star and m.minimal_loss == loss
    eq = m.equilibrium()
    assert eq.complete and eq.unique and eq[0].exact
    assert eq[0].strategies["ally"] == star and eq[0].regret == 0


def test_hawkish_hedge_lowers_commitment_dovish_keeps_it() -> None:
    m = hedging.abandonment_entrapment(3, 1)
    hawk = m.hedge("hawkish", R(2, 3))  # L_A: 3 -> 1
    dove = m.hedge("dovish", R(1, 2))  # both halve
    assert hawk.commitment == _optimum(1, 1)[0] == R(1, 2)
    assert dove.commitment == m.commitment == R(3, 4)
    assert dove.minimal_loss == _optimum(R(3, 2), R(1, 2))[1] == m.minimal_loss / 2
    assert hawk.hedges == ("hawkish 2/3",)
    assert hawk.to_dict()["commitment"] == Fraction(1, 2)


def test_dilemma_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="entrapment_loss"):
        hedging.abandonment_entrapment(1, -1)
    with pytest.raises(TypeError, match="abandonment_loss"):
        hedging.abandonment_entrapment("3", 1)
    with pytest.raises(ValueError, match="kind"):
        hedging.abandonment_entrapment().hedge("neutral", R(1, 2))
    with pytest.raises(ValueError, match="amount"):
        hedging.abandonment_entrapment().hedge("hawkish", 1)


# ---------------------------------------------------------------- d.2 regime switching
def test_regime_switching_worked_example() -> None:
    """MODELS d.2: p = 2/5, q = 1/2: pi_R = 5/9, path (1/2, 11/20, 111/200), 20/37."""
    m = hedging.regime_switching(R(2, 5), R(1, 2))
    assert m.stationary == R(5, 9)
    assert m.path(3) == (R(1, 2), R(11, 20), R(111, 200))
    assert m.crisis_credibility(R(1, 4)) == R(20, 37)


def test_regime_switching_against_matrix_powers() -> None:
    """P(R at h | state) from powers of the transition matrix, computed here."""
    p, q = R(3, 10), R(1, 5)
    P = sp.Matrix([[1 - p, p], [q, 1 - q]])
    m = hedging.regime_switching(p, q)
    for h in range(1, 7):
        Ph = P**h
        assert m.reliable_after(h, "U") == Ph[1, 0]
        assert m.reliable_after(h, "R") == Ph[0, 0]
    (pi,) = [v for v in (P.T - sp.eye(2)).nullspace()]
    assert m.stationary == (pi / sum(pi))[0]


@pytest.mark.parametrize("state", ["U", "R"])
def test_crisis_credibility_is_the_geometric_average(state) -> None:
    """E[P(R at H | state)], H ~ Geometric(l) on {1, 2, ...}: exact partial sums of the
    series with matrix powers; the tail after 300 terms is below (1 - l)**300 < 1e-37."""
    p, q, ell = Fraction(2, 5), Fraction(1, 2), Fraction(1, 4)
    P = [[1 - p, p], [q, 1 - q]]
    row = [Fraction(0), Fraction(1)] if state == "U" else [Fraction(1), Fraction(0)]
    total = Fraction(0)
    for h in range(1, 301):
        row = [row[0] * P[0][0] + row[1] * P[1][0], row[0] * P[0][1] + row[1] * P[1][1]]
        total += ell * (1 - ell) ** (h - 1) * row[0]
    value = hedging.regime_switching(R(2, 5), R(1, 2)).crisis_credibility(R(1, 4), state)
    assert abs(Fraction(int(value.p), int(value.q)) - total) < Fraction(1, 10**37)


def test_fair_coin_patron_has_credibility_one_half() -> None:
    m = hedging.regime_switching(R(1, 2), R(1, 2))
    assert set(m.path(4, "U")) | set(m.path(4, "R")) == {R(1, 2)}
    assert m.crisis_credibility(R(1, 3), "U") == R(1, 2)


def test_regime_closed_forms_symbolic() -> None:
    cf = hedging.RegimeSwitching.closed_forms()
    p, q, ell = sp.symbols("p q ell", positive=True)
    lam = 1 - p - q
    # the geometric average of the U-path, summed by hand: pi*(1 - l*lam/(1 - (1-l)*lam))
    by_hand = q / (p + q) * (1 - ell * lam / (1 - (1 - ell) * lam))
    assert sp.simplify(cf["crisis_credibility_from_U"] - by_hand) == 0


def test_regime_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="p must lie"):
        hedging.regime_switching(R(3, 2), R(1, 2))
    with pytest.raises(ValueError, match="p \\+ q"):
        hedging.regime_switching(0, 0)
    with pytest.raises(ValueError, match="state"):
        hedging.regime_switching().path(2, "X")


# ---------------------------------------------------------------- d.3 learning
def _bayes(prior, eps, outcomes):
    """Posterior on 'structural' from the likelihood of the whole sequence."""
    like_s, like_f = sp.Integer(1), sp.Integer(1)
    for o in outcomes:
        if o == "U":
            like_f *= eps
        elif o == "R":
            like_s *= 0
            like_f *= 1 - eps
    return prior * like_s / (prior * like_s + (1 - prior) * like_f)


def test_learning_timing_matches_the_argument() -> None:
    """Modest prior, threshold 2/3: no hedge after Trump I, hedge after Trump II."""
    m = hedging.fluke_or_structural()
    steps = m.learn("UDU")
    assert [s.hedge for s in steps] == [False, False, True]
    mu1 = R(1, 10) / (R(1, 10) + R(9, 10) * R(1, 4))
    assert steps[0].belief == mu1 == R(4, 13)
    assert steps[0].credibility == 1 - (mu1 + (1 - mu1) * R(1, 4)) / 2
    assert steps[2].credibility < R(2, 3) < steps[0].credibility
    assert m.hedging_count == 2


@given(
    outcomes=st.lists(st.sampled_from("DUR"), max_size=8),
    prior=st.fractions(min_value=Fraction(1, 100), max_value=Fraction(99, 100)),
    eps=st.fractions(min_value=Fraction(1, 100), max_value=Fraction(99, 100)),
)
def test_learning_is_bayes_rule(outcomes, prior, eps) -> None:
    m = hedging.fluke_or_structural(prior, eps)
    hedged = False
    for n, step in enumerate(m.learn(outcomes), start=1):
        mu = _bayes(sp.Rational(prior), sp.Rational(eps), outcomes[:n])
        assert step.belief == mu
        rho = 1 - (mu + (1 - mu) * sp.Rational(eps)) / 2
        assert step.credibility == rho
        hedged = hedged or rho < R(2, 3)
        assert step.hedge == hedged


def test_learning_never_hedges_when_even_certainty_is_credible_enough() -> None:
    """Structural for sure still leaves credibility 1 - g = 1/2 > threshold 2/5."""
    m = hedging.fluke_or_structural(threshold=R(2, 5))
    assert m.hedging_count is None and not any(s.hedge for s in m.learn("UUUUUU"))


def test_learning_rejects_bad_outcomes() -> None:
    with pytest.raises(ValueError, match="election 2"):
        hedging.fluke_or_structural().learn("UX")
    with pytest.raises(ValueError, match="prior"):
        hedging.fluke_or_structural(prior=0)


# ---------------------------------------------------------------- d.5 threats
def test_threat_worked_example_and_reuse_of_the_isoquant_model() -> None:
    r = hedging.threats_reveal_type(threats=3)
    mu = [R(9, 10)]
    for _ in range(3):  # Bayes by hand
        mu.append(mu[-1] * R(1, 10) / (mu[-1] * R(1, 10) + (1 - mu[-1]) * R(4, 5)))
    assert r.beliefs == tuple(mu) and r.beliefs[1] == R(9, 17)
    assert r.folds == tuple(R(10, 9) * m / 4 for m in mu)  # F2 fold T/4, T = B*mu
    assert r.folds[1] == R(5, 34) == r.first.fold_after


def test_threat_rejects_bad_count() -> None:
    with pytest.raises(ValueError, match="threats"):
        hedging.threats_reveal_type(threats=0)


# ---------------------------------------------------------------- d.6 stag hunt
def test_stag_hunt_equilibria_against_nashpy() -> None:
    m = hedging.allies_coordination()
    A = np.array([[3, 0], [2, 2]])
    peer = sorted(tuple(np.round(s[0], 12)) for s in nashpy.Game(A, A.T).vertex_enumeration())
    ours = sorted(tuple(float(x) for x in eq.strategies[0]) for eq in m.equilibria())
    assert np.allclose(ours, peer)
    assert m.tipping == R(2, 3) and m.risk_dominant == "Hedge"
    assert all(eq.exact and eq.regret == 0 for eq in m.equilibria())
    assert m.game.strategies[0] == ("Stay", "Hedge")


def test_stag_hunt_tipping_makes_staying_indifferent() -> None:
    stag, sucker, hare = 5, 1, 2
    m = hedging.allies_coordination(stag, sucker, hare)
    p = sp.Symbol("p")
    (star,) = sp.solve(p * stag + (1 - p) * sucker - hare, p)
    assert m.tipping == star and m.risk_dominant == "Stay"
    with pytest.raises(ValueError, match="stag > hare > sucker"):
        hedging.allies_coordination(2, 0, 3)


# ---------------------------------------------------------------- result shapes
def test_results_have_exact_dicts_and_readable_reprs() -> None:
    models = [
        hedging.abandonment_entrapment(3, 1),
        hedging.regime_switching(),
        hedging.fluke_or_structural(),
        hedging.npv_rule(),
        hedging.threats_reveal_type(),
        hedging.allies_coordination(),
    ]
    for m in models:
        d = m.to_dict()
        assert isinstance(d, dict) and type(m).__name__ in repr(m)
    assert models[1].to_dict()["stationary"] == Fraction(5, 9)
    assert models[2].learn("U")[0].to_dict()["belief"] == Fraction(4, 13)
    assert models[4].to_dict()["folds"] == [Fraction(1, 4), Fraction(5, 34)]
    assert hedging.real_option().to_dict()["marshallian"] == Fraction(4)


def test_npv_threshold_feeds_the_learning_model() -> None:
    """rho* = 1 - K(1 - delta)/(lam_c L) = 3/5: the ally now hedges only after 3 terms."""
    m = hedging.fluke_or_structural(threshold=hedging.npv_rule())
    assert m.threshold == R(3, 5)
    rhos = [
        1 - (mu + (1 - mu) * R(1, 4)) / 2
        for mu in (R(1, 10) / (R(1, 10) + R(9, 10) * R(1, 4) ** j) for j in range(4))
    ]
    expected = next(j for j, rho in enumerate(rhos) if rho < R(3, 5))
    assert m.hedging_count == expected
