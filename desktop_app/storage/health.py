"""Keeping an SQLite file safe between runs: one program per file, unclean shutdowns noticed,
damage checked for, risky locations (network shares, synced folders) recognised."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from filelock import FileLock, Timeout

from desktop_app.domain.errors import N_
from desktop_app.storage import dialect
from desktop_app.storage.errors import StorageError

log = logging.getLogger(__name__)

WEEKLY = timedelta(days=7)
CLOUD_FOLDERS = frozenset({"onedrive", "dropbox", "google drive", "googledrive", "my drive",
                           "yandex.disk", "yandexdisk", "icloud drive", "iclouddrive", "mega", "pcloud"})
NETWORK_FILESYSTEMS = frozenset({"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "9p",
                                 "afs", "ncpfs", "fuse.rclone", "davfs", "fuse.davfs2"})


class InUseError(StorageError):
    message = N_("The database is open in another copy of the program; close it there first")


class DatabaseLock:
    """An operating-system lock on ``<database>.lock`` held while the program has the file open."""

    def __init__(self, database: Path) -> None:
        self.path = Path(f"{database}.lock")
        # Not thread-local: the window takes it on a worker (the start-up check) and lets it go on
        # the GUI thread when it closes the database.
        self._lock = FileLock(str(self.path), timeout=0, thread_local=False)

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except Timeout:
            raise InUseError(str(self.path)) from None

    def release(self) -> None:
        self._lock.release()


class RunMarker:
    """``<database>.running`` exists while the program runs; found at start, it means the last
    run ended uncleanly (power cut, killed process)."""

    def __init__(self, database: Path) -> None:
        self.path = Path(f"{database}.running")

    def was_unclean(self) -> bool:
        return self.path.exists()

    def set(self) -> None:
        self.path.write_text(json.dumps({"pid": os.getpid(), "since": datetime.now(UTC).isoformat()}),
                             encoding="utf-8")

    def clear(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


class CheckLog:
    """When the file was last checked whole (``<database>.checked``), for the weekly check."""

    def __init__(self, database: Path) -> None:
        self.path = Path(f"{database}.checked")

    def due(self, now: datetime) -> bool:
        try:
            last = datetime.fromisoformat(self.path.read_text(encoding="utf-8").strip())
        except (FileNotFoundError, ValueError):
            return True
        return now - last >= WEEKLY

    def record(self, now: datetime) -> None:
        self.path.write_text(now.isoformat(), encoding="utf-8")


def damage(database: Path) -> list[str]:
    """What ``integrity_check`` and ``foreign_key_check`` report for the file (empty: sound)."""
    try:
        with contextlib.closing(sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)) as db:
            return dialect.file_problems(db)
    except sqlite3.DatabaseError as error:
        return [str(error)]


def risky_location(database: Path) -> str | None:
    """"network" or "cloud" when the file lies where SQLite's locking cannot be trusted."""
    given = str(database)
    if given.startswith(("\\\\", "//")):  # a UNC path: \\server\share
        return "network"
    resolved = database.resolve()
    if any(part.lower() in CLOUD_FOLDERS or part.lower().startswith("onedrive")
           for part in resolved.parts):
        return "cloud"
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        drive = resolved.drive + "\\"
        if drive and ctypes.windll.kernel32.GetDriveTypeW(drive) == 4:  # DRIVE_REMOTE
            return "network"
        return None
    return "network" if _filesystem(resolved) in NETWORK_FILESYSTEMS else None


def _filesystem(path: Path) -> str | None:
    """The type of the mount holding ``path`` (Linux /proc/mounts)."""
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    best, kind = "", None
    for line in mounts:
        fields = line.split()
        if len(fields) >= 3:
            point = fields[1].replace("\\040", " ")
            if (str(path) == point or str(path).startswith(point.rstrip("/") + "/")) and len(point) > len(best):
                best, kind = point, fields[2]
    return kind
