"""Shared fixtures: every test uses a temporary store, never the user's. Hypothesis profiles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
SEED = SAMPLES / "independent-assad-flee-syria.txt"

# Property tests run a fixed set of examples by default, in `make test` and CI alike
# (derandomized: the same examples every run, so a run can fail only for a change in the
# code; no deadline, no too-slow check: the machine is shared). HYPOTHESIS_PROFILE=long runs
# many more random examples, with the example database and a printed seed to replay a failure:
#     HYPOTHESIS_PROFILE=long .venv/bin/pytest tests/unit -k properties
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long", deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow]
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)


def examples(count: int) -> int:
    """A property test's max_examples: `count` by default, 25 times as many in a long run."""
    return count * 25 if PROFILE == "long" else count


@pytest.fixture(autouse=True)
def temp_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    store = tmp_path / "store"
    monkeypatch.setenv("READER_STORE", str(store))
    # The settings file too: a test never reads or writes the user's.
    monkeypatch.setenv("READER_CONFIG", str(tmp_path / "config" / "settings.toml"))
    return store
