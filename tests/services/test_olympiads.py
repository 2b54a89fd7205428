"""Issue 18 point 9: the register of pupils' olympiads and contests through the service on both
backends, its .xlsx import (a real workbook made here, Kazakh letters included) and export, and the
year's summary computed in SQL."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped]

from desktop_app.domain.entities import OlympiadKind, OlympiadLevel, OlympiadOutcome, OlympiadResult
from desktop_app.domain.errors import Rule
from desktop_app.services.olympiad_files import OlympiadFileError
from tests.services.conftest import SCHOOL, Env

YEAR = "2026-2027"


def result(**changes: object) -> OlympiadResult:
    values: dict[str, object] = dict(
        id="", academic_year=YEAR, pupil="Әлібекова Айгүл", class_name="9А", subject="math", teacher="t-01",
        level=OlympiadLevel.DISTRICT, kind=OlympiadKind.OLYMPIAD, outcome=OlympiadOutcome.PRIZE, place=2,
        stage="II кезең", title="Пәндік олимпиада", on=date(2026, 11, 20))
    values.update(changes)
    return OlympiadResult(**values)  # type: ignore[arg-type]


def workbook(path: Path, rows: list[list[object]], header: list[str] | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["Оқушылардың олимпиадаларға қатысуы, 2026-2027 оқу жылы"])
    sheet.append(header or ["Оқушының аты-жөні", "Сынып", "Пән", "Мұғалім", "Деңгейі", "Кезеңі", "Түрі",
                            "Нәтижесі", "Күні"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_save_list_and_summary(env: Env) -> None:
    admin = env.actor("admin")
    first = env.s.olympiads.save(admin, SCHOOL, result())
    assert first.id == "ol-1"
    env.s.olympiads.save(admin, SCHOOL, result(pupil="Петров Иван", teacher="t-02", outcome=OlympiadOutcome.WINNER,
                                               place=None, level=OlympiadLevel.CITY))
    env.s.olympiads.save(admin, SCHOOL, result(pupil="Ким Алина", teacher="t-06", subject="kazlang",
                                               outcome=OlympiadOutcome.PARTICIPANT, place=None))
    assert [r.pupil for r in env.s.olympiads.list(admin, SCHOOL, YEAR)] == [
        "Әлібекова Айгүл", "Петров Иван", "Ким Алина"]
    summary = env.s.olympiads.summary(admin, SCHOOL, YEAR)
    assert summary.total == 3
    assert summary.by_level_outcome == {("district", "prize"): 1, ("city", "winner"): 1,
                                        ("district", "participant"): 1}
    assert summary.by_teacher == {"t-01": (1, 1), "t-02": (1, 1), "t-06": (1, 0)}
    assert summary.by_association["mo-math-26"] == (2, 2)
    assert summary.by_association["mo-kaz-26"] == (1, 0)
    # a teacher sees their own pupils only
    assert [r.pupil for r in env.s.olympiads.list(env.actor("head"), SCHOOL, YEAR)] == ["Әлібекова Айгүл"]


def test_refusals_name_the_field_and_write_nothing(env: Env) -> None:
    admin = env.actor("admin")
    env.refused(lambda: env.s.olympiads.save(admin, SCHOOL, result(class_name="13Б")), Rule.VALUE, "ol-1",
                "class_name")
    env.refused(lambda: env.s.olympiads.save(admin, SCHOOL, result(place=None)), Rule.VALUE, "ol-1", "place")
    env.refused(lambda: env.s.olympiads.save(admin, SCHOOL, result(outcome=OlympiadOutcome.WINNER)),
                Rule.VALUE, "ol-1", "place")
    env.refused(lambda: env.s.olympiads.save(admin, SCHOOL, result(on=date(2027, 8, 5))), Rule.VALUE, "ol-1", "on")
    env.refused(lambda: env.s.olympiads.save(admin, SCHOOL, result(teacher="t-99")), Rule.REFERENCE, "ol-1",
                "teacher")
    for key in ("head", "teacher", "director", "viewer"):
        env.denied(lambda key=key: env.s.olympiads.save(env.actor(key), SCHOOL, result()))


def test_import_of_an_xlsx_with_kazakh_headers_and_its_export_read_back(env: Env, tmp_path: Path) -> None:
    admin = env.actor("admin")
    path = workbook(tmp_path / "олимпиада.xlsx", [
        ["Әлібекова Айгүл", "9Ә", "Математика", "Әбенова Г. С.", "аудандық", "II кезең", "олимпиада", "1 орын",
         date(2026, 11, 20)],
        ["Иванов Пётр", "11 Б", "Қазақ тілі", "Үсенова", "облыстық", None, "ғылыми жобалар", "қатысушы", None],
        ["Сейітқали Нұрасыл", "7В", "Информатика", "Ким Виктория Андреевна", "Республиканский", "", "Конкурс",
         "Победитель", "05.12.2026"],
    ])
    parsed = env.s.olympiads.read_file(admin, SCHOOL, YEAR, path)
    assert parsed.importable, [p.render() for p in parsed.problems]
    saved = env.s.olympiads.import_results(admin, SCHOOL, parsed.results())
    assert [(r.pupil, r.class_name, r.subject, r.teacher, r.level, r.kind, r.outcome, r.place) for r in saved] == [
        ("Әлібекова Айгүл", "9Ә", "math", "t-01", OlympiadLevel.DISTRICT, OlympiadKind.OLYMPIAD,
         OlympiadOutcome.PRIZE, 1),
        ("Иванов Пётр", "11 Б", "kazlang", "t-08", OlympiadLevel.REGIONAL, OlympiadKind.PROJECTS,
         OlympiadOutcome.PARTICIPANT, None),
        ("Сейітқали Нұрасыл", "7В", "informatics", "t-05", OlympiadLevel.REPUBLICAN, OlympiadKind.CONTEST,
         OlympiadOutcome.WINNER, None),
    ]
    assert saved[2].on == date(2026, 12, 5)
    for language in ("kk", "ru"):
        data = env.s.olympiads.xlsx(admin, SCHOOL, YEAR, language)
        sheet = load_workbook(BytesIO(data)).active
        assert sheet.cell(2, 1).value == "Әлібекова Айгүл"
        exported = tmp_path / f"export-{language}.xlsx"
        exported.write_bytes(data)
        again = env.s.olympiads.read_file(admin, SCHOOL, YEAR, exported)
        assert again.importable, [p.render() for p in again.problems]
        assert [(r.pupil, r.subject, r.teacher, r.level, r.kind, r.outcome, r.place, r.on) for r in again.results()] \
            == [(r.pupil, r.subject, r.teacher, r.level, r.kind, r.outcome, r.place, r.on) for r in saved]


def test_a_file_with_a_bad_row_imports_nothing_and_names_the_row(env: Env, tmp_path: Path) -> None:
    admin = env.actor("admin")
    path = workbook(tmp_path / "bad.xlsx", [
        ["Әлібекова Айгүл", "9Ә", "Математика", "Әбенова Г. С.", "аудандық", "", "", "1 орын", None],
        ["Иванов Пётр", "14", "Химия", "Сидоров", "галактический", "", "", "4 орын", "32.13.2026"],
    ])
    parsed = env.s.olympiads.read_file(admin, SCHOOL, YEAR, path)
    assert not parsed.importable
    assert parsed.rows[0].problems == {}
    assert set(parsed.rows[1].problems) == {"subject", "teacher", "level", "outcome", "on"}
    assert all(p.params["line"] == 4 for p in parsed.rows[1].problems.values())
    assert "«Химия»" in parsed.rows[1].problems["subject"].render()
    # the service itself refuses a bad line and keeps nothing of the good one
    good = parsed.rows[0].result
    env.refused(lambda: env.s.olympiads.import_results(admin, SCHOOL, [good, result(class_name="14")]),
                Rule.VALUE, "ol-2", "class_name")
    assert env.s.olympiads.list(admin, SCHOOL, YEAR) == []


def test_files_that_are_not_a_register_are_refused(env: Env, tmp_path: Path) -> None:
    admin = env.actor("admin")
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"not a workbook")
    no_header = workbook(tmp_path / "noheader.xlsx", [["a", "b"]], header=["Аты", "Жасы"])
    for path in (fake, no_header, tmp_path / "list.csv"):
        if not path.exists():
            path.write_text("a;b\n")
        with pytest.raises(OlympiadFileError):
            env.s.olympiads.read_file(admin, SCHOOL, YEAR, path)
