"""Reading a KTP (calendar-thematic plan) from .xlsx or .docx into plan rows; writes nothing.

Teachers make KTPs in Excel or Word in a handful of layouts: a header row with the glossary's
columns in Kazakh or Russian (№, бөлім / раздел, сабақтың тақырыбы / тема урока, оқу мақсаттары /
цели обучения, сағат саны / количество часов, мерзімі / сроки, ескертпе / примечание), rows of
lessons, term headings merged over the row ("I тоқсан", "II четверть", "1 четверть") and a section
written once and merged down. Every row comes back with the problems of its cells so that the
window can show them before anything is saved (``PlanService.import_plan``).
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from desktop_app.domain.entities import Language, PlanRow
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.services.staff_import import (
    MAX_FILE_BYTES,
    ImportFileError,
    check_package,
    fold,
    refuse,
)

MAX_ROWS = 1000
HEADER_SEARCH_ROWS = 15
MAX_LESSON_HOURS = 20.0
EXCEL_EPOCH = date(1899, 12, 30)

FIELDS = ("number", "section", "topic", "objectives", "hours", "date", "note")

#: Column headers as teachers write them (Kazakh, Russian), folded; the first listed field wins.
HEADERS: dict[str, tuple[str, ...]] = {
    "number": ("№", "№ п/п", "№ р/с", "р/с №", "р/с", "реті", "n", "no", "номер", "№ сабақ", "№ урока"),
    "section": ("бөлім", "бөлімі", "бөлім атауы", "бөлім / ортақ тақырып", "бөлім/ортақ тақырып",
                "бөлім, ортақ тақырып", "ортақ тақырып", "ұзақ мерзімді жоспар бөлімі", "раздел",
                "разделы", "раздел / сквозная тема", "раздел/сквозная тема", "раздел, сквозная тема",
                "сквозная тема", "раздел долгосрочного плана", "название раздела"),
    "topic": ("сабақтың тақырыбы", "сабақ тақырыбы", "тақырыбы", "тақырып", "сабақтың тақырыптары",
              "тема урока", "темы уроков", "тема", "тема занятия"),
    "objectives": ("оқу мақсаттары", "оқу мақсаты", "оқыту мақсаттары", "цели обучения", "цель обучения",
                   "цели"),
    "hours": ("сағат саны", "сағ. саны", "сағат", "сағ", "сағаты", "количество часов", "кол-во часов",
              "кол. часов", "кол-во час.", "количество", "часы", "часов", "часы (кол-во)"),
    "date": ("мерзімі", "күні", "мерзімі / күні", "мерзімі/күні", "өткізу мерзімі", "сроки", "дата",
             "срок", "сроки / дата", "сроки/дата", "сроки проведения", "дата проведения"),
    "note": ("ескертпе", "ескерту", "примечание", "примечания", "прим."),
}
_LOOKUP = {fold(h): f for f, names in HEADERS.items() for h in names}
#: Longest first, so "сағат саны" is tried before "сағат" when a header cell says more.
_PREFIXES = sorted(_LOOKUP, key=len, reverse=True)
_KAZAKH = re.compile("[әғқңөұүһі]")

#: "I тоқсан", "II четверть", "1 четверть", "1-тоқсан", "IV тоқсан (16 сағат)", "2-я четверть".
_TERM = re.compile(r"^\s*(iv|i{1,3}|[1-4])\s*(?:-?\s*(?:ші|шы|ой|я|й))?\s*[-–.]?\s*(тоқсан|токсан|четверть)",
                   re.IGNORECASE)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
#: "Барлығы", "Итого", "Всего": a total line, not a lesson.
_TOTAL = re.compile(r"^(барлығы|барлыгы|жиыны|итого|всего)\b", re.IGNORECASE)

Cell = str | int | float | date | datetime | None


class PlanFileError(ImportFileError):
    """The KTP file as a whole is refused (too large, not what it is named, no header row)."""


@dataclass
class ImportedRow:
    """One lesson of the file: ``line`` is the row the user sees (the Excel row, or the table's row
    in Word counted over the plan's tables); ``problems`` are keyed by the field of the cell."""

    line: int
    row: PlanRow
    texts: dict[str, str]
    problems: dict[str, DomainError] = field(default_factory=dict)


@dataclass
class PlanFile:
    rows: list[ImportedRow]
    #: The fields found in the header row, in the order of ``FIELDS``.
    columns: list[str]
    #: Kazakh headers found: the plan is likely in Kazakh.
    language: Language

    @property
    def problems(self) -> list[DomainError]:
        return [p for r in self.rows for p in r.problems.values()]

    @property
    def importable(self) -> bool:
        return bool(self.rows) and not self.problems

    def plan_rows(self) -> list[PlanRow]:
        return [r.row for r in self.rows]


def _refuse(message: str, **params: object) -> ImportFileError:
    return refuse(message, PlanFileError, **params)


# Cells ----------------------------------------------------------------------------------------
_DOTTED = re.compile(r"^(\d{1,2})\s*[./]\s*(\d{1,2})\s*(?:[./]\s*(\d{4}|\d{2}))?\s*\.?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")


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
        serial = float(value)
        if serial != int(serial) or not 1 <= serial <= 2958465:
            raise ValueError(value)
        return EXCEL_EPOCH + timedelta(days=int(serial))
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


_HOURS = re.compile(r"^(\d{1,3})(?:[.,](\d{1,2}))?\s*(?:сағ(?:ат)?\.?|ч(?:ас(?:а|ов)?)?\.?|h)?$", re.IGNORECASE)


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


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unicodedata.normalize("NFC", str(value)).strip()


# Reading the file -----------------------------------------------------------------------------
@dataclass
class _Table:
    """Cells of one sheet or Word table; ``spans[r]`` holds the columns that continue a cell merged
    from their left (so a heading merged over the row is told from a row with one filled cell)."""

    rows: list[list[Cell]]
    spans: list[set[int]]
    first_line: int = 1


def read_tables(name: str, data: bytes) -> list[_Table]:
    """The sheets of an .xlsx or the tables of a .docx; refuses what is not such a file."""
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(N_("the file is larger than {size} MB; a KTP is much smaller"),
                      size=MAX_FILE_BYTES // (1024 * 1024))
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        return _xlsx_tables(data)
    if suffix == ".docx":
        return _docx_tables(data)
    if suffix in (".xls", ".doc"):
        raise _refuse(N_("old Office files (.xls, .doc) are not read; save the KTP as .xlsx or .docx"))
    raise _refuse(N_("a KTP is read from .xlsx or .docx files"))


def _xlsx_tables(data: bytes) -> list[_Table]:
    not_workbook = _refuse(N_("the file is not an Excel workbook (.xlsx), though it is named so"))
    check_package(data, "xl/workbook.xml", not_workbook)
    from openpyxl import load_workbook  # type: ignore[import-untyped]  # only here: a fast start

    try:
        # Not read-only: the merged ranges are needed for the term headings.
        workbook = load_workbook(io.BytesIO(data), data_only=True)
        tables = []
        for sheet in workbook.worksheets:
            rows: list[list[Cell]] = []
            for row in sheet.iter_rows(values_only=True):
                rows.append([c if isinstance(c, str | int | float | date) or c is None else str(c)
                             for c in row])
                if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                    break
            spans: list[set[int]] = [set() for _ in rows]
            for merged in sheet.merged_cells.ranges:
                for r in range(merged.min_row, min(merged.max_row, len(rows)) + 1):
                    spans[r - 1].update(range(merged.min_col, merged.max_col))  # 0-based: all but the first
            tables.append(_Table(rows, spans))
        workbook.close()
        return tables
    except Exception as error:  # openpyxl raises many kinds on a broken workbook
        raise not_workbook from error


def _docx_tables(data: bytes) -> list[_Table]:
    not_document = _refuse(N_("the file is not a Word document (.docx), though it is named so"))
    check_package(data, "word/document.xml", not_document,
                  N_("the document unpacks to more than {size} MB; it is refused as unsafe"))
    import docx  # only here: a fast start

    try:
        document = docx.Document(io.BytesIO(data))
        tables = []
        count = 0
        for table in document.tables:
            rows: list[list[Cell]] = []
            spans: list[set[int]] = []
            for row in table.rows:
                cells = row.cells  # a merged cell is repeated over the columns it spans
                rows.append([cell.text for cell in cells])
                spans.append({i for i in range(1, len(cells)) if cells[i]._tc is cells[i - 1]._tc})
                count += 1
                if count > MAX_ROWS + HEADER_SEARCH_ROWS:
                    break
            tables.append(_Table(rows, spans))
        return tables
    except Exception as error:  # python-docx raises many kinds on a broken document
        raise not_document from error


# Parsing --------------------------------------------------------------------------------------
def _field_of(text: str) -> str | None:
    name = fold(text)
    if not name:
        return None
    if name in _LOOKUP:
        return _LOOKUP[name]
    for prefix in _PREFIXES:  # "Сағат саны (количество часов)", "Тема урока / Сабақтың тақырыбы"
        if name.startswith(prefix) and not name[len(prefix):len(prefix) + 1].isalnum():
            return _LOOKUP[prefix]
    return None


def _header(rows: Sequence[Sequence[Cell]]) -> tuple[int, dict[int, str], bool] | None:
    """The header row's index, its columns' fields, and whether the headers are Kazakh."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[int, str] = {}
        kazakh = False
        for column, cell in enumerate(row):
            text = _text(cell)
            found = _field_of(text)
            if found is not None and found not in columns.values():
                columns[column] = found
                kazakh = kazakh or bool(_KAZAKH.search(fold(text)))
        found_fields = set(columns.values())
        if "topic" in found_fields and len(found_fields) >= 3:
            return index, columns, kazakh
    return None


def parse_plan(name: str, data: bytes, start_year: int) -> PlanFile:
    """Every lesson of the file as a plan row with the problems of its cells (nothing is written).

    ``start_year`` is the calendar year the plan's academic year starts in (dd.mm dates take theirs
    from it). Word tables after the first one with a header row continue it (a KTP split per term
    or page), whether or not they repeat the header."""
    tables = read_tables(name, data)
    parsed: list[ImportedRow] = []
    columns: dict[int, str] | None = None
    kazakh = False
    state = _State()
    line_base = 0
    width = 0
    for table in tables:
        start = -1
        header = _header(table.rows)
        table_width = max((len(r) for r in table.rows), default=0)
        if header is not None:
            start, columns, kazakh_here = header
            kazakh = kazakh or kazakh_here
            width = table_width
        elif columns is None or table_width != width:
            line_base += len(table.rows)
            continue  # a title page or signature table, not the plan
        for index in range(start + 1, len(table.rows)):
            line = (index + 1) if not _is_docx(name) else line_base + index + 1
            row = _row(line, table.rows[index], table.spans[index], columns, start_year, state)
            if row is not None:
                if len(parsed) >= MAX_ROWS:
                    raise _refuse(N_("the KTP has more than {count} rows"), count=MAX_ROWS)
                parsed.append(row)
        line_base += len(table.rows)
        if not _is_docx(name):
            break
    if columns is None:
        raise _refuse(N_("no header row found: a KTP needs columns such as «Сабақтың тақырыбы» / "
                         "«Тема урока», «Сағат саны» / «Количество часов» and «Мерзімі» / «Сроки»"))
    found = set(columns.values())
    return PlanFile(parsed, [f for f in FIELDS if f in found], Language.KK if kazakh else Language.RU)


def _is_docx(name: str) -> bool:
    return Path(name).suffix.lower() == ".docx"


@dataclass
class _State:
    """What carries down the rows: the term of the last heading and the section."""

    term: int | None = None
    section: str | None = None
    number: int = 0


def _row(line: int, cells: Sequence[Cell], spans: set[int], columns: dict[int, str], start_year: int,
         state: _State) -> ImportedRow | None:
    texts_in_row = [_text(c) for c in cells]
    filled = [i for i, t in enumerate(texts_in_row) if t and i not in spans]
    if not filled:
        return None
    if len(filled) == 1:
        only = texts_in_row[filled[0]]
        term = term_heading(only)
        if term is not None:
            state.term = term
            return None
        merged_over = filled[0] + 1 in spans
        if merged_over and not _TOTAL.match(fold(only)):
            state.section = only  # a section written over the whole row
            return None
    values = {f: cells[c] for c, f in columns.items() if c < len(cells) and c not in spans}
    texts = {f: _text(v) for f, v in values.items()}
    if _TOTAL.match(fold(" ".join(texts.values()))) or _TOTAL.match(fold(texts_in_row[filled[0]])):
        return None
    if not any(texts.get(f) for f in ("topic", "objectives", "date", "note")):
        if texts.get("section"):
            state.section = texts["section"]  # a section on a row of its own
        return None  # a numbered but empty row of a template
    if all(_field_of(t) == f for f, t in texts.items() if t):
        return None  # the header repeated (a Word table over several pages)
    numbers = [t for t in texts_in_row if t]
    if all(t.isdigit() for t in numbers) and [int(t) for t in numbers] == list(range(1, len(numbers) + 1)) \
            and len(numbers) > 2:
        return None  # the row that numbers the columns 1, 2, 3 ...
    problems: dict[str, DomainError] = {}

    def problem(column: str, message: str, **params: object) -> None:
        problems.setdefault(column, DomainError(Rule.VALUE, message, {"line": line, **params},
                                                record=str(line), field=column))

    if texts.get("section"):
        state.section = texts["section"]
    topic = texts.get("topic", "")
    if not topic:
        problem("topic", N_("row {line}: the lesson has no topic"))
    try:
        hours = parse_hours(values.get("hours"))
    except (ValueError, OverflowError):
        problem("hours", N_("row {line}: «{value}» is not a number of hours (1, 2 or 0,5)"),
                value=texts.get("hours", ""))
        hours = 1.0
    try:
        day = parse_date(values.get("date"), start_year)
    except (ValueError, OverflowError):
        problem("date", N_("row {line}: «{value}» is not a date (dd.mm.yyyy or dd.mm)"),
                value=texts.get("date", ""))
        day = None
    state.number += 1
    row = PlanRow(
        number=state.number, topic=topic, hours=hours, term=state.term, section=state.section,
        objectives=split_objectives(texts.get("objectives", "")), date=day, note=texts.get("note") or None,
    )
    return ImportedRow(line, row, texts, problems)


def read_plan_file(path: Path, start_year: int) -> PlanFile:
    """``parse_plan`` of a file on disk; a too large file is refused before it is read."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _refuse(N_("the file is larger than {size} MB; a KTP is much smaller"),
                          size=MAX_FILE_BYTES // (1024 * 1024))
        data = path.read_bytes()
    except OSError as error:
        raise _refuse(N_("the file {file} cannot be read"), file=str(path)) from error
    return parse_plan(path.name, data, start_year)
