"""One cell of a KTP row as typed or imported: the term, the hours, the date, and the row messages.

The editor, the import from files and the service read a cell here and refuse it with the same
message; the limits agree with the exchange format (exchange-v1.schema.json: hours more than 0 and
at most 20, terms 1 to 4, a topic not empty). A parser raises ``CellError`` (a ValueError) with
the message; the caller adds the row it names with ``CellError.at``. The editor and a file read the
same text alike: a cell of a file that holds a number is read as the text it shows.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from desktop_app.domain.entities import PlanRow
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.domain.text import fold

#: The bounds of a lesson row (exchange-v1.schema.json, rows.items).
MAX_ROW_HOURS = 20
TERMS = range(1, 5)

#: The row messages, one set for the editor, the import and the service: ``{line}`` is the row the
#: user sees (the editor's row number, or the row of the file).
NO_TOPIC = N_("Row {line}: the lesson has no topic")
NOT_HOURS = N_("Row {line}: «{value}» is not a number of hours (1, 2 or 0,5)")
HOURS_OUT_OF_RANGE = N_("Row {line}: the hours must be more than 0 and at most {high}")
NOT_TERM = N_("Row {line}: «{value}» is not a term (1, 2, 3, 4 or I-IV)")
NOT_DATE = N_("Row {line}: «{value}» is not a date (dd.mm.yyyy or dd.mm)")
#: A date outside a KTP (a staff list) has no school year to give dd.mm its year.
NOT_FULL_DATE = N_("Row {line}: «{value}» is not a date (dd.mm.yyyy)")


class CellError(ValueError):
    """A cell that cannot be read: its column ("term", "hours", "date", "topic"), message and values,
    without the row (the caller knows it)."""

    def __init__(self, column: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.column = column
        self.message = message
        self.params = params

    def at(self, line: int, *, record: str | None = None, field: str | None = None) -> DomainError:
        """The refusal of the cell on row ``line``."""
        return DomainError(Rule.VALUE, self.message, {"line": line, **self.params}, record=record, field=field)


# Terms ----------------------------------------------------------------------------------------
#: "I тоқсан", "ІІ четверть" (the Kazakh І as a Roman one), "1 четверть", "1-тоқсан", "2-ші тоқсан",
#: "IV тоқсан (16 сағат)", "2-я четверть", "Четверть 3".
_NUMERAL = r"(iv|i{1,3}|[1-4])"
_TERM = re.compile(rf"^\s*{_NUMERAL}\s*(?:-?\s*(?:ш[iі]|шы|ой|ая|я|й))?\s*[-–.]?\s*(?:тоқсан|токсан|четверт[ьи]?|четв)"
                   r"(?![а-яёәғқңөұүһі])"
                   rf"|^\s*(?:тоқсан|токсан|четверть)\s*[-–№:]?\s*{_NUMERAL}\b", re.IGNORECASE)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def term_heading(text: str) -> int | None:
    """The term of a heading such as "I тоқсан" or "2 четверть", else None."""
    match = _TERM.match(fold(text).replace("і", "i"))
    if not match:
        return None
    number = (match.group(1) or match.group(2)).lower()
    return _ROMAN.get(number) or int(number)


def parse_term(text: str) -> int | None:
    """1-4, I-IV (also with the Kazakh І), or a heading such as "II тоқсан"; None when empty."""
    folded = fold(text)
    if not folded:
        return None
    if folded in ("1", "2", "3", "4"):
        return int(folded)
    roman = folded.replace("і", "i")
    term = _ROMAN.get(roman) or term_heading(folded)
    if term is None:
        raise CellError("term", NOT_TERM, value=_shown(text))
    return term


# Hours ----------------------------------------------------------------------------------------
_HOURS = re.compile(r"^(\d{1,3})(?:[.,](\d{1,2}))?\s*(?:сағ(?:ат)?\.?|ч(?:ас(?:а|ов)?)?\.?|h)?$", re.IGNORECASE)


def check_hours(hours: float) -> float:
    """More than 0 and at most ``MAX_ROW_HOURS`` (NaN is refused too)."""
    if not 0 < hours <= MAX_ROW_HOURS:
        raise CellError("hours", HOURS_OUT_OF_RANGE, high=MAX_ROW_HOURS)
    return hours


def parse_hours(text: str) -> float:
    """"2", "0,5", "0.5", "1 сағ", "2 часа"; an empty cell is one hour (plans often leave it blank)."""
    value = _shown(text)
    if not value:
        return 1.0
    match = _HOURS.match(value)
    if not match:
        raise CellError("hours", NOT_HOURS, value=value)
    return check_hours(float(f"{match.group(1)}.{match.group(2) or 0}"))


# Dates ----------------------------------------------------------------------------------------
_DOTTED = re.compile(r"^(\d{1,2})\s*[./]\s*(\d{1,2})\s*(?:[./]\s*(\d{4}|\d{2}))?\s*\.?$")
_DASHED = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4}|\d{2})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
#: A span of days: "05.09-06.09", "05-06.09" (the first day is the lesson's).
_RANGE = re.compile(r"^(\d{1,2}(?:\s*[./]\s*\d{1,2}(?:\s*[./]\s*\d{2,4})?)?)\s*[-–—]\s*(\d{1,2}\s*[./].*)$")
#: Dates of several classes in one cell: "05.09 / 06.09", one per line, or separated by ";" or ",".
_DATES_SPLIT = re.compile(r"\s*[/\n;,]\s*|\s{2,}")
_YEAR_WORD = re.compile(r"\s*(ж\.?|жыл|г\.?|год)$")


def academic_start_year(day: date) -> int:
    """The calendar year in which the academic year holding ``day`` starts (it starts in August)."""
    return day.year if day.month >= 8 else day.year - 1


def date_parts(text: str) -> list[str]:
    """The dates of several classes written in one cell ("05.09 / 06.09"), else the text itself."""
    parts = [p for p in _DATES_SPLIT.split(text.strip()) if p]
    if len(parts) > 1 and all(_DOTTED.match(p) or _RANGE.match(p) for p in parts):
        return parts
    return [text]


def parse_date(text: str, start_year: int | None, group: int = 0) -> date | None:
    """dd.mm.yyyy, dd.mm.yy, dd/mm/yyyy, dd-mm-yyyy, yyyy-mm-dd, and dd.mm with the year of the school
    year starting in ``start_year`` (September to December in it, January to July in the next; with
    no school year, as for a staff list, dd.mm is refused). A span of days ("05.09-06.09", "05-06.09")
    is its first day; dates of several classes in one cell ("05.09 / 06.09") give the ``group``-th
    (one date serves every class). None when empty; ``CellError`` for a date that does not exist."""
    value = _shown(text)
    try:
        return _date(_YEAR_WORD.sub("", value).strip(), start_year, group)
    except (ValueError, OverflowError):
        raise not_a_date(value, start_year) from None


def not_a_date(value: str, start_year: int | None) -> CellError:
    """The refusal of a date cell (a KTP's, read with its school year, or a staff list's)."""
    return CellError("date", NOT_DATE if start_year is not None else NOT_FULL_DATE, value=value)


def _date(text: str, start_year: int | None, group: int) -> date | None:
    """The date of ``text``; ValueError when it is not one."""
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
    match = _DASHED.match(text)
    if match:
        return date(_full_year(match.group(3)), int(match.group(2)), int(match.group(1)))
    match = _RANGE.match(text)
    if match:
        first, last = match.group(1), match.group(2)
        separator = re.search(r"[./]", last)
        text = first if not first.isdigit() or separator is None else first + last[separator.start():]
    match = _DOTTED.match(text)
    if not match:
        raise ValueError(text)
    day, month, given = int(match.group(1)), int(match.group(2)), match.group(3)
    if given is not None:
        return date(_full_year(given), month, day)
    if start_year is None:
        raise ValueError(text)
    return date(start_year if month >= 8 else start_year + 1, month, day)


def _full_year(written: str) -> int:
    return 2000 + int(written) if len(written) == 2 else int(written)


def _shown(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


# A whole row ----------------------------------------------------------------------------------
def lesson_errors(row: PlanRow) -> list[CellError]:
    """What the service refuses in a lesson row already read: no topic, hours or a term out of bounds."""
    errors: list[CellError] = []
    if not row.topic.strip():
        errors.append(CellError("topic", NO_TOPIC))
    if row.term is not None and row.term not in TERMS:
        errors.append(CellError("term", NOT_TERM, value=str(row.term)))
    try:
        check_hours(row.hours)
    except CellError as error:
        errors.append(error)
    return errors
