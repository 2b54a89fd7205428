"""A table model of a list too long to read whole: every line is a row, each read when it is wanted."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
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
    """Every line of the list is a row of the view (``rowCount`` is the list's length: the scroll
    bar is the list's own, its handle the share on screen, and dragged to the end it shows the
    end), but a line is read only when something asks for it (painted, selected, its record
    wanted): with the lines before it not read yet, a page at a time (``PageSource``). The first
    lines come with the list (``set_page``). The order is the query's: ``sort`` records the column
    and emits ``order_changed`` for the owner to read the list again in that order, since the
    lines not read cannot be sorted here. ``record_count`` is the whole list, ``records`` the
    lines read. A list found shorter than it was counted (someone deleted a plan meanwhile) emits
    ``outdated`` once, a turn later, for the owner to read it again."""

    order_changed = Signal()
    outdated = Signal()

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None,
                 dimmed: Callable[[R], bool] | None = None, page: int = 100) -> None:
        super().__init__(columns, parent, dimmed, batch=page)
        self._page = page
        self._total = 0  # the rows the view has: the lines of the list (``_fetched``: those read)
        self._more: PageSource[R] | None = None
        # What each line read shows, made when it is read (and again in another language): a
        # painted cell asks ~7 roles, each a call from Qt into Python, so each is a lookup here.
        self._shown: list[tuple[str, ...]] = []
        self._backgrounds: list[tuple[QBrush | None, ...] | None] = []
        self._foregrounds: list[QBrush | None] = []
        self._brushes: dict[str, QBrush] = {}
        self._alignments = tuple(_CENTER if c.align_center else None for c in self._columns)
        self._width = len(self._columns)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if 0 <= row < self._total and 0 <= column < self._width and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    # Qt interface: answered from what was made when the line was read -------------------------
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if role in _UNANSWERED or not (0 <= row < self._fetched or self.has_line(row)):
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
        foreground and whether it is centred; None outside the list (or a line it no longer has)."""
        if not (0 <= column < self._width and (0 <= row < self._fetched or self.has_line(row))):
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
        return False  # the view has every line already: each is read when it is asked for

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        pass

    def has_line(self, row: int) -> bool:
        """Whether the list has line ``row``, read (with the pages before it) if it was not."""
        if 0 <= row < self._fetched:
            return True
        if not 0 <= row < self._total or self._more is None:
            return False
        wanted = ((row + 1 - self._fetched + self._page - 1) // self._page) * self._page
        asked = min(wanted, self._total - self._fetched)
        more = list(self._more(self._fetched, wanted))[:asked]
        self._rows.extend(more)
        self._show_lines(self._fetched)
        self._fetched = len(self._rows)
        if len(more) < asked:  # shorter than counted: changed meanwhile, to be read again
            self._more = None
            QTimer.singleShot(0, self, self.outdated.emit)  # not while Qt paints or selects
        return row < self._fetched

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns) or self._sort == (column, order):
            return
        self._sort = (column, order)
        self.order_changed.emit()

    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        """The column and direction the list is to be read in (the first column until one is chosen)."""
        return self._sort or (0, Qt.SortOrder.AscendingOrder)

    def set_page(self, first: Sequence[R], total: int, more: PageSource[R] | None) -> None:
        """A new list: its first lines, how many it has and how to read the others. The rows stay
        rows: those the new list has no more are removed at the end, those it has more are added
        there, and the lines read, which alone were painted, are told changed from the first that
        is not the same (a search that keeps the first screen repaints nothing; Qt repaints the
        whole table for any range told changed). Removing and inserting every line after it, as a
        filtering proxy does, is the view's bookkeeping of ~1000 rows at a keystroke; a model
        reset lays the header out anew."""
        new = list(first)
        count, old, painted = max(total, len(new)), self._total, self._fetched  # a line painted was read
        keep = 0
        for old_line, new_line in zip(self._rows, new, strict=False):
            if old_line != new_line:
                break
            keep += 1
        if count < old:  # the old list's last rows go first, while the old list is still read
            self.beginRemoveRows(QModelIndex(), count, old - 1)
            del self._rows[count:]
            self._show_lines(len(self._rows))
            self._fetched, self._total = len(self._rows), count
            self.endRemoveRows()
        del self._rows[keep:]
        self._rows.extend(new[keep:])
        self._show_lines(keep)
        self._fetched = len(self._rows)
        self._keys, self._texts, self._more = {}, None, more
        if count > old:
            self.beginInsertRows(QModelIndex(), old, count - 1)
            self._total = count
            self.endInsertRows()
        if keep < min(painted, count):  # a range repaints the whole table: only what was on screen
            self.dataChanged.emit(self.index(keep, 0), self.index(min(painted, count) - 1, self._width - 1))

    def set_records(self, records: Sequence[R]) -> None:
        """A whole list given at once (in the order given)."""
        self.set_page(records, len(records), None)

    def record(self, row: int) -> R:
        """The record of line ``row``, read if it was not (IndexError: the list has no such line)."""
        if not self.has_line(row):
            raise IndexError(row)
        return self._rows[row]

    def record_count(self) -> int:
        return self._total

    def fetch_through(self, row: int) -> None:
        """Read up to line ``row`` now, whole pages."""
        self.has_line(row)
