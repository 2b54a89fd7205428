"""The document commands of cli.md (and verify) on a database holding the sample school."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.cli import main
from tests.shared_files import SAMPLE


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("METODSOVET_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("METODSOVET_DB", raising=False)
    path = tmp_path / "school.sqlite3"
    assert main(["--db", str(path), "import", str(SAMPLE)]) == 0
    return path


COMMANDS = [
    (["protocol", "m-math-26-1"], "№ 1 ХАТТАМАСЫ"),  # the meeting's language: Kazakh
    (["protocol", "m-math-26-2"], "ПРОТОКОЛ № 2"),
    (["extract", "m-math-26-1", "2"], "№ 1 хаттамасынан ҮЗІНДІ"),
    (["plan", "ktp-alg8-26"], "КАЛЕНДАРНО-ТЕМАТИЧЕСКИЙ ПЛАН"),
    (["plan", "ktp-inf7-26", "--lang", "ru"], "КАЛЕНДАРНО-ТЕМАТИЧЕСКИЙ ПЛАН"),
    (["workplan", "mo-math-25", "--lang", "kk"], "БЕКІТЕМІН"),
    (["register", "mo-math-26", "--lang", "ru", "--school", "school-7"], "ПРОТОКОЛ"),
    (["mentorship", "ment-04", "--lang", "kk"], "Тәлімгер"),
    (["observation", "v-2", "--lang", "ru"], "ЛИСТ НАБЛЮДЕНИЯ УРОКА"),
]


@pytest.mark.parametrize(("args", "expected"), COMMANDS, ids=lambda v: " ".join(v) if isinstance(v, list) else "")
def test_document_commands_write_pdfs(db: Path, tmp_path: Path, args: list[str], expected: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "doc.pdf"
    assert main(["--db", str(db), *args, "--out", str(out)]) == 0
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert expected in text
    code = capsys.readouterr().out.split()[-1]
    assert code in text
    assert main(["--db", str(db), "verify", code]) == 0
    assert code in capsys.readouterr().out


@pytest.mark.parametrize("args", [["protocol", "m-nope"], ["extract", "m-math-26-1", "9"], ["plan", "ktp-nope"],
                                  ["workplan", "mo-nope"], ["mentorship", "nope"], ["observation", "nope"],
                                  ["protocol", "m-math-26-1", "--school", "nope"]])
def test_unknown_ids_are_refused(db: Path, tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "doc.pdf"
    assert main(["--db", str(db), *args, "--out", str(out)]) == 1
    assert not out.exists()
    assert capsys.readouterr().err.strip()


def test_verify_refuses_an_unknown_or_short_code(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db), "verify", "000000000000"]) == 1
    assert main(["--db", str(db), "verify", "abc"]) == 1


@pytest.mark.parametrize(("lang", "term_text"), [("ru", "2 четверть, 2026–2027"), ("kk", "2-тоқсан")])
def test_schedule_writes_the_term_with_its_lessons(db: Path, tmp_path: Path, lang: str, term_text: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "schedule.pdf"
    assert main(["--db", str(db), "schedule", "--year", "2026-2027", "--term", "2", "--out", str(out),
                 "--lang", lang, "--school", "school-7"]) == 0
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())  # cells wrap lines
    assert term_text in text
    assert "Ким В. А." in text and "Қасымов Е. Н." in text  # the teachers of v-1 and v-2 (November)
    code = capsys.readouterr().out.split()[-1]
    assert code in text
    assert main(["--db", str(db), "verify", code]) == 0


def test_schedule_of_an_empty_term_and_refusals(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "schedule.pdf"
    assert main(["--db", str(db), "schedule", "--year", "2026-2027", "--term", "1", "--out", str(out)]) == 0
    assert "Ким В. А." not in " ".join(p.extract_text() for p in PdfReader(out).pages)
    capsys.readouterr()
    for args in (["--year", "2026-2027", "--term", "7"], ["--year", "1999-2000", "--term", "1"]):
        missing = tmp_path / "no.pdf"
        assert main(["--db", str(db), "schedule", *args, "--out", str(missing)]) == 1
        assert not missing.exists() and capsys.readouterr().err.strip()
    with pytest.raises(SystemExit) as stop:
        main(["--db", str(db), "schedule", "--year", "2026-2027", "--out", str(out)])  # --term missing
    assert stop.value.code == 2
    with pytest.raises(SystemExit):
        main(["--lang", "ru", "schedule", "--help"])
    assert "номер четверти" in capsys.readouterr().out


def test_each_document_command_has_its_own_help(capsys: pytest.CaptureFixture[str]) -> None:
    texts = {}
    for command in ("protocol", "extract", "plan", "workplan", "register", "mentorship", "observation"):
        with pytest.raises(SystemExit) as leaving:
            main([command, "--help"])
        assert leaving.value.code == 0
        texts[command] = capsys.readouterr().out
    assert len(set(texts.values())) == len(texts)
    assert "(PDF)" in texts["extract"] and "--out" in texts["plan"]


@pytest.mark.parametrize(("language", "kind"), [("kk", "отырыс хаттамасы"), ("ru", "протокол заседания")])
def test_verify_names_the_kind_in_the_users_language(db: Path, tmp_path: Path, language: str, kind: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "doc.pdf"
    assert main(["--db", str(db), "--lang", language, "protocol", "m-math-26-1", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert kind in printed
    code = printed.split()[-1]
    assert main(["--db", str(db), "--lang", language, "verify", code]) == 0
    assert kind in capsys.readouterr().out
