"""Rule 7: a KTP against the school calendar of its academic year."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from desktop_app.domain.entities import AcademicYear, CalendarPlan, PlanRow, PlanStatus
from desktop_app.domain.errors import N_, DomainError, Rule

DEFAULT_STUDY_WEEKS = 34
GRADE_1_STUDY_WEEKS = 33
PRESCHOOL_STUDY_WEEKS = 32
SCHOOL_DAYS_PER_WEEK = 5


class DayOff(StrEnum):
    """Why a date is not a school day."""

    OUTSIDE_YEAR = "outside_year"
    BREAK = "break"
    HOLIDAY = "holiday"
    WEEKEND = "weekend"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class CalendarFinding:
    """One problem of a plan against the calendar; ``row`` is the row number or None for the plan."""

    plan: str
    row: int | None
    day: date | None
    severity: Severity
    message: str
    params: tuple[tuple[str, object], ...] = ()

    def as_error(self) -> DomainError:
        """The finding as a refusal that points at its row (rule 7), or at the plan's rows."""
        where = f"rows.{self.row}.date" if self.row is not None else "rows"
        return DomainError(Rule.PLAN_CALENDAR, self.message, dict(self.params), record=self.plan, field=where)


def study_weeks(year: AcademicYear, grade: int) -> int:
    """Study weeks of the typical curriculum: the year's own figure, else 34 (33 for grade 1)."""
    if year.study_weeks:
        return year.study_weeks
    if grade == 1:
        return GRADE_1_STUDY_WEEKS
    if grade == 0:
        return PRESCHOOL_STUDY_WEEKS
    return DEFAULT_STUDY_WEEKS


class SchoolCalendar:
    """School days of one academic year for one grade (grade 1 has extra holidays)."""

    def __init__(self, year: AcademicYear, grade: int, days_per_week: int = SCHOOL_DAYS_PER_WEEK):
        self.year = year
        self.grade = grade
        self.days_per_week = days_per_week
        self._extra = set(year.extra_school_days)
        holidays = list(year.holidays) + (list(year.grade1_holidays) if grade == 1 else [])
        self._holidays: dict[date, str | None] = {}
        for holiday in holidays:
            day = holiday.start
            while day <= holiday.end:
                name = holiday.name.get("ru") if holiday.name else None
                self._holidays.setdefault(day, name)
                day += timedelta(days=1)
        self._school_days: list[date] | None = None
        self._term_days: set[date] = set()
        for term in year.terms:
            day = term.start
            while day <= term.end:
                self._term_days.add(day)
                day += timedelta(days=1)

    def day_off(self, day: date) -> DayOff | None:
        """None for a school day, else the reason the day is off."""
        if day < self.year.start or day > self.year.end:
            return DayOff.OUTSIDE_YEAR
        if day in self._extra:
            return None
        if day not in self._term_days:
            return DayOff.BREAK
        if day in self._holidays:
            return DayOff.HOLIDAY
        if day.weekday() >= self.days_per_week:
            return DayOff.WEEKEND
        return None

    def school_days(self) -> list[date]:
        if self._school_days is None:
            days = []
            day = self.year.start
            while day <= self.year.end:
                if self.day_off(day) is None:
                    days.append(day)
                day += timedelta(days=1)
            self._school_days = days
        return self._school_days

    def lesson_room(self, hours_per_week: float) -> float:
        """Lessons the calendar leaves room for at ``hours_per_week`` spread over the week."""
        return round(len(self.school_days()) * hours_per_week / self.days_per_week, 1)


_DAY_OFF_MESSAGES = {
    DayOff.OUTSIDE_YEAR: N_("Row {row}: {date} is outside the academic year"),
    DayOff.BREAK: N_("Row {row}: {date} falls in the school break"),
    DayOff.HOLIDAY: N_("Row {row}: {date} is a holiday"),
    DayOff.WEEKEND: N_("Row {row}: {date} is a weekend day"),
}


def plan_calendar_findings(
    plan: CalendarPlan, year: AcademicYear, calendar: SchoolCalendar | None = None
) -> list[CalendarFinding]:
    """Every row dated on a day off (an error) and every difference in hours (a warning).

    ``calendar`` may be passed in when many plans of one year and grade are checked."""
    if calendar is None or calendar.year is not year or calendar.grade != plan.grade:
        calendar = SchoolCalendar(year, plan.grade)
    findings: list[CalendarFinding] = []
    for row in plan.rows:
        if row.date is None:
            continue
        reason = calendar.day_off(row.date)
        if reason is not None:
            findings.append(
                CalendarFinding(
                    plan.id, row.number, row.date, Severity.ERROR, _DAY_OFF_MESSAGES[reason],
                    (("row", row.number), ("date", row.date)),
                )
            )
            continue
        term = year.term_of(row.date)
        if row.term is not None and term is not None and row.term != term:
            findings.append(
                CalendarFinding(
                    plan.id, row.number, row.date, Severity.WARNING,
                    N_("Row {row}: {date} lies in term {actual}, not in term {term}"),
                    (("row", row.number), ("date", row.date),
                     ("actual", term), ("term", row.term)),
                )
            )
    expected = plan.hours_per_week * study_weeks(year, plan.grade)
    total = plan.total_hours
    if abs(total - expected) > 1e-9:
        findings.append(
            CalendarFinding(
                plan.id, None, None, Severity.WARNING,
                N_("The plan has {total} hours; {per_week} h × {weeks} weeks = {expected}"),
                (("total", _num(total)), ("per_week", _num(plan.hours_per_week)),
                 ("weeks", study_weeks(year, plan.grade)), ("expected", _num(expected))),
            )
        )
    room = calendar.lesson_room(plan.hours_per_week)
    if total > room:
        findings.append(
            CalendarFinding(
                plan.id, None, None, Severity.WARNING,
                N_("The plan has {total} hours; the calendar leaves room for about {room}"),
                (("total", _num(total)), ("room", _num(room))),
            )
        )
    return findings


def submission_blockers(plan: CalendarPlan, year: AcademicYear) -> list[DomainError]:
    """Rule 7: a lesson dated on a day off blocks submission."""
    return [
        f.as_error() for f in plan_calendar_findings(plan, year) if f.severity is Severity.ERROR
    ]


#: A timetable: weekday (0 = Monday ... 5 = Saturday) -> lessons of the subject on that day.
Timetable = Mapping[int, int]
_EPSILON = 1e-9


def timetable_errors(timetable: Timetable, record: str = "") -> list[DomainError]:
    """A timetable has lessons on Monday to Saturday only, whole and not negative, at least one."""
    errors = []
    for weekday, lessons in timetable.items():
        if not 0 <= weekday <= 5 or lessons < 0 or lessons != int(lessons) or lessons > 8:
            message = N_("The timetable has {lessons} lessons on a day; it takes 0 to 8 lessons on Monday to "
                         "Saturday")
            errors.append(DomainError(Rule.VALUE, message, {"lessons": lessons, "weekday": weekday},
                                      record=record or None, field="timetable"))
    if not errors and not any(timetable.values()):
        errors.append(DomainError(Rule.VALUE, N_("The timetable has no lessons"), record=record or None,
                                  field="timetable"))
    return errors


def lesson_slots(year: AcademicYear, grade: int, timetable: Timetable) -> list[date]:
    """The date of every lesson the timetable gives in the year, in order (a date twice for a double
    lesson). A moved working day on a weekend works by the timetable of the day off it replaces: the
    nearest weekday holiday within a week (a Saturday worked for the Monday after it)."""
    calendar = SchoolCalendar(year, grade, 6 if timetable.get(5) else SCHOOL_DAYS_PER_WEEK)
    moved = set(year.extra_school_days)
    slots: list[date] = []
    for day in calendar.school_days():
        weekday = day.weekday()
        if day in moved and weekday >= calendar.days_per_week:
            weekday = _replaced_weekday(calendar, day)
        slots.extend([day] * int(timetable.get(weekday, 0)))
    return slots


def _replaced_weekday(calendar: SchoolCalendar, day: date) -> int:
    for distance in range(1, 8):
        for candidate in (day + timedelta(days=distance), day - timedelta(days=distance)):
            if candidate.weekday() < calendar.days_per_week and calendar.day_off(candidate) is DayOff.HOLIDAY:
                return candidate.weekday()
    return day.weekday()


def fill_dates(plan: CalendarPlan, year: AcademicYear,
               timetable: Timetable) -> tuple[CalendarPlan, list[CalendarFinding]]:
    """The plan with the date column filled from the timetable and the year's calendar (rule 7).

    Rows take lessons in order, each row's hours consuming lessons (two 0,5-hour rows share one);
    a row of a later term than the lessons reached starts at its term's first lesson. A row left
    without room keeps no date and is reported; the plan given is not changed."""
    errors = timetable_errors(timetable, plan.id)
    if errors:
        raise errors[0]
    slots = lesson_slots(year, plan.grade, timetable)
    terms = [year.term_of(day) for day in slots]
    position = 0.0
    rows: list[PlanRow] = []
    findings: list[CalendarFinding] = []
    for row in plan.rows:
        index = math.floor(position + _EPSILON)
        if row.term is not None and index < len(slots) and (terms[index] or 0) < row.term:
            later = next((i for i in range(index, len(slots)) if (terms[i] or 0) >= row.term), len(slots))
            position = float(later)
            index = later
        if position + row.hours > len(slots) + _EPSILON:
            rows.append(replace(row, date=None))
            findings.append(CalendarFinding(
                plan.id, row.number, None, Severity.WARNING,
                N_("Row {row}: the timetable leaves no lesson for it in the academic year"),
                (("row", row.number),),
            ))
            position = float(len(slots))
            continue
        rows.append(replace(row, date=slots[index]))
        position += row.hours
    return replace(plan, rows=rows), findings


#: Statuses whose plans have passed submission and so must have no lesson on a day off.
SUBMITTED_STATUSES = frozenset(
    {PlanStatus.SUBMITTED, PlanStatus.RECOMMENDED, PlanStatus.AGREED, PlanStatus.APPROVED}
)


def _num(value: float) -> float:
    """Hours as a float parameter: the message shows it the language's way (4 or 0,5)."""
    return round(float(value), 2)
