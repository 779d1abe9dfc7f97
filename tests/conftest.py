"""Shared fixtures: the repository's own paths, and pytester for plugin tests."""
import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI replays the same examples every run (a red CI names a bug, never bad luck); locally, Hypothesis explores
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

pytest_plugins = ["pytester"]

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(autouse=True)
def outside_github_actions(monkeypatch):
    """Tests see the CLI's plain output even when they run in GitHub Actions (where it would add annotations)."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
