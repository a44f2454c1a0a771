"""Optional output of sweeps and simulations: pandas tables and matplotlib plots.

Results of long work (:class:`solvers.continuous.SweepResult`, the hedging simulation)
offer ``.to_frame()`` and ``.plot(ax=None)``. pandas is optional
(``pip install 'blocgames[frames]'``) and matplotlib, although installed, is heavy: both
are imported here, on demand, only when a table or a plot is asked for, so importing
:mod:`solvers` or :mod:`games` imports neither.

Examples
--------
>>> from solvers.frames import require_pandas
>>> require_pandas("an example").DataFrame({"x": [1, 2]}).shape
(2, 1)
"""

from __future__ import annotations

from typing import Any

__all__ = ["require_pandas", "require_pyplot"]


def require_pandas(what: str = "to_frame()") -> Any:
    """The ``pandas`` module, or an ``ImportError`` naming the ``frames`` extra.

    Parameters
    ----------
    what : str
        What needs pandas, for the error message.

    Raises
    ------
    ImportError
        pandas is not installed.

    Examples
    --------
    >>> try:
    ...     pd = require_pandas()
    ... except ImportError as error:
    ...     assert "blocgames[frames]" in str(error)
    """
    try:
        import pandas
    except ImportError as error:
        raise ImportError(
            f"{what} needs pandas, an optional dependency: pip install 'blocgames[frames]' "
            "(or pip install pandas)"
        ) from error
    return pandas


def require_pyplot() -> Any:
    """``matplotlib.pyplot``, imported now (never when :mod:`solvers` is imported).

    Examples
    --------
    >>> require_pyplot().__name__
    'matplotlib.pyplot'
    """
    import matplotlib.pyplot as plt

    return plt
