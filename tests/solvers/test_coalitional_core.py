"""Core, least core and nucleolus: exact certificates, lexicographic optimality, peers."""

from __future__ import annotations

import warnings
from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from solvers.coalitional import (
    characteristic_vector,
    in_core,
    kohlberg_check,
    least_core,
    nucleolus,
    popcounts,
)


@st.composite
def superadditive_ish(draw, max_n: int = 5):
    """Random integer games with nonnegative worths, v(N) large enough for imputations."""
    n = draw(st.integers(2, max_n))
    vals = draw(st.lists(st.integers(0, 12), min_size=1 << n, max_size=1 << n))
    v = np.array(vals, dtype=np.int64) * popcounts(n)
    v[0] = 0
    v[-1] = max(int(v[-1]), int(sum(v[1 << i] for i in range(n))))
    return n, v


def excesses(v: np.ndarray, n: int, x: list) -> list:
    out = []
    for mask in range(1, (1 << n) - 1):
        out.append(F(int(v[mask])) - sum(F(x[i]) for i in range(n) if mask >> i & 1))
    return sorted(out, reverse=True)


@given(superadditive_ish(), st.data())
def test_nucleolus_is_lexicographically_minimal(game, data) -> None:
    """No imputation has a lexicographically smaller sorted excess vector (Schmeidler)."""
    n, v = game
    x, exact, _ = nucleolus(v, n)
    assert exact
    assert sum(x) == v[-1] and all(x[i] >= v[1 << i] for i in range(n))
    ex = excesses(v, n, x)
    surplus = int(v[-1]) - sum(int(v[1 << i]) for i in range(n))
    for _ in range(5):  # random rational imputations
        w = data.draw(st.lists(st.integers(0, 20), min_size=n, max_size=n))
        tot = sum(w) or 1
        y = [F(int(v[1 << i])) + F(surplus * w[i], tot) for i in range(n)]
        if sum(w) == 0:
            y = [F(int(v[1 << i])) for i in range(n)]
            y[0] += surplus
        assert ex <= excesses(v, n, y)


@given(superadditive_ish())
def test_least_core_certificate_and_core_consistency(game) -> None:
    n, v = game
    x, eps, exact = least_core(v, n)
    assert exact and sum(x) == v[-1]
    assert max(excesses(v, n, x)) == eps
    nu = nucleolus(v, n)[0]
    if eps <= 0:  # nonempty core contains the least core point and the nucleolus
        assert in_core(v, x, n) and in_core(v, nu, n)
    else:
        assert not in_core(v, nu, n)


@given(superadditive_ish(max_n=4))
def test_float_and_exact_nucleolus_agree(game) -> None:
    n, v = game
    exact = nucleolus(v, n)[0]
    approx, flag, _ = nucleolus(v.astype(float), n)
    assert not flag
    assert approx == pytest.approx([float(t) for t in exact], abs=1e-7 * max(1, int(v[-1])))


def backends() -> list[str]:
    try:
        import highspy  # noqa: F401
    except ImportError:
        return ["linprog"]
    return ["linprog", "highs"]


@given(superadditive_ish(max_n=5), st.sampled_from(backends()), st.booleans())
def test_lp_backends_give_the_certified_nucleolus(game, backend, imputations) -> None:
    # highspy's warm-started model and linprog's rebuilt ones: same certified point
    n, v = game
    x, exact, _ = nucleolus(v, n, imputations=imputations, backend=backend)
    assert exact
    fv = [F(int(t)) for t in v]
    assert kohlberg_check(fv, n, x, imputations)
    approx, flag, _ = nucleolus(v.astype(float), n, imputations=imputations, backend=backend)
    assert not flag
    assert approx == pytest.approx([float(t) for t in x], abs=1e-7 * max(1, int(v[-1])))


@given(superadditive_ish(max_n=5), st.data())
def test_kohlberg_rejects_every_other_imputation(game, data) -> None:
    # the nucleolus is unique: moving any rational amount between two players must fail
    # the certificate (its levels that add no rank skip the simplex, soundly)
    n, v = game
    x = nucleolus(v, n)[0]
    i, j = data.draw(st.permutations(range(n)))[:2]
    d = F(data.draw(st.integers(1, 7)), data.draw(st.integers(1, 5)))
    y = list(x)
    y[i] += d
    y[j] -= d
    fv = [F(int(t)) for t in v]
    assert kohlberg_check(fv, n, x, True)
    assert not kohlberg_check(fv, n, y, True)
    assert not kohlberg_check(fv, n, y, False) or not kohlberg_check(fv, n, x, False)


def test_unknown_backend_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="backend"):
        nucleolus(np.array([0, 0, 0, 1]), 2, backend="glpk")


def test_prenucleolus_can_leave_the_imputations() -> None:
    """v(12) = 10, v(123) = 2, singletons 0 (coopgame's README example): nucleolus
    (1, 1, 0), prenucleolus (3, 3, -4)."""
    v = characteristic_vector({(0, 1): 10, (0, 1, 2): 2}, n=3)
    assert nucleolus(v)[0] == [1, 1, 0]
    assert nucleolus(v, imputations=False)[0] == [3, 3, -4]


def test_no_imputations_is_a_clear_error() -> None:
    v = characteristic_vector([0, 2, 2, 1])
    with pytest.raises(ValueError, match="prenucleolus"):
        nucleolus(v)


def test_kohlberg_rejects_wrong_points() -> None:
    fv = [
        F(x)
        for x in characteristic_vector(
            lambda s: max(0, 200 - sum(d for i, d in enumerate((100, 200, 300)) if i not in s)),
            n=3,
        ).tolist()
    ]
    assert kohlberg_check(fv, 3, [F(50), F(75), F(75)], True)
    assert not kohlberg_check(fv, 3, [F(200, 3)] * 3, True)


def test_in_core_with_tolerance_for_floats() -> None:
    v = np.array([0.0, 0.0, 0.0, 1.0])
    assert in_core(v, [0.5 + 1e-12, 0.5 - 1e-12])
    assert not in_core(v, [1.1, -0.1])
    with pytest.raises(ValueError, match="one entry per player"):
        in_core(v, [1.0])


def test_nucleolus_matches_coopgame_peer() -> None:
    coopgame = pytest.importorskip("coopgame", reason="coopgame-py (bench extra) not installed")
    rng = np.random.default_rng(11)
    for n in (3, 4, 6, 8):
        v = rng.integers(0, 40, 1 << n) * popcounts(n)
        v[0] = 0
        v[-1] = 50 * n
        ours, exact, _ = nucleolus(v)
        assert exact
        peer = coopgame.nucleolus(coopgame.Game([float(t) for t in v[1:]]))["allocation"]
        assert np.allclose(peer, [float(t) for t in ours], atol=1e-6)
        lc_peer = coopgame.least_core(coopgame.Game([float(t) for t in v[1:]]))
        eps_peer = (
            lc_peer.get("epsilon", lc_peer.get("value")) if isinstance(lc_peer, dict) else None
        )
        if eps_peer is not None:
            assert float(least_core(v)[1]) == pytest.approx(float(eps_peer), abs=1e-6)


def test_exact_nucleolus_equals_coopgame_exact_peer() -> None:
    """coopgame-py's nucleolus_exact runs the LP sequence in rationals: equality, not
    closeness."""
    coopgame = pytest.importorskip("coopgame", reason="coopgame-py (bench extra) not installed")
    rng = np.random.default_rng(12)
    for n in (3, 4, 5, 6):
        v = rng.integers(0, 30, 1 << n) * popcounts(n)
        v[0] = 0
        v[-1] = 37 * n
        ours, exact, _ = nucleolus(v)
        peer = coopgame.nucleolus_exact([int(t) for t in v[1:]])["allocation"]
        assert exact and [F(t) for t in peer] == ours


def test_no_warnings_on_textbook_games() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nucleolus(characteristic_vector(lambda s: int(len(s) >= 3), n=5))


def test_highs_failure_falls_back_to_linprog(monkeypatch) -> None:
    pytest.importorskip("highspy", reason="highspy (the 'fast' extra) is not installed")

    def fail(self):
        raise RuntimeError("HiGHS failed on a coalition LP: simulated")

    monkeypatch.setattr("solvers.coalitional._stages.HighsStages.solve", fail)
    v = np.array([0, 0, 0, 1, 0, 1, 1, 1])  # majority game: nucleolus (1/3, 1/3, 1/3)
    assert nucleolus(v, 3, backend="highs")[:2] == ([F(1, 3)] * 3, True)
    x, exact, _ = nucleolus(v.astype(float), 3)
    assert not exact and x == pytest.approx([1 / 3] * 3)
