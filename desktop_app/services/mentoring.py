"""Mentoring of teachers new to the profession (п. 10; rule 8)."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.domain.accounts import Action, Actor
from desktop_app.domain.entities import Mentorship, MentorshipSession, MentorshipStatus
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.domain.mentoring import ensure_mentorship_open, mentorship_errors
from desktop_app.services.base import Service, found, raise_first
from desktop_app.storage.store import Store


class MentoringService(Service):
    def list(self, actor: Actor, school: str, academic_year: str | None = None) -> list[Mentorship]:
        """All for those who see everything; otherwise the ones the user mentors or is mentored in."""
        with self._read(actor, school) as store:
            items = [m for m in store.list_mentorships(school)
                     if academic_year is None or m.academic_year == academic_year]
        if actor.may(Action.READ_ALL):
            return items
        return [m for m in items if actor.teacher in (m.mentor, m.mentee)]

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
            elif not mentorship.id:
                mentorship = replace(mentorship, id=store.next_id(school, "mentorships", "ment"))
            self._check(store, school, mentorship)
            store.save_mentorship(school, mentorship)
            self._audit(store, actor, "mentorship.update" if existing else "mentorship.create", school,
                        "mentorship", mentorship.id, f"{mentorship.mentor} → {mentorship.mentee}")
        return mentorship

    def log_session(self, actor: Actor, school: str, mentorship: str,
                    session: MentorshipSession) -> Mentorship:
        """The mentor (or the deputy) logs a consultation, a visit or joint planning."""
        with self._write(actor, school) as store:
            record = found(store.get_mentorship(school, mentorship), "mentorship", mentorship)
            actor.require(Action.LOG_MENTORING, {record.mentor}, mentorship)
            ensure_mentorship_open(record)
            if not record.start <= session.date <= record.end:
                raise DomainError(Rule.MENTORSHIP, N_("{date} is outside the mentorship's period"),
                                  {"date": session.date.isoformat()}, record=mentorship, field="sessions")
            record.sessions.append(session)
            record.sessions.sort(key=lambda s: s.date)
            self._check(store, school, record)
            store.save_mentorship(school, record)
            self._audit(store, actor, "mentorship.session", school, "mentorship", mentorship,
                        f"{session.date} {session.kind.value}")
        return record

    def close(self, actor: Actor, school: str, mentorship: str, conclusion: str,
              status: MentorshipStatus = MentorshipStatus.COMPLETED) -> Mentorship:
        """Complete with the final conclusion (or cancel with the reason)."""
        actor.require(Action.EDIT_MENTORSHIP, record=mentorship)
        if status is MentorshipStatus.ACTIVE:
            raise DomainError(Rule.VALUE, N_("choose completed or cancelled"), record=mentorship,
                              field="status")
        if not conclusion.strip():
            raise DomainError(Rule.MENTORSHIP, N_("closing a mentorship needs a conclusion"),
                              record=mentorship, field="conclusion")
        with self._write(actor, school) as store:
            record = found(store.get_mentorship(school, mentorship), "mentorship", mentorship)
            ensure_mentorship_open(record)
            record.status = status
            record.conclusion = conclusion.strip()
            store.save_mentorship(school, record)
            self._audit(store, actor, f"mentorship.{status.value}", school, "mentorship", mentorship, "")
        return record
