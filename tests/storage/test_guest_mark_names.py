"""Migration 0020_guest_mark_names: a mark of a member from another school (п. 21) keeps the name, so
the protocol names them should that teacher be gone. Marks made before it get the name where the
database still knows the teacher; the others keep none; a downgrade drops the column, not the marks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import sqlalchemy as sa
from alembic import command

from desktop_app.domain.entities import GuestAttendance, SchoolRecords
from desktop_app.storage import dialect
from desktop_app.storage.database import HEAD_REVISION, Database, alembic_config, to_url

BEFORE = "0019_guest_speakers"
#: Two marks as a 0019 build stored them: a teacher the database knows (the sample's own t-02 stands
#: for another school's: the table has no foreign key) and one of a school it does not have.
MARKS = [{"position": 0, "member_school_id": "school-7", "teacher_id": "t-02", "present": True, "reason": None},
         {"position": 1, "member_school_id": "school-9", "teacher_id": "t-03", "present": False, "reason": "курсы"}]


def _columns(connection: sa.Connection) -> list[str]:
    return [c["name"] for c in sa.inspect(connection).get_columns("meeting_guest_attendance")]


def _migrate(database: str, revision: str, then: Callable[[sa.Connection], None] | None = None) -> None:
    engine = dialect.create_engine(to_url(database))
    try:
        with engine.begin() as connection:
            config = alembic_config(to_url(database))
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
            if then is not None:
                then(connection)
    finally:
        engine.dispose()


def test_an_0019_database_upgrades_with_the_names_known_and_downgrades(
        new_database: Callable[..., str], sample: SchoolRecords, tmp_path: Path) -> None:
    database = new_database()
    with Database.open(database) as db, db.transaction(write=True) as store:
        store.insert_records(sample)

    def marked(connection: sa.Connection) -> None:
        assert "name" not in _columns(connection)
        table = sa.table("meeting_guest_attendance", *(sa.column(c) for c in (
            "school_id", "meeting_id", "position", "member_school_id", "teacher_id", "present", "reason")))
        connection.execute(sa.insert(table), [{"school_id": "school-7", "meeting_id": "m-math-26-1", **mark}
                                              for mark in MARKS])

    _migrate(database, BEFORE, marked)
    with Database.open(database, backup_dir=tmp_path / "backups") as db:
        assert db.revision() == HEAD_REVISION
        with db.transaction() as store:
            meeting = store.get_meeting("school-7", "m-math-26-1")
    assert meeting is not None
    assert meeting.guest_attendance == [GuestAttendance("school-7", "t-02", True),
                                        GuestAttendance("school-9", "t-03", False, "курсы")]
    assert [g.name for g in meeting.guest_attendance] == ["Қасымов Ерлан Нұрланұлы", ""]

    def unchanged(connection: sa.Connection) -> None:
        assert "name" not in _columns(connection)
        assert connection.execute(sa.text("SELECT count(*) FROM meeting_guest_attendance")).scalar() == 2

    _migrate(database, BEFORE, unchanged)


def test_a_saved_mark_keeps_its_name_as_given(db: Database, sample: SchoolRecords) -> None:
    """What the Store writes it reads back, the name included (the service fills it in)."""
    meeting = replace(sample.meetings[0], guest_attendance=[
        GuestAttendance("school-8", "t-02", True, name="Қасымов Ерлан Нұрланұлы"),
        GuestAttendance("school-8", "t-03", False, "курсы")])
    with db.transaction(write=True) as store:
        store.insert_records(replace(sample, meetings=[meeting, *sample.meetings[1:]]))
    with db.transaction() as store:
        again = store.get_meeting(sample.school.id, meeting.id)
    assert again is not None
    assert [(g.teacher, g.name) for g in again.guest_attendance] == [("t-02", "Қасымов Ерлан Нұрланұлы"), ("t-03", "")]
