"""What the schema-NNNN scripts beside this module share: the fixture of the revision before copied,
brought to a revision by the migrations (then, for some, records written at that schema), and left
as a program of that revision left its files: no WAL beside it. The scripts import it as a module
beside them (``python tests/data/schema-0003_protocol_search.py``); pytest does not collect it.

A script run with a folder as its argument writes its file there instead of beside it, to compare
a remade fixture with the committed one without touching it."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from alembic import command
from sqlalchemy import Engine

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop_app.storage import dialect  # noqa: E402
from desktop_app.storage.database import alembic_config, to_url  # noqa: E402

HERE = Path(__file__).resolve().parent


def upgrade_fixture(source: str, target: str, revision: str,
                    then: Callable[[Engine], None] | None = None) -> Path:
    """Make ``target`` (a file name in this folder, or in the folder given on the command line)
    from the fixture ``source`` of this folder, upgraded to ``revision``; ``then`` writes what the
    program of that revision would have written. Returns the file written."""
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    written = folder / target
    work = written.with_suffix(".tmp")
    shutil.copyfile(HERE / source, work)
    url = to_url(work)
    engine = dialect.create_engine(url)
    try:
        config = alembic_config(url)
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
        if then is not None:
            then(engine)
    finally:
        engine.dispose()
    with contextlib.closing(sqlite3.connect(work)) as raw:  # as the earlier files: no WAL beside it
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
        raw.execute("PRAGMA journal_mode = DELETE")
    work.replace(written)
    print(f"written {written}")
    return written
