"""The value of one cell of a KTP: a date, hours, learning objectives, a term or a term heading.

Each parser raises ValueError for what it cannot read, so that ``rows`` can report the cell.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from desktop_app.services.file_tables import Cell, cell_text, excel_date, fold

MAX_LESSON_HOURS = 20.0

#: "I тоқсан", "ІІ четверть" (the Kazakh І as a Roman one), "1 четверть", "1-тоқсан", "2-ші тоқсан",
#: "IV тоқсан (16 сағат)", "2-я четверть", "Четверть 3".
_NUMERAL = r"(iv|i{1,3}|[1-4])"
_TERM = re.compile(rf"^\s*{_NUMERAL}\s*(?:-?\s*(?:ш[iі]|шы|ой|ая|я|й))?\s*[-–.]?\s*(?:тоқсан|токсан|четверт[ьи]?|четв)"
                   r"(?![а-яёәғқңөұүһі])"
                   rf"|^\s*(?:тоқсан|токсан|четверть)\s*[-–№:]?\s*{_NUMERAL}\b", re.IGNORECASE)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_DOTTED = re.compile(r"^(\d{1,2})\s*[./]\s*(\d{1,2})\s*(?:[./]\s*(\d{4}|\d{2}))?\s*\.?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
#: A span of days: "05.09-06.09", "05-06.09" (the first day is the lesson's).
_RANGE = re.compile(r"^(\d{1,2}(?:\s*[./]\s*\d{1,2}(?:\s*[./]\s*\d{2,4})?)?)\s*[-–—]\s*(\d{1,2}\s*[./].*)$")
#: Dates of several classes in one cell: "05.09 / 06.09", one per line, or separated by ";" or ",".
_DATES_SPLIT = re.compile(r"\s*[/\n;,]\s*|\s{2,}")
_HOURS = re.compile(r"^(\d{1,3})(?:[.,](\d{1,2}))?\s*(?:сағ(?:ат)?\.?|ч(?:ас(?:а|ов)?)?\.?|h)?$", re.IGNORECASE)


def academic_start_year(day: date) -> int:
    """The calendar year in which the academic year holding ``day`` starts (it starts in August)."""
    return day.year if day.month >= 8 else day.year - 1


def date_parts(text: str) -> list[str]:
    """The dates of several classes written in one cell ("05.09 / 06.09"), else the text itself."""
    parts = [p for p in _DATES_SPLIT.split(text.strip()) if p]
    if len(parts) > 1 and all(_DOTTED.match(p) or _RANGE.match(p) for p in parts):
        return parts
    return [text]


def parse_date(value: Cell, start_year: int, group: int = 0) -> date | None:
    """dd.mm.yyyy, dd.mm.yy, dd.mm (the year from the academic year starting in ``start_year``:
    September to December in it, January to July in the next), yyyy-mm-dd, an Excel date or serial
    number; a span of days ("05.09-06.09", "05-06.09") is its first day; dates of several classes in
    one cell ("05.09 / 06.09") give the ``group``-th one (one date serves every class). None when
    empty; ValueError for anything else, a date that does not exist included."""
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
    parts = date_parts(text)
    if len(parts) > 1:
        if group >= len(parts):
            raise ValueError(text)
        text = parts[group]
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return date(year, month, day)
    match = _RANGE.match(text)
    if match:
        first, last = match.group(1), match.group(2)
        text = first if not first.isdigit() else first + last[re.search(r"[./]", last).start():]  # type: ignore[union-attr]
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
    match = _TERM.match(fold(text).replace("і", "i"))
    if not match:
        return None
    number = (match.group(1) or match.group(2)).lower()
    return _ROMAN.get(number) or int(number)


def parse_term(value: Cell) -> int | None:
    """A term cell: 1-4, I-IV, or a heading such as "II тоқсан"; None when empty; ValueError otherwise."""
    text = fold(cell_text(value))
    if not text:
        return None
    if text in ("1", "2", "3", "4"):
        return int(text)
    if text.replace("і", "i") in _ROMAN:
        return _ROMAN[text.replace("і", "i")]
    term = term_heading(text)
    if term is None:
        raise ValueError(text)
    return term
