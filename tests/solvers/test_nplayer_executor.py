"""``polynomial_equilibria(..., executor=...)``: the numerical solving of the support
systems spread over workers gives the same equilibria, bit for bit, as in one process."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import numpy as np
import pytest

from solvers.finite import polynomial_equilibria
from solvers.finite._polynomial import SUBDIVISION_CHUNK, _numeric_route
from solvers.finite._support_screen import undominated_supports


def _same(a, b) -> bool:
    return (
        len(a) == len(b)
        and a.complete == b.complete
        and a.notes == b.notes
        and all(
            all(np.array_equal(x, y) for x, y in zip(e.strategies, f.strategies, strict=True))
            for e, f in zip(a, b, strict=True)
        )
    )


def test_a_pool_finds_the_same_equilibria_bit_for_bit():
    """A random 4x4x4 game: subdivision systems in several chunks and homotopy batches
    (its full-support systems), on two threads and on one process."""
    rng = np.random.default_rng(5)
    u = [rng.standard_normal((4, 4, 4)) for _ in range(3)]
    routes = [_numeric_route(s) for s in undominated_supports(u, (4, 4, 4))]
    assert routes.count("homotopy") >= 1
    here = polynomial_equilibria(u)
    assert here.complete and len(here) % 2 == 1  # generic game: an odd number
    with ThreadPoolExecutor(2) as pool:
        threads = polynomial_equilibria(u, executor=pool)
    assert _same(here, threads)


def test_a_process_pool_finds_the_same_exact_equilibria():
    """McKelvey and McLennan's 2x2x2 game, exactly: 9 equilibria wherever solved."""
    from games import catalog

    u = catalog.load("mckelvey-mclennan1997-2x2x2").payoff_arrays(exact=True)
    here = polynomial_equilibria(u, exact=True)
    with ProcessPoolExecutor(2) as pool:
        there = polynomial_equilibria(u, exact=True, executor=pool)
    assert len(here) == 9 and _same(here, there)


def test_the_chunks_do_not_depend_on_the_executor(monkeypatch):
    """The work is cut into the same chunks whatever runs them: the LP screens, then the
    support systems (a game with more subdivision systems than one chunk holds)."""
    import solvers.finite._polynomial as polynomial

    seen: list[tuple] = []

    def record(fn, tasks, **kwargs):
        if fn is polynomial._screen_chunk:
            seen.append(("screen", [tuple(item for item in t[1]) for t in tasks]))
        else:
            seen.append(("systems", [(t[0], tuple(t[2])) for t in tasks]))
        return [fn(t) for t in tasks]

    monkeypatch.setattr(polynomial, "map_chunks", record)
    rng = np.random.default_rng(2)
    u = [rng.standard_normal((5, 5, 4)) for _ in range(3)]
    polynomial_equilibria(u)
    with ThreadPoolExecutor(2) as pool:
        polynomial_equilibria(u, executor=pool)
    assert len(seen) == 4 and seen[:2] == seen[2:]
    assert [kind for kind, _ in seen[:2]] == ["screen", "systems"]
    screened = [len(chunk) for chunk in seen[0][1]]
    assert len(screened) >= 2 and max(screened) <= polynomial.SCREEN_CHUNK
    sizes = [len(t[1]) for t in seen[1][1] if t[0] == "subdivision"]
    assert len(sizes) >= 2 and max(sizes) <= SUBDIVISION_CHUNK


@pytest.mark.parametrize(
    ("executor", "error", "match"),
    [(3, TypeError, "executor must be None"), ("no address", ValueError, "scheduler address")],
)
def test_a_wrong_executor_is_refused_before_any_work(executor, error, match):
    u = [np.zeros((2, 2, 2)) for _ in range(3)]
    with pytest.raises(error, match=match):
        polynomial_equilibria(u, executor=executor)
