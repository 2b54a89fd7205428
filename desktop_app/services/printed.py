"""A printed protocol from what it reads, and `metodsovet protocol`'s quick way to it.

DocumentService (services/documents.py) reads through the Store; :class:`QuickPrints` reads an
SQLite file at the current schema with the standard sqlite3 (storage/quick.py), so that printing
one protocol loads neither SQLAlchemy nor the other services (issue 16: the whole command ≤ 0.5 s).
Both give the same record and context, so the same bytes (tests/services/test_quick_print.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol

from desktop_app.documents.common import DocumentContext
from desktop_app.documents.protocol import build_protocol
from desktop_app.documents.verification import DOCUMENT_KINDS, Verification, verification
from desktop_app.domain.accounts import Actor, AuditEvent
from desktop_app.domain.district import GuestMember, member_on
from desktop_app.domain.entities import (
    AcademicYear,
    Association,
    CalendarPlan,
    GuestSpeaker,
    Material,
    Meeting,
    School,
    Subject,
    Teacher,
)
from desktop_app.domain.errors import NotFoundError
from desktop_app.i18n import _
from desktop_app.services.exchange.writing import dump_meeting
from desktop_app.storage.quick import QuickReader


@dataclass(frozen=True)
class PrintedDocument:
    data: bytes
    language: str
    check: Verification


class MeetingSource(Protocol):
    """What a protocol reads: the Store, or the quick reader."""

    def get_school(self, school_id: str) -> School | None: ...
    def list_teachers(self, school_id: str) -> list[Teacher]: ...
    def list_subjects(self, school_id: str) -> list[Subject]: ...
    def list_associations(self, school_id: str) -> list[Association]: ...
    def list_academic_years(self, school_id: str) -> list[AcademicYear]: ...
    def get_meeting(self, school_id: str, record_id: str) -> Meeting | None: ...
    def get_plan(self, school_id: str, record_id: str) -> CalendarPlan | None: ...
    def get_material(self, school_id: str, record_id: str) -> Material | None: ...
    def last_audit(self) -> AuditEvent | None: ...
    def list_guests(self, school_id: str, association_id: str, language: str) -> list[GuestMember]: ...
    def guest_names(self, keys: Iterable[tuple[str, str]], language: str) -> dict[tuple[str, str], tuple[str, str]]: ...


def kind_name(kind: str) -> str:
    """The kind of a printed document in the user's language («отырыс хаттамасы», «протокол заседания»)."""
    return _(DOCUMENT_KINDS[kind]) if kind in DOCUMENT_KINDS else kind


def meeting_check(meeting: Meeting) -> Verification:
    return verification("protocol", meeting.id, meeting.version, dump_meeting(meeting))


def meeting_context(source: MeetingSource, school: str, meeting: Meeting, language: str = "ru") -> DocumentContext:
    """What a protocol or an extract prints besides the meeting: the school, its people, subjects,
    associations and years, and the plans its agenda reviewed (the same as the whole school gives);
    an inter-school association's members from other schools on the meeting's day (п. 21)."""
    found_school = source.get_school(school)
    if found_school is None:
        raise NotFoundError("school", school)
    plans = (source.get_plan(school, plan) for item in meeting.agenda for plan in item.plans)
    materials = (source.get_material(school, m) for item in meeting.agenda for m in item.materials)
    guests = {(g.school, g.teacher): (g.name, g.school_name)
              for g in source.list_guests(school, meeting.body, language) if member_on(g, meeting.date)}
    referred = {(g.school, g.teacher) for g in meeting.guest_attendance} | {
        (s.speaker.school, s.speaker.teacher) for item in meeting.agenda for s in (*item.heard, *item.spoke)
        if isinstance(s.speaker, GuestSpeaker)}
    others = referred - guests.keys()
    return DocumentContext(
        guest_members=guests,
        guest_names=source.guest_names(others, language) if others else {},
        school=found_school,
        teachers={t.id: t for t in source.list_teachers(school)},
        subjects={s.id: s for s in source.list_subjects(school)},
        associations={a.id: a for a in source.list_associations(school)},
        years={y.id: y for y in source.list_academic_years(school)},
        meetings={meeting.id: meeting},
        plans={p.id: p for p in plans if p is not None},
        materials={m.id: m for m in materials if m is not None},
    )


def read_protocol(source: MeetingSource, school: str, meeting: str,
                  language: str | None = None) -> tuple[Meeting, DocumentContext, str]:
    """The meeting, what its pages name, and the head of the audit chain, read in one transaction.
    Reads the meeting and what its pages name, not the whole school: quick in a school of ten years."""
    last = source.last_audit()
    record = source.get_meeting(school, meeting)
    if record is None:
        raise NotFoundError("meeting", meeting)
    context = meeting_context(source, school, record, language or record.language.value)
    return record, context, last.hash if last else ""


def protocol_document(meeting: Meeting, ctx: DocumentContext, chain: str, language: str | None) -> PrintedDocument:
    """The protocol; the language defaults to the meeting's."""
    lang = language or meeting.language.value
    check = meeting_check(meeting).with_chain(chain)
    return PrintedDocument(build_protocol(meeting, ctx, lang, check), lang, check)


class QuickPrints:
    """A protocol printed straight from an SQLite file at the current schema, when it can be."""

    def __init__(self, reader: QuickReader) -> None:
        self._reader = reader

    @classmethod
    def open(cls, database: str) -> QuickPrints | None:
        """None: the database must be opened the usual way (a server, another revision, no such file)."""
        reader = QuickReader.open(database)
        return cls(reader) if reader is not None else None

    def close(self) -> None:
        self._reader.close()

    def __enter__(self) -> QuickPrints:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def school_ids(self, actor: Actor) -> list[str] | None:
        """The schools the user may work in, as SchoolService.list_schools gives them; None when the
        file could not be read (busy, damaged): the usual way then reports why."""
        try:
            return [s for s in self._reader.school_ids() if actor.school in (None, s)]
        except sqlite3.Error:
            return None

    def protocol(self, actor: Actor, school: str, meeting: str, language: str | None = None) -> PrintedDocument | None:
        """As DocumentService.protocol; None when the file could not be read (busy, damaged): the usual
        way then reports why."""
        actor.require_school(school)
        try:
            record, ctx, chain = read_protocol(self._reader, school, meeting, language)
        except sqlite3.Error:
            return None
        return protocol_document(record, ctx, chain, language)
