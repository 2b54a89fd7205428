"""Small builders of domain records for the domain tests (no storage, no fixtures)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from desktop_app.domain.entities import (
    AcademicYear,
    AgendaItem,
    Approval,
    Association,
    AssociationKind,
    Attendance,
    CalendarPlan,
    Holiday,
    Language,
    LocalizedText,
    Meeting,
    MeetingStatus,
    Membership,
    PlanRow,
    PlanStatus,
    Review,
    ReviewOutcome,
    School,
    Teacher,
    Term,
    Vote,
)
from desktop_app.domain.errors import DomainError, Rule

#: The presets the program ships (the same file as the shared design data).
PRESETS = Path(__file__).resolve().parents[2] / "resources" / "academic-years.json"

DIRECTOR = "t-director"
DEPUTY = "t-deputy"


def d(text: str) -> date:
    return date.fromisoformat(text)


def _holiday(raw: dict[str, Any]) -> Holiday:
    name = raw.get("name")
    return Holiday(
        d(raw["start"]), d(raw["end"]), LocalizedText(name.get("kk"), name.get("ru")) if name else None
    )


def year_from_preset(raw: dict[str, Any]) -> AcademicYear:
    return AcademicYear(
        id=raw["id"],
        start=d(raw["start"]),
        end=d(raw["end"]),
        terms=[Term(t["number"], d(t["start"]), d(t["end"])) for t in raw["terms"]],
        holidays=[_holiday(h) for h in raw["holidays"]],
        extra_school_days=[d(x) for x in raw["extra_school_days"]],
        study_weeks=raw["study_weeks"],
        grade1_holidays=[_holiday(h) for h in raw["grade_1_extra_holidays"]],
    )


def preset_years() -> dict[str, AcademicYear]:
    """The real presets, read from the shared data file."""
    raw = json.loads(PRESETS.read_text(encoding="utf-8"))
    return {y["id"]: year_from_preset(y) for y in raw["years"]}


def year_2025() -> AcademicYear:
    """The 2025-2026 preset, written out in the test so the tests do not depend on the file."""
    return AcademicYear(
        id="2025-2026",
        start=d("2025-09-02"),
        end=d("2026-05-25"),
        terms=[
            Term(1, d("2025-09-02"), d("2025-10-26")),
            Term(2, d("2025-11-03"), d("2025-12-28")),
            Term(3, d("2026-01-08"), d("2026-03-18")),
            Term(4, d("2026-03-30"), d("2026-05-25")),
        ],
        holidays=[
            Holiday(d("2025-10-27"), d("2025-11-02"), LocalizedText("Күзгі демалыс", "Осенние каникулы")),
            Holiday(
                d("2025-12-16"), d("2025-12-16"), LocalizedText("Тәуелсіздік күні", "День Независимости")
            ),
            Holiday(d("2025-12-29"), d("2026-01-07"), LocalizedText("Қысқы демалыс", "Зимние каникулы")),
            Holiday(d("2026-03-09"), d("2026-03-09")),
            Holiday(d("2026-03-19"), d("2026-03-29")),
            Holiday(d("2026-05-01"), d("2026-05-01")),
            Holiday(d("2026-05-07"), d("2026-05-07")),
            Holiday(d("2026-05-11"), d("2026-05-11")),
        ],
        grade1_holidays=[Holiday(d("2026-02-09"), d("2026-02-15"))],
    )


def year_2026() -> AcademicYear:
    """The 2026-2027 preset (a draft preset, but the dates are what the program ships)."""
    return AcademicYear(
        id="2026-2027",
        start=d("2026-09-01"),
        end=d("2027-05-25"),
        terms=[
            Term(1, d("2026-09-01"), d("2026-10-25")),
            Term(2, d("2026-11-02"), d("2026-12-27")),
            Term(3, d("2027-01-08"), d("2027-03-19")),
            Term(4, d("2027-03-29"), d("2027-05-25")),
        ],
        holidays=[
            Holiday(d("2026-10-26"), d("2026-11-01")),
            Holiday(d("2026-12-16"), d("2026-12-16")),
            Holiday(d("2026-12-28"), d("2027-01-07")),
            Holiday(d("2027-03-08"), d("2027-03-08")),
            Holiday(d("2027-03-20"), d("2027-03-28")),
            Holiday(d("2027-05-07"), d("2027-05-07")),
            Holiday(d("2027-05-10"), d("2027-05-10")),
        ],
        grade1_holidays=[Holiday(d("2027-02-08"), d("2027-02-14"))],
    )


def school(director: str | None = DIRECTOR, deputy: str | None = DEPUTY) -> School:
    return School("s1", LocalizedText("Мектеп", "Школа"), director=director, deputy_director=deputy)


def teacher(tid: str, *subjects: str, organization: str | None = None) -> Teacher:
    return Teacher(
        tid,
        f"Last-{tid}",
        f"First-{tid}",
        subjects=list(subjects),
        organization=LocalizedText(ru=organization) if organization else None,
    )


def teachers(*items: Teacher) -> dict[str, Teacher]:
    return {t.id: t for t in items}


def association(
    aid: str = "a1",
    kind: AssociationKind = AssociationKind.SUBJECT,
    members: list[Membership] | None = None,
    subjects: list[str] | None = None,
    head: str = "t1",
    secretary: str | None = None,
) -> Association:
    return Association(
        id=aid,
        kind=kind,
        name=LocalizedText("МБ", "МО"),
        academic_year="2025-2026",
        head=head,
        subjects=["math"] if subjects is None else subjects,
        secretary=secretary,
        members=[Membership("t1"), Membership("t2"), Membership("t3")] if members is None else members,
    )


def meeting(
    mid: str = "m1",
    number: int = 1,
    day: date = date(2025, 8, 28),
    body: str = "a1",
    chair: str = "t1",
    secretary: str = "t2",
    present: tuple[str, ...] = ("t1", "t2", "t3"),
    absent: tuple[str, ...] = (),
    agenda: list[AgendaItem] | None = None,
    status: MeetingStatus = MeetingStatus.DRAFT,
) -> Meeting:
    attendance = [Attendance(t, True) for t in present] + [Attendance(t, False, "ill") for t in absent]
    return Meeting(
        id=mid,
        body=body,
        number=number,
        date=day,
        language=Language.KK,
        chair=chair,
        secretary=secretary,
        attendance=attendance,
        agenda=[AgendaItem(1, "KTP", ["recommend"], plans=["p1"])] if agenda is None else agenda,
        status=status,
    )


def item(
    number: int, *decisions: str, vote: Vote | None = None, plans: list[str] | None = None
) -> AgendaItem:
    return AgendaItem(number, f"item {number}", list(decisions), vote=vote, plans=plans or [])


def plan(
    pid: str = "p1",
    teacher_id: str = "t3",
    status: PlanStatus = PlanStatus.DRAFT,
    grade: int = 5,
    hours_per_week: float = 1,
    rows: list[PlanRow] | None = None,
    review: Review | None = None,
    agreed: Approval | None = None,
    approved: Approval | None = None,
) -> CalendarPlan:
    return CalendarPlan(
        id=pid,
        teacher=teacher_id,
        subject="math",
        academic_year="2025-2026",
        grade=grade,
        language=Language.KK,
        hours_per_week=hours_per_week,
        rows=[PlanRow(1, "topic", 1)] if rows is None else rows,
        status=status,
        review=review,
        agreed=agreed,
        approved=approved,
    )


def recommended_review(meeting_id: str = "m1", number: int = 1) -> Review:
    return Review(meeting_id, number, ReviewOutcome.RECOMMENDED)


def returned_review(meeting_id: str = "m1", number: int = 1) -> Review:
    return Review(meeting_id, number, ReviewOutcome.RETURNED, "rework term 2")


def where(error: DomainError) -> tuple[Rule, str | None, str | None]:
    """What a refusal test checks: the rule, the record and the field."""
    return error.rule, error.record, error.field


def wheres(errors: list[DomainError]) -> list[tuple[Rule, str | None, str | None]]:
    return [where(e) for e in errors]
