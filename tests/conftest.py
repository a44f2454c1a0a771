"""Shared test fixtures: Gambit's ``.nfg`` files from ``../shared/testdata`` and hypothesis set-up.

The literature games the solver tests use come from :mod:`games.catalog`, which ships with
the package; only tests about Gambit's own files need ``../shared/testdata`` (set
``BLOCGAMES_TESTDATA`` to point elsewhere) and skip, with the reason, where it is absent.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

TESTDATA = Path(
    os.environ.get("BLOCGAMES_TESTDATA")
    or Path(__file__).resolve().parents[2] / "shared" / "testdata"
)

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev")
)


@pytest.fixture
def gambit_file():
    """The path of a file in ``../shared/testdata/gambit``; skip (with the reason) where absent."""

    def path(name: str) -> Path:
        found = TESTDATA / "gambit" / name
        if not found.is_file():
            pytest.skip(
                f"{found} not found: Gambit's test files live in ../shared/testdata/gambit "
                "(or $BLOCGAMES_TESTDATA/gambit), which a user's clone does not have"
            )
        return found

    return path


@pytest.fixture
def testdata():
    """Load a JSON file from ``../shared/testdata``; skip (with the reason) where absent.

    Kept for other branches' tests; literature games come from :mod:`games.catalog`.
    """

    def load(name: str) -> dict:
        path = TESTDATA / name
        if not path.is_file():
            pytest.skip(
                f"{path} not found: it lives in ../shared/testdata, which a user's clone does "
                "not have (the same games ship in games.catalog)"
            )
        return json.loads(path.read_text())

    return load
