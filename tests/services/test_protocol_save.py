"""The editor's Save as one service call (issue 15, point 2): the protocol, the outcomes of the
KTPs considered under its items and, when asked, its finalizing are saved together or not at all
(a real SQLite file, read back through a separate connection)."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.domain.entities import MeetingStatus, PlanStatus, ReviewOutcome
from desktop_app.domain.errors import Rule
from desktop_app.domain.meetings import reviewable_plans
from desktop_app.services.meetings import PlanReview
from tests.services.conftest import SCHOOL, Env, plan

MEETING = "m-math-26-2"


def two_submitted(env: Env) -> list[str]:
    teacher = env.actor("teacher")
    ids = []
    for grade in (7, 9):
        created = env.s.plans.save(teacher, SCHOOL, plan(teacher.teacher or "", grade=grade))
        env.submit(teacher, created.id)
        ids.append(created.id)
    return ids


def test_a_refused_review_in_the_middle_leaves_nothing_half_saved(env: Env) -> None:
    head = env.actor("head")
    first, second = two_submitted(env)
    held = env.s.meetings.get(head, SCHOOL, MEETING)
    edited = replace(held, place="Актовый зал")
    reviews = [PlanReview(first, 1, ReviewOutcome.RECOMMENDED),
               PlanReview(second, 1, ReviewOutcome.RETURNED, "   ")]  # returned without remarks: rule 6
    env.refused(lambda: env.s.meetings.save_protocol(head, SCHOOL, edited, reviews),
                Rule.PLAN_WORKFLOW, second, "review.remarks")
    assert env.s.plans.get(head, SCHOOL, first).status is PlanStatus.SUBMITTED
    assert env.s.meetings.get(head, SCHOOL, MEETING).place == held.place


def test_the_protocol_and_its_reviews_are_saved_and_finalized_together(env: Env) -> None:
    head = env.actor("head")
    first, second = two_submitted(env)
    held = env.s.meetings.get(head, SCHOOL, MEETING)
    reviews = [PlanReview(first, 1, ReviewOutcome.RECOMMENDED),
               PlanReview(second, 1, ReviewOutcome.RETURNED, "Мало часов")]
    saved = env.s.meetings.save_protocol(head, SCHOOL, replace(held, place="Актовый зал"), reviews,
                                         finalize=True)
    assert saved.meeting.status is MeetingStatus.FINALIZED and saved.meeting.place == "Актовый зал"
    assert {p.id: p.status for p in saved.plans} == {first: PlanStatus.RECOMMENDED, second: PlanStatus.RETURNED}
    stored = env.s.meetings.get(head, SCHOOL, MEETING)
    assert stored.status is MeetingStatus.FINALIZED
    assert {first, second} <= set(stored.agenda[0].plans)  # listed under the item they were considered in


def test_a_meeting_may_review_the_submitted_plans_of_its_members_and_its_own(env: Env) -> None:
    head = env.actor("head")
    first, second = two_submitted(env)
    env.s.plans.consider(head, SCHOOL, first, MEETING, 1, ReviewOutcome.RECOMMENDED)
    offered = {p.id for p in env.s.meetings.reviewable_plans(head, SCHOOL, "mo-math-26", MEETING)}
    assert {first, second} <= offered
    elsewhere = {p.id for p in env.s.meetings.reviewable_plans(head, SCHOOL, "mo-math-26", None)}
    assert second in elsewhere and first not in elsewhere  # considered already: not again at a new meeting
    body = env.s.associations.get(head, SCHOOL, "mo-math-26")
    everyone = env.s.plans.list(env.actor("admin"), SCHOOL, body.academic_year)
    members = set(body.member_ids())
    assert all(p.teacher in members for p in reviewable_plans(everyone, body, MEETING))


def test_the_plans_offered_are_the_rule_over_every_plan_the_actor_may_read(env: Env) -> None:
    """The service reads only the body's members' plans (a large school: ~60 of ~1 000); what it
    offers is still the domain's rule over all the plans of the year the actor may read."""
    mine = two_submitted(env)
    other = env.actor("teacher2")
    theirs = env.s.plans.save(other, SCHOOL, plan(other.teacher or "", subject="math", grade=6))
    env.submit(other, theirs.id)
    bodies = ("mo-math-26", "mo-kaz-26")
    members = {body: set(env.s.associations.get(env.actor("admin"), SCHOOL, body).member_ids()) for body in bodies}
    submitters = {env.actor("teacher").teacher, other.teacher}
    assert any(not submitters <= members[body] for body in bodies)  # a submitted plan of a non-member
    assert mine and theirs.id
    for key in ("admin", "director", "head", "head2", "teacher"):
        actor = env.actor(key)
        for body_id in bodies:
            body = env.s.associations.get(actor, SCHOOL, body_id)
            readable = env.s.plans.list(actor, SCHOOL, body.academic_year)
            for meeting in (MEETING, None):
                offered = env.s.meetings.reviewable_plans(actor, SCHOOL, body_id, meeting)
                assert [p.id for p in offered] == [p.id for p in reviewable_plans(readable, body, meeting)]
