"""Which academic year is current on a date (the first-start wizard preselects it)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.entities import AcademicYear
from desktop_app.domain.school_year import school_year_window, year_on
from desktop_app.services.schools import load_presets


def _year(first: int) -> AcademicYear:
    """A year like the ministry's: from early September to late May."""
    return AcademicYear(f"{first}-{first + 1}", date(first, 9, 1), date(first + 1, 5, 25))


def test_the_presets_on_the_days_of_the_issue() -> None:
    years = [p.year for p in load_presets()]
    assert {y.id for y in years} >= {"2025-2026", "2026-2027"}
    on = {day: year_on(years, day) for day in (date(2026, 12, 6), date(2026, 7, 15), date(2026, 8, 1),
                                                date(2026, 7, 31), date(2025, 8, 1))}
    assert {day: y.id if y else None for day, y in on.items()} == {
        date(2026, 12, 6): "2026-2027", date(2026, 7, 15): "2025-2026", date(2026, 8, 1): "2026-2027",
        date(2026, 7, 31): "2025-2026", date(2025, 8, 1): "2025-2026"}


def test_no_years_no_choice() -> None:
    assert year_on([], date(2026, 12, 6)) is None


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31)))
def test_the_window_runs_from_1_august_to_31_july(day: date) -> None:
    first, last = school_year_window(day)
    assert first <= day <= last
    assert (first.month, first.day, last.month, last.day) == (8, 1, 7, 31)
    assert last.year == first.year + 1
    assert school_year_window(last + timedelta(days=1))[0] == last + timedelta(days=1)


@given(st.sets(st.integers(2000, 2060), min_size=1, max_size=8), st.dates(date(1995, 1, 1), date(2065, 12, 31)))
def test_the_year_holding_today_else_the_last_begun_else_the_first(firsts: set[int], today: date) -> None:
    years = [_year(first) for first in sorted(firsts, reverse=True)]  # any order
    chosen = year_on(years, today)
    assert chosen is not None and chosen in years
    holding = [y for y in years if y.window[0] <= today <= y.window[1]]
    if holding:
        assert chosen is holding[0]
    elif any(y.window[0] <= today for y in years):
        assert chosen.window[0] <= today
        assert all(y.window[0] <= chosen.window[0] for y in years if y.window[0] <= today)
    else:
        assert chosen.window[0] == min(y.window[0] for y in years)
