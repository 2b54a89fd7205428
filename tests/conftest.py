"""Every test runs without a display and away from the user's real folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt


@pytest.fixture(autouse=True)
def _user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Data, logs, settings and the default database live in a temporary folder (a test may set
    its own METODSOVET_HOME afterwards)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("METODSOVET_HOME", str(home))
    monkeypatch.delenv("METODSOVET_DB", raising=False)
    return home
