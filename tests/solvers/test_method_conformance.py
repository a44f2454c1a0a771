"""Every method of the dispatcher's table, on the same games, checked against the others
and against its documented guarantee (one shared test every method must pass)."""

from __future__ import annotations

import warnings
from fractions import Fraction

import numpy as np
import pytest

import solvers
import solvers.finite
from solvers.finite import METHODS, equilibria, is_degenerate

TEXTBOOK = {
    "prisoners-dilemma": ([[3, 0], [5, 1]], [[3, 5], [0, 1]]),
    "battle-of-the-sexes": ([[3, 0], [0, 2]], [[2, 0], [0, 3]]),
    "matching-pennies": ([[1, -1], [-1, 1]], [[-1, 1], [1, -1]]),
    "chicken": ([[3, 2], [4, 0]], [[3, 4], [2, 0]]),
    "rock-paper-scissors": (
        [[0, -1, 1], [1, 0, -1], [-1, 1, 0]],
        [[0, 1, -1], [-1, 0, 1], [1, -1, 0]],
    ),
    # degenerate: the column player is indifferent against row 0 (a segment of equilibria
    # from ((1, 0), (1, 0)) to ((1, 0), (1/2, 1/2)) plus its extreme points)
    "degenerate-entry": ([[1, 1], [0, 2]], [[1, 1], [0, 2]]),
}

#: number of extreme equilibria, derived by hand
EXPECTED_COUNT = {
    "prisoners-dilemma": 1,
    "battle-of-the-sexes": 3,
    "matching-pennies": 1,
    "chicken": 3,
    "rock-paper-scissors": 1,
    "degenerate-entry": 3,
}


def _key(eq) -> tuple[Fraction, ...]:
    return tuple(Fraction(p).limit_denominator(10**6) for s in eq.strategies for p in s)


def _run(method: str, payoffs, exact: bool):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # degeneracy warnings are checked by other tests
        return equilibria([np.array(u) for u in payoffs], method=method, exact=exact)


def test_method_names_agree_everywhere() -> None:
    """The dispatcher's names are the solver functions' names, exported by both façades."""
    for name, (function, _) in METHODS.items():
        assert function.__name__ == name
        assert getattr(solvers.finite, name) is function
        assert getattr(solvers, name) is function


@pytest.mark.parametrize("exact", [True, False], ids=["exact", "float"])
@pytest.mark.parametrize("game", sorted(TEXTBOOK))
@pytest.mark.parametrize("method", sorted(METHODS))
def test_each_method_meets_its_guarantee(method: str, game: str, exact: bool) -> None:
    payoffs = TEXTBOOK[game]
    A, B = (np.array(u) for u in payoffs)
    if method == "zero_sum_lp" and not np.all(A + B == (A + B).flat[0]):
        with pytest.raises(ValueError, match="zero-sum"):  # its guarantee covers zero-sum games
            _run(method, payoffs, exact)
        return
    reference = {_key(e) for e in _run("vertex_enumeration", payoffs, exact=True)}
    assert len(reference) == EXPECTED_COUNT[game]
    result = _run(method, payoffs, exact)
    assert result.method == method and result.exact == exact
    found = {_key(e) for e in result}
    assert all(e.verified for e in result)
    degenerate = is_degenerate(A, B)
    if method == "vertex_enumeration":
        assert found == reference and result.complete
    elif method == "support_enumeration":
        assert found <= reference
        assert result.complete == (not degenerate)
        if not degenerate:
            assert found == reference
    elif method in ("lemke_howson", "lemke_howson_all_labels"):
        assert found and found <= reference and not result.complete
        if method == "lemke_howson":
            assert len(result) == 1
    elif method == "pure_equilibria":
        pure = {k for k in reference if all(p in (0, 1) for p in k)}
        assert found == pure and result.complete
    elif method == "zero_sum_lp":
        assert found == reference and result.complete
    elif method == "polynomial_equilibria":
        # every isolated equilibrium; complete unless a support has a continuum, and then
        # it says so
        if result.complete:
            assert found == reference
        else:
            assert any("continuum" in n for n in result.notes)
            if not degenerate:
                assert found <= reference
    elif method == "path_following_equilibrium":
        # one equilibrium (the logit branch's limit), never a claim of completeness; on
        # a nondegenerate game it is one of the extreme (here: all) equilibria
        assert len(result) == 1 and not result.complete
        if not degenerate:
            assert found <= reference
    elif method == "path_following_equilibria":
        # several equilibria (the limits of logit branches from several priors), never a
        # claim of completeness; on a nondegenerate game extreme (here: all) equilibria,
        # always including the principal branch's
        assert found and not result.complete
        principal = {_key(e) for e in _run("path_following_equilibrium", payoffs, exact)}
        assert principal <= found
        if not degenerate:
            assert found <= reference
    else:  # pragma: no cover - a new method must state its guarantee here
        pytest.fail(f"no guarantee stated for {method}")


def _profiles(eqs) -> np.ndarray:
    return np.array(
        [np.concatenate([np.asarray(s, dtype=float) for s in e.strategies]) for e in eqs]
    )


def _within(a: np.ndarray, b: np.ndarray, tol: float = 1e-8) -> bool:
    """Every profile of ``a`` matches one of ``b`` within ``tol`` (max-norm)."""
    return all(np.min(np.max(np.abs(b - x), axis=1)) < tol for x in a)


def test_methods_on_von_stengel_6x6() -> None:
    from games import catalog

    payoffs = tuple(
        np.array(u, dtype=float)
        for u in catalog.load("vonstengel1999-6x6").payoff_arrays(exact=False)
    )
    reference = _profiles(_run("vertex_enumeration", payoffs, exact=False))
    assert len(reference) == 75
    support = _profiles(_run("support_enumeration", payoffs, exact=False))
    assert len(support) == 75 and _within(support, reference) and _within(reference, support)
    labels = _run("lemke_howson_all_labels", payoffs, exact=False)
    assert _within(_profiles(labels), reference) and not labels.complete
    pure = _profiles(_run("pure_equilibria", payoffs, exact=False))
    is_pure = np.all(np.isclose(reference, 0) | np.isclose(reference, 1), axis=1)
    assert len(pure) == int(is_pure.sum()) and _within(pure, reference[is_pure])
