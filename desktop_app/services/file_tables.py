"""What the readers of imported tables (a staff list, a KTP) share: the limits on a file, the zip-bomb
check before openpyxl or python-docx opens a package, the refusal of a whole file, and cell texts.

The messages that name the kind of file ("a KTP is much smaller") stay with each reader and are passed in.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.domain.plan_cells import not_a_date, parse_date
from desktop_app.domain.text import fold as fold

MAX_FILE_BYTES = 10 * 1024 * 1024
#: A real staff list unpacks to a few MB; more than this is a zip bomb, refused before openpyxl opens it.
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
#: Office XML packs 5-20 times; a package that unpacks to more than this many times its size is a zip bomb.
MAX_RATIO = 100
#: Below this many unpacked bytes the ratio is not checked (tiny files pack oddly but harm nothing).
MIN_RATIO_CHECKED = 8 * 1024 * 1024
EXCEL_EPOCH = date(1899, 12, 30)

Cell = str | int | float | date | datetime | None


class ImportFileError(DomainError):
    """An imported file as a whole is refused (too large, not what it is named, no header row)."""


def refuse(message: str, error: type[ImportFileError], **params: object) -> ImportFileError:
    """The refusal of a whole file (``field`` "file")."""
    return error(Rule.VALUE, message, dict(params), field="file")


def cell_text(value: Cell) -> str:
    """A cell as the user reads it: dates as dd.mm.yyyy, 3.0 as "3", text trimmed and NFC."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unicodedata.normalize("NFC", str(value)).strip()


def cell_date(value: Cell, start_year: int | None, group: int = 0) -> date | None:
    """A date cell: an Excel date or serial number as it is, text read by ``plan_cells.parse_date``
    (dd.mm takes its year from the school year starting in ``start_year``; None refuses it). None when
    empty; ``CellError`` otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return excel_date(value)
        except (ValueError, OverflowError):
            raise not_a_date(cell_text(value), start_year) from None
    return parse_date(cell_text(value), start_year, group)


def excel_cell(value: object) -> Cell:
    """A value openpyxl read, as a cell (a time or anything else unusual as its text)."""
    return value if isinstance(value, str | int | float | date) or value is None else str(value)


def excel_date(value: int | float) -> date:
    """An Excel serial day number as a date; ValueError unless a whole number Excel can show."""
    serial = float(value)
    if serial != int(serial) or not 1 <= serial <= 2958465:
        raise ValueError(value)
    return EXCEL_EPOCH + timedelta(days=int(serial))


def check_size(data: bytes, too_large: str, kind: type[ImportFileError]) -> None:
    """Refuses ``data`` over ``MAX_FILE_BYTES`` with ``too_large`` (its ``{size}`` in MB)."""
    if len(data) > MAX_FILE_BYTES:
        raise refuse(too_large, kind, size=MAX_FILE_BYTES // (1024 * 1024))


def read_bytes(path: Path, too_large: str, kind: type[ImportFileError]) -> bytes:
    """A file on disk; a too large one is refused (with ``too_large``) before it is read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise refuse(too_large, kind, size=MAX_FILE_BYTES // (1024 * 1024))
        return path.read_bytes()
    except OSError as error:
        raise refuse(N_("The file {file} cannot be read"), kind, file=str(path)) from error


def check_package(data: bytes, required: str, not_what: ImportFileError,
                  unsafe: str = N_("The workbook unpacks to more than {size} MB; it is refused as unsafe")) -> None:
    """Refuses ``data`` unless it is a zip package holding ``required`` (``not_what`` is raised),
    or when it unpacks to too much or too many times its size (a zip bomb), before any reader opens it."""
    if not data.startswith(b"PK\x03\x04"):
        raise not_what
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
        # NotImplementedError: a zip "version needed" above what Python reads (a damaged header).
        raise not_what from error
    if required not in names:
        raise not_what
    unpacked = sum(i.file_size for i in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        raise refuse(unsafe, type(not_what), size=MAX_UNPACKED_BYTES // (1024 * 1024))
    if unpacked > MIN_RATIO_CHECKED and unpacked > MAX_RATIO * len(data):
        raise refuse(N_("The file unpacks to {ratio} times its size; it is refused as unsafe"), type(not_what),
                     ratio=unpacked // max(len(data), 1))
