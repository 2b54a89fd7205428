"""Issue 18 in the domain: the deputy's agreement as a school setting (steps, refusals, the record
check), an acting signer, п. 23 as a condition of creation and п. 29's record of the head."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import plans as workflow
from desktop_app.domain.accounts import Actor, Role
from desktop_app.domain.associations import creation_errors, head_choice_errors, short_today
from desktop_app.domain.entities import (
    Approval,
    HeadBasis,
    HeadChoice,
    Membership,
    PlanStatus,
)
from desktop_app.domain.errors import DomainError, Rule
from desktop_app.domain.plans import Step, allowed_steps, step_from

from .builders import DEPUTY as DEPUTY_ID
from .builders import DIRECTOR as DIRECTOR_ID
from .builders import association, d, plan, school, teacher, teachers

DEPUTY = Actor("deputy", Role.ADMINISTRATOR, "s1", DEPUTY_ID)
DIRECTOR = Actor("director", Role.DIRECTOR, "s1", DIRECTOR_ID)


def test_without_the_agreement_the_director_approves_a_recommended_plan() -> None:
    recommended = plan(status=PlanStatus.RECOMMENDED)
    assert allowed_steps(DIRECTOR, recommended) == set()
    assert allowed_steps(DIRECTOR, recommended, agreement=False) == {Step.APPROVE}
    assert allowed_steps(DEPUTY, recommended, agreement=False) == set()  # nobody agrees
    assert step_from(Step.AGREE, False) == frozenset()


def test_agreeing_where_the_school_keeps_no_agreement_is_refused_without_a_paragraph() -> None:
    recommended = plan(status=PlanStatus.RECOMMENDED)
    with pytest.raises(DomainError) as refused:
        workflow.agree(recommended, Approval(DEPUTY_ID, d("2026-09-01")), d("2026-08-27"), agreement=False)
    assert refused.value.rule is Rule.AGREEMENT and refused.value.rule.paragraph == ""
    workflow.approve(recommended, Approval(DIRECTOR_ID, d("2026-09-02")), d("2026-08-27"), agreement=False)
    assert recommended.status is PlanStatus.APPROVED and recommended.agreed is None


@given(st.booleans(), st.sampled_from(list(PlanStatus)))
def test_no_refusal_of_a_step_credits_the_deputy_with_a_paragraph(agreement: bool, status: PlanStatus) -> None:
    """Whatever the status and the setting, a refused agreement cites no paragraph of the Rules, and
    an approval refused for want of the agreement does not either."""
    subject = plan(status=status)
    try:
        workflow.agree(subject, Approval("t-deputy", date(2026, 9, 1)), date(2026, 8, 27), agreement)
    except DomainError as refused:
        assert refused.rule.paragraph == ""
    waiting = plan(status=PlanStatus.RECOMMENDED)
    try:
        workflow.approve(waiting, Approval("t-director", date(2026, 9, 2)), date(2026, 8, 27), agreement)
    except DomainError as refused:
        assert agreement and refused.rule.paragraph == ""
    else:
        assert not agreement


def test_the_record_check_follows_the_setting_and_accepts_an_acting_signer() -> None:
    on = school()
    approved = plan(status=PlanStatus.APPROVED)
    approved.approved = Approval(DIRECTOR_ID, d("2026-09-02"))
    missing = [e for e in workflow.record_errors(approved, on, {}, {}) if e.field == "agreed"]
    assert [e.rule for e in missing] == [Rule.AGREEMENT]
    off = replace(on, deputy_agreement=False)
    assert not [e for e in workflow.record_errors(approved, off, {}, {}) if e.field == "agreed"]
    approved.approved = Approval("t-07", d("2026-09-02"))
    assert [e.field for e in workflow.record_errors(approved, off, {}, {}) if e.field == "approved.by"] \
        == ["approved.by"]
    approved.approved = Approval("t-07", d("2026-09-02"), acting=True)
    assert not [e for e in workflow.record_errors(approved, off, {}, {}) if e.field == "approved.by"]


def test_p23_refuses_creation_but_only_warns_after_a_member_left() -> None:
    staff = teachers(teacher("t1", "math"), teacher("t2", "math"), teacher("t3", "math"))
    window = (d("2026-08-01"), d("2027-07-31"))
    two = association(members=[Membership("t1"), Membership("t2")])
    refused = creation_errors(two, staff, window)
    assert refused and "п. 23" in refused[0].render() and refused[0].rule is Rule.ASSOCIATION_COMPOSITION
    left = association(members=[Membership("t1"), Membership("t2"), Membership("t3", until=d("2026-11-20"))])
    assert creation_errors(left, staff, window) == []  # it was created with three
    assert short_today(left, staff, window, d("2026-11-19")) is None
    found = short_today(left, staff, window, d("2026-12-01"))
    assert found is not None and (found.count, found.required) == (2, 3)


def test_p29_the_head_is_elected_at_an_item_or_appointed_by_an_order() -> None:
    body = association()
    assert head_choice_errors(replace(body, head_choice=HeadChoice(HeadBasis.ELECTED, "m1", 2))) == []
    assert head_choice_errors(replace(body, head_choice=HeadChoice(HeadBasis.APPOINTED, order_number="1",
                                                                   order_date=d("2026-08-25")))) == []
    no_item = head_choice_errors(replace(body, head_choice=HeadChoice(HeadBasis.ELECTED, "m1")))
    no_date = head_choice_errors(replace(body, head_choice=HeadChoice(HeadBasis.APPOINTED, order_number="1")))
    assert [e.field for e in no_item + no_date] == ["head_choice.meeting", "head_choice.order_number"]
    assert all("п. 29" in e.render() for e in no_item + no_date)
