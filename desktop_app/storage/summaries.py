"""Summary queries: what the lists and the Overview show, read without the whole aggregates.

A list of plans shows one line per plan: its header and how many lessons it has, not its rows; the
Overview shows counts. These queries compute that in SQL (portable Core: SQLite and PostgreSQL),
so a school with ten years of KTPs opens as fast as a small one. Whole records are read only when
one is opened (``Store.get_plan`` and friends).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import cast

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from desktop_app.domain.entities import CalendarPlan
from desktop_app.domain.entities_school import short_name
from desktop_app.storage import mapping
from desktop_app.storage import models as m
from desktop_app.storage.mapping.plans import build_plan

_PLANS = mapping.PLANS.table
_ROWS = mapping.table_of(m.PlanLessonRow)
_EVENTS = mapping.table_of(m.PlanEventRow)
_MEETINGS = mapping.MEETINGS.table
_BODIES = mapping.ASSOCIATIONS.table
_MENTORSHIPS = mapping.MENTORSHIPS.table
_VISITS = mapping.LESSON_VISITS.table
_OBSERVATIONS = mapping.table_of(m.ObservationRow)
_TEACHERS = mapping.TEACHERS.table


@dataclass(frozen=True)
class PlanSummary:
    """One line of a list of plans: the plan's header (``plan.rows`` is empty: not read) and its
    rows counted in SQL."""

    plan: CalendarPlan
    #: Rows of the plan (lessons, section and assessment rows alike: what ``len(plan.rows)`` gave).
    lessons: int


def no_children() -> mapping.Children:
    return mapping.Children({child.name: {} for child, _ in mapping.PLANS.children}, "")


def _plan_filters(school_id: str, academic_year: str | None, teachers: Collection[str] | None,
                  subject: str | None = None) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [_PLANS.c.school_id == school_id]
    if academic_year is not None:
        where.append(_PLANS.c.academic_year_id == academic_year)
    if teachers is not None:
        where.append(_PLANS.c.teacher_id.in_(sorted(teachers)))
    if subject is not None:
        where.append(_PLANS.c.subject_id == subject)
    return where


def plan_summaries(session: Session, school_id: str, academic_year: str | None = None,
                   teachers: Collection[str] | None = None, subject: str | None = None,
                   statuses: Collection[str] | None = None) -> list[PlanSummary]:
    """Plans of the school (of a year, of some teachers, of a subject, in some statuses), in the
    order they were added, each with its rows counted: one SELECT, rows not read."""
    # A count per plan from the rows' primary key (index only), the plans found by the year's index.
    lessons = (select(func.count()).select_from(_ROWS)
               .where(_ROWS.c.school_id == _PLANS.c.school_id, _ROWS.c.plan_id == _PLANS.c.id)
               .correlate(_PLANS).scalar_subquery())
    where = _plan_filters(school_id, academic_year, teachers, subject)
    if statuses is not None:
        where.append(_PLANS.c.status.in_(sorted(statuses)))
    statement = select(_PLANS, lessons.label("n_lessons")).where(*where).order_by(_PLANS.c.seq)
    empty = no_children()
    rows = cast(Sequence[mapping.Row], session.execute(statement).mappings().all())
    return [PlanSummary(build_plan(row, empty), int(row["n_lessons"])) for row in rows]


def teacher_names(session: Session, school_id: str) -> dict[str, str]:
    """The short name («Әбенова Г. С.») of each teacher of the school, archived ones too: what a
    list shows of a teacher, read without their subjects (``Store.list_teachers`` builds whole
    records, in the Kazakh order, which a list that orders by name itself does not need)."""
    t = _TEACHERS.c
    rows = session.execute(select(t.id, t.last_name, t.first_name, t.patronymic).where(t.school_id == school_id))
    return {i: short_name(last, first, patronymic) for i, last, first, patronymic in rows}


def plan_status_counts(session: Session, school_id: str, academic_year: str,
                       teachers: Collection[str] | None = None) -> dict[str, int]:
    """Plans of the year per status (the status's value)."""
    statement = (select(_PLANS.c.status, func.count())
                 .where(*_plan_filters(school_id, academic_year, teachers))
                 .group_by(_PLANS.c.status))
    return {status: int(count) for status, count in session.execute(statement)}


def last_plan_events(session: Session, school_id: str, plans: Collection[str]) -> dict[str, date]:
    """The day of the last event of each plan (when it started to wait), for the given plans."""
    if not plans:
        return {}
    statement = (select(_EVENTS.c.plan_id, func.max(_EVENTS.c.id))
                 .where(_EVENTS.c.school_id == school_id, _EVENTS.c.plan_id.in_(sorted(plans)))
                 .group_by(_EVENTS.c.plan_id))
    last_ids = {event_id: plan for plan, event_id in session.execute(statement)}
    if not last_ids:
        return {}
    found = session.execute(select(_EVENTS.c.id, _EVENTS.c.at).where(_EVENTS.c.id.in_(sorted(last_ids))))
    return {last_ids[event_id]: at.date() for event_id, at in found}


@dataclass(frozen=True)
class MeetingCounts:
    meetings: int
    finalized: int


def meeting_counts(session: Session, school_id: str, academic_year: str) -> MeetingCounts:
    """Meetings of the year's associations and council, and how many have a finalized protocol."""
    finalized = func.sum(case((_MEETINGS.c.status == "finalized", 1), else_=0))
    bodies = select(_BODIES.c.id).where(_BODIES.c.school_id == school_id, _BODIES.c.academic_year_id == academic_year)
    statement = (select(func.count(), finalized)
                 .where(_MEETINGS.c.school_id == school_id, _MEETINGS.c.body_id.in_(bodies)))
    total, done = session.execute(statement).one()
    return MeetingCounts(int(total or 0), int(done or 0))


@dataclass(frozen=True)
class OpenMeeting:
    """A meeting whose protocol is not finalized: what the Overview lists of it (not its agenda)."""

    id: str
    body: str
    number: int
    date: date
    chair: str
    secretary: str


def open_meetings(session: Session, school_id: str, bodies: Collection[str], before: date) -> list[OpenMeeting]:
    """The meetings of ``bodies`` dated before ``before`` whose protocol is not finalized, by
    association, date and number (the Overview sorts its lines itself)."""
    if not bodies:
        return []
    t = _MEETINGS
    statement = (select(t.c.id, t.c.body_id, t.c.number, t.c.date, t.c.chair_id, t.c.secretary_id)
                 .where(t.c.school_id == school_id, t.c.body_id.in_(sorted(bodies)), t.c.date < before,
                        t.c.status != "finalized")
                 .order_by(t.c.body_id, t.c.date, t.c.number, t.c.seq))
    return [OpenMeeting(str(row.id), str(row.body_id), int(row.number), row.date, str(row.chair_id),
                        str(row.secretary_id)) for row in session.execute(statement)]


def mentorship_count(session: Session, school_id: str, academic_year: str,
                     teacher: str | None = None) -> int:
    """Mentorships of the year; with ``teacher``, only those where they mentor or are mentored."""
    where = [_MENTORSHIPS.c.school_id == school_id, _MENTORSHIPS.c.academic_year_id == academic_year]
    if teacher is not None:
        where.append((_MENTORSHIPS.c.mentor_id == teacher) | (_MENTORSHIPS.c.mentee_id == teacher))
    return int(session.execute(select(func.count()).select_from(_MENTORSHIPS).where(*where)).scalar_one())


def visit_count(session: Session, school_id: str, first: date, last: date, teacher: str | None = None) -> int:
    """Lesson visits dated ``first`` … ``last``; with ``teacher``, those of their lessons or that
    they observed."""
    where = [_VISITS.c.school_id == school_id, _VISITS.c.date >= first, _VISITS.c.date <= last]
    if teacher is not None:
        observed = (select(_OBSERVATIONS.c.lesson_visit_id)
                    .where(_OBSERVATIONS.c.school_id == school_id, _OBSERVATIONS.c.observer_id == teacher))
        where.append((_VISITS.c.teacher_id == teacher) | _VISITS.c.id.in_(observed))
    return int(session.execute(select(func.count()).select_from(_VISITS).where(*where)).scalar_one())
