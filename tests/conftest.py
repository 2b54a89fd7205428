"""Every test runs without a display and away from the user's real folders."""

from __future__ import annotations

import atexit
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop_app.ui.qt_environment import prepare_qt
from tests import server

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt
prepare_qt()  # as the program paints (before pytest-qt makes the application)


@pytest.fixture(autouse=True)
def _user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Data, logs, settings and the default database live in a temporary folder (a test may set
    its own METODSOVET_HOME afterwards). The language of messages is put back after each test: a
    command run with ``--lang`` switches it for the whole process."""
    from desktop_app import i18n

    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("METODSOVET_HOME", str(home))
    monkeypatch.delenv("METODSOVET_DB", raising=False)
    monkeypatch.setenv("METODSOVET_POLL_MS", "0")  # windows do not poll for other PCs' saves unless a test says so
    language = i18n.current_language()
    yield home
    i18n.set_language(language)


# --- the two backends: SQLite files and a real PostgreSQL server (tests/server.py) ----------------

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def pg_cluster() -> server.Cluster:
    """One throw-away PostgreSQL cluster for the session. Absent PostgreSQL skips the server half
    with the reason; under CI (CI=true) that is a failure: CI must test the server."""
    try:
        cluster = server.start()
    except (RuntimeError, OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", b"") or b""
        reason = f"PostgreSQL server half not run: {error} {detail.decode(errors='replace')}".strip()
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    # Stopped when the interpreter exits, after the last Qt event: windows of the UI tests are
    # closed but kept, and their views may still read from the server while the session ends.
    atexit.register(cluster.stop)
    return cluster


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The storage under test: "sqlite" or "postgresql" (the latter starts the cluster)."""
    if request.param == "postgresql":
        request.getfixturevalue("pg_cluster")
    return str(request.param)


@pytest.fixture
def new_database(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Callable[..., str]:
    """Makes an empty database of the backend under test and returns its path or URL; a PostgreSQL
    database may be a copy of ``template`` (CREATE DATABASE ... TEMPLATE: a fast reset)."""
    made: list[str] = []

    def make(name: str = "metodsovet.sqlite3", template: str | None = None) -> str:
        if backend == "sqlite":
            return str(tmp_path / name)
        cluster: server.Cluster = request.getfixturevalue("pg_cluster")
        database = cluster.create_database(template)
        made.append(database)
        return cluster.url(database, server.OWNER)

    yield make  # type: ignore[misc]
    if made:
        cluster = request.getfixturevalue("pg_cluster")
        for database in made:
            cluster.drop_database(database)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``sqlite_only`` (FTS5, file copies, PRAGMAs) run on the SQLite backend only."""
    kept, dropped = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_server = callspec is not None and callspec.params.get("backend") == "postgresql"
        (dropped if on_server and item.get_closest_marker("sqlite_only") else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
