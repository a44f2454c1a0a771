r"""All Nash equilibria of small n-player games: support enumeration + polynomial systems.

For a support profile :math:`S = (S_1, \dots, S_n)` a mixed profile :math:`\sigma` with
exactly these supports is a Nash equilibrium iff, for every player *i*,

.. math::
    u_i(s, \sigma_{-i}) = u_i(s', \sigma_{-i}) \quad (s, s' \in S_i), \qquad
    \sum_{s \in S_i} \sigma_i(s) = 1, \qquad \sigma_i(s) > 0 \quad (s \in S_i),

.. math::
    u_i(t, \sigma_{-i}) \le u_i(s, \sigma_{-i}) \quad (t \notin S_i,\ s \in S_i).

The equalities are a square system of :math:`\sum_i (|S_i| - 1)` polynomial equations
(multilinear in the other players' probabilities) in as many unknowns.

Most support profiles are excluded before any algebra (Porter, Nudelman and Shoham
2008): by **conditional dominance** (a strategy of :math:`S_i` weakly dominated, with
one strict inequality, against the pure profiles of :math:`S_{-i}`, all of which have
positive probability; exact integer comparisons), and by **linear programs**: a
certified conditional relaxation (``solvers.finite._conditional_lp``: each player's
conditions multiplied by each of her support probabilities are linear in the product
distribution; if no positive distribution satisfies them all, proved by a Farkas
certificate, no equilibrium has these supports), for the systems with three players
mixing where it costs less than solving them (:func:`conditional_lp_pays`) and for those
that go to the homotopy - first for a whole cube of support profiles at once
(:func:`_cube`: each player's support with and without her last strategy; one LP on the
largest profile with the indifferences to that strategy relaxed to inequalities rules
out all of them), then for each support profile of a cube not ruled out - then one per
player (no distribution over :math:`S_{-i}`, even a correlated one, makes every strategy
of :math:`S_i` a best response), then, for the homotopy's systems with three players
mixing, the conditional relaxation lifted by one player's probabilities, for the larger
ones by each mixing player's in turn (:data:`EXTRA_LIFTS_MIN_PATHS`; one level up the
Sherali-Adams hierarchy; same certificate), and by one player's on the hardest
subdivision systems (:func:`lifted_lp_pays`). The LPs run through ``highspy`` where it
is installed (the ``fast`` extra), else ``linprog``. Each
remaining system is solved **exactly**: a lex Gröbner basis over the rationals (sympy,
F5B, payoffs rescaled to coprime integers) decides whether it is inconsistent,
zero-dimensional (finitely many solutions, all found) or positive-dimensional (a
continuum, which happens only in non-generic games). In shape position
(:math:`x_k = g_k(t)`, :math:`h(t) = 0`) each real root of each irreducible factor
:math:`f` of :math:`h` is checked exactly: rational roots in ``Fraction`` arithmetic,
algebraic ones in :math:`\mathbb{Q}[t]/(f)` (indifferences are exact zero tests; signs
of non-zero quantities are read at 60 digits). Other bases go to sympy's general solver
and exact checks.

The result is ``complete`` when every system was zero-dimensional or inconsistent, and
its notes say so. A positive-dimensional system is reported (``RuntimeWarning``,
``complete=False``, its supports and dimensions in the notes) with one representative
point that verifies exactly when one is found (least squares from the barycentre of the
supports, then rational reconstruction): e.g. the centre
:math:`((\tfrac12,\tfrac12), (\tfrac12,\tfrac12), (\tfrac14,\tfrac14,\tfrac14,\tfrac14))`
of the segment of equilibria of Nau, Gomez Canovas and Hansen (2004).

Before any algebra, each system is solved **numerically**. Systems of up to 7 unknowns
(8 when at most three players mix or every mixing player mixes over two strategies)
go to **certified interval subdivision** (``solvers.finite._subdivision``; the systems of
one size pattern searched side by side): the equations are affine in each free
probability, so their exact ranges over a box are read at its vertices; boxes where an
equation cannot vanish, a strategy outside the support is strictly better, or a
probability is negative are discarded, and the Krawczyk test proves each remaining box
holds one solution (found by Newton) or none. The search is exhaustive: every real
solution in the probability box is found, deterministically. Larger systems are solved
by **polynomial homotopy continuation** (``solvers.finite._homotopy``: a linear-product
start system with the multi-homogeneous Bézout number of paths, Morgan and Sommese 1987;
all paths of all supports of one size pattern tracked at once in numpy; random complex
gamma; Sommese and Wampler 2005): when every path ends (at a regular root or at
infinity) every isolated solution is found with probability one. A positive-dimensional
solution set (a continuum) need not meet any path: its closure reaches infinity, where
paths may go instead. So a system whose every path ends at a regular root is settled;
one with paths that went to infinity is settled by the certified subdivision above
(within a box budget), else by the exact path, else reported. Real roots inside the
simplex are rationalised (nearest fractions, accepted only within ``1e-8`` of the float
root) and verified **exactly** (exact regret 0); irrational ones go to the exact
Gröbner path above when the system has at most 6 unknowns (with four or more players
mixing, within ``exact_budget`` seconds in a child process), and are otherwise listed as
Newton-refined floats whose regret is checked (a note says so). Systems the numerical
methods cannot settle (singular roots, continua) go to the exact path, or, when too
large for it, leave the result ``complete=False`` with a warning.

Cost (random games, float / exact integer): under a second for 3x3x3, 8x2x2, 2^5,
4x4x4 and 5x4x3 games, 7-18 s for 3^4 and 6-25 s for 2^7; random normal 5x5x5 14 s,
6x6x4 28 s, 6x6x5 170 s (see ``benchmarks/bench_nplayer.py``).

Examples
--------
>>> import numpy as np
>>> from solvers.finite._polynomial import polynomial_equilibria
>>> A = np.array([[1, -1], [-1, 1]])                       # matching pennies
>>> eqs = polynomial_equilibria([A, -A], exact=True)
>>> [[str(p) for p in s] for s in eqs[0].strategies], eqs.complete
([['1/2', '1/2'], ['1/2', '1/2']], True)
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction
from math import gcd, prod
from typing import Any

import numpy as np
import sympy as sp
from sympy.polys.domains import QQ
from sympy.polys.groebnertools import groebner as ring_groebner
from sympy.polys.orderings import lex
from sympy.polys.rings import ring

from solvers._numbers import sign_or_numeric, to_float
from solvers.finite._duplicates import (
    duplicate_classes,
    expand_equilibria,
    indifferent_game_equilibria,
    is_indifferent_game,
    reduce_by_classes,
)
from solvers.finite._input import as_payoff_arrays
from solvers.finite._residue import coefficients, real_root_digits, residue_payoffs
from solvers.finite._snap import nearby_rational_equilibrium
from solvers.finite._subdivision import _branch_blocks
from solvers.finite._support_screen import player_supports, undominated_supports
from solvers.parallel import check_executor, map_chunks
from solvers.progress import ProgressArg
from solvers.result import Equilibria, Equilibrium
from solvers.verify import DEFAULT_RTOL, expected_payoffs, is_nash, regret

__all__ = ["polynomial_equilibria", "support_profiles"]

METHOD = "polynomial_equilibria"
_GROEBNER_METHOD = "f5b"
_NUMERIC_DIGITS = 50  # precision for sign checks sympy cannot decide symbolically


def support_profiles(shape: Sequence[int]) -> itertools.product:
    """Every support profile: one non-empty subset of strategies per player.

    Examples
    --------
    >>> len(list(support_profiles((2, 2, 2))))
    27
    """
    return itertools.product(*(player_supports(int(m)) for m in shape))


def support_profile_count(shape: Sequence[int]) -> int:
    """The number of support profiles of a game of this shape: one non-empty set of
    strategies per player.

    Examples
    --------
    >>> support_profile_count((3, 3, 3, 3)), support_profile_count((6, 6, 5))
    (2401, 123039)
    """
    return prod(2 ** int(m) - 1 for m in shape)


def _real(value: sp.Expr) -> bool:
    if value.is_real:
        return True
    if value.is_real is False:
        return False
    approx = sp.N(value, _NUMERIC_DIGITS)
    return abs(sp.im(approx)) < sp.Float(10) ** (-(_NUMERIC_DIGITS - 10))


def _scale(u: np.ndarray) -> float:
    return float(np.ptp(u)) or 1.0


def _integer_arrays(exacts: Sequence[np.ndarray]) -> list[np.ndarray]:
    """Each player's payoffs times the common denominator: exact integers (int64 when
    they fit), same order as the rationals, for fast exact comparisons."""
    out = []
    for u in exacts:
        denominator = 1
        for v in u.flat:
            denominator = denominator * v.denominator // gcd(denominator, v.denominator)
        ints = np.vectorize(lambda v, d=denominator: int(v * d), otypes=[object])(u)
        if max((abs(int(v)) for v in ints.flat), default=0) < 2**62:
            ints = ints.astype(np.int64)
        out.append(ints)
    return out


#: A player's payoff range beyond 2**+-SCREEN_EXPONENT is rescaled by a power of two
#: before the numerical screens (float subnormals, overflow).
SCREEN_EXPONENT = 900


def _screen_payoffs(exacts: Sequence[np.ndarray]) -> list[np.ndarray]:
    """Each player's payoffs minus her least one, as floats, for the numerical screens
    and solvers. A range below ``2**-900`` or above ``2**900`` (as exact payoffs like
    ``Fraction(1, 10**323)`` can have) is first multiplied by a power of two that brings
    it near 1: a positive rescaling changes no best response, and it keeps the floats
    normal (subnormal ones carry rounding errors that are not small relative to the
    range, which the certified tests assume) and finite.

    Examples
    --------
    >>> u = np.array([[Fraction(1, 10**323), Fraction(3, 10**323)]], dtype=object)
    >>> _screen_payoffs([u])[0].tolist()
    [[0.0, 0.5060056332682765]]
    """
    out = []
    for u in exacts:
        shifted = u - min(u.flat)
        top = Fraction(max(shifted.flat))
        if top > 0:
            exponent = top.numerator.bit_length() - top.denominator.bit_length()
            if abs(exponent) > SCREEN_EXPONENT:
                shifted = shifted * Fraction(2) ** -exponent
        out.append(np.asarray(shifted, dtype=float))
    return out


def _no_correlated_support(floats: Sequence[np.ndarray], support: tuple) -> bool:
    """Whether, for some player, no distribution over the others' support profiles (not
    even a correlated one) makes every strategy of her support a best response.

    A necessary condition for an equilibrium with these supports, decided by one linear
    program per player (HiGHS); the constraints are relaxed by ``1e-9`` of the payoff
    range, so a support is excluded only when it fails by a clear margin.
    """
    from scipy.optimize import linprog

    for i, own in enumerate(support):
        m = floats[i].shape[i]
        if len(own) == m == 1:
            continue
        others = [S for j, S in enumerate(support) if j != i]
        if all(len(S) == 1 for S in others):
            continue  # decided exactly by the dominance test and the system itself
        index = [list(S) if j != i else list(range(m)) for j, S in enumerate(support)]
        sub = np.moveaxis(floats[i][np.ix_(*index)], i, 0).reshape(m, -1)
        sub = sub / _scale(floats[i])
        slack = 1e-9
        base = sub[own[0]]
        rows = [sub[t] - base for t in range(m) if t not in own]
        rows += [sub[s] - base for s in own[1:]] + [base - sub[s] for s in own[1:]]
        if not rows:
            continue
        k = sub.shape[1]
        fit = linprog(
            np.zeros(k),
            A_ub=np.array(rows),
            b_ub=np.full(len(rows), slack),
            A_eq=np.ones((1, k)),
            b_eq=[1.0],
            bounds=[(0, None)] * k,
            method="highs",
        )
        if fit.status == 2:  # infeasible
            return True
    return False


def _screens_worth_running(
    support: tuple, systems: str, vanishing: _VanishingEquations
) -> tuple[bool, bool, int]:
    """Which LP screens a support gets: ``(conditional, per_player, lifts)``.

    The per-player LP (:func:`_no_correlated_support`) is not run on the systems that go
    to the certified subdivision, which discards every box where a strategy outside the
    support is strictly better and settles them faster than the LP (4x4x4, 3^4 and 2^7
    random games: 25-35% less time in all), unless some mixing player's equations vanish
    identically (a face of solutions, which the subdivision leaves to the exact path,
    where it would be reported as a continuum even when a better outside strategy rules
    out every point of it). The conditional LP
    (:func:`solvers.finite._conditional_lp.no_equilibrium_with_support`, 1-3 ms) is run
    wherever the per-player one is, first, and on the subdivision's systems where it pays
    (:func:`conditional_lp_pays`). The lifted one
    (10-300 ms, where both leave the system; ``lifts`` is how many players' lifts are
    tried, 0 for none) on the homotopy's systems with three players mixing, whose paths
    cost 0.2-6 s a system, from :data:`EXTRA_LIFTS_MIN_PATHS` paths by each mixing
    player in turn (through ``highspy``; else by one): on a random 6x6x5 game the
    first lift rules out 97% of the (5, 5, 4), 81% of the (5, 5, 5) and 68% of the
    (6, 5, 4) systems the first LP leaves, the others 27 of the 49 left after it; and by
    one player on the subdivision's where :func:`lifted_lp_pays`."""
    route = _numeric_route(support, systems)
    per_player = route != "subdivision" or any(vanishing(support))
    sizes = tuple(len(S) for S in support)
    conditional = per_player or conditional_lp_pays(sizes)
    if route == "homotopy" and sum(m > 1 for m in sizes) == 3:
        from solvers.finite._homotopy import homotopy_paths

        paths = homotopy_paths(sizes)
        many = paths is None or paths >= EXTRA_LIFTS_MIN_PATHS
        return conditional, per_player, 3 if many else 1
    return conditional, per_player, int(route == "subdivision" and lifted_lp_pays(sizes))


#: The homotopy's three-mixing systems with at least this many paths ((4, 4, 4) and
#: larger: 0.2-6 s each) get the lifts by the other two players too, where the first
#: lift leaves them, when the LPs go through ``highspy`` (through ``linprog``, in small
#: games, the extra LPs can cost more than the paths they save: a near-tie 4x4x4 game
#: took 11 s instead of 3).
EXTRA_LIFTS_MIN_PATHS = 50


def lifted_lp_pays(sizes: tuple[int, ...]) -> bool:
    """Whether a subdivision system of these support sizes that the first conditional LP
    leaves is worth the lifted one (by its largest support's player): three players
    mixing (:func:`conditional_lp_pays`) and none with as many unknowns as the other two
    together. Measured on random 6x6x5, 6x6x4, 5x5x5 and 7x4x4 float games: the first LP
    leaves 1-15% of the (3, 3, 3), (4, 3, 3), (4, 4, 3), (5, 4, 3) and (5, 5, 3) systems,
    whose subdivision then takes 11-155 ms each (they are the hard ones); the lifted LP
    (2-30 ms) rules out 50-100% of those, which cuts their time to a quarter to two
    thirds (6x6x5: 16.3 to 4.5 s). On (5, 3, 3) and (6, 4, 3) (8-47 ms of subdivision)
    it saves nothing.

    Examples
    --------
    >>> lifted_lp_pays((4, 4, 3)), lifted_lp_pays((5, 3, 3)), lifted_lp_pays((4, 4, 2))
    (True, False, False)
    """
    if not conditional_lp_pays(sizes):
        return False
    mixing = [m - 1 for m in sizes if m > 1]
    return 2 * max(mixing) < sum(mixing)


def conditional_lp_pays(sizes: tuple[int, ...]) -> bool:
    """Whether a subdivision system of these support sizes is worth the conditional LP
    (1-4 ms with ``highspy``, about twice that through ``linprog``): exactly three players
    mixing, and either every mixing player has at least two unknowns and none has more
    than the other two together (the balanced (3, 3, 3), (4, 3, 3) and (5, 3, 3) systems:
    the subdivision takes 3-6 ms, the LP 1.2-2 ms and rules out 99-100% of them), or at
    least :data:`CONDITIONAL_LP_MIN_UNKNOWNS` unknowns and no player whose equations
    outnumber the others' unknowns, nor (below 10 unknowns) match them. A player's
    equations that pin the others' probabilities down, or a player with one unknown
    ((4, 4, 2), (5, 4, 2), (4, 3, 2) ...), make the subdivision's work small: 0.3-1.4 ms,
    less than the LP (random 6x6x4 and 5x5x5 float games, measured side by side).

    Examples
    --------
    >>> conditional_lp_pays((4, 4, 3)), conditional_lp_pays((4, 3, 3))
    (True, True)
    >>> conditional_lp_pays((4, 4, 2)), conditional_lp_pays((6, 3, 3))
    (False, False)
    """
    dims = [m - 1 for m in sizes]
    mixing = [d for d in dims if d > 0]
    if len(mixing) != 3:
        return False
    total, widest = sum(mixing), max(mixing)
    if min(mixing) >= 2 and 2 * widest <= total:
        return True
    if total < CONDITIONAL_LP_MIN_UNKNOWNS:
        return False
    return 2 * widest < total or (2 * widest == total and total >= 10)


#: A cube's LP (:func:`solvers.finite._conditional_lp.no_equilibrium_between`) is tried
#: where at least this many of its support profiles are screened, and its largest one
#: has at most three players mixing (with four, the relaxation rarely rules anything out).
CUBE_MIN_SCREENED = 2


def _cube(support: tuple, shape: Sequence[int]) -> tuple[tuple, tuple]:
    """The cube of support profiles a support belongs to: ``(top, dropped)``, its largest
    profile (each player's support with her last strategy added) and, per player, that
    last strategy where it can be missing (the support keeps another strategy). The
    cubes partition the support profiles.

    Examples
    --------
    >>> _cube(((0,), (1, 2), (2,)), (3, 3, 3))
    (((0, 2), (1, 2), (2,)), ((2,), (2,), ()))
    """
    top, dropped = [], []
    for S, m in zip(support, shape, strict=True):
        T = tuple(sorted({*S, m - 1}))
        top.append(T if len(T) > 1 else S)
        dropped.append((m - 1,) if len(T) > 1 else ())
    return tuple(top), tuple(dropped)


def _cube_members(top: tuple, dropped: tuple) -> list[tuple]:
    """The support profiles of a cube (:func:`_cube`), the largest first."""
    options = [
        [T, tuple(b for b in T if b not in D)] if D else [T]
        for T, D in zip(top, dropped, strict=True)
    ]
    return list(itertools.product(*options))


def _cube_chunks(screened: list[tuple], shape: Sequence[int]) -> list[list[tuple]]:
    """The screened support profiles grouped by cube (:func:`_cube`), as chunks of
    ``(top, dropped, items)`` with about :data:`SCREEN_CHUNK` profiles each, in an order
    fixed by the game (the same verdicts on any executor)."""
    cubes: dict[tuple, list[tuple]] = {}
    for item in screened:
        cubes.setdefault(_cube(item[0], shape), []).append(item)
    chunks: list[list[tuple]] = [[]]
    size = 0
    for (top, dropped), items in sorted(cubes.items()):
        if size >= SCREEN_CHUNK:
            chunks.append([])
            size = 0
        chunks[-1].append((top, dropped, items))
        size += len(items)
    return chunks if chunks[0] else []


def _screen_chunk(task: tuple) -> list[tuple[bool, list[bool]]]:
    """One chunk of the LP screens, wherever it runs: ``(screen, [(top, dropped, items),
    ...], fast)``, cube by cube (:func:`_cube`), ``items`` its screened support profiles
    as ``(support, conditional, correlated, lifts)`` (``fast``: through ``highspy``, see
    :data:`HIGHSPY_MIN_SCREENED`). Per cube: whether one LP rules out all its support
    profiles (:func:`solvers.finite._conditional_lp.no_equilibrium_between`, where
    :data:`CUBE_MIN_SCREENED` of them are screened), else for each item whether a screen
    rules it out (:func:`_screen_support`)."""
    from solvers.finite._conditional_lp import no_equilibrium_between

    screen, cubes, fast = task
    out: list[tuple[bool, list[bool]]] = []
    for top, dropped, items in cubes:
        if (
            len(items) >= CUBE_MIN_SCREENED
            and sum(len(T) > 1 for T in top) <= 3
            and no_equilibrium_between(screen, top, dropped, fast)
        ):
            out.append((True, []))
        else:
            out.append((False, [_screen_support(screen, item, fast) for item in items]))
    return out


def _screen_support(screen: Sequence[np.ndarray], item: tuple, fast: bool) -> bool:
    """Whether a screen rules out the support of ``item`` (``(support, conditional,
    correlated, lifts)``, :func:`_screens_worth_running`): the conditional LP first,
    certified; where asked, the per-player one if the conditional one is undecided; then,
    where asked, the lifted conditional one, certified."""
    from solvers.finite._conditional_lp import _conditional_verdict, no_equilibrium_with_support

    support, conditional, correlated, lifts = item
    verdict = _conditional_verdict(screen, support, fast) if conditional else None
    excluded = verdict is True
    if verdict is None and correlated:
        # exactly, the conditional LP's verdict implies the per-player one's: where its
        # optimum is zero (False) the per-player LP cannot rule the support out. Where it
        # is undecided (not built, or a positive optimum whose combination fails the
        # rounding check: near-ties, helper-41's review), the per-player LP, with its own
        # 1e-9 margin, often can
        excluded = _no_correlated_support(screen, support)
    if not excluded and lifts > 0:
        lifts = lifts if fast else 1  # the extra lifts only through highspy
        excluded = no_equilibrium_with_support(screen, support, True, fast, lifts)
    return bool(excluded)


def _ring_for(count: int):
    names = [f"z{k}" for k in range(count)]
    return ring(",".join(names), QQ, lex) if count else (None,)


def _support_polys(payoffs_qq: Sequence[np.ndarray], support: tuple):
    """The indifference polynomials of a support profile in a ring over QQ, the ring and
    the profile as ring elements (the last strategy of each support carries 1 - others)."""
    count = sum(len(S) - 1 for S in support)
    R, *gens = _ring_for(count)
    if R is None:
        return None, [], []
    strategies = []
    k = 0
    for S in support:
        free = gens[k : k + len(S) - 1]
        k += len(S) - 1
        strategies.append(np.array([*free, R.one - sum(free, R.zero)], dtype=object))
    equations = []
    for i, S in enumerate(support):
        if len(S) == 1:
            continue
        index = [list(T) for T in support]
        sub = payoffs_qq[i][np.ix_(*index)]
        for j in reversed(range(len(support))):
            if j != i:
                sub = np.tensordot(sub, strategies[j], axes=([j], [0]))
        values = np.asarray(sub, dtype=object).reshape(-1)
        for v in values[1:]:
            e = R(v) - R(values[0])
            if e != 0:
                equations.append(e)
    return R, equations, strategies


class _VanishingEquations:
    """For each mixing player of a support profile, whether her equations (as
    :func:`_support_polys` builds them) all vanish identically: her payoffs equal across
    her support at every pure profile of the others' supports.

    ``exacts`` are exactly comparable payoff arrays. A player with no two strategies
    ever paid the same against the same profile of the others (every generic game) is
    answered at once; the others' answers are computed once per support and kept.
    """

    def __init__(self, exacts: Sequence[np.ndarray]) -> None:
        self.exacts = exacts
        self.tied = [
            any(
                bool(np.any(np.take(u, [b], axis=i) == np.take(u, [c], axis=i)))
                for b in range(u.shape[i])
                for c in range(b)
            )
            for i, u in enumerate(exacts)
        ]
        self.known: dict[tuple, list[bool]] = {}

    def __call__(self, support: tuple) -> list[bool]:
        if not any(t and len(S) > 1 for t, S in zip(self.tied, support, strict=True)):
            return [False] * sum(len(S) > 1 for S in support)
        out = self.known.get(support)
        if out is None:
            index = np.ix_(*[list(T) for T in support])
            out = []
            for i, S in enumerate(support):
                if len(S) > 1:
                    sub = np.moveaxis(self.exacts[i][index], i, 0)
                    out.append(bool(np.all(sub[1:] == sub[0])))
            self.known[support] = out
        return out


def _zero_dimensional(basis, count: int) -> bool:
    pure_powers = set()
    for g in basis:
        exps = g.LM
        nonzero = [k for k, e in enumerate(exps) if e]
        if len(nonzero) == 1:
            pure_powers.add(nonzero[0])
    return len(pure_powers) == count


def _dimension(basis, count: int) -> int:
    """Krull dimension of the ideal: the largest set of variables no leading monomial of
    the Gröbner basis lives on (a maximal independent set)."""
    supports = [frozenset(k for k, e in enumerate(g.LM) if e) for g in basis]
    for size in range(count, -1, -1):
        for subset in itertools.combinations(range(count), size):
            chosen = set(subset)
            if not any(s <= chosen for s in supports):
                return size
    return 0  # pragma: no cover - the empty set always qualifies


def _shape_position_solutions(basis: list, unknowns: list) -> list[dict] | None:
    """Real solutions of a zero-dimensional lex basis ``{x_k - g_k(x_n)}, h(x_n)``.

    The real roots of the univariate ``h`` are isolated exactly (rationals, radicals or
    ``CRootOf``); the other unknowns follow by substitution. ``None`` when the basis is
    not in this shape (then the caller uses the general solver).
    """
    last = unknowns[-1]
    univariate = [g for g in basis if g.free_symbols <= {last}]
    if len(univariate) != 1 or len(basis) != len(unknowns):
        return None
    formulas = {}
    for g in basis:
        if g is univariate[0]:
            continue
        others = g.free_symbols - {last}
        if len(others) != 1:
            return None
        (x,) = others
        if x in formulas:
            return None
        poly = sp.Poly(g, x)
        if poly.degree() != 1 or poly.LC().free_symbols:
            return None
        formulas[x] = sp.expand(-(g - poly.LC() * x) / poly.LC())
    if set(formulas) != set(unknowns[:-1]):
        return None
    roots = set(sp.Poly(univariate[0], last).real_roots())
    solutions = []
    for root in roots:
        sol = {x: sp.expand(f.subs(last, root)) for x, f in formulas.items()}
        sol[last] = root
        solutions.append(sol)
    return solutions


def _plausible(payoffs, profile, support) -> bool:
    """Quick float screen (generous tolerance) before the exact checks."""
    approx = [np.array([complex(sp.N(p, 30)) for p in s]) for s in profile]
    if any(abs(v.imag) > 1e-9 for s in approx for v in s):
        return False
    approx = [s.real for s in approx]
    if any(s[list(S)].min() < -1e-9 for s, S in zip(approx, support, strict=True)):
        return False
    values = expected_payoffs([u.astype(float) for u in payoffs], approx)
    for i, S in enumerate(support):
        scale = float(np.ptp(payoffs[i].astype(float))) or 1.0
        if values[i].max() - values[i][S[0]] > 1e-7 * scale:
            return False
    return True


def _is_equilibrium(payoffs, profile, support) -> bool:
    if not _plausible(payoffs, profile, support):
        return False
    for sigma, S in zip(profile, support, strict=True):
        for s in S:
            if not _real(sigma[s]) or sign_or_numeric(sigma[s]) <= 0:
                return False
    profile = [
        np.array([sp.re(p) if not p.is_real else p for p in s], dtype=object) for s in profile
    ]
    values = expected_payoffs(payoffs, profile)
    for i, S in enumerate(support):
        best = values[i][S[0]]
        for t in range(len(values[i])):
            if t not in S and sign_or_numeric(values[i][t] - best) > 0:
                return False
    return True


_T = sp.Symbol("t")


def _shape_position(basis, R, count: int):
    """``(h, {k: g_k})`` when the lex basis is ``{z_k - g_k(z_last)}, h(z_last)`` (as sympy
    ``Poly`` in one variable ``t``), else ``None``."""
    last = count - 1
    h = None
    formulas: dict[int, sp.Poly] = {}

    def univariate(p) -> sp.Poly | None:
        if any(m[j] for m in p.monoms() for j in range(last)):
            return None
        terms = {
            (m[last],): sp.Rational(int(c.numerator), int(c.denominator)) for m, c in p.terms()
        }
        return sp.Poly.from_dict(terms, _T, domain="QQ") if terms else sp.Poly(0, _T, domain="QQ")

    for g in basis:
        nonzero = [k for k, e in enumerate(g.LM) if e]
        if nonzero == [last]:
            if h is not None:
                return None
            h = univariate(g)
            if h is None:
                return None
        elif len(nonzero) == 1 and g.LM[nonzero[0]] == 1:
            k = nonzero[0]
            rest = univariate(g - g.LC * R.gens[k])
            if rest is None or k in formulas:
                return None
            lc = sp.Rational(int(g.LC.numerator), int(g.LC.denominator))
            formulas[k] = -rest * (1 / lc)
        else:
            return None
    if h is None or len(formulas) != last:
        return None
    formulas[last] = sp.Poly(_T, _T, domain="QQ")
    return h, formulas


def _profile_polys(formulas, support, shape):
    """Each player's mixed strategy as ``Poly`` in ``t`` (the last unknown)."""
    profile, k = [], 0
    one = sp.Poly(1, _T, domain="QQ")
    zero = sp.Poly(0, _T, domain="QQ")
    for S, m in zip(support, shape, strict=True):
        sigma = np.array([zero] * m, dtype=object)
        free = [formulas[k + j] for j in range(len(S) - 1)]
        k += len(S) - 1
        for s, p in zip(S[:-1], free, strict=True):
            sigma[s] = p
        sigma[S[-1]] = one - sum(free, zero)
        profile.append(sigma)
    return profile


def _at_root(p: sp.Poly, root: sp.Expr) -> sp.Expr:
    """A polynomial in ``t`` at an algebraic number, as a sum of powers of it (what
    ``expand(p.subs(t, root))`` gives, without the expansion's cost).

    Examples
    --------
    >>> r = sp.CRootOf(sp.Poly(_T**2 - 2, _T), 1)
    >>> _at_root(sp.Poly(_T / 2 + 1, _T, domain="QQ"), r)
    CRootOf(t**2 - 2, 1)/2 + 1
    """
    return sp.Add(*(c * root**k for (k,), c in p.terms()))


def _shape_equilibria(h, formulas, exacts, support, shape) -> list[tuple[Any, Any]]:
    """Equilibria from a basis in shape position: each real root of each irreducible
    factor of ``h``; rational roots are checked in ``Fraction`` arithmetic, algebraic ones
    in ``Q[t]/(f)`` (zero tests exact, signs of non-zero numbers numerically at 60
    digits). Returns a list of ``(profile, payoffs or None)``."""
    found: list[tuple[Any, Any]] = []
    for f, _ in h.factor_list()[1]:
        if f.degree() == 1:
            c1, c0 = f.all_coeffs()
            r = -c0 / c1
            profile = [
                np.array(
                    [
                        Fraction(int(v.p), int(v.q))
                        for v in (
                            p.eval(r) if isinstance(p, sp.Poly) else sp.Rational(p) for p in s
                        )
                    ],
                    dtype=object,
                )
                for s in _profile_polys(formulas, support, shape)
            ]
            if all(s[list(S)].min() > 0 for s, S in zip(profile, support, strict=True)) and (
                max(regret(exacts, profile)) == 0
            ):
                found.append((profile, None))
            continue
        polys = [
            np.array([p.rem(f) for p in s], dtype=object)
            for s in _profile_polys(formulas, support, shape)
        ]
        values = None  # the payoffs in Q[t]/(f): the same for every root of f
        for index, (interval, _) in enumerate(f.intervals()):  # real roots, increasing
            root = sp.CRootOf(f, index)
            approx = real_root_digits(f, interval, 60)
            numeric = [np.array([p.eval(approx) for p in s], dtype=object) for s in polys]
            if any(s[list(S)].min() <= 0 for s, S in zip(numeric, support, strict=True)):
                continue
            if values is None:
                D = f.degree()
                profile = [
                    np.array([coefficients(p, D) for p in s], dtype=object).reshape(len(s), D)
                    for s in polys
                ]
                values = residue_payoffs(exacts, profile, f)
            if not _best_responses(values, support, approx):
                continue
            expr = [np.array([_at_root(p, root) for p in s], dtype=object) for s in polys]
            payoffs = tuple(_at_root(_poly(values[i][S[0]]), root) for i, S in enumerate(support))
            found.append((expr, payoffs))
    return found


def _poly(coefficients: np.ndarray) -> sp.Poly:
    """A coefficient vector (lowest degree first, ``QQ`` elements) as a ``Poly`` in t."""
    return sp.Poly.from_list(list(reversed(coefficients.tolist())), _T, domain=QQ)


def _best_responses(values: Sequence[np.ndarray], support: tuple, approx: sp.Float) -> bool:
    """Whether, at the root ``approx`` (60 digits), every player's support strategies earn
    exactly the same payoff (``values``: coefficient vectors in Q[t]/(f), see
    :func:`solvers.finite._residue.residue_payoffs`) and no other strategy earns more
    (a difference that is not exactly zero has its sign read numerically)."""
    for i, S in enumerate(support):
        differences = values[i] - values[i][S[0]]
        for t, diff in enumerate(differences):
            zero = all(c == 0 for c in diff)
            if t in S and not zero:
                return False
            if t not in S and not zero and _poly(diff).eval(approx) > 0:
                return False
    return True


#: Support systems with at least this many unknowns go to the homotopy first (smaller
#: ones are solved faster by Groebner bases) ...
HOMOTOPY_MIN_UNKNOWNS = 5
#: ... and so do those where at least this many players mix (degree >= 3 systems, whose
#: Groebner bases grow fast), from 3 unknowns on.
HOMOTOPY_MIN_MIXING = 4
#: Default seconds for the exact algebra of large systems in one call (``exact_budget``).
EXACT_BUDGET = 10.0
#: With a finite ``exact_budget``, irrational solutions of systems with four or more
#: players mixing are written exactly only where the system has at most this many
#: complex solutions (its multi-homogeneous Bezout number); beyond it they are certified
#: floats at once, without spending the budget. Measured (sympy's f5b lex bases, random
#: integer 2^5, 3^4 and 2^7 games): 9 solutions 0.08 s, 12 about 0.5 s, 29 and 44 more
#: than 40 s (44: more than 15 minutes).
EXACT_MAX_SOLUTIONS = 20
#: Largest system the exact Groebner path takes when the homotopy cannot decide (a
#: singular end point, failed paths, an irrational solution in exact mode).
GROEBNER_FALLBACK_MAX_UNKNOWNS = 6


#: Certified subdivision systems with exactly three players mixing and at least this many
#: unknowns are screened by the conditional LP unless one player's equations pin the
#: others down; below it, only the balanced ones (every mixing player with two unknowns
#: or more), see :func:`conditional_lp_pays`.
CONDITIONAL_LP_MIN_UNKNOWNS = 8
#: The LP screens go through ``highspy`` (where installed) when at least this many
#: support profiles are screened: it saves 1-3 ms per LP, and importing it costs about
#: 0.15 s (small games, which need few LPs, use ``scipy.optimize.linprog``).
HIGHSPY_MIN_SCREENED = 200
#: Support profiles per chunk of the LP screens.
SCREEN_CHUNK = 256

#: Support systems up to this many unknowns go to certified subdivision first ...
SUBDIVISION_MAX_UNKNOWNS = 7
#: ... up to this many when at most three players mix (bilinear equations: subdivision,
#: with its preconditioned exclusion test, beats the homotopy there) ...
SUBDIVISION_MAX_UNKNOWNS_3_MIXING = 8
#: ... and so do those of up to this many where every mixing player mixes over two
#: strategies (binary blocks: subdivision is far cheaper than the homotopy's paths) ...
SUBDIVISION_MAX_BINARY = 8
#: ... or where three players mix and the values of at most two unknowns determine the
#: rest by linear equations (``_branch_blocks``: the subdivision's contraction works on
#: the others), up to this many unknowns: (5, 4, 3), (6, 4, 3) and (5, 5, 3) supports, 9
#: and 10 unknowns (random 7x4x4 and 5x5x5 games: 17, 18 and 87 ms per system against the
#: homotopy's 52, 29 and 108).
SUBDIVISION_MAX_UNKNOWNS_2_BRANCHING = 10


#: Homotopy systems tracked together: at most 64, and at most this many complex entries
#: in all their paths' Jacobians (2 MB): a random 5x5x5 game's 64 (4,4,4) systems (3,584
#: paths) took 19.5 s together and 7.4-7.7 s in batches of 8-32 with another process on
#: the second core (larger batches leave the cache).
HOMOTOPY_BATCH_ENTRIES = 2**17


#: Boxes the subdivision may examine to prove a structurally overdetermined system of the
#: homotopy's (one with no isolated solution) has no solution in the probability box,
#: before the exact path decides (0.02-0.07 s when it succeeds; 1-4 s to give up).
EMPTINESS_MAX_BOXES = 100_000


#: Boxes the subdivision may examine to prove that a positive-dimensional solution set
#: holds no equilibrium (every box discarded), before it is reported as a continuum; also
#: to settle a system whose homotopy paths went to infinity (or failed).
CONTINUUM_MAX_BOXES = 20_000


#: Size patterns with at least this many homotopy systems in a game are tracked from a
#: generic system of the pattern (a parameter homotopy: 13% fewer steps, each about 40%
#: cheaper; its solutions cost about one linear-product tracking, once per pattern).
PARAMETER_MIN_SYSTEMS = 4


#: Support systems per chunk of the subdivision's work (the chunks an ``executor`` spreads;
#: fixed, so the result does not depend on where or on how many workers they run): about
#: 0.5-2 s of work on random 5x5x5-6x6x5 games.
SUBDIVISION_CHUNK = 512


def _numeric_route(support, systems: str = "auto") -> str | None:
    """How a support system is solved before (or instead of) the exact path:
    ``"subdivision"``, ``"homotopy"`` or ``None`` (Groebner bases directly)."""
    count = sum(len(S) - 1 for S in support)
    if count == 0 or systems == "groebner":
        return None
    if systems in ("subdivision", "homotopy"):
        return systems
    binary = all(len(S) <= 2 for S in support)
    mixing = sum(len(S) > 1 for S in support)
    if count <= SUBDIVISION_MAX_UNKNOWNS or (binary and count <= SUBDIVISION_MAX_BINARY):
        return "subdivision"
    if mixing <= 3 and count <= SUBDIVISION_MAX_UNKNOWNS_3_MIXING:
        return "subdivision"
    if mixing == 3 and count <= SUBDIVISION_MAX_UNKNOWNS_2_BRANCHING:
        branch, _ = _branch_blocks(tuple(len(S) - 1 for S in support))
        if sum(len(support[j]) - 1 for j in branch) <= 2:
            return "subdivision"
    if systems == "numeric-only" or count >= HOMOTOPY_MIN_UNKNOWNS:
        return "homotopy"
    return "homotopy" if mixing >= HOMOTOPY_MIN_MIXING and count >= 3 else None


def _solve_chunk(task: tuple) -> list[tuple[str, list[np.ndarray]]]:
    """One chunk of :func:`_track_all`'s work, wherever it runs: ``("subdivision", screen,
    supports)`` or ``("homotopy", screen, supports, orders, seed, parameter)`` (one batch
    of a size pattern's systems, each with its players in ``order``); the verdicts in the
    supports' order, roots in their own players' order."""
    from solvers.finite._homotopy import track_many
    from solvers.finite._player_order import reordered_game, restore_blocks
    from solvers.finite._subdivision import solve_supports

    kind, screen, supports = task[:3]
    if kind == "subdivision":
        return solve_supports(screen, supports)
    orders, seed, parameter = task[3:]
    games: dict[tuple[int, ...], list[np.ndarray]] = {}
    for order in orders:
        if order not in games:
            games[order] = reordered_game(screen, order)
    verdicts = track_many(
        screen,
        [
            tuple(support[i] for i in order)
            for support, order in zip(supports, orders, strict=True)
        ],
        seed=seed,
        games=[games[order] for order in orders],
        parameter=parameter,
    )
    return [
        (status, [restore_blocks(x, support, order) for x in points])
        for support, order, (status, points) in zip(supports, orders, verdicts, strict=True)
    ]


def _track_all(
    screen, supports, systems: str = "auto", executor: Any = None, progress: ProgressArg = None
) -> dict:
    """Numerical verdicts ``{support: (status, points)}`` for the supports that get one:
    certified subdivision one system at a time (a system it cannot settle is left
    ``"unsure"``), homotopy paths in batches of one size pattern up to the order of the
    players (:mod:`solvers.finite._player_order`). The work is cut into chunks fixed by
    the game alone (:data:`SUBDIVISION_CHUNK` systems; one homotopy batch), run on
    ``executor`` (:func:`solvers.parallel.map_chunks`): the same verdicts anywhere."""
    from solvers.finite._homotopy import MAX_PATHS, homotopy_paths
    from solvers.finite._player_order import size_order
    from solvers.finite._subdivision import solve_supports

    shape = [np.shape(u)[i] for i, u in enumerate(screen)]
    groups: dict[tuple, list] = {}
    out: dict[tuple, tuple] = {}
    routes = {support: _numeric_route(support, systems) for support in supports}
    boxed = [support for support in supports if routes[support] == "subdivision"]

    def size_pattern(support: tuple) -> tuple:  # what the subdivision searches together
        return tuple((len(support[i]), shape[i]) for i in size_order(support, shape))

    boxed.sort(key=size_pattern)  # stable: a chunk holds few patterns, each system in order
    tasks: list[tuple] = [
        ("subdivision", screen, boxed[k : k + SUBDIVISION_CHUNK])
        for k in range(0, len(boxed), SUBDIVISION_CHUNK)
    ]
    for support in supports:
        # a system the subdivision cannot settle stays unsettled (the exact path decides):
        # it may hold a continuum of solutions, which the homotopy's paths need not meet
        # (all of them may go to infinity), so a homotopy "ok" would not rule it out
        if routes[support] == "homotopy":
            # systems of permuted size patterns are tracked together, each with its
            # players in the order of decreasing support size
            order = size_order(support, shape)
            key = tuple((len(support[i]), shape[i]) for i in order)
            groups.setdefault(key, []).append((support, order))
    for pattern, members in groups.items():
        # bounded batches: their Jacobians (paths x unknowns^2 complex numbers) fit in cache
        count = sum(size - 1 for size, _ in pattern)
        paths = homotopy_paths(tuple(size for size, _ in pattern))  # 0: overdetermined
        size = (MAX_PATHS if paths is None else paths) * count * count
        step = max(1, min(64, HOMOTOPY_BATCH_ENTRIES // max(size, 1)))
        for k in range(0, len(members), step):
            chunk = members[k : k + step]
            tasks.append(
                (
                    "homotopy",
                    screen,
                    [support for support, _ in chunk],
                    [order for _, order in chunk],
                    sum(size for size, _ in pattern),
                    len(members) >= PARAMETER_MIN_SYSTEMS,
                )
            )
    results = map_chunks(
        _solve_chunk, tasks, executor=executor, progress=progress, desc="support systems"
    )
    for task, verdicts in zip(tasks, results, strict=True):
        out.update(zip(task[2], verdicts, strict=True))
    # systems whose paths went to infinity (or that the homotopy could not settle): a
    # positive-dimensional solution set need not meet any path, so the certified
    # subdivision decides within a box budget (it finds every solution in the
    # probability box, and cannot settle a continuum of them), else the exact path
    doubtful = [
        support
        for support in supports
        if routes[support] == "homotopy" and out[support][0] in ("diverged", "unsure")
    ]
    for support, verdict in zip(
        doubtful, solve_supports(screen, doubtful, max_boxes=CONTINUUM_MAX_BOXES), strict=True
    ):
        # unsettled: "unsure", with the regular roots the homotopy found (listed, their
        # support reported undecided)
        out[support] = verdict if verdict[0] == "ok" else ("unsure", out[support][1])
    # structurally overdetermined systems (no isolated solution: some player's
    # equations outnumber the unknowns they involve) that subdivision has not tried:
    # an exhaustive search that discards every box proves there is no solution with
    # probabilities in [0, 1] (0.1-1 s where Groebner bases take 6-8 s, 8x3x3 systems)
    untried = [
        support
        for support in supports
        if routes[support] == "homotopy" and out[support][0] == "empty"
    ]
    for support, verdict in zip(
        untried, solve_supports(screen, untried, max_boxes=EMPTINESS_MAX_BOXES), strict=True
    ):
        if verdict[0] == "ok" and not verdict[1]:
            out[support] = verdict
    return out


def _no_point_in_box(screen, support) -> bool:
    """Whether the certified subdivision discards every box of a support system whose
    solutions form a continuum: no point of it is a probability profile where every
    strategy outside the support pays at most the support's (the exact path, which
    flags every positive-dimensional solution set, would report it as a continuum)."""
    from solvers.finite._subdivision import solve_supports

    if screen is None:
        return False
    status, points = solve_supports(screen, [support], max_boxes=CONTINUUM_MAX_BOXES)[0]
    return status == "ok" and not points


def free_to_profile(x: np.ndarray, support: tuple, shape: Sequence[int]) -> list[np.ndarray]:
    """The mixed profile of a support system's point ``x`` (its free probabilities, all
    but the last strategy of each player's support, block by block; the last one is one
    minus the others).

    Examples
    --------
    >>> [s.tolist() for s in free_to_profile(np.array([0.25]), ((0, 2), (1,)), (3, 2))]
    [[0.25, 0.0, 0.75], [0.0, 1.0]]
    """
    profile, k = [], 0
    for S, m in zip(support, shape, strict=True):
        sigma = np.zeros(m)
        d = len(S) - 1
        sigma[list(S[:-1])] = x[k : k + d]
        sigma[S[-1]] = 1.0 - x[k : k + d].sum()
        k += d
        profile.append(sigma)
    return profile


def _homotopy_support(screen, exacts, support, shape, exact: bool, rtol: float, tracked=None):
    """Equilibria of one support system by homotopy continuation (see ``_homotopy``).

    ``None`` when the exact Groebner path must decide; otherwise ``(found, status,
    dimension)`` like :func:`_solve_support`, ``status`` ``"unresolved"`` when neither
    method can. In exact mode, irrational solutions of systems too large for the exact
    path come back as float profiles marked ``"certified"`` (regret below ``rtol``).
    """
    from solvers.finite._homotopy import track_support

    count = sum(len(S) - 1 for S in support)
    if tracked is None:
        tracked = track_support(screen, support, seed=len(support) + count)
    status, points = tracked
    if status == "empty":  # structurally overdetermined: no isolated solution
        if exact or all(v.denominator <= 10**6 for u in exacts for v in u.flat):
            return None  # Groebner decides (quickly, on short rationals)
        count = sum(len(S) - 1 for S in support)
        # long binary fractions: a least-squares search for solutions (generic games
        # have none); any found point means a continuum, reported as such
        points = _continuum_points(screen, exacts, support, False, rtol)
        if points:
            return [(p, "float") for p in points[:1]], "continuum", count
        return [], "isolated", 0
    if status != "ok" and count <= GROEBNER_FALLBACK_MAX_UNKNOWNS:
        return None  # the exact path decides
    # beyond the exact path's reach, a system the numerical methods could not settle
    # keeps the regular roots they did find (each verified below): the result lists
    # those equilibria and says the support is undecided
    settled = status == "ok"
    found: list[tuple[Any, Any]] = []
    irrational: list[Any] = []
    for z in points:
        if np.abs(z.imag).max() > 1e-8 * (1 + np.abs(z).max()):
            continue
        profile = free_to_profile(z.real, support, shape)
        if min(s[list(S)].min() for s, S in zip(profile, support, strict=True)) < -1e-9:
            continue
        clipped = _onto_simplex(profile)
        # a root with a probability at rounding level lies on the boundary: a point of a
        # smaller support's solution set, reported with that support (never as a mixed
        # strategy over a strategy played with probability 1e-75)
        boundary = any(s[t] == 0 for s, S in zip(clipped, support, strict=True) for t in S)
        gaps = regret(screen, clipped)
        if any(g > 1e-6 * _scale(u) for g, u in zip(gaps, screen, strict=True)):
            continue
        if not exact:
            if is_nash(screen, clipped, rtol):
                found.append((clipped, "float"))
            continue
        candidate = nearby_rational_equilibrium(
            clipped, exacts, support=None if boundary else support
        )
        if candidate is not None:
            found.append((candidate, None))
        else:
            irrational.append(clipped)
    if irrational:
        # regular real roots certified in floats: the answer when the system is too
        # large for exact algebra, or when exact algebra runs past its budget
        certified = [(p, "certified") for p in irrational if is_nash(screen, p, rtol)] + found
        if count <= GROEBNER_FALLBACK_MAX_UNKNOWNS:
            return _Fallback(certified)  # algebraic solutions: the exact path writes them
        return (certified, "isolated", 0) if settled else (certified, "unresolved", count)
    return (found, "isolated", 0) if settled else (found, "unresolved", count)


class _Fallback:
    """The certified float solutions of a system whose exact solutions are wanted."""

    def __init__(self, found: list) -> None:
        self.found = found


def _solve_support(
    payoffs_qq,
    sym,
    exacts,
    support,
    shape,
    screen=None,
    exact=True,
    rtol=DEFAULT_RTOL,
    tracked=None,
    systems="auto",
    exact_budget=None,
    singular_budget=None,
    vanishing=None,
):
    """Equilibria with exactly this support profile (exact unless ``exact=False``).

    Returns ``(profiles, status, dimension)``: ``status`` is ``"isolated"`` (the system is
    inconsistent or zero-dimensional: every solution found), ``"continuum"`` (a
    positive-dimensional solution set of the given ``dimension``; its points are not
    enumerated here) or ``"unresolved"`` (a large system the homotopy could not vouch for
    and which is too large for the exact path). With ``screen`` (float payoffs), systems
    of :data:`HOMOTOPY_MIN_UNKNOWNS` unknowns or more are solved by homotopy
    continuation first; rational solutions are reconstructed and verified exactly.
    """
    count = sum(len(S) - 1 for S in support)
    if count == 0:  # a pure profile
        profile = [
            np.array([Fraction(int(k == S[0])) for k in range(m)], dtype=object)
            for S, m in zip(support, shape, strict=True)
        ]
        return ([(profile, None)] if max(regret(exacts, profile)) == 0 else []), "isolated", 0
    fallback = None
    if vanishing is None:
        vanishing = _VanishingEquations(exacts)
    if screen is not None and _numeric_route(support, systems) and not all(vanishing(support)):
        done = _homotopy_support(screen, exacts, support, shape, exact, rtol, tracked)
        if isinstance(done, _Fallback):
            fallback, done = done.found, None
        if done is not None:
            return done
        if systems == "numeric-only":  # binary floats: Groebner bases out of reach
            return [], "unresolved", count
    # the exact path (the polynomials are built only now: most systems never need them)
    R, equations, _ = _support_polys(payoffs_qq, support)
    if fallback is not None and sum(len(S) > 1 for S in support) >= HOMOTOPY_MIN_MIXING:
        # degree >= 3 systems: exact algebra can take minutes; within its time budget
        # and for systems with few solutions, else the certified float roots found
        if _beyond_exact_reach(support, exact_budget):
            return fallback, "isolated", 0
        done = _exact_within_budget(R, equations, sym, exacts, support, shape, exact_budget)
        return done if done is not None else (fallback, "isolated", 0)
    if singular_budget is not None and sum(len(S) > 1 for S in support) >= HOMOTOPY_MIN_MIXING:
        # a system the numerical methods could not settle (singular roots, a continuum)
        # with four or more players mixing: its Groebner basis can take hours; within
        # its own time budget, else reported undecided (never a silent gap)
        done = _exact_within_budget(
            R, equations, sym, exacts, support, shape, singular_budget, daemon_spent=False
        )
        return done if done is not None else ([], "unresolved", count)
    return _exact_support(R, equations, sym, exacts, support, shape)


def _beyond_exact_reach(support, budget) -> bool:
    """Whether, with a finite time ``budget``, a system's irrational solutions are left
    as certified floats at once: more than :data:`EXACT_MAX_SOLUTIONS` complex solutions
    (its multi-homogeneous Bezout number; its Groebner basis would outlast the budget)."""
    from solvers.finite._homotopy import homotopy_paths

    if budget is None or budget.left is None:
        return False
    count = homotopy_paths(tuple(len(S) for S in support))
    return count is None or count > EXACT_MAX_SOLUTIONS


def _exact_support(R, equations, sym, exacts, support, shape):
    """The exact path of :func:`_solve_support`: a lex Groebner basis, then its solutions."""
    count = len(R.gens)
    if not equations:
        return [], "continuum", count
    basis = ring_groebner(equations, R, method=_GROEBNER_METHOD)
    if len(basis) == 1 and basis[0] == R.one:
        return [], "isolated", 0
    if not _zero_dimensional(basis, count):
        return [], "continuum", _dimension(basis, count)
    in_shape = _shape_position(basis, R, count) or _separated(basis, R, count)
    if in_shape is not None:
        h, formulas = in_shape
        return _shape_equilibria(h, formulas, exacts, support, shape), "isolated", 0
    unknowns = list(R.symbols)
    exprs = [g.as_expr() for g in basis]
    solutions = _shape_position_solutions(exprs, unknowns)
    if solutions is None:  # not in shape position: sympy's general solver
        solutions = sp.solve(exprs, unknowns, dict=True)
    found = []
    for sol in solutions:
        if set(sol) != set(unknowns):  # pragma: no cover - zero-dimensional bases solve fully
            continue
        profile = []
        k = 0
        for S, m in zip(support, shape, strict=True):
            sigma = np.array([sp.Integer(0)] * m, dtype=object)
            free = [sol[unknowns[k + t]] for t in range(len(S) - 1)]
            k += len(S) - 1
            for s, value in zip(S[:-1], free, strict=True):
                sigma[s] = value
            sigma[S[-1]] = 1 - sum(free, sp.Integer(0))
            profile.append(sigma)
        if _is_equilibrium(sym, profile, support):
            found.append((profile, "sympy"))
    return found, "isolated", 0


#: Linear forms tried to bring a zero-dimensional basis into shape position (coefficients
#: of ``z_0, z_1, ...``, cycled), before sympy's general solver.
SEPARATING_FORMS = ((1, 2, 3, 5, 7, 11, 13), (1, -1, 2, -3, 5, -7, 11), (3, 1, -2, 4, -1, 6, 2))


def _separated(basis, R, count: int):
    """``(h, {k: g_k})`` as :func:`_shape_position` gives, for a zero-dimensional lex
    ``basis`` that is not in shape position (several solutions share the last unknown's
    value, or a solution is multiple): with a new last unknown ``t = sum_k c_k z_k`` (a
    linear form that separates the solutions, tried from :data:`SEPARATING_FORMS`) the
    lex basis of the ideal plus ``t - sum_k c_k z_k`` is in shape position when the ideal
    is radical; otherwise the squarefree part of its univariate polynomial in ``t`` is
    added (the solutions' values of ``t``, each once) and the basis tried again. ``None``
    when no form works (the caller falls back to sympy's general solver)."""
    S, *gens = _ring_for(count + 1)
    t = gens[-1]
    lift = [_lift(g, S, count) for g in basis]
    for form in SEPARATING_FORMS:
        coefficients = [form[k % len(form)] for k in range(count)]
        line = t - sum((c * z for c, z in zip(coefficients, gens[:-1], strict=True)), S.zero)
        extended = ring_groebner([*lift, line], S, method=_GROEBNER_METHOD)
        found = _shape_position(extended, S, count + 1)
        if found is not None:
            return found
        univariate = [g for g in extended if all(m[:-1] == (0,) * count for m in g.monoms())]
        if len(univariate) != 1:
            continue
        h = sp.Poly.from_dict(
            {
                (m[-1],): sp.Rational(int(c.numerator), int(c.denominator))
                for m, c in univariate[0].terms()
            },
            _T,
            domain="QQ",
        )
        squarefree = h.sqf_part()
        if squarefree.degree() == h.degree():
            continue
        reduced = S.zero
        for (k,), c in squarefree.terms():
            reduced += QQ(int(c.p), int(c.q)) * t**k
        radical = ring_groebner([*extended, reduced], S, method=_GROEBNER_METHOD)
        found = _shape_position(radical, S, count + 1)
        if found is not None:
            return found
    return None


def _lift(g, S, count: int):
    """A polynomial of the ring of ``count`` unknowns in the ring with one more."""
    return S.from_dict({(*m, 0): c for m, c in g.terms()})


class _Budget:
    """Seconds left for exact algebra in one call (``None``: unlimited)."""

    def __init__(self, seconds: float | None) -> None:
        self.left = seconds


def _exact_within_budget(
    R, equations, sym, exacts, support, shape, budget: _Budget | None, daemon_spent=True
):
    """:func:`_exact_support` in a forked child process, given up (``None``) when the
    call's budget runs out; it runs here, unbounded, when the budget is unlimited or the
    platform cannot fork. In a pool's daemonic worker, which may not have children, the
    budget counts as spent (``daemon_spent``) or the work runs here, unbounded."""
    import multiprocessing
    import time

    can_fork = "fork" in multiprocessing.get_all_start_methods()
    daemon = multiprocessing.current_process().daemon
    if budget is None or budget.left is None or not can_fork or (daemon and not daemon_spent):
        return _exact_support(R, equations, sym, exacts, support, shape)
    if budget.left <= 0 or daemon:
        return None  # spent, or a pool's daemonic worker
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def work() -> None:  # pragma: no cover - runs in the child process
        try:
            send.send(_exact_support(R, equations, sym, exacts, support, shape))
        except BaseException as error:  # reported to the parent
            send.send(error)

    started = time.perf_counter()
    child = ctx.Process(target=work, daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(budget.left):
            return None
        result = receive.recv()
    except EOFError:  # the child died (e.g. out of memory): no exact answer
        return None
    finally:
        budget.left -= time.perf_counter() - started
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()
    if isinstance(result, BaseException):
        raise result
    return result


#: Probabilities below this in a numerical root (or a least-squares point of a continuum)
#: are rounding noise about a boundary point (probability 0); the equilibrium
#: tolerances (rtol) are far coarser, and the profile is checked again once zeroed.
ROUNDING_PROBABILITY = 1e-9


def _onto_simplex(profile: Sequence[np.ndarray]) -> list[np.ndarray]:
    """A numerical root's profile with probabilities below :data:`ROUNDING_PROBABILITY`
    (rounding noise, or a last probability a rounding below zero) set to exactly zero and
    each strategy renormalised.

    Examples
    --------
    >>> [s.tolist() for s in _onto_simplex([np.array([3e-75, 1.0]), np.array([0.5, 0.5])])]
    [[0.0, 1.0], [0.5, 0.5]]
    """
    out = []
    for s in profile:
        kept = np.where(s < ROUNDING_PROBABILITY, 0.0, s)
        out.append(kept / kept.sum())
    return out


def _continuum_points(floats, exacts, support, exact, rtol):
    """Points of a positive-dimensional solution set that are equilibria, found by least
    squares from the barycentre of the supports and from seeded random points, then made
    exact (rational reconstruction, exact regret 0) or checked (float regret)."""
    from scipy.optimize import least_squares

    shape = floats[0].shape
    scales = [_scale(u) for u in floats]
    sizes = [len(S) - 1 for S in support]

    def residual(z):
        profile = free_to_profile(z, support, shape)
        values = expected_payoffs(floats, profile)
        out = []
        for i, S in enumerate(support):
            base = values[i][S[0]]
            out.extend((values[i][list(S)] - base) / scales[i])
            outside = np.delete(values[i], list(S)) - base
            out.extend(np.maximum(outside, 0.0) / scales[i])
            out.append(min(profile[i][S[-1]], 0.0))
        return np.array(out)

    rng = np.random.default_rng(20040)
    starts = [np.concatenate([np.full(d, 1.0 / (d + 1)) for d in sizes])]
    for _ in range(6):
        starts.append(np.concatenate([rng.dirichlet(np.ones(d + 1))[:d] for d in sizes]))
    points = []
    for z0 in starts:
        fit = least_squares(residual, z0, bounds=(0.0, 1.0), xtol=1e-15, ftol=1e-15, gtol=1e-15)
        if fit.cost > 1e-16:
            continue
        profile = free_to_profile(fit.x, support, shape)
        if min(s.min() for s in profile) < -1e-7:  # not a point of the simplex
            continue
        profile = _onto_simplex(profile)
        if exact:
            candidate = nearby_rational_equilibrium(profile, exacts)
            if candidate is not None:
                points.append(candidate)
        elif is_nash(floats, profile, rtol):
            points.append(profile)
    return points


def _short_rational(value: Fraction) -> Fraction:
    """The simplest fraction (denominator <= 10**6) with the same float value, if any."""
    short = value.limit_denominator(10**6)
    return short if float(short) == float(value) else value


def _tidy(profile):
    """Rationals become ``Fraction``; algebraic numbers stay simplified sympy numbers."""
    out = []
    rational = all(sp.sympify(p).is_Rational for s in profile for p in s)
    for s in profile:
        if rational:
            out.append(np.array([Fraction(int(p.p), int(p.q)) for p in s], dtype=object))
        else:
            out.append(
                np.array(
                    [sp.radsimp(sp.nsimplify(p) if p.is_Rational else p) for p in s], dtype=object
                )
            )
    return out, rational


def polynomial_equilibria(
    payoffs: Sequence[np.ndarray],
    exact: bool = False,
    rtol: float = DEFAULT_RTOL,
    progress: ProgressArg = None,
    systems: str = "auto",
    exact_budget: float | None = EXACT_BUDGET,
    executor: Any = None,
) -> Equilibria:
    """Every Nash equilibrium of a small finite game (any number of players), exactly.

    Parameters
    ----------
    payoffs : sequence of array_like
        ``payoffs[i]`` has shape ``(m_1, ..., m_n)``; ints, ``Fraction``, sympy rationals
        or floats (taken at their exact binary value).
    exact : bool
        Return exact strategies (``Fraction`` when rational, sympy algebraic numbers
        otherwise); ``False`` converts the exact solutions to floats. In float mode a
        float payoff equal (as a float) to a fraction with denominator at most 10**6
        (``0.1`` -> 1/10) is solved as that fraction; other floats keep their exact
        binary value, which makes the algebra much slower (minutes for 3x3x3).
    rtol : float
        Float results: regret tolerance relative to each player's payoff range.
    progress : bool or callable
        Report progress (see :func:`solvers.progress.track`): over the chunks of support
        profiles screened by linear programs, then over the chunks of support systems
        solved numerically.
    systems : {"auto", "groebner", "homotopy", "subdivision"}
        How the support systems are solved: ``"groebner"`` exactly by Gröbner bases
        (slow beyond a few unknowns); ``"subdivision"`` by certified interval
        subdivision of the probability box (``_subdivision``: exhaustive, every real
        solution in the box found, each proved unique in its box by the Krawczyk test);
        ``"homotopy"`` by polynomial homotopy continuation (multi-homogeneous start
        system, all paths tracked at once in numpy). In both numerical modes rational
        roots are verified exactly and irrational ones handed to the exact path when
        small, certified floats otherwise; systems they cannot settle (singular roots,
        continua) go to the exact path. ``"auto"``: subdivision for systems of at most
        7 unknowns (8 when at most three players mix or every mixing player mixes over
        two strategies); homotopy for the larger ones (in float mode with payoffs
        that are not short fractions, never Gröbner).
    exact_budget : float or None
        Seconds allowed, in all, to the exact algebra (Groebner bases, each in a forked
        child process) of the support systems with at least four players mixing whose
        solutions are irrational; once it is spent, those equilibria are given as certified
        floats (Newton-refined regular roots, regret checked; the notes say so), and so at
        once are those of such systems with more than 20 complex solutions (whose bases take
        minutes to hours). ``None``: no limit, and every such system solved exactly. Systems
        with fewer mixing players are always solved exactly (up to six unknowns). In a
        daemonic worker process (a ``multiprocessing`` pool's), which may not fork, a finite
        budget counts as spent. Which equilibria come out exact can depend on the machine's
        speed; which equilibria are listed does not. The same number of seconds, on a
        separate account, bounds the exact algebra of systems with at least four players
        mixing that the numerical methods cannot settle (singular roots, continua;
        degenerate games): such a system not decided in time is reported
        (``complete=False``, a warning naming its support) instead of running for hours (in
        a daemonic worker it runs unbounded, as with ``None``).
    executor : optional
        Where the numerical solving of the support systems runs, in chunks fixed by the
        game (:func:`solvers.parallel.resolve_executor`): ``None`` here; a
        ``concurrent.futures.ProcessPoolExecutor``, a dask ``distributed.Client`` or a
        scheduler address spread it, and the LP screens, over workers (most of the time
        of large games: random 6x6x4 and 5x5x5 games, 81 and 45 s here before the
        conditional LP screen, took 46 and 29 s on a pool of two processes on two cores;
        28 and 14 s in one process with the LP screens of session 17). The same
        equilibria wherever and on however many workers it runs; the exact algebra stays
        here.

    Returns
    -------
    Equilibria
        Sorted by the (numerical) profile; ``complete=True`` when every support system
        was shown to have finitely many solutions (all found) or no solution that is an
        equilibrium (subdivision proves this even for a system with a continuum of
        solutions outside the equilibrium region); otherwise a ``RuntimeWarning`` lists
        the supports with a continuum of solutions (or that could not be decided).

    Examples
    --------
    Three players, each choosing 0 or 1 and paid 1 for matching the next player
    (0 matches 1, 1 matches 2, 2 matches 0): the two unanimous profiles and the totally
    mixed profile where everybody flips a fair coin.

    >>> import numpy as np
    >>> u = [np.zeros((2, 2, 2), dtype=int) for _ in range(3)]
    >>> for s in np.ndindex(2, 2, 2):
    ...     for i in range(3):
    ...         u[i][s] = int(s[i] == s[(i + 1) % 3])
    >>> eqs = polynomial_equilibria(u, exact=True)
    >>> sorted(tuple(str(s[0]) for s in eq.strategies) for eq in eqs)
    [('0', '0', '0'), ('1', '1', '1'), ('1/2', '1/2', '1/2')]
    """
    if exact_budget is not None:
        if exact_budget != exact_budget:  # NaN
            raise ValueError("exact_budget must be a number of seconds or None, got nan")
        if exact_budget == float("inf"):
            exact_budget = None
    if systems not in ("auto", "groebner", "homotopy", "subdivision"):
        raise ValueError(
            f"systems must be 'auto', 'groebner', 'homotopy' or 'subdivision', got {systems!r}"
        )
    check_executor(executor)
    raw = [np.asarray(u) for u in payoffs]
    floats, exacts = as_payoff_arrays(raw, exact=True)
    assert exacts is not None  # exact=True gives Fractions
    shape = floats[0].shape
    # every profile an equilibrium, or duplicate strategies: the continua they make are
    # described whole (components), the latter from the game without the duplicates
    if is_indifferent_game(exacts):
        return indifferent_game_equilibria(floats, exacts, METHOD, exact, rtol)
    classes = duplicate_classes(exacts)
    if any(len(c) > 1 for player in classes for c in player):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            reduced = polynomial_equilibria(
                reduce_by_classes(raw, classes),
                exact,
                rtol,
                progress,
                systems,
                exact_budget,
                executor,
            )
        for w in caught:  # the reduced game's warnings, as this call's
            warnings.warn(w.message, w.category, stacklevel=2)
        return expand_equilibria(reduced, classes, floats, rtol)
    if not exact:  # a float that is a short decimal/fraction is solved as that rational
        exacts = [np.vectorize(_short_rational, otypes=[object])(u) for u in exacts]
    if not exact and systems == "auto":  # long binary fractions make Groebner bases slow
        if any(v.denominator > 10**6 for u in exacts for v in u.flat):
            systems = "numeric-only"  # internal: no Groebner fallback either
    sym = [
        np.vectorize(lambda v: sp.Rational(v.numerator, v.denominator), otypes=[object])(u)
        for u in exacts
    ]
    # the numerical screens work on each player's payoffs minus her least one (exact
    # shift, same best responses): a large common offset would cost float accuracy
    screen = _screen_payoffs(exacts)
    ints = _integer_arrays(exacts)
    # the systems use each player's payoffs as coprime integers (a positive rescaling,
    # which changes no best response): smaller coefficients in the Groebner bases
    qq = []
    for u in ints:
        divisor = 0
        for v in u.flat:
            divisor = gcd(divisor, int(v))
        qq.append(np.vectorize(lambda v, d=divisor or 1: QQ(int(v) // d), otypes=[object])(u))
    total = support_profile_count(shape)
    results: dict[tuple, Equilibrium] = {}
    continua: list[tuple[tuple, int]] = []
    pruned = solved = 0
    unresolved: list[tuple[tuple, int]] = []
    certified: list[tuple] = []

    def add_found(profile, payoffs) -> None:
        if payoffs == "float":  # homotopy end point, float mode: checked by add
            add(profile, False)
        elif payoffs == "certified":  # irrational, exact mode: a certified float profile
            eq = Equilibrium.from_profile(floats, profile, METHOD, rtol=rtol)
            if is_nash(floats, profile, rtol):
                key = tuple(round(to_float(p), 9) + 0.0 for s in eq.strategies for p in s)
                if key not in results:
                    certified.append(key)
                results.setdefault(key, eq)
        elif payoffs == "sympy":  # general sympy solution: simplify, then verify afresh
            try:
                add(*_tidy(profile))
            except ValueError:  # nested radicals whose order sympy cannot decide
                add_found([np.array([to_float(p) for p in s]) for s in profile], "certified")
        elif payoffs is None:  # Fractions, verified exactly
            add(profile, True)
        elif exact:  # algebraic numbers, verified exactly in Q[t]/(f)
            eq = Equilibrium(
                strategies=tuple(profile),
                payoffs=payoffs,
                regret=sp.Integer(0),
                method=METHOD,
                exact=True,
            )
            key = tuple(round(to_float(p), 9) + 0.0 for s in eq.strategies for p in s)
            results.setdefault(key, eq)
        else:
            add([np.array([to_float(p) for p in s]) for s in profile], False)

    def add(profile, rational: bool) -> None:
        tidy = profile
        if exact:
            eq = Equilibrium.from_profile(exacts if rational else sym, tidy, METHOD, exact=True)
            if not rational:  # algebraic numbers: simplify payoffs and regret
                eq = replace(
                    eq,
                    payoffs=tuple(sp.radsimp(sp.simplify(v)) for v in eq.payoffs),
                    regret=sp.simplify(eq.regret),
                )
            if sign_or_numeric(sp.sympify(eq.regret)) != 0:  # pragma: no cover - verified
                raise RuntimeError(f"polynomial method: {eq} has non-zero regret")
        else:
            strategies = [np.array([to_float(p) for p in s]) for s in tidy]
            if not is_nash(floats, strategies, rtol):  # pragma: no cover - verified above
                raise RuntimeError(f"polynomial method: {strategies} fails the check")
            eq = Equilibrium.from_profile(floats, strategies, METHOD, rtol=rtol)
        key = tuple(round(to_float(p), 9) + 0.0 for s in eq.strategies for p in s)
        results.setdefault(key, eq)

    budget = _Budget(exact_budget)
    singular_budget = _Budget(exact_budget)  # a separate account: no float fallback there
    undominated = undominated_supports(ints, shape)
    pruned = total - len(undominated)
    # the LP screens, in chunks fixed by the game (the same verdicts on any executor)
    vanishing = _VanishingEquations(ints)
    screened = [
        (support, *flags)
        for support in undominated
        if (flags := _screens_worth_running(support, systems, vanishing))[0]
    ]
    fast = len(screened) >= HIGHSPY_MIN_SCREENED
    tasks = [(screen, chunk, fast) for chunk in _cube_chunks(screened, shape)]
    verdicts = map_chunks(
        _screen_chunk, tasks, executor=executor, progress=progress, desc="support profiles"
    )
    excluded: set[tuple] = set()
    for task, outcomes in zip(tasks, verdicts, strict=True):
        for (top, dropped, items), (family, verdict) in zip(task[1], outcomes, strict=True):
            if family:  # every support profile of the cube, screened or not
                excluded.update(_cube_members(top, dropped))
            else:
                excluded.update(item[0] for item, out in zip(items, verdict, strict=True) if out)
    survivors = [support for support in undominated if support not in excluded]
    pruned += len(undominated) - len(survivors)
    tracked = _track_all(screen, survivors, systems, executor, progress)
    # smaller systems first: the exact algebra's time budget goes to the systems it can
    # finish (the list of equilibria does not depend on the order)
    survivors.sort(key=lambda support: sum(len(S) - 1 for S in support))
    for support in survivors:
        solved += 1
        found, status, dimension = _solve_support(
            qq,
            sym,
            exacts,
            support,
            shape,
            screen,
            exact,
            rtol,
            tracked.get(support),
            systems,
            budget,
            singular_budget,
            vanishing,
        )
        if status == "unresolved":
            unresolved.append((support, dimension))
        for profile, payoffs in found:
            add_found(profile, payoffs)
        if status == "continuum" and _no_point_in_box(screen, support):
            status = "isolated"  # a solution set with no equilibrium on it
        if status == "continuum":
            continua.append((support, dimension))
            for point in _continuum_points(screen, exacts, support, exact, rtol)[:1]:
                add(point, True)  # one representative point per continuum
    notes = []
    if continua:
        described = ", ".join(f"{S} (dimension {d})" for S, d in continua[:5])
        note = (
            f"{len(continua)} support profile(s) have a positive-dimensional solution set "
            f"(a continuum of solutions: the game is not generic): {described}"
            + (" ..." if len(continua) > 5 else "")
            + "; equilibria on them are not all listed (representative points that verify "
            "are included where found)"
        )
        notes.append(note)
        warnings.warn(note, RuntimeWarning, stacklevel=2)
    if unresolved:
        described = ", ".join(f"{S} ({d} unknowns)" for S, d in unresolved[:5])
        note = (
            f"{len(unresolved)} support system(s) could be decided neither by homotopy "
            f"continuation nor exactly within reach: {described}"
            + (" ..." if len(unresolved) > 5 else "")
            + "; equilibria with these supports may be missing"
        )
        notes.append(note)
        warnings.warn(note, RuntimeWarning, stacklevel=2)
    if certified:
        notes.append(
            f"{len(certified)} equilibri{'um has' if len(certified) == 1 else 'a have'} "
            "irrational coordinates on a support system too large for exact algebra (or "
            f"whose exact algebra ran past exact_budget={exact_budget}s): "
            f"given as floats (exact=False), Newton-refined regular roots with regret "
            f"below the tolerance (rtol={rtol:g})"
        )
    if not continua and not unresolved:
        notes.append(
            f"complete: all {total} support profiles solved ({pruned} excluded by "
            f"conditional dominance or a linear-programming test, {solved} polynomial "
            "systems solved: by certified interval subdivision of the probability box "
            "(every real solution in the box found, each proved unique in its box), "
            "larger ones by polynomial homotopy continuation from a multi-homogeneous "
            "start system (every path tracked to its end, every end point regular; "
            "systems with paths to infinity settled by the subdivision), "
            "singular ones exactly by Groebner bases; rational solutions verified "
            "exactly and irrational ones solved exactly by Groebner bases"
            + ("" if exact else " or checked in floats")
            + "); every support's equilibria are isolated points, all found (or the support "
            "provably holds none), so every equilibrium is listed"
        )
    ordered = [results[k] for k in sorted(results)]
    return Equilibria(
        ordered,
        method=METHOD,
        exact=exact,
        degenerate=True if continua else None,
        complete=not continua and not unresolved,
        tolerance=None if exact else rtol,
        notes=notes,
    )
