r"""Finite games in normal (strategic) form: :class:`NormalFormGame`.

A normal-form game has players :math:`i = 1, \dots, n`, finite strategy sets
:math:`S_i` and payoff functions :math:`u_i : S_1 \times \dots \times S_n \to \mathbb{R}`,
stored as one array per player of shape :math:`(|S_1|, \dots, |S_n|)`. A mixed profile
:math:`\sigma` is a Nash equilibrium when no player gains by a unilateral deviation:
:math:`u_i(\sigma) \ge u_i(s_i, \sigma_{-i})` for every player *i* and strategy
:math:`s_i`. The game object validates its input, keeps labels, and hands plain arrays to
:mod:`solvers` (numeric games) or :func:`solvers.finite.symbolic_equilibria` (games with
sympy parameters).

Storage (one of three kinds, chosen from the entries):

* ``"exact"``: every entry is an int, ``Fraction`` or sympy rational; stored as ``object``
  arrays of ``fractions.Fraction``.
* ``"float"``: some entry is a float and none is symbolic; stored as ``float64`` arrays
  (exact entries are converted; the game is then no longer exact).
* ``"symbolic"``: some entry is a sympy expression that is not a rational number (a free
  parameter, or a constant such as ``sqrt(2)``); stored as ``object`` arrays of sympy
  expressions (numbers are converted with ``sympy.Rational`` / ``sympy.Float``).

Examples
--------
>>> from games.normal_form import NormalFormGame
>>> g = NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...                                  players=("Row", "Col"),
...                                  strategies=(("C", "D"), ("C", "D")))
>>> g
NormalFormGame 'Row' x 'Col' (2x2, exact)
  Col:  C     D
Row: C  3, 3  0, 5
     D  5, 0  1, 1
>>> [eq.to_dict()["supports"] for eq in g.equilibria()]
[{'Row': ['D'], 'Col': ['D']}]
"""

from __future__ import annotations

import dataclasses
import numbers
from collections.abc import Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import sympy as sp

from games.normal_form._input import (
    LAYOUT,
    _as_float_array,
    _check_labels,
    _classify_array,
    _fraction_from_float,
    _is_iterable_container,
    _nested_to_array,
    _to_sympy,
    layout_hint,
    looks_like_payoffs,
)
from games.normal_form._table import format_game
from solvers.result import Equilibria
from solvers.verify import DEFAULT_RTOL

__all__ = ["NormalFormGame"]


def _assumption_list(assumptions: Any) -> list[Any]:
    if isinstance(assumptions, sp.Basic | bool):
        return [assumptions]
    return list(assumptions)


def _zero_sum_arrays(rows: list[np.ndarray], name: str = "payoffs") -> list[np.ndarray]:
    """``[A, -A]`` from the rows of one matrix ``A``, validated (clear errors naming it)."""
    lengths = [u.shape[0] for u in rows]
    for k, length in enumerate(lengths[1:], start=1):
        if length != lengths[0]:
            raise ValueError(
                f"ragged payoffs: {name}[{k}] has {length} entries but {name}[0] has "
                f"{lengths[0]}; one matrix A (a zero-sum game: the column player receives "
                "-A) needs one entry per column in every row"
            )
    matrix = np.empty((len(rows), lengths[0] if rows else 0), dtype=object)
    for k, row in enumerate(rows):
        matrix[k, :] = row
    if matrix.size == 0:
        raise ValueError(
            f"{name}: every player needs at least one strategy, shape is {matrix.shape}"
        )
    _kinds, A = _classify_array(matrix, name)
    return [A, -A]


class NormalFormGame:
    """A finite game in normal form with any number (>= 2) of players.

    Parameters
    ----------
    payoffs : sequence of array_like
        One payoff array per player; ``payoffs[i][s_1][s_2]...[s_n]`` is player *i*'s
        payoff when player *j* plays strategy ``s_j``. Each array has one axis per
        player, shape ``(len(S_1), ..., len(S_n))``. Entries: int, float, ``Fraction``
        or sympy expressions (numbers or expressions in ``sympy.Symbol`` parameters).
        Strings and booleans are rejected, never parsed. This is *not* the
        payoff-profile layout (see Notes).

        **One matrix** ``A`` (a 2-D array, or a list of at least two rows of numbers)
        is a two-player **zero-sum** game: the row player receives ``A``, the column
        player ``-A`` (nashpy's ``Game(A)`` convention; same as :meth:`zero_sum`).
        :meth:`symmetric` builds the symmetric game ``(A, A.T)``.
    players : sequence of str, optional
        Player names (default ``"P1"``, ``"P2"``, ...).
    strategies : sequence of sequence of str, optional
        Strategy labels per player (default ``"s1"``, ``"s2"``, ...).
    name : str, optional
        A title (written to ``.nfg`` files and shown by ``repr``).

    Raises
    ------
    ValueError
        Fewer than two players; number of arrays different from the number of axes;
        ragged or mismatched arrays; empty strategy sets; NaN or infinite entries;
        label lists of the wrong length or with duplicates.
    TypeError
        Non-numeric entries (strings, booleans, complex numbers, other objects) or
        non-string labels.

    Notes
    -----
    **Layout.** ``payoffs`` lists one array per player (nashpy's and Gambit's layout):
    for two players ``[A, B]`` with ``A[r][c]`` the row player's payoff. QuantEcon and
    many textbooks use the *payoff-profile* layout instead, one array of shape
    ``(n_1, ..., n_N, N)`` whose last axis holds every player's payoff at a profile; read
    it with :meth:`from_payoff_profiles`. A 2-player game whose column player has two
    strategies is a valid input in both layouts, so it cannot be detected and is read
    the per-player way: ``[[[3, 2], [1, 1]], [[0, 0], [2, 3]]]`` is
    ``A = [[3, 2], [1, 1]]``, ``B = [[0, 0], [2, 3]]`` here, but the profiles
    ``(3, 2), (1, 1), (0, 0), (2, 3)`` for QuantEcon. Every other payoff-profile array
    (e.g. a 3x3 game, shape ``(3, 3, 2)``) is rejected with an error pointing to
    :meth:`from_payoff_profiles`.

    Examples
    --------
    >>> import sympy as sp
    >>> b, c = sp.symbols("b c", positive=True)
    >>> g = NormalFormGame([[[b - c/2, b - c], [b, 0]], [[b - c/2, b], [b - c, 0]]])
    >>> g.parameters
    (b, c)
    >>> g.subs(b=4, c=2).payoff_arrays(exact=True)[0].tolist()
    [[Fraction(3, 1), Fraction(2, 1)], [Fraction(4, 1), Fraction(0, 1)]]
    >>> NormalFormGame([[0, -1, 1], [1, 0, -1], [-1, 1, 0]]).shape   # one matrix: zero-sum
    (3, 3)
    """

    __hash__ = None  # type: ignore[assignment]  # compared by value; not hashable

    def __init__(
        self,
        payoffs: Sequence[Any],
        players: Sequence[str] | None = None,
        strategies: Sequence[Sequence[str]] | None = None,
        *,
        name: str = "",
    ) -> None:
        if isinstance(payoffs, str | bytes) or not (
            isinstance(payoffs, Sequence) or _is_iterable_container(payoffs)
        ):
            raise TypeError(
                "payoffs must be a sequence with one payoff array per player, got "
                f"{type(payoffs).__name__}"
            )
        if players is not None and looks_like_payoffs(players):
            raise TypeError(
                "players looks like a payoff matrix: NormalFormGame(A, B) passes B as the "
                f"players' names. {LAYOUT}; or NormalFormGame.from_bimatrix(A, B)"
            )
        arrays = [_nested_to_array(u, f"payoffs[{i}]") for i, u in enumerate(payoffs)]
        if len(arrays) >= 2 and all(u.ndim == 1 for u in arrays):
            # rows of one matrix A: a zero-sum game (nashpy's Game(A) convention)
            arrays = _zero_sum_arrays(arrays)
        n = len(arrays)
        if n < 2:
            shown = f" (payoffs[0] has shape {arrays[0].shape})" if n else ""
            raise ValueError(
                "payoffs: a game needs at least two players (one payoff array each), got "
                f"{n}{shown}. {LAYOUT}; a zero-sum game: the matrix A itself, [A, -A], or "
                "NormalFormGame.zero_sum(A) (which also takes one row, [[...]])"
            )
        for i, u in enumerate(arrays):
            if u.ndim != n:
                raise ValueError(
                    f"payoffs[{i}] has {u.ndim} axes (shape {u.shape}) but there are {n} "
                    f"payoff arrays: a game with {n} players needs {n} arrays of {n} axes "
                    "each (one axis per player's strategies). " + layout_hint(payoffs, arrays)
                )
        shape = arrays[0].shape
        for i, u in enumerate(arrays[1:], start=1):
            if u.shape != shape:
                raise ValueError(
                    f"payoffs[{i}] has shape {u.shape} but payoffs[0] has shape {shape}; "
                    "all players' payoff arrays must have the same shape. "
                    + layout_hint(payoffs, arrays)
                )
        if min(shape) < 1:
            raise ValueError(
                f"payoffs: every player needs at least one strategy, shape is {shape}"
            )
        kinds: set[str] = set()
        values = []
        for i, u in enumerate(arrays):
            found, out = _classify_array(u, f"payoffs[{i}]")
            kinds |= found
            values.append(out)
        if "symbolic" in kinds:
            self._kind = "symbolic"
            stored = [np.vectorize(_to_sympy, otypes=[object])(u) for u in values]
        elif "float" in kinds:
            self._kind = "float"
            stored = [_as_float_array(u, f"payoffs[{i}]") for i, u in enumerate(values)]
        else:
            self._kind = "exact"
            stored = values
        for u in stored:
            u.setflags(write=False)
        self._payoffs = tuple(stored)
        self._players = (
            tuple(f"P{i + 1}" for i in range(n))
            if players is None
            else _check_labels(players, n, "players")
        )
        if strategies is None:
            self._strategies = tuple(tuple(f"s{k + 1}" for k in range(m)) for m in shape)
        else:
            if isinstance(strategies, str):
                raise TypeError("strategies must be one sequence of labels per player")
            strategies = list(strategies)
            if len(strategies) != n:
                raise ValueError(
                    f"strategies has {len(strategies)} label lists but the game has {n} players"
                )
            self._strategies = tuple(
                _check_labels(s, m, f"strategies[{i}] ({self._players[i]})")
                for i, (s, m) in enumerate(zip(strategies, shape, strict=True))
            )
        if not isinstance(name, str):
            raise TypeError(f"name must be a string, got {type(name).__name__}")
        self.name = name

    # ------------------------------------------------------------------ constructors

    @classmethod
    def from_bimatrix(
        cls,
        A: Any,
        B: Any,
        players: Sequence[str] | None = None,
        strategies: Sequence[Sequence[str]] | None = None,
        *,
        name: str = "",
    ) -> NormalFormGame:
        """A two-player game from the row player's matrix ``A`` and the column player's ``B``.

        Examples
        --------
        >>> NormalFormGame.from_bimatrix([[1, -1], [-1, 1]], [[-1, 1], [1, -1]]).shape
        (2, 2)
        """
        A = _nested_to_array(A, "A")
        B = _nested_to_array(B, "B")
        for label, M in (("A", A), ("B", B)):
            if M.ndim != 2:
                raise ValueError(f"{label} must be a matrix (2 axes), got shape {M.shape}")
        return cls([A, B], players=players, strategies=strategies, name=name)

    @classmethod
    def zero_sum(
        cls,
        A: Any,
        players: Sequence[str] | None = None,
        strategies: Sequence[Sequence[str]] | None = None,
        *,
        name: str = "",
    ) -> NormalFormGame:
        """The two-player zero-sum game in which the row player receives ``A`` and the
        column player ``-A``.

        ``NormalFormGame(A)`` with one matrix means the same (nashpy's ``Game(A)``
        convention); the dispatcher then solves it by linear programming
        (:func:`solvers.finite.zero_sum_lp`).

        Parameters
        ----------
        A : array_like, shape (m, n)
            The row player's payoffs (numbers or sympy expressions).
        players, strategies, name : optional
            Labels, as for :class:`NormalFormGame`.

        Raises
        ------
        ValueError
            If ``A`` is not a matrix (2 axes) or is ragged.

        Examples
        --------
        >>> g = NormalFormGame.zero_sum([[1, -1], [-1, 1]])       # matching pennies
        >>> g == NormalFormGame([[1, -1], [-1, 1]])
        True
        >>> eqs = g.equilibria()
        >>> [str(p) for p in eqs[0].strategies[0]], eqs.method
        (['1/2', '1/2'], 'zero_sum_lp')
        """
        M = _nested_to_array(A, "A")
        if M.ndim != 2:
            raise ValueError(
                f"A must be a matrix (2 axes: row strategies x column strategies) for a "
                f"zero-sum game, got shape {M.shape}"
            )
        return cls(_zero_sum_arrays(list(M), "A"), players, strategies, name=name)

    @classmethod
    def symmetric(
        cls,
        A: Any,
        players: Sequence[str] | None = None,
        strategies: Sequence[str] | Sequence[Sequence[str]] | None = None,
        *,
        name: str = "",
    ) -> NormalFormGame:
        """The symmetric two-player game with row payoffs ``A`` and column payoffs ``A.T``.

        ``A[i][j]`` is the payoff of a player who plays ``i`` against ``j``, whichever
        player that is.

        Parameters
        ----------
        A : array_like, shape (n, n)
            Square payoff matrix.
        players : sequence of str, optional
            Player names.
        strategies : sequence of str, or one per player, optional
            The strategy labels (one list serves both players).
        name : str, optional
            A title.

        Raises
        ------
        ValueError
            If ``A`` is not a square matrix.

        Examples
        --------
        >>> g = NormalFormGame.symmetric([[3, 0], [5, 1]], strategies=("C", "D"))
        >>> g.payoff_arrays(exact=False)[1].tolist()                   # B = A.T
        [[3.0, 5.0], [0.0, 1.0]]
        >>> [eq.supports for eq in g.equilibria()]                     # prisoner's dilemma
        [((1,), (1,))]
        """
        M = _nested_to_array(A, "A")
        if M.ndim != 2 or M.shape[0] != M.shape[1]:
            raise ValueError(
                f"A must be a square matrix (n x n: the same strategies for both players) "
                f"for a symmetric game, got shape {M.shape}"
            )
        per_player: Any = strategies
        if strategies is not None and not isinstance(strategies, str):
            labels = list(strategies)
            if labels and all(isinstance(s, str) for s in labels):
                per_player = (tuple(labels), tuple(labels))  # one list for both players
        return cls([M, M.T], players, per_player, name=name)

    @classmethod
    def from_nashpy(
        cls,
        game: Any,
        players: Sequence[str] | None = None,
        strategies: Sequence[Sequence[str]] | None = None,
        exact: bool | None = None,
    ) -> NormalFormGame:
        """The game held by a ``nashpy.Game``.

        Parameters
        ----------
        game : nashpy.Game
        players, strategies : optional
            Labels.
        exact : bool, optional
            ``None`` (default): integer matrices stay exact, and float matrices whose every
            entry is the nearest double to a fraction with denominator at most ``10**6``
            (``1/3``, ``0.1``) become those fractions, so an exact game survives
            ``from_nashpy(g.to_nashpy())``; other floats stay floats. ``False``: keep
            floats as they are. ``True``: exact, each float at its simplest fraction (or
            its binary value when there is none).

        Examples
        --------
        >>> import nashpy
        >>> NormalFormGame.from_nashpy(nashpy.Game([[1, -1], [-1, 1]])).payoff_arrays(False)[1]
        array([[-1.,  1.],
               [ 1., -1.]])
        >>> from fractions import Fraction
        >>> g = NormalFormGame([[[Fraction(1, 3), 0], [0, 1]], [[1, 0], [0, 2]]])
        >>> back = NormalFormGame.from_nashpy(g.to_nashpy())
        >>> back == g, back.kind
        (True, 'exact')
        """
        from games.normal_form._interop import recover_exact

        matrices = getattr(game, "payoff_matrices", None)
        if matrices is None or len(matrices) != 2:
            raise TypeError(f"expected a nashpy.Game, got {type(game).__name__}")
        A, B = recover_exact(matrices, exact)
        return cls.from_bimatrix(A, B, players=players, strategies=strategies)

    @classmethod
    def from_payoff_profiles(
        cls,
        profiles: Any,
        players: Sequence[str] | None = None,
        strategies: Sequence[Sequence[str]] | None = None,
    ) -> NormalFormGame:
        """A game from one payoff-profile array of shape ``(n_1, ..., n_N, N)``: the last
        axis lists every player's payoff at a profile (QuantEcon's and many textbooks'
        layout). ``NormalFormGame(payoffs)`` takes one array per player instead.

        Examples
        --------
        >>> g = NormalFormGame.from_payoff_profiles([[[3, 2], [1, 1]], [[0, 0], [2, 3]]])
        >>> [u.tolist() for u in g.payoff_arrays(exact=False)]
        [[[3.0, 1.0], [0.0, 2.0]], [[2.0, 1.0], [0.0, 3.0]]]
        """
        from games.normal_form._interop import from_payoff_profiles

        return cls(from_payoff_profiles(profiles), players=players, strategies=strategies)

    def to_payoff_profiles(self) -> np.ndarray:
        """The payoff-profile array ``(n_1, ..., n_N, N)`` (exact entries stay exact)."""
        from games.normal_form._interop import to_payoff_profiles

        return to_payoff_profiles(self._payoffs)

    @classmethod
    def from_quantecon(
        cls,
        game: Any,
        players: Sequence[str] | None = None,
        strategies: Sequence[Sequence[str]] | None = None,
    ) -> NormalFormGame:
        """The game held by a ``quantecon.game_theory.NormalFormGame`` (integer payoffs stay
        exact).

        Examples
        --------
        Any object with QuantEcon's ``payoff_profile_array`` works:

        >>> from types import SimpleNamespace
        >>> qe_game = SimpleNamespace(payoff_profile_array=np.array([[[3, 2], [1, 1]],
        ...                                                          [[0, 0], [2, 3]]]), N=2)
        >>> NormalFormGame.from_quantecon(qe_game).payoff_arrays(exact=True)[1].tolist()
        [[Fraction(2, 1), Fraction(1, 1)], [Fraction(0, 1), Fraction(3, 1)]]
        """
        from games.normal_form._interop import quantecon_arrays, recover_exact

        arrays = recover_exact(quantecon_arrays(game), None)
        return cls(arrays, players=players, strategies=strategies)

    def to_quantecon(self) -> Any:
        """A ``quantecon.game_theory.NormalFormGame`` (floats; integers stay integers)."""
        from quantecon.game_theory import NormalFormGame as QuantEconGame

        return QuantEconGame(np.stack(self._interchange_arrays(), axis=-1))

    def _interchange_arrays(self) -> list[np.ndarray]:
        """Payoffs for float-only libraries: int64 arrays when every payoff is an integer
        (so integer games stay exact there), float arrays otherwise."""
        integral = self._kind == "exact" and all(
            v.denominator == 1 for u in self._payoffs for v in u.flat
        )
        if integral:
            return [np.vectorize(int, otypes=[np.int64])(u) for u in self._payoffs]
        return self.payoff_arrays(exact=False)

    @classmethod
    def from_gambit(cls, game: Any) -> NormalFormGame:
        """The strategic game held by a ``pygambit.Game``: exact payoffs, its labels and
        title (pygambit is imported only by the caller)."""
        from games.normal_form._interop import gambit_arrays

        arrays, title, (players, strategies) = gambit_arrays(game)
        return cls(arrays, players=players, strategies=strategies, name=title)

    def to_gambit(self) -> Any:
        """A ``pygambit.Game`` with the same payoffs (exact where they are) and labels."""
        import pygambit

        if self._kind == "symbolic":
            raise ValueError("bind the parameters with .subs(...) before exporting to Gambit")
        arrays = [np.asarray(u, dtype=object) for u in self._payoffs]
        game = pygambit.Game.from_arrays(*arrays, title=self.name or "Untitled game")
        for player, label, labels in zip(
            game.players, self._players, self._strategies, strict=True
        ):
            player.label = label
            for strategy, name in zip(player.strategies, labels, strict=True):
                strategy.label = name
        return game

    @classmethod
    def from_nfg(cls, text: str | bytes) -> NormalFormGame:
        """Parse Gambit's ``.nfg`` text (payoff or outcome version).

        See :func:`games.normal_form.parse_nfg` for the format, the limits that keep any
        input from hanging the reader, and how empty or repeated labels are renamed (as
        Gambit does, with an ``NFGLabelWarning``).

        Numbers are exact (``3/2`` and ``1.5`` both give ``Fraction(3, 2)``), so the game
        is ``"exact"``; a float game written by :meth:`to_nfg` reads back as the exact
        game of its shortest decimals, which compares equal to it (see :meth:`__eq__`).

        Parameters
        ----------
        text : str or bytes
            The file's text; ``bytes`` are decoded with
            :func:`games.normal_form.decode_nfg` (UTF-8, byte-order mark skipped, else
            latin-1).

        Returns
        -------
        NormalFormGame

        Raises
        ------
        NFGParseError
            A ``ValueError`` naming the line and what was expected.

        Examples
        --------
        >>> g = NormalFormGame.from_nfg('NFG 1 R "PD" { "A" "B" } { 2 2 } 3 3 5 0 0 5 1 1')
        >>> g.payoff_arrays(exact=True)[0].tolist()
        [[Fraction(3, 1), Fraction(0, 1)], [Fraction(5, 1), Fraction(1, 1)]]
        """
        from games.normal_form._nfg import decode_nfg, parse_nfg

        if isinstance(text, bytes | bytearray | memoryview):
            text = decode_nfg(text)
        data = parse_nfg(text)
        return cls(data.payoffs, players=data.players, strategies=data.strategies, name=data.title)

    @classmethod
    def read_nfg(cls, path: str | Path) -> NormalFormGame:
        """Read a Gambit ``.nfg`` file (see :meth:`from_nfg`).

        The bytes are decoded as UTF-8 (a byte-order mark is skipped), or as latin-1 when
        they are not valid UTF-8.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "pd.nfg"
        >>> _ = path.write_bytes('NFG 1 R "Dilemme" { "Ève" "Léa" } { 1 1 } 1 2'.encode("latin-1"))
        >>> NormalFormGame.read_nfg(path).players
        ('Ève', 'Léa')
        """
        return cls.from_nfg(Path(path).read_bytes())

    # ------------------------------------------------------------------ properties

    @property
    def payoffs(self) -> tuple[np.ndarray, ...]:
        """The stored payoff arrays (read-only; see the module docstring for dtypes)."""
        return self._payoffs

    @property
    def players(self) -> tuple[str, ...]:
        """Player names."""
        return self._players

    @property
    def strategies(self) -> tuple[tuple[str, ...], ...]:
        """Strategy labels, one tuple per player."""
        return self._strategies

    @property
    def shape(self) -> tuple[int, ...]:
        """Number of strategies of each player."""
        return self._payoffs[0].shape

    @property
    def num_players(self) -> int:
        """Number of players."""
        return len(self._payoffs)

    @property
    def kind(self) -> str:
        """Storage kind: ``"exact"``, ``"float"`` or ``"symbolic"``."""
        return self._kind

    @property
    def is_exact(self) -> bool:
        """Whether every payoff is a rational number (int, ``Fraction``, sympy Rational)."""
        return self._kind == "exact"

    @property
    def parameters(self) -> tuple[sp.Symbol, ...]:
        """Free sympy symbols in the payoffs, sorted by name."""
        if self._kind != "symbolic":
            return ()
        symbols: set[sp.Symbol] = set()
        for u in self._payoffs:
            for v in u.flat:
                symbols |= v.free_symbols
        return tuple(sorted(symbols, key=lambda s: (s.name, str(s.assumptions0))))

    # ------------------------------------------------------------------ conversion

    def subs(self, values: Mapping[Any, Any] | None = None, **kwargs: Any) -> NormalFormGame:
        """Bind parameters: a dict keyed by symbol or symbol name, and/or keyword arguments.

        Values are numbers or sympy expressions (strings are rejected). Binding every
        parameter to rationals gives an exact game; to floats, a float game.

        Raises
        ------
        ValueError
            A name that is not a parameter of the game, or bound twice.
        TypeError
            A string value or key of the wrong type.

        Examples
        --------
        >>> import sympy as sp
        >>> t = sp.Symbol("t", positive=True)
        >>> NormalFormGame([[[t, 0], [0, 1]], [[1, 0], [0, t]]]).subs(t=2).kind
        'exact'
        """
        params = {s.name: s for s in self.parameters}
        mapping: dict[sp.Symbol, Any] = {}
        items = list((values or {}).items()) + list(kwargs.items())
        for key, value in items:
            if isinstance(key, sp.Symbol):
                key_name = key.name
                if key not in params.values():
                    known = ", ".join(params) or "none"
                    raise ValueError(
                        f"subs: {key} is not a parameter of this game (parameters: {known})"
                        + (
                            "; a symbol with that name but other assumptions is"
                            if key_name in params
                            else ""
                        )
                    )
                symbol = key
            elif isinstance(key, str):
                if key not in params:
                    known = ", ".join(params) or "none"
                    raise ValueError(f"subs: unknown parameter {key!r} (parameters: {known})")
                symbol = params[key]
            else:
                raise TypeError(f"subs: keys must be sympy symbols or names, got {key!r}")
            if symbol in mapping:
                raise ValueError(f"subs: parameter {symbol} is bound twice")
            if isinstance(value, str | bytes):
                raise TypeError(
                    f"subs: value for {symbol} is the string {value!r}; pass a number or a "
                    "sympy expression (strings are never parsed)"
                )
            if isinstance(value, bool | np.bool_):
                raise TypeError(f"subs: value for {symbol} is a boolean; pass a number")
            if isinstance(value, Fraction):
                value = sp.Rational(value.numerator, value.denominator)
            elif isinstance(value, np.generic):
                value = value.item()
            mapping[symbol] = value
        if self._kind != "symbolic" or not mapping:
            return self._replace(self._payoffs)
        new = [
            np.vectorize(lambda v: v.xreplace(mapping), otypes=[object])(u) if u.size else u
            for u in self._payoffs
        ]
        return self._replace(new)

    def _replace(self, payoffs: Sequence[np.ndarray]) -> NormalFormGame:
        return NormalFormGame(
            list(payoffs), players=self._players, strategies=self._strategies, name=self.name
        )

    def payoff_arrays(self, exact: bool) -> list[np.ndarray]:
        """Fresh copies of the payoff arrays for the solvers.

        Parameters
        ----------
        exact : bool
            ``False``: ``float64`` arrays. ``True``: ``object`` arrays of
            ``fractions.Fraction`` (floats convert to their exact binary value).

        Raises
        ------
        ValueError
            The game has free parameters (bind them with :meth:`subs`), or ``exact=True``
            and some entry is irrational (e.g. ``sqrt(2)``).

        Examples
        --------
        >>> g = NormalFormGame([[[1, 2]], [[0.5, 0]]])
        >>> g.payoff_arrays(exact=False)[1].tolist(), g.payoff_arrays(exact=True)[1].tolist()
        ([[0.5, 0.0]], [[Fraction(1, 2), Fraction(0, 1)]])
        """
        self._require_bound("payoff_arrays")
        if self._kind == "float":
            if not exact:
                return [u.copy() for u in self._payoffs]
            return [np.vectorize(_fraction_from_float, otypes=[object])(u) for u in self._payoffs]
        if self._kind == "exact":
            if exact:
                return [u.copy() for u in self._payoffs]
            return [u.astype(float) for u in self._payoffs]
        # symbolic constants without free symbols (e.g. sqrt(2))
        if exact:
            for i, u in enumerate(self._payoffs):
                for idx, v in np.ndenumerate(u):
                    if not v.is_Rational:
                        raise ValueError(
                            f"payoffs[{i}]{list(idx)} = {v} is irrational: exact payoff "
                            "arrays need rational entries (use exact=False for floats)"
                        )
        to_float = np.vectorize(lambda v: float(v.evalf(30)), otypes=[float])
        return [to_float(u) for u in self._payoffs]

    def _require_bound(self, what: str) -> None:
        params = self.parameters
        if params:
            names = ", ".join(s.name for s in params)
            raise ValueError(
                f"{what}: the game has unbound parameters ({names}); bind them first, e.g. "
                f"game.subs({params[0].name}=...)"
            )

    def to_nashpy(self) -> Any:
        """A ``nashpy.Game`` with the same payoffs (two players only).

        Integer games give integer matrices; other games float matrices.

        Examples
        --------
        >>> NormalFormGame([[[3, 0], [5, 1]], [[3, 5], [0, 1]]]).to_nashpy().payoff_matrices[0]
        array([[3, 0],
               [5, 1]])
        """
        import nashpy

        if self.num_players != 2:
            raise ValueError(
                f"nashpy supports two-player games; this game has {self.num_players} players"
            )
        A, B = self._interchange_arrays()
        return nashpy.Game(A, B)

    def to_nfg(self, comment: str = "") -> str:
        """The game in Gambit's ``.nfg`` text format (payoff version, with strategy labels).

        Exact entries are written as integers or ``p/q``; floats in their shortest decimal
        form (``repr``). Gambit's format has no float type, so :meth:`from_nfg` reads that
        decimal back exactly, as the ``Fraction`` of the decimal (``0.1`` gives ``1/10``,
        not the float's binary value), whose ``float`` is the original float: the game read
        back is ``"exact"`` and compares equal to the float game (see :meth:`__eq__`).
        Symbolic games must be bound first.

        Examples
        --------
        >>> print(NormalFormGame([[[1, 0]], [[2, 3]]], name="tiny").to_nfg())
        NFG 1 R "tiny" { "P1" "P2" }
        { { "s1" }
          { "s1" "s2" }
        }
        ""
        <BLANKLINE>
        1 2 0 3
        <BLANKLINE>
        """
        from games.normal_form._nfg import format_nfg

        self._require_bound("to_nfg")
        if self._kind == "symbolic":
            payoffs = self.payoff_arrays(exact=True)  # raises for irrational constants
        else:
            payoffs = list(self._payoffs)
        return format_nfg(self.name, self._players, self._strategies, payoffs, comment=comment)

    def write_nfg(self, path: str | Path, comment: str = "") -> None:
        """Write the game to a Gambit ``.nfg`` file (see :meth:`to_nfg`)."""
        Path(path).write_text(self.to_nfg(comment=comment), encoding="utf-8")

    # ------------------------------------------------------------------ solving

    def equilibria(
        self,
        method: str | None = None,
        exact: bool | None = None,
        rtol: float = DEFAULT_RTOL,
        assumptions: Iterable[Any] = (),
        progress: Any = None,
    ) -> Equilibria:
        """All Nash equilibria (every extreme equilibrium for two players), labelled.

        Parameters
        ----------
        method : str, optional
            A method of :func:`solvers.finite.equilibria` (default: the one that cannot
            miss, e.g. vertex enumeration for two players). Games with free parameters use
            ``"symbolic_equilibria"`` (:func:`solvers.finite.symbolic_equilibria`).
        exact : bool, optional
            Exact rational arithmetic. Default: ``True`` when every payoff is rational.
            ``exact=True`` on a two-player game with irrational constants solves it
            symbolically.
        rtol : float
            Relative regret tolerance for float equilibria.
        assumptions : iterable of sympy relations
            Extra assumptions for symbolic games, e.g. ``[b > c]`` (see
            :func:`solvers.finite._symbolic.symbolic_equilibria`).
        progress : bool, callable or None, default None (a bar only in a terminal)
            Report progress of numeric games (``True``: a tqdm bar; a callable
            ``progress(done, total)``; see :func:`solvers.finite.equilibria`).
            :meth:`iter_equilibria` yields the equilibria as they are found.

        Returns
        -------
        solvers.result.Equilibria
            Each equilibrium carries the game's player and strategy labels; the method,
            degeneracy flag, completeness and notes of the solver are kept.

        Examples
        --------
        >>> g = NormalFormGame([[[3, 0], [0, 2]], [[2, 0], [0, 3]]])   # battle of the sexes
        >>> [[str(p) for p in eq.strategies[0]] for eq in g.equilibria()]
        [['0', '1'], ['3/5', '2/5'], ['1', '0']]
        """
        assumptions = list(assumptions) if not isinstance(assumptions, sp.Basic) else [assumptions]
        symbolic = bool(self.parameters) or (self._kind == "symbolic" and exact is True)
        if symbolic:
            if self.num_players != 2:
                raise ValueError(
                    f"symbolic equilibria are computed for two-player games; this game has "
                    f"{self.num_players} players: bind the parameters with .subs(...), or "
                    "use .equilibria_by_region() for the pure equilibria in each region"
                )
            if exact is False:
                raise ValueError(
                    "exact=False needs numbers: bind the parameters "
                    f"({', '.join(s.name for s in self.parameters)}) with .subs(...) first"
                )
            from solvers.finite import symbolic_equilibria

            METHOD = "symbolic_equilibria"

            if method not in (None, METHOD):
                raise ValueError(
                    f"games with free parameters are solved by {METHOD!r}; got method="
                    f"{method!r} (bind the parameters with .subs(...) to use it)"
                )
            result = symbolic_equilibria(self._payoffs[0], self._payoffs[1], assumptions)
        else:
            if assumptions:
                raise ValueError(
                    "assumptions apply to games with free parameters; this game has none"
                )
            if exact is None:
                exact = self._kind == "exact"
            from solvers.finite import equilibria as nash_equilibria

            result = nash_equilibria(
                self.payoff_arrays(exact=exact),
                method=method,
                exact=exact,
                rtol=rtol,
                progress=progress,
            )
        return self._labelled(result)

    def iter_equilibria(
        self,
        method: str | None = None,
        exact: bool | None = None,
        rtol: float = DEFAULT_RTOL,
        progress: Any = None,
    ) -> Iterator[Any]:
        """Yield the Nash equilibria as they are found, labelled (numeric games).

        The same equilibria as :meth:`equilibria`, in the order found; the enumerations
        (vertex and support enumeration, pure equilibria) stream, the other methods yield
        when done (see :func:`solvers.finite.iter_equilibria`).

        Parameters
        ----------
        method : str, optional
            A method of :func:`solvers.finite.equilibria` (default as there).
        exact : bool, optional
            Exact rational arithmetic. Default: ``True`` when every payoff is rational.
        rtol : float
            Relative regret tolerance for float equilibria.
        progress : bool, callable or None, default None (a bar only in a terminal)
            ``True``: a tqdm bar; a callable ``progress(done, total)`` after each step.

        Yields
        ------
        solvers.result.Equilibrium

        Raises
        ------
        ValueError
            If the game has free parameters (bind them with :meth:`subs`, or use
            :meth:`equilibria`, which solves symbolically).

        Examples
        --------
        >>> g = NormalFormGame([[[3, 0], [0, 2]], [[2, 0], [0, 3]]])   # battle of the sexes
        >>> for eq in g.iter_equilibria():
        ...     print(eq.to_dict()["supports"])
        {'P1': ['s1'], 'P2': ['s1']}
        {'P1': ['s2'], 'P2': ['s2']}
        {'P1': ['s1', 's2'], 'P2': ['s1', 's2']}
        """
        if self.parameters:
            raise ValueError(
                "iter_equilibria needs numbers: bind the parameters "
                f"({', '.join(s.name for s in self.parameters)}) with .subs(...), or use "
                ".equilibria() (symbolic)"
            )
        if exact is None:
            exact = self._kind == "exact"
        from solvers.finite import iter_equilibria

        stream = iter_equilibria(
            self.payoff_arrays(exact=exact),
            method=method,
            exact=exact,
            rtol=rtol,
            progress=progress,
        )
        return (eq.with_labels(self._players, self._strategies) for eq in stream)

    def _labelled(self, result: Any) -> Any:
        from solvers.result import Equilibria

        labelled = Equilibria(
            [eq.with_labels(self._players, self._strategies) for eq in result],
            method=result.method,
            exact=result.exact,
            degenerate=result.degenerate,
            complete=result.complete,
            tolerance=result.tolerance,
            notes=result.notes,
        )
        if getattr(result, "_components", None) is not None:  # set by the solver
            labelled.components = [
                dataclasses.replace(
                    c,
                    vertices=tuple(
                        v.with_labels(self._players, self._strategies) for v in c.vertices
                    ),
                )
                for c in result.components
            ]
        return labelled

    def pure_equilibria(self, rtol: float = DEFAULT_RTOL) -> Equilibria:
        """Every pure-strategy Nash equilibrium (any number of players), labelled.

        Examples
        --------
        >>> g = NormalFormGame([[[3, 0], [0, 2]], [[2, 0], [0, 3]]])
        >>> [eq.supports for eq in g.pure_equilibria()]
        [((0,), (0,)), ((1,), (1,))]
        """
        from solvers.finite import pure_equilibria

        if self.parameters:
            names = ", ".join(p.name for p in self.parameters)
            raise ValueError(
                f"pure_equilibria: the game has unbound parameters ({names}); bind them with "
                ".subs(...), or use .equilibria_by_region() for the pure equilibria in each "
                "region of the parameters"
            )
        exact = self._kind == "exact"
        return self._labelled(
            pure_equilibria(self.payoff_arrays(exact=exact), rtol=rtol, exact=exact)
        )

    def _profile(self, profile: Sequence[Any]) -> tuple[list[np.ndarray], bool]:
        """Normalise a profile: labels, indices or probability vectors per player."""
        if isinstance(profile, str) or len(profile) != self.num_players:
            raise ValueError(
                f"profile needs one entry per player ({self.num_players}), got {profile!r}"
            )
        exact = True
        out = []
        for i, s in enumerate(profile):
            m = self.shape[i]
            if isinstance(s, str):
                if s not in self._strategies[i]:
                    raise ValueError(
                        f"profile[{i}] = {s!r} is not a strategy of {self._players[i]} "
                        f"({', '.join(self._strategies[i])})"
                    )
                s = self._strategies[i].index(s)
            if isinstance(s, numbers.Integral) and not isinstance(s, bool | np.bool_):
                if not 0 <= int(s) < m:
                    raise ValueError(f"profile[{i}] = {s} is not a strategy index (0..{m - 1})")
                vec = np.array([Fraction(int(k == s)) for k in range(m)], dtype=object)
            else:
                vec = np.asarray(s, dtype=object)
                if vec.shape != (m,):
                    raise ValueError(
                        f"profile[{i}] has shape {vec.shape}; expected {m} probabilities"
                    )
                if all(isinstance(p, numbers.Rational) and not isinstance(p, bool) for p in vec):
                    vec = np.array([Fraction(p) for p in vec], dtype=object)
                elif all(isinstance(p, sp.Basic) for p in vec):
                    pass
                else:
                    exact = False
            out.append(vec)
        if not exact:
            out = [np.asarray(v, dtype=float) for v in out]
        return out, exact

    def _verify_arrays(self, exact: bool) -> list[np.ndarray]:
        if self._kind == "symbolic":
            if exact:
                return list(self._payoffs)
            self._require_bound("verification")
        return self.payoff_arrays(exact=exact and self._kind == "exact")

    def regret(self, profile: Sequence[Any], assumptions: Iterable[Any] = ()) -> np.ndarray:
        """Each player's regret at ``profile`` (labels, indices or probability vectors).

        With free parameters the regret is exact and symbolic; where it depends on which
        strategy is best it is a ``Piecewise`` whose conditions say when (simplified under
        ``assumptions`` and the symbols' own assumptions).

        Examples
        --------
        >>> g = NormalFormGame([[[3, 0], [5, 1]], [[3, 5], [0, 1]]])
        >>> [str(r) for r in g.regret(("s1", "s1"))]
        ['2', '2']
        >>> import sympy as sp
        >>> c, tau = sp.symbols("c tau", positive=True)
        >>> g = NormalFormGame([[[-c, -c], [-tau, -tau]], [[-c, -tau], [-c, -tau]]])
        >>> g.regret(("s2", "s2"))[0]
        Piecewise((-c + tau, c <= tau), (0, True))
        """
        from solvers.verify import regret

        vectors, exact = self._profile(profile)
        exact = exact and self._kind != "float"
        if self.parameters and exact:
            return self._symbolic_regret(vectors, assumptions)
        if not exact:
            vectors = [np.asarray(v, dtype=float) for v in vectors]
        return regret(self._verify_arrays(exact), vectors)

    # ------------------------------------------------------------------ conditions

    def _symbolic_regret(self, vectors: Sequence[np.ndarray], assumptions: Any) -> np.ndarray:
        from solvers.finite import piecewise_max
        from solvers.verify import expected_payoffs

        vectors = [np.array([_to_sympy(p) for p in v], dtype=object) for v in vectors]
        values = expected_payoffs(list(self._payoffs), vectors)
        out = []
        for v, s in zip(values, vectors, strict=True):
            expected = sp.expand(sum(a * b for a, b in zip(v, s, strict=True)))
            best = piecewise_max([sp.expand(x) for x in v], _assumption_list(assumptions))
            out.append(sp.piecewise_fold(best - expected).expand())
        return np.array(out, dtype=object)

    def best_responses(
        self, player: int | str, profile: Sequence[Any], assumptions: Iterable[Any] = ()
    ) -> dict[str, Any]:
        """When each pure strategy of ``player`` is a best response to the others' play.

        Parameters
        ----------
        player : int or str
            Index or name of the player.
        profile : sequence
            A full profile (labels, indices or probability vectors); ``player``'s own
            entry is ignored.
        assumptions : iterable of sympy relations
            Facts about the parameters (any relational form).

        Returns
        -------
        dict
            Strategy label -> ``True``, ``False`` or the sympy condition (simplified under
            the assumptions) under which it is a best response.

        Examples
        --------
        >>> import sympy as sp
        >>> c, tau = sp.symbols("c tau", positive=True)
        >>> g = NormalFormGame([[[-c, -c], [-tau, -tau]], [[-c, -tau], [-c, -tau]]],
        ...                    strategies=(("Join", "Out"), ("Join", "Out")))
        >>> g.best_responses(0, ("Out", "Out"))
        {'Join': tau >= c, 'Out': tau <= c}
        >>> g.best_responses("P1", ("Out", "Out"), assumptions=[tau > c])
        {'Join': True, 'Out': False}
        """
        from solvers.finite import simplify_condition
        from solvers.verify import expected_payoffs

        i = self._player_index(player)
        vectors, _ = self._profile(profile)
        vectors = [np.array([_to_sympy(p) for p in v], dtype=object) for v in vectors]
        payoffs = (
            list(self._payoffs)
            if self._kind == "symbolic"
            else [np.vectorize(_to_sympy, otypes=[object])(u) for u in self._payoffs]
        )
        v = expected_payoffs(payoffs, vectors)[i]
        assumptions = _assumption_list(assumptions)
        out = {}
        for k, label in enumerate(self._strategies[i]):
            conds = [sp.expand(v[k] - v[j]) >= 0 for j in range(len(v)) if j != k]
            out[label] = simplify_condition(sp.And(*conds), assumptions) if conds else True
        return out

    def dominates(
        self,
        player: int | str,
        a: int | str,
        b: int | str,
        strict: bool = True,
        assumptions: Iterable[Any] = (),
    ) -> Any:
        """Whether ``player``'s pure strategy ``a`` dominates ``b`` (strictly by default):
        ``True``, ``False``, or the condition on the parameters under which it does.

        Examples
        --------
        >>> import sympy as sp
        >>> t, r = sp.symbols("t r", positive=True)
        >>> pd = NormalFormGame([[[r, 0], [t, 1]], [[r, t], [0, 1]]],
        ...                     strategies=(("C", "D"), ("C", "D")))
        >>> pd.dominates(0, "D", "C")
        t > r
        >>> pd.dominates(0, "D", "C", assumptions=[r < t])
        True
        """
        from solvers.finite import simplify_condition

        i = self._player_index(player)
        ka, kb = (self._strategy_index(i, s) for s in (a, b))
        u = np.moveaxis(np.asarray(self._payoffs[i], dtype=object), i, 0)
        conds = []
        for x, y in zip(u[ka].flat, u[kb].flat, strict=True):
            gap = sp.expand(_to_sympy(x) - _to_sympy(y))
            conds.append(gap > 0 if strict else gap >= 0)
        return simplify_condition(sp.And(*conds), _assumption_list(assumptions))

    def equilibria_by_region(
        self, assumptions: Iterable[Any] = (), *, mixed: bool | None = None
    ) -> Any:
        """The regions of the parameter space and the equilibria in each, labelled.

        See :func:`solvers.finite.equilibria_by_region`: pure equilibria for any number of
        players, every extreme equilibrium for two players, mixed equilibria of three or
        more players where the support systems solve in closed form (``mixed``);
        ``assumptions`` in any relational form (``b > c``, ``c < b``, ``sympy.And(...)``).

        Examples
        --------
        >>> import sympy as sp
        >>> c, tau = sp.symbols("c tau", positive=True)
        >>> g = NormalFormGame([[[-c, -c], [-tau, -tau]], [[-c, -tau], [-c, -tau]]],
        ...                    strategies=(("Join", "Out"), ("Join", "Out")))
        >>> regions = g.equilibria_by_region()
        >>> [(str(r.condition), len(r.equilibria)) for r in regions]
        [('tau > c', 1), ('Eq(tau, c)', 4), ('tau < c', 1)]
        >>> regions.at({"c": 2, "tau": 1}).equilibria[0].to_dict()["supports"]
        {'P1': ['Out'], 'P2': ['Out']}
        """
        from solvers.finite import equilibria_by_region

        payoffs = (
            list(self._payoffs)
            if self._kind == "symbolic"
            else [np.vectorize(_to_sympy, otypes=[object])(u) for u in self._payoffs]
        )
        return equilibria_by_region(
            payoffs,
            _assumption_list(assumptions),
            players=self._players,
            strategy_labels=self._strategies,
            mixed=mixed,
        )

    def _player_index(self, player: int | str) -> int:
        if isinstance(player, str):
            if player not in self._players:
                raise ValueError(f"player {player!r} is not a player ({', '.join(self._players)})")
            return self._players.index(player)
        if isinstance(player, numbers.Integral) and not isinstance(player, bool):
            if not 0 <= player < self.num_players:
                raise ValueError(
                    f"player {player} is not a player index (0..{self.num_players - 1})"
                )
            return int(player)
        raise TypeError(f"player must be a name or an index, got {player!r}")

    def _strategy_index(self, i: int, s: int | str) -> int:
        if isinstance(s, str):
            if s not in self._strategies[i]:
                raise ValueError(
                    f"{s!r} is not a strategy of {self._players[i]} "
                    f"({', '.join(self._strategies[i])})"
                )
            return self._strategies[i].index(s)
        if isinstance(s, numbers.Integral) and not isinstance(s, bool):
            if not 0 <= s < self.shape[i]:
                raise ValueError(f"strategy {s} is not an index (0..{self.shape[i] - 1})")
            return int(s)
        raise TypeError(f"strategy must be a label or an index, got {s!r}")

    def is_nash(self, profile: Sequence[Any], rtol: float = DEFAULT_RTOL) -> bool:
        """Whether ``profile`` is a Nash equilibrium (exactly, or within ``rtol``).

        Examples
        --------
        >>> g = NormalFormGame([[[3, 0], [5, 1]], [[3, 5], [0, 1]]])
        >>> g.is_nash(("s2", "s2")), g.is_nash([[0.5, 0.5], [0, 1]])
        (True, False)
        """
        from solvers.verify import is_nash

        vectors, exact = self._profile(profile)
        exact = exact and self._kind != "float"
        if self.parameters and exact:
            return self._decide_nash(vectors)
        if not exact:
            vectors = [np.asarray(v, dtype=float) for v in vectors]
        return is_nash(self._verify_arrays(exact), vectors, rtol=rtol)

    def dominance(self, **options: Any) -> Any:
        """Iterated elimination of strictly dominated strategies (pure and, by default,
        mixed), delegated to :func:`solvers.finite._dominance.iterated_elimination`; ``options``
        are passed on (``mixed``, ``rtol``).

        Examples
        --------
        >>> NormalFormGame([[[3, 0], [5, 1]], [[3, 5], [0, 1]]]).dominance().surviving
        ((1,), (1,))
        """
        from solvers.finite import iterated_elimination

        if self.parameters:
            self._raise_undecided_dominance()
        self._require_bound("dominance")
        exact = self._kind == "exact"
        return iterated_elimination(self.payoff_arrays(exact=exact), **options)

    def _decide_nash(self, vectors: Sequence[np.ndarray]) -> bool:
        from solvers.finite import simplify_condition

        # a profile is an equilibrium iff every pure deviation gains nothing
        values = self._deviation_gaps(vectors)
        undecided = []
        for gap in values:
            c = simplify_condition(gap <= 0)
            if c is False:
                return False
            if c is not True:
                undecided.append(c)
        if undecided:
            raise ValueError(
                f"is_nash: the answer depends on the parameters: the profile is an equilibrium "
                f"iff {sp.And(*undecided)}; bind them with .subs(...), or use "
                "equilibria_by_region() / regret() for the condition"
            )
        return True

    def _deviation_gaps(self, vectors: Sequence[np.ndarray]) -> list[sp.Expr]:
        from solvers.verify import expected_payoffs

        vectors = [np.array([_to_sympy(p) for p in v], dtype=object) for v in vectors]
        values = expected_payoffs(list(self._payoffs), vectors)
        gaps: list[sp.Expr] = []
        for v, s in zip(values, vectors, strict=True):
            expected = sum(a * b for a, b in zip(v, s, strict=True))
            gaps.extend(sp.expand(x - expected) for x in v)
        return gaps

    def _raise_undecided_dominance(self) -> None:
        for i in range(self.num_players):
            for a in range(self.shape[i]):
                for b in range(self.shape[i]):
                    if a == b:
                        continue
                    cond = self.dominates(i, a, b)
                    if cond is not True and cond is not False:
                        raise ValueError(
                            f"dominance: whether {self._players[i]}'s "
                            f"{self._strategies[i][a]} strictly dominates "
                            f"{self._strategies[i][b]} depends on the parameters: it does iff "
                            f"{cond}; bind them with .subs(...), or ask "
                            f"game.dominates({i}, {a}, {b}) for the condition"
                        )
        names = ", ".join(s.name for s in self.parameters)
        raise ValueError(
            f"dominance: the game has unbound parameters ({names}) and iterated elimination "
            "needs numbers; bind them with .subs(...) first (each pure dominance relation "
            "is decided: see game.dominates(...))"
        )

    # ------------------------------------------------------------------ comparison, repr

    def __eq__(self, other: object) -> bool:
        """Same players, strategy labels and payoffs (the name is not compared).

        Payoffs of the same kind are compared as stored. When one game is ``"float"`` and
        the other ``"exact"``, the exact payoffs are rounded to the nearest float first, so
        a float game and its ``.nfg`` round trip (written as shortest decimals, read back
        exactly) compare equal: ``NormalFormGame.from_nfg(g.to_nfg()) == g``.

        Examples
        --------
        >>> g = NormalFormGame([[[0.1, 1]], [[2, 0.25]]])
        >>> back = NormalFormGame.from_nfg(g.to_nfg())
        >>> back.kind, back == g
        ('exact', True)
        """
        if not isinstance(other, NormalFormGame):
            return NotImplemented
        if (
            self._players != other._players
            or self._strategies != other._strategies
            or self.shape != other.shape
        ):
            return False
        mine: Any = self._payoffs
        theirs: Any = other._payoffs
        if {self._kind, other._kind} == {"float", "exact"}:
            try:
                mine, theirs = self.payoff_arrays(exact=False), other.payoff_arrays(exact=False)
            except OverflowError:  # an exact payoff beyond the float range: not equal
                return False
        return all(bool(np.all(a == b)) for a, b in zip(mine, theirs, strict=True))

    def __repr__(self) -> str:
        return format_game(self)

    # ------------------------------------------------------------------ paper-ready output

    def latex(
        self,
        *,
        booktabs: bool = True,
        frac: str = "frac",
        digits: int = 6,
        caption: str | None = None,
        label: str | None = None,
    ) -> str:
        r"""The payoff table as a LaTeX ``tabular``, ready to paste into a paper.

        Player 1's strategies label the rows and player 2's the columns; each cell is
        ``$u_1, u_2, \dots$``. Exact payoffs are typeset as fractions, symbolic ones by
        :func:`sympy.latex`; player and strategy labels are escaped (``&``, ``_``, ``%``,
        ...). Games with more players give one table per profile of players 3, 4, ...
        (headed by it), side by side.

        Parameters
        ----------
        booktabs : bool, default True
            ``\toprule``/``\midrule``/``\bottomrule`` and ``\cmidrule`` (load the
            ``booktabs`` package); ``False``: ``\hline`` and ``\cline``.
        frac : {"frac", "tfrac", "dfrac"}, default "frac"
            The fraction macro (``tfrac`` and ``dfrac`` need ``amsmath``).
        digits : int, default 6
            Significant digits of float payoffs.
        caption, label : str, optional
            If given, wrap the tabular in a ``table`` environment with this caption
            (escaped) and ``\label`` (a label cannot contain ``\ { } % # $ & ~ ^``).

        Returns
        -------
        str

        Raises
        ------
        ValueError
            An unknown ``frac``, ``digits`` below 1, or a ``label`` LaTeX cannot use.

        See Also
        --------
        to_latex : the same table (pandas' name).

        Examples
        --------
        >>> from fractions import Fraction
        >>> g = NormalFormGame([[[3, Fraction(1, 2)], [4, 0]], [[3, 4], [2, 0]]],
        ...                    players=("US", "Ally_1"), strategies=(("Pay", "Shirk"),) * 2)
        >>> print(g.latex(frac="tfrac"))
        \begin{tabular}{llcc}
        \toprule
         & & \multicolumn{2}{c}{Ally\_1} \\
        \cmidrule(lr){3-4}
         & & Pay & Shirk \\
        \midrule
        US & Pay & $3, 3$ & $\tfrac{1}{2}, 4$ \\
         & Shirk & $4, 2$ & $0, 0$ \\
        \bottomrule
        \end{tabular}

        Symbolic payoffs are typeset by sympy:

        >>> import sympy as sp
        >>> b, c = sp.symbols("b c", positive=True)
        >>> chicken = NormalFormGame([[[b - c/2, b - c], [b, 0]], [[b - c/2, b], [b - c, 0]]])
        >>> r"$b - \frac{c}{2}, b - \frac{c}{2}$" in chicken.latex(booktabs=False)
        True
        """
        from games.normal_form._latex import game_latex

        return game_latex(
            self, booktabs=booktabs, frac=frac, digits=digits, caption=caption, label=label
        )

    def to_latex(
        self,
        *,
        booktabs: bool = True,
        frac: str = "frac",
        digits: int = 6,
        caption: str | None = None,
        label: str | None = None,
    ) -> str:
        """The payoff table as a LaTeX ``tabular``: the same as :meth:`latex` (the name
        pandas uses).

        Examples
        --------
        >>> g = NormalFormGame([[[1, 0], [0, 1]], [[1, 0], [0, 1]]])
        >>> g.to_latex(caption="Coordination", label="tab:coord") == g.latex(
        ...     caption="Coordination", label="tab:coord")
        True
        """
        return self.latex(
            booktabs=booktabs, frac=frac, digits=digits, caption=caption, label=label
        )

    def _repr_latex_(self) -> str:
        """The payoff table as a math ``array`` (what notebooks' MathJax renders)."""
        from games.normal_form._latex import game_array_latex

        return "$$" + game_array_latex(self) + "$$"

    def _repr_html_(self) -> str:
        """The payoff table as HTML, for notebooks."""
        from games.normal_form._latex import game_html

        return game_html(self)
