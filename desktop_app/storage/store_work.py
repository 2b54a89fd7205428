"""The repository's records of the methodical work: meetings, plans, mentorships, lesson visits,
olympiads and methodical materials."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import ColumnElement, delete, func, insert, select

from desktop_app.domain.entities import (
    CalendarPlan,
    LessonVisit,
    LocalizedText,
    Material,
    Meeting,
    Mentorship,
    MentorshipStatus,
    Observation,
    OlympiadResult,
)
from desktop_app.storage import followed, mapping, material_files, protocol_texts, summaries
from desktop_app.storage import models as m
from desktop_app.storage.protocol_texts import ProtocolPassage
from desktop_app.storage.store_base import StoreBase
from desktop_app.storage.summaries import MeetingCounts, PlanSummary

_OBSERVATIONS = mapping.table_of(m.ObservationRow)
_PROTOCOL_TEXTS = mapping.table_of(m.ProtocolTextRow)


class WorkStore(StoreBase):
    """Reads and writes the records of the methodical work (see ``storage.store.Store``)."""

    # --- meetings -----------------------------------------------------------------------------

    def list_meetings(self, school_id: str) -> list[Meeting]:
        return self._load(mapping.MEETINGS, school_id)

    def get_meeting(self, school_id: str, record_id: str) -> Meeting | None:
        return self._get(mapping.MEETINGS, school_id, record_id)

    def save_meeting(self, school_id: str, record: Meeting) -> None:
        """The meeting and its passages for the search, in one go."""
        self._save(mapping.MEETINGS, school_id, record)
        self._delete_protocol_texts(school_id, record.id)
        texts = mapping.dump_protocol_texts(school_id, record)
        if texts:
            self.session.execute(insert(_PROTOCOL_TEXTS), texts)

    def delete_meeting(self, school_id: str, record_id: str) -> None:
        self._delete_protocol_texts(school_id, record_id)
        self._delete(mapping.MEETINGS, school_id, record_id)

    def _delete_protocol_texts(self, school_id: str, meeting_id: str) -> None:
        table = _PROTOCOL_TEXTS
        self.session.execute(delete(table).where(table.c.school_id == school_id,
                                                 table.c.meeting_id == meeting_id))

    def search_protocols(self, school_id: str, text: str, limit: int) -> list[ProtocolPassage]:
        """Passages of the school's protocols that hold ``text`` (see ``protocol_texts.search``)."""
        return protocol_texts.search(self.session, school_id, text, limit)

    def meeting_numbers(self, school_id: str, ids: Collection[str]) -> dict[str, tuple[int, date]]:
        """The number and date of the meetings of these ids (a list that names some protocols)."""
        if not ids:
            return {}
        table = mapping.MEETINGS.table
        rows = self.session.execute(select(table.c.id, table.c.number, table.c.date).where(
            table.c.school_id == school_id, table.c.id.in_(sorted(ids))))
        return {str(row.id): (int(row.number), row.date) for row in rows}

    def meetings_of(self, school_id: str, body: str) -> list[Meeting]:
        """Meetings of one association or council, by date and number."""
        table = mapping.MEETINGS.table
        return self._load(mapping.MEETINGS, school_id, table.c.body_id == body,
                          order_by=(table.c.date, table.c.number))

    # --- plans --------------------------------------------------------------------------------

    def list_plans(self, school_id: str) -> list[CalendarPlan]:
        return self._load_plans(school_id)

    def get_plan(self, school_id: str, record_id: str) -> CalendarPlan | None:
        found = self._load_plans(school_id, record_id=record_id)
        return found[0] if found else None

    def save_plan(self, school_id: str, record: CalendarPlan) -> None:
        self._save(mapping.PLANS, school_id, record)

    def delete_plan(self, school_id: str, record_id: str) -> None:
        self._delete(mapping.PLANS, school_id, record_id)

    def plans_of(self, school_id: str, academic_year: str | None = None,
                 teacher: str | None = None) -> list[CalendarPlan]:
        table = mapping.PLANS.table
        where: list[ColumnElement[bool]] = []
        if academic_year is not None:
            where.append(table.c.academic_year_id == academic_year)
        if teacher is not None:
            where.append(table.c.teacher_id == teacher)
        return self._load_plans(school_id, *where)

    def plan_summaries(self, school_id: str, academic_year: str | None = None,
                       teachers: Collection[str] | None = None, subject: str | None = None,
                       statuses: Collection[str] | None = None) -> list[PlanSummary]:
        """One line per plan, rows counted in SQL and not read (``storage.summaries``)."""
        return summaries.plan_summaries(self.session, school_id, academic_year, teachers, subject, statuses)

    def plan_status_counts(self, school_id: str, academic_year: str,
                           teachers: Collection[str] | None = None) -> dict[str, int]:
        return summaries.plan_status_counts(self.session, school_id, academic_year, teachers)

    def last_plan_events(self, school_id: str, plans: Collection[str]) -> dict[str, date]:
        return summaries.last_plan_events(self.session, school_id, plans)

    def meeting_counts(self, school_id: str, academic_year: str) -> MeetingCounts:
        return summaries.meeting_counts(self.session, school_id, academic_year)

    def open_meetings(self, school_id: str, bodies: Collection[str], before: date) -> list[summaries.OpenMeeting]:
        return summaries.open_meetings(self.session, school_id, bodies, before)

    def mentorship_count(self, school_id: str, academic_year: str, teacher: str | None = None) -> int:
        return summaries.mentorship_count(self.session, school_id, academic_year, teacher)

    def visit_count(self, school_id: str, first: date, last: date, teacher: str | None = None) -> int:
        return summaries.visit_count(self.session, school_id, first, last, teacher)

    # --- mentorships --------------------------------------------------------------------------

    def list_mentorships(self, school_id: str, academic_year: str | None = None,
                         status: MentorshipStatus | None = None) -> list[Mentorship]:
        """The school's mentorships (of ``academic_year``, of ``status``, where given)."""
        table = mapping.MENTORSHIPS.table
        where = []
        if academic_year is not None:
            where.append(table.c.academic_year_id == academic_year)
        if status is not None:
            where.append(table.c.status == status.value)
        return self._load(mapping.MENTORSHIPS, school_id, *where)

    def get_mentorship(self, school_id: str, record_id: str) -> Mentorship | None:
        return self._get(mapping.MENTORSHIPS, school_id, record_id)

    def save_mentorship(self, school_id: str, record: Mentorship) -> None:
        self._save(mapping.MENTORSHIPS, school_id, record)

    def delete_mentorship(self, school_id: str, record_id: str) -> None:
        self._delete(mapping.MENTORSHIPS, school_id, record_id)

    # --- lesson visits ------------------------------------------------------------------------

    def list_lesson_visits(self, school_id: str, first: date | None = None, last: date | None = None,
                           association: str | None = None,
                           teachers: Collection[str] | None = None) -> list[LessonVisit]:
        """The school's visits (dated ``first`` … ``last``, of ``association``, of the lessons of
        ``teachers``, where given): ten years of a school hold thousands, a screen shows a year's or
        a term's."""
        table = mapping.LESSON_VISITS.table
        where = []
        if first is not None:
            where.append(table.c.date >= first)
        if last is not None:
            where.append(table.c.date <= last)
        if association is not None:
            where.append(table.c.association_id == association)
        if teachers is not None:
            where.append(table.c.teacher_id.in_(sorted(teachers)))
        return self._load(mapping.LESSON_VISITS, school_id, *where)

    def get_lesson_visit(self, school_id: str, record_id: str) -> LessonVisit | None:
        return self._get(mapping.LESSON_VISITS, school_id, record_id)

    def save_lesson_visit(self, school_id: str, record: LessonVisit) -> None:
        self._save(mapping.LESSON_VISITS, school_id, record)

    def save_observation(self, school_id: str, visit_id: str, observation: Observation) -> None:
        """One observer's observation of a visit, replacing theirs, the visit and the others' kept
        (on a server an observer may write only their own row)."""
        table = _OBSERVATIONS
        where = (table.c.school_id == school_id, table.c.lesson_visit_id == visit_id)
        self.session.execute(delete(table).where(*where, table.c.observer_id == observation.observer))
        last = self.session.execute(select(func.max(table.c.position)).where(*where)).scalar()
        self.session.execute(insert(table), [{
            "school_id": school_id, "lesson_visit_id": visit_id, "position": 0 if last is None else last + 1,
            "observer_id": observation.observer, "strengths": observation.strengths,
            "recommendations": observation.recommendations}])

    def delete_lesson_visit(self, school_id: str, record_id: str) -> None:
        self._delete(mapping.LESSON_VISITS, school_id, record_id)

    # --- olympiads and work plans followed (issue 18, points 8 and 9) ---------------------------

    def list_olympiad_results(self, school_id: str) -> list[OlympiadResult]:
        return self._load(mapping.OLYMPIAD_RESULTS, school_id)

    def olympiad_results_of(self, school_id: str, academic_year: str) -> list[OlympiadResult]:
        table = mapping.OLYMPIAD_RESULTS.table
        return self._load(mapping.OLYMPIAD_RESULTS, school_id, table.c.academic_year_id == academic_year)

    def get_olympiad_result(self, school_id: str, record_id: str) -> OlympiadResult | None:
        return self._get(mapping.OLYMPIAD_RESULTS, school_id, record_id)

    def save_olympiad_result(self, school_id: str, record: OlympiadResult) -> None:
        self._save(mapping.OLYMPIAD_RESULTS, school_id, record)

    def delete_olympiad_result(self, school_id: str, record_id: str) -> None:
        self._delete(mapping.OLYMPIAD_RESULTS, school_id, record_id)

    def olympiad_summary(self, school_id: str, academic_year: str) -> followed.OlympiadSummary:
        return followed.olympiad_summary(self.session, school_id, academic_year)

    def plan_following(self, school_id: str, academic_year: str, before_month: str,
                       bodies: Collection[str] | None = None) -> list[followed.PlanFollowing]:
        return followed.plan_following(self.session, school_id, academic_year, before_month, bodies)

    # --- methodical materials (п. 27) ---------------------------------------------------------

    def list_materials(self, school_id: str, academic_year: str | None = None) -> list[Material]:
        table = mapping.MATERIALS.table
        where = [] if academic_year is None else [table.c.academic_year_id == academic_year]
        return self._load(mapping.MATERIALS, school_id, *where)

    def get_material(self, school_id: str, record_id: str) -> Material | None:
        return self._get(mapping.MATERIALS, school_id, record_id)

    def save_material(self, school_id: str, record: Material, content: bytes | None = None) -> None:
        """Save the record; with ``content`` its file's bytes too (the record names the file)."""
        self._save(mapping.MATERIALS, school_id, record)
        if record.file is None:
            material_files.remove(self.session, school_id, record.id)
        elif content is not None:
            material_files.put(self.session, school_id, record.id, content)

    def materials_awaiting_approval(self, school_id: str, academic_year: str) -> list[tuple[str, LocalizedText, date]]:
        return material_files.awaiting_approval(self.session, school_id, academic_year)

    def material_content(self, school_id: str, record_id: str) -> bytes | None:
        return material_files.get(self.session, school_id, record_id)

    def delete_material(self, school_id: str, record_id: str) -> None:
        material_files.remove(self.session, school_id, record_id)
        self._delete(mapping.MATERIALS, school_id, record_id)
