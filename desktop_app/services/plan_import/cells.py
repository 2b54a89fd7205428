"""The value of one cell of a KTP: a date, hours, learning objectives, a term or a term heading.

Each parser raises ValueError for what it cannot read, so that ``rows`` can report the cell.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from desktop_app.services.file_tables import Cell, cell_text, excel_date, fold

MAX_LESSON_HOURS = 20.0

#: "I тоқсан", "II четверть", "1 четверть", "1-тоқсан", "IV тоқсан (16 сағат)", "2-я четверть".
_TERM = re.compile(r"^\s*(iv|i{1,3}|[1-4])\s*(?:-?\s*(?:ші|шы|ой|я|й))?\s*[-–.]?\s*(тоқсан|токсан|четверть)",
                   re.IGNORECASE)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_DOTTED = re.compile(r"^(\d{1,2})\s*[./]\s*(\d{1,2})\s*(?:[./]\s*(\d{4}|\d{2}))?\s*\.?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_HOURS = re.compile(r"^(\d{1,3})(?:[.,](\d{1,2}))?\s*(?:сағ(?:ат)?\.?|ч(?:ас(?:а|ов)?)?\.?|h)?$", re.IGNORECASE)


def academic_start_year(day: date) -> int:
    """The calendar year in which the academic year holding ``day`` starts (it starts in August)."""
    return day.year if day.month >= 8 else day.year - 1


def parse_date(value: Cell, start_year: int) -> date | None:
    """dd.mm.yyyy, dd.mm.yy, dd.mm (the year from the academic year starting in ``start_year``:
    September to December in it, January to July in the next), yyyy-mm-dd, an Excel date or serial
    number; None when empty; ValueError for anything else, a date that does not exist included."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        return excel_date(value)
    text = unicodedata.normalize("NFC", str(value)).strip()
    text = re.sub(r"\s*(ж\.?|жыл|г\.?|год)$", "", text).strip()
    if not text:
        return None
    match = _DOTTED.match(text)
    if match:
        day, month = int(match.group(1)), int(match.group(2))
        given = match.group(3)
        if given is None:
            year = start_year if month >= 8 else start_year + 1
        elif len(given) == 2:
            year = 2000 + int(given)
        else:
            year = int(given)
        return date(year, month, day)
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return date(year, month, day)
    raise ValueError(text)


def parse_hours(value: Cell) -> float:
    """Hours of a lesson: 1 when empty, "0,5" and "0.5" accepted; ValueError unless more than 0
    and at most ``MAX_LESSON_HOURS``."""
    if value is None:
        return 1.0
    if isinstance(value, bool | date | datetime):
        raise ValueError(value)
    if isinstance(value, int | float):
        hours = float(value)
    else:
        text = unicodedata.normalize("NFC", str(value)).strip()
        if not text:
            return 1.0
        match = _HOURS.match(text)
        if not match:
            raise ValueError(text)
        hours = float(f"{match.group(1)}.{match.group(2) or 0}")
    if not 0 < hours <= MAX_LESSON_HOURS:  # also refuses NaN
        raise ValueError(value)
    return hours


def split_objectives(text: str) -> list[str]:
    """Learning objectives, one per line or separated by semicolons."""
    return [part.strip(" \t•-–") .strip() for part in re.split(r"[\n;]+", text) if part.strip(" \t•-–")]


def term_heading(text: str) -> int | None:
    """The term of a heading such as "I тоқсан" or "2 четверть", else None."""
    match = _TERM.match(fold(text))
    if not match:
        return None
    number = match.group(1).lower()
    return _ROMAN.get(number) or int(number)


def parse_term(value: Cell) -> int | None:
    """A term cell: 1-4, I-IV, or a heading such as "II тоқсан"; None when empty; ValueError otherwise."""
    text = fold(cell_text(value))
    if not text:
        return None
    if text in ("1", "2", "3", "4"):
        return int(text)
    if text in _ROMAN:
        return _ROMAN[text]
    term = term_heading(text)
    if term is None:
        raise ValueError(text)
    return term
