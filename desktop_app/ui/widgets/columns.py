"""Columns that fit the table's width at 1366×768 (issue 13, point 7): sized to their contents,
then, when the table is narrower than the sum, the widest columns give way (their cells end in
"…") down to the width of their own title, so that no one has to scroll sideways. Columns that
share what room is left (``fill``) keep their title whole too, as Qt's Stretch mode would not.
A title that still has no room (a table of many columns) ends in "…" and shows whole as a tooltip."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView, QToolTip

from desktop_app.ui.models.table import RecordTableModel

#: The property on the table holding the widths its contents want.
WANTED = "metodsovetWantedWidths"
#: The property on the table listing the columns that share the room the others leave.
FILL = "metodsovetFillColumns"
#: The property saying that the table's last column takes the room left once it is fitted. Its
#: header stretches the column only from then on: a header stretching it already when the table is
#: first shown (a section opened) tells the table of the new width, and the table paints itself a
#: second time at Qt's next turn, after its first paint.
STRETCH = "metodsovetStretchLast"
#: Rows measured for a column's width besides those in view (Qt's default is 1000: on a long list
#: that is ~100 000 ``data()`` calls for one fit). A sample gives the width a person would choose.
SAMPLE_ROWS = 60
#: Rows of a list of records whose texts set its columns' widths (about a screen of them).
FIRST_ROWS = 40


class _Refit(QObject):
    """Fits the columns again whenever the table's viewport changes its width."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            table = watched.parent()
            if isinstance(table, QTableView):
                squeeze(table)
        return False


class _TitleTips(QObject):
    """Shows a column's title whole as a tooltip while its section is too narrow for it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        header = watched.parent()
        table = header.parent() if isinstance(header, QHeaderView) else None
        if event.type() != QEvent.Type.ToolTip or not isinstance(header, QHeaderView) \
                or not isinstance(table, QTableView) or not isinstance(event, QHelpEvent):
            return False
        section = header.logicalIndexAt(event.pos())
        if section < 0 or header.sectionSize(section) >= _title_width(table, header, section):
            return False  # whole: the model's own tooltip, if any
        QToolTip.showText(event.globalPos(), _title(table, section), header)
        return True


def readable_titles(table: QTableView) -> None:
    """Titles too wide for their column end in "…" (not cut on both sides) and show whole as a tooltip."""
    header = table.horizontalHeader()
    header.setTextElideMode(Qt.TextElideMode.ElideRight)
    header.viewport().installEventFilter(_TitleTips(header.viewport()))


def fit_to_width(table: QTableView, maximum: int, more: Mapping[int, Iterable[str]] | None = None) -> None:
    """Size columns to their contents (none wider than ``maximum``), then ``squeeze`` them.
    Only the rows in view and a sample of ``SAMPLE_ROWS`` more are measured (and ``more`` texts of
    a column: ``measure_texts``)."""
    header = table.horizontalHeader()
    measured = measure_texts(table, more)
    if measured is None:
        for ruler in (header, table.verticalHeader()):
            ruler.setResizeContentsPrecision(SAMPLE_ROWS)
        table.resizeColumnsToContents()
        measured = [header.sectionSize(c) for c in range(header.count())]
    keep_fitted(table, measured, maximum)


def keep_fitted(table: QTableView, measured: Sequence[int], maximum: int, fill: Sequence[int] = ()) -> None:
    """Give the columns the ``measured`` widths (none wider than ``maximum``), ``squeeze``d now and
    whenever the table changes its width; the ``fill`` columns share what room is left."""
    wanted = [min(width, maximum) for width in measured]
    table.setProperty(WANTED, wanted)
    table.setProperty(FILL, list(fill))
    if table.viewport().property(WANTED) is None:
        refit = _Refit(table.viewport())
        table.viewport().installEventFilter(refit)
        table.viewport().setProperty(WANTED, True)
    squeeze(table)


def _records_of(table: QTableView) -> tuple[RecordTableModel[object], QSortFilterProxyModel | None] | None:
    model: QAbstractItemModel | None = table.model()
    proxy = model if isinstance(model, QSortFilterProxyModel) else None
    source = proxy.sourceModel() if proxy is not None else model
    return (source, proxy) if isinstance(source, RecordTableModel) else None


def measure_texts(table: QTableView, more: Mapping[int, Iterable[str]] | None = None) -> list[int] | None:
    """The widths a list of records wants, from the texts of its first ``FIRST_ROWS`` rows as
    shown (its columns' own texts, measured with the table's font), ``more`` texts a column may
    show further down (a list read a page at a time: every teacher's name, say) and its titles: a
    fixed amount of work however long the list is. Qt's own measure asks the model for every role
    of every cell it looks at, through Python (~7 ``data()`` calls a cell). None for other models."""
    found = _records_of(table)
    if found is None:
        return None
    model, proxy = found
    rows = min(proxy.rowCount() if proxy is not None else model.lines_read(), FIRST_ROWS)  # no line read to measure
    records = [model.record(proxy.mapToSource(proxy.index(r, 0)).row() if proxy is not None else r)
               for r in range(rows)]
    table.ensurePolished()
    metrics = table.fontMetrics()
    # The item's text margins, the grid line, and 1 for the fractional text widths Qt rounds up.
    pad = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    pad += (1 if table.showGrid() else 0) + 1
    header = table.horizontalHeader()
    widths = []
    for c, column in enumerate(model.columns()):
        texts = {column.text(record) for record in records}
        if more and c in more:
            texts.update(more[c])
        content = max((metrics.horizontalAdvance(text) for text in texts if text), default=0)
        widths.append(max(content + pad if content else 0, header.sectionSizeHint(c)))
    return widths


def _title(table: QTableView, column: int) -> str:
    model = table.model()
    return str(model.headerData(column, Qt.Orientation.Horizontal) or "") if model is not None else ""


def _title_width(table: QTableView, header: QHeaderView, column: int) -> int:
    text = _title(table, column)
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    indicator = 14 if table.isSortingEnabled() else 0
    return header.fontMetrics().horizontalAdvance(text) + 2 * margin + indicator + 2


def _share(floors: dict[int, int], room: int) -> dict[int, int]:
    """``room`` shared by columns as evenly as their ``floors`` let it (as Qt's Stretch mode would
    share it, a column never below its floor); the pixels left by rounding go to the first ones."""
    level = room // len(floors)
    while level > 0 and sum(max(level, f) for f in floors.values()) > room:
        level -= 1
    widths = {c: max(level, f) for c, f in floors.items()}
    for c in list(widths)[:max(room - sum(widths.values()), 0)]:
        widths[c] += 1
    return widths


def squeeze(table: QTableView) -> None:
    """Give the columns their wanted widths; if they do not fit, cap the widest ones (never below
    their own title) at the largest width that lets the table fit; room to spare goes to the
    ``FILL`` columns."""
    header = table.horizontalHeader()
    wanted = table.property(WANTED)
    if not isinstance(wanted, list) or len(wanted) != header.count():
        return
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    widths = {c: int(wanted[c]) for c in shown}
    floors = {c: min(widths[c], max(_title_width(table, header, c), 60)) for c in shown}
    fill = [c for c in table.property(FILL) or [] if c in widths]
    for c in fill:  # the others first; these take the room left, their titles whole
        widths[c] = floors[c] = max(_title_width(table, header, c), 60)
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
    if fill and room > sum(widths.values()):
        widths.update(_share({c: widths[c] for c in fill}, room - sum(widths.values()) + sum(widths[c] for c in fill)))
    stretch = header.stretchLastSection() or table.property(STRETCH) is True
    if _unchanged(header, widths, stretch):
        return  # a stretch taken off and put back would tell the table of two new widths, and repaint it
    header.setStretchLastSection(False)
    for c in shown:
        header.resizeSection(c, widths[c])
    header.setStretchLastSection(stretch)


def _unchanged(header: QHeaderView, widths: dict[int, int], stretch: bool) -> bool:
    """Whether the columns already have ``widths`` (a stretched last one: at least its width)."""
    if not widths:
        return True
    last = max(widths, key=header.visualIndex)
    if any(header.sectionSize(c) != w for c, w in widths.items() if c != last):
        return False
    if stretch:
        return header.stretchLastSection() and header.sectionSize(last) >= widths[last]
    return header.sectionSize(last) == widths[last]
