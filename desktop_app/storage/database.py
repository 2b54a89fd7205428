"""Opening, migrating and backing up the database; transactions that hand out a Store."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from desktop_app.storage import backups, dialect
from desktop_app.storage.errors import (
    BackupError,
    NewerDatabaseError,
    OlderServerSchemaError,
    ServerRightsError,
    ServerSignInError,
    SignInWaitError,
    StorageError,
    UnknownSchemaError,
    translated_errors,
)
from desktop_app.storage.models import metadata
from desktop_app.storage.revision import HEAD_REVISION as HEAD_REVISION
from desktop_app.storage.store import Store

if TYPE_CHECKING:  # Alembic is loaded only when a schema must change (or be inspected)
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
INITIAL_REVISION = "0001_initial"


def to_url(url_or_path: str | Path) -> sa.URL:
    """An SQLAlchemy URL from a URL or a plain file path (``~`` expanded, made absolute)."""
    text = str(url_or_path)
    if "://" in text:
        return sa.make_url(text)
    path = Path(text).expanduser().resolve()
    return sa.URL.create("sqlite", database=str(path))


def alembic_config(url: str | sa.URL | None = None) -> Config:
    """An Alembic configuration built in code: no alembic.ini needed at run time."""
    from alembic.config import Config

    config = Config()
    # ConfigParser interpolation: a literal "%" in a path must be doubled.
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    if url is not None:
        rendered = url if isinstance(url, str) else url.render_as_string(hide_password=False)
        config.set_main_option("sqlalchemy.url", rendered.replace("%", "%%"))
    return config


def _timestamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _sqlite_path(url: sa.URL) -> Path | None:
    """The file of an SQLite URL, or None for another database or an in-memory one."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database in ("", ":memory:") or url.query.get("mode") == "memory":
        return None
    if database.startswith("file:"):
        database = database[len("file:"):]
    return Path(database)


def verified_backup(source: Path, to_dir: Path, name: str,
                    progress: Callable[[int, int], None] | None = None) -> Path:
    """A checked online backup of ``source`` as ``to_dir/name`` (see backups.verified_copy)."""
    final = backups.verified_copy(source, to_dir / name, progress)
    log.info("backup of %s written to %s", source, final)
    return final


def _revision(engine: Engine) -> str | None:
    """The schema revision Alembic stamped in ``alembic_version``, or None (no table, no row)."""
    with engine.connect() as connection:
        if not sa.inspect(connection).has_table("alembic_version"):
            connection.rollback()
            return None
        revision = connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
        connection.rollback()
    return str(revision) if revision is not None else None


class Database:
    """One open database: an engine, migrated to the current schema."""

    def __init__(self, engine: Engine, url: sa.URL) -> None:
        self.engine = engine
        self.url = url
        #: Whether protocols are searched through the full-text index (SQLite with FTS5).
        self.text_index = False
        path = _sqlite_path(url)
        #: Where backups of this database go (``backups`` beside the file unless told otherwise).
        self.backup_dir: Path | None = path.resolve().parent / "backups" if path is not None else None
        #: On a server prepared by ``server init``: people sign in as their own login roles.
        self.login_roles = False
        #: The person's own login on such a server (None: a file, or the owner's connection).
        self.personal_login: str | None = None
        #: Schools a read found (services check the school once, not on every read; a write forgets them).
        self.schools_seen: set[str] = set()

    @classmethod
    def open(cls, url_or_path: str | Path, backup_dir: Path | None = None,
             busy_timeout_ms: int = dialect.DEFAULT_BUSY_TIMEOUT_MS, retry: bool = True) -> Database:
        """Open (creating a missing SQLite file) and migrate to the current schema.

        A database at an older revision is first backed up (verified) into ``backup_dir``,
        by default ``backups`` beside the file. A newer revision is refused, never downgraded.
        On a server a refused password counts as a failed sign-in of that login (server_roles).
        """
        url = to_url(url_or_path)
        path = _sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = dialect.create_engine(url, busy_timeout_ms)
        try:
            with translated_errors():
                cls._migrate(engine, url, path, backup_dir)
        except ServerRightsError as error:  # a person's own login may not change the schema
            engine.dispose()
            raise OlderServerSchemaError(str(error.params.get("detail", ""))) from error
        except ServerSignInError as error:
            engine.dispose()
            from desktop_app.storage import server_roles

            wait = server_roles.count_failed_sign_in(url)
            if wait == -1 and retry:  # the wait after failed sign-ins has just ended: the password again
                return cls.open(url.render_as_string(hide_password=False), backup_dir, busy_timeout_ms, retry=False)
            if wait is not None and wait > 0:
                raise SignInWaitError(error.detail, seconds=wait) from error
            raise
        except BaseException:
            engine.dispose()
            raise
        database = cls(engine, url)
        if backup_dir is not None:
            database.backup_dir = Path(backup_dir)
        database._check_text_index()
        database._check_logins()
        return database

    def _check_logins(self) -> None:
        """On a server: are per-person logins installed, and is this one a person's (not the owner's)?"""
        if self.engine.dialect.name != "postgresql":
            return
        from desktop_app.storage import server_roles

        with translated_errors(), self.engine.connect() as connection:
            self.login_roles = server_roles.installed(connection)
            if self.login_roles:
                login, owner = server_roles.session_login(connection)
                self.personal_login = None if owner else login
            connection.rollback()

    def password_works(self, password: str) -> bool:
        """Whether the server accepts this login with ``password`` (a fresh connection, no pool)."""
        engine = sa.create_engine(self.url.set(password=password), poolclass=sa.pool.NullPool)
        try:
            with engine.connect():
                return True
        except sa.exc.OperationalError:
            return False
        finally:
            engine.dispose()

    def use_password(self, password: str) -> None:
        """After a person changed their own server password: new connections sign in with it."""
        self.engine.dispose()
        self.url = self.url.set(password=password)
        self.engine = dialect.create_engine(self.url)

    def _check_text_index(self) -> None:
        """Once at start: FTS5 present and the index in place (made and filled if missing)?"""
        try:
            with translated_errors(), self.engine.begin() as connection:
                self.text_index = dialect.ensure_text_index(connection)
        except StorageError as error:  # a read-only file without its index: search without it
            log.warning("protocol search without the full-text index: %s", error)
            self.text_index = False

    @staticmethod
    def _migrate(engine: Engine, url: sa.URL, path: Path | None, backup_dir: Path | None) -> None:
        if _revision(engine) == HEAD_REVISION:
            return  # the usual start: at the current schema, without loading Alembic's machinery
        from alembic import command
        from alembic.autogenerate import compare_metadata
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        config = alembic_config(url)
        scripts = ScriptDirectory.from_config(config)
        head = scripts.get_current_head()
        if engine.dialect.name == "postgresql":
            with engine.begin() as connection:
                dialect.ensure_collation(connection)
        with engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
            tables = set(sa.inspect(connection).get_table_names()) - {"alembic_version"}
            connection.rollback()
        if current == head:
            return
        known = {script.revision for script in scripts.walk_revisions()}
        if current is not None and current not in known:
            raise NewerDatabaseError(revision=current)
        if path is not None and (current is not None or tables):
            folder = backup_dir if backup_dir is not None else path.parent / "backups"
            verified_backup(path, folder, f"metodsovet-{_timestamp()}-pre-migration.sqlite3")
        with engine.begin() as connection:
            if current is None and tables:
                # Tables made without Alembic: adopt them only if they are exactly ours.
                context = MigrationContext.configure(connection, opts={"include_name": dialect.include_name})
                diff = compare_metadata(context, metadata)
                if diff:
                    raise UnknownSchemaError(str(diff[:3]))
                config.attributes["connection"] = connection
                command.stamp(config, "head")
            else:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        log.info("database %s migrated from %s to %s", url, current, head)

    @contextlib.contextmanager
    def transaction(self, write: bool = False) -> Iterator[Store]:
        """A Store in one transaction: committed on success, rolled back on an exception.

        ``write=True`` takes the write lock at the start (BEGIN IMMEDIATE on SQLite), so that a
        busy database is reported before any work is done.
        """
        with translated_errors(), Session(self.engine) as session:
            options: dict[str, Any] = {dialect.WRITE_OPTION: True} if write else dialect.READ_OPTIONS.get(
                self.engine.dialect.name, {})
            connection = session.connection(execution_options=options)
            if write:
                dialect.lock_writers(connection)
                self.schools_seen.clear()  # a write may remove a school (an import, a district's removal)
            try:
                yield Store(session)
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def connect(self) -> Connection:
        """A plain connection, for checks such as ``PRAGMA integrity_check``."""
        return self.engine.connect()

    def integrity_problems(self, file_checked: bool = False) -> list[str]:
        """Damage and broken references in the SQLite file, or what a server lacks; empty when sound.
        ``file_checked``: the file's pages were just checked; only the search index is."""
        if self.engine.dialect.name == "postgresql":
            from desktop_app.storage.server import schema_problems

            with translated_errors(), self.engine.connect() as connection:
                problems = schema_problems(connection)
                connection.rollback()
            return problems
        if self.engine.dialect.name != "sqlite":
            return []
        with translated_errors(), self.engine.connect() as connection:
            problems = [] if file_checked else dialect.integrity_problems(connection)
            if not problems and self.text_index:
                problems = dialect.text_index_problems(connection)  # the search index matches the texts
            connection.rollback()
        return problems

    def integrity_check(self) -> str:
        """"ok" when the SQLite file is sound (always "ok" for other databases)."""
        return "\n".join(self.integrity_problems()) or "ok"

    def revision(self) -> str | None:
        return _revision(self.engine)

    @property
    def path(self) -> Path | None:
        return _sqlite_path(self.url)

    def backup(self, to_dir: Path | None = None, kind: str = backups.AUTOMATIC,
               progress: Callable[[int, int], None] | None = None) -> Path:
        """A verified online backup of the SQLite file (into ``to_dir``, else the backup folder);
        ``progress(done, total)`` in pages, see backups.verified_copy."""
        path = self.path
        folder = Path(to_dir) if to_dir is not None else self.backup_dir
        if folder is not None and path is None and self.engine.dialect.name == "postgresql":
            with translated_errors():
                return self._server_backup(folder / backups.backup_name(kind), progress)
        if path is None or folder is None:
            raise BackupError("only an SQLite file can be backed up by the program")
        with translated_errors():
            return verified_backup(path, folder, backups.backup_name(kind), progress)

    def _server_backup(self, target: Path, progress: Callable[[int, int], None] | None = None) -> Path:
        """The server's records as an SQLite file of the same schema, openable on any PC without a
        server: copied from one consistent snapshot (REPEATABLE READ), compared record for record
        and checked with integrity_check before it is renamed into place."""
        from desktop_app.storage import transfer

        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=".copy-", suffix=".sqlite3", dir=target.parent)
            os.close(handle)
            os.unlink(name)  # Database.open makes the file with the current schema
        except OSError as error:
            raise BackupError(f"{target.parent}: {error.strerror or error}") from error
        temporary = Path(name)
        try:
            copy = Database.open(temporary)
            try:
                snapshot = self.engine.connect().execution_options(isolation_level="REPEATABLE READ")
                # One snapshot of the server for the copy and its comparison.
                with snapshot as reading, copy.engine.connect() as writing, reading.begin():
                    with writing.begin():
                        counts = transfer.copy_rows(reading, writing)
                    if progress is not None:
                        progress(1, 2)
                    mismatches = transfer.compare(reading, writing)
                    writing.rollback()
                problems = copy.integrity_problems()
            finally:
                copy.close()
            if mismatches or problems:
                raise BackupError("; ".join([*mismatches, *problems]))
            os.replace(temporary, target)
        except OSError as error:
            raise BackupError(error.strerror or str(error)) from error
        finally:
            for leftover in (temporary, *(temporary.with_name(temporary.name + s) for s in ("-wal", "-shm"))):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
        if progress is not None:
            progress(2, 2)
        log.info("backup of the server %s (%d records) written to %s", self.url.render_as_string(),
                 sum(counts.values()), target)
        return target

    def restore(self, backup: Path) -> Path:
        """Replace the file's contents with ``backup`` (the current state is backed up first) and
        bring it to the current schema; returns the safety backup's path."""
        path = self.path
        if path is None or self.backup_dir is None:
            raise BackupError("only an SQLite file can be restored by the program")
        self.engine.dispose()
        with translated_errors():
            safety = backups.restore(path, Path(backup), self.backup_dir)
            self._migrate(self.engine, self.url, path, self.backup_dir)
        self._check_text_index()
        return safety

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
