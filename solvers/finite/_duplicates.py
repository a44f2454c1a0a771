r"""Duplicate strategies, indifferent games, and the equilibria they add.

Two pure strategies of a player are *duplicates* when they give every player the same
payoff against every pure profile of the others (removing them gives the reduced normal
form; Kohlberg & Mertens 1986, "On the strategic stability of equilibria",
Econometrica 54, sec. 2; they are common in the normal form of an extensive game and in
games with many ties, such as all-zero payoffs). A profile of the game is an equilibrium
exactly when the profile of the reduced game that adds up the probabilities of each class
of duplicates is one, so each equilibrium :math:`x` of the reduced game becomes the set of
all ways of spreading every probability :math:`x_{ic} > 0` over the class :math:`c`: a
product of simplices, of dimension :math:`\sum_{i} \sum_{c:\,x_{ic}>0} (|c| - 1)`, whose
vertices put each :math:`x_{ic}` on one member. Distinct equilibria of the reduced game
give disjoint such sets, so isolated equilibria of the reduced game give exactly the
components of the game.

A game in which no player's payoff depends on her own strategy (all-zero payoffs, or each
player paid by what the others do) has every profile as an equilibrium: one component,
the whole strategy space, whose vertices are the pure profiles.

Examples
--------
>>> import numpy as np
>>> u = np.arange(8).reshape(2, 2, 2) // 2      # nobody's payoff depends on player 2
>>> duplicate_classes([u, u, u])
(((0,), (1,)), ((0,), (1,)), ((0, 1),))
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction
from math import prod
from typing import Any

import numpy as np

from solvers.finite._components import EquilibriumComponent
from solvers.result import Equilibria, Equilibrium
from solvers.verify import is_nash, tolerance

__all__ = [
    "LISTED_VERTICES",
    "duplicate_classes",
    "expand_equilibria",
    "indifferent_game_equilibria",
    "is_indifferent_game",
    "reduce_by_classes",
]

#: At most this many extreme equilibria (vertices of the components that duplicate
#: strategies or an indifferent game create) are listed; beyond, one point per component.
LISTED_VERTICES = 10_000

Classes = tuple[tuple[tuple[int, ...], ...], ...]


def _slice_key(arrays: Sequence[np.ndarray], axis: int, k: int) -> Any:
    slices = [np.take(np.asarray(u), k, axis=axis) for u in arrays]
    if all(s.dtype != object for s in slices):  # floats: their bits (-0.0 made 0.0)
        return b"".join(np.ascontiguousarray(s + 0.0, dtype=float).tobytes() for s in slices)
    return tuple(tuple(s.flat) for s in slices)


def duplicate_classes(arrays: Sequence[np.ndarray]) -> Classes:
    """For each player, her strategies grouped into classes of duplicates.

    Two strategies are duplicates when every player's payoff is the same under either,
    against every pure profile of the others (exact comparison: of the exact numbers
    for ``object`` arrays, of the float values otherwise). Classes are ordered by their
    first member.

    Examples
    --------
    >>> import numpy as np
    >>> u = np.zeros((2, 3, 2), dtype=int)
    >>> u[1, :, :] = 1                     # player 0's second strategy differs
    >>> duplicate_classes([u, u, u])
    (((0,), (1,)), ((0, 1, 2),), ((0, 1),))
    """
    shape = np.shape(arrays[0])
    out = []
    for i, m in enumerate(shape):
        groups: dict[Any, list[int]] = {}
        for k in range(m):
            groups.setdefault(_slice_key(arrays, i, k), []).append(k)
        out.append(tuple(tuple(g) for g in groups.values()))
    return tuple(out)


def reduce_by_classes(arrays: Sequence[np.ndarray], classes: Classes) -> list[np.ndarray]:
    """The payoff arrays with one strategy (the first) kept from each class.

    Examples
    --------
    >>> import numpy as np
    >>> u = np.arange(8).reshape(2, 2, 2) // 2   # player 2's two strategies tie for all
    >>> [r.shape for r in reduce_by_classes([u, u, u], duplicate_classes([u, u, u]))]
    [(2, 2, 1), (2, 2, 1), (2, 2, 1)]
    """
    out = []
    for u in arrays:
        r = np.asarray(u)
        for i, player in enumerate(classes):
            r = np.take(r, [c[0] for c in player], axis=i)
        out.append(r)
    return out


def is_indifferent_game(arrays: Sequence[np.ndarray]) -> bool:
    """Whether no player's payoff depends on her own strategy (every profile is then an
    equilibrium).

    Examples
    --------
    >>> import numpy as np
    >>> u = np.zeros((2, 2, 2))
    >>> is_indifferent_game([u, u, u]), is_indifferent_game([u + np.eye(2)[:, :, None], u, u])
    (True, False)
    """
    for i, u in enumerate(arrays):
        a = np.asarray(u)
        if not bool(np.all(a == np.take(a, [0], axis=i))):
            return False
    return True


def _is_positive(p: Any) -> bool:
    return bool(p != 0)


def _spread(profile: Sequence[np.ndarray], classes: Classes, shape: tuple[int, ...]):
    """The barycentre of the preimage and the list of its vertices (as profiles)."""
    exact = any(np.asarray(s).dtype == object for s in profile)
    zero: Any = Fraction(0) if exact else 0.0
    centre = []
    choices: list[list[tuple[int, int, Any]]] = []  # (player, member, probability)
    for i, (s, player) in enumerate(zip(profile, classes, strict=True)):
        vector = np.array([zero] * shape[i], dtype=object if exact else float)
        for p, members in zip(s, player, strict=True):
            if not _is_positive(p):
                continue
            for k in members:
                vector[k] = p / len(members)
            choices.append([(i, k, p) for k in members])
        centre.append(vector)
    dimension = sum(len(c) - 1 for c in choices)
    count = prod(len(c) for c in choices)

    def vertices():
        for pick in itertools.product(*choices):
            vertex = [np.array([zero] * m, dtype=object if exact else float) for m in shape]
            for i, k, p in pick:
                vertex[i][k] = p
            yield vertex

    return centre, dimension, count, vertices


def _verified(
    eq: Equilibrium, profile: list[np.ndarray], floats: Sequence[np.ndarray], rtol: float
) -> Equilibrium:
    """``eq`` (an equilibrium of the reduced game) moved to ``profile`` of the game.

    Spreading probability over duplicates changes no expected payoff of any pure
    strategy, so payoffs and regret carry over; the profile is checked again in floats.
    """
    floated = [np.asarray(s, dtype=float) for s in profile]
    tol_rtol = rtol if eq.tolerance is not None else 1e-9
    if not is_nash(floats, floated, tol_rtol):  # pragma: no cover - invariance above
        raise RuntimeError(f"duplicate strategies: {floated} fails the equilibrium check")
    return replace(eq, strategies=tuple(profile))


def expand_equilibria(
    reduced: Equilibria,
    classes: Classes,
    floats: Sequence[np.ndarray],
    rtol: float,
) -> Equilibria:
    """The equilibria of a game from those of the game without its duplicate strategies.

    Each listed equilibrium of ``reduced`` becomes a component (a product of simplices)
    whose vertices are listed (at most :data:`LISTED_VERTICES` in all; beyond, the
    barycentre of each component, and ``complete=False`` says the list is not every
    extreme equilibrium). With three or more players and every equilibrium of ``reduced``
    isolated (``reduced.complete``), ``Equilibria.components`` is set to these products;
    otherwise it is computed from the list on demand (two players: the cliques of the
    listed extreme equilibria).

    Examples
    --------
    >>> import numpy as np
    >>> from solvers.finite import polynomial_equilibria
    >>> u = np.zeros((2, 2, 2), dtype=int)          # all zero: every profile
    >>> reduced = polynomial_equilibria([u[:1, :1, :1]] * 3)
    >>> eqs = expand_equilibria(reduced, duplicate_classes([u] * 3), [u * 1.0] * 3, 1e-9)
    >>> len(eqs), [(c.dimension, c.supports) for c in eqs.components]
    (8, [(3, ((0, 1), (0, 1), (0, 1)))])
    """
    shape = tuple(sum(len(c) for c in player) for player in classes)
    spreads = [_spread(eq.strategies, classes, shape) for eq in reduced]
    total = sum(count for _, _, count, _ in spreads)
    listing = total <= LISTED_VERTICES
    listed: list[Equilibrium] = []
    components: list[EquilibriumComponent] = []
    for eq, (centre, dimension, _, vertices) in zip(reduced, spreads, strict=True):
        own = [_verified(eq, vertex, floats, rtol) for vertex in vertices()] if listing else []
        listed.extend(own if listing else [_verified(eq, centre, floats, rtol)])
        components.append(
            EquilibriumComponent(
                supports=tuple(
                    tuple(int(k) for k, p in enumerate(s) if _is_positive(p)) for s in centre
                ),
                representative=tuple(centre),
                # the product of simplices is the whole component when eq is isolated
                # (reduced.complete); otherwise eq may lie on a continuum there
                dimension=dimension if reduced.complete else None,
                vertices=tuple(own),
                exact=reduced.exact,
                notes=(
                    "the equilibrium of the game without duplicate strategies, its "
                    "probabilities spread over the duplicates in every way (a product of "
                    "simplices; vertices listed)"
                    + (
                        ""
                        if reduced.complete
                        else "; that game's list is not complete (a continuum of "
                        "equilibria, or a support left undecided), so the component "
                        "holding this set may be larger (dimension unknown)"
                    ),
                ),
            )
        )
    duplicates = sum(len(c) - 1 for player in classes for c in player)
    reduced_shape = tuple(len(player) for player in classes)
    renamed = {
        f"strategy {k} of player {i} there is {list(c)} here"
        for i, player in enumerate(classes)
        for k, c in enumerate(player)
        if len(c) > 1 or c[0] != k
    }
    notes = [
        f"{duplicates} duplicate strateg{'y' if duplicates == 1 else 'ies'} (same payoff "
        f"to every player against every profile of the others): solved the game without "
        f"them (shape {reduced_shape}) and spread each probability over the duplicates "
        "in every way; "
        + (
            "each equilibrium of that game is a component of this one (a product of "
            "simplices, Equilibria.components), "
            if reduced.complete
            else "each equilibrium listed for that game becomes a product of simplices "
            "of equilibria here, "
        )
        + (
            "whose vertices (the extreme equilibria) are listed"
            if listing
            else f"whose barycentre is listed ({total:,} vertices in all, over the "
            f"listing limit of {LISTED_VERTICES:,})"
        ),
        *(
            f"(the game without duplicates: {'; '.join(sorted(renamed))}) {note}"
            for note in reduced.notes
        ),
    ]
    result = Equilibria(
        sorted(listed, key=lambda e: tuple(float(p) for s in e.strategies for p in s)),
        method=reduced.method,
        exact=reduced.exact,
        degenerate=True,
        complete=reduced.complete and listing,
        tolerance=reduced.tolerance,
        notes=notes,
    )
    if len(classes) > 2:
        # each equilibrium of the reduced game spread over the duplicates: a component when
        # that equilibrium is isolated (reduced.complete), else a connected set of
        # equilibria within one (two players: the cliques of the listed extreme
        # equilibria, computed on demand)
        result.components = components
    return result


def indifferent_game_equilibria(
    floats: Sequence[np.ndarray],
    exacts: Sequence[np.ndarray] | None,
    method: str,
    exact: bool,
    rtol: float,
) -> Equilibria:
    """Every profile of a game where no player's payoff depends on her own strategy is an
    equilibrium: the pure profiles (the vertices) and one component, the whole space.

    Examples
    --------
    >>> import numpy as np
    >>> u = np.zeros((2, 3, 2))
    >>> eqs = indifferent_game_equilibria([u] * 3, None, "polynomial_equilibria", False, 1e-9)
    >>> len(eqs), eqs.complete, [c.dimension for c in eqs.components]
    (12, True, [4])
    """
    shape = np.shape(floats[0])
    arrays = exacts if exact and exacts is not None else floats
    listing = prod(shape) <= LISTED_VERTICES
    one: Any = Fraction(1) if exact else 1.0
    zero: Any = Fraction(0) if exact else 0.0
    dtype = object if exact else float

    def pure(profile: Sequence[int]) -> list[np.ndarray]:
        out = []
        for k, m in zip(profile, shape, strict=True):
            s = np.array([zero] * m, dtype=dtype)
            s[k] = one
            out.append(s)
        return out

    centre = [np.array([one / m] * m, dtype=dtype) for m in shape]
    # no deviation changes anybody's own payoff (checked exactly by is_indifferent_game):
    # the regret is zero and the payoffs are the entries, read off without a sum
    bound = None if exact else float(np.max(tolerance(floats, rtol)))
    if listing:
        listed = [
            Equilibrium(
                strategies=tuple(pure(p)),
                payoffs=tuple(u[p] if exact else float(u[p]) for u in arrays),
                regret=Fraction(0) if exact else 0.0,
                method=method,
                exact=exact,
                tolerance=bound,
            )
            for p in np.ndindex(*shape)
        ]
    else:
        listed = [Equilibrium.from_profile(arrays, centre, method, exact=exact, rtol=rtol)]
    dimension = sum(m - 1 for m in shape)
    component = EquilibriumComponent(
        supports=tuple(tuple(range(m)) for m in shape),
        representative=tuple(centre),
        dimension=dimension,
        vertices=tuple(listed) if listing else (),
        exact=exact,
        notes=("no player's payoff depends on her own strategy: every profile",),
    )
    result = Equilibria(
        listed,
        method=method,
        exact=exact,
        degenerate=dimension > 0,
        complete=listing,
        tolerance=None if exact else rtol,
        notes=(
            "no player's payoff depends on her own strategy, so every profile is an "
            "equilibrium: one component, the whole strategy space (dimension "
            f"{dimension}), "
            + (
                "whose vertices, the pure profiles, are listed"
                if listing
                else f"whose barycentre is listed ({prod(shape):,} pure profiles, over "
                f"the listing limit of {LISTED_VERTICES:,})"
            ),
        ),
    )
    result.components = [component]
    return result
