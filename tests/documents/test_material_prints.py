"""Prints of methodical materials (п. 27): the title page with «Қаралды / Рассмотрено» and
«Бекітемін / Утверждаю» (the director, or one acting for her), and the year's register, in both
languages, through the command line, read back with pypdf; every font embedded (pdffonts)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.cli import main
from desktop_app.services.exchange.writing import dumps
from tests.materials_sample import add_materials
from tests.storage.sample import sample_records


def text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("METODSOVET_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("METODSOVET_DB", raising=False)
    records = add_materials(sample_records())
    records.materials[0].acting = True  # signed by the deputy acting for the director
    records.materials[0].approved.by = "t-dep"  # type: ignore[union-attr]
    document = tmp_path / "school.json"
    document.write_text(dumps(records), encoding="utf-8")
    path = tmp_path / "school.sqlite3"
    assert main(["--db", str(path), "import", str(document)]) == 0
    return path


TITLE = {
    "kk": ["ҚАРАЛДЫ", "№ 1 хаттама", "БЕКІТЕМІН", "Директордың м.а.", "2026 жылғы 1 қыркүйек",
           "ЭЛЕКТИВТІ КУРС БАҒДАРЛАМАСЫ", "«Логика әлемі» элективті курсы", "Авторлары:", "Ахметова Г."],
    "ru": ["РАССМОТРЕНО", "протокол № 1 от 27.08.2026", "УТВЕРЖДАЮ", "И.о. директора", "1 сентября 2026",
           "ПРОГРАММА ЭЛЕКТИВНОГО КУРСА", "Элективный курс «Мир логики»", "Авторы:", "Ахметова Г."],
}
REGISTER = {
    "kk": ["ӘДІСТЕМЕЛІК МАТЕРИАЛДАР ТІЗІЛІМІ", "2026–2027", "элективті курс бағдарламасы", "№ 1 хаттама",
           "оң қорытынды", "01.09.2026", "бағалау материалдары", "әлі талқыланбаған", "Барлығы: 2 материал"],
    "ru": ["РЕЕСТР МЕТОДИЧЕСКИХ МАТЕРИАЛОВ", "2026–2027", "программа элективного курса", "протокол № 1 от 27.08.2026",
           "положительное заключение", "01.09.2026", "материалы оценивания", "ещё не обсуждался",
           "Всего: 2 материала"],
}


def in_order(found: str, expected: list[str]) -> None:
    position = 0
    for piece in expected:
        at = found.find(piece, position)
        assert at >= 0, f"{piece!r} not found after {position} in {found!r}"
        position = at + len(piece)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_title_page_and_the_register(db: Path, tmp_path: Path, language: str) -> None:
    title, register = tmp_path / f"title-{language}.pdf", tmp_path / f"register-{language}.pdf"
    assert main(["--db", str(db), "material", "mat-1", "--lang", language, "--out", str(title)]) == 0
    assert main(["--db", str(db), "materials", "--year", "2026-2027", "--lang", language,
                 "--out", str(register)]) == 0
    in_order(text(title), TITLE[language])
    in_order(text(register), REGISTER[language])
    assert "Иванова Т." in text(register)
    if shutil.which("pdffonts"):
        for path in (title, register):
            rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                                  check=True).stdout.splitlines()[2:]
            assert rows and all(row.split()[-5] == "yes" and "LiberationSerif" in row for row in rows), rows


def test_the_printed_code_verifies(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "title.pdf"
    assert main(["--db", str(db), "--lang", "ru", "material", "mat-1", "--out", str(out)]) == 0
    code = capsys.readouterr().out.split()[-1]
    assert main(["--db", str(db), "--lang", "ru", "verify", code]) == 0
    assert "mat-1" in capsys.readouterr().out


def test_an_unknown_material_is_refused_by_name(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db), "--lang", "ru", "material", "mat-404", "--out", str(tmp_path / "x.pdf")]) != 0
    assert "mat-404" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(("language", "expected"), [
    ("kk", ["Талқыланған әдістемелік материалдар:", "«Логика әлемі» элективті курсы", "оң қорытынды"]),
    ("ru", ["Обсуждённые методические материалы:", "Элективный курс «Мир логики»", "положительное заключение"]),
])
def test_the_protocol_lists_the_materials_its_item_discussed(db: Path, tmp_path: Path, language: str,
                                                              expected: list[str]) -> None:
    out = tmp_path / "protocol.pdf"
    assert main(["--db", str(db), "protocol", "m-math-26-1", "--lang", language, "--out", str(out)]) == 0
    in_order(text(out), expected)
