"""Hypothesis feeds the KTP readers (.xlsx, .docx, .csv) random bytes, real files broken by flipped or
cut bytes, and valid files with random cells: they never crash, raise only the import error with a
message, and nothing reaches the database unless the service accepts a whole plan."""

from __future__ import annotations

import io
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from desktop_app.domain.errors import DomainError
from desktop_app.services.file_tables import ImportFileError
from desktop_app.services.plan_import import (
    FIELDS,
    MAX_LESSON_HOURS,
    PlanFile,
    PlanFileError,
    parse_plan,
    parse_rows,
    read_table,
)

from .conftest import SCHOOL, Env
from .test_plan_import import KK_BODY, KK_HEADER, RU_BODY, RU_HEADER, docx_file, xlsx
from .test_plan_import_service import header as header_of

START = 2026
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])


def csv_file(header: list[str], body: list[list[object]], delimiter: str = ";", encoding: str = "utf-8-sig") -> bytes:
    """A .csv as Excel saves one: every row as wide as the header, quotes where needed."""
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in body:
        writer.writerow([("" if v is None else str(v)) for v in row] + [""] * (len(header) - len(row)))
    return buffer.getvalue().encode(encoding, errors="replace")


REAL = {
    "ktp.xlsx": xlsx(KK_HEADER, KK_BODY),
    "ktp.docx": docx_file(RU_HEADER, RU_BODY, split_after=3),
    "ktp.csv": csv_file(RU_HEADER, [list(r) for r in RU_BODY], encoding="cp1251"),
}


def read_safely(name: str, data: bytes) -> PlanFile | None:
    """``parse_plan`` and ``read_table`` + ``parse_rows`` with every column moved: a PlanFile, or
    the import error naming the file with a message; any other exception fails the test."""
    try:
        parsed = parse_plan(name, data, START)
    except PlanFileError as error:
        assert isinstance(error, ImportFileError) and error.field == "file"
        assert error.render() and "{" not in error.render()
        parsed = None
    try:
        table = read_table(name, data)
    except PlanFileError as error:
        assert error.field == "file" and error.render()
        return parsed
    shifted = {column + 1: field for column, field in table.columns.items()}
    for columns in (table.columns, shifted, dict(enumerate(reversed(FIELDS)))):
        try:
            check(parse_rows(table, columns, START))
        except PlanFileError as error:  # more rows than a KTP has
            assert error.field == "file" and error.render()
    if parsed is not None:
        check(parsed)
    return parsed


def check(parsed: PlanFile) -> None:
    """Every problem names a field and renders; a row without problems is a lesson the service takes."""
    for problem in parsed.problems:
        assert isinstance(problem, DomainError) and problem.render()
    for lesson in parsed.rows:
        assert set(lesson.problems) <= set(FIELDS)
        if not lesson.problems and "topic" in parsed.columns:
            assert lesson.row.topic and 0 < lesson.row.hours <= MAX_LESSON_HOURS
        assert lesson.row.term in (None, 1, 2, 3, 4)


@given(st.binary(max_size=600), st.sampled_from(sorted(REAL)))
@FAST
def test_random_bytes_never_crash_a_reader(data: bytes, name: str) -> None:
    parsed = read_safely(name, data)
    if name != "ktp.csv":
        assert parsed is None  # random bytes are never a workbook or a document


@given(st.sampled_from(sorted(REAL)), st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=6),
       st.integers(0, 10**6), st.booleans())
@FAST
def test_a_real_file_with_bytes_flipped_or_cut_off(name: str, flips: list[tuple[int, int]], cut: int,
                                                   truncate: bool) -> None:
    data = bytearray(REAL[name])
    for position, value in flips:
        data[position % len(data)] = value
    broken = bytes(data[: cut % (len(data) + 1)] if truncate else data)
    read_safely(name, broken)


#: What teachers type in cells: Kazakh and Russian letters, digits, dates, separators, quotes, line breaks.
CELL = st.one_of(
    st.text(st.sampled_from(list("әғқңөұүһіӘҒҚҢӨҰҮҺІабвгдеёжзийклмнопрстуфхцчшщъыьэюяIV0123456789"
                                 " .,;:-–/\\\"'\n\t№()")), max_size=24),
    st.sampled_from(["I тоқсан", "II четверть", "3", "0,5", "31.02", "01.09.2026", "2026-13-01", "Барлығы", "Итого",
                     "=SUM(A1:A3)", "", "1-бөлім", "№", "Тема урока", "Сағат саны"]),
)
ROWS = st.lists(st.lists(CELL, min_size=1, max_size=9), min_size=0, max_size=12)


@given(ROWS, st.sampled_from(["ktp.xlsx", "ktp.docx", "ktp.csv"]), st.sampled_from([KK_HEADER, RU_HEADER]))
@FAST
def test_valid_files_with_random_cells(rows: list[list[str]], name: str, header: list[str]) -> None:
    body: list[list[Any]] = [r[: len(header)] for r in rows]
    if name == "ktp.xlsx":
        data = xlsx(header, body)
    elif name == "ktp.docx":
        data = docx_file(header, [[*r, *[""] * (len(header) - len(r))] if len(r) > 1 else r for r in body])
    else:
        data = csv_file(header, body, delimiter=";" if header is RU_HEADER else "\t")
    parsed = read_safely(name, data)
    assert parsed is not None  # the header is there: the file is read, problems or not


@given(ROWS, st.sampled_from(["ktp.xlsx", "ktp.csv"]))
@example([["1", "", "Кіріспе", "", "1", "01.09.2026", ""], ["II тоқсан"], ["2", "", "Цикл", "", "2", "", ""]],
         "ktp.csv")
@example([["1", "", "", "", "1", "01.09.2026", ""]], "ktp.xlsx")
@FAST
def test_through_the_service_only_a_whole_plan_is_written(env: Env, rows: list[list[str]], name: str) -> None:
    """What a careless caller does: read, then hand the rows to the service whatever the problems.
    A file refused, or a plan the service refuses, leaves the database as it was."""
    teacher = env.actor("teacher")
    body: list[list[Any]] = [r[: len(KK_HEADER)] for r in rows]
    data = xlsx(KK_HEADER, body) if name == "ktp.xlsx" else csv_file(KK_HEADER, body)
    assume(data)
    before = env.snapshot()
    try:
        parsed = parse_plan(name, data, START)
    except PlanFileError:
        assert env.snapshot() == before
        return
    assert env.snapshot() == before  # reading writes nothing
    plans_before = env.s.plans.list(teacher, SCHOOL)
    try:
        saved = env.s.plans.import_plan(teacher, SCHOOL, header_of(), parsed.plan_rows())
    except DomainError as error:
        assert error.render()
        assert env.snapshot() == before
        return
    assert parsed.rows and all(r.row.topic.strip() and r.row.hours > 0 for r in parsed.rows)
    assert len(env.s.plans.list(teacher, SCHOOL)) == len(plans_before) + 1
    assert len(env.s.plans.get(teacher, SCHOOL, saved.id).rows) == len(parsed.rows)


@pytest.mark.parametrize("name", sorted(REAL))
def test_the_real_files_read(name: str) -> None:
    parsed = read_safely(name, REAL[name])
    assert parsed is not None and parsed.importable and len(parsed.rows) >= 4
