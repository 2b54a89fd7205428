"""Following the approved annual work plan (п. 28): marks on its items, and what they may link to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.accounts import Action, Actor
from desktop_app.domain.entities import Association, ItemMark, ItemState
from desktop_app.domain.errors import N_, DomainError, Msg, Rule
from desktop_app.domain.event_records import EventStatus
from desktop_app.domain.work_plan_marks import LINK_KINDS, mark_errors
from desktop_app.services.base import Service, found, raise_first
from desktop_app.storage.events import get_event, list_events
from desktop_app.storage.store import Store


@dataclass(frozen=True)
class LinkChoice:
    """A record that can be named as having held an item: its kind, id, day and a short label."""

    kind: str
    id: str
    day: date
    label: str


class WorkPlanService(Service):
    def link_choices(self, actor: Actor, school: str, association: str) -> list[LinkChoice]:
        """The association's meetings and the year's lesson visits of its members, by date."""
        with self._read(actor, school) as store:
            body = found(store.get_association(school, association), "association", association)
            year = found(store.get_academic_year(school, body.academic_year), "academic year",
                         body.academic_year)
            first, last = year.window
            choices = [LinkChoice("meeting", m.id, m.date, f"№ {m.number}")
                       for m in store.meetings_of(school, association)]
            members = set(body.member_ids())
            teachers = {t.id: t.short_name for t in store.list_teachers(school)}
            choices += [LinkChoice("lesson_visit", v.id, v.date, f"{teachers.get(v.teacher, v.teacher)}: {v.topic}")
                        for v in store.list_lesson_visits(school, first, last)
                        if v.association == association or v.teacher in members]
            choices += [LinkChoice("event", e.id, e.start, f"№ {e.number}: {e.topic.ru or e.topic.kk or ''}")
                        for e in list_events(store, school, body.academic_year) if e.status is EventStatus.HELD]
        return sorted(choices, key=lambda c: (c.day, c.kind, c.id))

    def mark_item(self, actor: Actor, school: str, association: str, item: int,
                  mark: ItemMark | None) -> Association:
        """Mark item ``item`` (from 1) of the approved plan held, moved or cancelled; None clears the
        mark. The head of the association or the administrator marks (п. 28)."""
        with self._write(actor, school) as store:
            record = found(store.get_association(school, association), "association", association)
            actor.require(Action.EDIT_ASSOCIATION, {record.head}, association)
            year = found(store.get_academic_year(school, record.academic_year), "academic year",
                         record.academic_year)
            link_day = self._link_day(store, school, record, item, mark)
            raise_first(mark_errors(record, item, mark, year.window, link_day, self.today()))
            assert record.work_plan is not None
            record.work_plan.items[item - 1].mark = mark
            store.save_association(school, record)
            summary = f"{item} {mark.state}" if mark else f"{item} -"
            self._audit(store, actor, "work_plan.mark", school, "association", association, summary)
        return record

    @staticmethod
    def _link_day(store: Store, school: str, body: Association, item: int, mark: ItemMark | None) -> date | None:
        """The date of the linked record; a link to a missing record (or to another body's meeting)
        is refused here, an unknown kind by the domain."""
        if mark is None or mark.state is not ItemState.HELD or mark.link is None:
            return None
        link = mark.link
        day: date | None = None
        if link.kind == "meeting":
            meeting = store.get_meeting(school, link.id)
            day = meeting.date if meeting is not None and meeting.body == body.id else None
        elif link.kind == "lesson_visit":
            visit = store.get_lesson_visit(school, link.id)
            day = visit.date if visit is not None else None
        elif link.kind == "event":  # an event of methodical work held (п. 20), by whoever organised it
            event = get_event(store, school, link.id)
            day = event.start if event is not None and event.status is EventStatus.HELD else None
        else:
            return None
        if day is None:
            raise DomainError(Rule.REFERENCE, N_("Work plan item {item}: no {kind} {id} of this association"),
                              {"item": item, "kind": Msg(LINK_KINDS[link.kind]), "id": link.id},
                              record=body.id, field=f"work_plan.items[{item}].mark")
        return day
