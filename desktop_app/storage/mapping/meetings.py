"""Meetings with their protocols, and the passages a protocol search looks through."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from desktop_app.domain.entities import (
    AgendaItem,
    Attendance,
    GuestAttendance,
    GuestSpeaker,
    Language,
    Meeting,
    MeetingForm,
    MeetingStatus,
    Person,
    Speech,
    SpeechSpeaker,
    Vote,
)
from desktop_app.storage.mapping.base import Children, Row, Rows, positioned


def _speaker(speaker: SpeechSpeaker) -> dict[str, Any]:
    none: dict[str, Any] = {"speaker_teacher_id": None, "speaker_name": None, "speaker_position": None,
                            "speaker_guest_school_id": None, "speaker_guest_teacher_id": None}
    if isinstance(speaker, GuestSpeaker):  # the name kept too: the row is "a name" to its check
        return {**none, "speaker_name": speaker.name or speaker.teacher,
                "speaker_guest_school_id": speaker.school, "speaker_guest_teacher_id": speaker.teacher}
    if isinstance(speaker, Person):
        return {**none, "speaker_name": speaker.name, "speaker_position": speaker.position}
    return {**none, "speaker_teacher_id": speaker}


def _speech(row: Row) -> Speech:
    teacher = row["speaker_teacher_id"]
    speaker: SpeechSpeaker
    if teacher is not None:
        speaker = teacher
    elif row.get("speaker_guest_teacher_id") is not None:
        speaker = GuestSpeaker(row["speaker_guest_school_id"], row["speaker_guest_teacher_id"], row["speaker_name"])
    else:
        speaker = Person(row["speaker_name"], row["speaker_position"])
    return Speech(speaker, row["text"])


def dump_meeting(school_id: str, meeting: Meeting) -> Rows:
    owner = {"school_id": school_id, "meeting_id": meeting.id}
    speeches: list[dict[str, Any]] = []
    decisions: list[dict[str, Any]] = []
    plans: list[dict[str, Any]] = []
    visits: list[dict[str, Any]] = []
    materials: list[dict[str, Any]] = []
    for item_position, item in enumerate(meeting.agenda):
        at = {**owner, "item_position": item_position}
        said = [("heard", s) for s in item.heard] + [("spoke", s) for s in item.spoke]
        speeches += positioned(({"kind": k, **_speaker(s.speaker), "text": s.text} for k, s in said), **at)
        decisions += positioned(({"text": d} for d in item.decisions), **at)
        plans += positioned(({"plan_id": p} for p in item.plans), **at)
        visits += positioned(({"lesson_visit_id": v} for v in item.lesson_visits), **at)
        materials += positioned(({"material_id": v} for v in item.materials), **at)
    return {
        "meetings": [{
            "school_id": school_id, "id": meeting.id, "body_id": meeting.body, "number": meeting.number,
            "date": meeting.date, "language": str(meeting.language), "chair_id": meeting.chair,
            "secretary_id": meeting.secretary, "status": str(meeting.status),
            "start_time": meeting.start_time, "place": meeting.place, "form": str(meeting.form),
            "version": meeting.version,
        }],
        "meeting_attendance": positioned(
            ({"teacher_id": a.teacher, "present": a.present, "reason": a.reason} for a in meeting.attendance),
            **owner),
        "meeting_guests": positioned(
            ({"name": g.name, "job_title": g.position} for g in meeting.guests), **owner),
        "meeting_guest_attendance": positioned(
            ({"member_school_id": a.school, "teacher_id": a.teacher, "present": a.present, "reason": a.reason,
              "name": a.name or None} for a in meeting.guest_attendance), **owner),
        "agenda_items": positioned(
            ({"number": i.number, "title": i.title,
              "vote_in_favour": i.vote.in_favour if i.vote else None,
              "vote_against": i.vote.against if i.vote else None,
              "vote_abstained": i.vote.abstained if i.vote else None} for i in meeting.agenda),
            **owner),
        "agenda_speeches": speeches,
        "agenda_decisions": decisions,
        "agenda_plans": plans,
        "agenda_lesson_visits": visits,
        "agenda_materials": materials,
    }


def build_meeting(row: Row, children: Children) -> Meeting:
    speeches = children.by_item("agenda_speeches")
    decisions = children.by_item("agenda_decisions")
    plans = children.by_item("agenda_plans")
    visits = children.by_item("agenda_lesson_visits")
    materials = children.by_item("agenda_materials")
    agenda = []
    for item in children("agenda_items"):
        at = item["position"]
        said = speeches.get(at, [])
        vote = (Vote(item["vote_in_favour"], item["vote_against"], item["vote_abstained"])
                if item["vote_in_favour"] is not None else None)
        agenda.append(AgendaItem(
            number=item["number"],
            title=item["title"],
            decisions=[d["text"] for d in decisions.get(at, [])],
            heard=[_speech(s) for s in said if s["kind"] == "heard"],
            spoke=[_speech(s) for s in said if s["kind"] == "spoke"],
            vote=vote,
            plans=[p["plan_id"] for p in plans.get(at, [])],
            lesson_visits=[v["lesson_visit_id"] for v in visits.get(at, [])],
            materials=[v["material_id"] for v in materials.get(at, [])],
        ))
    return Meeting(
        id=row["id"],
        body=row["body_id"],
        number=row["number"],
        date=row["date"],
        language=Language(row["language"]),
        chair=row["chair_id"],
        secretary=row["secretary_id"],
        attendance=[Attendance(a["teacher_id"], bool(a["present"]), a["reason"])
                    for a in children("meeting_attendance")],
        agenda=agenda,
        status=MeetingStatus(row["status"]),
        start_time=row["start_time"],
        place=row["place"],
        guests=[Person(g["name"], g["job_title"]) for g in children("meeting_guests")],
        form=MeetingForm(row["form"]),
        guest_attendance=[GuestAttendance(a["member_school_id"], a["teacher_id"], bool(a["present"]), a["reason"],
                                          a["name"] or "") for a in children("meeting_guest_attendance")],
        version=row["version"],
    )


def meeting_texts(meeting: Meeting) -> Iterator[tuple[int | None, str, str]]:
    """What a protocol search looks through, in the protocol's order: ``(item number or None,
    field, text)`` with field one of place, title, heard, spoke, decision."""
    if meeting.place:
        yield None, "place", meeting.place
    for item in meeting.agenda:
        if item.title:
            yield item.number, "title", item.title
        for field, speeches in (("heard", item.heard), ("spoke", item.spoke)):
            yield from ((item.number, field, s.text) for s in speeches if s.text)
        yield from ((item.number, "decision", d) for d in item.decisions if d)


def dump_protocol_texts(school_id: str, meeting: Meeting) -> list[dict[str, Any]]:
    """Rows of ``protocol_texts`` for the meeting (ids are left to the database, in this order)."""
    return [{"school_id": school_id, "meeting_id": meeting.id, "item": item, "field": field, "text": text}
            for item, field, text in meeting_texts(meeting)]
