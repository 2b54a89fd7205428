"""The command line of cli.md, run in-process (on an SQLite file and on a PostgreSQL server) and once
as a real process."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop_app.cli import main
from tests.canonical import canonical
from tests.services.conftest import snapshot
from tests.shared_files import SAMPLE

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("METODSOVET_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("METODSOVET_DB", raising=False)


def _sample() -> dict[str, Any]:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def _write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _content(db: Path | str) -> list[tuple[str, str]]:
    """A fingerprint of every row of every table (not the file bytes: WAL may differ)."""
    if "://" in str(db):
        return [(t, hashlib.sha256(repr(rows).encode()).hexdigest()) for t, rows in snapshot(db).items()]
    connection = sqlite3.connect(db)
    try:
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return [(t, hashlib.sha256(repr(sorted(map(repr, connection.execute(f'SELECT * FROM "{t}"'))))
                                   .encode()).hexdigest()) for t in tables]
    finally:
        connection.close()


def test_import_then_export_gives_the_document_back(tmp_path: Path, new_database: Callable[..., str],
        capsys: pytest.CaptureFixture[str]) -> None:
    db = new_database("x.sqlite3")
    assert main(["--db", str(db), "import", str(SAMPLE)]) == 0
    assert "school-7" in capsys.readouterr().out
    out = tmp_path / "out.json"
    assert main(["--db", str(db), "export", str(out)]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["exported_at"]
    assert canonical(exported) == canonical(_sample())
    # and the export itself imports into a fresh database
    assert main(["--db", new_database("y.sqlite3"), "import", str(out)]) == 0


def _drop_member(doc: dict[str, Any]) -> None:
    body = next(a for a in doc["associations"] if a["id"] == "mo-kaz-26")
    body["members"] = [m for m in body["members"] if m["teacher"] != "t-06"]
    body["secretary"] = "t-07"


def _unknown_teacher(doc: dict[str, Any]) -> None:
    doc["meetings"][0]["chair"] = "t-nobody"


def _approved_without_agreement(doc: dict[str, Any]) -> None:
    doc["plans"][0]["agreed"] = None


def _mentor_is_mentee(doc: dict[str, Any]) -> None:
    doc["mentorships"][0]["mentee"] = doc["mentorships"][0]["mentor"]


def _vote_exceeds_present(doc: dict[str, Any]) -> None:
    doc["meetings"][0]["agenda"][0]["vote"] = {"for": 9, "against": 0, "abstained": 0}


def _duplicate_id(doc: dict[str, Any]) -> None:
    doc["teachers"][1]["id"] = doc["teachers"][0]["id"]


def _saturday_lesson(doc: dict[str, Any]) -> None:
    doc["plans"][0]["rows"][0]["date"] = "2026-09-05"


BROKEN = [
    ("rule1", _drop_member, "associations[", "mo-kaz-26", "п. 23"),
    ("reference", _unknown_teacher, "meetings[0]", "m-math-26-1", "t-nobody"),
    ("rule10", _approved_without_agreement, "plans[0]", "ktp-inf7-26", "правило 6"),  # school practice
    ("rule8", _mentor_is_mentee, "mentorships[0]", "ment-04", "правило 8"),
    ("rule4", _vote_exceeds_present, "meetings[0]", "m-math-26-1", "правило 4"),
    ("duplicate", _duplicate_id, "teachers[1]", "t-dir", ""),
    ("rule7", _saturday_lesson, "plans[0]", "ktp-inf7-26", "правило 7"),
]


@pytest.mark.parametrize(("name", "breaker", "path", "record", "rule"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_document_is_refused_and_nothing_changes(
    tmp_path: Path, new_database: Callable[..., str],
        capsys: pytest.CaptureFixture[str], name: str, breaker: Any, path: str, record: str,
    rule: str,
) -> None:
    db = new_database("x.sqlite3")
    assert main(["--db", str(db), "import", str(SAMPLE)]) == 0
    before = _content(db)
    capsys.readouterr()
    document = copy.deepcopy(_sample())
    breaker(document)
    bad = _write(tmp_path / "bad.json", document)
    assert main(["--db", str(db), "--lang", "ru", "import", "--replace", str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    line = next(li for li in captured.err.splitlines() if record in li)
    assert path in line and rule in line
    assert "Traceback" not in captured.err
    assert _content(db) == before


@pytest.mark.parametrize("content", [b"{\"format\": \"metodsovet-exchange\", \"version\": 1, \"sch",
                                     b"not json at all", b"\xff\xfe\x00garbage", b""],
                         ids=["truncated", "not-json", "not-utf8", "empty"])
def test_unreadable_files_are_refused(tmp_path: Path, new_database: Callable[..., str],
        capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    db = new_database("x.sqlite3")
    assert main(["--db", str(db), "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.strip() and "Traceback" not in err
    assert main(["--db", str(db), "export", str(tmp_path / "o.json")]) == 1  # still no school


def test_missing_file_and_second_import(tmp_path: Path, new_database: Callable[..., str],
        capsys: pytest.CaptureFixture[str]) -> None:
    db = new_database("x.sqlite3")
    assert main(["--db", str(db), "import", str(tmp_path / "nope.json")]) == 1
    assert "nope.json" in capsys.readouterr().err
    assert main(["--db", str(db), "import", str(SAMPLE)]) == 0
    assert main(["--db", str(db), "import", str(SAMPLE)]) == 1
    assert "--replace" in capsys.readouterr().err
    assert main(["--db", str(db), "import", "--replace", str(SAMPLE)]) == 0


def test_export_needs_school_when_several(tmp_path: Path, new_database: Callable[..., str],
        capsys: pytest.CaptureFixture[str]) -> None:
    db = new_database("x.sqlite3")
    second = _sample()
    second["school"]["id"] = "school-8"
    assert main(["--db", str(db), "import", str(SAMPLE)]) == 0
    assert main(["--db", str(db), "import", str(_write(tmp_path / "s8.json", second))]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "export", str(tmp_path / "o.json")]) == 1
    assert "--school" in capsys.readouterr().err
    assert main(["--db", str(db), "export", str(tmp_path / "o.json"), "--school", "school-8"]) == 0
    assert json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))["school"]["id"] == "school-8"


def test_demo_user_backup_and_check(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "d.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    out = capsys.readouterr().out
    assert "zavuch" in out and "zavuch-demo" in out
    assert main(["--db", str(db), "demo"]) == 1  # not on a database that holds data
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("long-enough-secret\n"))
    assert main(["--db", str(db), "user", "add", "zhanna", "--role", "teacher", "--teacher", "t-07"]) == 0
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("long-enough-secret\n"))
    assert main(["--db", str(db), "user", "add", "zhanna", "--role", "teacher", "--teacher", "t-07"]) == 1
    capsys.readouterr()
    assert main(["--db", str(db), "backup", "--to", str(tmp_path / "b")]) == 0
    backup = Path(capsys.readouterr().out.strip())
    assert backup.exists() and backup.parent == tmp_path / "b"
    connection = sqlite3.connect(backup)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT count(*) FROM users").fetchone()[0] == 6
    finally:
        connection.close()
    assert main(["--db", str(db), "--lang", "ru", "check"]) == 0
    assert "в порядке" in capsys.readouterr().out


def test_documents_not_available_yet(tmp_path: Path, new_database: Callable[..., str],
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", new_database("x.sqlite3"), "protocol", "m-1", "--out", "a.pdf"]) == 1
    assert capsys.readouterr().err.strip()


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--db", str(tmp_path / "x.sqlite3"), "frobnicate"])
    assert stop.value.code == 2
    with pytest.raises(SystemExit) as stop:
        main(["user", "add", "x"])  # --role missing
    assert stop.value.code == 2


def test_messages_follow_the_language(tmp_path: Path, new_database: Callable[..., str],
        capsys: pytest.CaptureFixture[str]) -> None:
    db = new_database("x.sqlite3")
    document = _sample()
    _mentor_is_mentee(document)
    bad = _write(tmp_path / "bad.json", document)
    assert main(["--db", str(db), "--lang", "ru", "import", str(bad)]) == 1
    russian = capsys.readouterr().err
    assert main(["--db", str(db), "--lang", "kk", "import", str(bad)]) == 1
    kazakh = capsys.readouterr().err
    assert russian != kazakh
    assert "ment-04" in russian and "ment-04" in kazakh
    main(["--db", str(db), "--lang", "ru", "check"])


def test_entry_point_runs_as_a_process(tmp_path: Path) -> None:
    env = dict(os.environ, METODSOVET_HOME=str(tmp_path / "home"), METODSOVET_DB=str(tmp_path / "env.sqlite3"))
    done = subprocess.run([sys.executable, "-m", "desktop_app", "import", str(SAMPLE)], env=env,
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "env.sqlite3").exists()
    done = subprocess.run([sys.executable, "-m", "desktop_app", "--lang", "ru", "import", str(SAMPLE)],
                          env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 1 and "Traceback" not in done.stderr and "school-7" in done.stderr


def test_backup_goes_to_the_folder_chosen_in_the_window(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop_app.config.preferences import save_backup_dir

    db = tmp_path / "school.sqlite3"
    assert main(["--db", str(db), "import", str(SAMPLE)]) == 0
    stick = tmp_path / "флешка" / "Metodsovet"
    save_backup_dir(stick)  # what Settings → Backups → "Choose folder…" stores
    capsys.readouterr()
    assert main(["--db", str(db), "backup"]) == 0
    assert Path(capsys.readouterr().out.strip()).parent == stick
    save_backup_dir(None)
    assert main(["--db", str(db), "backup"]) == 0
    assert Path(capsys.readouterr().out.strip()).parent == tmp_path / "backups"
