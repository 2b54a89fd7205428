"""Import and export of exchange documents (exchange-v1.md): checked whole, written all at once."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from desktop_app.domain.accounts import Action, Actor
from desktop_app.domain.entities import CalendarPlan
from desktop_app.domain.validation import COLLECTIONS
from desktop_app.services.base import Service, found
from desktop_app.services.exchange.analyses import KEY as ANALYSES
from desktop_app.services.exchange.analyses import export_analyses, import_analyses
from desktop_app.services.exchange.decoding import decode_text
from desktop_app.services.exchange.events import KEY as EVENTS
from desktop_app.services.exchange.events import export_events, import_events
from desktop_app.services.exchange.importing import Imported, already_held, counts_of, import_text
from desktop_app.services.exchange.reading import parse_document
from desktop_app.services.exchange.staff import (
    ATTESTATIONS,
    COURSES,
    export_attestations,
    export_courses,
    import_attestations,
    import_courses,
)
from desktop_app.services.exchange.streaming import Unusual
from desktop_app.services.exchange.writing import document_text, dump_document
from desktop_app.storage.collector import collector_paused
from desktop_app.storage.guest_members import restore_guests, saved_guests
from desktop_app.storage.store import Store


@dataclass
class ImportSummary:
    school: str
    replaced: bool
    counts: dict[str, int] = field(default_factory=dict)


class ExchangeService(Service):
    def import_document(self, actor: Actor, data: bytes | str, replace: bool = False) -> ImportSummary:
        """Everything is checked before the transaction commits; a refusal leaves the database as
        it was. A document is read record by record (memory stays flat); one that cannot be is
        read whole, which names each of its problems."""
        actor.require(Action.IMPORT)
        text = decode_text(data)
        try:
            with self._db.transaction(write=True) as store:
                guests = saved_guests(store.session) if replace else []  # district (п. 21): not in the file
                imported = import_text(store, text, replace, actor.require_school)
                imported.counts[EVENTS] = import_events(store, imported.school, imported.extra.get(EVENTS, []))
                _import_staff(store, imported, imported.extra)
                _count(imported.counts, import_analyses(store, imported.school, imported.extra.get(ANALYSES, [])))
                restore_guests(store.session, imported.school, guests)
                self._record(store, actor, imported)
        except Unusual:
            imported = self._import_whole(actor, text, replace)
        return ImportSummary(imported.school, imported.replaced, imported.counts)

    def _import_whole(self, actor: Actor, text: str, replace: bool) -> Imported:
        records = parse_document(text)
        school = records.school.id
        actor.require_school(school)
        with self._db.transaction(write=True) as store:
            exists = store.get_school(school) is not None
            if exists and not replace:
                raise already_held(school)
            guests = saved_guests(store.session) if exists else []
            if exists:
                store.delete_school(school)
            store.insert_records(records)
            restore_guests(store.session, school, guests)
            imported = Imported(school, exists, counts_of(
                records, len(records.plans), sum(len(p.rows) for p in records.plans)))
            whole = json.loads(text)
            imported.counts[EVENTS] = import_events(store, school, whole.get(EVENTS) or [])
            _import_staff(store, imported, whole)
            _count(imported.counts, import_analyses(store, school, whole.get(ANALYSES) or []))
            self._record(store, actor, imported)
        return imported

    def _record(self, store: Store, actor: Actor, imported: Imported) -> None:
        self._audit(store, actor, "school.replace" if imported.replaced else "school.import", imported.school,
                    "school", imported.school, ", ".join(f"{k}={v}" for k, v in imported.counts.items()))

    def export_document(self, actor: Actor, school: str) -> dict[str, Any]:
        actor.require(Action.EXPORT)
        actor.require_school(school)
        with self._db.transaction() as store:
            found(store.get_school(school), "school", school)
            records = store.load_records(school)
            events = export_events(store, school)
            staff = _export_staff(store, school)
            analyses = export_analyses(store, school)
        document = {**dump_document(records, exported_at=self._clock()), EVENTS: events, **staff}
        return {**document, ANALYSES: analyses} if analyses else document

    def export_text(self, actor: Actor, school: str, write: Callable[[str], object]) -> dict[str, int]:
        """The school's document (the text of ``export_document``) handed to ``write`` piece by
        piece, its plans read a few hundred at a time: memory stays flat. The count of each list."""
        actor.require(Action.EXPORT)
        actor.require_school(school)
        with self._db.transaction() as store:
            found(store.get_school(school), "school", school)
            records = store.load_records(school, plans=False)
            plans = 0

            def each_plan() -> Iterator[CalendarPlan]:
                nonlocal plans
                for batch in store.plan_batches(school):
                    plans += len(batch)
                    yield from batch

            events = export_events(store, school)
            staff = _export_staff(store, school)
            analyses = export_analyses(store, school)
            with collector_paused():  # every plan's rows read and written: no cycle among them
                for piece in document_text(records, each_plan(), exported_at=self._clock()):
                    if piece == "\n}\n":  # the end: the optional collections of version 2 go before it
                        write(_events_text(events))
                        for key, items in staff.items():
                            write(_events_text(items, key))
                        if analyses:
                            write(_events_text(analyses, ANALYSES))
                    write(piece)
        counts = {name: len(getattr(records, name)) for name in COLLECTIONS[1:]}
        counts["plans"] = plans
        counts[EVENTS] = len(events)
        counts.update({key: len(items) for key, items in staff.items()})
        _count(counts, len(analyses))
        return counts


def _count(counts: dict[str, int], analyses: int) -> None:
    """The analyses are counted when the document has any (the key is optional and rare)."""
    if analyses:
        counts[ANALYSES] = analyses


def _events_text(events: list[dict[str, Any]], key: str = EVENTS) -> str:
    """``"events": [...]`` (or another optional collection) as the writer lays out a collection:
    one record per line."""
    lines = ",\n  ".join(json.dumps(event, ensure_ascii=False) for event in events)
    return f',\n "{key}": [' + (f"\n  {lines}\n ]" if events else "]")


def _import_staff(store: Store, imported: Imported, document: dict[str, Any]) -> None:
    """The attestation register and the courses (optional, version 2), after the events."""
    imported.counts[ATTESTATIONS] = import_attestations(store, imported.school, document.get(ATTESTATIONS) or [])
    imported.counts[COURSES] = import_courses(store, imported.school, document.get(COURSES) or [])


def _export_staff(store: Store, school: str) -> dict[str, list[dict[str, Any]]]:
    return {ATTESTATIONS: export_attestations(store, school), COURSES: export_courses(store, school)}
