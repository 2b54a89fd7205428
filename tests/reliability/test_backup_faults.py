"""Faults during a backup: a full disk, a read-only target, a locked database. The failure is a
BackupError with a message, no half-written file is left, and the database is untouched."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop_app.i18n import gettext_for
from desktop_app.storage import backups
from desktop_app.storage.errors import BackupError


def _leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.glob("*") if p.is_file()] if folder.exists() else []


def _rows(database: Path) -> int:
    with sqlite3.connect(database) as db:
        return int(db.execute("SELECT count(*) FROM teachers").fetchone()[0])


def test_disk_full_during_a_backup(database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The target file may not grow past one page: SQLite reports a full disk while copying."""
    real_connect = sqlite3.connect

    def connect(target: str, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection = real_connect(target, *args, **kwargs)
        if str(target).endswith(".tmp"):
            connection.execute("PRAGMA max_page_count = 1")
        return connection

    monkeypatch.setattr(backups.sqlite3, "connect", connect)
    folder = tmp_path / "backups"
    before = _rows(database)
    with pytest.raises(BackupError) as raised:
        backups.make_backup(database, folder)
    assert "full" in str(raised.value.detail)
    assert raised.value.render(gettext_for("ru"))
    assert _leftovers(folder) == []
    assert _rows(database) == before


def test_read_only_target_during_a_backup(database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(source: object, target: object) -> None:
        raise PermissionError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(backups.os, "replace", read_only)
    folder = tmp_path / "flash"
    with pytest.raises(BackupError) as raised:
        backups.make_backup(database, folder)
    assert os.strerror(errno.EROFS) in raised.value.render()
    assert _leftovers(folder) == []


def test_a_locked_database_is_still_backed_up(database: Path, tmp_path: Path) -> None:
    """A backup only reads: another program holding the write lock does not stop it (WAL)."""
    other = sqlite3.connect(database, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE teachers SET active = 0 WHERE id = 't-01'")  # not committed
        made = backups.make_backup(database, tmp_path / "backups")
        other.execute("ROLLBACK")
    finally:
        other.close()
    with sqlite3.connect(made) as copy:
        assert copy.execute("SELECT active FROM teachers WHERE id = 't-01'").fetchone()[0] == 1
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
