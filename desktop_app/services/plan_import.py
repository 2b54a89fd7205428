"""Reading a KTP (calendar-thematic plan) from .xlsx, .docx or .csv into plan rows; writes nothing.

Teachers make KTPs in Excel or Word in a handful of layouts: a header row with the glossary's
columns in Kazakh or Russian (№, бөлім / раздел, сабақтың тақырыбы / тема урока, оқу мақсаттары /
цели обучения, сағат саны / количество часов, мерзімі / сроки, ескертпе / примечание), rows of
lessons, term headings merged over the row ("I тоқсан", "II четверть", "1 четверть") and a section
written once and merged down. Every row comes back with the problems of its cells so that the
window can show them before anything is saved (``PlanService.import_plan``).

Two steps, so that the preview can correct the columns: ``read_table`` gives the file's cells with
the columns it recognised, ``parse_rows`` reads lessons from them with the columns the user chose.
``parse_plan`` does both with the recognised columns.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from desktop_app.domain.entities import Language, PlanRow, Subject
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

FIELDS = ("number", "term", "section", "topic", "objectives", "hours", "date", "note")

#: Column headers as teachers write them (Kazakh, Russian), folded; the first listed field wins.
HEADERS: dict[str, tuple[str, ...]] = {
    "number": ("№", "№ п/п", "№ р/с", "р/с №", "р/с", "реті", "n", "no", "номер", "№ сабақ", "№ урока"),
    "term": ("тоқсан", "тоқсаны", "четверть", "четв."),
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
    #: The index of the row in ``PlanTable.rows`` (-1 when not read through a table).
    source: int = -1


@dataclass
class PlanFile:
    rows: list[ImportedRow]
    #: The fields found in the header row, in the order of ``FIELDS``.
    columns: list[str]
    #: Kazakh headers found: the plan is likely in Kazakh.
    language: Language
    #: Problems of the whole file rather than of a cell (no column chosen for the topic).
    file_problems: list[DomainError] = field(default_factory=list)

    @property
    def problems(self) -> list[DomainError]:
        return [*self.file_problems, *(p for r in self.rows for p in r.problems.values())]

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
#: A KTP has about ten columns; a sheet formatted far to the right is cut to its filled columns first.
MAX_COLUMNS = 40
#: Letters of cp1251 at the places where KZ-1048 (Kazakh Windows) has Kazakh ones; not used in Russian.
_NOT_RUSSIAN = frozenset("ЂЃѓЉЊЌЋЏђљњќћџЎўЈјҐґ")
_CSV_DELIMITERS = (";", "\t", ",")


@dataclass
class _Table:
    """Cells of one sheet or Word table; ``spans[r]`` holds the columns that continue a cell merged
    from their left (so a heading merged over the row is told from a row with one filled cell)."""

    rows: list[list[Cell]]
    spans: list[set[int]]
    first_line: int = 1


@dataclass
class PlanTable:
    """The plan's cells in a file: a sheet, a .csv, or a Word table with the tables continuing it.

    Every row has ``width`` cells; ``lines[i]`` is the row number the user sees for ``rows[i]`` (the
    Excel row, the .csv line, or the row counted over the Word document's tables); ``spans[i]`` holds
    the columns that continue a cell merged from their left."""

    rows: list[list[Cell]]
    spans: list[set[int]]
    lines: list[int]
    #: The index of the recognised header row in ``rows``; None when none was recognised.
    header: int | None
    #: The recognised field of each column (column index → a name of ``FIELDS``).
    columns: dict[int, str]
    language: Language

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    @property
    def first_lesson_row(self) -> int:
        """Lessons are read from the row after the header (from the first row without one)."""
        return 0 if self.header is None else self.header + 1

    def text(self, row: int, column: int) -> str:
        cells = self.rows[row]
        return _text(cells[column]) if 0 <= column < len(cells) else ""

    def heading(self, column: int) -> str:
        """The header cell of a column ("" without a header row)."""
        return "" if self.header is None else self.text(self.header, column)


def read_tables(name: str, data: bytes) -> list[_Table]:
    """The sheets of an .xlsx, the tables of a .docx, or the one table of a .csv; refuses what is
    not such a file."""
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(N_("the file is larger than {size} MB; a KTP is much smaller"),
                      size=MAX_FILE_BYTES // (1024 * 1024))
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        return _xlsx_tables(data)
    if suffix == ".docx":
        return _docx_tables(data)
    if suffix == ".csv":
        return [_csv_table(data)]
    if suffix in (".xls", ".doc"):
        raise _refuse(N_("old Office files (.xls, .doc) are not read; save the KTP as .xlsx or .docx"))
    raise _refuse(N_("a KTP is read from .xlsx, .docx or .csv files"))


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


def decode_text(data: bytes) -> str:
    """The text of a .csv: UTF-8 (with or without a BOM), UTF-16 with a BOM, else the Windows code page
    Excel uses in Russian (cp1251) or Kazakh (KZ-1048) Windows; refuses binary files."""
    not_text = _refuse(N_("the file is not a text table (.csv), though it is named so"))
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF", b"{\\rtf")):
        raise not_text
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
        elif b"\0" in data:
            raise not_text
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = data.decode("cp1251")
                if any(c in _NOT_RUSSIAN for c in text):
                    with contextlib.suppress(UnicodeDecodeError):
                        text = data.decode("kz1048")
    except UnicodeDecodeError as error:
        raise not_text from error
    controls = sum(1 for c in text if (ord(c) < 32 and c not in "\t\r\n") or 0x7F <= ord(c) < 0xA0)
    if "\0" in text or controls > len(text) // 200:
        raise not_text
    return text


def _delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most rows of one width (";" on a tie: Excel's
    in Russian and Kazakh Windows), so a comma inside a ";" table does not mislead it."""
    lines = [line for line in text.splitlines()[:40] if line.strip()]
    best, best_score = _CSV_DELIMITERS[0], (0, 0)
    for candidate in _CSV_DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(lines, delimiter=candidate) if len(r) > 1]
        except csv.Error:
            continue
        if not widths:
            continue
        common = max(set(widths), key=lambda w: (widths.count(w), w))
        score = (widths.count(common), common)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _csv_table(data: bytes) -> _Table:
    text = decode_text(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[list[Cell]] = []
    try:
        for row in reader:
            if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                raise _refuse(N_("the KTP has more than {count} rows"), count=MAX_ROWS)
            rows.append(list(row[:MAX_COLUMNS * 4]))
    except csv.Error as error:
        raise _refuse(N_("line {line} of the .csv file cannot be read as a row of a table"),
                      line=reader.line_num) from error
    return _Table(rows, [set() for _ in rows])


def read_table(name: str, data: bytes) -> PlanTable:
    """The plan's table with the columns recognised from its header row, if it has one.

    An .xlsx gives its first sheet with a header (else its first sheet with anything in it); a .docx
    its first table with a header and the tables of the same width after it (a KTP split per term or
    page; title pages and signature tables are left out), else its largest table."""
    tables = read_tables(name, data)
    is_docx = _is_docx(name)
    bases, base = [], 0
    for table in tables:
        bases.append(base if is_docx else 0)
        base += len(table.rows)
    with_header = [i for i, t in enumerate(tables) if detect_columns(t.rows) is not None] or \
        [i for i, t in enumerate(tables) if detect_columns(t.rows, strict=False) is not None]
    filled = [i for i, t in enumerate(tables) if any(_text(c) for r in t.rows for c in r)]
    if not filled:
        raise _refuse(N_("the file holds no table with text; a KTP is a table of lessons"))
    if with_header:
        parts = [with_header[0]]
        if is_docx:
            width = _width(tables[parts[0]])
            parts += [i for i in range(parts[0] + 1, len(tables)) if _width(tables[i]) == width]
    else:
        parts = [max(filled, key=lambda i: len(tables[i].rows)) if is_docx else filled[0]]
    rows: list[list[Cell]] = []
    spans: list[set[int]] = []
    lines: list[int] = []
    for index in parts:
        table = tables[index]
        rows += table.rows
        spans += table.spans
        lines += [bases[index] + r + 1 for r in range(len(table.rows))]
    width = max((c + 1 for row in rows for c, cell in enumerate(row) if _text(cell)), default=0)
    if width > MAX_COLUMNS:
        raise _refuse(N_("the table has {count} columns; a KTP has about ten"), count=width)
    rows = [[*row[:width], *[None] * (width - len(row))] for row in rows]
    found = detect_columns(rows) or detect_columns(rows, strict=False)
    if found is None:
        return PlanTable(rows, spans, lines, None, {}, _language_of(rows))
    header, columns, language = found
    return PlanTable(rows, spans, lines, header, columns, language)


def _width(table: _Table) -> int:
    return max((len(r) for r in table.rows), default=0)


def _language_of(rows: Sequence[Sequence[Cell]]) -> Language:
    """Kazakh when at least half of the first rows with text have Kazakh letters."""
    texts = [fold(" ".join(_text(c) for c in row)) for row in rows[:60]]
    texts = [t for t in texts if t]
    kazakh = sum(1 for t in texts if _KAZAKH.search(t))
    return Language.KK if texts and kazakh * 2 >= len(texts) else Language.RU


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


def detect_columns(rows: Sequence[Sequence[Cell]], *,
                   strict: bool = True) -> tuple[int, dict[int, str], Language] | None:
    """The header row's index, its columns' fields, and the language of the headers; None when none
    of the first rows names the topic and two other columns (not ``strict``: any three columns, for
    a preview where the user chooses the rest)."""
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
        if ("topic" in found_fields or not strict) and len(found_fields) >= 3:
            return index, columns, Language.KK if kazakh else Language.RU
    return None


def parse_rows(table: PlanTable, columns: Mapping[int, str], start_year: int,
               first: int | None = None) -> PlanFile:
    """Every lesson of the table read with ``columns`` (column index → field; a column not named, or
    named with something that is not a field, is ignored; a field named twice is read from its first
    column), from the row ``first`` (by default the one after the header). Writes nothing.

    ``start_year`` is the calendar year the plan's academic year starts in (dd.mm dates take theirs
    from it)."""
    chosen: dict[int, str] = {}
    for column in sorted(columns):
        name = columns[column]
        if name in FIELDS and 0 <= column < table.width and name not in chosen.values():
            chosen[column] = name
    begin = table.first_lesson_row if first is None else max(0, first)
    state = _State()
    parsed: list[ImportedRow] = []
    for index in range(begin, len(table.rows)):
        row = _row(table.lines[index], table.rows[index], table.spans[index], chosen, start_year, state)
        if row is not None:
            if len(parsed) >= MAX_ROWS:
                raise _refuse(N_("the KTP has more than {count} rows"), count=MAX_ROWS)
            row.source = index
            parsed.append(row)
    file_problems = []
    if "topic" not in chosen.values():
        for lesson in parsed:  # one problem for the file says it, not one for every row
            lesson.problems.pop("topic", None)
        file_problems.append(DomainError(Rule.VALUE, N_("choose the column that holds the lesson topics"),
                                         field="columns"))
    elif not parsed:
        file_problems.append(DomainError(Rule.VALUE, N_("no lessons found below the header row"), field="rows"))
    found = set(chosen.values())
    return PlanFile(parsed, [f for f in FIELDS if f in found], table.language, file_problems)


def parse_plan(name: str, data: bytes, start_year: int) -> PlanFile:
    """Every lesson of the file as a plan row with the problems of its cells, read with the columns
    of its header row (nothing is written); a file without a recognised header row is refused.

    Word tables after the first one with a header row continue it (a KTP split per term or page),
    whether or not they repeat the header."""
    table = read_table(name, data)
    if table.header is None or "topic" not in table.columns.values():
        raise _refuse(N_("no header row found: a KTP needs columns such as «Сабақтың тақырыбы» / "
                         "«Тема урока», «Сағат саны» / «Количество часов» and «Мерзімі» / «Сроки»"))
    return parse_rows(table, table.columns, start_year)


def _is_docx(name: str) -> bool:
    return Path(name).suffix.lower() == ".docx"


@dataclass
class _State:
    """What carries down the rows: the term of the last heading and the section."""

    term: int | None = None
    section: str | None = None
    number: int = 0


def parse_term(value: Cell) -> int | None:
    """A term cell: 1-4, I-IV, or a heading such as "II тоқсан"; None when empty; ValueError otherwise."""
    text = fold(_text(value))
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
    if all(_field_of(t) == f for f, t in texts.items() if t):
        return None  # the header repeated (a Word table over several pages)
    term_problem = False
    try:
        term = parse_term(values.get("term"))
    except (ValueError, OverflowError):
        term, term_problem = None, True
    if term is not None:
        state.term = term
    if not any(texts.get(f) for f in ("topic", "objectives", "date", "note")):
        if texts.get("section"):
            state.section = texts["section"]  # a section on a row of its own
        return None  # a numbered but empty row of a template
    numbers = [t for t in texts_in_row if t]
    if all(t.isdigit() for t in numbers) and [int(t) for t in numbers] == list(range(1, len(numbers) + 1)) \
            and len(numbers) > 2:
        return None  # the row that numbers the columns 1, 2, 3 ...
    problems: dict[str, DomainError] = {}

    def problem(column: str, message: str, **params: object) -> None:
        problems.setdefault(column, DomainError(Rule.VALUE, message, {"line": line, **params},
                                                record=str(line), field=column))

    if term_problem:
        problem("term", N_("row {line}: «{value}» is not a term (1, 2, 3, 4 or I-IV)"), value=texts.get("term", ""))
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


# Guesses for the plan's header ----------------------------------------------------------------
_LETTERS = "a-zа-яёәғқңөұүһі"
_QUOTES = "«»\"'“”"
#: "7А", "7 Б", "8 «А»", "10-В".
_CLASS = re.compile(rf"(?<![\d{_LETTERS}])(1[0-2]|[1-9])\s?-?\s?[{_QUOTES}]?([{_LETTERS}])[{_QUOTES}]?"
                    rf"(?![\d{_LETTERS}])", re.IGNORECASE)
#: "7 сынып", "5-класс", "8 «А» класс", "9 кл."
_GRADE = re.compile(rf"(?<!\d)(1[0-2]|[1-9])\s*-?\s*(?:ші|шы|ый|й)?\s*(?:[{_QUOTES}]?[{_LETTERS}][{_QUOTES}]?\s*)?"
                    r"(?:сынып|класс|кл\b)", re.IGNORECASE)


@dataclass
class PlanGuess:
    """What the file name and the title rows above the header tell about the plan."""

    grade: int | None = None
    classes: list[str] = field(default_factory=list)
    subject: str | None = None


def guess_details(name: str, table: PlanTable, subjects: Iterable[Subject]) -> PlanGuess:
    """Grade, classes ("7А", "7 Б") and subject (a school subject's kk or ru name) from the file name
    and the rows above the header; what is not found stays empty for the user to fill in."""
    above = table.rows[:table.header] if table.header is not None else table.rows[:3]
    text = " ".join([Path(name).stem.replace("_", " "), *(_text(c) for row in above for c in row)])
    text = unicodedata.normalize("NFC", text)
    guess = PlanGuess()
    for match in _CLASS.finditer(text):
        label = f"{match.group(1)}{match.group(2).upper()}"
        if label not in guess.classes:
            guess.classes.append(label)
    grade = _GRADE.search(text)
    if grade is not None:
        guess.grade = int(grade.group(1))
    elif guess.classes:
        guess.grade = int(re.sub(r"\D", "", guess.classes[0]))
    folded = fold(text)
    best = 0
    for subject in subjects:
        for written in (subject.name.kk, subject.name.ru):
            key = fold(written or "")
            # "информатике", "математикадан": a word's ending changes with its case.
            words = r"\s+".join(re.escape(w[:-1] if len(w) > 4 else w) + rf"[{_LETTERS}]*" for w in key.split())
            if key and len(key) > best and re.search(rf"(?<![{_LETTERS}]){words}", folded):
                guess.subject, best = subject.id, len(key)
    return guess


def hours_per_week(total_hours: float, study_weeks: int | None) -> float:
    """The hours per week that give ``total_hours`` over the year, to the nearest half hour."""
    weeks = study_weeks or 34
    return max(0.5, round(total_hours / weeks * 2) / 2)


def _read_bytes(path: Path) -> bytes:
    """A file on disk; a too large one is refused before it is read."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _refuse(N_("the file is larger than {size} MB; a KTP is much smaller"),
                          size=MAX_FILE_BYTES // (1024 * 1024))
        return path.read_bytes()
    except OSError as error:
        raise _refuse(N_("the file {file} cannot be read"), file=str(path)) from error


def read_plan_file(path: Path, start_year: int) -> PlanFile:
    """``parse_plan`` of a file on disk; a too large file is refused before it is read."""
    return parse_plan(path.name, _read_bytes(path), start_year)


def read_table_file(path: Path) -> PlanTable:
    """``read_table`` of a file on disk; a too large file is refused before it is read."""
    return read_table(path.name, _read_bytes(path))
