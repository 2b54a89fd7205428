"""The annual analysis printed (issue 20 point 3), kk and ru: read back with pypdf and poppler — the
figures of the school built in the test, the charts' labels, the texts, margins, fonts; and the CLI."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop_app.cli import main
from desktop_app.documents.analysis_tables import analysis_tables
from desktop_app.domain.accounts import Actor, Role
from desktop_app.services import Services
from desktop_app.storage.database import Database
from tests.analysis_school import SCHOOL, YEAR, build
from tests.documents.layout import HAVE_POPPLER, outside_margins, read_pages

ADMIN = Actor("zavuch", Role.ADMINISTRATOR, SCHOOL, "dep")
DIRECTOR = Actor("director", Role.DIRECTOR, SCHOOL, "dir")


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Services]]:
    path = tmp_path_factory.mktemp("analysis") / "school.sqlite3"
    db = Database.open(path)
    build(db)
    services = Services(db, clock=lambda: datetime(2027, 5, 25, 9, tzinfo=UTC))
    paper = services.analysis.paper(ADMIN, SCHOOL, YEAR)
    services.analysis.save(ADMIN, SCHOOL, replace(paper.analysis, conclusions="Жоспар негізінен орындалды.",
                                                  tasks="Ашық сабақтарды көбейту."))
    services.analysis.approve(DIRECTOR, SCHOOL, YEAR)
    try:
        yield path, services
    finally:
        db.close()


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_paper_holds_the_figures_charts_and_texts(school: tuple[Path, Services], language: str) -> None:
    _path, services = school
    data, check, printed = services.analysis.pdf(ADMIN, SCHOOL, YEAR, language=language)
    assert (printed, check.kind, check.record) == (language, "analysis", f"an-{YEAR}-school")
    text = " ".join(_text(data).split())
    titles = {"kk": ("ӘДІСТЕМЕЛІК ЖҰМЫСТЫҢ ТАЛДАУЫ", "Педагогтердің сапалық құрамы", "Педагогтер санаттар бойынша",
                     "Математика ӘБ 3 3 2 1", "Жиыны 5 4 3 2", "1 қыркүйек", "БЕКІТЕМІН"),
              "ru": ("АНАЛИЗ МЕТОДИЧЕСКОЙ РАБОТЫ", "Качественный состав педагогов", "Педагоги по категориям",
                     "МО математики 3 3 2 1", "Итого 5 4 3 2", "1 сентября", "УТВЕРЖДАЮ")}[language]
    for expected in titles:
        assert expected in text, expected
    ktp = {"kk": "Жоспарлар 6 Тапсырылды 5 Ескертулермен қайтарылды 2 Келісілді 3 Бекітілді 3 1 қыркүйекке дейін 2 "
                 "Кешіккен 1",
           "ru": "Планы 6 Сдано 5 Возвращено с замечаниями 2 Согласовано 3 Утверждено 3 До 1 сентября 2 "
                 "С опозданием 1"}[language]
    assert ktp in text  # KTPs: all, submitted, returned, agreed, approved, on time, late
    assert "Жоспар негізінен орындалды." in text and "Ашық сабақтарды көбейту." in text
    assert "А. Директорова" in text
    assert check.code in text
    found = services.documents.verify(ADMIN, check.code)
    assert [(m.check.kind, m.check.record) for m in found] == [("analysis", f"an-{YEAR}-school")]


@pytest.mark.skipif(not HAVE_POPPLER, reason="poppler-utils not installed")
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_within_the_margins_with_embedded_serif_fonts(school: tuple[Path, Services], language: str,
                                                      tmp_path: Path) -> None:
    services = school[1]
    data = services.analysis.pdf(ADMIN, SCHOOL, YEAR, "math", language)[0]
    pages = read_pages(data)
    paper = services.analysis.paper(ADMIN, SCHOOL, YEAR, "math")
    headings = {t.title for t in analysis_tables(paper.figures, paper.names(language), language)}
    for number, page in enumerate(pages, start=1):
        assert not outside_margins(page), f"p.{number}: {[w.text for w in outside_margins(page)[:5]]}"
        if number < len(pages):  # a heading never ends a page
            assert page.body[-1].text not in headings, f"p.{number} ends with {page.body[-1].text}"
    assert len(pages[-1].body) > 4  # the last page is not the verification block alone
    path = tmp_path / "analysis.pdf"
    path.write_bytes(data)
    report = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    for row in report.splitlines()[2:]:
        assert "LiberationSerif" in row or "DejaVuSerif" in row, row
        assert row.split()[-5] == "yes", row


def test_the_command_line_writes_the_paper_and_the_workbook(school: tuple[Path, Services], tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = school[0]
    pdf, xlsx = tmp_path / "analysis.pdf", tmp_path / "analysis.xlsx"
    assert main(["--db", str(path), "--lang", "ru", "analysis", "--year", YEAR, "--association", "lang",
                 "--out", str(pdf)]) == 0
    assert "МО языков" in _text(pdf.read_bytes())
    assert main(["--db", str(path), "--lang", "ru", "analysis", "--year", YEAR, "--out", str(xlsx)]) == 0
    sheet = load_workbook(xlsx).worksheets[1]
    assert [c.value for c in sheet[2]] == [6, 5, 2, 3, 3, 2, 1]
    assert main(["--db", str(path), "analysis", "--year", YEAR, "--out", str(tmp_path / "a.doc")]) == 2
    assert main(["--db", str(path), "analysis", "--year", "1999-2000", "--out", str(pdf)]) == 1
    assert "1999-2000" in capsys.readouterr().err


def test_pages_look_right(school: tuple[Path, Services], tmp_path: Path) -> None:
    """Pages rendered for a person to look at (kept in /tmp/analysis-pages when it exists)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils not installed")
    target = Path("/tmp/analysis-pages")
    folder = target if target.is_dir() else tmp_path
    for language in ("kk", "ru"):
        data = school[1].analysis.pdf(ADMIN, SCHOOL, YEAR, language=language)[0]
        (folder / f"{language}.pdf").write_bytes(data)
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(folder / f"{language}.pdf"),
                        str(folder / language)], check=True)
    assert list(folder.glob("kk*.png")) and list(folder.glob("ru*.png"))
