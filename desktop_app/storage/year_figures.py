"""The figures of a year's annual analysis (issue 20 point 3), counted in SQL (portable Core: SQLite
and PostgreSQL) from the year's records, for one association or for the whole school.

Every query is a grouped count over a few columns; no record is loaded whole. What "on time"
means is fixed in domain/annual_analysis.py (a protocol finalized within ``PROTOCOL_DAYS`` of its
meeting; a KTP approved before 1 September). The scope's teachers are the members of the
association during the year (for the school: every active teacher).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, distinct, func, or_, select
from sqlalchemy.orm import Session

from desktop_app.domain.annual_analysis import KTP_DEADLINE, PROTOCOL_DAYS
from desktop_app.domain.entities import LocalizedText
from desktop_app.domain.year_figures import (
    OPEN_KINDS,
    BodyMeetings,
    ItemMarks,
    MentoringFigures,
    PlanFigures,
    StaffFigures,
    TeacherVisits,
    VisitFigures,
    YearFigures,
)
from desktop_app.storage import models as m

_YEARS = m.AcademicYearRow.__table__
_BODIES = m.AssociationRow.__table__
_MEMBERS = m.MembershipRow.__table__
_TEACHERS = m.TeacherRow.__table__
_ITEMS = m.WorkPlanItemRow.__table__
_MEETINGS = m.MeetingRow.__table__
_AUDIT = m.AuditEventRow.__table__
_PLANS = m.PlanRecordRow.__table__
_PLAN_EVENTS = m.PlanEventRow.__table__
_VISITS = m.LessonVisitRow.__table__
_OBSERVATIONS = m.ObservationRow.__table__
_MENTORSHIPS = m.MentorshipRow.__table__
_SESSIONS = m.MentorshipSessionRow.__table__
_ATTESTATIONS = m.AttestationRow.__table__
_COURSES = m.CourseRow.__table__
_SCHOOLS = m.SchoolRow.__table__
_EVENTS = m.EventRow.__table__
_MATERIALS = m.MaterialRow.__table__
_OLYMPIADS = m.OlympiadResultRow.__table__

def _pairs(rows: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """(key, count) rows as a list: ``dict(result)`` would take a result with ``keys()`` for a mapping."""
    return [(key, int(count)) for key, count in rows]


def _month(day: date) -> date:
    return day.replace(day=1)


def _scope(session: Session, school: str, year: str, association: str | None,
           start: date, end: date) -> tuple[list[str], dict[str, set[str]], list[str]]:
    """The associations counted, their members during the year, and the scope's teachers."""
    bodies = [row[0] for row in session.execute(
        select(_BODIES.c.id).where(_BODIES.c.school_id == school, _BODIES.c.academic_year_id == year,
                                   *([_BODIES.c.id == association] if association else []))
        .order_by(_BODIES.c.seq))]
    members: dict[str, set[str]] = {body: set() for body in bodies}
    for body, teacher in session.execute(
            select(_MEMBERS.c.association_id, _MEMBERS.c.teacher_id).where(
                _MEMBERS.c.school_id == school, _MEMBERS.c.association_id.in_(bodies),
                or_(_MEMBERS.c.until.is_(None), _MEMBERS.c.until >= start),
                or_(_MEMBERS.c.since.is_(None), _MEMBERS.c.since <= end))):
        members[body].add(teacher)
    if association:
        teachers = sorted(members.get(association, set()))
    else:
        teachers = [row[0] for row in session.execute(
            select(_TEACHERS.c.id).where(_TEACHERS.c.school_id == school, _TEACHERS.c.active)
            .order_by(_TEACHERS.c.seq))]
    return bodies, members, teachers


def _meetings(session: Session, school: str, bodies: list[str]) -> list[BodyMeetings]:
    """An association is of one year: all its meetings are the year's, the August one too."""
    planned = dict(_pairs(session.execute(
        select(_ITEMS.c.association_id, func.count()).where(
            _ITEMS.c.school_id == school, _ITEMS.c.association_id.in_(bodies), _ITEMS.c.form == "meeting")
        .group_by(_ITEMS.c.association_id)).tuples()))
    finalized_at = (select(_AUDIT.c.record_id, func.min(_AUDIT.c.at).label("at"))
                    .where(_AUDIT.c.school_id == school, _AUDIT.c.record_kind == "meeting",
                           _AUDIT.c.action == "meeting.finalized")
                    .group_by(_AUDIT.c.record_id).subquery())
    held: Counter[str] = Counter()
    finalized: Counter[str] = Counter()
    on_time: Counter[str] = Counter()
    rows = session.execute(
        select(_MEETINGS.c.body_id, _MEETINGS.c.status, _MEETINGS.c.date, finalized_at.c.at)
        .outerjoin(finalized_at, finalized_at.c.record_id == _MEETINGS.c.id)
        .where(_MEETINGS.c.school_id == school, _MEETINGS.c.body_id.in_(bodies),
               _MEETINGS.c.status != "draft"))
    for body, status, day, at in rows:
        held[body] += 1
        if status == "finalized":
            finalized[body] += 1
            if at is not None and at.date() <= day + timedelta(days=PROTOCOL_DAYS):
                on_time[body] += 1
    return [BodyMeetings(b, int(planned.get(b, 0)), held[b], finalized[b], on_time[b]) for b in bodies]


def _plans(session: Session, school: str, year: str, teachers: list[str], start: date) -> PlanFigures:
    where = (_PLANS.c.school_id == school, _PLANS.c.academic_year_id == year, _PLANS.c.teacher_id.in_(teachers))
    deadline = date(start.year, *KTP_DEADLINE)
    by_status = dict(_pairs(session.execute(select(_PLANS.c.status, func.count()).where(*where)
                                     .group_by(_PLANS.c.status)).tuples()))
    total = sum(by_status.values())
    returned = session.execute(select(func.count(distinct(_PLAN_EVENTS.c.plan_id))).join(
        _PLANS, and_(_PLANS.c.school_id == _PLAN_EVENTS.c.school_id, _PLANS.c.id == _PLAN_EVENTS.c.plan_id))
        .where(*where, _PLAN_EVENTS.c.to_status == "returned")).scalar() or 0
    agreed = session.execute(select(func.count()).where(*where, _PLANS.c.agreed_on.is_not(None))).scalar() or 0
    months: Counter[date] = Counter()
    on_time = late = 0
    for day, count in session.execute(select(_PLANS.c.approved_on, func.count())
                                      .where(*where, _PLANS.c.approved_on.is_not(None))
                                      .group_by(_PLANS.c.approved_on)):
        months[_month(day)] += int(count)
        if day < deadline:
            on_time += int(count)
        else:
            late += int(count)
    return PlanFigures(total, total - int(by_status.get("draft", 0)), int(returned), int(agreed), on_time + late,
                       on_time, late, deadline, dict(sorted(months.items())))


def _visits(session: Session, school: str, teachers: list[str], members: dict[str, set[str]],
            start: date, end: date) -> VisitFigures:
    in_year = (_VISITS.c.school_id == school, _VISITS.c.date.between(start, end))
    is_open = _VISITS.c.kind.in_(OPEN_KINDS)
    lessons: dict[str, tuple[int, int]] = {}
    last: dict[str, date] = {}  # each teacher's last lesson visited in the year
    for teacher, opened, mutual, latest in session.execute(
            select(_VISITS.c.teacher_id, func.count().filter(is_open), func.count().filter(~is_open),
                   func.max(_VISITS.c.date))
            .where(*in_year).group_by(_VISITS.c.teacher_id)):
        lessons[teacher] = (int(opened), int(mutual))
        last[teacher] = latest
    joined = _OBSERVATIONS.join(_VISITS, and_(_VISITS.c.school_id == _OBSERVATIONS.c.school_id,
                                              _VISITS.c.id == _OBSERVATIONS.c.lesson_visit_id))
    received = dict(_pairs(session.execute(select(_VISITS.c.teacher_id, func.count()).select_from(joined)
                                    .where(*in_year).group_by(_VISITS.c.teacher_id)).tuples()))
    given = dict(_pairs(session.execute(select(_OBSERVATIONS.c.observer_id, func.count()).select_from(joined)
                                 .where(*in_year).group_by(_OBSERVATIONS.c.observer_id)).tuples()))
    scope = set(teachers)
    with_advice: ColumnElement[bool] = and_(_OBSERVATIONS.c.recommendations.is_not(None),
                                            func.trim(_OBSERVATIONS.c.recommendations) != "",
                                            _VISITS.c.teacher_id.in_(teachers))
    # Advice is followed up when a later lesson of the same teacher was visited in the year: its day
    # is before the teacher's last visited lesson (not a subquery per observation, which scanned the
    # year's visits for each: 7 ms for a large school).
    advised = followed_up = 0
    for teacher, day, count in session.execute(
            select(_VISITS.c.teacher_id, _VISITS.c.date, func.count()).select_from(joined)
            .where(*in_year, with_advice).group_by(_VISITS.c.teacher_id, _VISITS.c.date)):
        advised += int(count)
        followed_up += int(count) if day < last[teacher] else 0
    by_body = {body: (sum(lessons.get(t, (0, 0))[0] for t in people), sum(lessons.get(t, (0, 0))[1] for t in people))
               for body, people in members.items()}
    return VisitFigures(
        open_lessons=sum(lessons.get(t, (0, 0))[0] for t in scope),
        mutual_visits=sum(lessons.get(t, (0, 0))[1] for t in scope),
        by_association=by_body,
        teachers=[TeacherVisits(t, lessons.get(t, (0, 0))[0], int(received.get(t, 0)), int(given.get(t, 0)))
                  for t in teachers],
        never_visited=[t for t in teachers if not received.get(t)],
        recommendations=int(advised), followed_up=int(followed_up))


def _mentoring(session: Session, school: str, year: str, teachers: list[str]) -> MentoringFigures:
    where = (_MENTORSHIPS.c.school_id == school, _MENTORSHIPS.c.academic_year_id == year,
             or_(_MENTORSHIPS.c.mentee_id.in_(teachers), _MENTORSHIPS.c.mentor_id.in_(teachers)))
    has_conclusion = and_(_MENTORSHIPS.c.conclusion.is_not(None), func.trim(_MENTORSHIPS.c.conclusion) != "")
    pairs, completed, conclusions = session.execute(
        select(func.count(), func.count().filter(_MENTORSHIPS.c.status == "completed"),
               func.count().filter(has_conclusion)).where(*where)).one()
    months: Counter[date] = Counter()
    for day, count in session.execute(
            select(_SESSIONS.c.date, func.count()).join(_MENTORSHIPS, and_(
                _MENTORSHIPS.c.school_id == _SESSIONS.c.school_id, _MENTORSHIPS.c.id == _SESSIONS.c.mentorship_id))
            .where(*where).group_by(_SESSIONS.c.date)):
        months[_month(day)] += int(count)
    return MentoringFigures(int(pairs), int(completed), int(conclusions), dict(sorted(months.items())))


def _staff(session: Session, school: str, year: str, teachers: list[str], start: date, end: date) -> StaffFigures:
    """This year's categories as the staff list holds them; last year's: a teacher attested this year
    had the attestation's ``current_category``; one whose category was awarded during the year with no
    attestation on record had none; everyone else had the category they hold now."""
    attested = (select(_ATTESTATIONS.c.teacher_id, func.max(_ATTESTATIONS.c.current_category).label("before"))
                .where(_ATTESTATIONS.c.school_id == school, _ATTESTATIONS.c.academic_year_id == year,
                       _ATTESTATIONS.c.result.is_not(None))
                .group_by(_ATTESTATIONS.c.teacher_id).subquery())
    awarded_in_year = _TEACHERS.c.category_awarded.between(start, end)
    now: Counter[str] = Counter()
    last: Counter[str] = Counter()
    for category, before, new, count in session.execute(
            select(_TEACHERS.c.category, attested.c.before, awarded_in_year, func.count())
            .outerjoin(attested, attested.c.teacher_id == _TEACHERS.c.id)
            .where(_TEACHERS.c.school_id == school, _TEACHERS.c.id.in_(teachers))
            .group_by(_TEACHERS.c.category, attested.c.before, awarded_in_year)):
        now[category] += int(count)
        last[before or ("none" if new else category)] += int(count)
    due = session.execute(select(func.count()).where(
        _TEACHERS.c.school_id == school, _TEACHERS.c.id.in_(teachers),
        _TEACHERS.c.attestation_due.between(start, end))).scalar() or 0
    done, awarded = session.execute(select(
        func.count().filter(_ATTESTATIONS.c.result.is_not(None)),
        func.count().filter(_ATTESTATIONS.c.result == "awarded")).where(
        _ATTESTATIONS.c.school_id == school, _ATTESTATIONS.c.academic_year_id == year,
        _ATTESTATIONS.c.teacher_id.in_(teachers))).one()
    period = session.execute(select(_SCHOOLS.c.course_period_years).where(_SCHOOLS.c.id == school)).scalar() or 3
    since = end.replace(year=end.year - int(period)) if not (end.month == 2 and end.day == 29) else \
        date(end.year - int(period), 2, 28)
    covered = session.execute(select(func.count(distinct(_COURSES.c.teacher_id))).where(
        _COURSES.c.school_id == school, _COURSES.c.teacher_id.in_(teachers),
        _COURSES.c.ends_on > since, _COURSES.c.ends_on <= end)).scalar() or 0
    courses, hours = session.execute(select(func.count(), func.coalesce(func.sum(_COURSES.c.hours), 0)).where(
        _COURSES.c.school_id == school, _COURSES.c.academic_year_id == year,
        _COURSES.c.teacher_id.in_(teachers))).one()
    return StaffFigures(dict(now), dict(last), int(due), int(done), int(awarded), int(period), int(covered),
                        int(courses), int(hours))


def _work_plan(session: Session, school: str, bodies: list[str]) -> list[ItemMarks]:
    state = _ITEMS.c.mark_state
    counts = {body: (int(n), int(h), int(mv), int(c)) for body, n, h, mv, c in session.execute(
        select(_ITEMS.c.association_id, func.count(), func.count().filter(state == "held"),
               func.count().filter(state == "moved"), func.count().filter(state == "cancelled"))
        .where(_ITEMS.c.school_id == school, _ITEMS.c.association_id.in_(bodies))
        .group_by(_ITEMS.c.association_id))}
    return [ItemMarks(body, *counts.get(body, (0, 0, 0, 0))) for body in bodies]


def _registers(session: Session, school: str, year: str, association: str | None, teachers: list[str]
               ) -> tuple[dict[str, tuple[int, int]], dict[str, tuple[int, int]], dict[str, tuple[int, int]]]:
    """Events of п. 20 by form, materials of п. 27 by kind, olympiad results by level."""
    ev = (_EVENTS.c.school_id == school, _EVENTS.c.academic_year_id == year,
          *([_EVENTS.c.organiser_id == association] if association else []))
    events = {form: (int(n), int(h)) for form, n, h in session.execute(
        select(_EVENTS.c.form, func.count(), func.count().filter(_EVENTS.c.status == "held"))
        .where(*ev).group_by(_EVENTS.c.form))}
    ma = (_MATERIALS.c.school_id == school, _MATERIALS.c.academic_year_id == year,
          *([_MATERIALS.c.association_id == association] if association else []))
    materials = {kind: (int(n), int(a)) for kind, n, a in session.execute(
        select(_MATERIALS.c.kind, func.count(), func.count().filter(_MATERIALS.c.status == "approved"))
        .where(*ma).group_by(_MATERIALS.c.kind))}
    won = _OLYMPIADS.c.outcome.in_(("winner", "prize"))
    olympiads = {level: (int(n), int(w)) for level, n, w in session.execute(
        select(_OLYMPIADS.c.level, func.count(), func.count().filter(won))
        .where(_OLYMPIADS.c.school_id == school, _OLYMPIADS.c.academic_year_id == year,
               *([_OLYMPIADS.c.teacher_id.in_(teachers)] if association else []))
        .group_by(_OLYMPIADS.c.level))}
    return events, materials, olympiads


def year_figures(session: Session, school: str, academic_year: str, association: str | None = None
                 ) -> YearFigures | None:
    """The figures of the year for an association of it, or (``None``) for the school; None when the
    year is not the school's."""
    window = session.execute(select(_YEARS.c.start_date, _YEARS.c.end_date).where(
        _YEARS.c.school_id == school, _YEARS.c.id == academic_year)).first()
    if window is None:
        return None
    start, end = window
    bodies, members, teachers = _scope(session, school, academic_year, association, start, end)
    events, materials, olympiads = _registers(session, school, academic_year, association, teachers)
    return YearFigures(
        school=school, academic_year=academic_year, association=association, start=start, end=end,
        associations=bodies, teachers=teachers,
        meetings=_meetings(session, school, bodies),
        plans=_plans(session, school, academic_year, teachers, start),
        visits=_visits(session, school, teachers, members, start, end),
        mentoring=_mentoring(session, school, academic_year, teachers),
        staff=_staff(session, school, academic_year, teachers, start, end),
        work_plan=_work_plan(session, school, bodies),
        events=events, materials=materials, olympiads=olympiads)


def scope_names(session: Session, school: str, academic_year: str
                ) -> tuple[dict[str, tuple[str, str, str | None]], dict[str, LocalizedText]]:
    """Teachers' (last, first, patronymic) and the year's associations' names, for naming the figures."""
    teachers = {row.id: (row.last_name, row.first_name, row.patronymic) for row in session.execute(
        select(_TEACHERS.c.id, _TEACHERS.c.last_name, _TEACHERS.c.first_name, _TEACHERS.c.patronymic)
        .where(_TEACHERS.c.school_id == school))}
    bodies = {row.id: LocalizedText(row.name_kk, row.name_ru) for row in session.execute(
        select(_BODIES.c.id, _BODIES.c.name_kk, _BODIES.c.name_ru)
        .where(_BODIES.c.school_id == school, _BODIES.c.academic_year_id == academic_year))}
    return teachers, bodies
