"""The optional ``attestations`` and ``courses`` collections of an exchange document (version 2):
the attestation register (п. 10.7) and professional development, written after the school's other
records and read after them, checked by the rules of domain/staff_records.py before anything is
written. A certificate's file travels as a material's does: base64 with its SHA-256."""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from desktop_app.domain import staff_records as rules
from desktop_app.domain.entities import Category
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.domain.staff_records import (
    Attestation,
    AttestationResult,
    Course,
    CourseFile,
    CourseKind,
    Hearing,
)
from desktop_app.services.exchange.problems import ExchangeError, Problem
from desktop_app.storage import staff as stored
from desktop_app.storage.store import Store

JSON = dict[str, Any]
ATTESTATIONS = "attestations"
COURSES = "courses"


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _day(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(value)


def dump_attestation(record: Attestation) -> JSON:
    """Every key written, in the schema's order."""
    order = ({"number": record.order_number, "date": record.order_date.isoformat()}
             if record.order_number and record.order_date else None)
    return {
        "id": record.id, "academic_year": record.academic_year, "teacher": record.teacher,
        "current_category": str(record.current_category), "sought_category": str(record.sought_category),
        "applied_on": _iso(record.applied_on),
        "hearing": {"meeting": record.hearing.meeting, "item": record.hearing.item} if record.hearing else None,
        "portfolio": list(record.portfolio), "result": str(record.result) if record.result else None,
        "order": order, "next_due": _iso(record.next_due),
    }


def read_attestation(item: JSON) -> Attestation:
    hearing, order = item.get("hearing"), item.get("order")
    return Attestation(
        id=item["id"], academic_year=item["academic_year"], teacher=item["teacher"],
        current_category=Category(item["current_category"]), sought_category=Category(item["sought_category"]),
        applied_on=_day(item.get("applied_on")),
        hearing=Hearing(hearing["meeting"], hearing["item"]) if hearing else None,
        portfolio=list(item.get("portfolio", [])),
        result=AttestationResult(item["result"]) if item.get("result") else None,
        order_number=order["number"] if order else None, order_date=_day(order["date"]) if order else None,
        next_due=_day(item.get("next_due")))


def dump_course(record: Course, content: bytes | None) -> JSON:
    file = None
    if record.file is not None and content is not None:
        file = {"name": record.file.name, "sha256": record.file.sha256,
                "data": base64.b64encode(content).decode("ascii")}
    return {
        "id": record.id, "academic_year": record.academic_year, "teacher": record.teacher,
        "kind": str(record.kind), "title": record.title, "provider": record.provider, "hours": record.hours,
        "starts_on": record.starts_on.isoformat(), "ends_on": record.ends_on.isoformat(),
        "certificate_number": record.certificate_number, "file": file,
    }


def read_course(item: JSON, path: str) -> tuple[Course, bytes | None]:
    """An item the schema accepted, as a record and its file's bytes; bytes whose SHA-256 is not
    the one written are refused (a file damaged on the way)."""
    content: bytes | None = None
    file = None
    if item.get("file") is not None:
        raw = item["file"]
        try:
            content = base64.b64decode(raw["data"], validate=True)
        except (binascii.Error, ValueError):
            content = b""
        if hashlib.sha256(content).hexdigest() != raw["sha256"]:
            raise ExchangeError([Problem(f"{path}.file.data", item["id"], Rule.COURSE,
                                         N_("The attached file does not match its SHA-256"), {})])
        file = CourseFile(raw["name"], raw["sha256"], len(content))
    return Course(
        id=item["id"], academic_year=item["academic_year"], teacher=item["teacher"], kind=CourseKind(item["kind"]),
        title=item["title"], provider=item["provider"], hours=item.get("hours"),
        starts_on=date.fromisoformat(item["starts_on"]), ends_on=date.fromisoformat(item["ends_on"]),
        certificate_number=item.get("certificate_number"), file=file), content


def _problem(key: str, error: DomainError, index: int) -> Problem:
    path = f"{key}[{index}]" + (f".{error.field}" if error.field else "")
    return Problem(path, error.record, error.rule, error.message, dict(error.params))


def _reference(key: str, index: int, field: str, record: str, kind: str, value: str) -> Problem:
    return Problem(f"{key}[{index}].{field}", record, Rule.REFERENCE, N_("Not found: {kind} {id}"),
                   {"kind": kind, "id": value})


def _unique(key: str, ids: list[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, record in enumerate(ids):
        if record in seen:
            yield Problem(f"{key}[{index}].id", record, Rule.UNIQUE_ID, N_("The id {id} is used twice"),
                          {"id": record})
        seen.add(record)


def _attestation_problems(store: Store, school: str, records: list[Attestation]) -> Iterator[Problem]:
    teachers = {t.id for t in store.list_teachers(school)}
    years = {y.id: y for y in store.list_academic_years(school)}
    bodies = {b.id: b for b in store.list_associations(school)}
    meetings = {m.id: m for m in store.list_meetings(school)}
    yield from _unique(ATTESTATIONS, [r.id for r in records])
    for index, record in enumerate(records):
        if record.teacher not in teachers:
            yield _reference(ATTESTATIONS, index, "teacher", record.id, "teacher", record.teacher)
        year = years.get(record.academic_year)
        if year is None:
            yield _reference(ATTESTATIONS, index, "academic_year", record.id, "academic year", record.academic_year)
        errors = [*rules.attestation_errors(record, year), *rules.one_open_per_year(record, records[:index]),
                  *rules.hearing_errors(record, meetings, bodies)]
        yield from (_problem(ATTESTATIONS, error, index) for error in errors)


def import_attestations(store: Store, school: str, items: Iterable[JSON]) -> int:
    """Check every attestation and write them all, or refuse the document with every problem
    found; each teacher's next attestation follows the latest result. The count written."""
    records = [read_attestation(item) for item in items]
    problems = list(_attestation_problems(store, school, records))
    if problems:
        raise ExchangeError(problems)
    due: dict[str, date] = {}
    for record in records:
        stored.save_attestation(store, school, record)
        if record.next_due is not None and (record.teacher not in due or record.next_due > due[record.teacher]):
            due[record.teacher] = record.next_due
    for teacher, day in due.items():
        stored.set_attestation_due(store, school, teacher, day)
    return len(records)


def import_courses(store: Store, school: str, items: Iterable[JSON]) -> int:
    """Check every course and write them all with their files, or refuse the document."""
    read = [read_course(item, f"{COURSES}[{index}]") for index, item in enumerate(items)]
    teachers = {t.id for t in store.list_teachers(school)}
    years = {y.id: y for y in store.list_academic_years(school)}
    problems = list(_unique(COURSES, [c.id for c, _ in read]))
    for index, (course, content) in enumerate(read):
        if course.teacher not in teachers:
            problems.append(_reference(COURSES, index, "teacher", course.id, "teacher", course.teacher))
        year = years.get(course.academic_year)
        if year is None:
            problems.append(_reference(COURSES, index, "academic_year", course.id, "academic year",
                                       course.academic_year))
        errors = rules.course_errors(course, year)
        if course.file is not None and content is not None:
            errors += rules.file_errors(course, course.file.name, len(content))
        problems += [_problem(COURSES, error, index) for error in errors]
    if problems:
        raise ExchangeError(problems)
    for course, content in read:
        stored.save_course(store, school, course, content)
    return len(read)


def export_attestations(store: Store, school: str) -> list[JSON]:
    return [dump_attestation(a) for a in stored.list_attestations(store, school)]


def export_courses(store: Store, school: str) -> list[JSON]:
    return [dump_course(c, stored.course_content(store, school, c.id) if c.file else None)
            for c in stored.list_courses(store, school)]
