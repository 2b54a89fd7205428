"""Makes schema-0014_district.sqlite3 beside this script: the 0011 fixture (the sample
school, accounts, audit trail and protocol passages) brought to revision 0014 by the migrations 0012–0014,
as a program of revision 0014 left its files.

    .venv/bin/python tests/data/schema-0014_district.py

Run it only to remake the fixture; the tests read the .sqlite3 file.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import sys
from pathlib import Path

from alembic import command

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop_app.storage import dialect  # noqa: E402
from desktop_app.storage.database import alembic_config, to_url  # noqa: E402

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "schema-0011_server_roles.sqlite3"
TARGET = HERE / "schema-0014_district.sqlite3"
REVISION = "0014_district"


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
    finally:
        engine.dispose()
    with contextlib.closing(sqlite3.connect(work)) as raw:  # as the earlier files: no WAL beside it
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (REVISION,)
        raw.execute("PRAGMA journal_mode = DELETE")
    work.replace(TARGET)
    print(f"written {TARGET}")


if __name__ == "__main__":
    main()
