"""Open lessons, master classes, Lesson Study and mutual visits, with observations (п. 10, 11)."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.domain.accounts import Action, Actor
from desktop_app.domain.entities import LessonVisit, Observation
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.services.base import Service, found
from desktop_app.storage.store import Store


class VisitService(Service):
    def list(self, actor: Actor, school: str, association: str | None = None) -> list[LessonVisit]:
        with self._read(actor, school) as store:
            visits = store.list_lesson_visits(school)
        visits = [v for v in visits if association is None or v.association == association]
        if actor.may(Action.READ_ALL):
            return sorted(visits, key=lambda v: v.date)
        mine = {actor.teacher}
        return sorted((v for v in visits if v.teacher in mine or any(o.observer in mine for o in v.observations)),
                      key=lambda v: v.date)

    def get(self, actor: Actor, school: str, visit: str) -> LessonVisit:
        with self._read(actor, school) as store:
            return found(store.get_lesson_visit(school, visit), "lesson visit", visit)

    def _owners(self, store: Store, school: str, visit: LessonVisit) -> set[str]:
        return self._heads(store, school, visit.association) if visit.association else set()

    def _check(self, store: Store, school: str, visit: LessonVisit) -> None:
        found(store.get_teacher(school, visit.teacher), "teacher", visit.teacher)
        found(store.get_subject(school, visit.subject), "subject", visit.subject)
        if visit.association is not None:
            found(store.get_association(school, visit.association), "association", visit.association)
        for observation in visit.observations:
            found(store.get_teacher(school, observation.observer), "teacher", observation.observer)
            if observation.observer == visit.teacher:
                raise DomainError(Rule.VALUE, N_("a teacher does not observe their own lesson"),
                                  record=visit.id, field="observations")

    def save(self, actor: Actor, school: str, visit: LessonVisit) -> LessonVisit:
        """Schedule or edit a visit: the deputy, or the head of the visit's association."""
        with self._write(actor, school) as store:
            existing = store.get_lesson_visit(school, visit.id) if visit.id else None
            owners = self._owners(store, school, visit)
            if existing is not None:
                owners |= self._owners(store, school, existing)
            actor.require(Action.EDIT_VISIT, owners, visit.id or None)
            if not visit.id:
                visit = replace(visit, id=store.next_id(school, "lesson_visits", "v"))
            self._check(store, school, visit)
            store.save_lesson_visit(school, visit)
            self._audit(store, actor, "visit.update" if existing else "visit.create", school,
                        "lesson_visit", visit.id, f"{visit.date} {visit.teacher}")
        return visit

    def observe(self, actor: Actor, school: str, visit: str, observation: Observation) -> LessonVisit:
        """An observer records strengths and recommendations (their own, or any for the deputy)."""
        with self._write(actor, school) as store:
            record = found(store.get_lesson_visit(school, visit), "lesson visit", visit)
            actor.require(Action.OBSERVE, {observation.observer} | self._owners(store, school, record), visit)
            record.observations = [o for o in record.observations if o.observer != observation.observer]
            record.observations.append(observation)
            self._check(store, school, record)
            store.save_lesson_visit(school, record)
            self._audit(store, actor, "visit.observe", school, "lesson_visit", visit, observation.observer)
        return record
