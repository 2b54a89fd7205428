"""Attestations and courses in the database (revision 0012_attestation): the records through the
Store's generic machinery, a certificate's bytes apart from its course (a list never reads them),
the two settings on the teachers' and the school's rows, and the SQL counts of the Overview.

Kept apart from the school's first-wave collections (``mapping.KINDS``) as events are: these are
read and written on their own and by the exchange's optional collections."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import and_, delete, func, insert, select, update

from desktop_app.domain.entities import Category
from desktop_app.domain.staff_records import (
    DEFAULT_COURSE_PERIOD_YEARS,
    Attestation,
    AttestationResult,
    Course,
    CourseFile,
    CourseKind,
    Hearing,
)
from desktop_app.storage import models as m
from desktop_app.storage.mapping.base import Children, Kind, Row, Rows, table_of
from desktop_app.storage.store import Store

_FILES = table_of(m.CourseFileRow)
_TEACHERS = table_of(m.TeacherRow)
_SCHOOLS = table_of(m.SchoolRow)
_MEETINGS = table_of(m.MeetingRow)


def _dump_attestation(school_id: str, record: Attestation) -> Rows:
    hearing = record.hearing
    return {"attestations": [{
        "school_id": school_id, "id": record.id, "academic_year_id": record.academic_year,
        "teacher_id": record.teacher, "current_category": str(record.current_category),
        "sought_category": str(record.sought_category), "applied_on": record.applied_on,
        "hearing_meeting_id": hearing.meeting if hearing else None,
        "hearing_item": hearing.item if hearing else None,
        "portfolio": json.dumps(list(record.portfolio)),
        "result": str(record.result) if record.result else None, "order_number": record.order_number,
        "order_date": record.order_date, "next_due": record.next_due,
    }]}


def _build_attestation(row: Row, children: Children) -> Attestation:
    meeting, item = row["hearing_meeting_id"], row["hearing_item"]
    return Attestation(
        id=row["id"], academic_year=row["academic_year_id"], teacher=row["teacher_id"],
        current_category=Category(row["current_category"]), sought_category=Category(row["sought_category"]),
        applied_on=row["applied_on"],
        hearing=Hearing(meeting, item) if meeting is not None and item is not None else None,
        portfolio=list(json.loads(row["portfolio"] or "[]")),
        result=AttestationResult(row["result"]) if row["result"] else None,
        order_number=row["order_number"], order_date=row["order_date"], next_due=row["next_due"])


def _dump_course(school_id: str, record: Course) -> Rows:
    file = record.file
    return {"courses": [{
        "school_id": school_id, "id": record.id, "academic_year_id": record.academic_year,
        "teacher_id": record.teacher, "kind": str(record.kind), "title": record.title,
        "provider": record.provider, "hours": record.hours, "starts_on": record.starts_on,
        "ends_on": record.ends_on, "certificate_number": record.certificate_number,
        "file_name": file.name if file else None, "file_sha256": file.sha256 if file else None,
        "file_size": file.size if file else None,
    }]}


def _build_course(row: Row, children: Children) -> Course:
    file = (CourseFile(row["file_name"], row["file_sha256"], int(row["file_size"] or 0))
            if row["file_name"] and row["file_sha256"] else None)
    return Course(
        id=row["id"], academic_year=row["academic_year_id"], teacher=row["teacher_id"],
        kind=CourseKind(row["kind"]), title=row["title"], provider=row["provider"],
        starts_on=row["starts_on"], ends_on=row["ends_on"], hours=row["hours"],
        certificate_number=row["certificate_number"], file=file)


ATTESTATIONS: Kind[Attestation] = Kind(
    "attestations", table_of(m.AttestationRow), (), _dump_attestation, _build_attestation, lambda r: r.id)
COURSES: Kind[Course] = Kind("courses", table_of(m.CourseRow), (), _dump_course, _build_course, lambda r: r.id)


def _next_id(store: Store, school_id: str, kind: Kind[object], prefix: str) -> str:
    table = kind.table
    stem = f"{prefix}-"
    used = set(store.session.execute(select(table.c.id).where(table.c.school_id == school_id)).scalars())
    numbers = [int(i[len(stem):]) for i in used if i.startswith(stem) and i[len(stem):].isdigit()]
    candidate = max(numbers, default=0) + 1
    while f"{stem}{candidate}" in used:
        candidate += 1
    return f"{stem}{candidate}"


# --- attestations --------------------------------------------------------------------------------


def list_attestations(store: Store, school_id: str, academic_year: str | None = None,
                      teacher: str | None = None) -> list[Attestation]:
    table = ATTESTATIONS.table
    where = []
    if academic_year is not None:
        where.append(table.c.academic_year_id == academic_year)
    if teacher is not None:
        where.append(table.c.teacher_id == teacher)
    return store._load(ATTESTATIONS, school_id, *where, order_by=(table.c.academic_year_id,))


def get_attestation(store: Store, school_id: str, record_id: str) -> Attestation | None:
    return store._get(ATTESTATIONS, school_id, record_id)


def save_attestation(store: Store, school_id: str, record: Attestation) -> None:
    store._save(ATTESTATIONS, school_id, record)


def delete_attestation(store: Store, school_id: str, record_id: str) -> None:
    store._delete(ATTESTATIONS, school_id, record_id)


def next_attestation_id(store: Store, school_id: str) -> str:
    return _next_id(store, school_id, ATTESTATIONS, "att")  # type: ignore[arg-type]


def attestation_due(store: Store, school_id: str) -> dict[str, date]:
    """Each teacher's next attestation as the register set it (teachers without one left out)."""
    statement = select(_TEACHERS.c.id, _TEACHERS.c.attestation_due).where(
        _TEACHERS.c.school_id == school_id, _TEACHERS.c.attestation_due.is_not(None))
    return {row.id: row.attestation_due for row in store.session.execute(statement)}


def set_attestation_due(store: Store, school_id: str, teacher: str, due: date | None) -> None:
    store.session.execute(update(_TEACHERS).where(_TEACHERS.c.school_id == school_id, _TEACHERS.c.id == teacher)
                          .values(attestation_due=due))


def hearing_dates(store: Store, school_id: str, academic_year: str) -> dict[str, date]:
    """The date of each meeting that hears an attestation of the year (one SELECT)."""
    table = ATTESTATIONS.table
    statement = (select(_MEETINGS.c.id, _MEETINGS.c.date)
                 .join(table, and_(table.c.school_id == _MEETINGS.c.school_id,
                                   table.c.hearing_meeting_id == _MEETINGS.c.id))
                 .where(table.c.school_id == school_id, table.c.academic_year_id == academic_year))
    return {row.id: row.date for row in store.session.execute(statement)}


def open_after_hearing(store: Store, school_id: str, academic_year: str, today: date) -> int:
    """Attestations of the year heard before ``today`` that still have no result (a COUNT)."""
    table = ATTESTATIONS.table
    statement = (select(func.count()).select_from(table)
                 .join(_MEETINGS, and_(table.c.school_id == _MEETINGS.c.school_id,
                                       table.c.hearing_meeting_id == _MEETINGS.c.id))
                 .where(table.c.school_id == school_id, table.c.academic_year_id == academic_year,
                        table.c.result.is_(None), _MEETINGS.c.date < today))
    return int(store.session.execute(statement).scalar() or 0)


# --- courses -------------------------------------------------------------------------------------


def list_courses(store: Store, school_id: str, academic_year: str | None = None,
                 teacher: str | None = None) -> list[Course]:
    table = COURSES.table
    where = []
    if academic_year is not None:
        where.append(table.c.academic_year_id == academic_year)
    if teacher is not None:
        where.append(table.c.teacher_id == teacher)
    return store._load(COURSES, school_id, *where, order_by=(table.c.starts_on,))


def get_course(store: Store, school_id: str, record_id: str) -> Course | None:
    return store._get(COURSES, school_id, record_id)


def save_course(store: Store, school_id: str, record: Course, content: bytes | None = None) -> None:
    """Save the course; ``content`` replaces its file's bytes, a course without a file loses them."""
    store._save(COURSES, school_id, record)
    if record.file is None:
        remove_file(store, school_id, record.id)
    elif content is not None:
        remove_file(store, school_id, record.id)
        store.session.execute(insert(_FILES), [{"school_id": school_id, "course_id": record.id,
                                                "content": content}])


def delete_course(store: Store, school_id: str, record_id: str) -> None:
    remove_file(store, school_id, record_id)
    store._delete(COURSES, school_id, record_id)


def next_course_id(store: Store, school_id: str) -> str:
    return _next_id(store, school_id, COURSES, "crs")  # type: ignore[arg-type]


def course_content(store: Store, school_id: str, record_id: str) -> bytes | None:
    statement = select(_FILES.c.content).where(_FILES.c.school_id == school_id, _FILES.c.course_id == record_id)
    value = store.session.execute(statement).scalar()
    return None if value is None else bytes(value)


def remove_file(store: Store, school_id: str, record_id: str) -> None:
    store.session.execute(delete(_FILES).where(_FILES.c.school_id == school_id, _FILES.c.course_id == record_id))


def last_course_ends(store: Store, school_id: str) -> dict[str, date]:
    """Each teacher's latest course end (a GROUP BY; teachers without a course left out)."""
    table = COURSES.table
    statement = (select(table.c.teacher_id, func.max(table.c.ends_on).label("last"))
                 .where(table.c.school_id == school_id).group_by(table.c.teacher_id))
    return {row.teacher_id: row.last for row in store.session.execute(statement)}


def overdue_courses(store: Store, school_id: str, before: date) -> int:
    """Active teachers whose latest course ended before ``before`` (today less the period): a COUNT."""
    table = COURSES.table
    last = (select(table.c.teacher_id, func.max(table.c.ends_on).label("last"))
            .join(_TEACHERS, and_(_TEACHERS.c.school_id == table.c.school_id, _TEACHERS.c.id == table.c.teacher_id))
            .where(table.c.school_id == school_id, _TEACHERS.c.active.is_(True))
            .group_by(table.c.teacher_id).subquery())
    statement = select(func.count()).select_from(last).where(last.c.last < before)
    return int(store.session.execute(statement).scalar() or 0)


# --- the school's period between courses ---------------------------------------------------------


def course_period(store: Store, school_id: str) -> int:
    value = store.session.execute(select(_SCHOOLS.c.course_period_years).where(_SCHOOLS.c.id == school_id)).scalar()
    return int(value) if value is not None else DEFAULT_COURSE_PERIOD_YEARS


def set_course_period(store: Store, school_id: str, years: int) -> None:
    store.session.execute(update(_SCHOOLS).where(_SCHOOLS.c.id == school_id).values(course_period_years=years))
