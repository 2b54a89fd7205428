"""Database files of every earlier schema version (tests/data/schema-*.sqlite3) upgrade to head
with their rows and contents kept, after a verified backup (issues 2 and 8), and their protocols
are found by the full-text search (issue 5); their accounts sign in, and the last sign-in and the
lock of revision 0004 work on them (issue 13). schema-0002 and schema-0003 are made by the scripts
of the same names."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from desktop_app.domain.accounts import COMMAND_LINE, Role
from desktop_app.services import Services
from desktop_app.services.accounts import SignInError
from desktop_app.services.exchange import parse_document
from desktop_app.services.search import FtsProtocolSearch
from desktop_app.storage.database import HEAD_REVISION, Database, alembic_config
from tests.shared_files import SAMPLE

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "data").glob("schema-*.sqlite3"))


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables if t != "alembic_version"}


def test_there_is_a_fixture_for_each_earlier_revision() -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    earlier = sorted(s.revision for s in scripts.walk_revisions() if s.revision != HEAD_REVISION)
    # The revisions a released program left files at. 0006–0010 were released together with 0011,
    # 0012–0013 with 0014, 0018 and 0019 with 0020 (one submission each), so no program ever stopped at
    # them: no fixture. 0015 and 0016 were never written.
    released = ["0001_initial", "0002_accounts_audit", "0003_protocol_search", "0004_account_sign_in",
                "0005_list_indexes", "0011_server_roles", "0014_district", "0017_gaps"]
    together = ["0006_rules", "0007_materials", "0008_events", "0009_work_plan_followed", "0010_versions",
                "0012_attestation", "0013_annual_analysis", "0018_plan_speed", "0019_guest_speakers",
                "0020_guest_mark_names"]
    assert earlier == sorted(r for r in released + together if r != HEAD_REVISION)
    assert [p.name for p in FIXTURES] == [f"schema-{revision}.sqlite3" for revision in released]


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_an_earlier_file_upgrades_without_losing_anything(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(fixture, path)
    before = _counts(path)
    assert sum(before.values()) > 100
    services = Services.over(Database.open(path, backup_dir=tmp_path / "backups"))
    try:
        assert services.db.revision() == HEAD_REVISION
        with services.db.transaction() as store:
            records = store.load_records("school-7")
        assert isinstance(services.search, FtsProtocolSearch)
        hits = services.search.search(COMMAND_LINE, "school-7", "ТӘЛІМГЕР")
        assert {(h.meeting, h.item, h.place) for h in hits} == {
            ("m-math-26-1", 2, "title"), ("m-math-26-1", 2, "heard"), ("m-math-26-1", 2, "decision")}
        hit = services.search.search(COMMAND_LINE, "school-7", "соч")[0]
        assert (hit.meeting, hit.text[hit.start:hit.end]) == ("m-math-26-2", "СОЧ")
    finally:
        services.close()
    after = _counts(path)
    assert {t: n for t, n in after.items() if t in before} == before
    assert records == parse_document(SAMPLE.read_bytes())
    saved = list((tmp_path / "backups").glob("*-pre-migration.sqlite3"))
    assert len(saved) == 1 and _counts(saved[0]) == before


@pytest.mark.parametrize("fixture", [p for p in FIXTURES if p.stem != "schema-0001_initial"], ids=lambda p: p.stem)
def test_accounts_of_an_earlier_file_sign_in_and_are_locked(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(fixture, path)
    with sqlite3.connect(path) as db:
        columns = [r[1] for r in db.execute("PRAGMA table_info(users)")]
        assert ("last_sign_in" in columns) == (fixture.stem >= "schema-0004")  # made by revision 0004
    services = Services.over(Database.open(path, backup_dir=tmp_path / "backups"))
    try:
        users = {u.login: u for u in services.accounts.list_users(COMMAND_LINE)}
        assert set(users) == {"zavuch", "abenova", "raiono"}
        assert all(u.last_sign_in is None and not u.locked for u in users.values())
        admin = services.accounts.authenticate("zavuch", "zavuch-0002")
        assert admin.role is Role.ADMINISTRATOR
        services.accounts.set_locked(admin, "abenova", True)
        with pytest.raises(SignInError):
            services.accounts.authenticate("abenova", "abenova-0002")
        after = {u.login: u for u in services.accounts.list_users(admin)}
        assert after["zavuch"].last_sign_in is not None and after["abenova"].last_sign_in is None
        assert after["abenova"].locked
    finally:
        services.close()
