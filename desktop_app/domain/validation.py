"""The whole-school check: ids, references, academic years and every rule of domain.md.

Used by the import of an exchange document (any error refuses it) and by the ``check`` command
(which also shows the calendar warnings of rule 7).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from desktop_app.domain import associations as assoc_rules
from desktop_app.domain import calendar as calendar_rules
from desktop_app.domain import materials as material_rules
from desktop_app.domain import meetings as meeting_rules
from desktop_app.domain import mentoring as mentoring_rules
from desktop_app.domain import plans as plan_rules
from desktop_app.domain.district import guest_speakers
from desktop_app.domain.entities import (
    AcademicYear,
    Association,
    CalendarPlan,
    GuestSpeaker,
    LessonVisit,
    Material,
    Meeting,
    Mentorship,
    SchoolRecords,
    Subject,
    Teacher,
)
from desktop_app.domain.errors import N_, DomainError, Msg, Rule
from desktop_app.domain.olympiads import olympiad_errors
from desktop_app.domain.work_plan_marks import unapproved_mark_errors

#: Collections in the order of the exchange schema (document order of the findings).
COLLECTIONS = (
    "school",
    "academic_years",
    "subjects",
    "teachers",
    "associations",
    "meetings",
    "plans",
    "mentorships",
    "lesson_visits",
    "materials",
    "olympiad_results",
)
_ORDER = {name: position for position, name in enumerate(COLLECTIONS)}


@dataclass
class Finding:
    """One problem of one record: where it is (collection, index, id) and what it is."""

    collection: str
    index: int | None
    record: str | None
    error: DomainError
    #: Where inside the record, as a JSON path suffix (``.members[2].teacher``), when known.
    detail: str | None = None

    @property
    def path(self) -> str:
        """The record's JSON path: ``associations[4]``, or ``school``."""
        if self.index is None:
            return self.collection
        return f"{self.collection}[{self.index}]"

    @property
    def full_path(self) -> str:
        """The JSON path down to the offending value when known, else the record's path."""
        return self.path + (self.detail or "")

    @property
    def rule(self) -> Rule:
        return self.error.rule


def _sort(findings: list[Finding]) -> list[Finding]:
    return sorted(
        findings, key=lambda f: (_ORDER.get(f.collection, len(_ORDER)), -1 if f.index is None else f.index)
    )


_R = TypeVar(
    "_R", Subject, Teacher, AcademicYear, Association, Meeting, CalendarPlan, Mentorship, LessonVisit, Material
)


def _index(records: Sequence[_R]) -> dict[str, _R]:
    """Records by id; the first of duplicated ids wins (the duplicates are reported apart)."""
    found: dict[str, _R] = {}
    for record in records:
        found.setdefault(record.id, record)
    return found


class _Context:
    """The records a check looks references up in; plans only by id (they are checked one by one)."""

    def __init__(self, records: SchoolRecords) -> None:
        self.records = records
        self.years = _index(records.academic_years)
        self.subjects = _index(records.subjects)
        self.teachers = _index(records.teachers)
        self.associations = _index(records.associations)
        self.meetings = _index(records.meetings)
        self.lesson_visits = _index(records.lesson_visits)
        self.materials = _index(records.materials)
        self.positions: dict[tuple[str, str], int] = {}
        for name in COLLECTIONS[1:]:
            for position, record in enumerate(getattr(records, name)):
                self.positions.setdefault((name, record.id), position)


def _duplicate_ids(ids: Mapping[str, Sequence[str]]) -> list[Finding]:
    findings = []
    for name in COLLECTIONS[1:]:
        seen: set[str] = set()
        for position, record_id in enumerate(ids[name]):
            if record_id in seen:
                findings.append(Finding(name, position, record_id, DomainError(
                    Rule.UNIQUE_ID, N_("The id {id} is used by more than one record of {collection}"),
                    {"id": record_id, "collection": name}, record=record_id, field="id",
                ), ".id"))
            seen.add(record_id)
    return findings


class _References:
    """Checks the references of one record and remembers whether any is broken."""

    def __init__(self, collection: str, index: int | None, record: str) -> None:
        self.collection, self.index, self.record = collection, index, record
        self.findings: list[Finding] = []

    @property
    def broken(self) -> bool:
        return bool(self.findings)

    def check(self, value: str | None, known: Mapping[str, object], kind: str, detail: str) -> None:
        if value is None or value in known:
            return
        self.findings.append(Finding(self.collection, self.index, self.record, DomainError(
            Rule.REFERENCE, N_("Not found: {kind} {id}"), {"kind": Msg(kind), "id": value},
            record=self.record, field=detail.lstrip("."), kind=kind,
        ), detail))

    def check_all(self, values: Iterable[str], known: Mapping[str, object], kind: str, detail: str) -> None:
        for position, value in enumerate(values):
            self.check(value, known, kind, f"{detail}[{position}]")


def _year_findings(position: int, year: AcademicYear) -> list[Finding]:
    errors: list[tuple[str, DomainError]] = []

    def fail(detail: str, message: str, **params: object) -> None:
        errors.append((detail, DomainError(
            Rule.VALUE, message, {"year": year.id, **params}, record=year.id, field=detail.lstrip("."),
        )))

    first, last = year.window
    if year.end < year.start:
        fail(".end", N_("The academic year {year} ends ({end}) before it starts ({start})"),
             start=year.start, end=year.end)
    elif year.end > last:
        fail(".end", N_("The academic year {year} runs past {last} ({end})"),
             end=year.end, last=last)
    numbers: set[int] = set()
    for i, term in enumerate(year.terms):
        if term.number in numbers:
            fail(f".terms[{i}].number", N_("Term {term} is listed twice in {year}"), term=term.number)
        numbers.add(term.number)
        if term.end < term.start:
            fail(f".terms[{i}].end", N_("Term {term} ends ({end}) before it starts ({start})"),
                 term=term.number, start=term.start, end=term.end)
        elif not (year.start <= term.start and term.end <= year.end):
            fail(f".terms[{i}]", N_("Term {term} ({start} – {end}) is outside the academic year {year}"),
                 term=term.number, start=term.start, end=term.end)
    for name, holidays in (("holidays", year.holidays), ("grade1_holidays", year.grade1_holidays)):
        for i, holiday in enumerate(holidays):
            if holiday.end < holiday.start:
                fail(f".{name}[{i}].end", N_("A holiday ends ({end}) before it starts ({start})"),
                     start=holiday.start, end=holiday.end)
            elif holiday.start < first or holiday.end > last:
                fail(f".{name}[{i}]", N_("A holiday ({start} – {end}) is outside the academic year {year}"),
                     start=holiday.start, end=holiday.end)
    return [Finding("academic_years", position, year.id, error, detail) for detail, error in errors]


def _findings(collection: str, index: int, record: str, errors: Iterable[DomainError]) -> list[Finding]:
    return [Finding(collection, index, record, error) for error in errors]


def validate_records(records: SchoolRecords) -> list[Finding]:
    """Every error of the school's records, in document order; empty when the records are sound.

    Calendar warnings (differences in hours, rule 7) are not errors: see :func:`calendar_warnings`.
    """
    check = SchoolCheck(records)
    found = [finding for i, plan in enumerate(records.plans) for finding in check.plan(i, plan)]
    return check.finish([plan.id for plan in records.plans], found)


class SchoolCheck:
    """The whole-school check in two steps, so that the plans (the bulk of a school's records) can
    be checked one at a time as they are read: :meth:`plan` for each plan, then :meth:`finish`
    with every plan's id. ``records.plans`` need not hold the plans."""

    def __init__(self, records: SchoolRecords) -> None:
        self.records = records
        self.ctx = _Context(records)
        self.school = records.school
        self.calendars = Calendars()
        # A year that is not sound is not used for the calendar (rule 7).
        self.year_findings: list[Finding] = []
        self.unsound_years: set[str] = set()
        for i, year in enumerate(records.academic_years):
            year_findings = _year_findings(i, year)
            if year_findings:
                self.unsound_years.add(year.id)
            self.year_findings += year_findings

    def plan(self, i: int, plan: CalendarPlan) -> list[Finding]:
        """The errors of the plan at position ``i``: references, rules 10 and 7."""
        ctx, school, unsound_years, calendars = self.ctx, self.school, self.unsound_years, self.calendars
        refs = _References("plans", i, plan.id)
        refs.check(plan.teacher, ctx.teachers, "teacher", ".teacher")
        refs.check(plan.subject, ctx.subjects, "subject", ".subject")
        refs.check(plan.academic_year, ctx.years, "academic year", ".academic_year")
        if plan.review is not None:
            refs.check(plan.review.meeting, ctx.meetings, "meeting", ".review.meeting")
        if plan.agreed is not None:
            refs.check(plan.agreed.by, ctx.teachers, "teacher", ".agreed.by")
        if plan.approved is not None:
            refs.check(plan.approved.by, ctx.teachers, "teacher", ".approved.by")
        if refs.broken:
            return refs.findings
        findings = refs.findings
        errors = plan_rules.record_errors(plan, school, ctx.meetings, ctx.associations)
        errors += plan_rules.row_errors(plan)
        findings += _findings("plans", i, plan.id, errors)
        if plan.status in calendar_rules.SUBMITTED_STATUSES and plan.academic_year not in unsound_years:
            year = ctx.years[plan.academic_year]
            findings += _calendar_findings(i, plan, year, calendar_rules.Severity.ERROR, calendars)
        return findings

    def finish(self, plan_ids: Sequence[str], plan_findings: Iterable[Finding] = ()) -> list[Finding]:
        """Every error of the school in document order: those of the records other than plans,
        duplicated ids (``plan_ids``: every plan's id, in order) and ``plan_findings``."""
        records, ctx, school = self.records, self.ctx, self.school
        ids = {name: [r.id for r in getattr(records, name)] for name in COLLECTIONS[1:] if name != "plans"}
        plans = dict.fromkeys(plan_ids)
        findings = _duplicate_ids({**ids, "plans": plan_ids})
        # School.
        refs = _References("school", None, school.id)
        refs.check(school.director, ctx.teachers, "teacher", ".director")
        refs.check(school.deputy_director, ctx.teachers, "teacher", ".deputy_director")
        findings += refs.findings

        findings += self.year_findings

        # Teachers.
        for i, teacher in enumerate(records.teachers):
            refs = _References("teachers", i, teacher.id)
            refs.check_all(teacher.subjects, ctx.subjects, "subject", ".subjects")
            findings += refs.findings

        # Associations: rules 1, 2, 9.
        for i, association in enumerate(records.associations):
            refs = _References("associations", i, association.id)
            refs.check(association.academic_year, ctx.years, "academic year", ".academic_year")
            refs.check_all(association.subjects, ctx.subjects, "subject", ".subjects")
            refs.check(association.head, ctx.teachers, "teacher", ".head")
            refs.check(association.secretary, ctx.teachers, "teacher", ".secretary")
            for j, member in enumerate(association.members):
                refs.check(member.teacher, ctx.teachers, "teacher", f".members[{j}].teacher")
            if association.head_choice is not None and association.head_choice.meeting is not None:
                refs.check(association.head_choice.meeting, ctx.meetings, "meeting", ".head_choice.meeting")
            if association.work_plan is not None:
                for j, planned in enumerate(association.work_plan.items):
                    refs.check_all(planned.responsible, ctx.teachers, "teacher",
                                   f".work_plan.items[{j}].responsible")
                if association.work_plan.approved is not None:
                    refs.check(association.work_plan.approved.by, ctx.teachers, "teacher",
                               ".work_plan.approved.by")
            findings += refs.findings
            if refs.broken:
                continue
            window = ctx.years[association.academic_year].window
            findings += _findings("associations", i, association.id, [
                *assoc_rules.composition_errors(association, ctx.teachers, window, on=None),
                *assoc_rules.membership_errors(association),
                *assoc_rules.officer_errors(association, window),
                *assoc_rules.head_choice_errors(association),
                *assoc_rules.work_plan_errors(association, school, window),
                *unapproved_mark_errors(association),
            ])

        # Meetings: rules 3 and 4, agenda numbering.
        by_body: dict[str, list[Meeting]] = {}
        for i, meeting in enumerate(records.meetings):
            refs = _References("meetings", i, meeting.id)
            refs.check(meeting.body, ctx.associations, "association", ".body")
            if meeting.body in ctx.associations:
                by_body.setdefault(meeting.body, []).append(meeting)
            refs.check(meeting.chair, ctx.teachers, "teacher", ".chair")
            refs.check(meeting.secretary, ctx.teachers, "teacher", ".secretary")
            for j, entry in enumerate(meeting.attendance):
                refs.check(entry.teacher, ctx.teachers, "teacher", f".attendance[{j}].teacher")
            for j, item in enumerate(meeting.agenda):
                for part, speeches in (("heard", item.heard), ("spoke", item.spoke)):
                    for k, speech in enumerate(speeches):
                        if isinstance(speech.speaker, str):
                            refs.check(speech.speaker, ctx.teachers, "teacher",
                                       f".agenda[{j}].{part}[{k}].speaker")
                refs.check_all(item.plans, plans, "plan", f".agenda[{j}].plans")
                refs.check_all(item.lesson_visits, ctx.lesson_visits, "lesson visit",
                               f".agenda[{j}].lesson_visits")
                refs.check_all(item.materials, ctx.materials, "methodical material", f".agenda[{j}].materials")
            findings += refs.findings
            if refs.broken:
                continue
            body = ctx.associations[meeting.body]
            body_year = ctx.years.get(body.academic_year)
            errors = meeting_rules.date_errors(meeting, body_year) if body_year is not None else []
            errors += meeting_rules.attendance_errors(meeting, body)
            errors += meeting_rules.agenda_errors(meeting)
            findings += _findings("meetings", i, meeting.id, errors)
            findings += [Finding("meetings", i, meeting.id, error, detail)
                         for detail, error in meeting_rules.absent_speakers(meeting, body)]
            # п. 21: a member from another school who speaks is not marked absent (the document names
            # that school by its id: it carries no other school's records)
            others = {(w.school, w.teacher): (w.name, w.school) for item in meeting.agenda
                      for said in (*item.heard, *item.spoke) if isinstance(w := said.speaker, GuestSpeaker)}
            findings += [Finding("meetings", i, meeting.id, error, detail)
                         for detail, error in guest_speakers(meeting, None, others)]
        # A body belongs to one academic year, so its meetings are numbered within the body.
        for meetings in by_body.values():
            for error in meeting_rules.numbering_errors(meetings):
                record = error.record or ""
                findings.append(Finding("meetings", ctx.positions.get(("meetings", record)), record, error))

        # Mentorships: rule 8.
        for i, mentorship in enumerate(records.mentorships):
            refs = _References("mentorships", i, mentorship.id)
            refs.check(mentorship.mentor, ctx.teachers, "teacher", ".mentor")
            refs.check(mentorship.mentee, ctx.teachers, "teacher", ".mentee")
            refs.check(mentorship.academic_year, ctx.years, "academic year", ".academic_year")
            for j, session in enumerate(mentorship.sessions):
                refs.check(session.lesson_visit, ctx.lesson_visits, "lesson visit",
                           f".sessions[{j}].lesson_visit")
            findings += refs.findings
            if refs.broken:
                continue
            errors = mentoring_rules.mentorship_errors(mentorship, ctx.years[mentorship.academic_year])
            findings += _findings("mentorships", i, mentorship.id, errors)

        # Lesson visits: references only.
        for i, visit in enumerate(records.lesson_visits):
            refs = _References("lesson_visits", i, visit.id)
            refs.check(visit.teacher, ctx.teachers, "teacher", ".teacher")
            refs.check(visit.subject, ctx.subjects, "subject", ".subject")
            refs.check(visit.association, ctx.associations, "association", ".association")
            for j, observation in enumerate(visit.observations):
                refs.check(observation.observer, ctx.teachers, "teacher", f".observations[{j}].observer")
            findings += refs.findings

        findings += _material_findings(records, ctx)
        # Olympiad results (п. 10.5): references and the line's own rules.
        for i, result in enumerate(records.olympiad_results):
            refs = _References("olympiad_results", i, result.id)
            refs.check(result.teacher, ctx.teachers, "teacher", ".teacher")
            refs.check(result.subject, ctx.subjects, "subject", ".subject")
            refs.check(result.academic_year, ctx.years, "academic year", ".academic_year")
            findings += refs.findings
            if not refs.broken:
                findings += _findings("olympiad_results", i, result.id,
                                      olympiad_errors(result, ctx.years[result.academic_year].window))

        return _sort([*findings, *plan_findings])


def _material_findings(records: SchoolRecords, ctx: _Context) -> list[Finding]:
    """Materials (п. 27): references, then the status backed by the review and the approval."""
    findings: list[Finding] = []
    for i, material in enumerate(records.materials):
        refs = _References("materials", i, material.id)
        refs.check(material.association, ctx.associations, "association", ".association")
        refs.check(material.academic_year, ctx.years, "academic year", ".academic_year")
        refs.check_all([a for a in material.authors if isinstance(a, str)], ctx.teachers, "teacher", ".authors")
        if material.review is not None:
            refs.check(material.review.meeting, ctx.meetings, "meeting", ".review.meeting")
        if material.approved is not None:
            refs.check(material.approved.by, ctx.teachers, "teacher", ".approved.by")
        findings += refs.findings
        if not refs.broken:
            errors = material_rules.record_errors(material, records.school, ctx.meetings, ctx.associations)
            # The fields the rules name are the record's JSON keys: the path points at the value.
            findings += [Finding("materials", i, material.id, e, f".{e.field}" if e.field else None) for e in errors]
    return findings


class Calendars:
    """The calendars of one check (one per year and grade: thousands of plans share them) and the
    last plan's calendar findings, so that its errors and its warnings read the calendar once."""

    def __init__(self) -> None:
        self._by_grade: dict[tuple[str, int], calendar_rules.SchoolCalendar] = {}
        self._last: tuple[CalendarPlan, list[calendar_rules.CalendarFinding]] | None = None

    def findings(self, plan: CalendarPlan, year: AcademicYear) -> list[calendar_rules.CalendarFinding]:
        if self._last is not None and self._last[0] is plan:
            return self._last[1]
        key = (year.id, plan.grade)
        if key not in self._by_grade:
            self._by_grade[key] = calendar_rules.SchoolCalendar(year, plan.grade)
        found = list(calendar_rules.plan_calendar_findings(plan, year, self._by_grade[key]))
        self._last = (plan, found)
        return found


def _calendar_findings(
    index: int, plan: CalendarPlan, year: AcademicYear, severity: calendar_rules.Severity,
    calendars: Calendars,
) -> list[Finding]:
    rows = {row.number: position for position, row in enumerate(plan.rows)}
    found = []
    for finding in calendars.findings(plan, year):
        if finding.severity is not severity:
            continue
        detail = f".rows[{rows[finding.row]}]" if finding.row in rows else None
        found.append(Finding("plans", index, plan.id, finding.as_error(), detail))
    return found


def calendar_warnings(records: SchoolRecords) -> list[Finding]:
    """Rule 7 findings that do not refuse the records: hours against the calendar, rows in
    another term, and lessons on days off in plans not yet submitted (they block submission)."""
    warnings = CalendarWarnings(records.academic_years)
    return [finding for i, plan in enumerate(records.plans) for finding in warnings.plan(i, plan)]


class CalendarWarnings:
    """:func:`calendar_warnings` one plan at a time."""

    def __init__(self, academic_years: Sequence[AcademicYear], calendars: Calendars | None = None) -> None:
        self.years = _index(academic_years)
        self.calendars = calendars or Calendars()  # a SchoolCheck's: each plan's calendar read once

    def plan(self, i: int, plan: CalendarPlan) -> list[Finding]:
        year = self.years.get(plan.academic_year)
        if year is None or _year_findings(i, year):
            return []
        findings: list[Finding] = []
        if plan.status not in calendar_rules.SUBMITTED_STATUSES:
            findings += _calendar_findings(i, plan, year, calendar_rules.Severity.ERROR, self.calendars)
        findings += _calendar_findings(i, plan, year, calendar_rules.Severity.WARNING, self.calendars)
        return findings


__all__ = ["COLLECTIONS", "CalendarWarnings", "Finding", "SchoolCheck", "calendar_warnings", "validate_records"]
