"""Rules 6 and 10: the path of a KTP, and a status that matches its record; rule 5 for plans."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.entities import Approval, Membership, PlanRow, PlanStatus, Review, ReviewOutcome
from desktop_app.domain.errors import DomainError, Rule
from desktop_app.domain.labels import PLAN_STATUS_LABELS
from desktop_app.domain.plans import (
    agree,
    approve,
    consider,
    ensure_editable,
    record_errors,
    review_errors,
    revise,
    row_errors,
    submit,
)

from .builders import (
    DEPUTY,
    DIRECTOR,
    association,
    d,
    item,
    meeting,
    plan,
    recommended_review,
    returned_review,
    school,
    where,
    wheres,
)

R6 = Rule.PLAN_WORKFLOW
R10 = Rule.PLAN_RECORD
MEETING_DAY = d("2025-08-28")


def body():
    return association(members=[Membership("t1"), Membership("t2"), Membership("t3")])


def august_meeting(plans=("p1",)):
    return meeting(day=MEETING_DAY, agenda=[item(1, "ok"), item(2, "recommend", plans=list(plans))])


def refusal(call, *args, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as caught:
        call(*args, **kwargs)
    return caught.value


# --- rule 6: the path --------------------------------------------------------------------------------


def test_the_whole_path_draft_to_approved():
    p = plan()
    submit(p)
    assert p.status is PlanStatus.SUBMITTED
    consider(p, august_meeting(), body(), 2, ReviewOutcome.RECOMMENDED)
    assert p.status is PlanStatus.RECOMMENDED
    assert p.review == Review("m1", 2, ReviewOutcome.RECOMMENDED, None)
    agree(p, Approval(DEPUTY, d("2025-08-29")), MEETING_DAY)
    assert p.status is PlanStatus.AGREED
    approve(p, Approval(DIRECTOR, d("2025-08-30")))
    assert p.status is PlanStatus.APPROVED
    assert record_errors(p, school(), {"m1": august_meeting()}, {"a1": body()}) == []


def test_returned_plan_goes_back_to_draft_and_is_resubmitted():
    p = plan()
    submit(p)
    consider(p, august_meeting(), body(), 2, ReviewOutcome.RETURNED, "term 2 has too few hours")
    assert p.status is PlanStatus.RETURNED
    assert p.review is not None and p.review.remarks == "term 2 has too few hours"
    revise(p)
    assert p.status is PlanStatus.DRAFT
    assert p.review is not None  # kept as history
    p.status = PlanStatus.RETURNED
    submit(p)  # submitting a returned plan revises it first
    assert p.status is PlanStatus.SUBMITTED


def test_same_day_steps_are_allowed():
    p = plan(status=PlanStatus.RECOMMENDED)
    agree(p, Approval(DEPUTY, MEETING_DAY), MEETING_DAY)
    approve(p, Approval(DIRECTOR, MEETING_DAY))
    assert p.status is PlanStatus.APPROVED


def test_submitting_a_plan_without_rows_is_refused():
    p = plan(rows=[])
    assert where(refusal(submit, p)) == (R6, "p1", "rows")
    assert p.status is PlanStatus.DRAFT


@pytest.mark.parametrize(
    ("step", "status"),
    [
        ("submit", PlanStatus.SUBMITTED),
        ("submit", PlanStatus.RECOMMENDED),
        ("submit", PlanStatus.AGREED),
        ("submit", PlanStatus.APPROVED),
        ("consider", PlanStatus.DRAFT),
        ("consider", PlanStatus.RETURNED),
        ("consider", PlanStatus.RECOMMENDED),
        ("revise", PlanStatus.DRAFT),
        ("revise", PlanStatus.SUBMITTED),
        ("revise", PlanStatus.RECOMMENDED),
        ("agree", PlanStatus.DRAFT),
        ("agree", PlanStatus.SUBMITTED),
        ("agree", PlanStatus.RETURNED),
        ("agree", PlanStatus.AGREED),
        ("approve", PlanStatus.DRAFT),
        ("approve", PlanStatus.SUBMITTED),
        ("approve", PlanStatus.RECOMMENDED),
        ("approve", PlanStatus.APPROVED),
    ],
    ids=lambda v: v if isinstance(v, str) else f"from-{v.value}",
)
def test_no_step_may_be_skipped(step, status):
    p = plan(status=status, agreed=Approval(DEPUTY, MEETING_DAY) if status is PlanStatus.APPROVED else None)
    calls = {
        "submit": lambda: submit(p),
        "consider": lambda: consider(p, august_meeting(), body(), 2, ReviewOutcome.RECOMMENDED),
        "revise": lambda: revise(p),
        "agree": lambda: agree(p, Approval(DEPUTY, d("2025-08-29")), MEETING_DAY),
        "approve": lambda: approve(p, Approval(DIRECTOR, d("2025-08-30"))),
    }
    error = refusal(calls[step])
    # the deputy's agreement is school practice: refusals about it cite no paragraph (issue 18)
    waiting_for_deputy = step == "agree" or (step == "approve" and status is PlanStatus.RECOMMENDED)
    assert where(error) == (Rule.AGREEMENT if waiting_for_deputy else R6, "p1", "status")
    assert error.params["status"] == PLAN_STATUS_LABELS[status]
    assert p.status is status


def test_agreement_dated_before_the_meeting_is_refused():
    p = plan(status=PlanStatus.RECOMMENDED)
    error = refusal(agree, p, Approval(DEPUTY, d("2025-08-27")), MEETING_DAY)
    assert where(error) == (Rule.AGREEMENT, "p1", "agreed")
    assert p.status is PlanStatus.RECOMMENDED and p.agreed is None


def test_approval_dated_before_the_agreement_is_refused():
    p = plan(status=PlanStatus.AGREED, agreed=Approval(DEPUTY, d("2025-08-29")))
    error = refusal(approve, p, Approval(DIRECTOR, d("2025-08-28")))
    assert where(error) == (Rule.AGREEMENT, "p1", "approved")
    assert p.status is PlanStatus.AGREED and p.approved is None


@pytest.mark.parametrize("remarks", [None, "", "   "], ids=["none", "empty", "blank"])
def test_returning_a_plan_needs_remarks(remarks):
    p = plan(status=PlanStatus.SUBMITTED)
    error = refusal(consider, p, august_meeting(), body(), 2, ReviewOutcome.RETURNED, remarks)
    assert where(error) == (R6, "p1", "review.remarks")
    assert p.status is PlanStatus.SUBMITTED and p.review is None


def test_consider_refuses_a_meeting_of_a_body_the_teacher_is_not_in():
    p = plan(teacher_id="t9", status=PlanStatus.SUBMITTED)
    error = refusal(consider, p, august_meeting(), body(), 2, ReviewOutcome.RECOMMENDED)
    assert where(error) == (R10, "p1", "review.meeting")
    assert p.status is PlanStatus.SUBMITTED


def test_consider_refuses_an_item_that_does_not_list_the_plan():
    p = plan(status=PlanStatus.SUBMITTED)
    error = refusal(consider, p, august_meeting(), body(), 1, ReviewOutcome.RECOMMENDED)
    assert where(error) == (R10, "p1", "review.item")
    assert p.status is PlanStatus.SUBMITTED


# --- rule 5 for plans ------------------------------------------------------------------------------


def test_an_approved_plan_is_locked():
    error = refusal(ensure_editable, plan(status=PlanStatus.APPROVED))
    assert where(error) == (Rule.LOCKED_RECORD, "p1", None)


@pytest.mark.parametrize("status", [PlanStatus.DRAFT, PlanStatus.RETURNED], ids=lambda s: s.value)
def test_draft_and_returned_plans_are_editable(status):
    ensure_editable(plan(status=status))


@pytest.mark.parametrize(
    "status", [PlanStatus.SUBMITTED, PlanStatus.RECOMMENDED, PlanStatus.AGREED], ids=lambda s: s.value
)
def test_a_plan_on_its_way_is_not_editable(status):
    assert where(refusal(ensure_editable, plan(status=status))) == (R6, "p1", "status")


def test_repeated_row_numbers_are_refused():
    p = plan(rows=[PlanRow(1, "a", 1), PlanRow(2, "b", 1), PlanRow(2, "c", 1)])
    assert wheres(row_errors(p)) == [(Rule.VALUE, "p1", "rows")]


@given(grade=st.integers(-5, 20), weekly=st.floats(-2, 50, allow_nan=False),
       hours=st.floats(-2, 30, allow_nan=False))
def test_grade_and_hours_are_refused_exactly_outside_the_exchange_bounds(grade, weekly, hours):
    p = plan(rows=[PlanRow(1, "a", hours)])
    p.grade, p.hours_per_week = grade, weekly
    fields = {e.field for e in row_errors(p)}
    assert ("grade" in fields) == (not 0 <= grade <= 12)
    assert ("hours_per_week" in fields) == (not 0 < weekly <= 40)
    assert ("rows.1.hours" in fields) == (not 0 < hours <= 20)


# --- rule 10: the status matches the record --------------------------------------------------------

AGREED = Approval(DEPUTY, d("2025-08-29"))
APPROVED = Approval(DIRECTOR, d("2025-08-30"))


def check(p, meetings=None, bodies=None, the_school=None):
    return record_errors(
        p,
        the_school or school(),
        {"m1": august_meeting()} if meetings is None else meetings,
        {"a1": body()} if bodies is None else bodies,
    )


@pytest.mark.parametrize(
    ("status", "review", "agreed", "approved"),
    [
        (PlanStatus.DRAFT, None, None, None),
        (PlanStatus.DRAFT, "returned", None, None),  # revised after being returned
        (PlanStatus.SUBMITTED, None, None, None),
        (PlanStatus.SUBMITTED, "returned", None, None),  # resubmitted
        (PlanStatus.RETURNED, "returned", None, None),
        (PlanStatus.RECOMMENDED, "recommended", None, None),
        (PlanStatus.AGREED, "recommended", AGREED, None),
        (PlanStatus.APPROVED, "recommended", AGREED, APPROVED),
    ],
    ids=[
        "draft",
        "draft-after-return",
        "submitted",
        "resubmitted",
        "returned",
        "recommended",
        "agreed",
        "approved",
    ],
)
def test_consistent_records_pass(status, review, agreed, approved):
    rev = {"returned": returned_review("m1", 2), "recommended": recommended_review("m1", 2), None: None}[
        review
    ]
    assert check(plan(status=status, review=rev, agreed=agreed, approved=approved)) == []


@pytest.mark.parametrize(
    ("status", "agreed", "approved"),
    [
        (PlanStatus.RETURNED, None, None),
        (PlanStatus.RECOMMENDED, None, None),
        (PlanStatus.AGREED, AGREED, None),
        (PlanStatus.APPROVED, AGREED, APPROVED),
    ],
    ids=lambda v: v.value if isinstance(v, PlanStatus) else None,
)
def test_returned_and_later_need_a_review(status, agreed, approved):
    errors = check(plan(status=status, agreed=agreed, approved=approved))
    assert wheres(errors) == [(R10, "p1", "review")]


@pytest.mark.parametrize(
    ("status", "review"),
    [
        (PlanStatus.RETURNED, "recommended"),
        (PlanStatus.RECOMMENDED, "returned"),
        (PlanStatus.AGREED, "returned"),
        (PlanStatus.APPROVED, "returned"),
    ],
    ids=[
        "returned-says-recommended",
        "recommended-says-returned",
        "agreed-says-returned",
        "approved-says-returned",
    ],
)
def test_review_outcome_must_match_the_status(status, review):
    rev = {"returned": returned_review("m1", 2), "recommended": recommended_review("m1", 2)}[review]
    agreed = AGREED if status in (PlanStatus.AGREED, PlanStatus.APPROVED) else None
    approved = APPROVED if status is PlanStatus.APPROVED else None
    errors = check(plan(status=status, review=rev, agreed=agreed, approved=approved))
    assert wheres(errors) == [(R10, "p1", "review.outcome")]


@pytest.mark.parametrize("status", [PlanStatus.DRAFT, PlanStatus.SUBMITTED], ids=lambda s: s.value)
def test_draft_or_submitted_plan_with_a_recommendation_is_refused(status):
    errors = check(plan(status=status, review=recommended_review("m1", 2)))
    assert wheres(errors) == [(R10, "p1", "review.outcome")]


@pytest.mark.parametrize(
    ("status", "agreed", "approved", "fields"),
    [
        (PlanStatus.AGREED, None, None, ["agreed"]),
        (PlanStatus.APPROVED, None, APPROVED, ["agreed"]),
        (PlanStatus.APPROVED, AGREED, None, ["approved"]),
        (PlanStatus.APPROVED, None, None, ["agreed", "approved"]),
        (PlanStatus.RECOMMENDED, AGREED, None, ["agreed"]),
        (PlanStatus.RECOMMENDED, None, APPROVED, ["approved"]),
        (PlanStatus.AGREED, AGREED, APPROVED, ["approved"]),
    ],
    ids=[
        "agreed-without-agreement",
        "approved-without-agreement",
        "approved-without-approval",
        "approved-without-both",
        "recommended-with-agreement",
        "recommended-with-approval",
        "agreed-with-approval",
    ],
)
def test_agreement_and_approval_match_the_status(status, agreed, approved, fields):
    errors = check(plan(status=status, review=recommended_review("m1", 2), agreed=agreed, approved=approved))
    assert wheres(errors) == [(Rule.AGREEMENT if f == "agreed" else R10, "p1", f) for f in fields]


@pytest.mark.parametrize(
    ("status", "agreed", "approved"),
    [
        (PlanStatus.DRAFT, AGREED, None),
        (PlanStatus.SUBMITTED, None, APPROVED),
        (PlanStatus.RETURNED, AGREED, None),
    ],
    ids=["draft-agreed", "submitted-approved", "returned-agreed"],
)
def test_early_statuses_carry_no_sign_off(status, agreed, approved):
    review = returned_review("m1", 2) if status is PlanStatus.RETURNED else None
    errors = check(plan(status=status, review=review, agreed=agreed, approved=approved))
    assert wheres(errors) == [(Rule.AGREEMENT, "p1", "agreed") if agreed else (R10, "p1", "approved")]


def test_agreed_by_someone_other_than_the_deputy():
    p = plan(
        status=PlanStatus.AGREED, review=recommended_review("m1", 2), agreed=Approval("t1", d("2025-08-29"))
    )
    errors = check(p)
    assert wheres(errors) == [(Rule.AGREEMENT, "p1", "agreed.by")]
    assert errors[0].params["teacher"] == "t1"


def test_approved_by_someone_other_than_the_director():
    p = plan(
        status=PlanStatus.APPROVED,
        review=recommended_review("m1", 2),
        agreed=AGREED,
        approved=Approval(DEPUTY, d("2025-08-30")),
    )
    errors = check(p)
    assert wheres(errors) == [(R10, "p1", "approved.by")]
    assert errors[0].params["teacher"] == DEPUTY


def test_school_without_named_officers_does_not_check_the_signers():
    p = plan(
        status=PlanStatus.APPROVED,
        review=recommended_review("m1", 2),
        agreed=Approval("x", d("2025-08-29")),
        approved=Approval("y", d("2025-08-30")),
    )
    assert check(p, the_school=school(director=None, deputy=None)) == []


@pytest.mark.parametrize(
    ("agreed_on", "approved_on", "field"),
    [
        ("2025-08-27", "2025-08-30", "agreed.on"),  # agreed before the meeting
        ("2025-08-29", "2025-08-28", "approved.on"),  # approved before the agreement
    ],
    ids=["agreed-before-meeting", "approved-before-agreement"],
)
def test_dates_never_go_backwards(agreed_on, approved_on, field):
    p = plan(
        status=PlanStatus.APPROVED,
        review=recommended_review("m1", 2),
        agreed=Approval(DEPUTY, d(agreed_on)),
        approved=Approval(DIRECTOR, d(approved_on)),
    )
    errors = check(p)
    assert wheres(errors) == [(R10, "p1", field)]


# --- rule 10: the review itself ----------------------------------------------------------------------


def test_review_by_a_body_the_teacher_does_not_belong_to():
    p = plan(teacher_id="t9", status=PlanStatus.RECOMMENDED, review=recommended_review("m1", 2))
    assert wheres(review_errors(p, p.review, {"m1": august_meeting()}, {"a1": body()})) == [
        (R10, "p1", "review.meeting")
    ]
    assert wheres(check(p)) == [(R10, "p1", "review.meeting")]


def test_review_by_a_teacher_who_joined_after_the_meeting():
    bodies = {
        "a1": association(
            members=[Membership("t1"), Membership("t2"), Membership("t3", since=d("2025-09-01"))]
        )
    }
    p = plan(status=PlanStatus.RECOMMENDED, review=recommended_review("m1", 2))
    assert wheres(review_errors(p, p.review, {"m1": august_meeting()}, bodies)) == [
        (R10, "p1", "review.meeting")
    ]


def test_review_of_a_meeting_whose_body_is_unknown():
    p = plan(status=PlanStatus.RECOMMENDED, review=recommended_review("m1", 2))
    assert wheres(review_errors(p, p.review, {"m1": august_meeting()}, {})) == [(R10, "p1", "review.meeting")]


@pytest.mark.parametrize(
    ("number", "listed"),
    [(1, ("p1",)), (2, ("p2",)), (7, ("p1",))],
    ids=["item-without-the-plan", "item-lists-other-plan", "no-such-item"],
)
def test_review_item_must_list_the_plan(number, listed):
    meetings = {"m1": august_meeting(plans=listed)}
    p = plan(status=PlanStatus.RECOMMENDED, review=recommended_review("m1", number))
    errors = review_errors(p, p.review, meetings, {"a1": body()})
    assert wheres(errors) == [(R10, "p1", "review.item")]
    assert errors[0].params == {"item": number, "meeting": "m1", "id": "p1"}


def test_review_of_a_missing_meeting_is_a_reference_error():
    p = plan(status=PlanStatus.RECOMMENDED, review=recommended_review("m9", 2))
    errors = review_errors(p, p.review, {"m1": august_meeting()}, {"a1": body()})
    assert wheres(errors) == [(Rule.REFERENCE, "p1", "review.meeting")]


# --- rule 6: the steps keep their order in time -------------------------------------------------------

DAYS = st.dates(min_value=d("2025-08-01"), max_value=d("2026-07-31"))


@given(submitted=DAYS, held=DAYS)
def test_a_review_is_never_dated_before_the_submission(submitted, held):
    p = plan(status=PlanStatus.SUBMITTED)
    call = (consider, p, meeting(day=held, agenda=[item(1, "ok", plans=["p1"])]), body(), 1,
            ReviewOutcome.RECOMMENDED)
    if held < submitted:
        error = refusal(*call, submitted_on=submitted)
        assert where(error) == (R6, "p1", "review.meeting")
        assert error.params["submitted"] == submitted and error.params["date"] == held
        assert "rule 6" in error.rule.label and "p1" in error.render()
        assert p.status is PlanStatus.SUBMITTED and p.review is None  # nothing changed
    else:
        consider(*call[1:], submitted_on=submitted)
        assert p.status is PlanStatus.RECOMMENDED


@given(review=DAYS, agreed=DAYS, approved=DAYS)
def test_approval_is_never_dated_before_the_review_or_the_agreement(review, agreed, approved):
    p = plan(status=PlanStatus.AGREED, review=recommended_review(), agreed=Approval(DEPUTY, agreed))
    if approved < review or approved < agreed:
        error = refusal(approve, p, Approval(DIRECTOR, approved), review)
        assert where(error) == (R6 if approved < review else Rule.AGREEMENT, "p1", "approved")
        assert p.status is PlanStatus.AGREED and p.approved is None
    else:
        approve(p, Approval(DIRECTOR, approved), review)
        assert p.status is PlanStatus.APPROVED
