"""The optional ``highspy`` package (HiGHS's own Python interface, the ``fast`` extra).

Solvers that run many small linear programs use it directly where it is installed: one
HiGHS instance per thread and purpose, its model replaced for each LP, costs a fraction of
``scipy.optimize.linprog``'s overhead per call (which also runs HiGHS). Where it is not
installed they use ``linprog``; each caller checks its own answers, so the back end changes
speed, never results.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Mapping
from typing import Any

__all__ = ["discard_instance", "highs_instance", "import_highspy"]

_highspy: Any = None  # the module once imported; False when absent
_local = threading.local()


def import_highspy() -> Any:
    """The ``highspy`` module, or ``False`` when it is not installed (imported once, with
    HiGHS's copyright banner kept off standard output).

    Examples
    --------
    >>> hp = import_highspy()
    >>> hp is False or hasattr(hp, "Highs")
    True
    """
    global _highspy
    if _highspy is None:
        try:
            import highspy
        except ImportError:
            _highspy = False
        else:
            _highspy = highspy
            _quiet_first_instance(highspy)
    return _highspy


def _quiet_first_instance(highspy: Any) -> None:
    """HiGHS prints a copyright banner from C when its first instance is created (before
    any option can silence it): create that instance with file descriptor 1 on /dev/null."""
    try:
        sys.stdout.flush()
        saved = os.dup(1)
    except (OSError, ValueError, AttributeError):  # no real stdout: nothing to hide
        highspy.Highs()
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, 1)
            highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(null)
    finally:
        os.close(saved)


def highs_instance(purpose: str, options: Mapping[str, Any] | None = None) -> Any:
    """This thread's HiGHS instance for ``purpose``, its model cleared (creating one costs
    about as much as solving a small LP); options: quiet, no presolve, dual simplex,
    then ``options`` (HiGHS option names and values; an instance is kept per purpose and
    options).

    ``highspy`` must be installed (see :func:`import_highspy`).

    Raises
    ------
    ValueError
        If HiGHS refuses an option (an unknown name or a value out of range).

    Examples
    --------
    >>> if import_highspy():
    ...     h = highs_instance("doctest")
    ...     assert h is highs_instance("doctest") and h is not highs_instance("other")
    ...     assert h is not highs_instance("doctest", {"simplex_strategy": 4})
    """
    instances = getattr(_local, "instances", None)
    if instances is None:
        instances = _local.instances = {}
    key = (purpose, tuple(sorted((options or {}).items())))
    h = instances.get(key)
    if h is None:
        hp = import_highspy()
        h = hp.Highs()
        opts = hp.HighsOptions()
        opts.output_flag = False
        opts.presolve = "off"
        opts.simplex_strategy = 1  # dual simplex, as linprog's "highs-ds"
        h.passOptions(opts)
        for name, value in (options or {}).items():
            if h.setOptionValue(name, value) != hp.HighsStatus.kOk:
                raise ValueError(f"HiGHS refuses the option {name}={value!r}")
        instances[key] = h
    else:
        h.clearModel()
    return h


def discard_instance(purpose: str) -> None:
    """Forget this thread's HiGHS instance for ``purpose`` (after a failure): the next one
    is fresh.

    Examples
    --------
    >>> discard_instance("never created")
    """
    instances = getattr(_local, "instances", None)
    if instances is not None:
        for key in [key for key in instances if key[0] == purpose]:
            del instances[key]
