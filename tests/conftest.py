"""Shared test fixtures: literature games from ``../shared/testdata`` and hypothesis set-up."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

TESTDATA = Path(__file__).resolve().parents[2] / "shared" / "testdata"

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
def testdata():
    """Load a JSON game from ``../shared/testdata``; skip (with the reason) where absent."""

    def load(name: str) -> dict:
        path = TESTDATA / name
        if not path.is_file():
            pytest.skip(
                f"{path} not found: literature test games live in ../shared/testdata, "
                "which a user's clone does not have"
            )
        return json.loads(path.read_text())

    return load
