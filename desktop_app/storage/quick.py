"""Reading what one printed record needs without SQLAlchemy: the standard sqlite3, read-only.

`metodsovet protocol` prints one meeting; loading SQLAlchemy, the ORM models and their mappers
took longer than the whole print (issue 16). A plain SQLite file at the current schema
(``HEAD_REVISION``) is read here with the same row → record functions (storage/mapping) as the
Store, in one read transaction. Anything else gives None from :meth:`QuickReader.open`, and the
caller opens the database the usual way, which migrates an older file, refuses a newer one and
reports a damaged or busy one: a server URL, a missing file, a file at another revision, a file
that cannot be read. Values are decoded by each column's declared type as SQLAlchemy decodes them
from SQLite; tests/storage/test_quick.py checks the records equal the Store's.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar, cast

from desktop_app.domain.accounts import AuditEvent
from desktop_app.domain.district import GuestMember
from desktop_app.domain.entities import (
    AcademicYear,
    Association,
    CalendarPlan,
    Material,
    Meeting,
    School,
    Subject,
    Teacher,
)
from desktop_app.storage.mapping.accounts import build_audit
from desktop_app.storage.mapping.associations import build_association
from desktop_app.storage.mapping.base import Children, Row
from desktop_app.storage.mapping.materials import build_material
from desktop_app.storage.mapping.meetings import build_meeting
from desktop_app.storage.mapping.plans import build_plan
from desktop_app.storage.mapping.school import build_academic_year, build_school, build_subject, build_teacher
from desktop_app.storage.revision import HEAD_REVISION

T = TypeVar("T")

#: How long a read waits for a writer's lock, as the usual connection does (dialect.DEFAULT_BUSY_TIMEOUT_MS).
BUSY_TIMEOUT_SECONDS = 5.0

#: Each collection read here: its table and its child tables with their owner column, parents first,
#: as storage/mapping/kinds.py declares them (tests/storage/test_quick.py compares the two).
TABLES: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "academic_years": ("academic_years", (("academic_year_terms", "year_id"), ("academic_year_holidays", "year_id"),
                                          ("academic_year_extra_days", "year_id"))),
    "subjects": ("subjects", ()),
    "teachers": ("teachers", (("teacher_subjects", "teacher_id"),)),
    "associations": ("associations", (("association_subjects", "association_id"), ("memberships", "association_id"),
                                      ("work_plan_items", "association_id"),
                                      ("work_plan_responsible", "association_id"))),
    "meetings": ("meetings", tuple((child, "meeting_id") for child in (
        "meeting_attendance", "meeting_guests", "agenda_items", "agenda_speeches", "agenda_decisions",
        "agenda_plans", "agenda_lesson_visits", "agenda_materials", "meeting_guest_attendance"))),
    "plans": ("plans", (("plan_rows", "plan_id"),)),
    "materials": ("materials", (("material_authors", "material_id"),)),
}


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _datetime(value: str) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=UTC)  # models.UTCDateTime: read back in UTC


#: Declared type → the value SQLAlchemy gives for it (its SQLite dialect stores these as text or 0/1).
DECODERS: dict[str, Callable[[Any], Any]] = {
    "DATE": date.fromisoformat, "DATETIME": _datetime, "BOOLEAN": bool, "JSON": json.loads,
}


class QuickReader:
    """One read transaction on an SQLite file at the current schema; close it (or use ``with``)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self._columns: dict[str, tuple[list[tuple[str, Callable[[Any], Any] | None]], list[str]]] = {}

    @classmethod
    def open(cls, database: str) -> QuickReader | None:
        """The file named by ``database`` opened read-only, or None when it must be opened the usual way."""
        if "://" in database:
            return None
        path = Path(database).expanduser()
        if not path.is_file():
            return None
        try:
            connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                                         timeout=BUSY_TIMEOUT_SECONDS)
        except sqlite3.Error:
            return None
        try:
            connection.execute("BEGIN")  # every read below sees one state of the file
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        except sqlite3.Error:
            connection.close()
            return None
        if revision != [(HEAD_REVISION,)]:  # older: to be migrated; newer: to be refused
            connection.close()
            return None
        return cls(connection)

    def close(self) -> None:
        self._connection.close()  # a read transaction: nothing to commit

    def __enter__(self) -> QuickReader:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    # --- rows ---------------------------------------------------------------------------------

    def _table(self, table: str) -> tuple[list[tuple[str, Callable[[Any], Any] | None]], list[str]]:
        """The columns of ``table`` with their decoders, and its primary key in order."""
        if table not in self._columns:
            info = self._connection.execute("SELECT name, type, pk FROM pragma_table_info(?)", (table,)).fetchall()
            columns = [(name, DECODERS.get(kind.split("(")[0].upper())) for name, kind, _pk in info]
            key = [name for name, _kind, pk in sorted(info, key=lambda c: c[2]) if pk]
            self._columns[table] = columns, key
        return self._columns[table]

    def _rows(self, table: str, where: str, parameters: tuple[Any, ...], order: str) -> list[Row]:
        columns, _key = self._table(table)
        names = ", ".join(f'"{name}"' for name, _decode in columns)
        cursor = self._connection.execute(f'SELECT {names} FROM "{table}" WHERE {where} ORDER BY {order}', parameters)
        return [{name: (decode(value) if decode is not None and value is not None else value)
                 for (name, decode), value in zip(columns, row, strict=True)} for row in cursor]

    def _load(self, collection: str, build: Callable[[Row, Children], T], school_id: str,
              record_id: str | None = None) -> list[T]:
        """What Store._load gives: the parents in ``seq`` order, each child table in key order."""
        table, children = TABLES[collection]
        parameters: tuple[str, ...] = (school_id,) if record_id is None else (school_id, record_id)
        where = "school_id = ?" if record_id is None else "school_id = ? AND id = ?"
        parents = self._rows(table, where, parameters, "seq")
        if not parents:
            return []
        groups: dict[str, dict[str, list[Row]]] = {}
        for child, owner in children:
            child_where = "school_id = ?" if record_id is None else f'school_id = ? AND "{owner}" = ?'
            order = ", ".join(f'"{name}"' for name in self._table(child)[1])
            grouped: dict[str, list[Row]] = defaultdict(list)
            for row in self._rows(child, child_where, parameters, order):
                grouped[row[owner]].append(row)
            groups[child] = grouped
        records = [build(row, Children(groups, row["id"])) for row in parents]
        if "revision" in parents[0]:  # as the Store: the revision read travels with the record
            for record, row in zip(records, parents, strict=True):
                cast(Any, record).revision = row["revision"]
        return records

    # --- what a printed record reads (the Store's names and answers) ----------------------------

    def school_ids(self) -> list[str]:
        return [row[0] for row in self._connection.execute("SELECT id FROM schools ORDER BY id")]

    def get_school(self, school_id: str) -> School | None:
        rows = self._rows("schools", "id = ?", (school_id,), "id")
        return build_school(rows[0]) if rows else None

    def list_academic_years(self, school_id: str) -> list[AcademicYear]:
        return self._load("academic_years", build_academic_year, school_id)

    def list_subjects(self, school_id: str) -> list[Subject]:
        return self._load("subjects", build_subject, school_id)

    def list_teachers(self, school_id: str) -> list[Teacher]:
        return self._load("teachers", build_teacher, school_id)

    def list_associations(self, school_id: str) -> list[Association]:
        return self._load("associations", build_association, school_id)

    def get_meeting(self, school_id: str, record_id: str) -> Meeting | None:
        return next(iter(self._load("meetings", build_meeting, school_id, record_id)), None)

    def get_plan(self, school_id: str, record_id: str) -> CalendarPlan | None:
        return next(iter(self._load("plans", build_plan, school_id, record_id)), None)

    def get_material(self, school_id: str, record_id: str) -> Material | None:
        return next(iter(self._load("materials", build_material, school_id, record_id)), None)

    def last_audit(self) -> AuditEvent | None:
        rows = self._rows("audit_events", "1", (), "id DESC LIMIT 1")
        return build_audit(rows[0]) if rows else None

    def list_guests(self, school_id: str, association_id: str, language: str) -> list[GuestMember]:
        """As storage/guest_members.list_guests: an inter-school association's members from other schools."""
        rows = self._connection.execute(
            "SELECT g.member_school_id, g.teacher_id, g.since, g.until, t.last_name, t.first_name, t.patronymic,"
            " s.short_name_kk, s.name_kk, s.short_name_ru, s.name_ru FROM association_guest_members g"
            " LEFT JOIN teachers t ON t.school_id = g.member_school_id AND t.id = g.teacher_id"
            " LEFT JOIN schools s ON s.id = g.member_school_id"
            " WHERE g.school_id = ? AND g.association_id = ? ORDER BY g.member_school_id, t.last_name, g.teacher_id",
            (school_id, association_id)).fetchall()
        return [GuestMember(school, teacher, _date(since), _date(until), _full_name(last, first, patronymic),
                            _school_name(names, language))
                for school, teacher, since, until, last, first, patronymic, *names in rows]

    def guest_names(self, keys: Iterable[tuple[str, str]], language: str) -> dict[tuple[str, str], tuple[str, str]]:
        """As storage/guest_members.teacher_names: the names of teachers of other schools, where known."""
        wanted = set(keys)
        teachers: dict[tuple[str, str], str] = {}
        schools: dict[str, str] = {}
        for school, teacher in wanted:
            found = self._connection.execute(
                "SELECT last_name, first_name, patronymic FROM teachers WHERE school_id = ? AND id = ?",
                (school, teacher)).fetchone()
            teachers[school, teacher] = _full_name(*found) if found else ""
            if school not in schools:
                row = self._connection.execute("SELECT short_name_kk, name_kk, short_name_ru, name_ru FROM schools"
                                               " WHERE id = ?", (school,)).fetchone()
                schools[school] = _school_name(row, language) if row else ""
        return {key: (name, schools[key[0]]) for key, name in teachers.items()}


def _full_name(last: str | None, first: str | None, patronymic: str | None) -> str:
    return " ".join(p for p in (last, first, patronymic) if p)


def _school_name(names: Sequence[str | None], language: str) -> str:
    """short_name_kk, name_kk, short_name_ru, name_ru → the school's name in ``language``, else the other."""
    by_language = {"kk": names[:2], "ru": names[2:]}
    other = "ru" if language == "kk" else "kk"
    return next((n for n in (*by_language[language], *by_language[other]) if n), "")

