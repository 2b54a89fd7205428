"""Issue 18, points 1, 2, 4, 5 through the services on both backends: the deputy's agreement as a
school setting, п. 23 as a condition of creation, how the head came to be, who signed."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.domain.entities import (
    Association,
    AssociationKind,
    HeadBasis,
    HeadChoice,
    LocalizedText,
    Membership,
    PlanStatus,
    ReviewOutcome,
    Signer,
)
from desktop_app.domain.errors import Rule
from desktop_app.services.attention import AttentionKind
from tests.services.conftest import SCHOOL, Env, d, plan, work_plan


def _recommended(env: Env) -> str:
    teacher = env.actor("teacher")
    created = env.s.plans.save(teacher, SCHOOL, plan())
    env.submit(teacher, created.id)
    env.s.plans.consider(env.actor("head"), SCHOOL, created.id, "m-math-26-2", 1, ReviewOutcome.RECOMMENDED)
    return created.id


# Point 1: the deputy director's agreement is a school setting --------------------------------


def test_without_the_agreement_the_director_approves_a_recommended_plan(env: Env) -> None:
    admin, director = env.actor("admin"), env.actor("director")
    assert env.s.schools.get_school(admin, SCHOOL).deputy_agreement  # on by default
    plan_id = _recommended(env)
    env.refused(lambda: env.s.plans.approve(director, SCHOOL, plan_id), Rule.AGREEMENT, plan_id, "status")
    env.s.schools.set_deputy_agreement(admin, SCHOOL, False)
    env.refused(lambda: env.s.plans.agree(admin, SCHOOL, plan_id), Rule.AGREEMENT, plan_id, "agreed")
    approved = env.s.plans.approve(director, SCHOOL, plan_id)
    assert approved.status is PlanStatus.APPROVED and approved.agreed is None
    assert env.s.checks.check(admin, SCHOOL).ok  # the record matches the school's own path
    # Back on, the setting is refused while such a plan stands: the records would contradict it.
    error = env.refused(lambda: env.s.schools.set_deputy_agreement(admin, SCHOOL, True), Rule.AGREEMENT,
                        plan_id, "deputy_agreement")
    assert error.rule.paragraph == ""  # school practice: credited to no paragraph of the Rules


def test_only_the_administrator_changes_the_setting(env: Env) -> None:
    env.denied(lambda: env.s.schools.set_deputy_agreement(env.actor("director"), SCHOOL, False))


def test_the_overview_sends_recommended_plans_to_the_director_without_the_agreement(env: Env) -> None:
    admin = env.actor("admin")
    plan_id = _recommended(env)
    kinds = {i.record: i.kind for i in env.s.attention.items(admin, SCHOOL, "2026-2027", d("2026-11-27"))}
    assert kinds[plan_id] is AttentionKind.PLAN_RECOMMENDED
    env.s.schools.set_deputy_agreement(admin, SCHOOL, False)
    kinds = {i.record: i.kind for i in env.s.attention.items(admin, SCHOOL, "2026-2027", d("2026-11-27"))}
    assert kinds[plan_id] is AttentionKind.PLAN_AGREED  # "awaiting the director's approval"


# Point 5: who signed ------------------------------------------------------------------------------


def test_an_acting_director_signs_the_approval(env: Env) -> None:
    admin, director = env.actor("admin"), env.actor("director")
    plan_id = _recommended(env)
    env.s.plans.agree(admin, SCHOOL, plan_id, signer=Signer("t-01", acting=True))
    env.refused(lambda: env.s.plans.approve(director, SCHOOL, plan_id, signer=Signer("t-02")),
                Rule.PLAN_RECORD, SCHOOL, "director")
    approved = env.s.plans.approve(director, SCHOOL, plan_id, signer=Signer("t-02", acting=True))
    assert approved.approved is not None and (approved.approved.by, approved.approved.acting) == ("t-02", True)
    assert approved.agreed is not None and (approved.agreed.by, approved.agreed.acting) == ("t-01", True)
    stored = env.s.plans.get(admin, SCHOOL, plan_id)
    assert stored.approved == approved.approved and stored.agreed == approved.agreed
    assert env.s.checks.check(admin, SCHOOL).ok


def test_the_work_plan_records_its_acting_signer(env: Env) -> None:
    head, director = env.actor("head2"), env.actor("director")
    env.s.associations.save_work_plan(head, SCHOOL, "mo-kaz-26", work_plan())
    env.refused(lambda: env.s.associations.approve_work_plan(director, SCHOOL, "mo-kaz-26", d("2026-09-10"),
                                                             Signer("t-02")),
                Rule.WORK_PLAN_APPROVAL, "mo-kaz-26", "work_plan.approved")
    body = env.s.associations.approve_work_plan(director, SCHOOL, "mo-kaz-26", d("2026-09-10"),
                                                Signer("t-02", acting=True))
    assert body.work_plan is not None and body.work_plan.approved is not None
    assert (body.work_plan.approved.by, body.work_plan.approved.acting) == ("t-02", True)
    stored = env.s.associations.get(director, SCHOOL, "mo-kaz-26").work_plan
    assert stored is not None and stored.approved == body.work_plan.approved


# Point 2: п. 23 is a condition of creation ----------------------------------------------------


def test_creating_an_association_with_two_teachers_is_refused_citing_p23(env: Env) -> None:
    admin = env.actor("admin")
    new = Association("", AssociationKind.SUBJECT, LocalizedText("Жаратылыстану", "Естествознание"),
                      "2026-2027", "t-06", ["kazlang"], None,
                      [Membership("t-06", d("2026-09-01")), Membership("t-08", d("2026-09-01"))])
    error = env.refused(lambda: env.s.associations.save(admin, SCHOOL, new), Rule.ASSOCIATION_COMPOSITION,
                        None, "members", check_field=True)
    assert "п. 23" in error.render() and error.params["count"] == 2


def test_a_member_leaving_is_listed_in_the_overview(env: Env) -> None:
    admin = env.actor("admin")
    env.s.associations.end_membership(env.actor("head2"), SCHOOL, "mo-kaz-26", "t-06", d("2026-11-20"))
    items = [i for i in env.s.attention.items(admin, SCHOOL, "2026-2027", d("2026-11-27"))
             if i.kind is AttentionKind.ASSOCIATION_SHORT]
    assert [(i.record, i.params["count"], i.params["required"]) for i in items] == [("mo-kaz-26", 2, 3)]
    assert env.s.attention.figures(admin, SCHOOL, "2026-2027").associations_short == 1
    # the head, who does not see the whole school, is not sent the line
    assert not [i for i in env.s.attention.items(env.actor("head2"), SCHOOL, "2026-2027", d("2026-11-27"))
                if i.kind is AttentionKind.ASSOCIATION_SHORT]


# Point 4: п. 29, how the head came to be -----------------------------------------------------


def test_the_head_elected_at_a_meeting_or_appointed_by_an_order(env: Env) -> None:
    admin = env.actor("admin")
    body = env.s.associations.get(admin, SCHOOL, "mo-math-26")
    elected = env.s.associations.save(admin, SCHOOL, replace(
        body, head_choice=HeadChoice(HeadBasis.ELECTED, "m-math-26-1", 1)))
    assert env.s.associations.get(admin, SCHOOL, "mo-math-26").head_choice == elected.head_choice
    env.refused(lambda: env.s.associations.save(admin, SCHOOL, replace(
        body, head_choice=HeadChoice(HeadBasis.ELECTED, "m-math-26-1", 9))), Rule.REFERENCE, "mo-math-26",
        "head_choice.item")
    env.refused(lambda: env.s.associations.save(admin, SCHOOL, replace(
        body, head_choice=HeadChoice(HeadBasis.APPOINTED, order_number=" "))), Rule.VALUE, "mo-math-26",
        "head_choice.order_number")
    appointed = HeadChoice(HeadBasis.APPOINTED, order_number="45-ж", order_date=d("2026-08-25"))
    env.s.associations.save(admin, SCHOOL, replace(elected, head_choice=appointed))  # the copy last saved
    assert env.s.associations.get(admin, SCHOOL, "mo-math-26").head_choice == appointed
