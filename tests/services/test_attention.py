"""What needs attention this week (issue 4): each kind appears for its data and goes when resolved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop_app.domain.accounts import COMMAND_LINE as CLI
from desktop_app.domain.entities import Category, ReviewOutcome
from desktop_app.services.attention import AttentionItem, AttentionKind
from tests.services.conftest import SCHOOL, SUBMITTED_AT, Env, mentorship, plan, session

YEAR = "2026-2027"
TODAY = date(2026, 11, 27)


def _items(env: Env, key: str = "admin", today: date = TODAY) -> list[AttentionItem]:
    return env.s.attention.items(env.actor(key), SCHOOL, YEAR, today)


def _of(env: Env, kind: AttentionKind, key: str = "admin") -> dict[str, AttentionItem]:
    return {i.record: i for i in _items(env, key) if i.kind is kind}


def test_a_plan_is_listed_at_each_step_until_approved(env: Env) -> None:
    teacher = env.actor("teacher")
    draft = env.s.plans.save(teacher, SCHOOL, plan())
    plan_kinds = {AttentionKind.PLAN_SUBMITTED, AttentionKind.PLAN_RECOMMENDED, AttentionKind.PLAN_AGREED}
    assert not [i for i in _items(env) if i.kind in plan_kinds]  # a draft waits on nobody
    env.submit(teacher, draft.id)
    item = _of(env, AttentionKind.PLAN_SUBMITTED)[draft.id]
    assert isinstance(item.params["teacher"], str) and item.params["teacher"].startswith("Ким")
    assert item.params["grade"] == 8 and item.day == SUBMITTED_AT.date()  # the day it was submitted
    assert item.title.format(**{k: str(v) for k, v in item.params.items()})
    env.s.plans.consider(env.actor("head"), SCHOOL, draft.id, "m-math-26-2", 1, ReviewOutcome.RECOMMENDED)
    assert draft.id not in _of(env, AttentionKind.PLAN_SUBMITTED)
    assert draft.id in _of(env, AttentionKind.PLAN_RECOMMENDED)
    env.s.plans.agree(env.actor("admin"), SCHOOL, draft.id)
    assert draft.id not in _of(env, AttentionKind.PLAN_RECOMMENDED)
    assert draft.id in _of(env, AttentionKind.PLAN_AGREED, "director")
    env.s.plans.approve(env.actor("director"), SCHOOL, draft.id)
    assert not [i for i in _items(env) if i.record == draft.id]


def test_a_returned_plan_waits_on_no_one_but_its_teacher(env: Env) -> None:
    teacher = env.actor("teacher")
    draft = env.s.plans.save(teacher, SCHOOL, plan())
    env.submit(teacher, draft.id)
    env.s.plans.consider(env.actor("head"), SCHOOL, draft.id, "m-math-26-2", 1, ReviewOutcome.RETURNED, "даты")
    assert not [i for i in _items(env) if i.record == draft.id]


def test_a_teacher_sees_only_their_own_plans(env: Env) -> None:
    mine = env.s.plans.save(env.actor("teacher"), SCHOOL, plan("t-05"))
    theirs = env.s.plans.save(CLI, SCHOOL, plan("t-02", "math"))
    env.submit(CLI, mine.id)
    env.submit(CLI, theirs.id)
    assert set(_of(env, AttentionKind.PLAN_SUBMITTED, "teacher")) == {mine.id}
    assert set(_of(env, AttentionKind.PLAN_SUBMITTED, "teacher2")) == {theirs.id}
    assert set(_of(env, AttentionKind.PLAN_SUBMITTED, "admin")) == {mine.id, theirs.id}
    # the head of mathematics sees both members' plans, the head of Kazakh neither
    assert set(_of(env, AttentionKind.PLAN_SUBMITTED, "head")) == {mine.id, theirs.id}
    assert not _of(env, AttentionKind.PLAN_SUBMITTED, "head2")


def test_a_past_meeting_is_listed_until_its_protocol_is_finalized(env: Env) -> None:
    open_ = _of(env, AttentionKind.MEETING_OPEN)
    assert open_["m-math-26-2"].day == date(2026, 11, 6)
    assert open_["m-math-26-2"].params["number"] == 2
    # not yet past on the day before it
    early = env.s.attention.items(env.actor("admin"), SCHOOL, YEAR, date(2026, 11, 6))
    assert "m-math-26-2" not in {i.record for i in early}
    env.s.meetings.finalize(env.actor("head"), SCHOOL, "m-math-26-2")
    assert "m-math-26-2" not in _of(env, AttentionKind.MEETING_OPEN)
    # another year's meetings are not this year's business
    assert all(i.record != "m-math-26-1"
               for i in env.s.attention.items(env.actor("admin"), SCHOOL, "2025-2026", TODAY))


def test_attestation_due_within_90_days_or_overdue(env: Env) -> None:
    admin = env.actor("admin")
    due = _of(env, AttentionKind.ATTESTATION_DUE)
    assert due["t-03"].day == date(2025, 5, 29) and "overdue" in due["t-03"].title
    teacher = env.s.teachers.get(admin, SCHOOL, "t-04")
    env.s.teachers.save(admin, SCHOOL, replace(teacher, category=Category.EXPERT,
                                               category_awarded=date(2022, 2, 20)))  # due 2027-02-20
    item = _of(env, AttentionKind.ATTESTATION_DUE)["t-04"]
    assert item.day == date(2027, 2, 20) and "due by" in item.title
    teacher = env.s.teachers.get(admin, SCHOOL, "t-04")  # the copy saved above (a stale one is refused)
    env.s.teachers.save(admin, SCHOOL, replace(teacher, category=Category.EXPERT,
                                               category_awarded=date(2022, 3, 1)))  # 94 days ahead
    assert "t-04" not in _of(env, AttentionKind.ATTESTATION_DUE)
    # confirmed again: gone
    overdue = env.s.teachers.get(admin, SCHOOL, "t-03")
    env.s.teachers.save(admin, SCHOOL, replace(overdue, category_awarded=date(2026, 5, 1)))
    assert "t-03" not in _of(env, AttentionKind.ATTESTATION_DUE)
    # a teacher is told about their own attestation only
    assert set(_of(env, AttentionKind.ATTESTATION_DUE, "teacher2")) <= {"t-02"}


def test_an_active_mentorship_without_a_session_this_month(env: Env) -> None:
    record = env.s.mentoring.save(CLI, SCHOOL, mentorship("t-01", "t-11"))
    env.s.mentoring.log_session(CLI, SCHOOL, record.id, session("2026-10-14"))
    item = _of(env, AttentionKind.MENTORSHIP_IDLE)[record.id]
    assert item.day == date(2026, 10, 14)
    assert record.id in _of(env, AttentionKind.MENTORSHIP_IDLE, "head")  # t-01 mentors
    assert record.id not in _of(env, AttentionKind.MENTORSHIP_IDLE, "teacher")
    env.s.mentoring.log_session(CLI, SCHOOL, record.id, session("2026-11-25"))
    assert record.id not in _of(env, AttentionKind.MENTORSHIP_IDLE)
    # a new month asks again
    later = env.s.attention.items(env.actor("admin"), SCHOOL, YEAR, date(2026, 12, 2))
    assert record.id in {i.record for i in later if i.kind is AttentionKind.MENTORSHIP_IDLE}


def test_the_schools_annual_analysis_is_asked_for_from_may_until_approved(env: Env) -> None:
    """From May of the year's end to the deputy director and the director: not written, then a draft;
    gone once the director approves it (an association's own analysis does not count)."""
    may = date(2027, 5, 3)

    def lines(key: str, today: date = may) -> list[AttentionItem]:
        return [i for i in _items(env, key, today) if i.kind is AttentionKind.ANALYSIS_UNAPPROVED]

    assert lines("admin", date(2027, 4, 30)) == [] and lines("director", TODAY) == []
    for key in ("head", "teacher", "viewer"):
        assert lines(key) == []
    for key in ("admin", "director"):
        assert [(i.record, i.title, i.params) for i in lines(key)] == [
            ("", "The analysis of {year} is not written yet", {"year": YEAR})]
    analysis = env.s.analysis
    for association in ("mo-math-26", None):
        paper = analysis.paper(env.actor("admin"), SCHOOL, YEAR, association)
        analysis.save(env.actor("admin"), SCHOOL, replace(paper.analysis, conclusions="Жұмыс қанағаттанарлық.",
                                                          tasks="1. Ашық сабақтарды көбейту."))
    analysis.approve(env.actor("director"), SCHOOL, YEAR, "mo-math-26")
    assert [i.title for i in lines("director", date(2027, 7, 1))] == [
        "The analysis of {year} is a draft awaiting the director's approval"]
    analysis.approve(env.actor("director"), SCHOOL, YEAR)
    assert lines("admin") == lines("director") == []
