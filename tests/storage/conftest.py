from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop_app.domain.entities import SchoolRecords
from desktop_app.storage.database import Database
from tests.storage.sample import sample_records


@pytest.fixture
def tmp_db_path(tmp_path: Path) -> Path:
    """A database file in a folder whose name has a space, as on many Windows PCs."""
    folder = tmp_path / "Мои документы"
    folder.mkdir()
    return folder / "metodsovet.sqlite3"


@pytest.fixture
def db(backend: str, tmp_db_path: Path, new_database: Callable[..., str]) -> Iterator[Database]:
    """An empty database of each backend: an SQLite file, a database on the PostgreSQL server."""
    database = Database.open(str(tmp_db_path) if backend == "sqlite" else new_database())
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def sample() -> SchoolRecords:
    return sample_records()
