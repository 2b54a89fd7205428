"""Events of collective methodical work (п. 20, п. 10.5): the year's register, holding, certificates.

Every refusal is a ``DomainError`` of ``Rule.EVENT`` (п. 20) naming the event and the field; the
rules themselves are in domain/events.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from desktop_app.documents.common import DocumentContext
from desktop_app.documents.events import build_certificates, build_event_register
from desktop_app.documents.verification import Verification, verification
from desktop_app.domain.accounts import Action, Actor
from desktop_app.domain.entities import AcademicYear
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.domain.event_records import Event, EventForm, EventStatus
from desktop_app.domain.events import (
    CertificateHolder,
    certificate_holders,
    ensure_deletable,
    ensure_holdable,
    event_errors,
    next_number,
    numbering_errors,
    organisers,
)
from desktop_app.i18n import current_language
from desktop_app.services.base import Service, found, raise_first
from desktop_app.services.exchange.events import dump_event
from desktop_app.storage import events as stored
from desktop_app.storage.store import Store

Events = list[Event]


@dataclass(frozen=True)
class PrintedEvents:
    data: bytes
    language: str
    check: Verification


def _context(store: Store, school: str) -> DocumentContext:
    return DocumentContext(
        school=found(store.get_school(school), "school", school),
        teachers={t.id: t for t in store.list_teachers(school)},
        associations={a.id: a for a in store.list_associations(school)},
        years={y.id: y for y in store.list_academic_years(school)})


def _chain(store: Store) -> str:
    last = store.last_audit()
    return last.hash if last else ""


def event_checks(store: Store, school: str) -> Iterator[Verification]:
    """Every event print the school's current records can give (for ``verify``): each year's
    register, and the certificates of each held event — all together and each participant's own."""
    names = {t.id: t.full_name for t in store.list_teachers(school)}
    for year in store.list_academic_years(school):
        events = stored.list_events(store, school, year.id)
        yield verification("event_register", year.id, 1, {"events": [dump_event(e) for e in events]})
        for event in events:
            if event.status is not EventStatus.HELD:
                continue
            record = dump_event(event)
            holders = certificate_holders(event, names)
            yield verification("certificate", event.id, 1, {"event": record, "holders": [h.number for h in holders]})
            for holder in holders:
                yield verification("certificate", f"{event.id}#{holder.number}", 1,
                                   {"event": record, "holders": [holder.number]})


class EventService(Service):
    def list(self, actor: Actor, school: str, academic_year: str | None = None,
             form: EventForm | None = None, organiser: str | None = None) -> Events:
        """The register: events of the year by number, filtered by form and organiser
        (``""`` for the deputy director's own events). Every user of the school may read it."""
        with self._read(actor, school) as store:
            events = stored.list_events(store, school, academic_year)
        return [e for e in events
                if (form is None or e.form is form)
                and (organiser is None or (e.organiser or "") == organiser)]

    def get(self, actor: Actor, school: str, event: str) -> Event:
        with self._read(actor, school) as store:
            return found(stored.get_event(store, school, event), "event", event)

    def next_number(self, actor: Actor, school: str, academic_year: str) -> int:
        with self._read(actor, school) as store:
            return next_number(stored.list_events(store, school, academic_year))

    def may_edit(self, actor: Actor, school: str, event: Event) -> bool:
        """Whether the window offers editing: the same test ``save`` refuses by."""
        with self._read(actor, school) as store:
            return actor.may(Action.EDIT_EVENT, self._owners(store, school, event))

    def for_meeting(self, actor: Actor, school: str, meeting: str) -> Events:
        """Events that an agenda item of ``meeting`` lists (the agenda item dialog shows them)."""
        with self._read(actor, school) as store:
            return stored.list_events(store, school, meeting=meeting)

    def save(self, actor: Actor, school: str, event: Event) -> Event:
        """Create (number 0 or none: the year's next number) or edit an event."""
        with self._write(actor, school) as store:
            existing = stored.get_event(store, school, event.id) if event.id else None
            owners = self._owners(store, school, event)
            if existing is not None:
                owners |= self._owners(store, school, existing)
            actor.require(Action.EDIT_EVENT, owners, event.id or None)
            year_events = [e for e in stored.list_events(store, school, event.academic_year)
                           if e.id != event.id]
            if existing is None:
                event = replace(event, id=event.id or stored.next_event_id(store, school),
                                number=next_number(year_events))
            else:
                if existing.academic_year != event.academic_year:
                    raise DomainError(
                        Rule.EVENT, N_("Event No. {number} belongs to the year {year}; the number is of that year"),
                        {"number": existing.number, "year": existing.academic_year},
                        record=event.id, field="academic_year")
                event = replace(event, number=existing.number)
            self._check(store, school, event, year_events)
            stored.save_event(store, school, event)
            self._audit(store, actor, "event.update" if existing else "event.create", school, "event",
                        event.id, f"{event.academic_year} No. {event.number}")
            return event

    def hold(self, actor: Actor, school: str, event: str, outcome: str | None = None) -> Event:
        """Mark the event held (at least one participant), with its outcome or decision."""
        with self._write(actor, school) as store:
            record = found(stored.get_event(store, school, event), "event", event)
            actor.require(Action.EDIT_EVENT, self._owners(store, school, record), event)
            ensure_holdable(record)
            record = replace(record, status=EventStatus.HELD,
                             outcome=record.outcome if outcome is None else outcome)
            stored.save_event(store, school, record)
            self._audit(store, actor, "event.hold", school, "event", event, f"No. {record.number}")
            return record

    def cancel(self, actor: Actor, school: str, event: str) -> Event:
        """A cancelled event keeps its number (the register has no gaps)."""
        with self._write(actor, school) as store:
            record = found(stored.get_event(store, school, event), "event", event)
            actor.require(Action.EDIT_EVENT, self._owners(store, school, record), event)
            if record.status is EventStatus.HELD:
                raise DomainError(Rule.EVENT, N_("Event No. {number} was held and stays in the register"),
                                  {"number": record.number}, record=event, field="status")
            record = replace(record, status=EventStatus.CANCELLED)
            stored.save_event(store, school, record)
            self._audit(store, actor, "event.cancel", school, "event", event, f"No. {record.number}")
            return record

    def delete(self, actor: Actor, school: str, event: str) -> None:
        with self._write(actor, school) as store:
            record = found(stored.get_event(store, school, event), "event", event)
            actor.require(Action.EDIT_EVENT, self._owners(store, school, record), event)
            ensure_deletable(record, stored.list_events(store, school, record.academic_year))
            stored.delete_event(store, school, event)
            self._audit(store, actor, "event.delete", school, "event", event, f"No. {record.number}")

    def certificates(self, actor: Actor, school: str, event: str,
                     only: tuple[str, ...] | None = None) -> tuple[Event, tuple[CertificateHolder, ...]]:
        """The certificates of participation of a held event (all, or ``only`` some participants);
        the first issue records its day on the event."""
        with self._write(actor, school) as store:
            record = found(stored.get_event(store, school, event), "event", event)
            actor.require(Action.EDIT_EVENT, self._owners(store, school, record), event)
            names = {t.id: t.full_name for t in store.list_teachers(school)}
            holders = tuple(certificate_holders(record, names, only))
            if record.certificates_issued is None:
                record = replace(record, certificates_issued=self.today())
                stored.save_event(store, school, record)
                self._audit(store, actor, "event.certificates", school, "event", event,
                            f"No. {record.number}: {len(holders)}")
            return record, holders

    # --- prints -------------------------------------------------------------------------------

    def register_pdf(self, actor: Actor, school: str, academic_year: str,
                     language: str | None = None) -> PrintedEvents:
        """The year's register of events (kk or ru), signed by the deputy director."""
        lang = language or current_language()
        with self._read(actor, school) as store:
            found(store.get_academic_year(school, academic_year), "academic year", academic_year)
            events = stored.list_events(store, school, academic_year)
            ctx = _context(store, school)
            chain = _chain(store)
        check = verification("event_register", academic_year, 1,
                             {"events": [dump_event(e) for e in events]}).with_chain(chain)
        return PrintedEvents(build_event_register(academic_year, events, ctx, lang, check), lang, check)

    def certificates_pdf(self, actor: Actor, school: str, event: str, only: tuple[str, ...] | None = None,
                         language: str | None = None) -> PrintedEvents:
        """Certificates of participation of a held event: every participant, or ``only`` some."""
        lang = language or current_language()
        record, holders = self.certificates(actor, school, event, only)
        with self._read(actor, school) as store:
            ctx = _context(store, school)
            chain = _chain(store)
        payload = {"event": dump_event(record), "holders": [h.number for h in holders]}
        record_id = record.id if only is None else f"{record.id}#{','.join(h.number for h in holders)}"
        check = verification("certificate", record_id, 1, payload).with_chain(chain)
        return PrintedEvents(build_certificates(record, holders, ctx, lang, check), lang, check)

    # --- checks -------------------------------------------------------------------------------

    @staticmethod
    def _owners(store: Store, school: str, event: Event) -> set[str]:
        return organisers(event, store.associations_of(school, event.academic_year))

    def _check(self, store: Store, school: str, event: Event, others: Events) -> None:
        year: AcademicYear = found(store.get_academic_year(school, event.academic_year),
                                   "academic year", event.academic_year)
        if event.organiser is not None:
            body = found(store.get_association(school, event.organiser), "association", event.organiser)
            if body.academic_year != event.academic_year:
                raise DomainError(
                    Rule.EVENT, N_("The organiser {body} is an association of another academic year ({year})"),
                    {"body": body.id, "year": body.academic_year}, record=event.id, field="organiser")
        for teacher in dict.fromkeys([*event.responsible, *event.participants]):
            found(store.get_teacher(school, teacher), "teacher", teacher)
        for reference in event.agenda:
            meeting = found(store.get_meeting(school, reference.meeting), "meeting", reference.meeting)
            if all(item.number != reference.item for item in meeting.agenda):
                raise DomainError(
                    Rule.REFERENCE, N_("Meeting {meeting} has no agenda item {item}"),
                    {"meeting": reference.meeting, "item": reference.item}, record=event.id, field="agenda")
        raise_first(event_errors(event, year))
        raise_first(numbering_errors([*others, event]))
