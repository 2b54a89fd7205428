"""A table model whose rows come a page at a time from a query (a list too long to read whole)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from desktop_app.ui.models.table import RECORD_ROLE, AnyIndex, Column, RecordTableModel

R = TypeVar("R")

#: ``more(offset, limit)``: the lines ``offset`` … ``offset + limit`` of the list, in its order.
PageSource = Callable[[int, int], Sequence[R]]

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
#: Roles a painted cell is asked for that a list of records never answers (font, check box, icon).
_UNANSWERED = frozenset(int(r) for r in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.CheckStateRole,
                                         Qt.ItemDataRole.DecorationRole))
_DIMMED = QBrush(QColor("#808080"))


class PagedTableModel(RecordTableModel[R]):
    """The first page is given (``set_page``); the view fetches the next ones as it is scrolled
    (``canFetchMore``/``fetchMore``). The order is the query's: ``sort`` records the column and
    emits ``order_changed`` for the owner to read the list again in that order, since the rows not
    fetched cannot be sorted here. ``record_count`` is the whole list, ``records`` what is fetched."""

    order_changed = Signal()

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None,
                 dimmed: Callable[[R], bool] | None = None, page: int = 100) -> None:
        super().__init__(columns, parent, dimmed, batch=page)
        self._page = page
        self._total = 0
        self._more: PageSource[R] | None = None
        # What each fetched line shows, made when it is fetched (and again in another language):
        # a painted cell asks ~7 roles, each a call from Qt into Python, so each is a lookup here.
        self._shown: list[tuple[str, ...]] = []
        self._backgrounds: list[tuple[QBrush | None, ...] | None] = []
        self._foregrounds: list[QBrush | None] = []
        self._brushes: dict[str, QBrush] = {}
        self._alignments = tuple(_CENTER if c.align_center else None for c in self._columns)
        self._width = len(self._columns)

    # Qt interface: answered from what was made when the line was fetched ----------------------
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not 0 <= row < self._fetched or role in _UNANSWERED:
            return None
        if role == _DISPLAY:
            return self._shown[row][index.column()]
        if role == _BACKGROUND:
            backgrounds = self._backgrounds[row]
            return backgrounds[index.column()] if backgrounds is not None else None
        if role == _ALIGNMENT:
            return self._alignments[index.column()]
        if role == _FOREGROUND:
            return self._foregrounds[row]
        if role == _TOOLTIP:
            column = self._columns[index.column()]
            return column.tooltip(self._rows[row]) if column.tooltip else self._shown[row][index.column()] or None
        if role == RECORD_ROLE:
            return row
        return super().data(index, role)

    def cell(self, row: int, column: int) -> tuple[str, QBrush | None, QBrush | None, bool] | None:
        """What a cell shows, in one call (a delegate painting it): its text, background,
        foreground and whether it is centred; None outside the fetched lines."""
        if not (0 <= row < self._fetched and 0 <= column < self._width):
            return None
        backgrounds = self._backgrounds[row]
        return (self._shown[row][column], backgrounds[column] if backgrounds is not None else None,
                self._foregrounds[row], self._alignments[column] is not None)

    def _show_lines(self, start: int) -> None:
        """Make what the lines from ``start`` on show (their texts, colours)."""
        columns, brushes = self._columns, self._brushes
        del self._shown[start:], self._backgrounds[start:], self._foregrounds[start:]
        coloured = any(c.background for c in columns)
        for record in self._rows[start:]:
            self._shown.append(tuple(c.text(record) for c in columns))
            if coloured:
                colours = [c.background(record) if c.background else None for c in columns]
                self._backgrounds.append(tuple(
                    brushes.setdefault(colour.name(), QBrush(colour)) if colour is not None else None
                    for colour in colours))
            else:
                self._backgrounds.append(None)
            self._foregrounds.append(_DIMMED if self._dimmed is not None and self._dimmed(record) else None)

    def retranslate(self) -> None:
        self._show_lines(0)  # statuses and numbers are written in the new language
        super().retranslate()

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more is not None and self._fetched < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        self._fetch(self._page, parent)

    def _fetch(self, count: int, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self._more is None:
            return
        more = list(self._more(self._fetched, count))[:self._total - self._fetched]
        if not more:  # the list got shorter meanwhile (another user): nothing more to fetch
            self._total = self._fetched
            return
        self.beginInsertRows(QModelIndex(), self._fetched, self._fetched + len(more) - 1)
        self._rows.extend(more)
        self._show_lines(self._fetched)
        self._fetched = len(self._rows)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns) or self._sort == (column, order):
            return
        self._sort = (column, order)
        self.order_changed.emit()

    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        """The column and direction the list is to be read in (the first column until one is chosen)."""
        return self._sort or (0, Qt.SortOrder.AscendingOrder)

    def set_page(self, first: Sequence[R], total: int, more: PageSource[R] | None) -> None:
        """A new list: its first lines, how many it has and how to read the others. Lines equal to
        those already at their place stay (a search that keeps the first screen repaints nothing
        there); the others are removed and the new inserted, as a filtering proxy does, rather than
        the model reset (that lays the header out anew)."""
        new = list(first)
        keep = 0
        for old_line, new_line in zip(self._rows, new, strict=False):
            if old_line != new_line:
                break
            keep += 1
        if keep < self._fetched:
            self.beginRemoveRows(QModelIndex(), keep, self._fetched - 1)
            del self._rows[keep:]
            self._show_lines(keep)
            self._fetched = keep
            self.endRemoveRows()
        self._keys, self._texts, self._more = {}, None, more
        self._total = max(total, len(new))
        if keep < len(new):
            self.beginInsertRows(QModelIndex(), keep, len(new) - 1)
            self._rows.extend(new[keep:])
            self._show_lines(keep)
            self._fetched = len(self._rows)
            self.endInsertRows()

    def set_records(self, records: Sequence[R]) -> None:
        """A whole list given at once (in the order given)."""
        self.set_page(records, len(records), None)

    def record_count(self) -> int:
        return self._total

    def fetch_through(self, row: int) -> None:
        """Fetch up to ``row`` now, whole pages (a record chosen by id must be in the view to be selected)."""
        if self._fetched <= row < self._total:
            pages = (row + 1 - self._fetched + self._page - 1) // self._page
            self._fetch(pages * self._page)
