"""Records → JSON: the exchange document of a school's records, every key written."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from desktop_app.domain.entities import (
    AcademicYear,
    AgendaItem,
    Approval,
    Association,
    CalendarPlan,
    GuestAttendance,
    GuestSpeaker,
    HeadChoice,
    Holiday,
    ItemMark,
    LessonVisit,
    LocalizedText,
    Material,
    Meeting,
    Mentorship,
    OlympiadResult,
    Person,
    PlanRow,
    School,
    SchoolRecords,
    Speech,
    SpeechSpeaker,
    Teacher,
)
from desktop_app.domain.staff_records import DEFAULT_COURSE_PERIOD_YEARS

FORMAT = "metodsovet-exchange"
VERSION = 2

JSON = dict[str, Any]

def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _localized(text: LocalizedText) -> JSON:
    out: JSON = {}
    if text.kk:
        out["kk"] = text.kk
    if text.ru:
        out["ru"] = text.ru
    return out


def _opt_localized(text: LocalizedText | None) -> JSON | None:
    return None if text is None or not (text.kk or text.ru) else _localized(text)


def _put(out: JSON, key: str, value: Any) -> None:
    """Set a key whose schema does not allow null: omitted when absent."""
    if value is not None:
        out[key] = value


def _dump_approval(approval: Approval | None) -> JSON | None:
    if approval is None:
        return None
    out: JSON = {"by": approval.by, "on": approval.on.isoformat()}
    if approval.acting:  # version 2, optional: signed in the official's stead (и.о. / м.а.)
        out["acting"] = True
    return out


def _dump_head_choice(choice: HeadChoice) -> JSON:
    """п. 29 (version 2, optional): elected at a meeting's agenda item, or appointed by an order."""
    out: JSON = {"basis": choice.basis.value}
    if choice.meeting is not None:
        out.update({"meeting": choice.meeting, "item": choice.item})
    if choice.order_number is not None:
        out["order"] = {"number": choice.order_number, "date": _iso(choice.order_date)}
    return out


def _dump_person(person: Person) -> JSON:
    return {"name": person.name, "position": person.position}


def _dump_school(school: School) -> JSON:
    out: JSON = {"id": school.id, "name": _localized(school.name)}
    _put(out, "short_name", _opt_localized(school.short_name))
    _put(out, "city", _opt_localized(school.city))
    _put(out, "address", _opt_localized(school.address))
    _put(out, "director", school.director)
    _put(out, "deputy_director", school.deputy_director)
    if not school.deputy_agreement:  # version 2, optional: the default (true) is not written
        out["deputy_agreement"] = False
    if school.course_period_years != DEFAULT_COURSE_PERIOD_YEARS:  # version 2, optional, likewise
        out["course_period_years"] = school.course_period_years
    return out


def _dump_holiday(holiday: Holiday) -> JSON:
    out: JSON = {"start": holiday.start.isoformat(), "end": holiday.end.isoformat()}
    _put(out, "name", _opt_localized(holiday.name))
    return out


def _dump_year(year: AcademicYear) -> JSON:
    return {
        "id": year.id, "start": year.start.isoformat(), "end": year.end.isoformat(),
        "terms": [{"number": t.number, "start": t.start.isoformat(), "end": t.end.isoformat()}
                  for t in year.terms],
        "holidays": [_dump_holiday(h) for h in year.holidays],
        "extra_school_days": [d.isoformat() for d in year.extra_school_days],
        "study_weeks": year.study_weeks,
    }


def _dump_teacher(teacher: Teacher) -> JSON:
    out: JSON = {"id": teacher.id, "last_name": teacher.last_name, "first_name": teacher.first_name,
                 "patronymic": teacher.patronymic}
    _put(out, "position", _opt_localized(teacher.position))
    out.update({
        "subjects": list(teacher.subjects), "category": teacher.category.value,
        "category_awarded": _iso(teacher.category_awarded), "career_start": _iso(teacher.career_start),
        "organization": _opt_localized(teacher.organization), "active": teacher.active,
    })
    return out


def _dump_association(association: Association) -> JSON:
    plan = association.work_plan
    out: JSON = {
        "id": association.id, "kind": association.kind.value, "name": _localized(association.name),
        "academic_year": association.academic_year, "subjects": list(association.subjects),
        "head": association.head, "secretary": association.secretary,
        "members": [{"teacher": m.teacher, "since": _iso(m.since), "until": _iso(m.until)}
                    for m in association.members],
        "work_plan": None if plan is None else {
            "items": [
                {"month": i.month, "topic": i.topic, "form": i.form.value, "responsible": list(i.responsible),
                 "mark": _dump_mark(i.mark)}
                for i in plan.items
            ],
            "approved": _dump_approval(plan.approved),
            "theme": _opt_localized(plan.theme), "goal": _opt_localized(plan.goal),
            "tasks": _opt_localized(plan.tasks),
        },
    }
    if association.head_choice is not None:
        out["head_choice"] = _dump_head_choice(association.head_choice)
    return out


def _dump_mark(mark: ItemMark | None) -> JSON | None:
    if mark is None:
        return None
    return {"state": mark.state.value, "on": mark.on.isoformat(),
            "link": None if mark.link is None else {"kind": mark.link.kind, "id": mark.link.id},
            "month": mark.month, "reason": mark.reason}


def _dump_olympiad(result: OlympiadResult) -> JSON:
    return {"id": result.id, "academic_year": result.academic_year, "pupil": result.pupil,
            "class_name": result.class_name, "subject": result.subject, "teacher": result.teacher,
            "level": result.level.value, "kind": result.kind.value, "outcome": result.outcome.value,
            "place": result.place, "stage": result.stage, "title": result.title, "on": _iso(result.on)}


def _dump_speaker(speaker: SpeechSpeaker) -> str | JSON:
    """A teacher's id, a person, or a member from another school (п. 21): a person whose optional
    ``school`` and ``teacher`` refer to that school's teacher (version 2)."""
    if isinstance(speaker, GuestSpeaker):
        return {"name": speaker.name or speaker.teacher, "position": None,
                "school": speaker.school, "teacher": speaker.teacher}
    return speaker if isinstance(speaker, str) else _dump_person(speaker)


def _dump_speech(speech: Speech) -> JSON:
    return {"speaker": _dump_speaker(speech.speaker), "text": speech.text}


def _dump_item(item: AgendaItem) -> JSON:
    vote = item.vote
    return {
        "number": item.number, "title": item.title,
        "heard": [_dump_speech(s) for s in item.heard], "spoke": [_dump_speech(s) for s in item.spoke],
        "decisions": list(item.decisions),
        "vote": None if vote is None else {"for": vote.in_favour, "against": vote.against,
                                           "abstained": vote.abstained},
        "plans": list(item.plans), "lesson_visits": list(item.lesson_visits),
        "materials": list(item.materials),
    }


def _dump_meeting(meeting: Meeting) -> JSON:
    out: JSON = {
        "id": meeting.id, "body": meeting.body, "number": meeting.number, "date": meeting.date.isoformat(),
        "start_time": meeting.start_time, "place": meeting.place, "language": meeting.language.value,
        "chair": meeting.chair, "secretary": meeting.secretary,
        "attendance": [{"teacher": a.teacher, "present": a.present, "reason": a.reason}
                       for a in meeting.attendance],
        "guests": [_dump_person(g) for g in meeting.guests],
        "agenda": [_dump_item(i) for i in meeting.agenda],
        "status": meeting.status.value, "form": meeting.form.value,
    }
    if meeting.guest_attendance:  # version 2, only when there are any: the votes count them (rule 4)
        out["guest_attendance"] = [_dump_guest_mark(g) for g in meeting.guest_attendance]
    return out


def _dump_guest_mark(mark: GuestAttendance) -> JSON:
    """A mark of a member from another school; ``name`` (as it was) only when known."""
    out: JSON = {"school": mark.school, "teacher": mark.teacher, "present": mark.present, "reason": mark.reason}
    if mark.name:
        out["name"] = mark.name
    return out


def _dump_rows(rows: list[PlanRow]) -> list[JSON]:
    """A plan's lesson rows (hundreds of thousands in a large school: one expression per row,
    :func:`_number` and :func:`_iso` written out)."""
    return [{
        "number": r.number, "term": r.term, "section": r.section, "topic": r.topic,
        "objectives": list(r.objectives), "hours": int(h) if float(h := r.hours).is_integer() else h,
        "date": None if (d := r.date) is None else d.isoformat(), "note": r.note,
    } for r in rows]


def _dump_plan(plan: CalendarPlan) -> JSON:
    review = plan.review
    return {
        "id": plan.id, "teacher": plan.teacher, "subject": plan.subject, "academic_year": plan.academic_year,
        "grade": plan.grade, "classes": list(plan.classes), "language": plan.language.value,
        "hours_per_week": _number(plan.hours_per_week), "rows": _dump_rows(plan.rows),
        "status": plan.status.value,
        "review": None if review is None else {
            "meeting": review.meeting, "item": review.item, "outcome": review.outcome.value,
            "remarks": review.remarks,
        },
        "agreed": _dump_approval(plan.agreed), "approved": _dump_approval(plan.approved),
    }


def _dump_mentorship(mentorship: Mentorship) -> JSON:
    order = mentorship.order
    return {
        "id": mentorship.id, "mentor": mentorship.mentor, "mentee": mentorship.mentee,
        "academic_year": mentorship.academic_year, "start": mentorship.start.isoformat(),
        "end": mentorship.end.isoformat(),
        "order": None if order is None else {"number": order.number, "date": order.date.isoformat()},
        "goals": list(mentorship.goals),
        "plan": [{"due": p.due.isoformat(), "activity": p.activity, "done": p.done} for p in mentorship.plan],
        "sessions": [{"date": s.date.isoformat(), "kind": s.kind.value, "topic": s.topic, "notes": s.notes,
                      "lesson_visit": s.lesson_visit} for s in mentorship.sessions],
        "status": mentorship.status.value, "conclusion": mentorship.conclusion,
    }


def _dump_visit(visit: LessonVisit) -> JSON:
    return {
        "id": visit.id, "kind": visit.kind.value, "teacher": visit.teacher, "subject": visit.subject,
        "class": visit.class_name, "date": visit.date.isoformat(), "topic": visit.topic,
        "association": visit.association,
        "observations": [
            {"observer": o.observer, "strengths": o.strengths, "recommendations": o.recommendations}
            for o in visit.observations
        ],
    }


def _dump_material(material: Material) -> JSON:
    review, approved, file = material.review, material.approved, material.file
    return {
        "id": material.id, "kind": material.kind.value, "title": _localized(material.title),
        "association": material.association, "academic_year": material.academic_year,
        "authors": [a if isinstance(a, str) else _dump_person(a) for a in material.authors],
        "status": material.status.value,
        "review": None if review is None else {
            "meeting": review.meeting, "item": review.item, "outcome": review.outcome.value,
            "remarks": review.remarks,
        },
        "approved": None if approved is None else {"by": approved.by, "on": approved.on.isoformat(),
                                                   "acting": material.acting},
        "file": None if file is None else {"name": file.name, "sha256": file.sha256, "size": file.size},
    }


def dump_meeting(meeting: Meeting) -> JSON:
    """One meeting as the exchange format writes it: the content of its version snapshots and of
    its check code (with the marks of members from other schools, п. 21, where it has them)."""
    return _dump_meeting(meeting)


def dump_plan(plan: CalendarPlan) -> JSON:
    """One plan as the exchange format writes it."""
    return _dump_plan(plan)


def _timestamp(moment: datetime) -> str:
    aware = moment if moment.tzinfo is not None else moment.astimezone()
    return aware.isoformat(timespec="seconds")


def dump_document(records: SchoolRecords, exported_at: datetime | None = None) -> JSON:
    """The exchange document of ``records`` as a JSON-ready dict, every key written."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": None if exported_at is None else _timestamp(exported_at),
        "school": _dump_school(records.school),
        "academic_years": [_dump_year(y) for y in records.academic_years],
        "subjects": [{"id": s.id, "name": _localized(s.name)} for s in records.subjects],
        "teachers": [_dump_teacher(t) for t in records.teachers],
        "associations": [_dump_association(a) for a in records.associations],
        "meetings": [_dump_meeting(m) for m in records.meetings],
        "plans": [_dump_plan(p) for p in records.plans],
        "mentorships": [_dump_mentorship(m) for m in records.mentorships],
        "lesson_visits": [_dump_visit(v) for v in records.lesson_visits],
        "materials": [_dump_material(m) for m in records.materials],
        "olympiad_results": [_dump_olympiad(r) for r in records.olympiad_results],
    }


def dumps(records: SchoolRecords, exported_at: datetime | None = None) -> str:
    """The document as text (see :func:`document_text`)."""
    return "".join(document_text(records, records.plans, exported_at))


def _text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _list_text(items: Iterable[JSON]) -> Iterator[str]:
    empty = True
    for item in items:
        yield ("[\n  " if empty else ",\n  ") + _text(item)
        empty = False
    yield "[]" if empty else "\n ]"


def document_text(records: SchoolRecords, plans: Iterable[CalendarPlan],
                  exported_at: datetime | None = None) -> Iterator[str]:
    """The document as text, piece by piece, with ``plans`` in place of ``records.plans``: they
    are read while the text is written, so a school's plans need not all be in memory.

    UTF-8 friendly (no \\u escapes), keys in schema order, one top-level key per line and one
    record per line (quick to write, and a changed record is a changed line)."""
    head = dump_document(replace(records, plans=[]), exported_at)
    for position, (key, value) in enumerate(head.items()):
        yield ("{\n " if position == 0 else ",\n ") + json.dumps(key) + ": "
        if key == "plans":
            yield from _list_text(_dump_plan(plan) for plan in plans)
        elif isinstance(value, list):
            yield from _list_text(value)
        else:
            yield _text(value)
    yield "\n}\n"
