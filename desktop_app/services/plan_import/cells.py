"""The value of one cell of a KTP file: a date, hours, learning objectives, a term or a term heading.

The text of a cell is read by ``domain.plan_cells`` (the editor reads typed text there too); here
only what a file adds: Excel numbers and dates. Each parser raises ``CellError`` (a ValueError) with
the message, so that ``rows`` can report the cell.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from desktop_app.domain import plan_cells
from desktop_app.domain.plan_cells import (
    MAX_ROW_HOURS,
    NOT_HOURS,
    CellError,
    academic_start_year,
    date_parts,
    term_heading,
)
from desktop_app.services.file_tables import Cell, cell_date, cell_text

MAX_LESSON_HOURS = float(MAX_ROW_HOURS)

__all__ = ["MAX_LESSON_HOURS", "academic_start_year", "date_parts", "parse_date", "parse_hours", "parse_term",
           "split_objectives", "term_heading"]


def parse_date(value: Cell, start_year: int, group: int = 0) -> date | None:
    """dd.mm.yyyy, dd.mm.yy, dd.mm (the year from the academic year starting in ``start_year``),
    yyyy-mm-dd, an Excel date or serial number, a span of days or the dates of several classes
    (``plan_cells.parse_date``); None when empty; ``CellError`` otherwise."""
    return cell_date(value, start_year, group)


def parse_hours(value: Cell) -> float:
    """Hours of a lesson: 1 when empty, "0,5" and "0.5" accepted; ``CellError`` unless more than 0
    and at most ``MAX_ROW_HOURS``. A number is read as the text the cell shows, so that a cell of a
    file and the same text typed in the editor are read alike."""
    if isinstance(value, bool | date | datetime):
        raise CellError("hours", NOT_HOURS, value=cell_text(value))
    return plan_cells.parse_hours(cell_text(value))


def parse_term(value: Cell) -> int | None:
    """A term cell: 1-4, I-IV, or a heading such as "II тоқсан"; None when empty; ``CellError`` otherwise."""
    return plan_cells.parse_term(cell_text(value))


def split_objectives(text: str) -> list[str]:
    """Learning objectives, one per line or separated by semicolons."""
    return [part.strip(" \t•-–") .strip() for part in re.split(r"[\n;]+", text) if part.strip(" \t•-–")]
