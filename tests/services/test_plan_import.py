"""KTP import from real .xlsx and .docx files made in the test the way teachers make them."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook  # type: ignore[import-untyped]

from desktop_app.domain.entities import Language
from desktop_app.services import file_tables, plan_import
from desktop_app.services.plan_import import (
    PlanFileError,
    parse_date,
    parse_hours,
    parse_plan,
    read_plan_file,
    split_objectives,
    term_heading,
)

START = 2026  # the academic year 2026-2027

KK_HEADER = ["№", "Бөлім / ортақ тақырып", "Сабақтың\nтақырыбы", "Оқу  мақсаттары", "Сағат саны", "Мерзімі",
             "Ескертпе"]
RU_HEADER = ["№ п/п", "Раздел", "Тема урока", "Цели обучения", "Кол-во часов", "Сроки", "Примечание"]


def xlsx(header: list[str], body: list[list[object]], title_rows: int = 2) -> bytes:
    """A sheet with a title, the header, and the body; a one-cell row of the body starting with a term
    heading is merged over the whole row, as teachers do."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Күнтізбелік-тақырыптық жоспар / Календарно-тематический план"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    for _ in range(title_rows - 1):
        sheet.append([])
    sheet.append(header)
    first_body = sheet.max_row + 1
    for values in body:
        sheet.append(values)
        if len(values) == 1:
            sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row,
                              end_column=len(header))
    # The section is written once and merged down over its lessons (column B).
    section_rows = [first_body + i for i, v in enumerate(body) if len(v) > 1 and v[1]]
    for top in section_rows:
        bottom = top
        while bottom + 1 - first_body < len(body) and len(body[bottom + 1 - first_body]) > 1 \
                and not body[bottom + 1 - first_body][1]:
            bottom += 1
        if bottom > top:
            sheet.merge_cells(start_row=top, start_column=2, end_row=bottom, end_column=2)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def docx_file(header: list[str], body: list[list[str]], split_after: int | None = None) -> bytes:
    """A Word document with a title table (the approval block), then the KTP table; a one-cell row is
    merged over the row; the section cell is merged down; ``split_after`` continues the plan in a
    second table without a header (a KTP split per term)."""
    document = docx.Document()
    document.add_paragraph("КЕЛІСІЛДІ / БЕКІТЕМІН")
    approvals = document.add_table(rows=1, cols=2)
    approvals.cell(0, 0).text = "Келісілді: директордың орынбасары"
    approvals.cell(0, 1).text = "Бекітемін: директор"
    parts = [body] if split_after is None else [body[:split_after], body[split_after:]]
    for number, part in enumerate(parts):
        rows = part if number else [header, *part]
        table = document.add_table(rows=len(rows), cols=len(header))
        for r, values in enumerate(rows):
            if len(values) == 1:
                merged = table.cell(r, 0).merge(table.cell(r, len(header) - 1))
                merged.text = values[0]
                continue
            for c, value in enumerate(values):
                table.cell(r, c).text = value
        for r, values in enumerate(rows):  # merge an empty section cell into the one above
            if r > 1 and len(values) > 1 and not values[1] and len(rows[r - 1]) > 1:
                top = table.cell(r - 1, 1)
                text = top.text
                top.merge(table.cell(r, 1)).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


KK_BODY: list[list[object]] = [
    ["I тоқсан"],
    [1, "1-бөлім. Натурал сандар", "Натурал сандарды оқу", "5.1.1.1 сандарды оқу;\n5.1.1.2 жазу", 1,
     "02.09.2026", ""],
    [2, "", "Сандарды салыстыру", "5.1.1.3", "1", datetime(2026, 9, 4), "БЖБ"],
    [3, "", "Қосу", "5.1.2.1", "0,5", "07.09", None],
    ["II тоқсан"],
    [4, "2-бөлім. Бөлшектер", "Жай бөлшектер", "5.1.2.4", 2, "2026-11-10", ""],
    ["", "", "Барлығы", "", 4.5, "", ""],
]


def test_kazakh_xlsx_with_merged_term_headings_and_sections() -> None:
    parsed = parse_plan("ktp.xlsx", xlsx(KK_HEADER, KK_BODY), START)
    assert parsed.language is Language.KK
    assert parsed.columns == ["number", "section", "topic", "objectives", "hours", "date", "note"]
    assert parsed.importable, parsed.problems
    rows = parsed.plan_rows()
    assert [(r.number, r.term, r.section, r.topic, r.hours, r.date) for r in rows] == [
        (1, 1, "1-бөлім. Натурал сандар", "Натурал сандарды оқу", 1.0, date(2026, 9, 2)),
        (2, 1, "1-бөлім. Натурал сандар", "Сандарды салыстыру", 1.0, date(2026, 9, 4)),
        (3, 1, "1-бөлім. Натурал сандар", "Қосу", 0.5, date(2026, 9, 7)),
        (4, 2, "2-бөлім. Бөлшектер", "Жай бөлшектер", 2.0, date(2026, 11, 10)),
    ]
    assert rows[0].objectives == ["5.1.1.1 сандарды оқу", "5.1.1.2 жазу"]
    assert rows[1].note == "БЖБ" and rows[2].note is None
    assert [r.line for r in parsed.rows] == [5, 6, 7, 9]  # the Excel rows the teacher sees


RU_BODY: list[list[str]] = [
    ["1 четверть"],
    ["1", "Раздел 1. Числа", "Чтение чисел", "5.1.1.1; 5.1.1.2", "1", "02.09.2026", ""],
    ["2", "", "Сравнение чисел", "5.1.1.3", "1", "04.09", "СОР"],
    ["II четверть"],
    ["3", "Раздел 2. Дроби", "Обыкновенные дроби", "5.1.2.4", "2", "10.11.2026", ""],
    ["4", "", "Сложение дробей", "", "", "12.01", ""],
]


def test_russian_docx_with_a_title_table_merged_headings_and_a_split_table() -> None:
    parsed = parse_plan("ktp.docx", docx_file(RU_HEADER, RU_BODY, split_after=3), START)
    assert parsed.language is Language.RU
    assert parsed.importable, parsed.problems
    rows = parsed.plan_rows()
    assert [(r.number, r.term, r.section, r.topic, r.hours, r.date) for r in rows] == [
        (1, 1, "Раздел 1. Числа", "Чтение чисел", 1.0, date(2026, 9, 2)),
        (2, 1, "Раздел 1. Числа", "Сравнение чисел", 1.0, date(2026, 9, 4)),
        (3, 2, "Раздел 2. Дроби", "Обыкновенные дроби", 2.0, date(2026, 11, 10)),
        (4, 2, "Раздел 2. Дроби", "Сложение дробей", 1.0, date(2027, 1, 12)),  # empty hours: 1
    ]
    assert rows[0].objectives == ["5.1.1.1", "5.1.1.2"]
    assert rows[1].note == "СОР"


def test_kazakh_docx_and_russian_xlsx_read_the_same_way() -> None:
    kk = parse_plan("ktp.docx", docx_file(KK_HEADER, [[str(c) if c is not None else "" for c in r]
                                                      for r in KK_BODY[:4]]), START)
    assert kk.language is Language.KK and kk.importable
    assert [(r.term, r.topic, r.hours) for r in kk.plan_rows()] == [
        (1, "Натурал сандарды оқу", 1.0), (1, "Сандарды салыстыру", 1.0), (1, "Қосу", 0.5)]
    ru = parse_plan("ktp.xlsx", xlsx(RU_HEADER, list(RU_BODY)), START)
    assert ru.language is Language.RU and ru.importable
    assert [r.term for r in ru.plan_rows()] == [1, 1, 2, 2]


def test_header_variants_with_line_breaks_case_and_other_names() -> None:
    header = ["№", "РАЗДЕЛ", "Тема\nурока", "Цели   обучения", "Кол-во\nчасов", "Дата", "Прим."]
    parsed = parse_plan("ktp.xlsx", xlsx(header, [["1", "", "Тема", "", "1", "01.09.2026", ""]],
                                         title_rows=4), START)
    assert parsed.columns == ["number", "section", "topic", "objectives", "hours", "date", "note"]
    assert parsed.plan_rows()[0].date == date(2026, 9, 1)
    bilingual = ["№", "Сабақтың тақырыбы / Тема урока", "Сағат саны (количество часов)", "Мерзімі"]
    parsed = parse_plan("ktp.xlsx", xlsx(bilingual, [["1", "Тақырып", "2", "03.09.2026"]]), START)
    assert parsed.columns == ["number", "topic", "hours", "date"]
    assert parsed.plan_rows()[0].hours == 2


def test_bad_cells_are_problems_of_their_row_and_column() -> None:
    body: list[list[object]] = [
        ["I тоқсан"],
        [1, "Бөлім", "Тақырып 1", "", "abc", "31.09.2026", ""],
        [2, "", "", "5.1.1.1", 1, "02.09.2026", ""],
        [3, "", "Тақырып 3", "", -1, "кейін", ""],
    ]
    parsed = parse_plan("ktp.xlsx", xlsx(KK_HEADER, body), START)
    assert not parsed.importable
    found = {(r.line, column, p.message, p.params.get("value")) for r in parsed.rows
             for column, p in r.problems.items()}
    assert found == {
        (5, "hours", "Row {line}: «{value}» is not a number of hours (1, 2 or 0,5)", "abc"),
        (5, "date", "Row {line}: «{value}» is not a date (dd.mm.yyyy or dd.mm)", "31.09.2026"),
        (6, "topic", "Row {line}: the lesson has no topic", None),
        (7, "hours", "Row {line}: «{value}» is not a number of hours (1, 2 or 0,5)", "-1"),
        (7, "date", "Row {line}: «{value}» is not a date (dd.mm.yyyy or dd.mm)", "кейін"),
    }
    problem = parsed.rows[0].problems["date"]
    assert problem.record == "5" and problem.field == "date" and problem.params["line"] == 5
    assert "31.09.2026" in problem.render()


def test_a_text_file_renamed_xlsx_or_docx_is_refused() -> None:
    for name, what in (("ktp.xlsx", "not an Excel workbook"), ("ktp.docx", "not a Word document")):
        with pytest.raises(PlanFileError) as caught:
            parse_plan(name, "№;Тема урока;Часы\n1;Числа;1\n".encode(), START)
        assert caught.value.field == "file" and what in caught.value.render()


def test_a_workbook_renamed_docx_is_refused() -> None:
    with pytest.raises(PlanFileError, match="not a Word document"):
        parse_plan("ktp.docx", xlsx(RU_HEADER, list(RU_BODY)), START)


def _bomb(member: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, "<root/>")
        archive.writestr("payload.xml", b"\0" * (12 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "member", "reader"), [
    ("bomb.xlsx", "xl/workbook.xml", "openpyxl.load_workbook"),
    ("bomb.docx", "word/document.xml", "docx.Document"),
])
def test_a_zip_bomb_is_refused_before_it_is_opened(monkeypatch: pytest.MonkeyPatch, name: str, member: str,
                                                   reader: str) -> None:
    data = _bomb(member)
    assert len(data) < 100_000  # small on disk, 12 MB unpacked: a ratio over a hundred
    monkeypatch.setattr(reader, lambda *a, **k: pytest.fail("a bomb was opened"))
    with pytest.raises(PlanFileError, match="unsafe") as caught:
        parse_plan(name, data, START)
    assert "times its size" in caught.value.render()
    monkeypatch.setattr(file_tables, "MAX_UNPACKED_BYTES", 4 * 1024 * 1024)
    with pytest.raises(PlanFileError, match="more than 4 MB"):
        parse_plan(name, data, START)


def test_oversized_old_and_other_files_are_refused(tmp_path: Path) -> None:
    big = tmp_path / "ktp.xlsx"
    big.write_bytes(b"PK\x03\x04" + b"\0" * (plan_import.MAX_FILE_BYTES + 1))
    with pytest.raises(PlanFileError, match="larger than 10 MB"):
        read_plan_file(big, START)
    with pytest.raises(PlanFileError, match="larger than 10 MB"):
        parse_plan("ktp.docx", big.read_bytes(), START)
    with pytest.raises(PlanFileError, match=r"not a Word 97-2003 document"):
        parse_plan("ktp.doc", b"\xd0\xcf\x11\xe0", START)
    with pytest.raises(PlanFileError, match=r"not an Excel 97-2003 workbook"):
        parse_plan("ktp.xls", b"PK\x03\x04", START)
    with pytest.raises(PlanFileError, match=r"\.xlsx, \.xls, \.docx, \.doc or \.csv"):
        parse_plan("ktp.pdf", b"%PDF-1.4", START)
    with pytest.raises(PlanFileError, match="cannot be read"):
        read_plan_file(tmp_path / "missing.xlsx", START)


def test_a_file_without_a_ktp_header_is_refused() -> None:
    with pytest.raises(PlanFileError, match="No header row") as caught:
        parse_plan("ktp.xlsx", xlsx(["Фамилия", "Имя"], [["Ким", "Ольга"]]), START)
    assert caught.value.field == "file"


def test_term_headings_and_objectives() -> None:
    assert [term_heading(t) for t in ("I тоқсан", "II четверть", "1 четверть", "1-тоқсан", "IV ТОҚСАН (16 сағат)",
                                      "2-я четверть", "3-ші тоқсан", "III  четверть", "Тоқсан", "Раздел 1")] == [
        1, 2, 1, 1, 4, 2, 3, 3, None, None]
    assert split_objectives("5.1.1.1 оқу;\n\n 5.1.1.2 жазу ; - 5.1.1.3") == ["5.1.1.1 оқу", "5.1.1.2 жазу", "5.1.1.3"]


# The cell parsers -----------------------------------------------------------------------------
@given(st.dates(min_value=date(2000, 8, 1), max_value=date(2098, 7, 31)))
def test_every_written_form_of_a_date_reads_back(day: date) -> None:
    start = day.year if day.month >= 8 else day.year - 1
    for text in (day.strftime("%d.%m.%Y"), day.isoformat(), day.strftime("%d.%m"), day.strftime("%d/%m/%Y"),
                 f"{day.day}.{day.month}", day.strftime("%d.%m.%Y ж."), day.strftime("%d.%m.%y")):
        assert parse_date(text, start) == day, text
    assert parse_date(datetime(day.year, day.month, day.day), start) == day
    assert parse_date((day - date(1899, 12, 30)).days, start) == day


@given(st.integers(1, 31), st.integers(1, 12), st.integers(2000, 2100))
def test_a_date_that_does_not_exist_is_a_value_error(day: int, month: int, year: int) -> None:
    try:
        real = date(year, month, day)
    except ValueError:
        with pytest.raises(ValueError):
            parse_date(f"{day:02}.{month:02}.{year}", START)
    else:
        assert parse_date(f"{day:02}.{month:02}.{year}", START) == real


@given(st.text(max_size=20))
@settings(max_examples=300)
def test_the_date_parser_never_fails_otherwise(text: str) -> None:
    try:
        result = parse_date(text, START)
    except ValueError:
        return
    assert result is None or isinstance(result, date)


@given(st.integers(1, 20), st.sampled_from(["", ",5", ".5", ",0"]), st.sampled_from(["", " сағ", " ч.", " ч"]))
def test_hours_as_written(whole: int, fraction: str, unit: str) -> None:
    expected = whole + (0.5 if "5" in fraction else 0)
    if expected > plan_import.MAX_LESSON_HOURS:
        with pytest.raises(ValueError):
            parse_hours(f"{whole}{fraction}{unit}")
        return
    assert parse_hours(f"{whole}{fraction}{unit}") == expected


@given(st.one_of(st.text(max_size=12), st.floats(allow_nan=True), st.integers(), st.none()))
@settings(max_examples=300)
def test_hours_are_positive_and_bounded_or_a_value_error(value: str | float | int | None) -> None:
    try:
        hours = parse_hours(value)
    except ValueError:
        return
    assert 0 < hours <= plan_import.MAX_LESSON_HOURS
    assert parse_hours(None) == parse_hours("") == parse_hours("  ") == 1
    assert parse_hours("0,5") == parse_hours(0.5) == 0.5


@given(st.binary(max_size=400), st.sampled_from(["ktp.xlsx", "ktp.docx"]))
@settings(max_examples=60, deadline=None)
def test_random_bytes_raise_only_the_import_error(data: bytes, name: str) -> None:
    with pytest.raises(PlanFileError):
        parse_plan(name, data, START)


_REAL = {"ktp.xlsx": xlsx(KK_HEADER, KK_BODY), "ktp.docx": docx_file(RU_HEADER, RU_BODY)}


@given(st.sampled_from(sorted(_REAL)), st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8),
       st.integers(0, 10**6))
@settings(max_examples=150, deadline=None)
def test_a_broken_real_file_never_crashes_the_reader(name: str, flips: list[tuple[int, int]], cut: int) -> None:
    """A real KTP with bytes changed or cut off: a PlanFile, or the import error with a message."""
    data = bytearray(_REAL[name])
    for position, value in flips:
        data[position % len(data)] = value
    broken = bytes(data[: max(cut % (len(data) + 1), 1)] if cut % 3 == 0 else data)
    try:
        parsed = parse_plan(name, broken, START)
    except PlanFileError as error:
        assert error.field == "file" and error.render()
        return
    assert all(isinstance(r.row.topic, str) for r in parsed.rows)


def _with_zip_version(data: bytes, version: int) -> bytes:
    """The package with every "version needed to extract" set to ``version`` (as a damaged header)."""
    changed = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 4), (b"PK\x01\x02", 6)):
        start = changed.find(signature)
        while start >= 0:
            changed[start + offset] = version
            start = changed.find(signature, start + 4)
    return bytes(changed)


@pytest.mark.parametrize("name", sorted(n for n in _REAL if not n.endswith(".csv")))
def test_a_package_of_an_unknown_zip_version_is_refused_with_a_message(name: str) -> None:
    """Found by hypothesis: zipfile raises NotImplementedError ("zip file version 6.4")."""
    with pytest.raises(PlanFileError) as refused:
        parse_plan(name, _with_zip_version(_REAL[name], 64), START)
    assert refused.value.field == "file" and refused.value.render()
