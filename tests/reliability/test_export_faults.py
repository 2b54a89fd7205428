"""Storage failures during a PDF export (issue 8): a locked or corrupted database while the records
are loaded, a full disk or a read-only / missing folder while the PDF is written. Each gives a
specific translated message, leaves no partial file behind, and the database stays intact."""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.cli import common as cli_commands
from desktop_app.cli import main
from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.i18n import gettext_for
from desktop_app.services import Services
from desktop_app.services.base import utc_now
from desktop_app.services.documents import DocumentService
from desktop_app.storage import quick
from desktop_app.storage.database import Database
from desktop_app.storage.errors import CorruptError, LockedError

SCHOOL = "school-7"
MEETING = "m-math-26-1"
PDF_MAGIC = b"%PDF"


@pytest.fixture
def services(database: Path) -> Iterator[Services]:
    opened = Services.over(Database.open(database, busy_timeout_ms=100))
    yield opened
    opened.close()


@pytest.fixture
def quick_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line opens the database with a short busy timeout (a lock fails at once)."""

    def open_quickly(cls: type[Services], database: str, backup_dir: Path | None = None,
                     clock: Callable[[], Any] = utc_now) -> Services:
        return cls.over(Database.open(database, backup_dir=backup_dir, busy_timeout_ms=100), clock)

    monkeypatch.setattr(Services, "open", classmethod(open_quickly))
    monkeypatch.setattr(quick, "BUSY_TIMEOUT_SECONDS", 0.1)  # `protocol` first tries the file read-only


def _sound(path: Path) -> bool:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _meetings(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return int(db.execute("SELECT count(*) FROM meetings").fetchone()[0])


class Locker:
    """Another program holding the file exclusively (no reader gets in), from ``lock()`` on."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.other: sqlite3.Connection | None = None

    def lock(self) -> None:
        self.other = sqlite3.connect(self.path, isolation_level=None)
        self.other.execute("PRAGMA locking_mode = EXCLUSIVE")
        self.other.execute("BEGIN EXCLUSIVE")
        self.other.execute("UPDATE schools SET id = id")

    def release(self) -> None:
        if self.other is not None:
            self.other.execute("ROLLBACK")
            self.other.close()
            self.other = None


@pytest.fixture
def locked_while_loading(database: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Locker]:
    """The lock is taken just before the records of the document are read (the read transaction
    every document opens, whether it reads one meeting or the whole school)."""
    locker = Locker(database)
    read, read_quickly = DocumentService._read, quick.QuickReader.open

    def reading(self: DocumentService, actor: Any, school: str) -> Any:
        self._db.engine.dispose()  # our own idle connections would keep the other program out
        if locker.other is None:
            locker.lock()
        return read(self, actor, school)

    def reading_quickly(cls: type[quick.QuickReader], name: str) -> quick.QuickReader | None:
        locker.lock()  # `metodsovet protocol`'s read of an SQLite file, before the usual way's
        return read_quickly(name)

    monkeypatch.setattr(DocumentService, "_read", reading)
    monkeypatch.setattr(quick.QuickReader, "open", classmethod(reading_quickly))
    yield locker
    locker.release()


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096, min(len(data), 4096 * 6)):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))


# Through DocumentService -------------------------------------------------------------------------
def test_a_locked_database_while_the_records_load(services: Services, database: Path,
                                                   locked_while_loading: Locker) -> None:
    before = _meetings(database)
    with pytest.raises(LockedError) as raised:
        services.documents.protocol(COMMAND_LINE, SCHOOL, MEETING)
    assert raised.value.render(gettext_for("ru")) != raised.value.render()  # translated
    locked_while_loading.release()
    assert _sound(database) and _meetings(database) == before


def test_a_corrupted_file_while_the_records_load(services: Services, database: Path) -> None:
    services.db.engine.dispose()
    _corrupt(database)
    damaged = database.read_bytes()
    with pytest.raises(CorruptError) as raised:
        services.documents.protocol(COMMAND_LINE, SCHOOL, MEETING)
    assert raised.value.render(gettext_for("kk")) != raised.value.render(gettext_for("ru"))
    assert database.read_bytes() == damaged  # kept as it was, for the start-up recovery


@pytest.mark.parametrize("pragma", ["PRAGMA query_only = ON", "PRAGMA max_page_count = 1"])
def test_a_read_only_or_full_database_still_prints(services: Services, database: Path, pragma: str) -> None:
    """Printing only reads: a read-only file or a full disk does not stop it, nor is it changed."""
    from sqlalchemy import event

    event.listen(services.db.engine, "connect", lambda connection, _record: connection.execute(pragma))
    services.db.engine.dispose()
    before = database.read_bytes()
    printed = services.documents.protocol(COMMAND_LINE, SCHOOL, MEETING)
    assert printed.data.startswith(PDF_MAGIC)
    services.db.engine.dispose()
    assert _sound(database) and database.read_bytes() == before


# Through the command line ------------------------------------------------------------------------
def _protocol(database: Path, out: Path) -> int:
    return main(["--db", str(database), "--lang", "ru", "protocol", MEETING, "--out", str(out)])


def _left_behind(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.suffix in (".pdf", ".tmp")] if folder.is_dir() else []


def test_cli_protocol_on_a_locked_database(database: Path, tmp_path: Path, quick_cli: None,
                                           locked_while_loading: Locker,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out" / "protocol.pdf"
    out.parent.mkdir()
    assert _protocol(database, out) == 1
    error = capsys.readouterr().err
    assert LockedError().render(gettext_for("ru")) in error and "Traceback" not in error
    assert not _left_behind(out.parent)
    locked_while_loading.release()
    assert _sound(database)


def test_cli_protocol_on_a_corrupted_file(database: Path, tmp_path: Path, quick_cli: None,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    _corrupt(database)
    damaged = database.read_bytes()
    out = tmp_path / "protocol.pdf"
    assert _protocol(database, out) == 1
    error = capsys.readouterr().err
    assert CorruptError().render(gettext_for("ru")) in error and "Traceback" not in error
    assert not out.exists() and database.read_bytes() == damaged


def _fails_writing(database: Path, out: Path, capsys: pytest.CaptureFixture[str], reason: str) -> str:
    before = _meetings(database)
    assert _protocol(database, out) == 1
    error = capsys.readouterr().err
    assert str(out) in error and "Не удаётся записать" in error and "Traceback" not in error
    assert gettext_for("ru")(reason) in error
    assert _sound(database) and _meetings(database) == before
    return error


def test_cli_protocol_into_a_folder_that_is_a_file(database: Path, tmp_path: Path, quick_cli: None,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "reports"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    out = blocker / "protocol.pdf"
    _fails_writing(database, out, capsys, cli_commands.WRITE_FAILURES[errno.ENOTDIR])
    assert blocker.read_text(encoding="utf-8") == "a file where the folder should be"


def test_cli_protocol_into_a_missing_folder(database: Path, tmp_path: Path, quick_cli: None,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "no-such-folder" / "protocol.pdf"
    _fails_writing(database, out, capsys, cli_commands.WRITE_FAILURES[errno.ENOENT])
    assert not out.parent.exists()


def test_cli_protocol_on_a_full_disk(database: Path, tmp_path: Path, quick_cli: None,
                                     monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The disk fills up while the PDF is flushed: the half-written temporary file is removed."""
    written: list[int] = []

    def full(descriptor: int) -> None:
        written.append(os.fstat(descriptor).st_size)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(cli_commands.os, "fsync", full)
    out = tmp_path / "protocol.pdf"
    _fails_writing(database, out, capsys, cli_commands.WRITE_FAILURES[errno.ENOSPC])
    assert written and written[0] > 0  # something was written before the disk was full
    assert not _left_behind(tmp_path)


def test_cli_protocol_over_a_read_only_file_keeps_the_old_one(database: Path, tmp_path: Path, quick_cli: None,
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "protocol.pdf"
    out.write_bytes(b"%PDF the protocol printed yesterday")

    def read_only(source: Any, target: Any) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(cli_commands.os, "replace", read_only)
    _fails_writing(database, out, capsys, cli_commands.WRITE_FAILURES[errno.EROFS])
    assert out.read_bytes() == b"%PDF the protocol printed yesterday"
    assert not (tmp_path / "protocol.pdf.tmp").exists()


def test_cli_protocol_written_whole(database: Path, tmp_path: Path, quick_cli: None,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "protocol.pdf"
    assert _protocol(database, out) == 0
    assert out.read_bytes().startswith(PDF_MAGIC) and not (tmp_path / "protocol.pdf.tmp").exists()
