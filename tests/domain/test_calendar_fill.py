"""Rule 7: the date column of a KTP filled from the class timetable and the academic year."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.calendar import (
    SchoolCalendar,
    Severity,
    fill_dates,
    lesson_slots,
    plan_calendar_findings,
)
from desktop_app.domain.entities import PlanRow
from desktop_app.domain.errors import DomainError, Rule

from .builders import d, plan, year_2025


def rows(count: int, hours: float = 1, term: int | None = None) -> list[PlanRow]:
    return [PlanRow(i, f"topic {i}", hours, term=term) for i in range(1, count + 1)]


def test_lessons_follow_the_timetable_and_skip_holidays_and_breaks() -> None:
    year = year_2025()
    filled, findings = fill_dates(plan(rows=rows(20)), year, {1: 1})  # Tuesdays
    assert findings == []
    days = [r.date for r in filled.rows]
    assert days[:3] == [d("2025-09-02"), d("2025-09-09"), d("2025-09-16")]
    assert all(day is not None and day.weekday() == 1 for day in days)
    assert d("2025-12-16") not in days  # Independence Day, a Tuesday
    assert d("2025-10-28") not in days  # the autumn break
    assert days[days.index(d("2025-12-09")) + 1] == d("2025-12-23")
    assert not [f for f in plan_calendar_findings(filled, year) if f.severity is Severity.ERROR]


def test_a_moved_working_day_is_used_for_the_holiday_it_replaces() -> None:
    year = dataclasses.replace(year_2025(), extra_school_days=[d("2026-03-07")])  # Saturday for Monday 9 March
    slots = lesson_slots(year, 5, {0: 1})
    assert d("2026-03-07") in slots and d("2026-03-09") not in slots
    assert d("2026-03-07") not in lesson_slots(year, 5, {2: 1})  # Wednesday's lessons are not moved
    assert d("2026-03-07") not in lesson_slots(year_2025(), 5, {0: 1})  # not moved: a weekend


def test_grade_1_has_its_extra_february_holidays() -> None:
    year = year_2025()
    assert d("2026-02-09") in lesson_slots(year, 5, {0: 1})
    assert d("2026-02-09") not in lesson_slots(year, 1, {0: 1})
    filled, _ = fill_dates(plan(grade=1, rows=rows(40)), year, {0: 1})
    assert d("2026-02-09") not in [r.date for r in filled.rows]


def test_more_rows_than_lessons_are_reported_and_left_without_a_date() -> None:
    year = year_2025()
    room = len(lesson_slots(year, 5, {2: 1}))
    original = plan(rows=rows(room + 2))
    filled, findings = fill_dates(original, year, {2: 1})
    assert [r.date is None for r in filled.rows[-3:]] == [False, True, True]
    assert [(f.row, f.severity, f.message) for f in findings] == [
        (room + 1, Severity.WARNING, "Row {row}: the timetable leaves no lesson for it in the academic year"),
        (room + 2, Severity.WARNING, "Row {row}: the timetable leaves no lesson for it in the academic year"),
    ]
    assert findings[0].as_error().field == f"rows.{room + 1}.date"
    assert all(r.date is None for r in original.rows)  # the plan given is not changed


def test_hours_consume_lessons_double_lessons_and_half_hours() -> None:
    year = year_2025()
    plan_rows = [PlanRow(1, "a", 2), PlanRow(2, "b", 0.5), PlanRow(3, "c", 0.5), PlanRow(4, "d", 1),
                 PlanRow(5, "e", 1)]
    filled, findings = fill_dates(plan(rows=plan_rows), year, {0: 1, 3: 2})  # Monday 1, Thursday 2
    assert findings == []
    # 2025-09-04 Thursday (2 lessons), 2025-09-08 Monday, 2025-09-11 Thursday (2 lessons)
    assert [r.date for r in filled.rows] == [d("2025-09-04"), d("2025-09-08"), d("2025-09-08"),
                                             d("2025-09-11"), d("2025-09-11")]


def test_a_row_of_a_later_term_starts_at_that_term() -> None:
    year = year_2025()
    plan_rows = rows(2, term=1) + [dataclasses.replace(r, number=r.number + 2) for r in rows(2, term=2)]
    filled, findings = fill_dates(plan(rows=plan_rows), year, {4: 1})  # Fridays
    assert findings == []
    assert [r.date for r in filled.rows] == [d("2025-09-05"), d("2025-09-12"), d("2025-11-07"), d("2025-11-14")]


@pytest.mark.parametrize("timetable", [{}, {0: 0}, {6: 1}, {0: -1}, {7: 1}, {0: 1.5}])
def test_a_timetable_without_lessons_or_with_impossible_days_is_refused(timetable: dict[int, int]) -> None:
    with pytest.raises(DomainError) as caught:
        fill_dates(plan(rows=rows(1)), year_2025(), timetable)
    assert caught.value.rule is Rule.VALUE and caught.value.field == "timetable"


def test_a_six_day_school_has_saturday_lessons() -> None:
    slots = lesson_slots(year_2025(), 5, {5: 1})
    assert slots[0] == d("2025-09-06") and all(day.weekday() == 5 for day in slots)


@given(
    st.dictionaries(st.integers(0, 5), st.integers(0, 3), min_size=1).filter(lambda t: any(t.values())),
    st.lists(st.sampled_from([0.5, 1, 1, 1, 2]), min_size=1, max_size=120),
    st.sampled_from([1, 5, 11]),
)
@settings(max_examples=60, deadline=None)
def test_filled_dates_are_school_days_in_order(timetable: dict[int, int], hours: list[float], grade: int) -> None:
    year = year_2025()
    plan_rows = [PlanRow(i, f"t{i}", h) for i, h in enumerate(hours, start=1)]
    filled, findings = fill_dates(plan(grade=grade, rows=plan_rows), year, timetable)
    calendar = SchoolCalendar(year, grade, 6)
    days = [r.date for r in filled.rows if r.date is not None]
    assert days == sorted(days)
    assert all(calendar.day_off(day) is None for day in days)
    assert [r.number for r in filled.rows if r.date is None] == [f.row for f in findings]
    undated = [r for r in filled.rows if r.date is None]
    assert undated == filled.rows[len(filled.rows) - len(undated):]  # only the tail runs out
    assert isinstance(days[0] if days else date.min, date)
