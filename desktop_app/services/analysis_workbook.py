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
        notes: list[list[Value]] = [[""], [table.note]] if table.note else []
        rows = [*table.rows, *notes]
        _sheet(book, table.title.translate(_NOT_IN_TITLE), table.headers, rows, index == 0)
    analysis = paper.analysis
    _sheet(book, _("Conclusions"), [_("Conclusions"), _("Tasks for the next academic year")],
           [[analysis.conclusions, analysis.tasks]], False)
    return bytes(_save(book))
