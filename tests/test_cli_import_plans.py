"""`metodsovet import-plans`: a folder of KTP files, each guessed, imported all or nothing, reported;
a rerun skips the files imported unchanged."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from desktop_app.cli import main
from tests.corpus.ktp import layouts
from tests.shared_files import SAMPLE

LAYOUTS = {layout.name: layout for layout in layouts()}


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("METODSOVET_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("METODSOVET_DB", raising=False)


def plans(db: Path | str) -> list[tuple[str, str, int, str, int]]:
    """(teacher, subject, grade, classes, rows) of every plan."""
    engine = sa.create_engine(str(db) if "://" in str(db) else f"sqlite:///{db}", poolclass=sa.pool.NullPool)
    with engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT id, teacher_id, subject_id, grade, classes FROM plans").fetchall()
        counts = dict(connection.exec_driver_sql(  # type: ignore[arg-type]
            "SELECT plan_id, count(*) FROM plan_rows GROUP BY plan_id").fetchall())
    engine.dispose()
    return sorted((r[1], r[2], r[3], ",".join(r[4] if isinstance(r[4], list) else json.loads(r[4])),
                   counts.get(r[0], 0)) for r in rows)


def folder(tmp_path: Path) -> Path:
    root = tmp_path / "КТП 2026"
    (root / "Иванова").mkdir(parents=True)
    files = {
        "Ким_информатика_7А.docx": "generator-ru",
        "Ким информатика 7А 7Б.xlsx": "class-columns-ru",
        "Иванова/математика 5 класс.xlsx": "stamps-ru",
        "Нұрланова қазақ тілі 5 сынып.xlsx": "plan-fact-kk",
    }
    for name, layout in files.items():
        (root / name).write_bytes(LAYOUTS[layout].data())
    (root / "Петренко бастауыш 2 сынып.docx").write_bytes(b"PK\x03\x04 not a document")
    (root / "~$Ким_информатика_7А.docx").write_bytes(b"lock")
    return root


def test_a_folder_is_imported_file_by_file_and_a_rerun_skips_what_was_imported(
        tmp_path: Path, new_database: Callable[..., str], capsys: pytest.CaptureFixture[str]) -> None:
    db = new_database("x.sqlite3")
    assert main(["--db", str(db), "import", str(SAMPLE)]) == 0
    before = plans(db)
    root = folder(tmp_path)
    capsys.readouterr()

    assert main(["--db", str(db), "--lang", "ru", "import-plans", str(root), "--year", "2026-2027",
                 "--dry-run"]) == 1
    out = capsys.readouterr()
    assert plans(db) == before and out.out.count("будет импортирован как") == 4
    assert "Петренко" in out.err and "~$" not in out.out

    assert main(["--db", str(db), "--lang", "ru", "import-plans", str(root), "--year", "2026-2027"]) == 1
    out = capsys.readouterr()
    assert out.out.count("импортирован как") == 4
    assert "импортировано 4, к импорту 0, пропущено 0, отклонено 1" in out.out
    assert "Петренко бастауыш 2 сынып.docx: Файл не является документом Word" in out.err
    added = sorted(set(plans(db)) - set(before))
    assert added == sorted([
        ("t-05", "informatics", 7, "7А", 3),
        ("t-05", "informatics", 7, "7А", 2),  # one plan per class: the dates of 7А ...
        ("t-05", "informatics", 7, "7Б", 2),  # ... and of 7Б
        ("t-03", "math", 5, "", 5),
        ("t-06", "kazlang", 5, "", 2),
    ])

    (root / "Петренко бастауыш 2 сынып.docx").unlink()
    assert main(["--db", str(db), "--lang", "kk", "import-plans", str(root), "--year", "2026-2027"]) == 0
    out = capsys.readouterr()
    assert out.out.count("бұрын өзгеріссіз") == 4 and "0 импортталды" in out.out
    assert sorted(set(plans(db)) - set(before)) == added


def test_what_is_given_wins_and_an_unknown_teacher_is_refused(
        tmp_path: Path, new_database: Callable[..., str], capsys: pytest.CaptureFixture[str]) -> None:
    db = new_database("x.sqlite3")
    assert main(["--db", str(db), "import", str(SAMPLE)]) == 0
    plan = tmp_path / "план.docx"
    plan.write_bytes(LAYOUTS["generator-kk"].data())
    assert main(["--db", str(db), "--lang", "ru", "import-plans", str(plan), "--year", "2026-2027"]) == 1
    assert "Учитель не распознан" in capsys.readouterr().err
    assert main(["--db", str(db), "import-plans", str(plan), "--year", "2026-2027", "--teacher", "t-02",
                 "--subject", "math", "--grade", "6"]) == 0
    assert ("t-02", "math", 6, "7А", 2) not in plans(db)
    assert any(p[:3] == ("t-02", "math", 6) for p in plans(db))
    assert main(["--db", str(db), "import-plans", str(tmp_path / "nothing"), "--year", "2026-2027"]) == 1


def test_import_plans_has_its_own_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["import-plans", "--help"])
    assert done.value.code == 0
    assert "--dry-run" in capsys.readouterr().out
