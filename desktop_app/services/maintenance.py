"""Keeping the database safe: the start-up check, automatic and on-demand backups, restore.

Start-up (``open_safely``): one program per file (an OS lock), an unclean shutdown or a week
since the last check runs ``integrity_check`` and ``foreign_key_check``; a damaged file is moved
aside (kept) and the newest good backup restored; a backup is taken when the last one is older
than a day, and old ones are pruned by the retention rule of storage/backups.py.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from desktop_app.domain.accounts import Action, Actor
from desktop_app.domain.errors import N_
from desktop_app.services import Services
from desktop_app.services.base import Clock, utc_now
from desktop_app.storage import backups, health
from desktop_app.storage.database import to_url
from desktop_app.storage.errors import BackupError, CorruptError

log = logging.getLogger(__name__)

DAILY = timedelta(days=1)


@dataclass
class StartupReport:
    """What the start-up did, for the window to tell the user."""

    unclean_shutdown: bool = False
    checked: bool = False
    problems: list[str] = field(default_factory=list)
    damaged_copy: Path | None = None
    restored_from: backups.BackupInfo | None = None
    backup: Path | None = None
    pruned: list[Path] = field(default_factory=list)
    location: str | None = None  # "network" or "cloud": SQLite's locking is not to be trusted there


@dataclass
class BackupEntry:
    info: backups.BackupInfo
    contents: backups.BackupContents | None  # None when the file cannot be read


class SafeSession:
    """The open database with its lock and run marker; ``close`` ends the run cleanly."""

    def __init__(self, services: Services, lock: health.DatabaseLock | None,
                 marker: health.RunMarker | None, report: StartupReport) -> None:
        self.services = services
        self.report = report
        self._lock = lock
        self._marker = marker

    def close(self) -> None:
        self.services.close()
        if self._marker is not None:
            self._marker.clear()
        if self._lock is not None:
            self._lock.release()


def damage(path: Path) -> list[str]:
    """Damage of an SQLite file, checked without opening it for writing."""
    return health.damage(path)


def sqlite_file(database: str) -> Path | None:
    url = to_url(database)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    name = url.database or ""
    return Path(name.removeprefix("file:"))


def open_safely(database: str, backup_dir: Path, clock: Clock = utc_now) -> SafeSession:
    """Open the database for the window with every start-up safeguard (module docstring)."""
    path = sqlite_file(database)
    report = StartupReport()
    if path is None:  # a database server keeps its own pages safe: only the checks that make sense there
        services = Services.open(database, backup_dir)
        report.checked = True
        report.problems = services.db.integrity_problems()
        if report.problems:
            log.warning("the server database lacks: %s", report.problems)
        return SafeSession(services, None, None, report)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = health.DatabaseLock(path)
    lock.acquire()
    try:
        marker = health.RunMarker(path)
        checks = health.CheckLog(path)
        now = clock()
        report.unclean_shutdown = marker.was_unclean()
        report.location = health.risky_location(path)

        def check_and_recover() -> None:
            report.checked = True
            report.problems = health.damage(path)
            if report.problems:
                good = backups.newest_good(backup_dir)
                if good is None:
                    raise CorruptError("; ".join(report.problems[:3]))
                report.damaged_copy = backups.move_aside(path, now)
                backups.verified_copy(good.path, path)
                report.restored_from = good
            checks.record(now)

        if path.exists() and path.stat().st_size and (report.unclean_shutdown or checks.due(now)):
            check_and_recover()
        marker.set()
        try:
            services = Services.open(database, backup_dir, clock)
        except CorruptError:
            if report.checked:
                raise
            check_and_recover()  # damage found only now: the same recovery, then open again
            services = Services.open(database, backup_dir, clock)
        existing = backups.list_backups(backup_dir)
        if not existing or now - existing[0].taken_at > DAILY:
            report.backup = services.db.backup(backup_dir)
            report.pruned = backups.prune(backup_dir, now)
        return SafeSession(services, lock, marker, report)
    except BaseException:
        lock.release()
        raise


class MaintenanceService:
    """Backups and restore on demand (the administrator), through the open database."""

    def __init__(self, services: Services, clock: Clock = utc_now, backup_dir: Path | None = None) -> None:
        self._db = services.db
        self._clock = clock
        if backup_dir is not None:
            self._db.backup_dir = Path(backup_dir)

    @property
    def backup_dir(self) -> Path | None:
        """The backup folder in use (``backups`` beside the file unless chosen otherwise)."""
        return self._db.backup_dir

    def set_backup_dir(self, actor: Actor, folder: Path) -> Path:
        """Use ``folder`` (a flash drive, say) for every later backup; it must be writable."""
        actor.require(Action.MANAGE_SCHOOL)
        folder = Path(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            probe = folder / ".metodsovet-write-test"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as error:
            raise BackupError(f"{folder}: {error.strerror or error}") from error
        self._db.backup_dir = folder
        return folder

    def backup(self, actor: Actor, to_dir: Path | None = None, kind: str = backups.AUTOMATIC,
               progress: Callable[[int, int], None] | None = None) -> Path:
        """Into the backup folder (automatic ones pruned by the retention rule), or a copy kept
        in ``to_dir``. The window's "Back up now" passes ``kind="manual"``: never pruned.
        ``progress(done, total)`` follows the copy; an exception it raises stops it."""
        actor.require(Action.MANAGE_SCHOOL)
        if to_dir is not None:
            return self._db.backup(to_dir, kind="manual", progress=progress)
        path = self._db.backup(kind=kind, progress=progress)
        backups.prune(path.parent, self._clock())
        return path

    def list_backups(self, actor: Actor) -> list[BackupEntry]:
        actor.require(Action.MANAGE_SCHOOL)
        folder = self._db.backup_dir
        entries = []
        for info in backups.list_backups(folder) if folder else []:
            try:
                entries.append(BackupEntry(info, backups.contents(info.path)))
            except CorruptError:
                entries.append(BackupEntry(info, None))
        return entries

    def restore(self, actor: Actor, backup: Path) -> Path:
        """Restore ``backup``; the current database is backed up first. Returns that backup."""
        actor.require(Action.MANAGE_SCHOOL)
        return self._db.restore(backup)


LOCATION_WARNINGS = {
    "network": N_("The database lies on a network share. SQLite cannot lock a file safely over the "
                  "network: two PCs writing at once can damage it. Keep the file on this PC, or use "
                  "a database server for shared work."),
    "cloud": N_("The database lies in a synchronized cloud folder. The sync program can copy the file "
                "while it is being written and damage it. Keep the file outside the synced folder and "
                "make backups to it instead."),
}


#: How the window names the kinds of backups (see storage/backups.py).
BACKUP_KIND_LABELS = {
    backups.AUTOMATIC: N_("automatic"),
    "manual": N_("on demand"),
    "pre-migration": N_("before an update"),
    "pre-restore": N_("before a restore"),
}


def missing_migrations() -> list[str]:
    """The self-test's check of an installation: the migration scripts are where Alembic looks."""
    from desktop_app.storage.database import alembic_config

    versions = Path(alembic_config().get_main_option("script_location") or "") / "versions"
    return [] if list(versions.glob("0*.py")) else [str(versions)]
