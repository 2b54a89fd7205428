"""The rules the Plans section and the KTP dialogs ask instead of deciding themselves: who may start
a plan, who reviews plans, for which teachers a plan is written or imported, and when a draft is
complete enough for the editor to save it on its own."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop_app.domain.accounts import Actor, Role
from desktop_app.domain.plans import draft_gap, may_review_plans, may_write_plans, plan_teachers

from .builders import plan, teacher

TEACHER = Actor("teacher", Role.TEACHER, "s1", "t3")
HEAD = Actor("head", Role.HEAD, "s1", "t1")
DEPUTY = Actor("deputy", Role.ADMINISTRATOR, "s1")
DIRECTOR = Actor("director", Role.DIRECTOR, "s1", "t-director")
DIRECTOR_ALONE = Actor("director", Role.DIRECTOR, "s1")
VIEWER = Actor("viewer", Role.VIEWER, "s1")
VIEWER_TEACHER = Actor("viewer", Role.VIEWER, "s1", "t3")
TEACHER_UNLINKED = Actor("teacher", Role.TEACHER, "s1")


@pytest.mark.parametrize(("actor", "writes"), [
    (TEACHER, True), (HEAD, True), (DEPUTY, True), (DIRECTOR, True),
    (DIRECTOR_ALONE, False), (VIEWER, False), (VIEWER_TEACHER, False), (TEACHER_UNLINKED, False),
])
def test_who_may_start_a_plan(actor: Actor, writes: bool) -> None:
    assert may_write_plans(actor) is writes


@pytest.mark.parametrize(("actor", "reviews"), [
    (TEACHER, False), (HEAD, True), (DEPUTY, True), (DIRECTOR, False), (VIEWER, False),
])
def test_who_records_an_association_s_outcome(actor: Actor, reviews: bool) -> None:
    assert may_review_plans(actor) is reviews


def test_the_deputy_writes_for_everyone_a_teacher_for_themselves() -> None:
    staff = [teacher("t1", "math"), teacher("t3", "math"), teacher("t4", "physics")]
    assert [t.id for t in plan_teachers(DEPUTY, staff)] == ["t1", "t3", "t4"]
    assert [t.id for t in plan_teachers(TEACHER, staff)] == ["t3"]
    assert plan_teachers(TEACHER_UNLINKED, staff) == []
    assert plan_teachers(VIEWER_TEACHER, staff) == [staff[1]]  # the list; writing is refused by the role


def test_a_draft_is_saved_on_its_own_once_its_header_and_a_row_are_there() -> None:
    complete = replace(plan(), classes=["5А"])
    assert complete.teacher and complete.subject and complete.classes and complete.rows
    assert draft_gap(complete) is None
    assert draft_gap(replace(complete, teacher="")) == "Choose the teacher"
    assert draft_gap(replace(complete, subject="")) == "Choose the subject"
    assert draft_gap(replace(complete, classes=[])) == "Type the classes"
    assert draft_gap(replace(complete, rows=[])) == "Type the first row"
    # The first gap is named: the teacher before the rows.
    assert draft_gap(replace(complete, teacher="", rows=[])) == "Choose the teacher"
