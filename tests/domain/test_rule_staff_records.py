"""The rules of the attestation register (п. 10.7) and of professional development, over every
pair of categories and over dates: what is refused, what a result does, when a course is due."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.entities import AcademicYear, Category, Teacher, Term
from desktop_app.domain.errors import Rule
from desktop_app.domain.staff_records import (
    ATTESTATION_PERIOD_YEARS,
    Attestation,
    AttestationResult,
    CourseNeed,
    add_years,
    apply_result,
    attestation_errors,
    course_need,
    next_course_due,
    one_open_per_year,
)

YEAR = AcademicYear("2026-2027", date(2026, 9, 1), date(2027, 5, 25), [Term(1, date(2026, 9, 1), date(2027, 5, 25))])
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


def _record(current: Category, sought: Category, **changes: object) -> Attestation:
    values: dict[str, object] = dict(id="att-1", academic_year=YEAR.id, teacher="t-1", current_category=current,
                                     sought_category=sought, applied_on=date(2026, 10, 1))
    values.update(changes)
    return Attestation(**values)  # type: ignore[arg-type]


@given(st.sampled_from(Category), st.sampled_from(Category))
def test_the_category_sought_is_never_below_the_one_held(current: Category, sought: Category) -> None:
    fields = {e.field for e in attestation_errors(_record(current, sought), YEAR)}
    refused = sought is Category.NONE or sought.rank < current.rank
    assert ("sought_category" in fields) is refused
    assert all(e.rule is Rule.ATTESTATION for e in attestation_errors(_record(current, sought), YEAR))


@given(st.sampled_from(list(Category)[1:]), days)
def test_an_award_holds_five_years_from_the_order(sought: Category, on: date) -> None:
    record = _record(Category.NONE, sought, result=AttestationResult.AWARDED, order_number="1", order_date=on,
                     applied_on=None)
    change = apply_result(record, Teacher("t-1", "Әбенова", "Гүлнар"))
    assert (change.category, change.awarded) == (sought, on)
    assert change.next_due == add_years(on, ATTESTATION_PERIOD_YEARS) and change.next_due is not None
    assert change.next_due.year - on.year == ATTESTATION_PERIOD_YEARS and change.next_due.month == on.month


def test_not_awarded_changes_nothing_and_an_order_needs_a_result() -> None:
    teacher = Teacher("t-1", "Әбенова", "Гүлнар", category=Category.MODERATOR, category_awarded=date(2022, 5, 30))
    record = _record(Category.MODERATOR, Category.EXPERT, result=AttestationResult.NOT_AWARDED, order_number="2",
                     order_date=date(2026, 12, 1))
    assert apply_result(record, teacher).category is Category.MODERATOR
    orphan = _record(Category.MODERATOR, Category.EXPERT, order_number="2")
    assert [e.field for e in attestation_errors(orphan, YEAR)] == ["result"]


def test_one_open_attestation_per_teacher_and_year_a_closed_one_does_not_count() -> None:
    closed = _record(Category.NONE, Category.PEDAGOG, id="att-0", result=AttestationResult.AWARDED,
                     order_number="1", order_date=date(2026, 10, 20))
    assert one_open_per_year(_record(Category.PEDAGOG, Category.MODERATOR), [closed]) == []
    other = _record(Category.PEDAGOG, Category.MODERATOR, id="att-2")
    assert [e.field for e in one_open_per_year(_record(Category.PEDAGOG, Category.MODERATOR), [other])] == ["teacher"]


@given(days, st.integers(min_value=1, max_value=10))
def test_a_course_is_due_the_schools_period_after_the_last(last: date, period: int) -> None:
    due = next_course_due(last, period)
    assert due is not None and due - last >= timedelta(days=365 * period)
    need = course_need(last, period, YEAR)
    first, end = YEAR.window
    assert need is (CourseNeed.OVERDUE if due < first else CourseNeed.DUE if due <= end else CourseNeed.COVERED)
    assert course_need(None, period, YEAR) is CourseNeed.NEVER
