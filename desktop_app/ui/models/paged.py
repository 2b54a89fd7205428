"""A table model whose rows come a page at a time from a query (a list too long to read whole)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal

from desktop_app.ui.models.table import AnyIndex, Column, RecordTableModel

R = TypeVar("R")

#: ``more(offset, limit)``: the lines ``offset`` … ``offset + limit`` of the list, in its order.
PageSource = Callable[[int, int], Sequence[R]]


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
            self._fetched = keep
            self.endRemoveRows()
        self._keys, self._texts, self._more = {}, None, more
        self._total = max(total, len(new))
        if keep < len(new):
            self.beginInsertRows(QModelIndex(), keep, len(new) - 1)
            self._rows.extend(new[keep:])
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
