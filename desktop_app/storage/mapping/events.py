"""Row ↔ domain conversion of events of collective methodical work (п. 20)."""

from __future__ import annotations

import hashlib

from desktop_app.domain.event_records import (
    AgendaReference,
    Attachment,
    Event,
    EventForm,
    EventStatus,
    Guest,
    ProgrammeItem,
)
from desktop_app.storage import models as m
from desktop_app.storage.mapping.base import Children, Kind, Row, Rows, positioned, required_text, table_of


def dump_event(school_id: str, event: Event) -> Rows:
    owner = {"school_id": school_id, "event_id": event.id}
    attachment = event.attachment
    return {
        "events": [{
            "school_id": school_id, "id": event.id, "academic_year_id": event.academic_year,
            "number": event.number, "form": str(event.form), "topic_kk": event.topic.kk,
            "topic_ru": event.topic.ru, "start": event.start, "end": event.end, "place": event.place,
            "organiser_id": event.organiser, "materials": event.materials,
            "attachment_name": attachment.name if attachment else None,
            "attachment_data": attachment.data if attachment else None,
            "attachment_sha256": hashlib.sha256(attachment.data).hexdigest() if attachment else None,
            "outcome": event.outcome, "status": str(event.status),
            "certificates_issued": event.certificates_issued,
        }],
        "event_people": (positioned(({"teacher_id": t} for t in event.responsible), role="responsible", **owner)
                         + positioned(({"teacher_id": t} for t in event.participants),
                                      role="participant", **owner)),
        "event_guests": positioned(({"name": g.name, "organisation": g.school, "job": g.position}
                                    for g in event.guests), **owner),
        "event_programme": positioned(({"time": p.time, "topic": p.topic, "speaker": p.speaker}
                                       for p in event.programme), **owner),
        "event_agenda": positioned(({"meeting_id": a.meeting, "item_number": a.item} for a in event.agenda),
                                   **owner),
    }


def build_event(row: Row, children: Children) -> Event:
    people = children("event_people")
    attachment = (Attachment(row["attachment_name"], bytes(row["attachment_data"]))
                  if row["attachment_name"] is not None and row["attachment_data"] is not None else None)
    return Event(
        id=row["id"], academic_year=row["academic_year_id"], number=row["number"],
        form=EventForm(row["form"]), topic=required_text(row, "topic"), start=row["start"],
        end=row["end"], place=row["place"], organiser=row["organiser_id"],
        responsible=[p["teacher_id"] for p in people if p["role"] == "responsible"],
        participants=[p["teacher_id"] for p in people if p["role"] == "participant"],
        guests=[Guest(g["name"], g["organisation"], g["job"]) for g in children("event_guests")],
        programme=[ProgrammeItem(p["time"], p["topic"], p["speaker"]) for p in children("event_programme")],
        materials=row["materials"], attachment=attachment, outcome=row["outcome"],
        status=EventStatus(row["status"]), certificates_issued=row["certificates_issued"],
        agenda=[AgendaReference(a["meeting_id"], a["item_number"]) for a in children("event_agenda")],
    )


EVENTS: Kind[Event] = Kind(
    "events", table_of(m.EventRow),
    tuple((table_of(model), "event_id") for model in
          (m.EventPersonRow, m.EventGuestRow, m.EventProgrammeRow, m.EventAgendaRow)),
    dump_event, build_event, lambda e: e.id)
