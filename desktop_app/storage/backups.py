"""Backups of an SQLite database: taken with the online backup API and verified, kept by a
retention rule, listed with what they hold, and restored.

Retention (like Anki's): every backup of the last 24 hours (at most 12), then the newest backup of
each of the last 7 days, of each of the last 8 weeks and of each of the last 12 months. Backups made
before a migration or a restore, and those made on demand, are never pruned automatically.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from desktop_app.storage import dialect
from desktop_app.storage.errors import BackupError, CorruptError
from desktop_app.storage.models import metadata

log = logging.getLogger(__name__)

#: metodsovet-20261127T101500123456Z[-kind].sqlite3
NAME = re.compile(r"^metodsovet-(\d{8}T\d{6}\d*Z)(?:-([a-z-]+))?\.sqlite3$")
AUTOMATIC = "auto"
KEPT_KINDS = frozenset({"pre-migration", "pre-restore", "manual"})
RECENT = timedelta(hours=24)
RECENT_MAX = 12
DAYS, WEEKS, MONTHS = 7, 8, 12
#: Tables whose rows a backup's summary counts.
COUNTED = ("teachers", "associations", "meetings", "plans", "plan_rows", "mentorships", "lesson_visits")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    size: int
    kind: str


@dataclass
class BackupContents:
    """What a backup holds, for the restore list: schools and record counts."""

    schools: list[tuple[str, str]] = field(default_factory=list)  # (id, name)
    counts: dict[str, int] = field(default_factory=dict)
    #: Each school's short name (else its name) by language: {id: {"kk": …, "ru": …}}.
    short_names: dict[str, dict[str, str]] = field(default_factory=dict)


def backup_name(kind: str, now: datetime | None = None) -> str:
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    suffix = "" if kind == AUTOMATIC else f"-{kind}"
    return f"metodsovet-{moment.strftime('%Y%m%dT%H%M%S%fZ')}{suffix}.sqlite3"


def _taken_at(stamp: str) -> datetime:
    return datetime.strptime(stamp[:15], "%Y%m%dT%H%M%S").replace(tzinfo=UTC)


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in ``folder``, newest first (files of other names are ignored)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = NAME.match(path.name)
        if match and path.is_file():
            found.append(BackupInfo(path, _taken_at(match.group(1)), path.stat().st_size,
                                    match.group(2) or AUTOMATIC))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


#: Pages copied per step when the copy reports its progress (4 MB of 4 KB pages).
STEP_PAGES = 1024


def verified_copy(source: Path, target: Path, progress: Callable[[int, int], None] | None = None) -> Path:
    """Copy ``source`` to ``target`` with the online backup API through a temporary file that is
    checked with ``integrity_check`` before it is renamed into place (never a plain file copy).

    ``progress(done, total)`` is told the pages copied after each step; an exception it raises
    (the user cancelled) stops the copy and leaves no file behind."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".copy-", suffix=".tmp", dir=target.parent)
        os.close(handle)
    except OSError as error:
        raise BackupError(f"{target.parent}: {error.strerror or error}") from error
    try:
        with contextlib.closing(sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)) as src, \
                contextlib.closing(sqlite3.connect(temporary)) as dst:
            if progress is None:
                src.backup(dst)
            else:
                src.backup(dst, pages=STEP_PAGES, sleep=0,
                           progress=lambda _status, remaining, total: progress(total - remaining, total))
            result = dialect.integrity_check(dst)
        if result != "ok":
            raise BackupError(f"integrity check of the copy: {result}")
        os.replace(temporary, target)
    except sqlite3.DatabaseError as error:
        raise BackupError(str(error)) from error
    except OSError as error:
        raise BackupError(error.strerror or str(error)) from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    return target


def make_backup(database: Path, folder: Path, kind: str = AUTOMATIC, now: datetime | None = None) -> Path:
    path = verified_copy(database, folder / backup_name(kind, now))
    log.info("backup (%s) of %s written to %s", kind, database, path)
    return path


def to_prune(backups: list[BackupInfo], now: datetime) -> list[BackupInfo]:
    """The automatic backups the retention rule lets go (see the module docstring)."""
    automatic = sorted((b for b in backups if b.kind not in KEPT_KINDS), key=lambda b: b.taken_at,
                       reverse=True)
    keep: set[Path] = set()
    recent = [b for b in automatic if now - b.taken_at <= RECENT][:RECENT_MAX]
    keep.update(b.path for b in recent)
    for span, buckets, bucket_of in (
        (timedelta(days=DAYS), DAYS, lambda b: b.taken_at.date()),
        (timedelta(weeks=WEEKS), WEEKS, lambda b: b.taken_at.isocalendar()[:2]),
        (timedelta(days=31 * MONTHS), MONTHS, lambda b: (b.taken_at.year, b.taken_at.month)),
    ):
        seen: set[object] = set()
        for backup in automatic:  # newest first: the first of each bucket is its newest
            if now - backup.taken_at > span:
                break
            bucket = bucket_of(backup)
            if bucket not in seen and len(seen) < buckets:
                seen.add(bucket)
                keep.add(backup.path)
    if automatic:
        keep.add(automatic[0].path)  # never prune the newest backup there is
    return [b for b in automatic if b.path not in keep]


def prune(folder: Path, now: datetime | None = None) -> list[Path]:
    removed = []
    for backup in to_prune(list_backups(folder), now or datetime.now(UTC)):
        with contextlib.suppress(FileNotFoundError):
            backup.path.unlink()
            removed.append(backup.path)
    return removed


def contents(path: Path) -> BackupContents:
    """Schools and record counts of a backup file, read without changing it."""
    engine = sa.create_engine(f"sqlite:///file:{path.resolve()}?mode=ro&uri=true")
    try:
        with engine.connect() as connection:
            schools = metadata.tables["schools"]
            result = BackupContents()
            c = schools.c
            for row in connection.execute(sa.select(c.id, c.name_ru, c.name_kk, c.short_name_kk, c.short_name_ru)):
                result.schools.append((row[0], row[1] or row[2] or ""))
                result.short_names[row[0]] = {"kk": row[3] or row[2] or "", "ru": row[4] or row[1] or ""}
            for name in COUNTED:
                table = metadata.tables[name]
                result.counts[name] = connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            return result
    except sa.exc.DatabaseError as error:
        raise CorruptError(str(error)) from error
    finally:
        engine.dispose()


def newest_good(folder: Path) -> BackupInfo | None:
    """The newest backup that passes ``integrity_check`` (damaged ones are skipped, not deleted)."""
    for backup in list_backups(folder):
        try:
            with contextlib.closing(sqlite3.connect(f"{backup.path.resolve().as_uri()}?mode=ro", uri=True)) as db:
                if dialect.integrity_check(db) == "ok":
                    return backup
        except sqlite3.DatabaseError:
            continue
    return None


def restore(database: Path, backup: Path, folder: Path, now: datetime | None = None) -> Path:
    """Put ``backup`` in place of ``database`` (which nobody has open), after backing the current
    file up first when it can be read. Returns the safety backup's path (or the moved-aside file)."""
    safety: Path
    try:
        safety = make_backup(database, folder, "pre-restore", now)
    except BackupError:
        safety = move_aside(database, now)
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{database}{suffix}").unlink()
    verified_copy(backup, database)
    log.warning("database %s restored from %s (previous state kept in %s)", database, backup, safety)
    return safety


def move_aside(database: Path, now: datetime | None = None) -> Path:
    """A damaged file is renamed, never deleted, with its -wal and -shm companions."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    target = database.with_name(f"{database.name}.damaged-{stamp}")
    os.replace(database, target)
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{database}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{target}{suffix}"))
    log.error("damaged database %s moved to %s", database, target)
    return target
