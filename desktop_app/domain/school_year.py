"""Which academic year a date belongs to: a school year runs from 1 August to 31 July (rules 3 and 8)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from desktop_app.domain.entities import AcademicYear


def school_year_window(day: date) -> tuple[date, date]:
    """1 August – 31 July around ``day``: from 1 August the next academic year has begun."""
    first = day.year if day.month >= 8 else day.year - 1
    return date(first, 8, 1), date(first + 1, 7, 31)


def year_on(years: Sequence[AcademicYear], today: date) -> AcademicYear | None:
    """The year that holds ``today`` (its window of 1 August – 31 July); when none does, the last one
    begun before ``today``, else the first to come. None only for no years at all.

    On 06.12.2026 that is 2026-2027, on 15.07.2026 still 2025-2026, on 01.08.2026 already 2026-2027.
    """
    if not years:
        return None
    window = school_year_window(today)
    for year in years:
        if year.window == window:
            return year
    begun = [y for y in years if y.window[0] <= today]
    if begun:
        return max(begun, key=lambda y: y.window[0])
    return min(years, key=lambda y: y.window[0])
