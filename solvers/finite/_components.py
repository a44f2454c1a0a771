r"""Components of the Nash equilibrium set: the convex pieces and connected sets.

**Two players.** The equilibria of a bimatrix game form finitely many polytopes, the
*maximal Nash subsets*, whose vertices are extreme equilibria; two extreme equilibria
:math:`(x, y)` and :math:`(x', y')` lie in one such convex set when every "cross pair" is
an equilibrium too (equilibria are *interchangeable* there). In the bipartite graph with the
distinct extreme strategies of the two players as nodes and the extreme equilibria as
edges, the maximal Nash subsets are the maximal complete bipartite subgraphs (*cliques*)
:math:`X \times Y`, each the product :math:`\operatorname{conv} X \times
\operatorname{conv} Y`, and the connected components of the equilibrium set are the
connected components of the graph (Avis, Rosenberg, Savani & von Stengel 2010, "Enumeration
of Nash equilibria for two-player games", Econ. Theory 42, sec. 6; lrsnash and Gambit's
``enummixed`` report the same cliques). :func:`components_from_extreme_points` computes
them, exactly for exact profiles.

**Any number of players.** :func:`component_on_support` describes the solution set of one
support profile's equilibrium conditions near a point: its dimension (the nullity of the
Jacobian of the support system, confirmed by finding a second equilibrium on the face along
a null direction), a representative equilibrium (exact when a rational one is found) and
the face (support profile) it lies on. An enumerator that meets a positive-dimensional
support system hands the support and a point to it.

Examples
--------
>>> import numpy as np
>>> from solvers.finite import vertex_enumeration
>>> from solvers.finite._components import components_from_extreme_points
>>> A = np.array([[0, 0], [-1, 1]]); B = np.array([[2, 2], [-1, 1]])   # entry game
>>> import warnings
>>> with warnings.catch_warnings():                       # degenerate: warns
...     warnings.simplefilter("ignore")
...     eqs = vertex_enumeration(A, B, exact=True)
>>> comps = components_from_extreme_points(eqs, payoffs=[A, B])
>>> [(c.dimension, len(c.vertices)) for c in comps]
[(0, 1), (1, 2)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from solvers._numbers import fmt as _fmt
from solvers.finite._input import as_payoff_arrays
from solvers.finite._snap import nearby_rational_equilibrium
from solvers.result import Equilibrium
from solvers.verify import DEFAULT_RTOL, expected_payoffs, regret, tolerance

__all__ = [
    "EquilibriumComponent",
    "component_on_support",
    "components_from_extreme_points",
    "equilibrium_components",
]


@dataclass(frozen=True, eq=False)
class EquilibriumComponent:
    """A connected set of Nash equilibria (a single equilibrium when ``dimension == 0``).

    Attributes
    ----------
    supports : tuple of tuple of int
        The face of the strategy space the component lies on: for each player, the pure
        strategies used by some equilibrium of the component.
    representative : tuple of numpy.ndarray
        One equilibrium of the component (two players: the barycentre of its largest
        convex piece, a relative-interior point of it).
    dimension : int or None
        Dimension of the component (two players: the largest dimension of its convex
        pieces); ``None`` when it could not be determined.
    vertices : tuple of Equilibrium
        Two players: the extreme equilibria in the component. ``()`` for ``n`` players
        (the component is described by its face, point and dimension).
    points : tuple of tuple of numpy.ndarray
        Two players: the distinct extreme strategies of each player in the component.
    cliques : tuple of (tuple of int, tuple of int)
        Two players: the maximal convex pieces ``conv X x conv Y``, as indices into
        ``points[0]`` and ``points[1]``.
    exact : bool
        Whether the points are exact rationals.
    notes : tuple of str
        How it was determined.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.zeros((2, 2)); B = np.array([[1.0, 0.0], [1.0, 0.0]])   # row indifferent
    >>> import warnings
    >>> from solvers.finite import vertex_enumeration
    >>> with warnings.catch_warnings():                   # degenerate: warns
    ...     warnings.simplefilter("ignore")
    ...     eqs = vertex_enumeration(A, B)
    >>> (comp,) = components_from_extreme_points(eqs, payoffs=[A, B])
    >>> comp.dimension, comp.supports, [s.tolist() for s in comp.representative]
    (1, ((0, 1), (0,)), [[0.5, 0.5], [1.0, 0.0]])
    """

    supports: tuple[tuple[int, ...], ...]
    representative: tuple[np.ndarray, ...]
    dimension: int | None
    vertices: tuple[Equilibrium, ...] = ()
    points: tuple[tuple[np.ndarray, ...], ...] = ()
    cliques: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...] = ()
    exact: bool = False
    notes: tuple[str, ...] = field(default=())

    @property
    def isolated(self) -> bool:
        """Whether the component is a single (isolated) equilibrium."""
        return self.dimension == 0

    def __repr__(self) -> str:
        rep = "; ".join("(" + ", ".join(_fmt(p) for p in s) + ")" for s in self.representative)
        extra = f", {len(self.vertices)} vertices, {len(self.cliques)} cliques" * bool(
            self.vertices
        )
        return (
            f"EquilibriumComponent(dimension={self.dimension}, supports={self.supports}, "
            f"representative=[{rep}]{extra})"
        )


# --------------------------------------------------------------------------- two players


def _is_zero(value: Any) -> bool:
    if isinstance(value, float | np.floating):
        return not value > 0.0
    return bool(value == 0)


def _strategies(profile: Any) -> tuple[np.ndarray, ...]:
    if hasattr(profile, "strategies"):  # an Equilibrium
        return tuple(profile.strategies)
    return tuple(np.asarray(s) for s in profile)


def _key(s: np.ndarray, exact: bool) -> tuple[Any, ...]:
    if exact:
        return tuple(Fraction(v) for v in s.tolist())
    return tuple(np.round(np.asarray(s, dtype=float), 9).tolist())


def _affine_rank(points: Sequence[np.ndarray], exact: bool) -> int:
    if len(points) <= 1:
        return 0
    base = points[0]
    diffs = [p - base for p in points[1:]]
    if exact:
        import sympy as sp

        return int(sp.Matrix([[sp.Rational(v) for v in d.tolist()] for d in diffs]).rank())
    return int(np.linalg.matrix_rank(np.asarray(diffs, dtype=float), tol=1e-9))


def _maximal_bicliques(
    edges: set[tuple[int, int]], nx: int
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Maximal complete bipartite subgraphs: the Y-sides are the non-empty intersections
    of neighbourhoods of X-nodes (closed sets), each with all X-nodes adjacent to it."""
    nbr = [frozenset(y for (x, y) in edges if x == i) for i in range(nx)]
    family: set[frozenset[int]] = {n for n in nbr if n}
    frontier = set(family)
    while frontier:
        new = {a & n for a in frontier for n in nbr if a & n} - family
        family |= new
        frontier = new
    out = []
    for ys in family:
        xs = tuple(i for i in range(nx) if ys <= nbr[i])
        out.append((xs, tuple(sorted(ys))))
    return sorted(out)


def components_from_extreme_points(
    profiles: Sequence[Any],
    payoffs: Sequence[Any] | None = None,
    rtol: float = DEFAULT_RTOL,
) -> tuple[EquilibriumComponent, ...]:
    """The connected components and maximal convex pieces of a two-player game's
    equilibria, from its extreme equilibria.

    Parameters
    ----------
    profiles : sequence of Equilibrium or of (x, y)
        The extreme equilibria (e.g. :func:`solvers.finite.vertex_enumeration`'s result).
    payoffs : sequence of two array_like, optional
        The game. When given, a cross pair ``(x, y')`` is joined when its regret is zero
        (exact) or within tolerance (floats); without it, when it is itself in
        ``profiles``, which is right when ``profiles`` holds every extreme equilibrium
        (an equilibrium pair of vertices is itself extreme).
    rtol : float
        Relative regret tolerance for float profiles.

    Returns
    -------
    tuple of EquilibriumComponent
        One per connected component, ordered by their first extreme equilibrium in
        ``profiles``; ``cliques`` lists its maximal convex pieces.

    Examples
    --------
    >>> import numpy as np
    >>> from solvers.finite import vertex_enumeration
    >>> A = np.array([[1, 1], [0, 0]]); B = np.array([[1, 1], [1, 1]])  # column indifferent
    >>> import warnings
    >>> with warnings.catch_warnings():                   # degenerate: warns
    ...     warnings.simplefilter("ignore")
    ...     eqs = vertex_enumeration(A, B, exact=True)
    >>> (comp,) = components_from_extreme_points(eqs)
    >>> comp.dimension, comp.cliques, [str(p) for p in comp.representative[1]]
    (1, (((0,), (0, 1)),), ['1/2', '1/2'])
    """
    strategies = [_strategies(p) for p in profiles]
    if any(len(s) != 2 for s in strategies):
        raise ValueError(
            "components_from_extreme_points is for two-player games; for more players use "
            "component_on_support(payoffs, supports, point)"
        )
    if not strategies:
        return ()
    exact = all(
        np.asarray(s).dtype == object and not isinstance(np.asarray(s).flat[0], float)
        for pr in strategies
        for s in pr
    )
    xs: dict[tuple[Any, ...], int] = {}
    ys: dict[tuple[Any, ...], int] = {}
    xpts: list[np.ndarray] = []
    ypts: list[np.ndarray] = []
    listed: list[tuple[int, int]] = []
    for x, y in strategies:
        kx, ky = _key(x, exact), _key(y, exact)
        if kx not in xs:
            xs[kx] = len(xpts)
            xpts.append(x)
        if ky not in ys:
            ys[ky] = len(ypts)
            ypts.append(y)
        listed.append((xs[kx], ys[ky]))
    edges = set(listed)
    if payoffs is not None:
        floats, exacts = as_payoff_arrays(list(payoffs), exact=exact)
        arrays = exacts if exact and exacts is not None else floats
        tol = tolerance(floats, rtol)
        for i, x in enumerate(xpts):
            for j, y in enumerate(ypts):
                if (i, j) in edges:
                    continue
                r = regret(arrays, [x, y])
                if (all(v == 0 for v in r)) if exact else bool(np.all(r <= tol)):
                    edges.add((i, j))
    # connected components of the bipartite graph (union-find on x-nodes and y-nodes)
    parent = list(range(len(xpts) + len(ypts)))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for i, j in edges:
        parent[find(i)] = find(len(xpts) + j)
    order: list[int] = []
    for i, _ in listed:
        root = find(i)
        if root not in order:
            order.append(root)
    cliques = _maximal_bicliques(edges, len(xpts))
    out = []
    for root in order:
        cx = [i for i in range(len(xpts)) if find(i) == root]
        cy = [j for j in range(len(ypts)) if find(len(xpts) + j) == root]
        local_x = {g: k for k, g in enumerate(cx)}
        local_y = {g: k for k, g in enumerate(cy)}
        pieces = [(X, Y) for X, Y in cliques if X and X[0] in local_x]
        dims = [
            _affine_rank([xpts[i] for i in X], exact) + _affine_rank([ypts[j] for j in Y], exact)
            for X, Y in pieces
        ]
        sizes = [len(X) * len(Y) + d for (X, Y), d in zip(pieces, dims, strict=True)]
        big = pieces[int(np.argmax(sizes))]
        rep = tuple(
            _mean([pts[k] for k in idx], exact) for pts, idx in ((xpts, big[0]), (ypts, big[1]))
        )
        members = [p for p, (i, _) in zip(profiles, listed, strict=True) if find(i) == root]
        supports = tuple(
            tuple(k for k in range(len(pts[0])) if any(not _is_zero(pts[g][k]) for g in idx))
            for pts, idx in ((xpts, cx), (ypts, cy))
        )
        out.append(
            EquilibriumComponent(
                supports=supports,
                representative=rep,
                dimension=max(dims),
                vertices=tuple(m for m in members if hasattr(m, "strategies")),
                points=(tuple(xpts[i] for i in cx), tuple(ypts[j] for j in cy)),
                cliques=tuple(
                    (tuple(local_x[i] for i in X), tuple(local_y[j] for j in Y)) for X, Y in pieces
                ),
                exact=exact,
                notes=(
                    "maximal cliques of interchangeable extreme equilibria (Avis et al. 2010)"
                    + (", cross pairs checked by regret" if payoffs is not None else ""),
                ),
            )
        )
    return tuple(out)


def _mean(points: Sequence[np.ndarray], exact: bool) -> np.ndarray:
    if exact:
        k = Fraction(1, len(points))
        total = [
            sum((Fraction(p[i]) for p in points), Fraction(0)) * k for i in range(len(points[0]))
        ]
        return np.array(total, dtype=object)
    return np.mean(np.asarray(points, dtype=float), axis=0)


# --------------------------------------------------------------------------- n players


def _support_system(
    payoffs: Sequence[np.ndarray], supports: Sequence[Sequence[int]], shape: tuple[int, ...]
) -> tuple[Any, Any, Any]:
    """Residual and Jacobian of the equal-payoff conditions on a support profile, in the
    support probabilities ``z`` (concatenated by player)."""
    n = len(shape)
    offsets = np.cumsum([0, *[len(s) for s in supports]])

    def profile(z: np.ndarray) -> list[np.ndarray]:
        out = []
        for i in range(n):
            x = np.zeros(shape[i])
            x[list(supports[i])] = z[offsets[i] : offsets[i + 1]]
            out.append(x)
        return out

    def residual(z: np.ndarray) -> np.ndarray:
        prof = profile(z)
        vals = expected_payoffs(payoffs, prof)
        res = []
        for i in range(n):
            s = list(supports[i])
            res.extend((vals[i][s[1:]] - vals[i][s[0]]).tolist())
            res.append(float(np.sum(z[offsets[i] : offsets[i + 1]])) - 1.0)
        return np.array(res)

    def jacobian(z: np.ndarray) -> np.ndarray:
        prof = profile(z)
        rows = []
        for i in range(n):
            s = list(supports[i])
            # d U_i(k) / d x_j(l): contract payoffs[i] with every other player except j
            block = np.zeros((len(s) - 1, offsets[-1]))
            for j in range(n):
                if j == i:
                    continue
                u = np.asarray(payoffs[i])
                for k in range(n - 1, -1, -1):
                    if k not in (i, j):
                        u = np.tensordot(u, prof[k], axes=([k], [0]))
                # u has axes (i, j) in their original order
                d = u if i < j else u.T
                d = d[:, list(supports[j])]
                block[:, offsets[j] : offsets[j + 1]] = d[s[1:]] - d[s[0]]
            rows.append(block)
            ones = np.zeros((1, offsets[-1]))
            ones[0, offsets[i] : offsets[i + 1]] = 1.0
            rows.append(ones)
        return np.vstack(rows)

    return residual, jacobian, profile


def _newton(
    residual: Any, jacobian: Any, z: np.ndarray, extra: Any = None, steps: int = 60
) -> tuple[np.ndarray, float]:
    """Gauss-Newton (minimum-norm steps) to a root; ``extra`` = (row, value) pins a
    linear combination of the unknowns."""
    for _ in range(steps):
        F, J = residual(z), jacobian(z)
        if extra is not None:
            F = np.append(F, extra[0] @ z - extra[1])
            J = np.vstack([J, extra[0]])
        if float(np.max(np.abs(F))) < 1e-14:
            break
        dz, *_ = np.linalg.lstsq(J, -F, rcond=None)
        z = z + dz
    F = residual(z)
    return z, float(np.max(np.abs(F))) if F.size else 0.0


def component_on_support(
    payoffs: Sequence[Any],
    supports: Sequence[Sequence[int]],
    point: Sequence[Any] | None = None,
    rtol: float = DEFAULT_RTOL,
    seed: int = 0,
) -> EquilibriumComponent | None:
    """The set of equilibria on one support profile near a point: its dimension, a
    representative and its face (any number of players).

    Parameters
    ----------
    payoffs : sequence of array_like
        One payoff array per player.
    supports : sequence of sequence of int
        The support profile (the face) to examine.
    point : sequence of array_like, optional
        An equilibrium with these supports (e.g. found by an enumerator on a
        positive-dimensional support system). If omitted, one is searched for by
        Gauss-Newton from a few random interior starting points of the face.
    rtol : float
        Relative regret tolerance of the float checks.
    seed : int
        Seed of the starting points.

    Returns
    -------
    EquilibriumComponent or None
        ``None`` when no equilibrium with these supports was found. ``dimension`` is the
        nullity of the support system's Jacobian at the point, kept only when a second
        equilibrium on the face is found along a null direction (otherwise 0, with a
        note); ``representative`` is exact when a rational equilibrium was recovered (the
        pinned coordinates rounded to small denominators, the rest solved, regret
        checked exactly).

    Examples
    --------
    Three players; player 2's payoff does not depend on its own choice, so on the face
    where players 0 and 1 mix half-half every mixture of player 2 is an equilibrium:

    >>> import numpy as np
    >>> u0 = np.zeros((2, 2, 2), int); u0[0, 0, :] = u0[1, 1, :] = 1   # 0 matches 1
    >>> u1 = np.zeros((2, 2, 2), int); u1[0, 1, :] = u1[1, 0, :] = 1   # 1 mismatches 0
    >>> u2 = np.zeros((2, 2, 2), int)
    >>> comp = component_on_support([u0, u1, u2], [(0, 1), (0, 1), (0, 1)])
    >>> comp.dimension, [str(p) for p in comp.representative[0]], comp.exact
    (1, ['1/2', '1/2'], True)
    """
    arrays = [np.asarray(u) for u in payoffs]
    exact = all(u.dtype.kind in "iuO" for u in arrays)
    floats, exacts = as_payoff_arrays(arrays, exact=exact)
    shape = tuple(floats[0].shape)
    n = len(shape)
    faces = [tuple(int(k) for k in s) for s in supports]
    if len(faces) != n or any(not s for s in faces):
        raise ValueError(f"faces: need one non-empty support per player ({n} players)")
    residual, jacobian, profile = _support_system(floats, faces, shape)
    tol = tolerance(floats, rtol)
    scale = max(float(np.max(np.abs(u))) for u in floats) or 1.0

    def is_eq(z: np.ndarray) -> bool:
        if np.any(z < -1e-9):
            return False
        return bool(np.all(regret(floats, profile(np.clip(z, 0, None))) <= tol * 10 + 1e-12))

    size = sum(len(s) for s in faces)
    starts: list[np.ndarray] = []
    if point is not None:
        starts.append(
            np.concatenate([np.asarray(point[i], dtype=float)[list(faces[i])] for i in range(n)])
        )
    rng = np.random.default_rng(seed)
    starts.append(np.concatenate([np.full(len(s), 1.0 / len(s)) for s in faces]))
    for _ in range(20):
        starts.append(np.concatenate([rng.dirichlet(np.ones(len(s))) for s in faces]))
    z = None
    for z0 in starts:
        cand, res = _newton(residual, jacobian, z0)
        if res < 1e-10 * scale and is_eq(cand):
            z = np.clip(cand, 0.0, None)
            break
    if z is None:
        return None
    J = jacobian(z)
    sv = np.linalg.svd(J, compute_uv=False)
    rank = int(np.sum(sv > 1e-8 * max(float(sv[0]) if sv.size else 1.0, 1e-300)))
    nullity = size - rank
    notes = [f"Jacobian nullity {nullity} at the point"]
    if nullity > 0:
        _, _, Vt = np.linalg.svd(J)
        null = Vt[rank:]
        confirmed = False
        for direction in null:
            for t in (1e-3, -1e-3, 1e-2, -1e-2):
                other, res = _newton(
                    residual, jacobian, z + t * direction, (direction, direction @ z + t)
                )
                if res < 1e-10 * scale and is_eq(other) and np.max(np.abs(other - z)) > 1e-5:
                    confirmed = True
                    break
            if confirmed:
                break
        if not confirmed:
            notes.append("no second equilibrium found along the null directions: isolated")
            nullity = 0
    rep_f = profile(z)
    rep: tuple[np.ndarray, ...] = tuple(rep_f)
    is_exact = False
    if exact and exacts is not None:
        found = _rational_point(exacts, residual, jacobian, profile, z, nullity, rank, J)
        if found is not None:
            rep, is_exact = found, True
    return EquilibriumComponent(
        supports=tuple(faces),
        representative=rep,
        dimension=nullity,
        exact=is_exact,
        notes=tuple(notes),
    )


def _rational_point(
    exacts: Sequence[np.ndarray],
    residual: Any,
    jacobian: Any,
    profile: Any,
    z: np.ndarray,
    nullity: int,
    rank: int,
    J: np.ndarray,
) -> tuple[np.ndarray, ...] | None:
    """A rational equilibrium near ``z``: pin ``nullity`` coordinates at small-denominator
    values, solve the rest, round, and check the regret exactly."""
    candidates = [z]
    if nullity:
        # pin the coordinates best resolved by the null space
        _, _, Vt = np.linalg.svd(J)
        null = Vt[rank:]
        cols = list(np.argsort(-np.sum(null**2, axis=0))[:nullity])
        for den in (2, 4, 3, 6, 8, 10, 12, 100):
            pinned = z.copy()
            for c in cols:
                pinned[c] = float(Fraction(float(z[c])).limit_denominator(den))
            rows = np.zeros((len(cols), len(z)))
            for r, c in enumerate(cols):
                rows[r, c] = 1.0
            sol, res = _newton_pinned(residual, jacobian, pinned, rows)
            if res < 1e-11:
                candidates.append(sol)
    for cand in candidates:
        q = nearby_rational_equilibrium(profile(cand), exacts, (12, 1000, 10**6))
        if q is not None:
            return tuple(q)
    return None


def _newton_pinned(
    residual: Any, jacobian: Any, z: np.ndarray, rows: np.ndarray
) -> tuple[np.ndarray, float]:
    target = rows @ z
    for _ in range(60):
        F = np.concatenate([residual(z), rows @ z - target])
        if float(np.max(np.abs(F))) < 1e-14:
            break
        Jf = np.vstack([jacobian(z), rows])
        dz, *_ = np.linalg.lstsq(Jf, -F, rcond=None)
        z = z + dz
    return z, float(np.max(np.abs(np.concatenate([residual(z), rows @ z - target]))))


def equilibrium_components(
    equilibria: Sequence[Any],
    payoffs: Sequence[Any] | None = None,
    rtol: float = DEFAULT_RTOL,
) -> tuple[EquilibriumComponent, ...]:
    """The components of a list of equilibria (what ``Equilibria.components`` returns).

    Two players: :func:`components_from_extreme_points`. More players: with ``payoffs``,
    :func:`component_on_support` at each equilibrium (equilibria on a confirmed
    positive-dimensional set of the same face are reported once); without, each
    equilibrium is its own component, of dimension 0 when the list is ``complete`` (the
    enumerator certified every equilibrium isolated) and ``None`` (unknown) otherwise.

    Examples
    --------
    >>> import numpy as np
    >>> from solvers.finite import equilibria
    >>> A = np.array([[3, 0], [0, 2]]); B = np.array([[2, 0], [0, 3]])   # battle of the sexes
    >>> [c.dimension for c in equilibrium_components(equilibria([A, B]))]
    [0, 0, 0]
    """
    if not len(equilibria):
        return ()
    n = len(_strategies(equilibria[0]))
    if n == 2:
        return components_from_extreme_points(equilibria, payoffs, rtol)
    complete = bool(getattr(equilibria, "complete", False))
    out: list[EquilibriumComponent] = []
    for eq in equilibria:
        strategies = _strategies(eq)
        supports = tuple(tuple(k for k, p in enumerate(s) if not _is_zero(p)) for s in strategies)
        exact = all(np.asarray(s).dtype == object for s in strategies)
        if payoffs is not None:
            comp = component_on_support(payoffs, supports, strategies, rtol)
            if comp is not None and comp.dimension:
                if any(c.supports == supports and c.dimension for c in out):
                    continue
                out.append(comp)
                continue
        out.append(
            EquilibriumComponent(
                supports=supports,
                representative=strategies,
                dimension=0 if (complete or payoffs is not None) else None,
                vertices=(eq,) if hasattr(eq, "strategies") else (),
                exact=exact,
            )
        )
    return tuple(out)
