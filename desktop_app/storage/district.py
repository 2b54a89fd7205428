"""The district cabinet's figures (п. 16, 17): the same counts for every school of the database, each
from one SQL aggregate grouped by school, never by loading a school.

Each school keeps its own academic-year records, so a district year is chosen by its dates: the
school's year that starts between 1 July of the chosen year and 30 June of the next one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import (
    CTE,
    ColumnElement,
    Date,
    FromClause,
    Select,
    String,
    and_,
    case,
    exists,
    func,
    literal,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from desktop_app.domain.entities import Category, MeetingStatus, PlanStatus, VisitKind, WorkPlanForm
from desktop_app.domain.mentoring import YOUNG_SPECIALIST_YEARS
from desktop_app.storage import models as m
from desktop_app.storage.mapping.base import table_of

_SCHOOLS = table_of(m.SchoolRow)
_YEARS = table_of(m.AcademicYearRow)
_TEACHERS = table_of(m.TeacherRow)
_ATTESTATIONS = table_of(m.AttestationRow)
_COURSES = table_of(m.CourseRow)
_PLANS = table_of(m.PlanRecordRow)
_BODIES = table_of(m.AssociationRow)
_ITEMS = table_of(m.WorkPlanItemRow)
_MEETINGS = table_of(m.MeetingRow)
_VISITS = table_of(m.LessonVisitRow)
_MENTORSHIPS = table_of(m.MentorshipRow)

#: Lessons shown to colleagues (open lessons, master classes, lesson study), not mutual visits.
OPEN_KINDS = (VisitKind.OPEN_LESSON.value, VisitKind.MASTER_CLASS.value, VisitKind.LESSON_STUDY.value)
#: The day by which a KTP is approved on time (the school year starts on 1 September).
ON_TIME_MONTH, ON_TIME_DAY = 9, 1


@dataclass
class SchoolFigures:
    """One school's line of the district table (counts; shares are computed by the reader)."""

    school: str
    name_kk: str | None
    name_ru: str | None
    short_kk: str | None = None
    short_ru: str | None = None
    year: str | None = None  # the school's own year record matching the district year
    teachers: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    attestations_due: int = 0  # active teachers whose attestation falls due by the year's end
    attested: int = 0  # attestations of the year with a result
    courses_due: int = 0  # active teachers whose last course ended before the school's period
    plans: int = 0
    approved: int = 0
    approved_on_time: int = 0  # approved before 1 September
    approved_late: int = 0
    meetings_planned: int = 0  # work-plan items in the form of a meeting
    meetings_held: int = 0  # meetings held or finalized
    open_lessons: int = 0
    visits: int = 0  # every lesson visit, mutual visits included
    new_teachers: int = 0  # in their first three years of the profession
    mentored: int = 0  # of them, with a mentorship of the year that was not cancelled

    @property
    def with_category(self) -> int:
        return sum(n for key, n in self.by_category.items() if key != Category.NONE.value)


def _district_year(start: date) -> int:
    """The calendar year in which an academic year starting on ``start`` begins (July onwards)."""
    return start.year if start.month >= 7 else start.year - 1


def district_years(session: Session) -> list[int]:
    """The district years any school holds, newest first (distinct start dates, a few rows)."""
    starts = session.execute(select(_YEARS.c.start_date).distinct()).scalars()
    return sorted({_district_year(start) for start in starts}, reverse=True)


def _years_back(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _bounds(session: Session, year: int) -> tuple[list[SchoolFigures], CTE | None]:
    """Every school with its year of the district year, and a CTE of each school's bounds: its year
    id, first and last day, the last course end that is still recent enough, the first career
    start of a new teacher."""
    statement = (select(_SCHOOLS.c.id, _SCHOOLS.c.name_kk, _SCHOOLS.c.name_ru, _SCHOOLS.c.short_name_kk,
                        _SCHOOLS.c.short_name_ru, _SCHOOLS.c.course_period_years,
                        _YEARS.c.id.label("year_id"), _YEARS.c.start_date, _YEARS.c.end_date)
                 .select_from(_SCHOOLS.outerjoin(_YEARS, and_(
                     _YEARS.c.school_id == _SCHOOLS.c.id,
                     _YEARS.c.start_date.between(date(year, 7, 1), date(year + 1, 6, 30)))))
                 .order_by(_SCHOOLS.c.id, _YEARS.c.start_date))
    schools: dict[str, SchoolFigures] = {}
    parts: list[Select[tuple[str, str, date, date, date, date]]] = []
    for row in session.execute(statement):
        if row.id in schools:
            continue  # two year records in one district year: the first counts
        figures = SchoolFigures(row.id, row.name_kk, row.name_ru, row.short_name_kk, row.short_name_ru,
                                row.year_id)
        schools[row.id] = figures
        if row.year_id is None:
            continue
        parts.append(select(
            literal(row.id, String).label("school_id"), literal(row.year_id, String).label("year_id"),
            literal(row.start_date, Date).label("first"), literal(row.end_date, Date).label("last"),
            literal(_years_back(row.end_date, int(row.course_period_years)), Date).label("course_cutoff"),
            literal(_years_back(row.start_date, YOUNG_SPECIALIST_YEARS), Date).label("young_since")))
    if not parts:
        return list(schools.values()), None
    combined = parts[0] if len(parts) == 1 else union_all(*parts)
    return list(schools.values()), combined.cte("bounds")


def _year_of(school_id: ColumnElement[str], year: int) -> tuple[FromClause, ColumnElement[bool]]:
    """The school's academic-year record of the district year, as a join (a statement of constant
    shape, compiled once; only the two figures that need per-school arithmetic use ``bounds``)."""
    ay = _YEARS.alias("ay")
    return ay, and_(ay.c.school_id == school_id, ay.c.start_date.between(date(year, 7, 1), date(year + 1, 6, 30)))


def _counts(session: Session, statement: Select[tuple[str, int]]) -> dict[str, int]:
    return {school: int(n or 0) for school, n in session.execute(statement)}


def _sum(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """How many rows of the group meet ``condition``."""
    return func.sum(case((condition, 1), else_=0))


def district_figures(session: Session, year: int) -> list[SchoolFigures]:
    """The figures of every school for the district year starting in ``year``: one grouped query
    per figure (about ten in all, whatever the number of schools)."""
    schools, bounds = _bounds(session, year)
    by_id = {s.school: s for s in schools}
    active = _TEACHERS.c.active.is_(True)
    for school, category, n in session.execute(
            select(_TEACHERS.c.school_id, _TEACHERS.c.category, func.count())
            .where(active).group_by(_TEACHERS.c.school_id, _TEACHERS.c.category)):
        if school in by_id:
            by_id[school].by_category[category] = int(n)
            by_id[school].teachers += int(n)
    if bounds is None:
        return schools
    b = bounds.c
    teachers_of_year = _TEACHERS.join(bounds, b.school_id == _TEACHERS.c.school_id)
    ay, on = _year_of(_TEACHERS.c.school_id, year)
    _fill(by_id, "attestations_due", _counts(session, select(_TEACHERS.c.school_id, func.count())
          .select_from(_TEACHERS.join(ay, on))
          .where(active, _TEACHERS.c.attestation_due <= ay.c.end_date).group_by(_TEACHERS.c.school_id)))
    ay, on = _year_of(_ATTESTATIONS.c.school_id, year)
    _fill(by_id, "attested", _counts(session, select(_ATTESTATIONS.c.school_id, func.count())
          .select_from(_ATTESTATIONS.join(ay, and_(on, ay.c.id == _ATTESTATIONS.c.academic_year_id)))
          .where(_ATTESTATIONS.c.result.is_not(None)).group_by(_ATTESTATIONS.c.school_id)))
    recent_course = exists().where(_COURSES.c.school_id == _TEACHERS.c.school_id,
                                   _COURSES.c.teacher_id == _TEACHERS.c.id,
                                   _COURSES.c.ends_on > b.course_cutoff)
    _fill(by_id, "courses_due", _counts(session, select(_TEACHERS.c.school_id, func.count())
          .select_from(teachers_of_year).where(active, ~recent_course).group_by(_TEACHERS.c.school_id)))
    _plans(session, by_id, year)
    _meetings(session, by_id, year)
    ay, on = _year_of(_VISITS.c.school_id, year)
    visits = (select(_VISITS.c.school_id, func.count(), _sum(_VISITS.c.kind.in_(OPEN_KINDS)))
              .select_from(_VISITS.join(ay, and_(on, _VISITS.c.date.between(ay.c.start_date, ay.c.end_date))))
              .group_by(_VISITS.c.school_id))
    for school, total, open_ in session.execute(visits):
        by_id[school].visits, by_id[school].open_lessons = int(total), int(open_ or 0)
    mentored = exists().where(_MENTORSHIPS.c.school_id == _TEACHERS.c.school_id,
                              _MENTORSHIPS.c.mentee_id == _TEACHERS.c.id,
                              _MENTORSHIPS.c.academic_year_id == b.year_id,
                              _MENTORSHIPS.c.status != "cancelled")
    young = (select(_TEACHERS.c.school_id, func.count(), _sum(mentored))
             .select_from(teachers_of_year)
             .where(active, _TEACHERS.c.career_start > b.young_since, _TEACHERS.c.career_start <= b.last)
             .group_by(_TEACHERS.c.school_id))
    for school, total, with_mentor in session.execute(young):
        by_id[school].new_teachers, by_id[school].mentored = int(total), int(with_mentor or 0)
    return schools


def _fill(by_id: dict[str, SchoolFigures], name: str, counts: dict[str, int]) -> None:
    for school, n in counts.items():
        setattr(by_id[school], name, n)


def _plans(session: Session, by_id: dict[str, SchoolFigures], year: int) -> None:
    ay, on = _year_of(_PLANS.c.school_id, year)
    approved = _PLANS.c.status == PlanStatus.APPROVED.value
    deadline = date(year, ON_TIME_MONTH, ON_TIME_DAY)
    statement = (select(_PLANS.c.school_id, func.count(), _sum(approved),
                        _sum(and_(approved, _PLANS.c.approved_on < deadline)),
                        _sum(and_(approved, _PLANS.c.approved_on >= deadline)))
                 .select_from(_PLANS.join(ay, and_(on, ay.c.id == _PLANS.c.academic_year_id)))
                 .group_by(_PLANS.c.school_id))
    for school, total, done, on_time, late in session.execute(statement):
        figures = by_id[school]
        figures.plans, figures.approved = int(total), int(done or 0)
        figures.approved_on_time, figures.approved_late = int(on_time or 0), int(late or 0)


def _meetings(session: Session, by_id: dict[str, SchoolFigures], year: int) -> None:
    ay, on = _year_of(_BODIES.c.school_id, year)
    bodies = _BODIES.join(ay, and_(on, ay.c.id == _BODIES.c.academic_year_id))
    planned = (select(_ITEMS.c.school_id, func.count())
               .select_from(bodies.join(_ITEMS, and_(_ITEMS.c.school_id == _BODIES.c.school_id,
                                                     _ITEMS.c.association_id == _BODIES.c.id)))
               .where(_ITEMS.c.form == WorkPlanForm.MEETING.value).group_by(_ITEMS.c.school_id))
    _fill(by_id, "meetings_planned", _counts(session, planned))
    held = (select(_MEETINGS.c.school_id, func.count())
            .select_from(bodies.join(_MEETINGS, and_(_MEETINGS.c.school_id == _BODIES.c.school_id,
                                                     _MEETINGS.c.body_id == _BODIES.c.id)))
            .where(_MEETINGS.c.status.in_((MeetingStatus.HELD.value, MeetingStatus.FINALIZED.value)))
            .group_by(_MEETINGS.c.school_id))
    _fill(by_id, "meetings_held", _counts(session, held))
