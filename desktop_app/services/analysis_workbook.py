"""The annual analysis as a workbook: every table of the paper on a sheet of its own, the texts last."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.documents.analysis_tables import Value, analysis_tables
from desktop_app.i18n import gettext_for

if TYPE_CHECKING:
    from desktop_app.services.annual_analysis import AnalysisPaper

#: Characters a sheet's title may not hold.
_NOT_IN_TITLE = str.maketrans({c: " " for c in "[]:*?/\\"})


def workbook(paper: AnalysisPaper, language: str) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]  # only here: a fast start

    from desktop_app.services.registers_export import _save, _sheet

    _ = gettext_for(language)
    book = Workbook()
    for index, table in enumerate(analysis_tables(paper.figures, paper.names(language), language)):
        blank: list[Value] = [""] * (len(table.headers) - 1)
        notes: list[list[Value]] = [["", *blank], [table.note, *blank]] if table.note else []
        rows = [*table.rows, *notes]
        # Numbered, so that two long titles cut at 31 characters stay distinct.
        _sheet(book, f"{index + 1}. {table.title.translate(_NOT_IN_TITLE)}"[:31], table.headers, rows, index == 0)
    analysis = paper.analysis
    _sheet(book, _("Conclusions"), [_("Conclusions"), _("Tasks for the next academic year")],
           [[analysis.conclusions, analysis.tasks]], False)
    return bytes(_save(book))
