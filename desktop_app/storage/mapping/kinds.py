"""The collections of a school's records (``KINDS``), each with its tables and its mappings.

Apart from the package's light row ↔ domain functions: these name the SQLAlchemy tables, so they
load the models (a quick print reads rows without them; see storage/quick.py).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table

from desktop_app.domain.entities import (
    AcademicYear,
    Association,
    CalendarPlan,
    LessonVisit,
    Material,
    Meeting,
    Mentorship,
    OlympiadResult,
    Subject,
    Teacher,
)
from desktop_app.storage import models as m
from desktop_app.storage.mapping.associations import build_association, dump_association
from desktop_app.storage.mapping.base import Kind, table_of
from desktop_app.storage.mapping.materials import build_material, dump_material
from desktop_app.storage.mapping.meetings import build_meeting, dump_meeting
from desktop_app.storage.mapping.mentoring import (
    build_lesson_visit,
    build_mentorship,
    dump_lesson_visit,
    dump_mentorship,
)
from desktop_app.storage.mapping.olympiads import build_olympiad_result, dump_olympiad_result
from desktop_app.storage.mapping.plans import build_plan, dump_plan
from desktop_app.storage.mapping.school import (
    build_academic_year,
    build_subject,
    build_teacher,
    dump_academic_year,
    dump_subject,
    dump_teacher,
)


def _children(owner_column: str, *models: type[m.Base]) -> tuple[tuple[Table, str], ...]:
    return tuple((table_of(model), owner_column) for model in models)


def _id(record: Any) -> str:
    return str(record.id)


ACADEMIC_YEARS: Kind[AcademicYear] = Kind(
    "academic_years", table_of(m.AcademicYearRow),
    _children("year_id", m.TermRow, m.HolidayRow, m.ExtraSchoolDayRow),
    dump_academic_year, build_academic_year, _id)
SUBJECTS: Kind[Subject] = Kind("subjects", table_of(m.SubjectRow), (), dump_subject, build_subject, _id)
TEACHERS: Kind[Teacher] = Kind(
    "teachers", table_of(m.TeacherRow), _children("teacher_id", m.TeacherSubjectRow),
    dump_teacher, build_teacher, _id)
ASSOCIATIONS: Kind[Association] = Kind(
    "associations", table_of(m.AssociationRow),
    _children("association_id", m.AssociationSubjectRow, m.MembershipRow, m.WorkPlanItemRow,
              m.WorkPlanResponsibleRow),
    dump_association, build_association, _id)
MEETINGS: Kind[Meeting] = Kind(
    "meetings", table_of(m.MeetingRow),
    _children("meeting_id", m.AttendanceRow, m.GuestRow, m.AgendaItemRow, m.SpeechRow, m.DecisionRow,
              m.AgendaPlanRow, m.AgendaLessonVisitRow, m.AgendaMaterialRow, m.GuestAttendanceRow),
    dump_meeting, build_meeting, _id)
PLANS: Kind[CalendarPlan] = Kind(
    "plans", table_of(m.PlanRecordRow), _children("plan_id", m.PlanLessonRow), dump_plan, build_plan, _id)
MENTORSHIPS: Kind[Mentorship] = Kind(
    "mentorships", table_of(m.MentorshipRow),
    _children("mentorship_id", m.MentorshipGoalRow, m.MentorshipActivityRow, m.MentorshipSessionRow),
    dump_mentorship, build_mentorship, _id)
LESSON_VISITS: Kind[LessonVisit] = Kind(
    "lesson_visits", table_of(m.LessonVisitRow), _children("lesson_visit_id", m.ObservationRow),
    dump_lesson_visit, build_lesson_visit, _id)
MATERIALS: Kind[Material] = Kind(
    "materials", table_of(m.MaterialRow), _children("material_id", m.MaterialAuthorRow),
    dump_material, build_material, _id)
OLYMPIAD_RESULTS: Kind[OlympiadResult] = Kind(
    "olympiad_results", table_of(m.OlympiadResultRow), (), dump_olympiad_result, build_olympiad_result, _id)

#: Every collection, in the order of SchoolRecords' fields.
KINDS: tuple[Kind[Any], ...] = (
    ACADEMIC_YEARS, SUBJECTS, TEACHERS, ASSOCIATIONS, MEETINGS, PLANS, MENTORSHIPS, LESSON_VISITS,
    MATERIALS,
    OLYMPIAD_RESULTS,
)
KINDS_BY_COLLECTION: dict[str, Kind[Any]] = {kind.collection: kind for kind in KINDS}
