"""Rules 1, 2 and 9: composition of an association, its officers, its annual work plan."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.associations import (
    Composition,
    composition,
    composition_errors,
    ensure_work_plan_editable,
    membership_errors,
    officer_errors,
    work_plan_errors,
)
from desktop_app.domain.entities import (
    Approval,
    AssociationKind,
    Membership,
    WorkPlan,
    WorkPlanForm,
    WorkPlanItem,
)
from desktop_app.domain.errors import DomainError, Rule

from .builders import DIRECTOR, association, d, school, teacher, teachers, wheres, year_2025

WINDOW = year_2025().window
R1 = Rule.ASSOCIATION_COMPOSITION


def math_staff(n: int = 4):
    return teachers(
        *(teacher(f"t{i}", "math") for i in range(1, n + 1)),
        teacher("e1", "english"),
        teacher("e2", "english"),
        teacher("x1", "math", organization="School 7"),
    )


def members(*ids: str) -> list[Membership]:
    return [Membership(t) for t in ids]


# --- rule 1: subject and primary associations need three teachers of one subject -------------------


@pytest.mark.parametrize("kind", [AssociationKind.SUBJECT, AssociationKind.PRIMARY], ids=lambda k: k.value)
def test_three_teachers_of_one_subject_satisfy_rule_1(kind):
    a = association(kind=kind, members=members("t1", "t2", "t3"))
    assert composition_errors(a, math_staff(), WINDOW) == []
    assert composition(a, math_staff(), WINDOW) == Composition(3, 3, "math")


@pytest.mark.parametrize(
    ("kind", "member_ids", "count"),
    [
        (AssociationKind.SUBJECT, ("t1", "t2"), 2),
        (AssociationKind.PRIMARY, ("t1", "t2"), 2),
        (AssociationKind.SUBJECT, ("t1", "e1", "e2"), 2),  # three members, but of two subjects
        (AssociationKind.SUBJECT, (), 0),
    ],
    ids=["subject-2-of-3", "primary-2-of-3", "mixed-subjects", "empty"],
)
def test_fewer_than_three_teachers_of_one_subject_is_refused(kind, member_ids, count):
    a = association(kind=kind, members=members(*member_ids), subjects=["math", "english"])
    errors = composition_errors(a, math_staff(), WINDOW)
    assert wheres(errors) == [(R1, "a1", "members")]
    assert errors[0].params["count"] == count
    assert errors[0].params["required"] == 3
    assert errors[0].render() == f"Fewer than 3 teachers of one subject: {count} of 3"


def test_composition_is_the_live_2_of_3_display():
    a = association(members=members("t1", "t2", "e1"), subjects=["english", "math"])
    found = composition(a, math_staff(), WINDOW)
    assert found == Composition(2, 3, "math")
    assert not found.satisfied
    assert f"{found.count} of {found.required}" == "2 of 3"


def test_teachers_of_another_subject_are_not_counted():
    a = association(members=members("t1", "t2", "e1"), subjects=["math"])
    assert composition(a, math_staff(), WINDOW).count == 2


def test_a_member_listed_twice_counts_once():
    a = association(
        members=[
            Membership("t1", until=d("2025-10-01")),
            Membership("t1", since=d("2025-11-01")),
            Membership("t2"),
        ]
    )
    assert composition(a, math_staff(), WINDOW).count == 2


@pytest.mark.parametrize(
    "kind",
    [AssociationKind.INTER_SCHOOL, AssociationKind.DIRECTION, AssociationKind.COUNCIL],
    ids=lambda k: k.value,
)
def test_inter_school_direction_and_council_have_no_minimum(kind):
    a = association(kind=kind, members=members("t1"))
    assert composition_errors(a, math_staff(), WINDOW) == []
    assert composition(a, math_staff(), WINDOW).required == 0
    assert composition(a, math_staff(), WINDOW).satisfied


def test_association_without_subjects_counts_its_members():
    a = association(kind=AssociationKind.CLASS_TEACHERS, members=members("t1", "e1"), subjects=[])
    assert composition(a, math_staff(), WINDOW) == Composition(2, 3, None)
    errors = composition_errors(a, math_staff(), WINDOW)
    assert wheres(errors) == [(R1, "a1", "members")]
    assert errors[0].render() == "Fewer than 3 members: 2 of 3"


# --- counted over the year window, or on a date ------------------------------------------------------


def test_counted_over_the_year_window_a_member_who_left_during_the_year_counts():
    a = association(
        members=[
            Membership("t1"),
            Membership("t2"),
            Membership("t3", since=d("2025-09-01"), until=d("2025-12-31")),
        ]
    )
    assert composition(a, math_staff(), WINDOW).count == 3
    assert composition_errors(a, math_staff(), WINDOW) == []


@pytest.mark.parametrize(
    ("membership", "counted"),
    [
        (Membership("t3", until=d("2025-07-31")), False),  # left the day before the window opens
        (Membership("t3", until=d("2025-08-01")), True),  # left on the first day of the window
        (Membership("t3", since=d("2026-07-31")), True),  # joined on the last day of the window
        (Membership("t3", since=d("2026-08-01")), False),  # joined after the window
    ],
    ids=["left-before", "left-on-first-day", "joined-on-last-day", "joined-after"],
)
def test_window_boundaries(membership, counted):
    a = association(members=[Membership("t1"), Membership("t2"), membership])
    errors = composition_errors(a, math_staff(), WINDOW)
    assert composition(a, math_staff(), WINDOW).count == (3 if counted else 2)
    assert wheres(errors) == ([] if counted else [(R1, "a1", "members")])


@pytest.mark.parametrize(
    ("on", "count"),
    [
        (d("2025-09-30"), 2),  # t3 not yet a member
        (d("2025-10-01"), 3),  # joins on this day
        (d("2025-12-31"), 3),  # last day of membership
        (d("2026-01-01"), 2),  # left
    ],
    ids=["before-joining", "joining-day", "leaving-day", "after-leaving"],
)
def test_counted_on_a_date(on, count):
    a = association(
        members=[
            Membership("t1"),
            Membership("t2"),
            Membership("t3", since=d("2025-10-01"), until=d("2025-12-31")),
        ]
    )
    assert composition(a, math_staff(), WINDOW, on=on).count == count
    errors = composition_errors(a, math_staff(), WINDOW, on=on)
    assert wheres(errors) == ([] if count == 3 else [(R1, "a1", "members")])


# --- members from other organizations ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "allowed"),
    [
        (AssociationKind.INTER_SCHOOL, True),
        (AssociationKind.DIRECTION, True),
        (AssociationKind.SUBJECT, False),
        (AssociationKind.PRIMARY, False),
        (AssociationKind.COUNCIL, False),
        (AssociationKind.CLASS_TEACHERS, False),
    ],
    ids=lambda v: v.value if isinstance(v, AssociationKind) else ("allowed" if v else "refused"),
)
def test_external_members_only_in_inter_school_and_direction(kind, allowed):
    a = association(kind=kind, members=members("t1", "t2", "t3", "x1"))
    errors = composition_errors(a, math_staff(), WINDOW)
    if allowed:
        assert errors == []
    else:
        assert wheres(errors) == [(R1, "a1", "members")]
        assert errors[0].params == {"teacher": "x1", "paragraph": "п. 21, 24"}


def test_external_member_counts_towards_inter_school_composition():
    a = association(kind=AssociationKind.INTER_SCHOOL, members=members("t1", "x1"))
    assert composition(a, math_staff(), WINDOW).count == 2


def test_external_member_outside_the_counted_period_is_not_reported():
    a = association(members=[*members("t1", "t2", "t3"), Membership("x1", until=d("2025-06-30"))])
    assert composition_errors(a, math_staff(), WINDOW) == []


# --- membership periods ------------------------------------------------------------------------------


def test_membership_ending_before_it_starts_is_refused():
    a = association(
        members=[*members("t1", "t2"), Membership("t3", since=d("2025-10-01"), until=d("2025-09-01"))]
    )
    errors = membership_errors(a)
    assert wheres(errors) == [(Rule.VALUE, "a1", "members")]
    assert errors[0].params == {"teacher": "t3"}


@pytest.mark.parametrize(
    ("periods", "duplicate"),
    [
        ([(None, None), (None, None)], True),
        ([(None, "2025-10-01"), ("2025-10-01", None)], True),  # shares a day
        ([(None, "2025-09-30"), ("2025-10-01", None)], False),  # left and came back
        ([("2025-09-01", "2025-12-31"), ("2025-11-01", "2026-01-31")], True),
    ],
    ids=["twice-open", "touching-day", "consecutive", "overlapping"],
)
def test_overlapping_membership_periods_are_refused(periods, duplicate):
    rows = [Membership("t3", d(s) if s else None, d(u) if u else None) for s, u in periods]
    a = association(members=[*members("t1", "t2"), *rows])
    errors = membership_errors(a)
    assert wheres(errors) == ([(Rule.VALUE, "a1", "members")] if duplicate else [])


# --- rule 2: head and secretary are members ----------------------------------------------------------


def test_head_and_secretary_who_are_members_pass():
    assert officer_errors(association(head="t1", secretary="t2"), WINDOW) == []


@pytest.mark.parametrize(
    ("head", "secretary", "expected"),
    [
        ("t9", "t2", ["head"]),
        ("t1", "t9", ["secretary"]),
        ("t8", "t9", ["head", "secretary"]),
    ],
    ids=["head-not-member", "secretary-not-member", "both-not-members"],
)
def test_officers_who_are_not_members_are_refused(head, secretary, expected):
    errors = officer_errors(association(head=head, secretary=secretary), WINDOW)
    assert wheres(errors) == [(Rule.HEAD_AND_SECRETARY_ARE_MEMBERS, "a1", f) for f in expected]


def test_no_secretary_is_not_an_error():
    assert officer_errors(association(secretary=None), WINDOW) == []


def test_head_whose_membership_ended_before_the_year_is_not_a_member():
    a = association(members=[Membership("t1", until=d("2025-06-30")), *members("t2", "t3")], head="t1")
    assert wheres(officer_errors(a, WINDOW)) == [(Rule.HEAD_AND_SECRETARY_ARE_MEMBERS, "a1", "head")]


# --- rule 9: the annual work plan ----------------------------------------------------------------------


def plan_items(*months: str) -> list[WorkPlanItem]:
    return [WorkPlanItem(m, f"topic {m}", WorkPlanForm.MEETING) for m in months]


def test_work_plan_within_the_year_approved_by_the_director_passes():
    a = association()
    a.work_plan = WorkPlan(plan_items("2025-08", "2026-07"), Approval(DIRECTOR, d("2025-08-30")))
    assert work_plan_errors(a, school(), WINDOW) == []


def test_no_work_plan_no_errors():
    assert work_plan_errors(association(), school(), WINDOW) == []


def test_work_plan_approved_by_someone_else_is_refused():
    a = association()
    a.work_plan = WorkPlan(plan_items("2025-09"), Approval("t1", d("2025-08-30")))
    errors = work_plan_errors(a, school(), WINDOW)
    assert wheres(errors) == [(Rule.WORK_PLAN_APPROVAL, "a1", "work_plan.approved")]
    assert errors[0].params == {"teacher": "t1"}


@pytest.mark.parametrize("month", ["2025-07", "2026-08", "2024-12"], ids=["before", "after", "last-year"])
def test_work_plan_month_outside_the_year_is_refused(month):
    a = association()
    a.work_plan = WorkPlan(plan_items("2025-09", month))
    errors = work_plan_errors(a, school(), WINDOW)
    assert wheres(errors) == [(Rule.VALUE, "a1", "work_plan")]
    assert errors[0].params == {"item": 2, "month": month}


def test_ensure_work_plan_editable_refuses_an_approved_plan():
    a = association()
    a.work_plan = WorkPlan(plan_items("2025-09"), Approval(DIRECTOR, d("2025-08-30")))
    with pytest.raises(DomainError) as caught:
        ensure_work_plan_editable(a)
    assert (caught.value.rule, caught.value.record, caught.value.field) == (
        Rule.WORK_PLAN_APPROVAL,
        "a1",
        "work_plan",
    )


@pytest.mark.parametrize("work_plan", [None, WorkPlan(plan_items("2025-09"))], ids=["none", "not-approved"])
def test_ensure_work_plan_editable_allows_an_unapproved_plan(work_plan):
    a = association()
    a.work_plan = work_plan
    ensure_work_plan_editable(a)


def test_window_is_1_august_to_31_july():
    assert (date(2025, 8, 1), date(2026, 7, 31)) == WINDOW
