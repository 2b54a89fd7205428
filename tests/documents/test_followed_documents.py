"""Issue 18 points 8 and 9 on paper: the work plan with its theme, goal, tasks and the column of
what was done; the year's register of olympiads; printed through the services from a real SQLite
file and read back with pypdf, in Kazakh and Russian."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.cli import main
from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.domain.entities import (
    ItemLink,
    ItemMark,
    ItemState,
    LocalizedText,
    OlympiadKind,
    OlympiadLevel,
    OlympiadOutcome,
    OlympiadResult,
)
from desktop_app.services import Services
from tests.shared_files import SAMPLE

SCHOOL = "school-7"


def flat(data: bytes) -> str:
    text = " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("followed") / "school.sqlite3"
    services = Services.open(str(path))
    try:
        services.exchange.import_document(COMMAND_LINE, SAMPLE.read_bytes())
        with services.db.transaction(write=True) as store:
            body = store.get_association(SCHOOL, "mo-math-26")
            assert body is not None and body.work_plan is not None
            body.work_plan.theme = LocalizedText("Функционалдық сауаттылықты дамыту",
                                                 "Развитие функциональной грамотности")
            body.work_plan.goal = LocalizedText("Сабақ сапасын арттыру", "Повышение качества уроков")
            body.work_plan.tasks = LocalizedText("Өзара сабаққа қатысу", "Взаимопосещение уроков")
            body.work_plan.items[0].mark = ItemMark(ItemState.HELD, date(2026, 8, 28),
                                                    ItemLink("meeting", "m-math-26-1"))
            body.work_plan.items[1].mark = ItemMark(ItemState.MOVED, date(2026, 11, 27), month="2027-01",
                                                    reason="Аттестация")
            store.save_association(SCHOOL, body)
            store.save_olympiad_result(SCHOOL, OlympiadResult(
                "ol-1", "2026-2027", "Әлібекова Айгүл", "9Ә", "math", "t-01", OlympiadLevel.DISTRICT,
                OlympiadKind.OLYMPIAD, OlympiadOutcome.PRIZE, 2, "II кезең", None, date(2026, 11, 20)))
            store.save_olympiad_result(SCHOOL, OlympiadResult(
                "ol-2", "2026-2027", "Ким Алина", "11 Б", "kazlang", "t-08", OlympiadLevel.INTERNATIONAL,
                OlympiadKind.PROJECTS, OlympiadOutcome.CERTIFICATE))
    finally:
        services.close()
    yield path


@pytest.mark.parametrize(("language", "words"), [
    ("kk", ["Әдістемелік тақырып:", "Функционалдық сауаттылықты дамыту", "Мақсаты:", "Міндеттері:",
            "Орындалуы туралы белгі", "Өткізілді: № 1 отырыс, 27.08.2026", "Ауыстырылды", "Аттестация"]),
    ("ru", ["Методическая тема:", "Развитие функциональной грамотности", "Цель:", "Задачи:",
            "Отметка о выполнении", "Проведено: заседание № 1 от 27.08.2026", "Перенесено на январь 2027",
            "Аттестация"]),
])
def test_the_work_plan_prints_its_theme_and_what_was_done(database: Path, language: str, words: list[str]) -> None:
    services = Services.open(str(database))
    try:
        plain = flat(services.documents.work_plan(COMMAND_LINE, SCHOOL, "mo-math-26", language).data)
        done = flat(services.documents.work_plan(COMMAND_LINE, SCHOOL, "mo-math-26", language, done=True).data)
    finally:
        services.close()
    for word in words[:4]:
        assert word in plain and word in done, word
    for word in words[4:]:
        assert word not in plain and word in done, word


@pytest.mark.parametrize(("language", "words"), [
    ("kk", ["ОҚУШЫЛАРДЫҢ ОЛИМПИАДАЛАРЫ МЕН БАЙҚАУЛАРЫНЫҢ ТІЗІЛІМІ", "Әлібекова Айгүл", "9Ә", "аудандық",
            "2 орын", "халықаралық", "қатысушы сертификаты", "Барлығы: 2"]),
    ("ru", ["РЕЕСТР ОЛИМПИАД И КОНКУРСОВ УЧАЩИХСЯ", "Әлібекова Айгүл", "районный", "2 место", "международный",
            "сертификат участника", "Всего: 2"]),
])
def test_the_olympiad_register_prints_every_result(database: Path, tmp_path: Path, language: str,
                                                    words: list[str], monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("METODSOVET_HOME", str(tmp_path / "home"))
    out = tmp_path / "olympiads.pdf"
    assert main(["--db", str(database), "olympiads", "--year", "2026-2027", "--out", str(out),
                 "--lang", language]) == 0
    text = flat(out.read_bytes())
    for word in words:
        assert word in text, (word, text[:400])
    code = capsys.readouterr().out.split()[-1]
    assert code in text
    assert main(["--db", str(database), "verify", code]) == 0


def test_the_workplan_command_prints_the_done_column_on_request(database: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("METODSOVET_HOME", str(tmp_path / "home"))
    texts = []
    for flag in ([], ["--done"]):
        out = tmp_path / "plan.pdf"
        assert main(["--db", str(database), "workplan", "mo-math-26", "--lang", "ru", "--out", str(out), *flag]) == 0
        texts.append(flat(out.read_bytes()))
    assert "Отметка о выполнении" not in texts[0] and "Отметка о выполнении" in texts[1]
