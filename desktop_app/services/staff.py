"""The attestation register (п. 10.7) and professional development: who sees and writes which
teacher's records, the result that changes a teacher's category, the needs summary of courses.

A teacher sees their own records, a head those of their associations' teachers, the
administrator, the director and a viewer everyone's; the viewer and the director only read.
"""

from __future__ import annotations

import builtins
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from desktop_app.domain import staff_records as rules
from desktop_app.domain.accounts import ROLE_LABELS, Action, Actor, Role
from desktop_app.domain.entities import Association, Meeting, Teacher
from desktop_app.domain.errors import N_, DomainError, PermissionDenied, Rule
from desktop_app.domain.printing import attestation_paper_refusal
from desktop_app.domain.staff_labels import SEE_OTHERS
from desktop_app.domain.staff_records import (
    Attestation,
    AttestationResult,
    Course,
    CourseFile,
    CourseNeed,
)
from desktop_app.i18n import current_language
from desktop_app.services.base import Service, found, raise_first
from desktop_app.services.staff_prints import PrintedPaper, print_paper
from desktop_app.storage import staff as stored
from desktop_app.storage.store import Store


def visible_teachers(store: Store, actor: Actor, school: str) -> set[str] | None:
    """None for those who read the whole school; else the actor's teacher and, for a head, the
    members of every association they head."""
    if actor.may(Action.READ_ALL):
        return None
    own = {actor.teacher} if actor.teacher else set()
    if actor.role is Role.HEAD and actor.teacher:
        for body in store.list_associations(school):
            if body.head == actor.teacher:
                own |= set(body.member_ids())
    return own


def _heads(teacher: str, bodies: list[Association]) -> set[str]:
    return {body.head for body in rules.teachers_associations(teacher, bodies)}


def _see(store: Store, actor: Actor, school: str, teacher: str, record: str) -> None:
    scope = visible_teachers(store, actor, school)
    if scope is not None and teacher not in scope:
        raise PermissionDenied(SEE_OTHERS, ROLE_LABELS[actor.role], record)


@dataclass(frozen=True)
class HearingChoice:
    """A meeting of one of the teacher's associations that may hear the attestation."""

    meeting: Meeting
    body: Association


class AttestationService(Service):
    def list(self, actor: Actor, school: str, academic_year: str | None = None) -> builtins.list[Attestation]:
        with self._read(actor, school) as store:
            scope = visible_teachers(store, actor, school)
            return [a for a in stored.list_attestations(store, school, academic_year)
                    if scope is None or a.teacher in scope]

    def get(self, actor: Actor, school: str, record: str) -> Attestation:
        with self._read(actor, school) as store:
            found_record = found(stored.get_attestation(store, school, record), "attestation", record)
            _see(store, actor, school, found_record.teacher, record)
            return found_record

    def hearings(self, actor: Actor, school: str, academic_year: str, teacher: str) -> builtins.list[HearingChoice]:
        """The meetings of the teacher's associations of the year, by date."""
        with self._read(actor, school) as store:
            bodies = rules.teachers_associations(teacher, store.associations_of(school, academic_year))
            return sorted((HearingChoice(meeting, body) for body in bodies
                           for meeting in store.meetings_of(school, body.id)),
                          key=lambda c: (c.meeting.date, c.meeting.id))

    def hearing_meetings(self, actor: Actor, school: str,
                         records: builtins.list[Attestation]) -> dict[str, tuple[int, date]]:
        """The number and date of each meeting that heard ``records`` (what a list shows of each
        hearing): one query, not the protocols."""
        wanted = {r.hearing.meeting for r in records if r.hearing is not None}
        with self._read(actor, school) as store:
            return store.meeting_numbers(school, wanted)

    def due(self, actor: Actor, school: str) -> dict[str, date]:
        """Each visible teacher's next attestation as the register set it."""
        with self._read(actor, school) as store:
            scope = visible_teachers(store, actor, school)
            return {t: d for t, d in stored.attestation_due(store, school).items() if scope is None or t in scope}

    def save(self, actor: Actor, school: str, record: Attestation) -> Attestation:
        """Create or edit an open attestation: the teacher, the category sought, the application,
        the hearing, the portfolio. The category held is the teacher's; the result is recorded by
        ``record_result`` only."""
        with self._write(actor, school) as store:
            existing = stored.get_attestation(store, school, record.id) if record.id else None
            if existing is not None:
                self._require(actor, Action.EDIT_ATTESTATION,
                              _heads(existing.teacher, store.associations_of(school, existing.academic_year)),
                              existing.id)
                if not existing.is_open:
                    raise DomainError(Rule.ATTESTATION, N_("The attestation {id} has its result; it is kept as "
                                                           "recorded"), {"id": existing.id}, record=existing.id,
                                      field="result")
            teacher = found(store.get_teacher(school, record.teacher), "teacher", record.teacher)
            year = found(store.get_academic_year(school, record.academic_year), "academic year",
                         record.academic_year)
            bodies = store.associations_of(school, record.academic_year)
            self._require(actor, Action.EDIT_ATTESTATION, _heads(teacher.id, bodies), record.id or None)
            current = (existing.current_category if existing is not None and existing.teacher == teacher.id
                       else teacher.category)
            record = replace(record, current_category=current, result=None, order_number=None,
                             order_date=None, next_due=None,
                             portfolio=[k for k in rules.PORTFOLIO_KEYS if k in record.portfolio])
            if not record.id:
                record = replace(record, id=stored.next_attestation_id(store, school))
            raise_first(rules.attestation_errors(record, year))
            raise_first(rules.one_open_per_year(record, stored.list_attestations(
                store, school, record.academic_year, teacher.id)))
            self._check_hearing(store, school, record, bodies)
            stored.save_attestation(store, school, record)
            self._audit(store, actor, "attestation.update" if existing else "attestation.create", school,
                        "attestation", record.id, f"{teacher.id} {record.sought_category}")
        return record

    @staticmethod
    def _check_hearing(store: Store, school: str, record: Attestation, bodies: builtins.list[Association]) -> None:
        if record.hearing is None:
            return
        meeting = store.get_meeting(school, record.hearing.meeting)
        meetings = {meeting.id: meeting} if meeting is not None else {}
        raise_first(rules.hearing_errors(record, meetings, {b.id: b for b in bodies}))

    def record_result(self, actor: Actor, school: str, record: str, result: AttestationResult,
                      order_number: str, order_date: date) -> Attestation:
        """The commission's result under its order: the teacher's category, the date it was
        awarded and the next attestation change with it (a category not awarded changes nothing)."""
        actor.require(Action.RECORD_ATTESTATION, record=record)
        with self._write(actor, school) as store:
            existing = found(stored.get_attestation(store, school, record), "attestation", record)
            if not existing.is_open:
                raise DomainError(Rule.ATTESTATION, N_("The attestation {id} has its result; it is kept as "
                                                       "recorded"), {"id": record}, record=record, field="result")
            closed = replace(existing, result=result, order_number=(order_number or "").strip() or None,
                             order_date=order_date)
            raise_first(rules.result_errors(closed))
            bodies = store.associations_of(school, closed.academic_year)
            self._check_hearing(store, school, closed, bodies)
            teacher = found(store.get_teacher(school, closed.teacher), "teacher", closed.teacher)
            change = rules.apply_result(closed, teacher)
            closed.next_due = change.next_due
            stored.save_attestation(store, school, closed)
            if result is not AttestationResult.NOT_AWARDED:
                store.save_teacher(school, replace(teacher, category=change.category,
                                                   category_awarded=change.awarded))
                stored.set_attestation_due(store, school, teacher.id, change.next_due)
            self._audit(store, actor, "attestation.result", school, "attestation", record,
                        f"{result} {closed.order_number} {order_date.isoformat()}")
        return closed

    def print_list(self, actor: Actor, school: str, academic_year: str,
                   language: str | None = None) -> PrintedPaper:
        """The list of teachers being attested in the year (kk or ru), signed by the deputy director."""
        return self._print(actor, school, "attestations", academic_year, language)

    def print_schedule(self, actor: Actor, school: str, academic_year: str,
                       language: str | None = None) -> PrintedPaper:
        """The schedule of the year's hearings by date."""
        return self._print(actor, school, "attestation_schedule", academic_year, language)

    @staticmethod
    def paper_refusal(kind: str, academic_year: str, records: Sequence[Attestation]) -> DomainError | None:
        """Why the ``kind`` paper ("attestations", "attestation_schedule") of the year with these
        records does not print yet, as the Documents section greys it (None: it prints)."""
        return attestation_paper_refusal(kind, academic_year, records)

    def _print(self, actor: Actor, school: str, kind: str, academic_year: str, language: str | None) -> PrintedPaper:
        actor.require(Action.READ_ALL, record=academic_year)
        with self._read(actor, school) as store:
            return print_paper(store, school, kind, academic_year, language or current_language())

    def delete(self, actor: Actor, school: str, record: str) -> None:
        """An open attestation is deleted (a mistaken entry); one with a result is history."""
        with self._write(actor, school) as store:
            existing = found(stored.get_attestation(store, school, record), "attestation", record)
            self._require(actor, Action.EDIT_ATTESTATION,
                          _heads(existing.teacher, store.associations_of(school, existing.academic_year)), record)
            if not existing.is_open:
                raise DomainError(Rule.ATTESTATION, N_("The attestation {id} has its result; it is kept as "
                                                       "recorded"), {"id": record}, record=record, field="result")
            stored.delete_attestation(store, school, record)
            self._audit(store, actor, "attestation.delete", school, "attestation", record, existing.teacher)


@dataclass(frozen=True)
class Attachment:
    """A certificate's file: its name as the user chose it and its bytes."""

    name: str
    content: bytes


@dataclass(frozen=True)
class TeacherNeed:
    """One teacher's standing with professional development in a year."""

    teacher: Teacher
    last_end: date | None
    due: date | None
    need: CourseNeed


@dataclass(frozen=True)
class AssociationNeeds:
    """The needs summary of one association: its teachers, who is due, overdue, never attended."""

    body: Association
    teachers: tuple[TeacherNeed, ...]

    def count(self, need: CourseNeed) -> int:
        return sum(1 for t in self.teachers if t.need is need)


class CourseService(Service):
    def list(self, actor: Actor, school: str, academic_year: str | None = None,
             teacher: str | None = None) -> builtins.list[Course]:
        with self._read(actor, school) as store:
            scope = visible_teachers(store, actor, school)
            return [c for c in stored.list_courses(store, school, academic_year, teacher)
                    if scope is None or c.teacher in scope]

    def get(self, actor: Actor, school: str, record: str) -> Course:
        with self._read(actor, school) as store:
            course = found(stored.get_course(store, school, record), "course", record)
            _see(store, actor, school, course.teacher, record)
            return course

    def content(self, actor: Actor, school: str, record: str) -> tuple[CourseFile, bytes]:
        """The certificate's file and its bytes, checked against the SHA-256 the record keeps."""
        with self._read(actor, school) as store:
            course = found(stored.get_course(store, school, record), "course", record)
            _see(store, actor, school, course.teacher, record)
            data = stored.course_content(store, school, record) if course.file else None
        if course.file is None or data is None:
            raise DomainError(Rule.COURSE, N_("The course {id} has no file kept in this database"),
                              {"id": record}, record=record, field="file")
        if hashlib.sha256(data).hexdigest() != course.file.sha256:
            raise DomainError(Rule.COURSE, N_("The file of the course {id} does not match its SHA-256"),
                              {"id": record}, record=record, field="file")
        return course.file, data

    def _owners(self, store: Store, school: str, teacher: str) -> set[str]:
        return {teacher} | _heads(teacher, store.list_associations(school))

    def save(self, actor: Actor, school: str, course: Course, attachment: Attachment | None = None) -> Course:
        """Create or edit a course; ``attachment`` replaces the certificate's file, a course with
        ``file`` None drops it, one with a file keeps the stored one."""
        with self._write(actor, school) as store:
            existing = stored.get_course(store, school, course.id) if course.id else None
            if existing is not None:
                self._require(actor, Action.EDIT_COURSES, self._owners(store, school, existing.teacher), existing.id)
                if course.file is not None:
                    course = replace(course, file=existing.file)
            else:
                course = replace(course, file=None)
            found(store.get_teacher(school, course.teacher), "teacher", course.teacher)
            year = found(store.get_academic_year(school, course.academic_year), "academic year",
                         course.academic_year)
            self._require(actor, Action.EDIT_COURSES, self._owners(store, school, course.teacher), course.id or None)
            content = None
            if attachment is not None:
                raise_first(rules.file_errors(course, attachment.name, len(attachment.content)))
                content = attachment.content
                course = replace(course, file=CourseFile(attachment.name, hashlib.sha256(content).hexdigest(),
                                                         len(content)))
            if not course.id:
                course = replace(course, id=stored.next_course_id(store, school))
            course = replace(course, title=course.title.strip(), provider=course.provider.strip(),
                             certificate_number=(course.certificate_number or "").strip() or None)
            raise_first(rules.course_errors(course, year))
            stored.save_course(store, school, course, content)
            self._audit(store, actor, "course.update" if existing else "course.create", school, "course",
                        course.id, course.file.sha256 if attachment and course.file else course.teacher)
        return course

    def delete(self, actor: Actor, school: str, record: str) -> None:
        with self._write(actor, school) as store:
            course = found(stored.get_course(store, school, record), "course", record)
            self._require(actor, Action.EDIT_COURSES, self._owners(store, school, course.teacher), record)
            stored.delete_course(store, school, record)
            self._audit(store, actor, "course.delete", school, "course", record, course.teacher)

    def period(self, actor: Actor, school: str) -> int:
        """The school's period between a teacher's courses, in years."""
        with self._read(actor, school) as store:
            return stored.course_period(store, school)

    def set_period(self, actor: Actor, school: str, years: int) -> int:
        actor.require(Action.MANAGE_SCHOOL, record=school)
        raise_first(rules.period_errors(years, school))
        with self._write(actor, school) as store:
            stored.set_course_period(store, school, years)
            self._audit(store, actor, "school.course_period", school, "school", school, str(years))
        return years

    def needs(self, actor: Actor, school: str, academic_year: str) -> builtins.list[AssociationNeeds]:
        """Per association of the year (the ones the actor may see): each teacher's last course,
        next due date and need (never, overdue, due this year, covered)."""
        with self._read(actor, school) as store:
            year = found(store.get_academic_year(school, academic_year), "academic year", academic_year)
            scope = visible_teachers(store, actor, school)
            period = stored.course_period(store, school)
            last = stored.last_course_ends(store, school)
            teachers = {t.id: t for t in store.list_teachers(school)}
            summary = []
            for body in store.associations_of(school, academic_year):
                members = [teachers[t] for t in body.member_ids() if t in teachers
                           and (scope is None or t in scope)]
                if not members:
                    continue
                summary.append(AssociationNeeds(body, tuple(
                    TeacherNeed(t, last.get(t.id), rules.next_course_due(last.get(t.id), period),
                                rules.course_need(last.get(t.id), period, year))
                    for t in sorted(members, key=lambda t: t.full_name))))
            return summary

