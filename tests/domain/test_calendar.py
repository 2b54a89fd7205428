"""Rule 7: a KTP against the school calendar, with the real 2025-2026 and 2026-2027 presets."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.calendar import (
    DayOff,
    SchoolCalendar,
    Severity,
    plan_calendar_findings,
    study_weeks,
    submission_blockers,
)
from desktop_app.domain.entities import AcademicYear, PlanRow
from desktop_app.domain.errors import Rule

from .builders import PRESETS, d, plan, preset_years, wheres, year_2025, year_2026

R7 = Rule.PLAN_CALENDAR
#: A Saturday in term 3 of 2025-2026 made a working day (a moved day off).
MOVED_SATURDAY = d("2026-03-07")


def with_moved_day(year: AcademicYear, *days: date) -> AcademicYear:
    return dataclasses.replace(year, extra_school_days=list(days))


def dated_rows(*days: str, hours: float = 1, term: int | None = None) -> list[PlanRow]:
    return [PlanRow(i, f"topic {i}", hours, term=term, date=d(day)) for i, day in enumerate(days, start=1)]


def _dates(year: AcademicYear):
    def spans(holidays):
        return [(h.start, h.end) for h in holidays]

    return (
        year.id,
        year.start,
        year.end,
        [(t.number, t.start, t.end) for t in year.terms],
        spans(year.holidays),
        spans(year.grade1_holidays),
        year.extra_school_days,
        year.study_weeks,
    )


@pytest.mark.skipif(not PRESETS.exists(), reason="the shipped presets file is not in this tree")
@pytest.mark.parametrize("build", [year_2025, year_2026], ids=["2025-2026", "2026-2027"])
def test_hand_written_years_match_the_shipped_presets(build):
    year = build()
    assert _dates(year) == _dates(preset_years()[year.id])


# --- school days ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "day", "grade", "expected"),
    [
        (year_2025(), "2025-09-02", 5, None),  # first school day, Tuesday
        (year_2025(), "2025-11-03", 5, None),  # first day of term 2
        (year_2025(), "2026-05-25", 5, None),  # last school day
        (year_2025(), "2025-09-06", 5, DayOff.WEEKEND),  # Saturday
        (year_2025(), "2025-09-07", 5, DayOff.WEEKEND),  # Sunday
        (year_2025(), "2025-12-16", 5, DayOff.HOLIDAY),  # Independence Day, Tuesday
        (year_2025(), "2026-03-09", 5, DayOff.HOLIDAY),  # moved day off for 8 March
        (year_2025(), "2026-05-01", 5, DayOff.HOLIDAY),
        (year_2025(), "2026-05-11", 5, DayOff.HOLIDAY),
        (year_2025(), "2025-10-28", 5, DayOff.BREAK),  # autumn break
        (year_2025(), "2026-01-05", 5, DayOff.BREAK),  # winter break
        (year_2025(), "2026-03-25", 5, DayOff.BREAK),  # spring break
        (year_2025(), "2025-09-01", 5, DayOff.OUTSIDE_YEAR),  # the day before the first school day
        (year_2025(), "2026-05-26", 5, DayOff.OUTSIDE_YEAR),
        (year_2025(), "2026-02-09", 1, DayOff.HOLIDAY),  # grade 1 extra holidays
        (year_2025(), "2026-02-13", 1, DayOff.HOLIDAY),
        (year_2025(), "2026-02-09", 5, None),  # ... only for grade 1
        (year_2025(), "2026-02-13", 2, None),
        (year_2026(), "2026-09-01", 5, None),
        (year_2026(), "2026-12-16", 5, DayOff.HOLIDAY),  # Wednesday
        (year_2026(), "2026-10-27", 5, DayOff.BREAK),
        (year_2026(), "2027-03-08", 5, DayOff.HOLIDAY),
        (year_2026(), "2027-02-08", 1, DayOff.HOLIDAY),
        (year_2026(), "2027-02-08", 4, None),
        (year_2026(), "2027-05-26", 5, DayOff.OUTSIDE_YEAR),
    ],
    ids=lambda v: v.id if isinstance(v, AcademicYear) else str(v),
)
def test_day_off(year, day, grade, expected):
    assert SchoolCalendar(year, grade).day_off(d(day)) == expected


@pytest.mark.parametrize(
    "moved",
    [MOVED_SATURDAY, d("2025-12-16")],
    ids=["saturday-in-term", "holiday-made-working"],
)
def test_a_moved_working_day_counts_as_a_school_day(moved):
    assert SchoolCalendar(year_2025(), 5).day_off(moved) is not None
    year = with_moved_day(year_2025(), moved)
    assert SchoolCalendar(year, 5).day_off(moved) is None
    assert moved in SchoolCalendar(year, 5).school_days()
    p = plan(rows=dated_rows(moved.isoformat()))
    assert submission_blockers(p, year) == []


def test_school_days_counts_of_the_presets():
    assert len(SchoolCalendar(year_2025(), 5).school_days()) == 165
    assert len(SchoolCalendar(year_2025(), 1).school_days()) == 160  # five weekdays of extra holidays
    assert len(SchoolCalendar(year_2026(), 5).school_days()) == 168


# --- study weeks --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("grade", "own", "expected"),
    [(5, None, 34), (11, None, 34), (2, None, 34), (1, None, 33), (0, None, 32), (5, 33, 33), (1, 34, 34)],
    ids=["grade-5", "grade-11", "grade-2", "grade-1", "preschool", "year-says-33", "year-says-34-grade-1"],
)
def test_study_weeks(grade, own, expected):
    year = dataclasses.replace(year_2025(), study_weeks=own)
    assert study_weeks(year, grade) == expected


# --- findings -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        ("2025-09-06", "weekend"),
        ("2025-12-16", "holiday"),
        ("2025-10-28", "break"),
        ("2025-09-01", "outside the academic year"),
        ("2026-06-01", "outside the academic year"),
    ],
    ids=["weekend", "holiday", "break", "before-year", "after-year"],
)
def test_a_lesson_on_a_day_off_blocks_submission(day, reason):
    p = plan(hours_per_week=1, rows=dated_rows("2025-09-02", day, "2025-09-03"))
    blockers = submission_blockers(p, year_2025())
    assert wheres(blockers) == [(R7, "p1", "rows.2.date")]
    assert blockers[0].params == {"row": 2, "date": date.fromisoformat(day)}
    assert reason in blockers[0].render()


def test_every_offending_row_is_pointed_at():
    p = plan(rows=dated_rows("2025-09-06", "2025-09-08", "2025-12-16", "2025-10-28"))
    findings = [f for f in plan_calendar_findings(p, year_2025()) if f.severity is Severity.ERROR]
    assert [(f.row, f.day) for f in findings] == [
        (1, d("2025-09-06")),
        (3, d("2025-12-16")),
        (4, d("2025-10-28")),
    ]
    assert wheres(submission_blockers(p, year_2025())) == [
        (R7, "p1", "rows.1.date"),
        (R7, "p1", "rows.3.date"),
        (R7, "p1", "rows.4.date"),
    ]


def test_grade_1_lesson_in_its_extra_holidays_blocks_only_grade_1():
    rows = dated_rows("2026-02-10")
    assert wheres(submission_blockers(plan(grade=1, rows=rows), year_2025())) == [(R7, "p1", "rows.1.date")]
    assert submission_blockers(plan(grade=3, rows=rows), year_2025()) == []


def test_undated_rows_are_not_checked_against_days():
    # 34 undated hours: the hours match 1 h × 34 weeks; only the room (165 × 1 / 5 = 33) is short
    p = plan(hours_per_week=1, rows=[PlanRow(i, "t", 1) for i in range(1, 35)])
    findings = plan_calendar_findings(p, year_2025())
    assert [(f.row, f.severity, dict(f.params)) for f in findings] == [
        (None, Severity.WARNING, {"total": 34.0, "room": 33.0})
    ]
    assert submission_blockers(p, year_2025()) == []


@pytest.mark.parametrize(
    ("grade", "hours", "mismatch"),
    [(5, 34, False), (5, 33, True), (5, 35, True), (1, 33, False), (1, 34, True)],
    ids=["grade-5-34", "grade-5-33", "grade-5-35", "grade-1-33", "grade-1-34"],
)
def test_hours_mismatch_is_a_warning_not_an_error(grade, hours, mismatch):
    p = plan(grade=grade, hours_per_week=1, rows=[PlanRow(i, "t", 1) for i in range(1, hours + 1)])
    findings = plan_calendar_findings(p, year_2025())
    expected_hours = [f for f in findings if f.row is None and dict(f.params).get("expected") is not None]
    assert bool(expected_hours) == mismatch
    assert all(f.severity is Severity.WARNING for f in findings)
    assert submission_blockers(p, year_2025()) == []
    if mismatch:
        params = dict(expected_hours[0].params)
        assert params == {
            "total": float(hours),
            "per_week": 1.0,
            "weeks": 34 if grade != 1 else 33,
            "expected": 34.0 if grade != 1 else 33.0,
        }


def test_hours_compared_with_the_years_own_study_weeks():
    year = dataclasses.replace(year_2025(), study_weeks=33)
    p = plan(grade=5, hours_per_week=2, rows=[PlanRow(i, "t", 2) for i in range(1, 34)])  # 66 hours
    assert not [f for f in plan_calendar_findings(p, year) if "expected" in dict(f.params)]
    assert [f for f in plan_calendar_findings(p, year_2025()) if "expected" in dict(f.params)]


def test_more_hours_than_the_calendar_leaves_room_for_is_a_warning():
    # 2 h/week in grade 5 of 2025-2026: 165 school days × 2 / 5 = 66 lessons of room, 68 planned
    p = plan(grade=5, hours_per_week=2, rows=[PlanRow(i, "t", 2) for i in range(1, 35)])
    findings = plan_calendar_findings(p, year_2025())
    room = [f for f in findings if "room" in dict(f.params)]
    assert len(room) == 1
    assert room[0].severity is Severity.WARNING
    assert dict(room[0].params) == {"total": 68.0, "room": 66.0}
    assert room[0].as_error().render() == "The plan has 68 hours; the calendar leaves room for about 66"
    assert submission_blockers(p, year_2025()) == []


def test_a_row_in_the_wrong_term_is_a_warning():
    p = plan(
        rows=[
            PlanRow(1, "t", 1, term=1, date=d("2025-09-02")),
            PlanRow(2, "t", 1, term=1, date=d("2025-11-04")),
        ]
    )
    findings = [f for f in plan_calendar_findings(p, year_2025()) if f.row is not None]
    assert [(f.row, f.severity, dict(f.params)["actual"], dict(f.params)["term"]) for f in findings] == [
        (2, Severity.WARNING, 2, 1)
    ]
    assert submission_blockers(p, year_2025()) == []


def test_a_row_on_a_day_off_is_an_error_even_if_its_term_is_wrong():
    p = plan(rows=[PlanRow(1, "t", 1, term=1, date=d("2025-12-16"))])
    findings = [f for f in plan_calendar_findings(p, year_2025()) if f.row is not None]
    assert [(f.row, f.severity) for f in findings] == [(1, Severity.ERROR)]


# --- properties ---------------------------------------------------------------------------------------

YEARS = [
    year_2025(),
    year_2026(),
    with_moved_day(year_2025(), MOVED_SATURDAY, d("2025-12-16"), d("2025-10-28")),
]


def _in_holidays(day: date, year: AcademicYear, grade: int) -> bool:
    spans = year.holidays + (year.grade1_holidays if grade == 1 else [])
    return any(h.start <= day <= h.end for h in spans)


@st.composite
def year_day_grade(draw):
    year = draw(st.sampled_from(YEARS))
    day = year.start + timedelta(days=draw(st.integers(0, (year.end - year.start).days)))
    return year, day, draw(st.sampled_from([0, 1, 2, 5, 11]))


@settings(max_examples=300, deadline=None)
@given(year_day_grade())
def test_day_off_is_none_exactly_on_school_days(case):
    year, day, grade = case
    school_day = day in year.extra_school_days or (
        day.weekday() < 5 and year.term_of(day) is not None and not _in_holidays(day, year, grade)
    )
    reason = SchoolCalendar(year, grade).day_off(day)
    assert (reason is None) == school_day
    assert reason is not DayOff.OUTSIDE_YEAR


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(YEARS), st.sampled_from([1, 5]), st.floats(0, 10), st.floats(0, 10))
def test_lesson_room_is_monotone_in_hours_per_week(year, grade, a, b):
    calendar = SchoolCalendar(year, grade)
    low, high = sorted((a, b))
    assert 0 <= calendar.lesson_room(low) <= calendar.lesson_room(high)


def test_a_plan_level_finding_as_an_error_points_at_the_rows():
    p = plan(hours_per_week=1, rows=[PlanRow(1, "t", 40)])
    errors = [f.as_error() for f in plan_calendar_findings(p, year_2025())]
    assert wheres(errors) == [(R7, "p1", "rows"), (R7, "p1", "rows")]
