"""Database files of every earlier schema version (tests/data/schema-*.sqlite3) upgrade to head
with their rows and contents kept, after a verified backup (issues 2 and 8)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop_app.services.exchange.codec import parse_document
from desktop_app.storage.database import HEAD_REVISION, Database
from tests.shared_files import SAMPLE

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "data").glob("schema-*.sqlite3"))


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables if t != "alembic_version"}


def test_there_is_a_fixture_for_each_earlier_revision() -> None:
    assert [p.name for p in FIXTURES] == ["schema-0001_initial.sqlite3"]


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_an_earlier_file_upgrades_without_losing_anything(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(fixture, path)
    before = _counts(path)
    assert sum(before.values()) > 100
    database = Database.open(path, backup_dir=tmp_path / "backups")
    try:
        assert database.revision() == HEAD_REVISION
        with database.transaction() as store:
            records = store.load_records("school-7")
    finally:
        database.close()
    after = _counts(path)
    assert {t: n for t, n in after.items() if t in before} == before
    assert records == parse_document(SAMPLE.read_bytes())
    saved = list((tmp_path / "backups").glob("*-pre-migration.sqlite3"))
    assert len(saved) == 1 and _counts(saved[0]) == before
