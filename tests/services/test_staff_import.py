"""The staff list reader: .xlsx and .csv files made here, bad cells, unsafe files, the import itself."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from desktop_app.domain.entities import Category, LocalizedText, Subject, Teacher
from desktop_app.domain.errors import Rule
from desktop_app.services import file_tables
from desktop_app.services.staff_import import StaffFileError, parse_date, parse_staff, read_staff_file
from tests.services.conftest import SCHOOL, Env

TODAY = date(2026, 11, 27)
SUBJECTS = [Subject("math", LocalizedText("Математика", "Математика")),
            Subject("kazlang", LocalizedText("Қазақ тілі", "Казахский язык")),
            Subject("informatics", LocalizedText("Информатика", "Информатика"))]
KK_HEADER = ["Тегі", "Аты", "Әкесінің аты", "Лауазымы", "Пәндері", "Санаты", "Берілген күні",
             "Педагогикалық жұмыс басталған күн"]
RU_HEADER = ["Фамилия", "Имя", "Отчество", "Должность", "Предметы", "Категория", "Дата присвоения",
             "Начало педагогической деятельности"]


def xlsx(rows: list[list[object]], title: str | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    if title:
        sheet.append([title])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def parse(name: str, data: bytes, existing: list[Teacher] | None = None):  # type: ignore[no-untyped-def]
    return parse_staff(name, data, SUBJECTS, TODAY, existing or [])


def test_a_kazakh_workbook_with_excel_dates() -> None:
    data = xlsx([KK_HEADER,
                 ["Әбенова", "Гүлнар", "Серікқызы", "Математика пәнінің мұғалімі", "математика, ИНФОРМАТИКА",
                  "педагог-сарапшы", datetime(2022, 5, 30), "01.09.2010"],
                 [None] * 8,
                 ["Құрманғали", "Ұлжан", None, "Мұғалім", "Қазақ тілі", "", None, 45170]],
                title="№ 7 мектептің педагогтері")
    result = parse("штат.xlsx", data)
    assert result.importable
    first, second = result.teachers()
    assert first.full_name == "Әбенова Гүлнар Серікқызы"
    assert first.position == LocalizedText(kk="Математика пәнінің мұғалімі")
    assert first.subjects == ["math", "informatics"]
    assert (first.category, first.category_awarded, first.career_start) == \
        (Category.EXPERT, date(2022, 5, 30), date(2010, 9, 1))
    assert second.career_start == date(2023, 9, 1) and second.category is Category.NONE
    assert [r.line for r in result.rows] == [3, 5]  # Excel's row numbers


@pytest.mark.parametrize(("encoding", "delimiter"), [("utf-8", ";"), ("utf-8-sig", ","), ("utf-8-sig", ";")])
def test_a_russian_csv(encoding: str, delimiter: str) -> None:
    lines = [delimiter.join(RU_HEADER),
             delimiter.join(["Ким", "Ольга", "Викторовна", "Учитель", "Математика", "модератор",
                             "2024-03-15", "15.08.2024"])]
    result = parse("staff.csv", "\r\n".join(lines).encode(encoding))
    assert result.importable, [p.render() for r in result.rows for p in r.problems.values()]
    teacher = result.teachers()[0]
    assert teacher.position == LocalizedText(ru="Учитель")
    assert (teacher.category, teacher.category_awarded) == (Category.MODERATOR, date(2024, 3, 15))


def test_bad_cells_are_reported_per_row_and_column() -> None:
    data = xlsx([RU_HEADER,
                 ["", "Ольга", None, None, "Химия", "профессор", "31.02.2020", "2030-01-01"],
                 ["Ким", "Ольга", None, None, None, None, "01.01.2020", None],
                 ["Әбенова", "Гүлнар", "Серікқызы", None, None, None, None, None],
                 ["Ким", "Ольга", None, None, None, "педагог", None, None]])
    result = parse("bad.xlsx", data, [Teacher("t-1", "Әбенова", "Гүлнар", "Серікқызы")])
    assert not result.importable
    first, second, third, fourth = result.rows
    assert set(first.problems) == {"last_name", "subjects", "category", "category_awarded", "career_start"}
    assert "Химия" in first.problems["subjects"].render()
    assert first.problems["category_awarded"].params["line"] == 2
    assert "01.01.2030" in first.problems["career_start"].render()  # a date as paperwork writes it
    assert set(second.problems) == {"category"}  # an award date without a category
    assert "already in the staff list" in third.problems["last_name"].render()
    assert "twice" in fourth.problems["last_name"].render()


def test_a_full_name_column_is_split() -> None:
    result = parse("fio.csv", "ФИО;Должность\nСәрсенова Ұлбосын Маратқызы;Учитель\n".encode())
    assert result.teachers()[0].full_name == "Сәрсенова Ұлбосын Маратқызы"


def test_a_text_file_renamed_xlsx_is_refused() -> None:
    with pytest.raises(StaffFileError) as caught:
        parse("list.xlsx", "Фамилия;Имя\nКим;Ольга\n".encode())
    assert caught.value.field == "file" and "not an Excel workbook" in caught.value.render()


def test_a_zip_that_is_not_a_workbook_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(StaffFileError, match="not an Excel workbook"):
        parse("list.xlsx", buffer.getvalue())


def test_a_zip_bomb_is_refused_before_openpyxl_opens_it(monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (8 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 100_000  # small on disk, 8 MB unpacked
    monkeypatch.setattr(file_tables, "MAX_UNPACKED_BYTES", 4 * 1024 * 1024)
    monkeypatch.setattr("openpyxl.load_workbook", lambda *a, **k: pytest.fail("openpyxl opened a bomb"))
    with pytest.raises(StaffFileError, match="unsafe"):
        parse("bomb.xlsx", data)


def test_files_over_ten_megabytes_and_other_kinds_are_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * (file_tables.MAX_FILE_BYTES + 1))
    with pytest.raises(StaffFileError, match="larger than 10 MB"):
        read_staff_file(big, SUBJECTS, TODAY)
    with pytest.raises(StaffFileError, match=r"\.xlsx"):
        parse("list.xls", b"\xd0\xcf\x11\xe0")
    with pytest.raises(StaffFileError, match=r"\.xlsx or \.csv"):
        parse("list.txt", b"text")
    with pytest.raises(StaffFileError, match="No header row"):
        parse("list.csv", b"a;b\n1;2\n")


@given(st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 12, 31)))
def test_the_date_parser_reads_every_written_form(day: date) -> None:
    assert parse_date(day.strftime("%d.%m.%Y")) == day
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.day}.{day.month}.{day.year} ж.") == day
    assert parse_date((day - date(1899, 12, 30)).days) == day
    assert parse_date(datetime(day.year, day.month, day.day, 0, 0)) == day


@given(st.text(max_size=12))
def test_the_date_parser_never_fails_otherwise(text: str) -> None:
    try:
        result = parse_date(text)
    except (ValueError, OverflowError):
        return
    assert result is None or isinstance(result, date)


def test_import_staff_saves_all_or_nothing(env: Env) -> None:
    admin = env.actor("admin")
    before = len(env.s.teachers.list_teachers(admin, SCHOOL))
    data = xlsx([KK_HEADER, ["Сәрсенова", "Ұлбосын", None, None, "Математика", None, None, None],
                 ["Жұмабаев", "Ерлан", None, None, None, "педагог", "10.05.2021", None]])
    subjects = env.s.teachers.list_subjects(admin, SCHOOL)
    result = parse_staff("staff.xlsx", data, subjects, TODAY, env.s.teachers.list_teachers(admin, SCHOOL, True))
    assert result.importable
    saved = env.s.teachers.import_staff(admin, SCHOOL, result.teachers())
    assert len({t.id for t in saved}) == 2
    assert len(env.s.teachers.list_teachers(admin, SCHOOL)) == before + 2

    broken = [Teacher("", "Ким", "Анна"), Teacher("", "", "Ерлан")]
    env.refused(lambda: env.s.teachers.import_staff(admin, SCHOOL, broken), Rule.VALUE, field="last_name")
    env.denied(lambda: env.s.teachers.import_staff(env.actor("teacher"), SCHOOL, [Teacher("", "Ким", "Анна")]))


def test_dates_far_away_are_a_problem() -> None:
    future = (TODAY + timedelta(days=1)).strftime("%d.%m.%Y")
    result = parse("f.csv", f"Тегі;Аты;Берілген күні;Санаты\nКим;Анна;{future};педагог\n".encode())
    assert set(result.rows[0].problems) == {"category_awarded"}
