"""Makes schema-0002_accounts_audit.sqlite3 beside this script: the 0001 fixture (the sample
school) brought to revision 0002 by its own migration, then accounts and a chained audit trail
written at that schema, as a program of revision 0002 left its files.

    .venv/bin/python tests/data/schema-0002_accounts_audit.py

Run it only to remake the fixture; the tests read the .sqlite3 file.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop_app.domain.accounts import AuditEvent, Role, User  # noqa: E402
from desktop_app.services.accounts import hash_password  # noqa: E402
from desktop_app.services.base import chain_hash  # noqa: E402
from desktop_app.storage import dialect  # noqa: E402
from desktop_app.storage.database import alembic_config, to_url  # noqa: E402
from desktop_app.storage.mapping import dump_user  # noqa: E402
from desktop_app.storage.store import Store  # noqa: E402

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "schema-0001_initial.sqlite3"
TARGET = HERE / "schema-0002_accounts_audit.sqlite3"
REVISION = "0002_accounts_audit"
SCHOOL = "school-7"
#: login, role, teacher; the password of each is "<login>-0002".
ACCOUNTS = [("zavuch", Role.ADMINISTRATOR, "t-dep"), ("abenova", Role.HEAD, "t-01"),
            ("raiono", Role.VIEWER, None)]
COLUMNS_0002 = ("login", "role", "password_hash", "school_id", "teacher_id", "active", "failed_attempts",
                "locked_until")


def main() -> None:
    work = TARGET.with_suffix(".tmp")
    shutil.copyfile(SOURCE, work)
    url = to_url(work)
    engine = dialect.create_engine(url)
    try:
        config = alembic_config(url)
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, REVISION)
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
    finally:
        engine.dispose()
    with contextlib.closing(sqlite3.connect(work)) as raw:  # as the 0001 file: no WAL beside it
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (REVISION,)
        raw.execute("PRAGMA journal_mode = DELETE")
    work.replace(TARGET)
    print(f"written {TARGET}")


if __name__ == "__main__":
    main()
