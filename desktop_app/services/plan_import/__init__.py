"""Reading a KTP (calendar-thematic plan) from .xlsx, .xls, .docx, .doc or .csv into plan rows; writes nothing.

Teachers make KTPs in Excel or Word in a handful of layouts: a header row with the glossary's
columns in Kazakh or Russian, rows of lessons, term headings merged over the row ("I тоқсан",
"II четверть", "1 четверть") and a section written once and merged down. Every row comes back with
the problems of its cells so that the window can show them before anything is saved
(``PlanService.import_plan``).

Two steps, so that the preview can correct the columns: ``read_table`` gives the file's cells with
the columns it recognised, ``parse_rows`` reads lessons from them with the columns the user chose.
``parse_plan`` does both with the recognised columns.

One job a module: ``tables`` reads a file's cells (and refuses what is not a KTP file), ``old_formats``
those of .xls and .doc files, ``columns`` finds the plan's table, its header (one row, or a group
heading over sub-headings) and which column is which by the headings' words, ``cells`` reads one
cell's value, ``rows`` turns rows into lessons with their problems, ``guess`` reads the plan's details
from the file name and title rows.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.domain.errors import N_
from desktop_app.services.file_tables import EXCEL_EPOCH, MAX_FILE_BYTES, Cell, read_bytes
from desktop_app.services.plan_import.cells import (
    MAX_LESSON_HOURS,
    academic_start_year,
    parse_date,
    parse_hours,
    parse_term,
    split_objectives,
    term_heading,
)
from desktop_app.services.plan_import.columns import FIELDS, HEADERS, PlanTable, detect_columns, read_table
from desktop_app.services.plan_import.guess import PlanGuess, guess_details, hours_per_week
from desktop_app.services.plan_import.rows import ImportedRow, PlanFile, parse_rows
from desktop_app.services.plan_import.tables import (
    HEADER_SEARCH_ROWS,
    MAX_COLUMNS,
    MAX_ROWS,
    PlanFileError,
    decode_text,
    plan_refusal,
    read_tables,
)

__all__ = [
    "EXCEL_EPOCH",
    "FIELDS",
    "HEADERS",
    "HEADER_SEARCH_ROWS",
    "MAX_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_LESSON_HOURS",
    "MAX_ROWS",
    "Cell",
    "ImportedRow",
    "PlanFile",
    "PlanFileError",
    "PlanGuess",
    "PlanTable",
    "academic_start_year",
    "decode_text",
    "detect_columns",
    "guess_details",
    "hours_per_week",
    "parse_date",
    "parse_hours",
    "parse_plan",
    "parse_rows",
    "parse_table",
    "parse_term",
    "read_plan_file",
    "read_table",
    "read_table_file",
    "read_tables",
    "split_objectives",
    "term_heading",
]


def parse_plan(name: str, data: bytes, start_year: int, group: int = 0) -> PlanFile:
    """Every lesson of the file as a plan row with the problems of its cells, read with the columns
    of its header row (nothing is written); a file without a recognised header row is refused.
    ``group``: the class whose dates are read when the file gives one date per class.

    Word tables after the first one with a header row continue it (a KTP split per term or page),
    whether or not they repeat the header."""
    return parse_table(read_table(name, data), start_year, group)


def parse_table(table: PlanTable, start_year: int, group: int = 0) -> PlanFile:
    """``parse_plan`` of a table already read."""
    if table.header is None or ("topic" not in table.columns.values() and "topic" not in table.ambiguous):
        raise plan_refusal(N_("No header row found: a KTP needs columns such as «Сабақтың тақырыбы» / "
                              "«Тема урока», «Сағат саны» / «Количество часов» and «Мерзімі» / «Сроки»"))
    return parse_rows(table, table.columns_for(group), start_year, group=group)


def _read_bytes(path: Path) -> bytes:
    return read_bytes(path, N_("The file is larger than {size} MB; a KTP is much smaller"), PlanFileError)


def read_plan_file(path: Path, start_year: int) -> PlanFile:
    """``parse_plan`` of a file on disk; a too large file is refused before it is read."""
    return parse_plan(path.name, _read_bytes(path), start_year)


def read_table_file(path: Path) -> PlanTable:
    """``read_table`` of a file on disk; a too large file is refused before it is read."""
    return read_table(path.name, _read_bytes(path))
