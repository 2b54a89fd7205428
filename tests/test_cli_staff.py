"""`metodsovet attestation`, `courses-due` and `course-period`: what a deputy director scripts."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.cli import main
from tests.shared_files import SAMPLE


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("METODSOVET_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("METODSOVET_DB", raising=False)


def _database(tmp_path: Path, new_database: Callable[..., str]) -> str:
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    document["version"] = 2
    document["attestations"] = [{
        "id": "att-1", "academic_year": "2026-2027", "teacher": "t-02", "current_category": "moderator",
        "sought_category": "expert", "applied_on": "2026-10-01", "hearing": {"meeting": "m-math-26-2", "item": 1},
        "portfolio": ["application"], "result": None, "order": None, "next_due": None}]
    document["courses"] = [{
        "id": "crs-1", "academic_year": "2025-2026", "teacher": "t-01", "kind": "course", "title": "Жаңартылған мазмұн",
        "provider": "«Өрлеу»", "hours": 72, "starts_on": "2025-10-01", "ends_on": "2025-10-10",
        "certificate_number": "№ 5", "file": None}]
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    db = new_database("staff.sqlite3")
    assert main(["--db", db, "import", str(path)]) == 0
    return db


def test_the_attestation_list_as_text_and_as_pdf(tmp_path: Path, new_database: Callable[..., str],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    db = _database(tmp_path, new_database)
    capsys.readouterr()
    assert main(["--db", db, "--lang", "ru", "attestation", "--year", "2026-2027"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.split("\t")[:4] == ["att-1", "Қасымов Ерлан Нұрланұлы", "педагог-модератор", "педагог-эксперт"]
    for extra, title in (([], "СПИСОК ПЕДАГОГОВ"), (["--schedule"], "ГРАФИК ЗАСЛУШИВАНИЯ")):
        out = tmp_path / "paper.pdf"
        assert main(["--db", db, "attestation", "--year", "2026-2027", "--lang", "ru", "--out", str(out), *extra]) == 0
        assert "2026-2027" in capsys.readouterr().out  # the file, the record, its verification code
        assert title in (PdfReader(out).pages[0].extract_text() or "")


def test_courses_due_and_the_schools_period(tmp_path: Path, new_database: Callable[..., str],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    db = _database(tmp_path, new_database)
    capsys.readouterr()
    assert main(["--db", db, "--lang", "ru", "courses-due", "--year", "2026-2027"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    mine = next(r for r in rows if r[1].startswith("Әбенова"))
    assert mine[2:] == ["10.10.2025", "10.10.2028", "курс пройден в срок"]
    assert main(["--db", db, "course-period"]) == 0 and capsys.readouterr().out.strip() == "3"
    assert main(["--db", db, "course-period", "1"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "--lang", "ru", "courses-due", "--year", "2026-2027"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert next(r for r in rows if r[1].startswith("Әбенова"))[3:] == ["10.10.2026", "курс нужно пройти в этом году"]
    assert main(["--db", db, "course-period", "0"]) == 1
    assert "10" in capsys.readouterr().err  # the refusal names the bounds, 1 to 10
