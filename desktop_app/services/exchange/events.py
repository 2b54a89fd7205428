"""The optional ``events`` collection of an exchange document (version 2): events of collective
methodical work (п. 20), written after the school's other records and read after them, checked by
the same rules as the window's (domain/events.py) before anything is written."""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from desktop_app.domain.entities import LocalizedText
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.domain.event_records import (
    AgendaReference,
    Attachment,
    Event,
    EventForm,
    EventStatus,
    Guest,
    ProgrammeItem,
)
from desktop_app.domain.events import event_errors, numbering_errors
from desktop_app.services.exchange.problems import ExchangeError, Problem
from desktop_app.storage import events as stored
from desktop_app.storage.store import Store

JSON = dict[str, Any]
KEY = "events"


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _text(value: str) -> str | None:
    return value or None


def dump_event(event: Event) -> JSON:
    """Every key written, in the schema's order (an absent value as null or an empty list)."""
    attachment = None
    if event.attachment is not None:
        attachment = {"name": event.attachment.name,
                      "sha256": hashlib.sha256(event.attachment.data).hexdigest(),
                      "data": base64.b64encode(event.attachment.data).decode("ascii")}
    topic: JSON = {}
    if event.topic.kk:
        topic["kk"] = event.topic.kk
    if event.topic.ru:
        topic["ru"] = event.topic.ru
    return {
        "id": event.id, "academic_year": event.academic_year, "number": event.number,
        "form": str(event.form), "topic": topic, "start": event.start.isoformat(), "end": _iso(event.end),
        "place": _text(event.place), "organiser": event.organiser, "responsible": list(event.responsible),
        "participants": list(event.participants),
        "guests": [{"name": g.name, "school": g.school, "position": g.position} for g in event.guests],
        "programme": [{"time": p.time, "topic": p.topic, "speaker": _text(p.speaker)} for p in event.programme],
        "materials": _text(event.materials), "attachment": attachment, "outcome": _text(event.outcome),
        "status": str(event.status), "certificates_issued": _iso(event.certificates_issued),
        "agenda": [{"meeting": a.meeting, "item": a.item} for a in event.agenda],
    }


def _day(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(value)


def read_event(item: JSON, path: str) -> Event:
    """An item the schema accepted, as a record; an attachment whose data does not match its
    SHA-256 is refused (a file damaged on the way)."""
    attachment = None
    if item.get("attachment") is not None:
        raw = item["attachment"]
        try:
            data = base64.b64decode(raw["data"], validate=True)
        except (binascii.Error, ValueError):
            data = b""
        if hashlib.sha256(data).hexdigest() != raw["sha256"]:
            raise ExchangeError([Problem(f"{path}.attachment.data", item["id"], Rule.EVENT,
                                         N_("The attached file does not match its SHA-256"), {})])
        attachment = Attachment(raw["name"], data)
    topic = item["topic"]
    return Event(
        id=item["id"], academic_year=item["academic_year"], number=item["number"],
        form=EventForm(item["form"]), topic=LocalizedText(topic.get("kk"), topic.get("ru")),
        start=date.fromisoformat(item["start"]), end=_day(item.get("end")), place=item.get("place") or "",
        organiser=item.get("organiser"), responsible=list(item.get("responsible", [])),
        participants=list(item.get("participants", [])),
        guests=[Guest(g["name"], g["school"], g.get("position")) for g in item.get("guests", [])],
        programme=[ProgrammeItem(p["time"], p["topic"], p.get("speaker") or "")
                   for p in item.get("programme", [])],
        materials=item.get("materials") or "", attachment=attachment, outcome=item.get("outcome") or "",
        status=EventStatus(item["status"]), certificates_issued=_day(item.get("certificates_issued")),
        agenda=[AgendaReference(a["meeting"], a["item"]) for a in item.get("agenda", [])],
    )


def _problem(error: DomainError, index: int) -> Problem:
    path = f"{KEY}[{index}]" + (f".{error.field}" if error.field else "")
    return Problem(path, error.record, error.rule, error.message, dict(error.params))


def _reference(index: int, field: str, record: str, kind: str, value: str) -> Problem:
    return Problem(f"{KEY}[{index}].{field}", record, Rule.REFERENCE, N_("Not found: {kind} {id}"),
                   {"kind": kind, "id": value})


def _reference_problems(store: Store, school: str, index: int, event: Event) -> Iterator[Problem]:
    year = store.get_academic_year(school, event.academic_year)
    if year is None:
        yield _reference(index, "academic_year", event.id, "academic year", event.academic_year)
        return
    for error in event_errors(event, year):
        yield _problem(error, index)
    if event.organiser is not None and store.get_association(school, event.organiser) is None:
        yield _reference(index, "organiser", event.id, "association", event.organiser)
    teachers = {t.id for t in store.list_teachers(school)}
    for field in ("responsible", "participants"):
        for position, teacher in enumerate(getattr(event, field)):
            if teacher not in teachers:
                yield _reference(index, f"{field}[{position}]", event.id, "teacher", teacher)
    for position, link in enumerate(event.agenda):
        meeting = store.get_meeting(school, link.meeting)
        if meeting is None or all(item.number != link.item for item in meeting.agenda):
            yield _reference(index, f"agenda[{position}]", event.id, "meeting", f"{link.meeting} {link.item}")


def import_events(store: Store, school: str, items: Iterable[JSON]) -> int:
    """Check every event (references, dates, numbering per year, ids) and write them all, or refuse
    the document with every problem found. The count written."""
    events = [read_event(item, f"{KEY}[{index}]") for index, item in enumerate(items)]
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, event in enumerate(events):
        if event.id in seen:
            problems.append(Problem(f"{KEY}[{index}].id", event.id, Rule.UNIQUE_ID,
                                    N_("The id {id} is used twice"), {"id": event.id}))
        seen.add(event.id)
        problems += _reference_problems(store, school, index, event)
    for year in sorted({e.academic_year for e in events}):
        for error in numbering_errors([e for e in events if e.academic_year == year]):
            problems.append(_problem(error, next(i for i, e in enumerate(events) if e.id == error.record)))
    if problems:
        raise ExchangeError(problems)
    for event in events:
        stored.save_event(store, school, event)
    return len(events)


def export_events(store: Store, school: str) -> list[JSON]:
    return [dump_event(e) for e in stored.list_events(store, school)]
