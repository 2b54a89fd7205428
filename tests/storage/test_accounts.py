"""Users, the audit log, plan events and protocol versions."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone

import pytest

from desktop_app.domain.accounts import AuditEvent, MeetingVersion, PlanEvent, Role, User
from desktop_app.domain.entities import SchoolRecords
from desktop_app.storage.database import Database
from desktop_app.storage.errors import DuplicateError


def test_users(db: Database) -> None:
    admin = User("admin", Role.ADMINISTRATOR, "argon2$hash")
    teacher = User(
        "gulnar",
        Role.TEACHER,
        "h2",
        school="school-7",
        teacher="t-01",
        locked_until=datetime(2026, 1, 1, 12, 0, tzinfo=UTC),
    )
    with db.transaction(write=True) as store:
        assert store.count_users() == 0
        store.add_user(admin)
        store.add_user(teacher)
    with pytest.raises(DuplicateError), db.transaction(write=True) as store:
        store.add_user(admin)
    changed = dataclasses.replace(teacher, failed_attempts=3, active=False, locked_until=None)
    with db.transaction(write=True) as store:
        store.save_user(changed)
        store.save_user(User("viewer", Role.VIEWER, "h3"))
    with db.transaction() as store:
        assert store.get_user("admin") == admin
        assert store.get_user("gulnar") == changed
        assert store.get_user("nobody") is None
        assert [u.login for u in store.list_users()] == ["admin", "gulnar", "viewer"]
        # Lists never carry password hashes (on a server only the administrator's group reads them).
        assert store.list_users("school-7") == [dataclasses.replace(changed, password_hash="")]
        assert store.get_user("gulnar", with_hash=False) == dataclasses.replace(changed, password_hash="")
        assert store.count_users() == 3


def test_audit_log(db: Database) -> None:
    almaty = timezone(timedelta(hours=5))
    events = [
        AuditEvent(
            datetime(2026, 9, 1, 9, 0, tzinfo=UTC),
            "admin",
            "import",
            "school-7",
            "school",
            "school-7",
            "imported",
            "",
            "h1",
        ),
        AuditEvent(
            datetime(2026, 9, 1, 15, 30, tzinfo=almaty),
            "gulnar",
            "submit",
            "school-7",
            "plan",
            "ktp-1",
            "submitted",
            "h1",
            "h2",
        ),
        AuditEvent(
            datetime(2026, 9, 2, 8, 0, tzinfo=UTC), "cli", "user add", None, "user", "x", "", "h2", "h3"
        ),
    ]
    with db.transaction(write=True) as store:
        assert store.last_audit() is None
        for event in events:
            store.add_audit(event)
    with db.transaction() as store:
        assert store.audit_events() == events
        assert store.audit_events("school-7") == events[:2]
        assert store.last_audit() == events[-1]
        assert store.audit_events()[1].at.tzinfo is UTC  # read back in UTC, the same instant


def test_plan_events_and_meeting_versions(db: Database, sample: SchoolRecords) -> None:
    school = sample.school.id
    plan = sample.plans[0]
    meeting = sample.meetings[0]
    at = datetime(2026, 8, 27, 10, 0, tzinfo=UTC)
    steps = [
        PlanEvent(plan.id, at, "t-05", "submit", "draft", "submitted"),
        PlanEvent(plan.id, at + timedelta(days=1), "t-01", "review", "submitted", "recommended", "ok"),
    ]
    versions = [MeetingVersion(meeting.id, 1, '{"id": "m"}', "опечатка", "t-01", at)]
    with db.transaction(write=True) as store:
        store.insert_records(sample)
        for step in steps:
            store.add_plan_event(school, step)
        store.add_meeting_version(school, versions[0])
        # Replacing the records keeps their history.
        store.save_plan(school, plan)
        store.save_meeting(school, meeting)
    with db.transaction() as store:
        assert store.plan_events(school, plan.id) == steps
        assert store.plan_events(school, "other") == []
        assert store.meeting_versions(school, meeting.id) == versions
    with db.transaction(write=True) as store:
        store.delete_school(school)
    with db.transaction() as store:
        assert store.plan_events(school, plan.id) == []
        assert store.meeting_versions(school, meeting.id) == []
