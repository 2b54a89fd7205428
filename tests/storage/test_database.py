"""Opening, pragmas, locking, migrations, backups and error mapping on real SQLite files."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from desktop_app.domain.entities import LocalizedText, School, Subject
from desktop_app.storage import dialect
from desktop_app.storage.database import (
    HEAD_REVISION,
    INITIAL_REVISION,
    Database,
    alembic_config,
    to_url,
)
from desktop_app.storage.errors import (
    CorruptError,
    LockedError,
    NewerDatabaseError,
    ReadOnlyError,
    StorageError,
)
from desktop_app.storage.models import metadata


def _raw(path: Path) -> contextlib.closing[sqlite3.Connection]:
    return contextlib.closing(sqlite3.connect(path))


def test_open_creates_a_database_at_head(tmp_db_path: Path) -> None:
    assert not tmp_db_path.exists()
    with Database.open(str(tmp_db_path)) as db:
        assert tmp_db_path.exists()
        assert db.revision() == HEAD_REVISION
        assert db.integrity_check() == "ok"
    assert not (tmp_db_path.parent / "backups").exists()  # nothing to back up in a new file


def test_open_accepts_a_url(tmp_path: Path) -> None:
    path = tmp_path / "by url.sqlite3"
    with Database.open(f"sqlite:///{path}") as db:
        assert db.path == path
        assert db.revision() == HEAD_REVISION


@pytest.mark.sqlite_only
def test_pragmas(db: Database) -> None:
    with db.connect() as connection:
        assert dialect.sqlite_pragma(connection, "journal_mode") == "wal"
        assert dialect.sqlite_pragma(connection, "foreign_keys") == 1
        assert dialect.sqlite_pragma(connection, "synchronous") == 2
        assert dialect.sqlite_pragma(connection, "busy_timeout") == 5000


def test_schema_equals_the_models(db: Database) -> None:
    """Everything but the FTS5 index, which the models do not describe (and which is there)."""
    with db.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": dialect.include_name})
        assert compare_metadata(context, metadata) == []
        if db.engine.dialect.name != "sqlite":
            return  # the server searches without an index
        names = {row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master")}
    assert db.text_index
    index_tables = {n for n in names if not dialect.include_name(n, "table", {})}
    assert {dialect.TEXT_INDEX, f"{dialect.TEXT_INDEX}_data", f"{dialect.TEXT_INDEX}_idx"} <= index_tables


def test_write_transaction_takes_the_lock_at_begin(tmp_db_path: Path) -> None:
    with (
        Database.open(str(tmp_db_path)) as first,
        Database.open(str(tmp_db_path), busy_timeout_ms=50) as second,
    ):
        with first.transaction(write=True):
            # Nothing written yet, but BEGIN IMMEDIATE holds the write lock.
            with pytest.raises(LockedError), second.transaction(write=True):
                pass
            with second.transaction() as reader:  # WAL: readers are not blocked
                assert reader.school_ids() == []
        with first.transaction() as reader:
            reader.school_ids()
            with second.transaction(write=True) as writer:  # a deferred reader takes no write lock
                writer.save_school(School("s", LocalizedText("Мектеп")))


def test_migration_from_0001_backs_up_first(tmp_db_path: Path, tmp_path: Path) -> None:
    url = to_url(tmp_db_path)
    engine = dialect.create_engine(url)
    config = alembic_config(url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, INITIAL_REVISION)
        connection.exec_driver_sql("INSERT INTO schools (id, name_kk) VALUES ('s1', 'Мектеп')")
        connection.exec_driver_sql(
            "INSERT INTO subjects (school_id, id, seq, name_kk, name_ru) "
            "VALUES ('s1', 'math', 1, 'Математика', NULL)"
        )
    engine.dispose()

    backups = tmp_path / "backup folder"
    with Database.open(str(tmp_db_path), backup_dir=backups) as db:
        assert db.revision() == HEAD_REVISION
        with db.transaction() as store:
            assert store.get_subject("s1", "math") == Subject("math", LocalizedText("Математика", None))
            assert store.count_users() == 0

    [backup] = list(backups.glob("metodsovet-*-pre-migration.sqlite3"))
    assert not list(backups.glob("*.tmp"))
    with _raw(backup) as copy:
        assert dialect.integrity_check(copy) == "ok"
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [(INITIAL_REVISION,)]
        assert copy.execute("SELECT id FROM subjects").fetchall() == [("math",)]


def test_migration_backup_defaults_beside_the_database(tmp_db_path: Path) -> None:
    url = to_url(tmp_db_path)
    engine = dialect.create_engine(url)
    config = alembic_config(url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, INITIAL_REVISION)
    engine.dispose()
    Database.open(str(tmp_db_path)).close()
    assert len(list((tmp_db_path.parent / "backups").glob("*-pre-migration.sqlite3"))) == 1


def test_tables_without_alembic_version_are_adopted_after_backup(tmp_db_path: Path) -> None:
    engine = dialect.create_engine(to_url(tmp_db_path))
    metadata.create_all(engine)
    engine.dispose()
    with Database.open(str(tmp_db_path)) as db:
        assert db.revision() == HEAD_REVISION
    assert len(list((tmp_db_path.parent / "backups").glob("*-pre-migration.sqlite3"))) == 1


def test_a_newer_database_is_refused(tmp_db_path: Path) -> None:
    Database.open(str(tmp_db_path)).close()
    with _raw(tmp_db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_future'")
        connection.commit()
    with pytest.raises(NewerDatabaseError) as refused:
        Database.open(str(tmp_db_path))
    assert "0099_future" in str(refused.value)
    with _raw(tmp_db_path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [("0099_future",)]


@pytest.mark.sqlite_only
def test_backup_is_verified(db: Database, tmp_path: Path) -> None:
    with db.transaction(write=True) as store:
        store.save_school(School("s", LocalizedText("Мектеп", "Школа")))
    target = tmp_path / "копии с пробелом"
    path = db.backup(target)
    assert path.parent == target and path.name.startswith("metodsovet-") and path.suffix == ".sqlite3"
    with _raw(path) as copy:
        assert dialect.integrity_check(copy) == "ok"
        assert copy.execute("SELECT id FROM schools").fetchall() == [("s",)]


def test_not_a_database_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"this is a text file, not a database\n" * 200)
    with pytest.raises(CorruptError) as refused:
        Database.open(str(path))
    assert isinstance(refused.value, StorageError)
    assert refused.value.message  # a msgid to translate


def test_read_only_database(tmp_path: Path) -> None:
    path = tmp_path / "readonly.sqlite3"
    Database.open(str(path)).close()
    with Database.open(f"sqlite:///file:{path}?mode=ro&uri=true") as db:
        with db.transaction() as store:
            assert store.school_ids() == []
        with pytest.raises(ReadOnlyError), db.transaction(write=True) as store:
            store.save_school(School("s", LocalizedText("Мектеп")))


def test_migrations_run_from_a_path_with_spaces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from desktop_app.storage import database

    copied = tmp_path / "Program Files 100%" / "migrations"
    shutil.copytree(database.MIGRATIONS, copied, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(database, "MIGRATIONS", copied)
    with Database.open(str(tmp_path / "db.sqlite3")) as db:
        assert db.revision() == HEAD_REVISION


def test_expressions_compile_for_postgresql() -> None:
    from sqlalchemy import select
    from sqlalchemy.dialects import postgresql

    from desktop_app.storage.dialect import ci_contains, ordered
    from desktop_app.storage.models import TeacherRow

    table = TeacherRow.__table__
    statement = (
        select(table.c.id).where(ci_contains(table.c.last_name, "Әбен")).order_by(ordered(table.c.last_name))
    )
    sql = str(statement.compile(dialect=postgresql.dialect()))  # type: ignore[no-untyped-call]
    assert 'strpos(lower((teachers.last_name) COLLATE "metodsovet_kk"), lower((' in sql
    assert 'COLLATE "metodsovet_kk"' in sql


def test_the_head_revision_constant_is_the_scripts_head() -> None:
    """A start at HEAD_REVISION skips Alembic (a cheap read of alembic_version): it must be the head."""
    from alembic.script import ScriptDirectory

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION
