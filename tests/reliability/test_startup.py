"""Start-up safeguards: one program per file, unclean shutdowns, damaged files, risky places,
daily backups with retention, restore (issue 8)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.services import Services
from desktop_app.services.maintenance import MaintenanceService, open_safely
from desktop_app.storage import backups, health

NOW = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)



def test_first_start_takes_a_backup_and_a_second_copy_is_refused(database: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    session = open_safely(str(database), folder, clock=lambda: NOW)
    try:
        assert session.report.backup is not None and session.report.backup.exists()
        with pytest.raises(health.InUseError):
            open_safely(str(database), folder, clock=lambda: NOW)
    finally:
        session.close()
    again = open_safely(str(database), folder, clock=lambda: NOW + timedelta(hours=2))
    again.close()
    assert again.report.backup is None  # the last backup is less than a day old
    assert not again.report.unclean_shutdown


def test_unclean_shutdown_is_noticed_and_checked(database: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    open_safely(str(database), folder, clock=lambda: NOW).close()
    health.RunMarker(database).set()  # as if the PC had been switched off
    session = open_safely(str(database), folder, clock=lambda: NOW + timedelta(hours=1))
    session.close()
    assert session.report.unclean_shutdown and session.report.checked and not session.report.problems


def test_damaged_file_is_moved_aside_and_the_newest_good_backup_restored(database: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    open_safely(str(database), folder, clock=lambda: NOW).close()
    data = bytearray(database.read_bytes())
    data[4096:4096 * 4] = b"\xa5" * (4096 * 3)
    database.write_bytes(bytes(data))
    health.RunMarker(database).set()
    session = open_safely(str(database), folder, clock=lambda: NOW + timedelta(days=2))
    try:
        report = session.report
        assert report.problems and report.restored_from is not None and report.damaged_copy is not None
        assert report.damaged_copy.exists()  # kept, never deleted
        teachers = session.services.teachers.list_teachers(COMMAND_LINE, "school-7")
        assert len(teachers) == 13
    finally:
        session.close()


def test_damaged_file_without_a_backup_is_refused_and_kept(database: Path, tmp_path: Path) -> None:
    data = bytearray(database.read_bytes())
    data[4096:4096 * 4] = b"\xa5" * (4096 * 3)
    database.write_bytes(bytes(data))
    with pytest.raises(Exception) as raised:
        open_safely(str(database), tmp_path / "empty-backups", clock=lambda: NOW)
    assert "damaged" in str(raised.value) or "повреж" in str(raised.value)
    assert database.exists()


def test_check_on_a_damaged_file_says_what_to_do(database: Path, tmp_path: Path) -> None:
    data = bytearray(database.read_bytes())
    data[4096:4096 * 4] = b"\xa5" * (4096 * 3)
    database.write_bytes(bytes(data))
    before = database.read_bytes()
    done = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(database), "--lang", "ru", "check"],
                          capture_output=True, text=True, timeout=120,
                          env={"METODSOVET_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "повреж" in done.stderr
    assert database.read_bytes() == before


@pytest.mark.parametrize(("path", "expected"), [
    ("C:/Users/Айгүл/OneDrive/Документы/metodsovet.sqlite3", "cloud"),
    ("/home/u/Dropbox/metodsovet.sqlite3", "cloud"),
    ("/home/u/Яндекс/metodsovet.sqlite3", None),
    ("//server/share/metodsovet.sqlite3", "network"),
])
def test_risky_locations(path: str, expected: str | None) -> None:
    assert health.risky_location(Path(path)) == expected


def _info(hours_ago: float, kind: str = "auto") -> backups.BackupInfo:
    moment = NOW - timedelta(hours=hours_ago)
    return backups.BackupInfo(Path(backups.backup_name(kind, moment)), moment, 1, kind)


def test_retention_keeps_recent_daily_weekly_monthly() -> None:
    hourly = [_info(h) for h in range(0, 24 * 400, 6)]  # four a day for more than a year
    special = [_info(24 * 300, "pre-migration"), _info(24 * 380, "manual")]
    pruned = {b.path for b in backups.to_prune(hourly + special, NOW)}
    kept = [b for b in hourly if b.path not in pruned]
    assert not {b.path for b in special} & pruned
    assert sum(1 for b in kept if NOW - b.taken_at <= timedelta(hours=24)) >= 4
    days = {b.taken_at.date() for b in kept if NOW - b.taken_at <= timedelta(days=7)}
    assert len(days) >= 7
    months = {(b.taken_at.year, b.taken_at.month) for b in kept}
    assert len(months) >= 12
    assert len(kept) < 40 and hourly[0].path not in pruned


def test_restore_lists_contents_and_backs_up_first(database: Path, tmp_path: Path) -> None:
    services = Services.open(str(database), tmp_path / "backups")
    try:
        maintenance = MaintenanceService(services)
        backup = maintenance.backup(COMMAND_LINE)
        entries = maintenance.list_backups(COMMAND_LINE)
        assert entries[0].info.path == backup
        assert entries[0].contents is not None and entries[0].contents.counts["teachers"] == 13
        assert entries[0].contents.schools[0][0] == "school-7"
        services.teachers.archive(COMMAND_LINE, "school-7", "t-01")
        safety = maintenance.restore(COMMAND_LINE, backup)
        assert safety.exists()
        assert services.teachers.get(COMMAND_LINE, "school-7", "t-01").active  # the state of the backup
        with sqlite3.connect(safety) as db:
            assert db.execute("SELECT active FROM teachers WHERE id='t-01'").fetchone()[0] == 0
    finally:
        services.close()
