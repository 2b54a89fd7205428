"""Events of collective methodical work in the database: through the Store's generic machinery,
kept apart from the school's first-wave collections (``mapping.KINDS``) on purpose: an event
is read and written on its own and by the exchange's optional ``events`` collection."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.domain.event_records import Event
from desktop_app.storage.mapping.events import EVENTS
from desktop_app.storage.store import Store


def list_events(store: Store, school_id: str, academic_year: str | None = None,
                meeting: str | None = None) -> list[Event]:
    """The school's events (of ``academic_year``; that list an item of ``meeting``, where given)."""
    table = EVENTS.table
    where = [table.c.academic_year_id == academic_year] if academic_year is not None else []
    if meeting is not None:
        agenda = next(child for child, _owner in EVENTS.children if "meeting_id" in child.c)
        where.append(table.c.id.in_(select(agenda.c.event_id).where(
            agenda.c.school_id == school_id, agenda.c.meeting_id == meeting)))
    return store._load(EVENTS, school_id, *where, order_by=(table.c.academic_year_id, table.c.number))


def get_event(store: Store, school_id: str, event_id: str) -> Event | None:
    return store._get(EVENTS, school_id, event_id)


def save_event(store: Store, school_id: str, event: Event) -> None:
    store._save(EVENTS, school_id, event)


def delete_event(store: Store, school_id: str, event_id: str) -> None:
    store._delete(EVENTS, school_id, event_id)


def next_event_id(store: Store, school_id: str) -> str:
    """A fresh id ``e-<n>`` not used by another event of the school."""
    table = EVENTS.table
    used = set(store.session.execute(
        select(table.c.id).where(table.c.school_id == school_id)).scalars())
    numbers = [int(i[2:]) for i in used if i.startswith("e-") and i[2:].isdigit()]
    candidate = max(numbers, default=0) + 1
    while f"e-{candidate}" in used:
        candidate += 1
    return f"e-{candidate}"
