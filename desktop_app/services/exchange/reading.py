"""JSON → records: a schema-valid document turned into the dataclasses of domain.entities, and
``parse_document``, the whole all-or-nothing reading of a document's bytes."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Any, cast

from desktop_app.domain.entities import (
    AcademicYear,
    AgendaItem,
    Approval,
    Association,
    AssociationKind,
    Attendance,
    CalendarPlan,
    Category,
    GuestAttendance,
    GuestSpeaker,
    HeadBasis,
    HeadChoice,
    Holiday,
    ItemLink,
    ItemMark,
    ItemState,
    Language,
    LessonVisit,
    LocalizedText,
    Material,
    MaterialFile,
    MaterialKind,
    MaterialStatus,
    Meeting,
    MeetingForm,
    MeetingStatus,
    Membership,
    MentorOrder,
    Mentorship,
    MentorshipActivity,
    MentorshipSession,
    MentorshipStatus,
    Observation,
    OlympiadKind,
    OlympiadLevel,
    OlympiadOutcome,
    OlympiadResult,
    Person,
    PlanRow,
    PlanStatus,
    Review,
    ReviewOutcome,
    School,
    SchoolRecords,
    SessionKind,
    Speaker,
    Speech,
    SpeechSpeaker,
    Subject,
    Teacher,
    Term,
    VisitKind,
    Vote,
    WorkPlan,
    WorkPlanForm,
    WorkPlanItem,
)
from desktop_app.domain.errors import N_
from desktop_app.domain.numbering import strip_leading_number
from desktop_app.domain.staff_records import DEFAULT_COURSE_PERIOD_YEARS
from desktop_app.domain.validation import validate_records
from desktop_app.services.exchange.decoding import load_json
from desktop_app.services.exchange.problems import ExchangeError, Problem, root_problem
from desktop_app.services.exchange.schema import schema_problems

JSON = dict[str, Any]

def needs_nfc(data: bytes | str) -> bool:
    """Whether any string of the document may change under NFC: not when the whole text is NFC
    and carries no ``\\u`` escapes (which could spell a decomposed letter)."""
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    return "\\u" in text or not unicodedata.is_normalized("NFC", text)


def nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc(v) for v in value]
    if isinstance(value, dict):
        return {nfc(k): nfc(v) for k, v in value.items()}
    return value


def _day(value: str) -> date:
    return date.fromisoformat(value)


def _opt_day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _text(obj: JSON | None) -> LocalizedText | None:
    return None if obj is None else LocalizedText(kk=obj.get("kk"), ru=obj.get("ru"))


def _approval(obj: JSON | None) -> Approval | None:
    return None if obj is None else Approval(obj["by"], _day(obj["on"]), bool(obj.get("acting", False)))


def _head_choice(obj: JSON | None) -> HeadChoice | None:
    if obj is None:
        return None
    order = obj.get("order") or {}
    return HeadChoice(HeadBasis(obj["basis"]), obj.get("meeting"), obj.get("item"),
                      order.get("number"), _opt_day(order.get("date")))


def _speaker(value: str | JSON) -> Speaker:
    return value if isinstance(value, str) else _person(value)


def _speech_speaker(value: str | JSON) -> SpeechSpeaker:
    """A speaker; a person with ``school`` and ``teacher`` is a member from another school (п. 21)."""
    if isinstance(value, dict) and value.get("teacher") is not None and value.get("school") is not None:
        return GuestSpeaker(value["school"], value["teacher"], value["name"])
    return _speaker(value)


def _person(obj: JSON) -> Person:
    return Person(obj["name"], obj.get("position"))


def _school(obj: JSON) -> School:
    return School(
        id=obj["id"], name=LocalizedText(obj["name"].get("kk"), obj["name"].get("ru")),
        short_name=_text(obj.get("short_name")), city=_text(obj.get("city")),
        address=_text(obj.get("address")),
        director=obj.get("director"), deputy_director=obj.get("deputy_director"),
        deputy_agreement=bool(obj.get("deputy_agreement", True)),
        course_period_years=int(obj.get("course_period_years", DEFAULT_COURSE_PERIOD_YEARS)),
    )


def _holiday(obj: JSON) -> Holiday:
    return Holiday(_day(obj["start"]), _day(obj["end"]), _text(obj.get("name")))


def _year(obj: JSON) -> AcademicYear:
    return AcademicYear(
        id=obj["id"], start=_day(obj["start"]), end=_day(obj["end"]),
        terms=[Term(t["number"], _day(t["start"]), _day(t["end"])) for t in obj["terms"]],
        holidays=[_holiday(h) for h in obj.get("holidays", [])],
        extra_school_days=[_day(d) for d in obj.get("extra_school_days", [])],
        study_weeks=obj.get("study_weeks"),
    )


def _teacher(obj: JSON) -> Teacher:
    return Teacher(
        id=obj["id"], last_name=obj["last_name"], first_name=obj["first_name"],
        patronymic=obj.get("patronymic"), position=_text(obj.get("position")),
        subjects=list(obj.get("subjects", [])), category=Category(obj.get("category", "none")),
        category_awarded=_opt_day(obj.get("category_awarded")),
        career_start=_opt_day(obj.get("career_start")),
        organization=_text(obj.get("organization")), active=bool(obj.get("active", True)),
    )


def _association(obj: JSON) -> Association:
    plan = obj.get("work_plan")
    return Association(
        id=obj["id"], kind=AssociationKind(obj["kind"]), name=cast(LocalizedText, _text(obj["name"])),
        academic_year=obj["academic_year"], head=obj["head"], subjects=list(obj.get("subjects", [])),
        secretary=obj.get("secretary"), head_choice=_head_choice(obj.get("head_choice")),
        members=[Membership(m["teacher"], _opt_day(m.get("since")), _opt_day(m.get("until")))
                 for m in obj["members"]],
        work_plan=None if plan is None else WorkPlan(
            items=[
                WorkPlanItem(i["month"], i["topic"], WorkPlanForm(i["form"]), list(i.get("responsible", [])),
                             _mark(i.get("mark")))
                for i in plan["items"]
            ],
            approved=_approval(plan.get("approved")),
            theme=_text(plan.get("theme")), goal=_text(plan.get("goal")), tasks=_text(plan.get("tasks")),
        ),
    )


def _mark(obj: JSON | None) -> ItemMark | None:
    if obj is None:
        return None
    link = obj.get("link")
    return ItemMark(ItemState(obj["state"]), _day(obj["on"]),
                    None if link is None else ItemLink(link["kind"], link["id"]),
                    obj.get("month"), obj.get("reason"))


def _olympiad(obj: JSON) -> OlympiadResult:
    return OlympiadResult(
        id=obj["id"], academic_year=obj["academic_year"], pupil=obj["pupil"], class_name=obj["class_name"],
        subject=obj["subject"], teacher=obj["teacher"], level=OlympiadLevel(obj["level"]),
        kind=OlympiadKind(obj["kind"]), outcome=OlympiadOutcome(obj["outcome"]), place=obj.get("place"),
        stage=obj.get("stage"), title=obj.get("title"), on=_opt_day(obj.get("on")))


def _agenda_item(obj: JSON) -> AgendaItem:
    vote = obj.get("vote")
    return AgendaItem(
        number=obj["number"], title=obj["title"],
        decisions=[strip_leading_number(d) for d in obj["decisions"]],  # the protocol numbers them
        heard=[Speech(_speech_speaker(s["speaker"]), s["text"]) for s in obj.get("heard", [])],
        spoke=[Speech(_speech_speaker(s["speaker"]), s["text"]) for s in obj.get("spoke", [])],
        vote=None if vote is None else Vote(vote["for"], vote["against"], vote["abstained"]),
        plans=list(obj.get("plans", [])), lesson_visits=list(obj.get("lesson_visits", [])),
        materials=list(obj.get("materials", [])),
    )


def _meeting(obj: JSON) -> Meeting:
    return Meeting(
        id=obj["id"], body=obj["body"], number=obj["number"], date=_day(obj["date"]),
        language=Language(obj["language"]), chair=obj["chair"], secretary=obj["secretary"],
        attendance=[Attendance(a["teacher"], a["present"], a.get("reason")) for a in obj["attendance"]],
        agenda=[_agenda_item(i) for i in obj["agenda"]], status=MeetingStatus(obj["status"]),
        start_time=obj.get("start_time"), place=obj.get("place"),
        guests=[_person(g) for g in obj.get("guests", [])], form=MeetingForm(obj.get("form", "meeting")),
        guest_attendance=[GuestAttendance(g["school"], g["teacher"], g["present"], g.get("reason"), g.get("name", ""))
                          for g in obj.get("guest_attendance", ())],
    )


def _rows(rows: list[JSON]) -> list[PlanRow]:
    """A plan's lesson rows (a large school has hundreds of thousands: one expression per row,
    the fields in PlanRow's order)."""
    day = date.fromisoformat
    return [PlanRow(r["number"], r["topic"], r["hours"], r.get("term"), r.get("section"),
                    list(r.get("objectives", ())), None if (d := r.get("date")) is None else day(d),
                    r.get("note"))
            for r in rows]


def _plan(obj: JSON) -> CalendarPlan:
    review = obj.get("review")
    return CalendarPlan(
        id=obj["id"], teacher=obj["teacher"], subject=obj["subject"], academic_year=obj["academic_year"],
        grade=obj["grade"], language=Language(obj["language"]), hours_per_week=obj["hours_per_week"],
        rows=_rows(obj["rows"]),
        status=PlanStatus(obj["status"]), classes=list(obj.get("classes", [])),
        review=None if review is None else Review(
            review["meeting"], review["item"], ReviewOutcome(review["outcome"]), review.get("remarks")),
        agreed=_approval(obj.get("agreed")), approved=_approval(obj.get("approved")),
    )


def _mentorship(obj: JSON) -> Mentorship:
    order = obj.get("order")
    return Mentorship(
        id=obj["id"], mentor=obj["mentor"], mentee=obj["mentee"], academic_year=obj["academic_year"],
        start=_day(obj["start"]), end=_day(obj["end"]), status=MentorshipStatus(obj["status"]),
        order=None if order is None else MentorOrder(order["number"], _day(order["date"])),
        goals=list(obj.get("goals", [])),
        plan=[MentorshipActivity(_day(p["due"]), p["activity"], bool(p.get("done", False)))
              for p in obj.get("plan", [])],
        sessions=[MentorshipSession(_day(s["date"]), SessionKind(s["kind"]), s["topic"], s.get("notes"),
                                    s.get("lesson_visit"))
                  for s in obj.get("sessions", [])],
        conclusion=obj.get("conclusion"),
    )


def _visit(obj: JSON) -> LessonVisit:
    return LessonVisit(
        id=obj["id"], kind=VisitKind(obj["kind"]), teacher=obj["teacher"], subject=obj["subject"],
        date=_day(obj["date"]), topic=obj["topic"], class_name=obj.get("class"),
        association=obj.get("association"),
        observations=[Observation(o["observer"], o.get("strengths"), o.get("recommendations"))
                      for o in obj.get("observations", [])],
    )


def _material(obj: JSON) -> Material:
    review, approved, file = obj.get("review"), obj.get("approved"), obj.get("file")
    return Material(
        id=obj["id"], kind=MaterialKind(obj["kind"]), title=cast(LocalizedText, _text(obj["title"])),
        association=obj["association"], academic_year=obj["academic_year"],
        authors=[_speaker(a) for a in obj["authors"]], status=MaterialStatus(obj["status"]),
        review=None if review is None else Review(
            review["meeting"], review["item"], ReviewOutcome(review["outcome"]), review.get("remarks")),
        approved=_approval(approved), acting=bool(approved and approved["acting"]),
        file=None if file is None else MaterialFile(file["name"], file["sha256"], file["size"]),
    )


def _subject(obj: JSON) -> Subject:
    return Subject(obj["id"], cast(LocalizedText, _text(obj["name"])))


#: The record of one item of each collection of a schema-valid document.
RECORD_OF: dict[str, Callable[[JSON], Any]] = {
    "academic_years": _year, "subjects": _subject, "teachers": _teacher, "associations": _association,
    "meetings": _meeting, "plans": _plan, "mentorships": _mentorship, "lesson_visits": _visit,
    "materials": _material,
    "olympiad_results": _olympiad,
}


def school_of(obj: JSON) -> School:
    """The school of a schema-valid ``school`` value."""
    return _school(obj)


def records_from_document(document: JSON, normalize: bool = True) -> SchoolRecords:
    """The records of a schema-valid document (strings NFC-normalized); rules are not checked.

    ``normalize`` False skips the walk when the caller knows every string is NFC already."""
    doc = cast(JSON, nfc(document)) if normalize else document
    return SchoolRecords(
        school=_school(doc["school"]),
        academic_years=[_year(y) for y in doc["academic_years"]],
        subjects=[_subject(s) for s in doc["subjects"]],
        teachers=[_teacher(t) for t in doc["teachers"]],
        associations=[_association(a) for a in doc["associations"]],
        meetings=[_meeting(m) for m in doc.get("meetings", [])],
        plans=[_plan(p) for p in doc.get("plans", [])],
        mentorships=[_mentorship(m) for m in doc.get("mentorships", [])],
        lesson_visits=[_visit(v) for v in doc.get("lesson_visits", [])],
        materials=[_material(v) for v in doc.get("materials", [])],
        olympiad_results=[_olympiad(r) for r in doc.get("olympiad_results", [])],
    )


def parse_document(data: bytes | str) -> SchoolRecords:
    """The records of an exchange document, or :class:`ExchangeError` with every problem in it."""
    document = load_json(data)
    problems = schema_problems(document)
    if problems:
        raise ExchangeError(problems)
    try:
        records = records_from_document(document, normalize=needs_nfc(data))
    except (KeyError, TypeError, ValueError) as exc:  # pragma: no cover - the schema rules these out
        raise root_problem(N_("The document cannot be read: {detail}"), detail=str(exc)[:200]) from None
    findings = validate_records(records)
    if findings:
        raise ExchangeError([Problem.from_finding(f) for f in findings])
    return records


def parse_meeting(obj: JSON) -> Meeting:
    """A meeting written by ``dump_meeting`` read back (a protocol version snapshot, to show it);
    a snapshot from before the marks of members from other schools were kept has none."""
    return _meeting(obj)
