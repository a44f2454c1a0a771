"""ContinuousGame: construction, validation, display, best responses and equilibria.

Expected values come from closed forms (docs/models.md §a.1-a.3, textbook Cournot) computed in
the tests themselves, never from the code under test.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import sympy as sp

from games.continuous import AggregativeGame, ContinuousGame, SymmetricGame
from games.parameters import Parameter
from solvers.continuous import MultipleEquilibriaWarning, NoEquilibriumFound

R = sp.Rational


def cournot(n: int, a=10, c=1, costs=None) -> ContinuousGame:
    q = sp.symbols(f"q1:{n + 1}")
    A, C = sp.symbols("a c")
    total = sum(q)
    costs = costs or [C] * n
    return ContinuousGame(
        tuple(f"Firm {i + 1}" for i in range(n)),
        q,
        [(A - total - ci) * qi for qi, ci in zip(q, costs, strict=True)],
        [(0, None)] * n,
        [Parameter(A, a, (0, None), "demand intercept"), Parameter(C, c, (0, None), "cost")],
    )


def public_good(incomes, a=None) -> ContinuousGame:
    """BBV Cobb-Douglas public good (docs/models.md §a.2), a = 1/2 by default."""
    a = R(1, 2) if a is None else a
    n = len(incomes)
    g = sp.symbols(f"g1:{n + 1}")
    w = sp.symbols(f"w1:{n + 1}", positive=True)
    A = sp.Symbol("a", positive=True)
    G = sum(g)
    return ContinuousGame(
        tuple(f"Ally {i + 1}" for i in range(n)),
        g,
        [(1 - A) * sp.log(wi - gi) + A * sp.log(G) for wi, gi in zip(w, g, strict=True)],
        [(0, wi) for wi in w],
        [
            Parameter(wi, v, sp.Interval.open(0, sp.oo), "income")
            for wi, v in zip(w, incomes, strict=True)
        ]
        + [Parameter(A, a, sp.Interval.open(0, 1))],
    )


def bbv_closed_form(incomes, a):
    """Contributor-set formula of docs/models.md §a.2, found by trying the m richest."""
    order = sorted(range(len(incomes)), key=lambda i: -incomes[i])
    for m in range(len(incomes), 0, -1):
        C = order[:m]
        G = a * sum(incomes[i] for i in C) / (a + m * (1 - a))
        y = (1 - a) / a * G
        if all(incomes[i] > y for i in C) and all(incomes[i] <= y for i in order[m:]):
            g = [incomes[i] - y if i in C else 0 for i in range(len(incomes))]
            return G, g
    raise AssertionError("no contributor set")


# ------------------------------------------------------------------ construction
def test_repr_latex_and_accessors():
    game = cournot(2)
    assert game.n_players == 2 and game.players == ("Firm 1", "Firm 2")
    assert [p.name for p in game.parameters] == ["a", "c"]
    assert game.bounds[0] == (0, sp.oo)
    text = repr(game)
    assert "Firm 1: q1 in [0, oo]" in text and "parameters: a=10, c=1" in text
    latex = game.latex()
    assert latex.startswith("\\begin{aligned}") and "\\max_{q_{1} \\ge 0}" in latex
    assert game._repr_latex_().startswith("$")


def test_symbolic_bounds_and_name_unification():
    g1, g2 = sp.symbols("g1 g2")
    w = sp.Symbol("w")  # same name as the parameter's symbol but different assumptions
    wp = sp.Symbol("w", positive=True)
    game = ContinuousGame(
        ("A", "B"),
        (g1, g2),
        (sp.log(w - g1) + sp.log(g1 + g2), sp.log(8 - g2) + sp.log(g1 + g2)),
        ((0, w), (0, 8)),
        [Parameter(wp, 10)],
    )
    assert game.bounds[0] == (0, wp)
    assert wp in game.payoffs[0].free_symbols


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"payoffs": ("X", "Y")}, "must be a sympy expression|expected a number"),
        ({"bounds": ((1, 0), (0, 1))}, "lower bound must be below"),
        ({"bounds": ((0, 1),)}, "one entry per player"),
        ({"payoffs": (-(sp.Symbol("x") ** 2), -sp.Symbol("x"))}, "does not depend on its own"),
        (
            {"payoffs": (-(sp.Symbol("x") ** 2) * sp.Symbol("k"), -(sp.Symbol("y") ** 2))},
            "undeclared symbol",
        ),
        ({"bounds": ((0, sp.Symbol("y")), (0, 1))}, "depends on strategies"),
        ({"bounds": ((0, sp.Symbol("z")), (0, 1))}, "undeclared symbol"),
        ({"players": ("A", "A")}, "distinct"),
        ({"players": "AB"}, "sequence of names"),
        ({"strategies": ("x", "y")}, "sympy Symbol"),
    ],
)
def test_validation_errors(kwargs, match):
    x, y = sp.symbols("x y")
    args = {
        "players": ("A", "B"),
        "strategies": (x, y),
        "payoffs": (-(x**2), -(y**2)),
        "bounds": ((0, 1), (0, 1)),
    }
    args.update(kwargs)
    with pytest.raises((ValueError, TypeError), match=match):
        ContinuousGame(**args)


def test_bounds_checked_with_defaults_and_domain_errors():
    x, y, w = sp.symbols("x y w")
    with pytest.raises(ValueError, match="lower bound must be below"):
        ContinuousGame(
            ("A", "B"), (x, y), (-(x**2), -(y**2)), ((0, w), (0, 1)), [Parameter(w, -1)]
        )
    game = public_good([10, 8, 2])
    with pytest.raises(ValueError, match="'a' = 2 is outside its domain"):
        game.equilibrium(a=2)
    with pytest.raises(ValueError, match="unknown parameter 'b'"):
        game.equilibrium(b=1)


def test_parameter_without_value_stays_free():
    # no value and no default: the closed forms by region (argmax of -x^2 + kx on [0, 1]
    # is k/2 for 0 < k < 2, 0 for k <= 0, 1 for k >= 2), not a refusal
    x, y, k = sp.symbols("x y k")
    game = ContinuousGame(("A", "B"), (x, y), (-(x**2) + k * x, -(y**2)), ((0, 1), (0, 1)), [k])
    regions = game.equilibria()
    assert regions.complete and regions.unique
    a_of_k = regions.piecewise()["A"]
    for kv, expected in ((-3, 0), (0, 0), (1, R(1, 2)), (2, 1), (5, 1)):
        assert a_of_k.subs(k, kv) == expected
    assert game.equilibrium(k=1).strategies == {"A": R(1, 2), "B": 0}
    with pytest.raises(ValueError, match="assumptions= applies to free parameters"):
        game.equilibria(k=1, assumptions=[k > 0])


def test_cournot_with_a_free_parameter_given_its_own_symbol():
    # textbook Cournot with demand a - Q and cost c = 1 (default): q_i = (a - 1)/3 for a > 1
    game = cournot(2)
    a = sp.Symbol("a")
    regions = game.equilibrium(a=a)
    A = game.parameters[0].symbol
    assert regions.parameters == (A,)
    interior = [r for r in regions if r.active["Firm 1"] == "interior"]
    assert len(interior) == 1
    assert sp.simplify(interior[0].strategies["Firm 1"] - (A - 1) / 3) == 0
    assert interior[0].contains({"a": 4}) and not interior[0].contains({"a": 1})
    assert regions.equilibria_at({"a": 7}) == [{"Firm 1": 2, "Firm 2": 2}]
    assert regions.equilibria_at({"a": R(1, 2)}) == [{"Firm 1": 0, "Firm 2": 0}]


def test_subs_binds_and_checks():
    game = cournot(2)
    g = game.subs(a=12)
    assert [p.name for p in g.parameters] == ["c"]
    assert sp.Symbol("a") not in g.payoffs[0].free_symbols
    with pytest.raises(ValueError, match="outside its domain"):
        game.subs(c=-1)
    assert game.subs({"a": 13, "c": 1}).equilibrium().strategies["Firm 1"] == 4


# ---------------------------------------------------------------- best responses
def test_cournot_best_response_is_clipped_foc():
    game = cournot(2)
    br = game.best_response("Firm 1")
    a, c, q2 = sp.symbols("a c q2")
    expected = sp.Piecewise((0, a - c - q2 <= 0), ((a - c - q2) / 2, True))
    for vals in ({a: 10, c: 1, q2: 3}, {a: 10, c: 1, q2: 20}, {a: 5, c: 2, q2: 0}):
        assert br.expr.subs(vals) == expected.subs(vals)
    assert br.concave is True and "strictly concave" in br.concavity
    assert br.evaluate([3.0], a=10, c=1) == pytest.approx(3.0, abs=1e-9)


def test_public_good_best_response_matches_bbv_formula():
    game = public_good([10, 8, 2])
    br = game.best_response("Ally 3", a=R(1, 2), w3=2)
    g1, g2 = sp.symbols("g1 g2")
    # docs/models.md §a.2: g_i = max(0, a*w_i - (1-a)*G_{-i})
    for G in (0, 1, R(3, 2), 2, 5, 17):
        got = br.expr.subs({g1: G, g2: 0})
        assert got == max(0, R(1, 2) * 2 - R(1, 2) * G)


def test_nonconcave_best_response_is_numeric():
    x, y = sp.symbols("x y")
    game = ContinuousGame(("A", "B"), (x, y), (x**3 - x * y, -((y - x) ** 2)), ((-1, 1), (0, 2)))
    br = game.best_response("A")
    assert br.concave is False and br.expr is None
    # u_A = x^3 - x*y on [-1, 1]: local max at -sqrt(y/3) worth (2/3) y sqrt(y/3),
    # against 1 - y at x = 1. y = 2: 1.089 > -1, so -sqrt(2/3); y = 1/2: 0.136 < 1/2, so 1
    assert br.evaluate([2.0]) == pytest.approx(-np.sqrt(2 / 3), abs=1e-9)
    assert br.evaluate([0.5]) == pytest.approx(1.0)


# ------------------------------------------------------------------- equilibria
@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_n_firm_cournot_closed_form(n):
    a, c = 13, 1
    eq = cournot(n, a=a, c=c).equilibrium()
    q = R(a - c, n + 1)  # textbook symmetric Cournot quantity
    assert eq.exact and eq.unique
    assert all(v == q for v in eq.strategies.values())
    assert all(v == q * q for v in eq.payoffs.values())
    assert eq.regret == 0


def test_cournot_asymmetric_costs_with_exit():
    # firm 2's cost is so high that it produces nothing: q1 = (a - c1)/2 = 4.5,
    # and firm 2's marginal profit at 0 is a - q1 - c2 = 10 - 4.5 - 6 < 0
    q1, q2 = sp.symbols("q1 q2")
    game = ContinuousGame(
        ("F1", "F2"),
        (q1, q2),
        ((10 - q1 - q2 - 1) * q1, (10 - q1 - q2 - 6) * q2),
        ((0, None), (0, None)),
    )
    eq = game.equilibrium()
    assert eq.strategies == {"F1": R(9, 2), "F2": 0}
    assert eq.active == {"F1": "interior", "F2": "lower"}


def test_public_good_poorest_at_corner_bbv():
    eq = public_good([10, 8, 2]).equilibrium()
    assert eq.strategies == {"Ally 1": 4, "Ally 2": 2, "Ally 3": 0}
    assert sum(eq.profile) == 6
    assert eq.active["Ally 3"] == "lower"
    assert eq.exact and eq.unique
    assert "complete active-set enumeration" in eq.uniqueness


def test_public_good_neutrality():
    eq = public_good([9, 9, 2]).equilibrium()
    assert eq.strategies == {"Ally 1": 3, "Ally 2": 3, "Ally 3": 0}


def test_olson_zeckhauser_exploitation_no_interior_equilibrium():
    # docs/models.md §a.1: u_i = T_i log X - x_i, T = (5, 2, 1) -> x = (5, 0, 0)
    x = sp.symbols("x1:4")
    T = (5, 2, 1)
    game = ContinuousGame(
        ("US", "UK", "FR"),
        x,
        [t * sp.log(sum(x)) - xi for t, xi in zip(T, x, strict=True)],
        [(0, None)] * 3,
    )
    eqs = game.equilibria()
    assert len(eqs) == 1 and eqs.complete
    assert eqs[0].strategies == {"US": 5, "UK": 0, "FR": 0}
    assert all(v == "lower" for k, v in eqs[0].active.items() if k != "US")


def test_game_with_only_corner_equilibrium():
    # a linear public-good dilemma: marginal private benefit 1 < cost 2
    x, y = sp.symbols("x y")
    game = ContinuousGame(("A", "B"), (x, y), ((x + y) - 2 * x, (x + y) - 2 * y), ((0, 1), (0, 1)))
    eq = game.equilibrium()
    assert eq.strategies == {"A": 0, "B": 0} and eq.unique
    assert set(eq.active.values()) == {"lower"}


def test_several_equilibria_all_reported():
    # best response x = 3y^2 - 2y^3 (smoothstep): its fixed points are 0, 1/2, 1
    x, y = sp.symbols("x y")
    f = lambda z: 3 * z**2 - 2 * z**3  # noqa: E731
    game = ContinuousGame(
        ("A", "B"), (x, y), (-((x - f(y)) ** 2), -((y - f(x)) ** 2)), ((0, 1), (0, 1))
    )
    eqs = game.equilibria()
    assert sorted(e.profile for e in eqs) == [(0, 0), (R(1, 2), R(1, 2)), (1, 1)]
    assert eqs.complete and not eqs.unique
    with pytest.warns(MultipleEquilibriaWarning, match="3 equilibria"):
        game.equilibrium()
    numeric = game.equilibria(method="numeric", starts=12)
    assert len(numeric) >= 2 and not numeric.unique


def test_linear_pennies_has_the_mixed_point_as_equilibrium():
    # matching pennies with x, y = probabilities of "heads": the only equilibrium is 1/2
    x, y = sp.symbols("x y")
    game = ContinuousGame(
        ("A", "B"), (x, y), (x * (2 * y - 1), -y * (2 * x - 1)), ((0, 1), (0, 1))
    )
    eq = game.equilibrium()
    assert eq.strategies == {"A": R(1, 2), "B": R(1, 2)} and eq.unique


def test_no_equilibrium_raises():
    # A's payoff grows without bound in x >= 0 whatever B does: no best response exists
    x, y = sp.symbols("x y")
    game = ContinuousGame(
        ("A", "B"), (x, y), (x * (1 + y**2), -((y - 1) ** 2)), ((0, None), (0, 2))
    )
    eqs = game.equilibria()
    assert len(eqs) == 0 and eqs.complete
    with pytest.raises(NoEquilibriumFound, match="none exists"):
        game.equilibrium()


@pytest.mark.parametrize(
    "game",
    [cournot(3, a=11, c=2), public_good([10, 8, 2]), public_good([5, 4, 3], R(1, 3))],
    ids=["cournot-3", "bbv-10-8-2", "bbv-5-4-3"],
)
def test_exact_and_numeric_agree(game):
    exact = game.equilibrium(method="exact")
    numeric = game.equilibrium(method="numeric")
    assert exact.exact and not numeric.exact
    np.testing.assert_allclose(
        [float(v) for v in exact.profile], numeric.profile, rtol=1e-9, atol=1e-9
    )
    assert exact.active == numeric.active
    assert all(
        r <= t for r, t in zip(numeric.regrets.values(), numeric.tolerance.values(), strict=True)
    )


def test_float_parameters_go_numeric():
    eq = public_good([10.0, 8.0, 2.0], 0.5).equilibrium()
    assert not eq.exact
    np.testing.assert_allclose(eq.profile, [4, 2, 0], atol=1e-9)
    with pytest.raises(ValueError, match="exact numbers"):
        public_good([10.0, 8.0, 2.0], 0.5).equilibrium(method="exact")


def test_result_to_dict_and_repr():
    eq = public_good([10, 8, 2]).equilibrium()
    d = eq.to_dict()
    from fractions import Fraction

    assert d["strategies"] == {"Ally 1": 4, "Ally 2": 2, "Ally 3": 0}
    assert d["active"]["Ally 3"] == "lower" and d["exact"] is True
    assert d["unique"] is True and d["values"]["a"] == Fraction(1, 2)
    text = repr(eq)
    assert "Ally 3 at lower" in text and "unique (proven)" in text


# ------------------------------------------------------------ comparative statics
def test_derivative_public_good_matches_theory():
    # docs/models.md §a.2: dG/dw_i = a/(a + m(1-a)) for a contributor, 0 otherwise
    eq = public_good([10, 8, 2]).equilibrium()
    d = eq.derivative("w1")
    a, m = R(1, 2), 2
    dG = a / (a + m * (1 - a))
    assert sum(d.values()) == dG
    assert d["Ally 3"] == 0
    assert d["Ally 1"] == 1 - (1 - a) / a * dG  # g_1 = w_1 - ((1-a)/a) G


def test_derivative_matches_finite_differences():
    game = public_good([10, 8, 2])
    base = game.equilibrium(method="numeric")
    for name in ("w1", "w2", "a"):
        d = base.derivative(name)
        h = 1e-6
        v0 = {p.name: float(p.default) for p in game.parameters}
        up = game.equilibrium(method="numeric", **{**v0, name: v0[name] + h})
        dn = game.equilibrium(method="numeric", **{**v0, name: v0[name] - h})
        fd = (np.array(up.profile) - np.array(dn.profile)) / (2 * h)
        np.testing.assert_allclose(list(d.values()), fd, atol=1e-5)


def test_sweep_detects_exit():
    game = public_good([10, 8, 2])
    grid = np.linspace(1.0, 9.0, 801)
    s = game.sweep({"w3": grid})
    # Ally 3 contributes iff w3 > ((1-a)/a) * G with G = a*(10+8+w3)/(a+3(1-a)) (all in)
    # i.e. w3 > (18 + w3)/4, i.e. w3 > 6
    contributing = s.strategies["Ally 3"] > 1e-12
    assert not contributing[grid <= 6].any() and contributing[grid > 6.02].all()
    assert len(s.switches) == 1
    sw = s.switches[0]
    lo, hi = sw["between"]["w3"]
    assert lo <= 6 <= hi and sw["players"] == {"Ally 3": ("lower", "interior")}
    # closed form on both sides (docs/models.md §a.2)
    for w3 in (3.0, 8.0):
        k = int(np.argmin(np.abs(grid - w3)))
        G, _ = bbv_closed_form([10, 8, grid[k]], 0.5)
        assert sum(v[k] for v in s.strategies.values()) == pytest.approx(G, rel=1e-12)
    assert not s.missing.any() and not s.multiple.any()


def test_sweep_grid_errors():
    game = public_good([10, 8, 2])
    with pytest.raises(ValueError, match="leaves its domain"):
        game.sweep({"a": [0.5, 1.5]})
    with pytest.raises(ValueError, match="unknown parameter"):
        game.sweep({"zz": [1.0]})
    with pytest.raises(ValueError, match="non-finite"):
        game.sweep({"w1": [np.nan]})


# -------------------------------------------------------------------- leadership
def test_stackelberg_duopoly():
    # leader (a-c)/2, follower (a-c)/4 with a=10, c=1
    st = cournot(2).stackelberg("Firm 1")
    assert st.strategies == {"Firm 1": R(9, 2), "Firm 2": R(9, 4)}
    assert st.exact and st.subgame_perfect
    assert st.payoffs["Firm 1"] == R(81, 8)


def test_varian_sequential_public_good():
    # docs/models.md §a.3: g1 = a*w1 - (1-a)*w2, G = a*(w2 + g1); below the Nash total 6
    game = public_good([10, 8])
    st = game.stackelberg("Ally 1")
    a, w1, w2 = R(1, 2), 10, 8
    g1 = a * w1 - (1 - a) * w2
    assert st.strategies["Ally 1"] == g1
    assert st.strategies["Ally 1"] + st.strategies["Ally 2"] == a * (w2 + g1)
    assert sum(st.strategies.values()) < sum(game.equilibrium().profile)
    num = game.stackelberg("Ally 1", method="numeric")
    assert num.subgame_perfect and not num.exact
    assert num.strategies["Ally 1"] == pytest.approx(float(g1), abs=1e-6)


# ------------------------------------------------------------ aggregative, symmetric
def test_aggregative_game_matches_bbv_and_explicit_game():
    g, G, w, a = sp.symbols("g G w a", positive=True)
    incomes = [10, 8, 2, 7]
    game = AggregativeGame(
        g,
        G,
        (1 - a) * sp.log(w - g) + a * sp.log(G),
        (0, w),
        {w: incomes},
        [Parameter(a, R(1, 2), sp.Interval.open(0, 1))],
    )
    eq = game.equilibrium()
    G_cf, g_cf = bbv_closed_form(incomes, 0.5)
    assert eq.aggregate == pytest.approx(G_cf, rel=1e-12)
    np.testing.assert_allclose(eq.strategies, g_cf, atol=1e-12)
    assert eq.verified and eq.unique
    explicit = game.to_continuous_game().equilibrium()
    np.testing.assert_allclose([float(v) for v in explicit.profile], eq.strategies, atol=1e-12)


def test_aggregative_game_validation():
    g, G, w = sp.symbols("g G w", positive=True)
    with pytest.raises(ValueError, match="finite 1-D array"):
        AggregativeGame(g, G, sp.log(w - g) + sp.log(G), (0, w), {w: [[1, 2]]})
    with pytest.raises(ValueError, match="undeclared"):
        AggregativeGame(g, G, sp.Symbol("k") * sp.log(G) - g, (0, w), {w: [1, 2]})


@pytest.mark.parametrize("n", [2, 3, 4])
def test_symmetric_public_good_closed_form_matches_explicit_games(n):
    g, S, N, w, a = sp.symbols("g S n w a", positive=True)
    game = SymmetricGame(
        g,
        S,
        (1 - a) * sp.log(w - g) + a * sp.log(g + S),
        (0, w),
        N,
        [Parameter(a, None, sp.Interval.open(0, 1)), w],
    )
    eq = game.equilibrium()
    closed = a * w / (a + N * (1 - a))  # BBV with every ally contributing
    assert sp.simplify(eq.interior[0] - closed) == 0
    vals = {"a": R(1, 3), "w": 6}
    explicit = game.to_continuous_game(n, **vals).equilibrium()
    expected = closed.subs({N: n, a: R(1, 3), w: 6})
    assert all(v == expected for v in explicit.profile)


def test_symmetric_cournot_and_sandler_joint_products():
    q, S, N, A, C = sp.symbols("q S n a c", positive=True)
    eq = SymmetricGame(q, S, (A - C - q - S) * q, (0, None), N, [A, C]).equilibrium()
    assert sp.simplify(eq.interior[0] - (A - C) / (N + 1)) == 0
    # docs/models.md §a.4: q^N = w(a/n + b)/(1 - a + a/n); a=1/2, n=4, w=1, b=1/10 -> 9/25
    a, b, w = sp.symbols("a b w", positive=True)
    sandler = SymmetricGame(
        q, S, (1 - a - b) * sp.log(w - q) + a * sp.log(q + S) + b * sp.log(q), (0, w), N, [a, b, w]
    ).equilibrium()
    val = sandler.interior[0].subs({a: R(1, 2), b: R(1, 10), w: 1, N: 4})
    assert sp.nsimplify(val) == R(9, 25)


def test_equilibrium_warning_free_on_unique_games():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cournot(2).equilibrium()
