"""Open lessons, master classes, Lesson Study and mutual visits, with observations (п. 10.3, 10.4; п. 20)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol, TypeVar

from desktop_app.domain.accounts import Action, Actor
from desktop_app.domain.entities import Association, LessonVisit, Observation
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.services.base import Service, found
from desktop_app.storage.store import Store


@dataclass
class VisitMatrix:
    """Who visited whom: rows are observers, columns the teachers observed, cells the counts.

    Columns are the association's members; rows are its members and then anyone else who observed
    one of them. ``unvisited`` are the members whose lessons nobody observed in the year.
    """

    association: str
    teachers: list[str]
    observers: list[str]
    counts: dict[tuple[str, str], int] = field(default_factory=dict)

    def count(self, observer: str, teacher: str) -> int:
        return self.counts.get((observer, teacher), 0)

    def visited(self, teacher: str) -> int:
        return sum(n for (_, t), n in self.counts.items() if t == teacher)

    @property
    def unvisited(self) -> list[str]:
        return [t for t in self.teachers if self.visited(t) == 0]


def visit_matrix(body: Association, visits: list[LessonVisit], first: date, last: date) -> VisitMatrix:
    """Observations of lessons of the members dated in ``first`` … ``last``."""
    members = body.member_ids()
    matrix = VisitMatrix(body.id, members, list(members))
    for visit in visits:
        if visit.teacher not in members or not first <= visit.date <= last:
            continue
        for observation in visit.observations:
            key = (observation.observer, visit.teacher)
            matrix.counts[key] = matrix.counts.get(key, 0) + 1
            if observation.observer not in matrix.observers:
                matrix.observers.append(observation.observer)
    return matrix


Visits = list[LessonVisit]


class _Visit(Protocol):
    """A visit whole (``LessonVisit``) or as the documents section lists it (``VisitHeading``)."""

    @property
    def teacher(self) -> str: ...
    @property
    def date(self) -> date: ...
    @property
    def observers(self) -> tuple[str, ...]: ...


V = TypeVar("V", bound=_Visit)


def seen_by(actor: Actor, visits: Iterable[V]) -> list[V]:
    """The visits ``actor`` may see, by date: all for those who see everything, else the lessons
    they gave and those they observed."""
    if actor.may(Action.READ_ALL):
        return sorted(visits, key=lambda v: v.date)
    mine = actor.teacher
    return sorted((v for v in visits if v.teacher == mine or mine in v.observers), key=lambda v: v.date)


def in_period(visits: list[LessonVisit], first: date, last: date) -> list[LessonVisit]:
    return [v for v in visits if first <= v.date <= last]


class VisitService(Service):
    def list(self, actor: Actor, school: str, association: str | None = None,
             first: date | None = None, last: date | None = None) -> list[LessonVisit]:
        """The visits the user may see, by date (of ``association``, dated ``first`` … ``last``)."""
        with self._read(actor, school) as store:
            return seen_by(actor, store.list_lesson_visits(school, first, last, association))

    def between(self, actor: Actor, school: str, first: date, last: date) -> Visits:
        """The visits the user may see dated in ``first`` … ``last`` (a term's schedule)."""
        return self.list(actor, school, first=first, last=last)

    def matrix(self, actor: Actor, school: str, association: str, academic_year: str) -> VisitMatrix:
        """Who visited whom among the association's members during the academic year."""
        with self._read(actor, school) as store:
            body = found(store.get_association(school, association), "association", association)
            if not (actor.may(Action.READ_ALL) or actor.teacher == body.head):
                actor.require(Action.READ_ALL, record=association)
            year = found(store.get_academic_year(school, academic_year), "academic year", academic_year)
            first, last = year.window
            visits = store.list_lesson_visits(school, first, last, teachers=body.member_ids())
        return visit_matrix(body, visits, first, last)

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
                raise DomainError(Rule.VALUE, N_("A teacher does not observe their own lesson"),
                                  record=visit.id, field="observations")

    def save(self, actor: Actor, school: str, visit: LessonVisit) -> LessonVisit:
        """Schedule or edit a visit: the deputy, or the head of the visit's association."""
        with self._write(actor, school) as store:
            existing = store.get_lesson_visit(school, visit.id) if visit.id else None
            owners = self._owners(store, school, visit)
            if existing is not None:
                owners |= self._owners(store, school, existing)
            actor.require(Action.EDIT_VISIT, owners, visit.id or None)
            return self._save_checked(store, actor, school, visit, existing=existing is not None,
                                      id_from=("lesson_visits", "v"), check=self._check,
                                      save=store.save_lesson_visit, audit=("visit", "lesson_visit"),
                                      summary=f"{visit.date} {visit.teacher}")

    def observe(self, actor: Actor, school: str, visit: str, observation: Observation) -> LessonVisit:
        """An observer records strengths and recommendations (their own, or any for the deputy)."""
        with self._write(actor, school) as store:
            record = found(store.get_lesson_visit(school, visit), "lesson visit", visit)
            actor.require(Action.OBSERVE, {observation.observer} | self._owners(store, school, record), visit)
            record.observations = [o for o in record.observations if o.observer != observation.observer]
            record.observations.append(observation)
            self._check(store, school, record)
            store.save_observation(school, visit, observation)  # the visit and others' observations untouched
            self._audit(store, actor, "visit.observe", school, "lesson_visit", visit, observation.observer)
        return record
