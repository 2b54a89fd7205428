"""The quick reader (storage/quick.py) gives what the Store gives, and steps aside when it must.

`metodsovet protocol` reads an SQLite file with the standard sqlite3 instead of SQLAlchemy (issue
16); the printed bytes are the same only if every record it reads equals the Store's.
"""

from __future__ import annotations

import copy
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command

from desktop_app.domain.accounts import COMMAND_LINE, AuditEvent
from desktop_app.domain.entities import SchoolRecords
from desktop_app.services import Services
from desktop_app.services.printed import QuickPrints
from desktop_app.storage import database
from desktop_app.storage.database import Database
from desktop_app.storage.mapping import kinds
from desktop_app.storage.quick import TABLES, QuickReader
from desktop_app.storage.revision import HEAD_REVISION
from tests.documents.long_school import long_records
from tests.materials_sample import add_materials

LISTED = ("academic_years", "subjects", "teachers", "associations")
SINGLE = {"meetings": "get_meeting", "plans": "get_plan", "materials": "get_material"}
MOMENT = datetime(2026, 9, 1, 8, 30, 15, 123456, tzinfo=UTC)  # read back aware, in UTC


def test_the_tables_read_are_the_stores() -> None:
    """Each collection's table and child tables, with their owner columns, as the models declare them:
    a child table added to a record is read here too, or this fails."""
    for collection, (table, children) in TABLES.items():
        kind = kinds.KINDS_BY_COLLECTION[collection]
        assert table == kind.table.name
        assert children == tuple((child.name, owner) for child, owner in kind.children), collection
    assert database.HEAD_REVISION == HEAD_REVISION


@pytest.fixture
def school_file(tmp_path: Path) -> tuple[Path, SchoolRecords]:
    """A file with the long school (materials named from the agenda, plans with JSON objectives and
    dates) and a second school holding the same ids, whose records must never be mixed in."""
    records = add_materials(long_records())
    other = copy.deepcopy(records)
    other.school = replace(other.school, id="school-other", director="t-01")
    for meeting in other.meetings:
        meeting.place = "другая школа"
    path = tmp_path / "school.sqlite3"
    with Database.open(path) as db:
        with db.transaction(write=True) as store:
            store.insert_records(records)
            store.insert_records(other)
            store.add_audit(AuditEvent(MOMENT, "cli", "test", records.school.id, "meeting", "m-long", "проверка",
                                       "", "ab" * 32))
        with db.transaction(write=True) as store:  # a saved record: its revision is read back
            saved = store.get_meeting(records.school.id, "m-math-26-1")
            assert saved is not None
            store.save_meeting(records.school.id, saved)
    return path, records


def test_every_record_read_equals_the_stores(school_file: tuple[Path, SchoolRecords]) -> None:
    path, records = school_file
    reader = QuickReader.open(str(path))
    assert reader is not None
    with reader, Database.open(path) as db, db.transaction() as store:
        assert reader.school_ids() == store.school_ids() == sorted([records.school.id, "school-other"])
        for school in reader.school_ids():
            assert reader.get_school(school) == store.get_school(school)
            for collection in LISTED:
                quick = getattr(reader, f"list_{collection}")(school)
                usual = getattr(store, f"list_{collection}")(school)
                assert quick == usual and quick, collection
                assert [getattr(r, "revision", 0) for r in quick] == [getattr(r, "revision", 0) for r in usual]
            for collection, get in SINGLE.items():
                for record in getattr(records, collection):
                    quick, usual = getattr(reader, get)(school, record.id), getattr(store, get)(school, record.id)
                    assert quick == usual and quick is not None, (collection, record.id)
                    assert getattr(quick, "revision", 0) == getattr(usual, "revision", 0)
        assert reader.get_meeting(records.school.id, "m-math-26-1").revision == 2  # type: ignore[union-attr]
        assert reader.get_meeting(records.school.id, "no-such") is None
        assert reader.get_school("no-such") is None
        last = reader.last_audit()
        assert last == store.last_audit() and last is not None and last.at == MOMENT


def test_the_same_protocol_bytes_as_the_service(school_file: tuple[Path, SchoolRecords]) -> None:
    path, records = school_file
    quick = QuickPrints.open(str(path))
    assert quick is not None
    services = Services.open(str(path))
    try:
        with quick:
            assert quick.school_ids(COMMAND_LINE) == sorted([records.school.id, "school-other"])
            assert quick.school_ids(replace(COMMAND_LINE, school="school-other")) == ["school-other"]
            for meeting in ("m-long", "m-math-26-1"):
                for language in ("kk", "ru", None):
                    printed = quick.protocol(COMMAND_LINE, records.school.id, meeting, language)
                    usual = services.documents.protocol(COMMAND_LINE, records.school.id, meeting, language)
                    assert printed == usual, (meeting, language)
    finally:
        services.close()


def _set_revision(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.close()


@pytest.mark.parametrize("revision", ["0011_server_roles", "0099_from_a_newer_program"])
def test_steps_aside_for_another_revision(school_file: tuple[Path, SchoolRecords], revision: str) -> None:
    """An older file is migrated (after a backup), a newer one refused: only the usual way does that."""
    path, _records = school_file
    _set_revision(path, revision)
    assert QuickReader.open(str(path)) is None


def test_steps_aside_for_what_it_cannot_read(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite3"
    assert QuickReader.open(str(missing)) is None and not missing.exists()  # made by the usual way
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database")
    assert QuickReader.open(str(text)) is None
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    assert QuickReader.open(str(empty)) is None  # no alembic_version
    assert QuickReader.open("postgresql://someone@localhost/metodsovet") is None


def test_the_command_still_refuses_a_newer_file_and_migrates_an_older(
        school_file: tuple[Path, SchoolRecords], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`metodsovet protocol` of a file it does not read quickly: the usual way's refusal or migration."""
    from desktop_app.cli import main

    path, records = school_file
    out = tmp_path / "p.pdf"
    argv = ["--lang", "ru", "--db", str(path), "protocol", "m-math-26-1", "--school", records.school.id,
            "--out", str(out)]
    _set_revision(path, "0099_from_a_newer_program")
    assert main(argv) == 1 and not out.exists()
    assert "0099_from_a_newer_program" in capsys.readouterr().err
    _set_revision(path, HEAD_REVISION)
    with Database.open(path) as db, db.engine.begin() as connection:  # one step back: the previous program's file
        config = database.alembic_config(db.url)
        config.attributes["connection"] = connection
        command.downgrade(config, "-1")
    assert QuickReader.open(str(path)) is None
    assert main(argv) == 0 and out.read_bytes().startswith(b"%PDF")
    assert QuickReader.open(str(path)) is not None  # migrated: quick the next time
    assert list((path.parent / "backups").glob("*pre-migration*"))


def test_a_file_it_cannot_read_is_left_to_the_usual_way(school_file: tuple[Path, SchoolRecords]) -> None:
    """A read that fails (here a table missing from a file at the current revision) gives None, not a
    traceback: the command then opens the file the usual way, which names the damage."""
    path, records = school_file
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE agenda_materials")
    connection.close()
    quick = QuickPrints.open(str(path))
    assert quick is not None
    with quick:
        assert quick.school_ids(COMMAND_LINE) is not None
        assert quick.protocol(COMMAND_LINE, records.school.id, "m-math-26-1") is None
