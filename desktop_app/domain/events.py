"""Rules of events of collective methodical work (п. 20): dates, numbering, holding, certificates.

Who may organise one is decided here too: the administrator (the deputy director, п. 25) any
event; a member of the methodical council any event; an association's head the events of their
association. The service asks ``organisers`` and refuses by ``Action.EDIT_EVENT``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop_app.domain.entities import AcademicYear, Association, AssociationKind
from desktop_app.domain.errors import N_, DomainError, Msg, Rule
from desktop_app.domain.event_records import Event, EventStatus
from desktop_app.domain.labels import EVENT_STATUS_LABELS as STATUS_LABELS

#: The paragraph every refusal of this module cites (the one table of paragraphs lives in
#: domain/ once the "rules" part is merged; this constant is its entry for events).
PARAGRAPH = Rule.EVENT.paragraph

def organisers(event: Event, bodies: Iterable[Association]) -> set[str]:
    """Teachers who may organise ``event`` besides the administrator: the council's members and,
    for an association's event, its head."""
    owners: set[str] = set()
    for body in bodies:
        if body.kind is AssociationKind.COUNCIL:
            owners |= set(body.member_ids())
        if event.organiser is not None and body.id == event.organiser:
            owners.add(body.head)
    return owners


def event_errors(event: Event, year: AcademicYear) -> list[DomainError]:
    """The record itself: a topic, dates within the academic year, guests named with their school."""
    errors: list[DomainError] = []
    if not (event.topic.kk or event.topic.ru or "").strip():
        errors.append(DomainError(Rule.EVENT, N_("Event No. {number}: the topic is empty"),
                                  {"number": event.number}, record=event.id, field="topic"))
    first, last = year.window
    for name, day in (("start", event.start), ("end", event.end)):
        if day is not None and not first <= day <= last:
            errors.append(DomainError(
                Rule.EVENT, N_("{date} is outside the academic year {year} ({first} – {last})"),
                {"date": day, "year": year.id, "first": first, "last": last},
                record=event.id, field=name))
    if event.end is not None and event.end < event.start:
        errors.append(DomainError(
            Rule.EVENT, N_("Event No. {number} ends ({end}) before it starts ({start})"),
            {"number": event.number, "start": event.start, "end": event.end},
            record=event.id, field="end"))
    for guest in event.guests:
        if not guest.name.strip() or not guest.school.strip():
            errors.append(DomainError(
                Rule.EVENT, N_("A guest of event No. {number} is named without a name or a school"),
                {"number": event.number}, record=event.id, field="guests"))
            break
    repeated = [t for t, n in Counter(event.participants).items() if n > 1]
    if repeated:
        errors.append(DomainError(
            Rule.EVENT, N_("Teacher {teacher} is listed twice among the participants"),
            {"teacher": repeated[0]}, record=event.id, field="participants"))
    if event.status is EventStatus.HELD:
        errors += holding_errors(event)
    return errors


def holding_errors(event: Event) -> list[DomainError]:
    """An event is marked held only with at least one participant, and not once cancelled."""
    if event.participant_count == 0:
        return [DomainError(
            Rule.EVENT, N_("Event No. {number} cannot be marked held: it has no participants"),
            {"number": event.number}, record=event.id, field="participants")]
    return []


def ensure_holdable(event: Event) -> None:
    if event.status is EventStatus.CANCELLED:
        raise DomainError(Rule.EVENT, N_("Event No. {number} is cancelled and cannot be marked held"),
                          {"number": event.number}, record=event.id, field="status")
    for error in holding_errors(event):
        raise error


def numbering_errors(events: Iterable[Event]) -> list[DomainError]:
    """The events of one academic year are numbered 1, 2, 3 ... without repeats or gaps."""
    ordered = sorted(events, key=lambda e: (e.number, e.id))
    counts = Counter(e.number for e in ordered)
    for event in ordered:
        if counts[event.number] > 1:
            return [DomainError(Rule.EVENT, N_("Event number {number} is repeated in {year}"),
                                {"number": event.number, "year": event.academic_year},
                                record=event.id, field="number")]
    for expected, event in enumerate(ordered, start=1):
        if event.number != expected:
            return [DomainError(
                Rule.EVENT,
                N_("Event number {number} of {year} leaves a gap: number {expected} is missing"),
                {"number": event.number, "year": event.academic_year, "expected": expected},
                record=event.id, field="number")]
    return []


def next_number(events: Iterable[Event]) -> int:
    """The number the next event of the year gets."""
    return max((e.number for e in events), default=0) + 1


def ensure_deletable(event: Event, year_events: Sequence[Event]) -> None:
    """Only the last event of the year is deleted (the register keeps no gaps); a held one stays."""
    if event.status is EventStatus.HELD:
        raise DomainError(Rule.EVENT, N_("Event No. {number} was held and stays in the register"),
                          {"number": event.number}, record=event.id, field="status")
    if event.number != next_number(year_events) - 1:
        raise DomainError(
            Rule.EVENT,
            N_("Event No. {number} is not the last of the year: cancel it instead, the register keeps no gaps"),
            {"number": event.number}, record=event.id, field="number")


@dataclass(frozen=True)
class CertificateHolder:
    """One certificate of participation: its number (event–person), the name and where from."""

    number: str
    name: str
    school: str | None = None
    teacher: str | None = None


def certificate_holders(event: Event, names: dict[str, str],
                        only: Sequence[str] | None = None) -> list[CertificateHolder]:
    """The certificates of a held event, staff first, then guests, numbered «N-1», «N-2» …

    ``names`` gives a teacher's full name by id; ``only`` picks some holders by teacher id or
    guest name. Refused for an event not held, or for someone who did not take part."""
    if event.status is not EventStatus.HELD:
        raise DomainError(
            Rule.EVENT, N_("Certificates are issued only for a held event; event No. {number} is {status}"),
            {"number": event.number, "status": Msg(STATUS_LABELS[event.status])},
            record=event.id, field="status")
    holders = [CertificateHolder(f"{event.number}-{i}", names.get(t, t), None, t)
               for i, t in enumerate(event.participants, start=1)]
    start = len(holders) + 1
    holders += [CertificateHolder(f"{event.number}-{i}", g.name, g.school)
                for i, g in enumerate(event.guests, start=start)]
    if only is None:
        return holders
    picked = []
    for key in only:
        match = next((h for h in holders if key in (h.teacher, h.name)), None)
        if match is None:
            raise DomainError(
                Rule.EVENT, N_("No certificate: {person} did not take part in event No. {number}"),
                {"person": names.get(key, key), "number": event.number},
                record=event.id, field="participants")
        picked.append(match)
    return picked
