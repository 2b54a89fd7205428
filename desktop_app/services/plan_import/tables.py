"""The cells of a KTP file: the sheets of an .xlsx or .xls, the tables of a .docx or .doc, or the one table of a .csv.

Refuses what is too large, not what it is named, a zip bomb, or a .csv that is not text; which of the
tables holds the plan is ``columns.read_table``'s choice.
"""

from __future__ import annotations

import contextlib
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.errors import N_
from desktop_app.services.file_tables import Cell, ImportFileError, check_package, check_size, excel_cell, refuse

MAX_ROWS = 1000
#: A title block and approval stamps can take twenty rows above the header.
HEADER_SEARCH_ROWS = 30
#: A KTP has about ten columns; a sheet formatted far to the right is cut to its filled columns first.
MAX_COLUMNS = 40
#: Letters of cp1251 at the places where KZ-1048 (Kazakh Windows) has Kazakh ones; not used in Russian.
_NOT_RUSSIAN = frozenset("ЂЃѓЉЊЌЋЏђљњќћџЎўЈјҐґ")
_CSV_DELIMITERS = (";", "\t", ",")


class PlanFileError(ImportFileError):
    """The KTP file as a whole is refused (too large, not what it is named, no header row)."""


def plan_refusal(message: str, **params: object) -> ImportFileError:
    return refuse(message, PlanFileError, **params)


@dataclass
class RawTable:
    """Cells of one sheet or Word table; ``spans[r]`` holds the columns that continue a cell merged
    from their left (so a heading merged over the row is told from a row with one filled cell)."""

    rows: list[list[Cell]]
    spans: list[set[int]]
    first_line: int = 1


def read_tables(name: str, data: bytes) -> list[RawTable]:
    """The sheets of an .xlsx, the tables of a .docx, or the one table of a .csv; refuses what is
    not such a file."""
    check_size(data, N_("The file is larger than {size} MB; a KTP is much smaller"), PlanFileError)
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        return _xlsx_tables(data)
    if suffix == ".docx":
        return _docx_tables(data)
    if suffix == ".csv":
        return [_csv_table(data)]
    if suffix == ".xls":
        from desktop_app.services.plan_import.old_formats import xls_tables

        return xls_tables(data)
    if suffix == ".doc":
        from desktop_app.services.plan_import.old_formats import doc_to_docx

        return _docx_tables(doc_to_docx(data))
    raise plan_refusal(N_("A KTP is read from .xlsx, .xls, .docx, .doc or .csv files"))


def is_docx(name: str) -> bool:
    """Word tables (a .docx, or a .doc converted to one) continue each other; sheets do not."""
    return Path(name).suffix.lower() in (".docx", ".doc")


def _xlsx_tables(data: bytes) -> list[RawTable]:
    not_workbook = plan_refusal(N_("The file is not an Excel workbook (.xlsx), though it is named so"))
    check_package(data, "xl/workbook.xml", not_workbook)
    from openpyxl import load_workbook  # type: ignore[import-untyped]  # only here: a fast start

    try:
        # Not read-only: the merged ranges are needed for the term headings.
        workbook = load_workbook(io.BytesIO(data), data_only=True)
        tables = []
        for sheet in workbook.worksheets:
            rows: list[list[Cell]] = []
            for row in sheet.iter_rows(values_only=True):
                rows.append([excel_cell(c) for c in row])
                if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                    break
            spans: list[set[int]] = [set() for _ in rows]
            for merged in sheet.merged_cells.ranges:
                for r in range(merged.min_row, min(merged.max_row, len(rows)) + 1):
                    spans[r - 1].update(range(merged.min_col, merged.max_col))  # 0-based: all but the first
            tables.append(RawTable(rows, spans))
        workbook.close()
        return tables
    except Exception as error:  # openpyxl raises many kinds on a broken workbook
        raise not_workbook from error


def _docx_tables(data: bytes) -> list[RawTable]:
    not_document = plan_refusal(N_("The file is not a Word document (.docx), though it is named so"))
    check_package(data, "word/document.xml", not_document,
                  N_("The document unpacks to more than {size} MB; it is refused as unsafe"))
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
            tables.append(RawTable(rows, spans))
        return tables
    except Exception as error:  # python-docx raises many kinds on a broken document
        raise not_document from error


def decode_text(data: bytes) -> str:
    """The text of a .csv: UTF-8 (with or without a BOM), UTF-16 with a BOM, else the Windows code page
    Excel uses in Russian (cp1251) or Kazakh (KZ-1048) Windows; refuses binary files."""
    not_text = plan_refusal(N_("The file is not a text table (.csv), though it is named so"))
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


def _csv_table(data: bytes) -> RawTable:
    text = decode_text(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[list[Cell]] = []
    try:
        for row in reader:
            if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                raise plan_refusal(N_("The KTP has more than {count} rows"), count=MAX_ROWS)
            rows.append(list(row[:MAX_COLUMNS * 4]))
    except csv.Error as error:
        raise plan_refusal(N_("Line {line} of the .csv file cannot be read as a row of a table"),
                           line=reader.line_num) from error
    return RawTable(rows, [set() for _ in rows])
