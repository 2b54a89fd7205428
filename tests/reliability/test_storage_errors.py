"""Storage failures during a save and a backup become specific messages; nothing is reported
saved that was not, and the file stays sound (issue 8)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.domain.entities import Teacher
from desktop_app.i18n import gettext_for
from desktop_app.services import Services
from desktop_app.storage.database import Database
from desktop_app.storage.errors import BackupError, CorruptError, DiskFullError, LockedError, ReadOnlyError

SCHOOL = "school-7"



@pytest.fixture
def services(database: Path) -> Iterator[Services]:
    opened = Services.over(Database.open(database, busy_timeout_ms=100))
    yield opened
    opened.close()


def _on_connect(services: Services, pragma: str) -> None:
    """Every new connection of the engine runs ``pragma`` (the pool is emptied first)."""
    engine = services.db.engine

    def apply(connection: Any, _record: Any) -> None:
        connection.execute(pragma)

    event.listen(engine, "connect", apply)
    engine.dispose()


def _big_teacher(number: int) -> Teacher:
    return Teacher(id=f"x-{number}", last_name="Толық" * 20, first_name="Диск" * 20, patronymic="Ә" * 100)


def _teacher_ids(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {row[0] for row in db.execute("SELECT id FROM teachers")}


def _sound(path: Path) -> bool:
    with sqlite3.connect(path) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_disk_full_during_a_save(services: Services, database: Path) -> None:
    with sqlite3.connect(database) as db:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
    _on_connect(services, f"PRAGMA max_page_count = {pages}")
    saved = []
    with pytest.raises(DiskFullError) as raised:
        for number in range(2000):
            services.teachers.save(COMMAND_LINE, SCHOOL, _big_teacher(number))
            saved.append(f"x-{number}")
    assert "диск" in raised.value.render(gettext_for("ru")).lower()
    present = _teacher_ids(database)
    assert set(saved) <= present and f"x-{len(saved)}" not in present
    assert _sound(database)


def test_read_only_file_during_a_save(services: Services, database: Path) -> None:
    _on_connect(services, "PRAGMA query_only = ON")
    with pytest.raises(ReadOnlyError) as raised:
        services.teachers.save(COMMAND_LINE, SCHOOL, _big_teacher(1))
    assert raised.value.render(gettext_for("kk"))
    assert "x-1" not in _teacher_ids(database)
    assert _sound(database)


def test_locked_database_during_a_save(services: Services, database: Path) -> None:
    other = sqlite3.connect(database, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(LockedError):
            services.teachers.save(COMMAND_LINE, SCHOOL, _big_teacher(2))
        other.execute("ROLLBACK")
    finally:
        other.close()
    assert "x-2" not in _teacher_ids(database)
    services.teachers.save(COMMAND_LINE, SCHOOL, _big_teacher(2))  # free again: it saves
    assert "x-2" in _teacher_ids(database)


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096, min(len(data), 4096 * 6)):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))


def test_corrupted_file_at_open_and_during_a_backup(database: Path, tmp_path: Path) -> None:
    _corrupt(database)
    with pytest.raises(CorruptError) as raised:
        Services.open(str(database))
    assert "backup" in raised.value.render() or "резерв" in raised.value.render(gettext_for("ru"))
    folder = tmp_path / "backups"
    from desktop_app.storage import backups

    with pytest.raises(BackupError):
        backups.make_backup(database, folder)
    assert not [p for p in folder.glob("*") if p.is_file()]  # no half-made backup is left behind


def test_backup_to_a_folder_that_cannot_be_made(services: Services, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(BackupError):
        services.db.backup(blocker / "inside")
