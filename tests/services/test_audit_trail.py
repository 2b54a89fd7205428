"""The audit trail: every change adds a chained event; a refusal adds none; tampering is reported."""

from __future__ import annotations

import pytest

from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.domain.entities import ReviewOutcome
from desktop_app.domain.errors import DomainError
from tests.services.conftest import SCHOOL, Env, plan, teacher


def _audit(env: Env) -> list[tuple[str, str, str]]:
    with env.s.db.transaction() as store:
        return [(e.action, e.actor, e.record_id) for e in store.audit_events()]


def test_each_change_adds_an_audit_event(env: Env) -> None:
    admin, teacher_, head = env.actor("admin"), env.actor("teacher"), env.actor("head")
    before = _audit(env)
    assert before[0][0] == "school.import"
    created = env.s.teachers.save(admin, SCHOOL, teacher())
    env.s.associations.add_member(head, SCHOOL, "mo-math-26", created.id)
    new_plan = env.s.plans.save(teacher_, SCHOOL, plan())
    env.submit(teacher_, new_plan.id)
    env.s.plans.consider(head, SCHOOL, new_plan.id, "m-math-26-2", 1, ReviewOutcome.RECOMMENDED)
    env.s.meetings.finalize(head, SCHOOL, "m-math-26-2")
    added = _audit(env)[len(before):]
    assert added == [
        ("teacher.create", admin.login, created.id),
        ("association.member_add", head.login, "mo-math-26"),
        ("plan.create", teacher_.login, new_plan.id),
        ("plan.submit", teacher_.login, new_plan.id),
        ("plan.consider", head.login, new_plan.id),
        ("meeting.finalized", head.login, "m-math-26-2"),
    ]


def test_a_refusal_adds_no_audit_event(env: Env) -> None:
    before = _audit(env)
    with pytest.raises(DomainError):
        env.s.teachers.archive(env.actor("teacher"), SCHOOL, "t-11")
    with pytest.raises(DomainError):
        env.s.plans.save(env.actor("teacher"), SCHOOL, env.s.plans.get(COMMAND_LINE, SCHOOL, "ktp-inf7-26"))
    assert _audit(env) == before


def test_audit_chain_verifies(env: Env) -> None:
    env.s.teachers.archive(env.actor("admin"), SCHOOL, "t-11")
    report = env.s.checks.check(env.actor("admin"))
    assert report.audit_breaks == [] and report.integrity == [] and report.ok


def test_tampering_with_a_stored_event_is_reported(env: Env) -> None:
    env.s.teachers.archive(env.actor("admin"), SCHOOL, "t-11")
    env.s.teachers.archive(env.actor("admin"), SCHOOL, "t-10")
    target = env.sql("SELECT id FROM audit_events WHERE action = 'teacher.archive' ORDER BY id LIMIT 1")[0][0]
    assert env.sql("UPDATE audit_events SET summary = 'nobody' WHERE id = :id", id=target) == [(1,)]
    report = env.s.checks.check(env.actor("admin"))
    assert not report.ok
    assert len(report.audit_breaks) == 1
    assert "teacher.archive t-11" in report.audit_breaks[0]


def test_deleting_a_stored_event_is_reported(env: Env) -> None:
    env.s.teachers.archive(env.actor("admin"), SCHOOL, "t-11")
    env.s.teachers.archive(env.actor("admin"), SCHOOL, "t-10")
    env.sql("DELETE FROM audit_events WHERE action = 'teacher.archive' AND record_id = 't-11'")
    report = env.s.checks.check(env.actor("admin"))
    assert any("teacher.archive t-10" in b for b in report.audit_breaks)


def test_reordering_stored_events_is_reported(env: Env) -> None:
    env.s.teachers.archive(env.actor("admin"), SCHOOL, "t-11")
    env.s.teachers.archive(env.actor("admin"), SCHOOL, "t-10")
    first, second = [row[0] for row in env.sql(
        "SELECT id FROM audit_events WHERE action = 'teacher.archive' ORDER BY id")]
    env.sql("UPDATE audit_events SET id = -1 WHERE id = :id", id=first)
    env.sql("UPDATE audit_events SET id = :new WHERE id = :old", new=first, old=second)
    env.sql("UPDATE audit_events SET id = :new WHERE id = -1", new=second)
    report = env.s.checks.check(env.actor("admin"))
    assert not report.ok and report.audit_breaks
