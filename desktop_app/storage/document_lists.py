"""What the documents section lists of the KTPs, the protocols and the lesson visits, read
without the records.

A KTP: one heading per plan (whose, which subject and grade, its classes, its language and the day
it was approved), read from the plans' table alone — neither the rows nor their count, which a list
of printable documents does not show. A protocol: its number, date, language and status and the
number and title of each agenda item (one extract each) — not who spoke or what was decided. A
visit: the lesson and who observed it — not what they wrote.

Headings are named tuples, not dataclasses: a large school's year lists ~1000 of them, and a
frozen dataclass takes several times as long to make.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import ColumnElement, String, Text, select, type_coerce
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import Session

from desktop_app.domain.entities import Language, LessonVisit, Meeting, MeetingStatus, VisitKind
from desktop_app.storage import mapping
from desktop_app.storage import models as m
from desktop_app.storage.plan_pages import classes_of

_PLANS = mapping.PLANS.table
_MEETINGS = mapping.MEETINGS.table
_BODIES = mapping.ASSOCIATIONS.table
_ITEMS = mapping.table_of(m.AgendaItemRow)
_VISITS = mapping.LESSON_VISITS.table
_OBSERVATIONS = mapping.table_of(m.ObservationRow)


class PlanHeading(NamedTuple):
    id: str
    teacher: str
    subject: str
    academic_year: str
    grade: int
    language: Language
    classes: tuple[str, ...]
    approved_on: date | None  # None until the director approves it


def plan_headings(session: Session, school_id: str, academic_year: str | None,
                  teachers: Collection[str] | None) -> list[PlanHeading]:
    """The plans of the school (of a year; of some teachers when ``teachers`` is not None) in the
    order they were added, as ``Store.plans_of`` gives them. A year has a few distinct lists of
    classes and days of approval among its ~1000 plans: each is read from its stored text once."""
    t = _PLANS
    where: list[ColumnElement[bool]] = [t.c.school_id == school_id]
    if academic_year is not None:
        where.append(t.c.academic_year_id == academic_year)
    if teachers is not None:
        where.append(t.c.teacher_id.in_(sorted(teachers)))
    # The day as stored (SQLite: ISO text; a server gives a date) rather than through the type's
    # parser at every plan; the classes as their JSON text (``classes_of``).
    statement = (select(t.c.id, t.c.teacher_id, t.c.subject_id, t.c.academic_year_id, t.c.grade, t.c.language,
                        sql_cast(t.c.classes, Text), t.c.approved_by, type_coerce(t.c.approved_on, String))
                 .where(*where).order_by(t.c.seq))
    return [PlanHeading(id_, teacher, subject, year, grade, _LANGUAGES[language], classes_of(classes),
                        _day(approved_on) if approved_by is not None else None)
            for id_, teacher, subject, year, grade, language, classes, approved_by, approved_on
            in session.execute(statement).all()]


_LANGUAGES = {language.value: language for language in Language}
_VISIT_KINDS = {kind.value: kind for kind in VisitKind}


class MeetingHeading(NamedTuple):
    id: str
    body: str
    number: int
    date: date
    language: Language
    status: MeetingStatus
    #: The number and title of each agenda item, in the protocol's order.
    items: tuple[tuple[int, str], ...]

    @classmethod
    def of(cls, meeting: Meeting) -> MeetingHeading:
        """The heading of a protocol read whole."""
        return cls(meeting.id, meeting.body, meeting.number, meeting.date, meeting.language, meeting.status,
                   tuple((item.number, item.title) for item in meeting.agenda))


def meeting_headings(session: Session, school_id: str, academic_year: str) -> list[MeetingHeading]:
    """The protocols of the year's associations and council: two SELECTs (the meetings, their
    items' numbers and titles), in the order they were added."""
    bodies = select(_BODIES.c.id).where(_BODIES.c.school_id == school_id, _BODIES.c.academic_year_id == academic_year)
    t = _MEETINGS
    of_year = (t.c.school_id == school_id, t.c.body_id.in_(bodies))
    items: dict[str, list[tuple[int, str]]] = {}
    statement = (select(_ITEMS.c.meeting_id, _ITEMS.c.number, _ITEMS.c.title)
                 .where(_ITEMS.c.school_id == school_id, _ITEMS.c.meeting_id.in_(select(t.c.id).where(*of_year)))
                 .order_by(_ITEMS.c.meeting_id, _ITEMS.c.position))
    for meeting, number, title in session.execute(statement).all():
        items.setdefault(meeting, []).append((int(number), title))
    statement = (select(t.c.id, t.c.body_id, t.c.number, t.c.date, t.c.language, t.c.status)
                 .where(*of_year).order_by(t.c.seq))
    return [MeetingHeading(id_, body, int(number), day, _LANGUAGES[language], MeetingStatus(status),
                           tuple(items.get(id_, ())))
            for id_, body, number, day, language, status in session.execute(statement).all()]


class VisitHeading(NamedTuple):
    """A lesson visit as the documents section lists it: the lesson, and who observed it (which
    decides who may read it: ``services.visits.seen_by``)."""

    id: str
    kind: VisitKind
    teacher: str
    subject: str
    date: date
    topic: str
    class_name: str | None
    association: str | None
    observers: tuple[str, ...]

    @classmethod
    def of(cls, visit: LessonVisit) -> VisitHeading:
        """The heading of a visit read whole."""
        return cls(visit.id, visit.kind, visit.teacher, visit.subject, visit.date, visit.topic, visit.class_name,
                   visit.association, visit.observers)


def visit_headings(session: Session, school_id: str, first: date, last: date) -> list[VisitHeading]:
    """The visits dated ``first`` … ``last`` in the order they were added (``Store.list_lesson_visits``),
    with their observers: two SELECTs, and none of the observations' texts."""
    t = _VISITS
    in_window = (t.c.school_id == school_id, t.c.date >= first, t.c.date <= last)
    observers: dict[str, list[str]] = {}
    statement = (select(_OBSERVATIONS.c.lesson_visit_id, _OBSERVATIONS.c.observer_id)
                 .where(_OBSERVATIONS.c.school_id == school_id,
                        _OBSERVATIONS.c.lesson_visit_id.in_(select(t.c.id).where(*in_window)))
                 .order_by(_OBSERVATIONS.c.lesson_visit_id, _OBSERVATIONS.c.position))
    for visit, observer in session.execute(statement).all():
        observers.setdefault(visit, []).append(observer)
    # The day as stored, as in ``plan_headings``.
    statement = (select(t.c.id, t.c.kind, t.c.teacher_id, t.c.subject_id, type_coerce(t.c.date, String), t.c.topic,
                        t.c.class_name, t.c.association_id)
                 .where(*in_window).order_by(t.c.seq))
    return [VisitHeading(id_, _VISIT_KINDS[kind], teacher, subject, _on(day), topic, class_name, association,
                         tuple(observers.get(id_, ())))
            for id_, kind, teacher, subject, day, topic, class_name, association in session.execute(statement).all()]


def _day(value: str | date | None) -> date | None:
    return None if value is None else _on(value)


@lru_cache(maxsize=4096)
def _on(value: str | date) -> date:
    """A day as a server gives it, or from the ISO text SQLite stores: a year has a few hundred."""
    return value if isinstance(value, date) else date.fromisoformat(value)
