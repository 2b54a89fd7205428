"""Which steps on the path to approval a user may take on a plan (rules 6, 10 and the roles): the
list of plans enables its buttons by this; the service checks the same rules again."""

from __future__ import annotations

import pytest

from desktop_app.domain.accounts import Actor, Role
from desktop_app.domain.entities import Membership, PlanStatus
from desktop_app.domain.plans import STEP_FROM, Step, allowed_steps, may_edit, reviewers_of

from .builders import association, d, plan

TEACHER = Actor("teacher", Role.TEACHER, "s1", "t3")
COLLEAGUE = Actor("colleague", Role.TEACHER, "s1", "t4")
HEAD = Actor("head", Role.HEAD, "s1", "t1")
OTHER_HEAD = Actor("other-head", Role.HEAD, "s1", "t9")
DEPUTY = Actor("deputy", Role.ADMINISTRATOR, "s1", "t-deputy")
DIRECTOR = Actor("director", Role.DIRECTOR, "s1", "t-director")
VIEWER = Actor("viewer", Role.VIEWER, "s1")


@pytest.mark.parametrize(("status", "steps"), [
    (PlanStatus.DRAFT, {Step.SUBMIT}),
    (PlanStatus.RETURNED, {Step.SUBMIT, Step.REVISE}),
    (PlanStatus.SUBMITTED, set()),
    (PlanStatus.RECOMMENDED, set()),
    (PlanStatus.AGREED, set()),
    (PlanStatus.APPROVED, {Step.NEW_VERSION}),
])
def test_the_teacher_takes_the_own_steps_of_the_own_plan(status: PlanStatus, steps: set[Step]) -> None:
    assert allowed_steps(TEACHER, plan(status=status)) == steps
    assert allowed_steps(COLLEAGUE, plan(status=status)) == set()


def test_steps_compare_as_their_names() -> None:
    """The values are the names the list used before the rule moved here."""
    assert "submit" in allowed_steps(TEACHER, plan())
    assert {step.value for step in Step} == {"submit", "consider", "revise", "agree", "approve", "new_version"}


def test_the_head_of_the_teachers_association_records_the_review() -> None:
    bodies = [association("a1", head="t1", members=[Membership("t3", d("2025-09-01"))]),
              association("a2", head="t9", members=[Membership("t5", d("2025-09-01"))])]
    submitted = plan(status=PlanStatus.SUBMITTED)
    reviewers = reviewers_of(submitted, bodies)
    assert reviewers == {"t1"}
    assert allowed_steps(HEAD, submitted, reviewers) == {Step.CONSIDER}
    assert allowed_steps(OTHER_HEAD, submitted, reviewers) == set()
    assert allowed_steps(HEAD, submitted) == set()  # no association names the head


def test_the_deputy_and_the_director_take_their_steps_by_role() -> None:
    assert allowed_steps(DEPUTY, plan(status=PlanStatus.SUBMITTED)) == {Step.CONSIDER}
    assert allowed_steps(DEPUTY, plan(status=PlanStatus.RECOMMENDED)) == {Step.AGREE}
    assert allowed_steps(DEPUTY, plan(status=PlanStatus.AGREED)) == set()  # approval is the director's
    assert allowed_steps(DEPUTY, plan(status=PlanStatus.DRAFT)) == {Step.SUBMIT}  # writes any plan
    assert allowed_steps(DIRECTOR, plan(status=PlanStatus.AGREED)) == {Step.APPROVE}
    assert allowed_steps(DIRECTOR, plan(status=PlanStatus.RECOMMENDED)) == set()
    assert allowed_steps(DIRECTOR, plan(teacher_id="t-director", status=PlanStatus.DRAFT)) == {Step.SUBMIT}


def test_a_viewer_takes_no_step() -> None:
    for status in PlanStatus:
        assert allowed_steps(VIEWER, plan(status=status), {"t1"}) == set()


def test_every_status_starts_some_step() -> None:
    starts = set().union(*STEP_FROM.values())
    assert starts == set(PlanStatus)


def test_only_the_teacher_or_the_deputy_edit_a_plan_still_in_draft_or_returned() -> None:
    for status in PlanStatus:
        editable = status in (PlanStatus.DRAFT, PlanStatus.RETURNED)
        assert may_edit(TEACHER, plan(status=status)) is editable
        assert may_edit(DEPUTY, plan(status=status)) is editable
        assert may_edit(COLLEAGUE, plan(status=status)) is False
        assert may_edit(DIRECTOR, plan(status=status)) is False
