"""A tiny exchange-JSON → dataclass reader for storage tests (not the exchange module)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from desktop_app.domain.entities import (
    AcademicYear,
    AgendaItem,
    Approval,
    Association,
    AssociationKind,
    Attendance,
    CalendarPlan,
    Category,
    Holiday,
    Language,
    LessonVisit,
    LocalizedText,
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
    Person,
    PlanRow,
    PlanStatus,
    Review,
    ReviewOutcome,
    School,
    SchoolRecords,
    SessionKind,
    Speech,
    Subject,
    Teacher,
    Term,
    VisitKind,
    Vote,
    WorkPlan,
    WorkPlanForm,
    WorkPlanItem,
)
from tests.shared_files import SAMPLE


def _d(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _dd(value: str) -> date:
    return date.fromisoformat(value)


def _lt(value: dict[str, str] | None) -> LocalizedText | None:
    return None if value is None else LocalizedText(value.get("kk"), value.get("ru"))


def _req_lt(value: dict[str, str]) -> LocalizedText:
    return LocalizedText(value.get("kk"), value.get("ru"))


def _approval(value: dict[str, str] | None) -> Approval | None:
    return None if value is None else Approval(value["by"], _dd(value["on"]))


def _speaker(value: str | dict[str, Any]) -> str | Person:
    return value if isinstance(value, str) else Person(value["name"], value.get("position"))


def _holiday(h: dict[str, Any]) -> Holiday:
    return Holiday(_dd(h["start"]), _dd(h["end"]), _lt(h.get("name")))


def records_from_json(doc: dict[str, Any]) -> SchoolRecords:
    s = doc["school"]
    school = School(
        s["id"],
        _req_lt(s["name"]),
        _lt(s.get("short_name")),
        _lt(s.get("city")),
        _lt(s.get("address")),
        s.get("director"),
        s.get("deputy_director"),
    )
    years = [
        AcademicYear(
            y["id"],
            _dd(y["start"]),
            _dd(y["end"]),
            [Term(t["number"], _dd(t["start"]), _dd(t["end"])) for t in y.get("terms", [])],
            [_holiday(h) for h in y.get("holidays", [])],
            [_dd(d) for d in y.get("extra_school_days", [])],
            y.get("study_weeks"),
        )
        for y in doc["academic_years"]
    ]
    subjects = [Subject(x["id"], _req_lt(x["name"])) for x in doc["subjects"]]
    teachers = [
        Teacher(
            t["id"],
            t["last_name"],
            t["first_name"],
            t.get("patronymic"),
            _lt(t.get("position")),
            t.get("subjects", []),
            Category(t.get("category", "none")),
            _d(t.get("category_awarded")),
            _d(t.get("career_start")),
            _lt(t.get("organization")),
            t.get("active", True),
        )
        for t in doc["teachers"]
    ]
    associations = []
    for a in doc["associations"]:
        wp = a.get("work_plan")
        work_plan = (
            None
            if wp is None
            else WorkPlan(
                [
                    WorkPlanItem(i["month"], i["topic"], WorkPlanForm(i["form"]), i.get("responsible", []))
                    for i in wp.get("items", [])
                ],
                _approval(wp.get("approved")),
            )
        )
        associations.append(
            Association(
                a["id"],
                AssociationKind(a["kind"]),
                _req_lt(a["name"]),
                a["academic_year"],
                a["head"],
                a.get("subjects", []),
                a.get("secretary"),
                [
                    Membership(x["teacher"], _d(x.get("since")), _d(x.get("until")))
                    for x in a.get("members", [])
                ],
                work_plan,
            )
        )
    meetings = []
    for mt in doc["meetings"]:
        agenda = []
        for i in mt["agenda"]:
            v = i.get("vote")
            agenda.append(
                AgendaItem(
                    i["number"],
                    i["title"],
                    i["decisions"],
                    [Speech(_speaker(x["speaker"]), x["text"]) for x in i.get("heard", [])],
                    [Speech(_speaker(x["speaker"]), x["text"]) for x in i.get("spoke", [])],
                    None if v is None else Vote(v["for"], v["against"], v["abstained"]),
                    i.get("plans", []),
                    i.get("lesson_visits", []),
                )
            )
        meetings.append(
            Meeting(
                mt["id"],
                mt["body"],
                mt["number"],
                _dd(mt["date"]),
                Language(mt["language"]),
                mt["chair"],
                mt["secretary"],
                [Attendance(x["teacher"], x["present"], x.get("reason")) for x in mt["attendance"]],
                agenda,
                MeetingStatus(mt["status"]),
                mt.get("start_time"),
                mt.get("place"),
                [Person(g["name"], g.get("position")) for g in mt.get("guests", [])],
                MeetingForm(mt.get("form", "meeting")),
            )
        )
    plans = []
    for p in doc["plans"]:
        r = p.get("review")
        plans.append(
            CalendarPlan(
                p["id"],
                p["teacher"],
                p["subject"],
                p["academic_year"],
                p["grade"],
                Language(p["language"]),
                p["hours_per_week"],
                [
                    PlanRow(
                        x["number"],
                        x["topic"],
                        x["hours"],
                        x.get("term"),
                        x.get("section"),
                        x.get("objectives", []),
                        _d(x.get("date")),
                        x.get("note"),
                    )
                    for x in p["rows"]
                ],
                PlanStatus(p["status"]),
                p.get("classes", []),
                None
                if r is None
                else Review(r["meeting"], r["item"], ReviewOutcome(r["outcome"]), r.get("remarks")),
                _approval(p.get("agreed")),
                _approval(p.get("approved")),
            )
        )
    mentorships = []
    for x in doc["mentorships"]:
        o = x.get("order")
        mentorships.append(
            Mentorship(
                x["id"],
                x["mentor"],
                x["mentee"],
                x["academic_year"],
                _dd(x["start"]),
                _dd(x["end"]),
                MentorshipStatus(x.get("status", "active")),
                None if o is None else MentorOrder(o["number"], _dd(o["date"])),
                x.get("goals", []),
                [
                    MentorshipActivity(_dd(a["due"]), a["activity"], a.get("done", False))
                    for a in x.get("plan", [])
                ],
                [
                    MentorshipSession(
                        _dd(s["date"]),
                        SessionKind(s["kind"]),
                        s["topic"],
                        s.get("notes"),
                        s.get("lesson_visit"),
                    )
                    for s in x.get("sessions", [])
                ],
                x.get("conclusion"),
            )
        )
    visits = [
        LessonVisit(
            v["id"],
            VisitKind(v["kind"]),
            v["teacher"],
            v["subject"],
            _dd(v["date"]),
            v["topic"],
            v.get("class"),
            v.get("association"),
            [
                Observation(o["observer"], o.get("strengths"), o.get("recommendations"))
                for o in v.get("observations", [])
            ],
        )
        for v in doc["lesson_visits"]
    ]
    return SchoolRecords(
        school, years, subjects, teachers, associations, meetings, plans, mentorships, visits
    )


def sample_records() -> SchoolRecords:
    return records_from_json(json.loads(SAMPLE.read_text(encoding="utf-8")))
