"""Columns that fit the table's width at 1366×768 (issue 13, point 7): sized to their contents,
then, when the table is narrower than the sum, the widest columns give way (their cells end in
"…") down to the width of their own title, so that no one has to scroll sideways."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

#: The property on the table holding the widths its contents want.
WANTED = "metodsovetWantedWidths"
#: Rows measured for a column's width besides those in view (Qt's default is 1000: on a long list
#: that is ~100 000 ``data()`` calls for one fit). A sample gives the width a person would choose.
SAMPLE_ROWS = 60


class _Refit(QObject):
    """Fits the columns again whenever the table's viewport changes its width."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            table = watched.parent()
            if isinstance(table, QTableView):
                squeeze(table)
        return False


def fit_to_width(table: QTableView, maximum: int) -> None:
    """Size columns to their contents (none wider than ``maximum``), then ``squeeze`` them.
    Only the rows in view and a sample of ``SAMPLE_ROWS`` more are measured."""
    for header in (table.horizontalHeader(), table.verticalHeader()):
        header.setResizeContentsPrecision(SAMPLE_ROWS)
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    wanted = [min(header.sectionSize(c), maximum) for c in range(header.count())]
    table.setProperty(WANTED, wanted)
    if table.viewport().property(WANTED) is None:
        refit = _Refit(table.viewport())
        table.viewport().installEventFilter(refit)
        table.viewport().setProperty(WANTED, True)
    squeeze(table)


def _title_width(table: QTableView, header: QHeaderView, column: int) -> int:
    model = table.model()
    text = str(model.headerData(column, Qt.Orientation.Horizontal) or "") if model is not None else ""
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    indicator = 14 if table.isSortingEnabled() else 0
    return header.fontMetrics().horizontalAdvance(text) + 2 * margin + indicator + 2


def squeeze(table: QTableView) -> None:
    """Give the columns their wanted widths; if they do not fit, cap the widest ones (never below
    their own title) at the largest width that lets the table fit."""
    header = table.horizontalHeader()
    wanted = table.property(WANTED)
    if not isinstance(wanted, list) or len(wanted) != header.count():
        return
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    widths = {c: int(wanted[c]) for c in shown}
    floors = {c: min(widths[c], max(_title_width(table, header, c), 60)) for c in shown}
    room = table.viewport().width()

    def capped(cap: int) -> dict[int, int]:
        return {c: min(w, max(cap, floors[c])) for c, w in widths.items()}

    if room > 0 and sum(widths.values()) > room:
        low, high = 0, max(widths.values(), default=0)
        while low < high:
            middle = (low + high + 1) // 2
            if sum(capped(middle).values()) <= room:
                low = middle
            else:
                high = middle - 1
        widths = capped(low)
    stretch = header.stretchLastSection()
    header.setStretchLastSection(False)
    for c in shown:
        header.resizeSection(c, widths[c])
    header.setStretchLastSection(stretch)
