r"""Several Nash equilibria of a large game: logit branches traced from several priors.

With a prior :math:`\rho` (one positive mixed strategy per player), the biased logit
response

.. math:: p_{ia} \propto \rho_{ia} \exp(\lambda\, u_{ia}(p))

starts at :math:`p = \rho` for :math:`\lambda = 0`, and the branch of its solutions
converges, as :math:`\lambda \to \infty`, to a Nash equilibrium (the prior's pull,
:math:`\log \rho / \lambda`, vanishes): a logistic tracing procedure in the spirit of
Harsanyi (1975) and McKelvey and Palfrey (1995). The uniform prior gives the principal
branch (:func:`solvers.finite.path_following_equilibrium`); other priors lead, in general,
to other equilibria. Each branch's end is refined into an equilibrium (the support it
points at solved by Newton's method; exact when a rational equilibrium is recovered from
rational payoffs) and **verified** by its regret. Distinct equilibria are returned, with
``complete=False``: tracing cannot tell whether others exist.

The priors after the uniform one are drawn from ``numpy.random.default_rng(seed)``
(Dirichlet with unit weights, one per player), so the result depends only on the game,
``starts`` and ``seed``.

Examples
--------
Battle of the sexes: the principal branch and the priors favouring either outcome find
the three equilibria.

>>> import numpy as np
>>> from solvers.finite._tracing import path_following_equilibria
>>> A = np.array([[3, 0], [0, 2]]); B = np.array([[2, 0], [0, 3]])
>>> eqs = path_following_equilibria([A, B], starts=12)
>>> sorted(tuple(str(p) for p in eq.strategies[0]) for eq in eqs), eqs.complete
([('0', '1'), ('1', '0'), ('3/5', '2/5')], False)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from solvers.finite._qre import _floats, _Game, _refine_branch_end, _trace
from solvers.progress import ProgressArg, track
from solvers.result import Equilibria, Equilibrium
from solvers.verify import DEFAULT_RTOL

__all__ = ["path_following_equilibria"]

METHOD = "path_following_equilibria"
#: Traces the default runs for a game it cannot enumerate.
DEFAULT_STARTS = 16
#: Most continuation steps per branch the default takes (most branches end in < 300).
DEFAULT_BRANCH_STEPS = 1000
#: Least prior probability (a prior with a zero would start at log 0).
PRIOR_FLOOR = 1e-6


def tracing_priors(shape: Sequence[int], starts: int, seed: int) -> list[list[np.ndarray]]:
    """The uniform prior, then ``starts - 1`` priors drawn from
    ``numpy.random.default_rng(seed)``: one Dirichlet(1, ..., 1) mixed strategy per player,
    floored at :data:`PRIOR_FLOOR` and renormalised.

    Examples
    --------
    >>> import numpy as np
    >>> priors = tracing_priors((2, 3), 4, seed=0)
    >>> len(priors), [q.round(3).tolist() for q in priors[0]]
    (4, [[0.5, 0.5], [0.333, 0.333, 0.333]])
    >>> all(q.min() > 0 and abs(q.sum() - 1) < 1e-12 for prior in priors for q in prior)
    True
    >>> np.array_equal(priors[3][1], tracing_priors((2, 3), 4, seed=0)[3][1])  # seeded
    True
    """
    rng = np.random.default_rng(seed)
    priors = [[np.full(m, 1.0 / m) for m in shape]]
    for _ in range(starts - 1):
        prior = []
        for m in shape:
            q = np.maximum(rng.dirichlet(np.ones(m)), PRIOR_FLOOR)
            prior.append(q / q.sum())
        priors.append(prior)
    return priors


def path_following_equilibria(
    payoffs: Sequence[Any],
    starts: int = DEFAULT_STARTS,
    seed: int = 0,
    exact: bool | None = None,
    rtol: float = DEFAULT_RTOL,
    lam_max: float | None = None,
    max_steps: int = 5000,
    progress: ProgressArg = None,
    include_pure: bool = False,
) -> Equilibria:
    """Several Nash equilibria by logit tracing from ``starts`` priors, each verified (any
    number of players; for games too large to enumerate).

    Parameters
    ----------
    payoffs : sequence of array_like
        One payoff array per player.
    starts : int
        Number of branches traced: the principal one (uniform prior) and ``starts - 1``
        from seeded random priors (Dirichlet(1, ..., 1) per player). The branches are
        traced on the game with each player's payoffs rescaled to range 1 (the same
        Nash equilibria; the trace does not depend on the players' payoff units).
    seed : int
        Seed of the priors' ``numpy.random.Generator``.
    exact : bool, optional
        Try to return exact rational equilibria (default: when the payoffs are integers or
        exact numbers); an equilibrium with irrational coordinates is returned as a
        verified float profile.
    rtol : float
        Relative regret tolerance of float equilibria.
    lam_max : float, optional
        The largest precision traced on the rescaled game (payoff ranges 1); default 1e4.
    max_steps : int
        Most continuation steps per branch.
    progress : bool, callable or None
        Report progress over the branches (see :func:`solvers.progress.track`).
    include_pure : bool
        Also list every pure equilibrium (:func:`solvers.finite.pure_equilibria`: all
        pure profiles checked at once; what the default does for games it cannot
        enumerate).

    Returns
    -------
    Equilibria
        The distinct equilibria found (sorted), ``complete=False``; the notes say how many
        branches were traced and how many ended in a verified equilibrium.

    Raises
    ------
    ValueError
        If ``starts`` is not a positive integer or ``seed`` not a non-negative one.

    Examples
    --------
    The stag hunt: branches end at both pure equilibria, none at the mixed one (an
    unstable equilibrium, which tracing procedures do not select), and the result does
    not claim to be complete:

    >>> import numpy as np
    >>> A = np.array([[4, 0], [3, 3]])
    >>> eqs = path_following_equilibria([A, A.T], starts=8)
    >>> sorted(eq.supports for eq in eqs), eqs.complete
    ([((0,), (0,)), ((1,), (1,))], False)
    """
    if isinstance(starts, bool) or not isinstance(starts, int | np.integer) or starts < 1:
        raise ValueError(f"starts must be a positive integer (branches to trace), got {starts!r}")
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise ValueError(
            f"seed must be a non-negative integer (it seeds the priors), got {seed!r}"
        )
    floats, exacts = _floats(payoffs, exact)
    shape = tuple(floats[0].shape)
    # traced on each player's payoffs rescaled to range 1 (the same Nash equilibria):
    # branches do not depend on the players' units, and none is much slower than another
    spans = [float(np.ptp(u)) for u in floats]
    unit = [
        (u - u.min()) / span if span > 0 else np.zeros_like(u)
        for u, span in zip(floats, spans, strict=True)
    ]
    lam_max = 1e4 if lam_max is None else float(lam_max)
    stop = 1e-6
    found: dict[tuple, Equilibrium] = {}

    def key(eq: Equilibrium) -> tuple:
        return tuple(round(float(p), 9) + 0.0 for s in eq.strategies for p in s)

    pure_count = 0
    if include_pure:
        from solvers.finite._pure import pure_equilibria

        arrays = exacts if exacts is not None else floats
        pure = pure_equilibria(arrays, rtol=rtol, exact=exacts is not None)
        pure_count = len(pure)
        found.update((key(eq), eq) for eq in pure)
    ended = 0
    priors = tracing_priors(shape, int(starts), seed)
    for prior in track(priors, progress=progress, desc="logit branches"):
        g = _Game(unit, prior)
        _, pts, _, _, _ = _trace(g, float(lam_max), stop, max_steps, None)
        eq = _refine_branch_end(floats, exacts, g, pts, rtol)
        if eq is None:
            continue
        ended += 1
        found.setdefault(key(eq), eq)
    ordered = [found[k] for k in sorted(found)]
    all_exact = exacts is not None and all(eq.exact for eq in ordered)
    notes = [
        f"{len(priors)} logit branches traced (the principal one and {len(priors) - 1} from "
        f"random priors, seed={seed}); {ended} ended in a verified equilibrium"
        + (f"; with every pure equilibrium ({pure_count})" if include_pure else "")
        + f": {len(ordered)} distinct equilibria; other (mixed) equilibria may exist"
    ]
    return Equilibria(
        ordered,
        method=METHOD,
        exact=all_exact,
        degenerate=None,
        complete=False,
        tolerance=None if all_exact else rtol,
        notes=notes,
    )
