"""Issue 18 points 8 and 9 as domain rules: marks on work plan items and olympiad results."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.entities import (
    Approval,
    Association,
    AssociationKind,
    ItemLink,
    ItemMark,
    ItemState,
    LocalizedText,
    OlympiadKind,
    OlympiadLevel,
    OlympiadOutcome,
    OlympiadResult,
    WorkPlan,
    WorkPlanForm,
    WorkPlanItem,
)
from desktop_app.domain.olympiads import olympiad_errors
from desktop_app.domain.work_plan_marks import mark_errors, month_of, overdue, unapproved_mark_errors

WINDOW = (date(2026, 8, 1), date(2027, 7, 31))
TODAY = date(2027, 3, 15)
MONTHS = [f"{y}-{m:02d}" for y, m in [(2026, m) for m in range(8, 13)] + [(2027, m) for m in range(1, 8)]]


def body(month: str = "2026-11", approved: bool = True) -> Association:
    plan = WorkPlan([WorkPlanItem(month, "Семинар", WorkPlanForm.SEMINAR)],
                    Approval("t-dir", date(2026, 8, 28)) if approved else None)
    return Association("mo", AssociationKind.SUBJECT, LocalizedText("ӘБ", "МО"), "y", "t-01", work_plan=plan)


def held(day: date | None = None, kind: str = "meeting") -> ItemMark:
    return ItemMark(ItemState.HELD, TODAY, ItemLink(kind, "m-1"))


days = st.dates(date(2026, 6, 1), date(2027, 9, 30))


@given(month=st.sampled_from(MONTHS), day=days)
def test_held_is_accepted_exactly_for_a_record_in_or_after_the_month_within_the_year_and_not_ahead(
        month: str, day: date) -> None:
    errors = mark_errors(body(month), 1, held(), WINDOW, day, TODAY)
    expected = month_of(day) >= month and WINDOW[0] <= day <= WINDOW[1] and day <= TODAY
    assert (errors == []) is expected, (month, day, errors)
    for error in errors:
        assert (error.record, error.field) == ("mo", "work_plan.items[1].mark")


@given(month=st.sampled_from(MONTHS), to=st.sampled_from([*MONTHS, "2026-07", "2027-08", "2027-09"]))
def test_moved_is_accepted_within_the_year_to_another_month_with_a_reason(month: str, to: str) -> None:
    mark = ItemMark(ItemState.MOVED, TODAY, month=to, reason="Курстар")
    expected = to in MONTHS and to != month
    assert (mark_errors(body(month), 1, mark, WINDOW, None, TODAY) == []) is expected


def test_the_other_refusals() -> None:
    def refused(mark: ItemMark | None, association: Association | None = None, item: int = 1) -> str:
        errors = mark_errors(association or body(), item, mark, WINDOW, date(2026, 11, 20), TODAY)
        assert errors, mark
        return errors[0].message

    assert "approved plan only" in refused(held(), body(approved=False))
    assert "approved plan only" in refused(None, body(approved=False))
    assert "no item" in refused(held(), item=2)
    assert "not known" in refused(held(kind="olympiad"))
    assert "which meeting" in refused(ItemMark(ItemState.HELD, TODAY))
    assert "why" in refused(ItemMark(ItemState.CANCELLED, TODAY, reason=" "))
    assert "only a held item" in refused(ItemMark(ItemState.CANCELLED, TODAY, ItemLink("meeting", "m"), reason="x"))
    assert mark_errors(body(), 1, None, WINDOW, None, TODAY) == []


def test_marks_on_a_plan_that_is_not_approved_are_refused() -> None:
    association = body(approved=False)
    assert unapproved_mark_errors(association) == []
    assert association.work_plan is not None
    association.work_plan.items[0].mark = ItemMark(ItemState.CANCELLED, TODAY, reason="x")
    assert [e.field for e in unapproved_mark_errors(association)] == ["work_plan.items[1].mark"]


@given(day=days)
def test_an_item_is_overdue_once_its_month_is_over(day: date) -> None:
    assert overdue(month_of(day), day) is False
    assert overdue(month_of(day - timedelta(days=day.day)), day) is True


def result(**changes: object) -> OlympiadResult:
    values: dict[str, object] = dict(
        id="ol-1", academic_year="y", pupil="Әлібекова Айгүл", class_name="9А", subject="math", teacher="t-01",
        level=OlympiadLevel.CITY, kind=OlympiadKind.CONTEST, outcome=OlympiadOutcome.PARTICIPANT)
    values.update(changes)
    return OlympiadResult(**values)  # type: ignore[arg-type]


@given(grade=st.integers(-1, 14), letter=st.sampled_from(["", "А", "Ә", "Ғ", "Қ", "І", "B", " Б", "-Ү", "АБ", "?"]))
def test_a_class_is_a_grade_from_1_to_12_and_one_letter(grade: int, letter: str) -> None:
    errors = olympiad_errors(result(class_name=f"{grade}{letter}"), WINDOW)
    assert (errors == []) is (1 <= grade <= 12 and letter not in ("АБ", "?"))


@given(outcome=st.sampled_from(list(OlympiadOutcome)), place=st.one_of(st.none(), st.integers(0, 5)))
def test_only_a_prize_has_a_place_from_1_to_3(outcome: OlympiadOutcome, place: int | None) -> None:
    errors = olympiad_errors(result(outcome=outcome, place=place), WINDOW)
    ok = place in (1, 2, 3) if outcome is OlympiadOutcome.PRIZE else place is None
    assert (errors == []) is ok
    assert all(e.field == "place" for e in errors)


def test_pupil_and_date() -> None:
    assert [e.field for e in olympiad_errors(result(pupil=" "), WINDOW)] == ["pupil"]
    assert [e.field for e in olympiad_errors(result(on=date(2027, 8, 1)), WINDOW)] == ["on"]
    assert olympiad_errors(result(on=date(2027, 7, 31)), WINDOW) == []
