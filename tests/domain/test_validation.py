"""The whole-school check (validate_records, calendar_warnings) on small hand-built schools."""

from __future__ import annotations

from datetime import date

import pytest

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
    LessonVisit,
    LocalizedText,
    Meeting,
    MeetingStatus,
    Membership,
    Mentorship,
    Observation,
    PlanRow,
    PlanStatus,
    School,
    SchoolRecords,
    Speech,
    Subject,
    Teacher,
    Term,
    VisitKind,
    WorkPlan,
    WorkPlanForm,
    WorkPlanItem,
)
from desktop_app.domain.errors import DomainError, Rule
from desktop_app.domain.validation import Finding, calendar_warnings, validate_records


def d(text: str) -> date:
    return date.fromisoformat(text)


def school() -> SchoolRecords:
    """A small sound school: one year, one subject association of four, two meetings, a plan."""
    year = AcademicYear(
        "y26", d("2026-09-01"), d("2027-05-25"),
        terms=[Term(1, d("2026-09-01"), d("2026-10-25")), Term(2, d("2026-11-02"), d("2026-12-27")),
               Term(3, d("2027-01-08"), d("2027-03-19")), Term(4, d("2027-03-29"), d("2027-05-25"))],
        holidays=[Holiday(d("2026-12-16"), d("2026-12-16"), LocalizedText("Тәуелсіздік күні", None))],
    )
    teachers = [Teacher(f"t{i}", f"Әбен{i}", "Гүлнар", subjects=["math"]) for i in range(1, 5)]
    teachers.append(Teacher("dir", "Оспанов", "Бауыржан", subjects=["math"]))
    mo = Association(
        "mo", AssociationKind.SUBJECT, LocalizedText("ӘБ", "МО"), "y26", head="t1", subjects=["math"],
        secretary="t2", members=[Membership(f"t{i}", d("2026-08-20")) for i in range(1, 5)],
        work_plan=WorkPlan([WorkPlanItem("2026-08", "КТЖ қарау", WorkPlanForm.MEETING, ["t1"])],
                           approved=Approval("dir", d("2026-08-28"))),
    )
    meetings = [
        Meeting(f"m{n}", "mo", n, day, Language.KK, "t1", "t2",
                attendance=[Attendance(f"t{i}", True) for i in range(1, 5)],
                agenda=[AgendaItem(1, "КТЖ", ["Ұсынылсын"], heard=[Speech("t1", "мәтін")])],
                status=MeetingStatus.HELD)
        for n, day in ((1, d("2026-08-27")), (2, d("2026-11-06")))
    ]
    plan = CalendarPlan("p1", "t3", "math", "y26", 7, Language.KK, 1,
                        rows=[PlanRow(1, "Тақырып", 1, term=1, date=d("2026-09-02"))],
                        status=PlanStatus.SUBMITTED)
    return SchoolRecords(
        school=School("s", LocalizedText("Мектеп", None), director="dir"),
        academic_years=[year], subjects=[Subject("math", LocalizedText("Математика", None))],
        teachers=teachers, associations=[mo], meetings=meetings, plans=[plan],
        mentorships=[Mentorship("ms", "t1", "t4", "y26", d("2026-09-01"), d("2027-05-25"))],
        lesson_visits=[LessonVisit("v", VisitKind.OPEN_LESSON, "t3", "math", d("2026-11-18"), "Сабақ",
                                   association="mo", observations=[Observation("t1")])],
    )


def where(findings: list[Finding]) -> list[tuple[str, str | None, Rule]]:
    return [(f.full_path, f.record, f.rule) for f in findings]


def test_sound_school_has_no_findings() -> None:
    assert validate_records(school()) == []


def test_finding_paths() -> None:
    error = DomainError(Rule.VALUE, "x")
    assert Finding("associations", 4, "mo", error).path == "associations[4]"
    assert Finding("school", None, "s", error).path == "school"
    assert Finding("plans", 1, "p", error, ".rows[3]").full_path == "plans[1].rows[3]"
    assert Finding("plans", 1, "p", error, ".rows[3]").path == "plans[1]"


def test_duplicate_ids_per_collection() -> None:
    records = school()
    records.lesson_visits.append(LessonVisit("v", VisitKind.MUTUAL_VISIT, "t2", "math", d("2026-11-19"), "x"))
    # The same id in two different collections is fine.
    records.subjects.append(Subject("mo", LocalizedText(None, "Другой")))
    assert where(validate_records(records)) == [("lesson_visits[1].id", "v", Rule.UNIQUE_ID)]


def test_unknown_references_are_reported_and_the_record_is_not_checked_further() -> None:
    records = school()
    records.meetings[1].attendance.append(Attendance("ghost", True))
    records.meetings[1].agenda[0].spoke.append(Speech("nobody", "сөз"))
    records.meetings[1].chair = "ghost"  # would also break rule 4, but the meeting is not checked further
    found = where(validate_records(records))
    assert found == [
        ("meetings[1].chair", "m2", Rule.REFERENCE),
        ("meetings[1].attendance[4].teacher", "m2", Rule.REFERENCE),
        ("meetings[1].agenda[0].spoke[0].speaker", "m2", Rule.REFERENCE),
    ]


def test_unknown_year_of_association_does_not_crash() -> None:
    records = school()
    records.associations[0].academic_year = "y99"
    found = where(validate_records(records))
    assert ("associations[0].academic_year", "mo", Rule.REFERENCE) in found
    # Its meetings are still checked against the body (attendance) without a year window.
    assert all(f[2] is Rule.REFERENCE for f in found)


def test_every_reference_field() -> None:
    records = school()
    records.school.deputy_director = "x1"
    records.teachers[0].subjects.append("x2")
    assoc = records.associations[0]
    assoc.subjects.append("x3")
    assert assoc.work_plan is not None
    assoc.work_plan.approved = Approval("x4", d("2026-08-28"))
    records.meetings[0].agenda[0].plans.append("x5")
    records.meetings[0].agenda[0].lesson_visits.append("x6")
    records.plans[0].subject = "x7"
    records.mentorships[0].mentee = "x8"
    records.lesson_visits[0].association = "x9"
    records.lesson_visits[0].observations[0].observer = "x10"
    found = [(f.full_path, f.error.params["id"]) for f in validate_records(records)]
    assert found == [
        ("school.deputy_director", "x1"),
        ("teachers[0].subjects[1]", "x2"),
        ("associations[0].subjects[1]", "x3"),
        ("associations[0].work_plan.approved.by", "x4"),
        ("meetings[0].agenda[0].plans[0]", "x5"),
        ("meetings[0].agenda[0].lesson_visits[0]", "x6"),
        ("plans[0].subject", "x7"),
        ("mentorships[0].mentee", "x8"),
        ("lesson_visits[0].association", "x9"),
        ("lesson_visits[0].observations[0].observer", "x10"),
    ]


@pytest.mark.parametrize(
    ("change", "path"),
    [
        pytest.param(lambda y: setattr(y, "end", d("2026-08-01")), "academic_years[0].end",
                     id="year-ends-first"),
        pytest.param(lambda y: setattr(y.terms[1], "number", 1), "academic_years[0].terms[1].number",
                     id="term-number-twice"),
        pytest.param(lambda y: setattr(y.terms[0], "end", d("2026-08-30")), "academic_years[0].terms[0].end",
                     id="term-ends-first"),
        pytest.param(lambda y: setattr(y.terms[3], "end", d("2027-06-30")), "academic_years[0].terms[3]",
                     id="term-outside-year"),
        pytest.param(lambda y: setattr(y.holidays[0], "end", d("2026-12-01")),
                     "academic_years[0].holidays[0].end", id="holiday-ends-first"),
        pytest.param(lambda y: setattr(y, "end", d("2027-08-15")), "academic_years[0].end",
                     id="year-runs-past-31-july"),
        pytest.param(lambda y: setattr(y.holidays[0], "end", d("9999-12-31")),
                     "academic_years[0].holidays[0]", id="holiday-outside-year"),
    ],
)
def test_academic_year_sanity(change: object, path: str) -> None:
    records = school()
    assert callable(change)
    change(records.academic_years[0])
    found = validate_records(records)
    assert (path, "y26", Rule.VALUE) in where(found)


def test_rules_are_applied_in_document_order() -> None:
    records = school()
    records.associations[0].head = "dir"  # rule 2
    records.meetings[1].number = 3  # rule 3: gap
    records.mentorships[0].mentee = "t1"  # rule 8
    records.plans[0].rows[0].date = d("2026-09-05")  # rule 7: Saturday, plan submitted
    found = where(validate_records(records))
    assert found == [
        ("associations[0]", "mo", Rule.HEAD_AND_SECRETARY_ARE_MEMBERS),
        ("meetings[1]", "m2", Rule.MEETING_NUMBERING),
        ("plans[0].rows[0]", "p1", Rule.PLAN_CALENDAR),
        ("mentorships[0]", "ms", Rule.MENTORSHIP),
    ]


def test_numbering_is_per_body() -> None:
    records = school()
    other = Association("council", AssociationKind.COUNCIL, LocalizedText(None, "Совет"), "y26", head="t1",
                        members=[Membership("t1"), Membership("t2")])
    records.associations.append(other)
    records.meetings.append(Meeting("c1", "council", 1, d("2026-08-28"), Language.RU, "t1", "t2",
                                    attendance=[Attendance("t1", True), Attendance("t2", True)],
                                    agenda=[AgendaItem(1, "Повестка", ["Решили"])]))
    assert validate_records(records) == []


def test_draft_plan_with_lesson_on_day_off_is_accepted_and_warned() -> None:
    """A draft may hold a lesson on a day off (it blocks submission, not saving); check shows it."""
    records = school()
    plan = records.plans[0]
    plan.status = PlanStatus.DRAFT
    plan.rows[0].date = d("2026-12-16")  # a holiday
    assert validate_records(records) == []
    warnings = calendar_warnings(records)
    assert [(f.full_path, f.rule) for f in warnings] == [
        ("plans[0].rows[0]", Rule.PLAN_CALENDAR), ("plans[0]", Rule.PLAN_CALENDAR)]
    assert "16.12.2026" in warnings[0].error.render()
    assert "34" in warnings[1].error.render()
    plan.status = PlanStatus.SUBMITTED
    assert where(validate_records(records)) == [("plans[0].rows[0]", "p1", Rule.PLAN_CALENDAR)]
    assert [f.full_path for f in calendar_warnings(records)] == ["plans[0]"]


def test_broken_plan_review_reference_is_not_passed_to_rule_10() -> None:
    records = school()
    plan = records.plans[0]
    plan.status = PlanStatus.APPROVED
    plan.approved = Approval("nobody", d("2026-09-01"))
    found = where(validate_records(records))
    assert found == [("plans[0].approved.by", "p1", Rule.REFERENCE)]


def test_unsound_year_is_not_used_for_the_calendar() -> None:
    records = school()
    records.academic_years[0].holidays[0].start = d("0001-01-01")  # would make the calendar walk 2000 years
    records.plans[0].rows[0].date = d("2026-09-05")  # Saturday: not reported, the year is refused first
    found = where(validate_records(records))
    assert found == [("academic_years[0].holidays[0]", "y26", Rule.VALUE)]
    assert calendar_warnings(records) == []
