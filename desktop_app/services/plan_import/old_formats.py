"""KTP files in the old Office formats schools keep: .xls read with xlrd, .doc converted to .docx by
LibreOffice (headless) when it is installed; no binary format is parsed here by hand."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from desktop_app.domain.errors import N_
from desktop_app.services.file_tables import Cell
from desktop_app.services.plan_import.tables import HEADER_SEARCH_ROWS, MAX_ROWS, RawTable, plan_refusal

#: The signature of an OLE2 compound file: the old .xls and .doc.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: A .doc of a KTP converts in a few seconds; a hung LibreOffice is stopped after this.
CONVERT_SECONDS = 90


def xls_tables(data: bytes) -> list[RawTable]:
    """The sheets of an .xls (Excel 97-2003) with their merged cells."""
    not_workbook = plan_refusal(N_("The file is not an Excel 97-2003 workbook (.xls), though it is named so"))
    if not data.startswith(OLE_SIGNATURE):
        raise not_workbook
    import xlrd  # type: ignore[import-untyped]  # only here: a fast start

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except Exception as error:  # xlrd raises many kinds on a broken workbook
        raise not_workbook from error
    try:
        tables = []
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            count = min(sheet.nrows, MAX_ROWS + HEADER_SEARCH_ROWS + 1)
            rows = [[_cell(sheet.cell(r, c), book.datemode) for c in range(sheet.ncols)] for r in range(count)]
            spans: list[set[int]] = [set() for _ in rows]
            for top, bottom, left, right in sheet.merged_cells:  # bottom and right are past the range
                for r in range(top, min(bottom, count)):
                    spans[r].update(range(left + 1, right))
            tables.append(RawTable(rows, spans))
        return tables
    except Exception as error:
        raise not_workbook from error
    finally:
        book.release_resources()


def _cell(cell: object, datemode: int) -> Cell:
    import xlrd

    kind, value = cell.ctype, cell.value  # type: ignore[attr-defined]
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if kind == xlrd.XL_CELL_DATE:
        try:
            moment: datetime = xlrd.xldate_as_datetime(value, datemode)
            return moment.date() if moment.time() == datetime.min.time() else moment
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return str(value)
    if kind == xlrd.XL_CELL_NUMBER:
        return float(value)
    if kind == xlrd.XL_CELL_TEXT:
        return str(value)
    return str(value)


def office_program() -> Path | None:
    """LibreOffice's ``soffice``, from the PATH or where its installer puts it on Windows."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    if sys.platform == "win32":
        for root in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
            if root and (Path(root) / "LibreOffice" / "program" / "soffice.exe").exists():
                return Path(root) / "LibreOffice" / "program" / "soffice.exe"
    return None


def doc_to_docx(data: bytes) -> bytes:
    """A .doc (Word 97-2003) converted to .docx by LibreOffice; refused with how to go on when
    LibreOffice is not installed or the conversion fails."""
    if not data.startswith(OLE_SIGNATURE):
        raise plan_refusal(N_("The file is not a Word 97-2003 document (.doc), though it is named so"))
    program = office_program()
    if program is None:
        raise plan_refusal(N_("A .doc file is read through LibreOffice, which is not installed: install "
                              "LibreOffice (libreoffice.org, free) and try again, or open the file in Word and "
                              "save it as .docx"))
    with tempfile.TemporaryDirectory(prefix="metodsovet-doc-") as folder:
        source = Path(folder) / "ktp.doc"
        source.write_bytes(data)
        profile = (Path(folder) / "profile").as_uri()  # its own profile: a running LibreOffice does not block it
        command = [str(program), f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "docx", "--outdir", folder, str(source)]
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERT_SECONDS, check=False,
                           stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise plan_refusal(N_("LibreOffice could not convert the .doc file; open it in Word and save it as "
                                  ".docx")) from error
        converted = Path(folder) / "ktp.docx"
        if not converted.exists():
            raise plan_refusal(N_("LibreOffice could not convert the .doc file; open it in Word and save it as "
                                  ".docx"))
        return converted.read_bytes()
