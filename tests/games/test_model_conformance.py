"""Every applied model builds its game from the generic classes, and solving that game with
the generic solvers gives the model's own answer; every result has the shared shape."""

from __future__ import annotations

import inspect
from fractions import Fraction
from types import SimpleNamespace

import numpy as np
import pytest
import sympy as sp

from games import alliance, capital, hedging, influence
from games.continuous import ContinuousGame, SequentialGame
from games.normal_form import NormalFormGame

HALF = sp.Rational(1, 2)


def _public_good_cd():
    m = alliance.public_good([10, 8, 2], a=HALF)
    return m, m.equilibrium(), m.game.equilibrium()


def _public_good_ql():
    m = alliance.public_good([10, 6], a=HALF, utility="quasi-linear")
    return m, m.equilibrium(), m.game.equilibrium()


def _leader_commitment():
    m = alliance.leader_commitment([10, 8], a=HALF)
    return m, m.equilibrium().sequential, m.game.equilibrium()


def _joint_products():
    m = alliance.joint_products([1, 1], a=HALF, b=sp.Rational(1, 10))
    return m, m.equilibrium(), m.game.equilibrium()


def _joint_products_unequal():
    m = alliance.joint_products([3.0, 1.0], a=0.5, b=0.1)
    return m, m.equilibrium(), m.game.equilibrium()


def _lumpy_task():
    m = alliance.lumpy_task()
    return m, m.equilibria(), m.game.equilibria()


def _same_contributions(model, own, generic) -> None:
    got = [generic.strategies[p] for p in model.players]
    want = list(own.contributions)
    if own.exact and generic.exact:
        assert [sp.nsimplify(g) for g in got] == [sp.nsimplify(w) for w in want]
    else:
        np.testing.assert_allclose(
            np.array(got, dtype=float), np.array(want, dtype=float), rtol=1e-7, atol=1e-9
        )


def _abandonment_entrapment():
    m = hedging.abandonment_entrapment(3, 1)
    closed = SimpleNamespace(contributions=[m.commitment], exact=True, verified=True)
    return SimpleNamespace(players=("ally",), game=m.game), closed, m.game.equilibrium()


def _capital_tax_war():
    m = capital.capital_accord()
    closed = SimpleNamespace(contributions=list(m.war_taxes), exact=True, verified=True)
    return m, closed, m.game.equilibrium()


def _capital_tax_war_float():
    m = capital.capital_accord(gap=3.5, kappa=0.25)
    closed = SimpleNamespace(contributions=list(m.war_taxes), exact=False, verified=True)
    return m, closed, m.game.equilibrium(method="numeric")


CONTINUOUS_MODELS = {
    "abandonment_entrapment": _abandonment_entrapment,
    "capital_tax_war": _capital_tax_war,
    "capital_tax_war-float": _capital_tax_war_float,
    "public_good-cobb-douglas": _public_good_cd,
    "public_good-quasi-linear": _public_good_ql,
    "leader_commitment": _leader_commitment,
    "joint_products-symmetric": _joint_products,
    "joint_products-unequal": _joint_products_unequal,
}

#: model factories of each applied subpackage and the case(s) that exercise them; a new
#: model must be added here (test_every_model_is_covered fails otherwise)
COVERED = {
    "public_good": {"public_good-cobb-douglas", "public_good-quasi-linear"},
    "leader_commitment": {"leader_commitment"},
    "joint_products": {"joint_products-symmetric", "joint_products-unequal"},
    "lumpy_task": {"lumpy_task"},
    "exploitation_test": set(),  # an empirical test, not a game (no equilibrium)
    "isoquant_model": {"isoquant"},
    "f1_frontier": {"isoquant"},
    "f2_frontier": {"isoquant"},
    "f3_frontier": {"isoquant"},
    "trust_link": set(),  # Bayes' rule on the F2 frontier (tested in test_influence)
    "bayes_update": set(),
    "cobb_douglas": set(),  # national-interest functions, not games
    "quasi_linear": set(),
    "abandonment_entrapment": {"abandonment_entrapment"},
    "allies_coordination": {"allies_coordination"},
    "fluke_or_structural": set(),  # Bayesian learning and Markov chains: no game
    "hedging_timeline": set(),
    "npv_rule": set(),  # decision rules (value matching, smooth pasting): no game
    "real_option": set(),
    "regime_switching": set(),
    "threats_reveal_type": set(),  # Bayes' rule on the trust link
    "trigger_curve": set(),
    "capital_accord": {"capital_tax_war", "capital_tax_war-float", "capital_accord"},
    "loanable_funds": set(),  # a market (rates and flows clear it), not a game
}


def test_every_model_is_covered() -> None:
    factories = {
        name
        for module in (alliance, influence, hedging, capital)
        for name in module.__all__
        if inspect.isfunction(getattr(module, name)) and name[0].islower()
    }
    assert factories <= set(COVERED), sorted(factories - set(COVERED))


@pytest.mark.parametrize("case", sorted(CONTINUOUS_MODELS), ids=str)
def test_model_game_solved_generically_agrees(case: str) -> None:
    model, own, generic = CONTINUOUS_MODELS[case]()
    assert isinstance(model.game, ContinuousGame | SequentialGame)
    assert generic.verified and own.verified
    _same_contributions(model, own, generic)


def test_allies_coordination_game_is_solved_by_the_solvers() -> None:
    m = hedging.allies_coordination()
    assert isinstance(m.game, NormalFormGame)
    eqs = m.equilibria()
    assert eqs.method == "vertex_enumeration" and len(eqs) == 3 and all(e.verified for e in eqs)


def test_capital_accord_is_solved_by_the_bargaining_solvers() -> None:
    """The accord is a BargainingProblem; the generic Nash solution from controls as the
    threat point agrees with the closed form u_i = d_i + (J_e - d_US - d_China)/2."""
    from games.bargaining import BargainingProblem

    m = capital.capital_accord()
    assert isinstance(m.accord, BargainingProblem)
    j, d = m.joint_surplus, m.controls
    generic = m.accord.with_disagreement(d).nash()
    assert generic.payoffs == (d[0] + (j - d[0] - d[1]) / 2, d[1] + (j - d[0] - d[1]) / 2)
    assert m.table()["Nash, controls as threat point"].payoffs == generic.payoffs


def test_lumpy_task_game_solved_generically_agrees() -> None:
    model, own, generic = _lumpy_task()
    assert isinstance(model.game, NormalFormGame)
    key = lambda eqs: sorted(tuple(Fraction(str(p)) for s in e.strategies for p in s) for e in eqs)  # noqa: E731
    assert key(own) == key(generic)


@pytest.mark.parametrize(
    "frontier", [influence.f1_frontier(), influence.f2_frontier(), influence.f3_frontier()]
)
def test_isoquant_models_expose_the_allies_game(frontier) -> None:
    m = influence.isoquant_model(frontier, S_C=frontier.domain[1] * sp.Rational(99, 100))
    assert m.game is frontier.game and isinstance(m.game, influence.AlliesGame)


# ---------------------------------------------------------------- the one result shape


def _results():
    import numpy as np

    from solvers import equilibria
    from solvers.continuous import ContinuousProblem, linear_aggregative_equilibrium
    from solvers.continuous import equilibria as continuous_equilibria

    q1, q2 = sp.symbols("q1 q2")
    duopoly = ContinuousProblem(
        (q1, q2), ((12 - q1 - q2) * q1, (12 - q1 - q2) * q2), ((0, None), (0, None))
    )
    n, q, s = sp.symbols("n q s", positive=True)
    yield "finite", equilibria([np.array([[3, 0], [5, 1]]), np.array([[3, 5], [0, 1]])])[0]
    yield "continuous", continuous_equilibria(duopoly)[0]
    yield "stackelberg", alliance.leader_commitment([10, 8]).game.equilibrium()
    yield "aggregative", linear_aggregative_equilibrium([10, 8, 2], 1, lower=0, upper=[10, 8, 2])
    yield "alliance", alliance.public_good([10, 8, 2]).equilibrium()
    yield "commitment", alliance.leader_commitment([10, 8]).equilibrium()
    yield "lumpy", alliance.lumpy_task().equilibria()[0]
    yield "capital-tax-war", capital.capital_accord().equilibrium()
    from solvers.continuous import symmetric_equilibrium

    yield "symmetric", symmetric_equilibrium((12 - q - s) * q, q, s, n)


RESULTS = dict(_results())


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_every_result_has_the_shared_core(name: str) -> None:
    from solvers.result import NUMBER_FORMS, EquilibriumResult

    r = RESULTS[name]
    assert isinstance(r, EquilibriumResult)
    assert isinstance(r.exact, bool) and isinstance(r.method, str) and r.method
    assert r.verified is True
    assert isinstance(r.strategies_by_player(), dict) and r.strategies_by_player()
    assert hasattr(r, "payoffs") and hasattr(r, "regret")
    for numbers in NUMBER_FORMS:
        d = r.to_dict(numbers=numbers)
        assert set(d) >= {"strategies", "exact", "method"}
    with pytest.raises(ValueError, match="numbers must be one of"):
        r.to_dict(numbers="decimal")
    assert repr(r) and r.latex().startswith(r"\begin{aligned}")
    assert r._repr_latex_() == "$" + r.latex() + "$"


@pytest.mark.parametrize("name", sorted(n for n in RESULTS if RESULTS[n].exact))
def test_exact_results_give_one_number_type_with_sympy(name: str) -> None:
    """Rational and algebraic values come out as sympy numbers together (no mix of
    ``Fraction`` and strings), and integer inputs give exact outputs."""

    def leaves(x):
        if isinstance(x, dict):
            for v in x.values():
                yield from leaves(v)
        else:
            yield x

    values = list(leaves(RESULTS[name].to_dict(numbers="sympy")["strategies"]))
    assert values and all(isinstance(v, sp.Basic) for v in values)
    assert all(not isinstance(v, sp.Float) for v in values)


def test_collections_share_their_core() -> None:
    from solvers import equilibria
    from solvers.continuous import ContinuousProblem
    from solvers.continuous import equilibria as continuous_equilibria
    from solvers.result import EquilibriumSet

    x, y = sp.symbols("x y")
    prob = ContinuousProblem(
        (x, y), (-((x - y / 2 - 1) ** 2), -((y - x / 2 - 1) ** 2)), ((0, 10), (0, 10))
    )
    for eqs in (
        equilibria([np.array([[3, 0], [0, 2]]), np.array([[2, 0], [0, 3]])]),
        continuous_equilibria(prob),
    ):
        assert isinstance(eqs, EquilibriumSet)
        d = eqs.to_dict()
        assert set(d) >= {"method", "exact", "complete", "degenerate", "notes", "equilibria"}
        assert len(d["equilibria"]) == len(eqs)
        assert eqs.latex().count(r"\text{(") == len(eqs)
