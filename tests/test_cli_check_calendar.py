"""`metodsovet check` lists every KTP row dated on a day off and every hours mismatch (rule 7)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.shared_files import SAMPLE


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("METODSOVET_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("METODSOVET_DB", raising=False)


@pytest.fixture
def db(tmp_path: Path, new_database: Callable[..., str], capsys: pytest.CaptureFixture[str]) -> str:
    """The sample school with the returned plan ktp-alg8-26 (3 h a week, 2026-2027) dated on a
    Saturday (row 1) and on Independence Day, a Wednesday (row 2); it has 3 hours, not 3 × 34."""
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    plan = next(p for p in document["plans"] if p["id"] == "ktp-alg8-26")
    assert plan["status"] == "returned" and [r["number"] for r in plan["rows"]][:2] == [1, 2]
    plan["rows"][0]["date"] = "2026-09-05"
    plan["rows"][1]["date"] = "2026-12-16"
    source = tmp_path / "school.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    path = new_database("school.sqlite3")  # a file, or a database on the PostgreSQL server
    assert main(["--db", path, "import", str(source)]) == 0
    capsys.readouterr()
    return path


def _lines(capsys: pytest.CaptureFixture[str], plan: str) -> list[str]:
    return [line for line in capsys.readouterr().out.splitlines() if plan in line]


def test_check_names_the_plan_the_row_and_the_date_of_each_day_off(
        db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db), "--lang", "ru", "check"]) == 0  # warnings: the plan is not submitted
    lines = _lines(capsys, "ktp-alg8-26")
    weekend = [line for line in lines if "05.09.2026" in line]
    holiday = [line for line in lines if "16.12.2026" in line]
    assert len(weekend) == 1 and "rows[0]" in weekend[0] and "Строка 1" in weekend[0]
    assert "выходной" in weekend[0]
    assert len(holiday) == 1 and "rows[1]" in holiday[0] and "Строка 2" in holiday[0]
    assert "праздничный" in holiday[0]
    hours = [line for line in lines if "102" in line]
    assert len(hours) == 1 and "3 ч × 34" in hours[0] and "правило 7" in hours[0]


def test_check_in_kazakh_lists_the_same_rows(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db), "--lang", "kk", "check"]) == 0
    lines = _lines(capsys, "ktp-alg8-26")
    assert any("1-жол: 05.09.2026" in line for line in lines)
    assert any("2-жол: 16.12.2026" in line for line in lines)
    assert any("3 сағ × 34 апта = 102" in line for line in lines)
