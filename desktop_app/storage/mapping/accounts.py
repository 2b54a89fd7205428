"""Accounts, the audit trail and the history of plans and protocols."""

from __future__ import annotations

from typing import Any

from desktop_app.domain.accounts import AuditEvent, MeetingVersion, PlanEvent, Role, User
from desktop_app.storage.mapping.base import Row


def dump_user(user: User) -> dict[str, Any]:
    return {
        "login": user.login, "role": str(user.role), "password_hash": user.password_hash,
        "school_id": user.school, "teacher_id": user.teacher, "active": user.active,
        "failed_attempts": user.failed_attempts, "locked_until": user.locked_until,
        "last_sign_in": user.last_sign_in,
    }


def build_user(row: Row) -> User:
    return User(
        login=row["login"], role=Role(row["role"]), password_hash=row["password_hash"],
        school=row["school_id"], teacher=row["teacher_id"], active=bool(row["active"]),
        failed_attempts=row["failed_attempts"], locked_until=row["locked_until"],
        last_sign_in=row["last_sign_in"],
    )


def dump_audit(event: AuditEvent) -> dict[str, Any]:
    return {
        "at": event.at, "actor": event.actor, "action": event.action, "school_id": event.school,
        "record_kind": event.record_kind, "record_id": event.record_id, "summary": event.summary,
        "previous_hash": event.previous_hash, "hash": event.hash,
    }


def build_audit(row: Row) -> AuditEvent:
    return AuditEvent(
        at=row["at"], actor=row["actor"], action=row["action"], school=row["school_id"],
        record_kind=row["record_kind"], record_id=row["record_id"], summary=row["summary"],
        previous_hash=row["previous_hash"], hash=row["hash"],
    )


def dump_plan_event(school_id: str, event: PlanEvent) -> dict[str, Any]:
    return {
        "school_id": school_id, "plan_id": event.plan, "at": event.at, "actor": event.actor,
        "action": event.action, "from_status": event.from_status, "to_status": event.to_status,
        "note": event.note,
    }


def build_plan_event(row: Row) -> PlanEvent:
    return PlanEvent(
        plan=row["plan_id"], at=row["at"], actor=row["actor"], action=row["action"],
        from_status=row["from_status"], to_status=row["to_status"], note=row["note"],
    )


def dump_meeting_version(school_id: str, version: MeetingVersion) -> dict[str, Any]:
    return {
        "school_id": school_id, "meeting_id": version.meeting, "version": version.version,
        "snapshot": version.snapshot, "reason": version.reason, "actor": version.actor, "at": version.at,
    }


def build_meeting_version(row: Row) -> MeetingVersion:
    return MeetingVersion(
        meeting=row["meeting_id"], version=row["version"], snapshot=row["snapshot"],
        reason=row["reason"], actor=row["actor"], at=row["at"],
    )
