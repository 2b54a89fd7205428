"""Mentoring of teachers new to the profession (п. 10.3, 10.5; rule 8)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from desktop_app.domain.accounts import Action, Actor
from desktop_app.domain.entities import (
    AcademicYear,
    Association,
    AssociationKind,
    Category,
    LessonVisit,
    Mentorship,
    MentorshipSession,
    MentorshipStatus,
    Observation,
    SessionKind,
    Teacher,
    VisitKind,
)
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.domain.mentoring import ensure_mentorship_open, mentorship_errors
from desktop_app.services.base import Service, found, raise_first
from desktop_app.services.teachers import is_young_specialist
from desktop_app.storage.store import Store

#: Session kinds in which one of the pair watches the other's lesson (they may become lesson visits).
VISIT_SESSION_KINDS = (SessionKind.MENTOR_VISITS_LESSON, SessionKind.MENTEE_VISITS_LESSON)


@dataclass(frozen=True)
class MenteeSuggestion:
    """A teacher who needs a mentor: new to the profession, or without a category."""

    teacher: Teacher
    young_specialist: bool
    no_category: bool


@dataclass(frozen=True)
class MentorSuggestion:
    """A possible mentor: expert or higher, teaching a subject of the mentee; fewest mentees first."""

    teacher: Teacher
    common_subjects: tuple[str, ...]
    mentees: int


Mentees = list[MenteeSuggestion]
Mentors = list[MentorSuggestion]


def reference_day(year: AcademicYear, today: date) -> date:
    """The day "within the last three years" is measured from: today, kept inside the year."""
    return max(year.start, min(today, year.end))


def mentees_needed(teachers: list[Teacher], mentorships: list[Mentorship], day: date) -> Mentees:
    mentored = {m.mentee for m in mentorships if m.status is MentorshipStatus.ACTIVE}
    found_: list[MenteeSuggestion] = []
    for teacher in teachers:
        if not teacher.active or teacher.id in mentored or teacher.organization is not None:
            continue
        young = is_young_specialist(teacher, day)
        none = teacher.category is Category.NONE
        if young or none:
            found_.append(MenteeSuggestion(teacher, young, none))
    return found_


def possible_mentors(mentee: Teacher, teachers: list[Teacher], mentorships: list[Mentorship],
                     academic_year: str) -> Mentors:
    load: dict[str, int] = {}
    for m in mentorships:
        if m.status is MentorshipStatus.ACTIVE and m.academic_year == academic_year:
            load[m.mentor] = load.get(m.mentor, 0) + 1
    result = []
    for teacher in teachers:
        common = tuple(s for s in teacher.subjects if s in mentee.subjects)
        if (teacher.id == mentee.id or not teacher.active or teacher.organization is not None
                or teacher.category.rank < Category.EXPERT.rank or not common):
            continue
        result.append(MentorSuggestion(teacher, common, load.get(teacher.id, 0)))
    result.sort(key=lambda s: (s.mentees, -s.teacher.category.rank, s.teacher.full_name))
    return result


def association_of(associations: list[Association], teacher: str, academic_year: str) -> str | None:
    """The teacher's association of the year (not the council), for a visit logged from mentoring."""
    for body in associations:
        if (body.academic_year == academic_year and body.kind is not AssociationKind.COUNCIL
                and body.is_member(teacher)):
            return body.id
    return None


def seen_by(actor: Actor, mentorships: list[Mentorship]) -> list[Mentorship]:
    """All for those who see everything; otherwise the ones the user mentors or is mentored in."""
    if actor.may(Action.READ_ALL):
        return mentorships
    return [m for m in mentorships if actor.teacher in (m.mentor, m.mentee)]


class MentoringService(Service):
    def list(self, actor: Actor, school: str, academic_year: str | None = None) -> list[Mentorship]:
        """All for those who see everything; otherwise the ones the user mentors or is mentored in."""
        with self._read(actor, school) as store:
            return seen_by(actor, store.list_mentorships(school, academic_year))

    def suggest_mentees(self, actor: Actor, school: str, academic_year: str) -> Mentees:
        """Who needs a mentor: career start within three years or no category, no active mentorship."""
        actor.require(Action.READ_ALL)
        with self._read(actor, school) as store:
            year = found(store.academic_year_alone(school, academic_year), "academic year", academic_year)
            teachers = store.search_teachers(school, "")
            mentorships = store.list_mentorships(school, status=MentorshipStatus.ACTIVE)
        return mentees_needed(teachers, mentorships, reference_day(year, self.today()))

    def suggest_mentors(self, actor: Actor, school: str, mentee: str,
                        academic_year: str) -> Mentors:
        """Expert or higher, of the mentee's subject, with the fewest mentees of the year first."""
        actor.require(Action.READ_ALL)
        with self._read(actor, school) as store:
            found(store.get_academic_year(school, academic_year), "academic year", academic_year)
            record = found(store.get_teacher(school, mentee), "teacher", mentee)
            teachers = store.search_teachers(school, "")
            mentorships = store.list_mentorships(school, academic_year, MentorshipStatus.ACTIVE)
        return possible_mentors(record, teachers, mentorships, academic_year)

    def get(self, actor: Actor, school: str, mentorship: str) -> Mentorship:
        with self._read(actor, school) as store:
            record = found(store.get_mentorship(school, mentorship), "mentorship", mentorship)
        if not (actor.may(Action.READ_ALL) or actor.teacher in (record.mentor, record.mentee)):
            actor.require(Action.READ_ALL, record=mentorship)
        return record

    def _check(self, store: Store, school: str, mentorship: Mentorship) -> None:
        for teacher in (mentorship.mentor, mentorship.mentee):
            found(store.get_teacher(school, teacher), "teacher", teacher)
        year = found(store.get_academic_year(school, mentorship.academic_year), "academic year",
                     mentorship.academic_year)
        for session in mentorship.sessions:
            if session.lesson_visit is not None:
                found(store.get_lesson_visit(school, session.lesson_visit), "lesson visit",
                      session.lesson_visit)
        raise_first(mentorship_errors(mentorship, year))

    def save(self, actor: Actor, school: str, mentorship: Mentorship) -> Mentorship:
        """Assign a mentor or edit the assignment (the deputy director)."""
        actor.require(Action.EDIT_MENTORSHIP, record=mentorship.id or None)
        with self._write(actor, school) as store:
            existing = store.get_mentorship(school, mentorship.id) if mentorship.id else None
            if existing is not None:
                ensure_mentorship_open(existing)
            return self._save_checked(store, actor, school, mentorship, existing=existing is not None,
                                      id_from=("mentorships", "ment"), check=self._check,
                                      save=store.save_mentorship, audit=("mentorship", "mentorship"),
                                      summary=f"{mentorship.mentor} → {mentorship.mentee}")

    def log_session(self, actor: Actor, school: str, mentorship: str,
                    session: MentorshipSession) -> Mentorship:
        """The mentor (or the deputy) logs a consultation, a visit or joint planning."""
        with self._write(actor, school) as store:
            record = found(store.get_mentorship(school, mentorship), "mentorship", mentorship)
            actor.require(Action.LOG_MENTORING, {record.mentor}, mentorship)
            ensure_mentorship_open(record)
            if not record.start <= session.date <= record.end:
                raise DomainError(Rule.MENTORSHIP, N_("{date} is outside the mentorship's period"),
                                  {"date": session.date}, record=mentorship, field="sessions")
            record.sessions.append(session)
            record.sessions.sort(key=lambda s: s.date)
            self._check(store, school, record)
            store.save_mentorship(school, record)
            self._audit(store, actor, "mentorship.session", school, "mentorship", mentorship,
                        f"{session.date} {session.kind.value}")
        return record

    def log_visit_session(self, actor: Actor, school: str, mentorship: str, session: MentorshipSession,
                          subject: str, class_name: str | None = None) -> Mentorship:
        """Log a session in which one of the pair watches the other's lesson, and record that
        lesson as a mutual visit observed by the watcher (the session's notes as recommendations)."""
        if session.kind not in VISIT_SESSION_KINDS:
            raise DomainError(Rule.VALUE, N_("Only a lesson visit session can be recorded as a lesson visit"),
                              record=mentorship, field="kind")
        with self._write(actor, school) as store:
            record = found(store.get_mentorship(school, mentorship), "mentorship", mentorship)
            actor.require(Action.LOG_MENTORING, {record.mentor}, mentorship)
            ensure_mentorship_open(record)
            if not record.start <= session.date <= record.end:
                raise DomainError(Rule.MENTORSHIP, N_("{date} is outside the mentorship's period"),
                                  {"date": session.date}, record=mentorship, field="date")
            found(store.get_subject(school, subject), "subject", subject)
            mentor_watches = session.kind is SessionKind.MENTOR_VISITS_LESSON
            teacher, observer = ((record.mentee, record.mentor) if mentor_watches
                                 else (record.mentor, record.mentee))
            visit = LessonVisit(
                id=store.next_id(school, "lesson_visits", "v"), kind=VisitKind.MUTUAL_VISIT,
                teacher=teacher, subject=subject, date=session.date, topic=session.topic,
                class_name=class_name or None,
                association=association_of(store.list_associations(school), teacher, record.academic_year),
                observations=[Observation(observer, None, session.notes)],
            )
            store.save_lesson_visit(school, visit)
            record.sessions.append(replace(session, lesson_visit=visit.id))
            record.sessions.sort(key=lambda s: s.date)
            self._check(store, school, record)
            store.save_mentorship(school, record)
            self._audit(store, actor, "mentorship.session", school, "mentorship", mentorship,
                        f"{session.date} {session.kind.value} {visit.id}")
        return record

    def close(self, actor: Actor, school: str, mentorship: str, conclusion: str,
              status: MentorshipStatus = MentorshipStatus.COMPLETED) -> Mentorship:
        """Complete with the final conclusion (or cancel with the reason)."""
        actor.require(Action.EDIT_MENTORSHIP, record=mentorship)
        if status is MentorshipStatus.ACTIVE:
            raise DomainError(Rule.VALUE, N_("Choose completed or cancelled"), record=mentorship,
                              field="status")
        if not conclusion.strip():
            raise DomainError(Rule.MENTORSHIP, N_("Closing a mentorship needs a conclusion"),
                              record=mentorship, field="conclusion")
        with self._write(actor, school) as store:
            record = found(store.get_mentorship(school, mentorship), "mentorship", mentorship)
            ensure_mentorship_open(record)
            record.status = status
            record.conclusion = conclusion.strip()
            store.save_mentorship(school, record)
            self._audit(store, actor, f"mentorship.{status.value}", school, "mentorship", mentorship, "")
        return record
