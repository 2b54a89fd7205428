"""The repository's accounts, audit trail and history (plan events, meeting versions)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy import literal as sa_literal

from desktop_app.domain.accounts import AuditEvent, MeetingVersion, PlanEvent, User
from desktop_app.domain.district import GuestMember
from desktop_app.storage import dialect, mapping
from desktop_app.storage import models as m
from desktop_app.storage.errors import DuplicateError
from desktop_app.storage.lengths import refuse_long_row
from desktop_app.storage.store_base import _AUDIT, StoreBase

_USERS = mapping.table_of(m.UserRow)
_PLAN_EVENTS = mapping.table_of(m.PlanEventRow)
_MEETING_VERSIONS = mapping.table_of(m.MeetingVersionRow)


def _user_columns(with_hash: bool) -> list[Any]:
    """The columns of an account; without the hash, an empty one in its place."""
    if with_hash:
        return list(_USERS.c)
    return [sa_literal("").label("password_hash") if c.name == "password_hash" else c for c in _USERS.c]


class AccountStore(StoreBase):
    """Reads and writes accounts and the history (see ``storage.store.Store``)."""

    # --- users --------------------------------------------------------------------------------

    def add_user(self, user: User) -> None:
        if self.get_user(user.login) is not None:
            raise DuplicateError(kind="user", id=user.login)
        row = mapping.dump_user(user)
        refuse_long_row(_USERS, row, user.login)
        self.session.execute(insert(_USERS), [row])

    def get_user(self, login: str, with_hash: bool = True) -> User | None:
        """The account; ``with_hash=False`` leaves its password hash empty (on a server only the
        administrator's group may read hashes: a person reads their own account without it)."""
        rows = self._rows(select(*_user_columns(with_hash)).where(_USERS.c.login == login))
        return mapping.build_user(rows[0]) if rows else None

    def mark_signed_in(self, login: str, at: datetime) -> None:
        """The last sign-in of an account, and no failed attempts since (a person's own row on a server)."""
        self.session.execute(update(_USERS).where(_USERS.c.login == login).values(
            last_sign_in=at, failed_attempts=0, locked_until=None))

    def set_password_hash(self, login: str, password_hash: str) -> None:
        self.session.execute(update(_USERS).where(_USERS.c.login == login).values(password_hash=password_hash))

    def save_user(self, user: User) -> None:
        if self.get_user(user.login) is None:
            self.add_user(user)
            return
        row = mapping.dump_user(user)
        refuse_long_row(_USERS, row, user.login)
        values = {k: v for k, v in row.items() if k != "login"}
        self.session.execute(update(_USERS).where(_USERS.c.login == user.login).values(**values))

    def list_users(self, school_id: str | None = None) -> list[User]:
        """The accounts, their password hashes left empty (nobody needs a list of hashes)."""
        statement = select(*_user_columns(False)).order_by(_USERS.c.login)
        if school_id is not None:
            statement = statement.where(_USERS.c.school_id == school_id)
        return [mapping.build_user(row) for row in self._rows(statement)]

    def count_users(self) -> int:
        return int(self.session.execute(select(func.count()).select_from(_USERS)).scalar_one())

    # --- audit and history --------------------------------------------------------------------

    def lock_audit_head(self) -> None:
        """Writers append to the one audit chain one at a time (see dialect.lock_writers)."""
        dialect.lock_writers(self.session.connection())

    def add_audit(self, event: AuditEvent) -> None:
        self.session.execute(insert(_AUDIT), [mapping.dump_audit(event)])

    def last_audit_id(self) -> int:
        """The id of the newest audit entry (0 when there is none): one index lookup."""
        return int(self.session.execute(select(func.max(_AUDIT.c.id))).scalar() or 0)

    def list_guests(self, school_id: str, association_id: str, language: str = "ru") -> list[GuestMember]:
        """An inter-school association's members from other schools (п. 21), with their names."""
        from desktop_app.storage.guest_members import list_guests

        return list_guests(self.session, school_id, association_id, language)

    def guest_names(self, keys: Iterable[tuple[str, str]],
                    language: str = "ru") -> dict[tuple[str, str], tuple[str, str]]:
        """(school, teacher) → (the teacher's full name, the school's name), either empty when gone:
        how a protocol names a member from another school whose membership is no longer there."""
        from desktop_app.storage.guest_members import teacher_names

        return teacher_names(self.session, keys, language)

    def last_audit(self) -> AuditEvent | None:
        rows = self._rows(select(_AUDIT).order_by(_AUDIT.c.id.desc()).limit(1))
        return mapping.build_audit(rows[0]) if rows else None

    def audit_events(self, school_id: str | None = None) -> list[AuditEvent]:
        statement = select(_AUDIT).order_by(_AUDIT.c.id)
        if school_id is not None:
            statement = statement.where(_AUDIT.c.school_id == school_id)
        return [mapping.build_audit(row) for row in self._rows(statement)]

    def add_plan_event(self, school_id: str, event: PlanEvent) -> None:
        self.session.execute(insert(_PLAN_EVENTS), [mapping.dump_plan_event(school_id, event)])

    def plan_events(self, school_id: str, plan_id: str) -> list[PlanEvent]:
        statement = (select(_PLAN_EVENTS)
                     .where(_PLAN_EVENTS.c.school_id == school_id, _PLAN_EVENTS.c.plan_id == plan_id)
                     .order_by(_PLAN_EVENTS.c.id))
        return [mapping.build_plan_event(row) for row in self._rows(statement)]

    def add_meeting_version(self, school_id: str, version: MeetingVersion) -> None:
        self.session.execute(insert(_MEETING_VERSIONS), [mapping.dump_meeting_version(school_id, version)])

    def meeting_versions(self, school_id: str, meeting_id: str) -> list[MeetingVersion]:
        table = _MEETING_VERSIONS
        statement = (select(table).where(table.c.school_id == school_id, table.c.meeting_id == meeting_id)
                     .order_by(table.c.version))
        return [mapping.build_meeting_version(row) for row in self._rows(statement)]
