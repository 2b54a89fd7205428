"""Makes schema-0002_accounts_audit.sqlite3 beside this script: the 0001 fixture (the sample
school) brought to revision 0002 by its own migration, then accounts and a chained audit trail
written at that schema, as a program of revision 0002 left its files.

    .venv/bin/python tests/data/schema-0002_accounts_audit.py

Run it only to remake the fixture (or with a folder as argument, to make it there); the tests read the .sqlite3 file.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from fixture_builder import upgrade_fixture  # beside this script; it makes desktop_app importable
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from desktop_app.domain.accounts import AuditEvent, Role, User
from desktop_app.services.accounts import hash_password
from desktop_app.services.base import chain_hash
from desktop_app.storage.mapping import dump_user
from desktop_app.storage.store import Store

SCHOOL = "school-7"
#: login, role, teacher; the password of each is "<login>-0002".
ACCOUNTS = [("zavuch", Role.ADMINISTRATOR, "t-dep"), ("abenova", Role.HEAD, "t-01"),
            ("raiono", Role.VIEWER, None)]
COLUMNS_0002 = ("login", "role", "password_hash", "school_id", "teacher_id", "active", "failed_attempts",
                "locked_until")


def write_accounts(engine: Engine) -> None:
    """Accounts and a chained audit trail, with the columns an account had at revision 0002."""
    with Session(engine) as session:
        store = Store(session)
        at = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
        previous = ""
        for n, (login, role, teacher) in enumerate(ACCOUNTS):
            # Columns of revision 0002 only (later revisions add to the account).
            row = dump_user(User(login, role, hash_password(f"{login}-0002"), SCHOOL, teacher))
            session.execute(sa.insert(sa.table("users", *map(sa.column, COLUMNS_0002))),
                            [{k: row[k] for k in COLUMNS_0002}])
            event = AuditEvent(at + timedelta(minutes=n), "zavuch" if n else "cli", "user.create", SCHOOL,
                               "user", login, role.value)
            event.previous_hash = previous
            event.hash = previous = chain_hash(previous, event)
            store.add_audit(event)
        session.commit()


if __name__ == "__main__":
    upgrade_fixture("schema-0001_initial.sqlite3", "schema-0002_accounts_audit.sqlite3",
                    "0002_accounts_audit", then=write_accounts)
