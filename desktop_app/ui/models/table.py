"""A read-only table model described by columns, and the proxy that sorts and filters it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableView

from desktop_app.i18n import _
from desktop_app.ui.models.sorting import fold, kazakh_key

R = TypeVar("R")

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex

#: The roles ``RecordTableModel.data`` answers.
_ANSWERED = frozenset(int(role) for role in (
    Qt.ItemDataRole.DisplayRole, SORT_ROLE, RECORD_ROLE, Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole))
#: The colour of the text of a dimmed row (an archived record).
DIMMED = QColor("#808080")
#: What a cell shows, in one call (a delegate painting it): its text, background, foreground and
#: whether it is centred.
Cell = tuple[str, QBrush | None, QBrush | None, bool]


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: a header msgid, the text of a cell, and optionally its sort key and colours."""

    header: str
    text: Callable[[R], str]
    sort_key: Callable[[R], str | int] | None = None
    background: Callable[[R], QColor | None] | None = None
    tooltip: Callable[[R], str | None] | None = None
    align_center: bool = False


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Rows are domain records; texts are computed at display time, so they follow the language.

    The model sorts itself (``sort``): each record's key is computed once per column, not at every
    comparison as a sorting proxy would. With ``batch`` it hands its rows to the view lazily
    (``canFetchMore``/``fetchMore``), ``batch`` at a time as the list is scrolled, for lists that can
    be long; ``record_count`` is then the whole number and ``rowCount`` what was fetched so far.
    """

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None,
                 dimmed: Callable[[R], bool] | None = None, batch: int | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[R] = []
        self._dimmed = dimmed
        self._batch = batch
        self._fetched = 0
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._keys: dict[int, list[Any]] = {}  # column -> sort key of each row, as rows are now
        self._texts: list[str] | None = None  # folded search text of each row
        self._brushes: dict[str, QBrush] = {}  # the brush of each colour painted, made once

    # Qt interface --------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._fetched

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        # One call from Qt instead of two (``hasIndex`` asks ``rowCount`` and ``columnCount``):
        # a proxy asks for an index of this model at every cell it maps.
        if 0 <= row < self._fetched and 0 <= column < len(self._columns) and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._fetched < len(self._rows)

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._fetched >= len(self._rows):
            return
        more = min(len(self._rows), self._fetched + (self._batch or len(self._rows)))
        self.beginInsertRows(QModelIndex(), self._fetched, more - 1)
        self._fetched = more
        self.endInsertRows()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A painted cell is asked ~8 roles (font, check state, decoration …): most go at once.
        if role not in _ANSWERED or not index.isValid() or not (0 <= index.row() < self._fetched):
            return None
        record = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == SORT_ROLE:
            return self._key(column, record)
        if role == RECORD_ROLE:
            return index.row()
        if role == Qt.ItemDataRole.BackgroundRole and column.background:
            colour = column.background(record)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text, for cells cut short by the width
            return column.tooltip(record) if column.tooltip else column.text(record) or None
        if role == Qt.ItemDataRole.ForegroundRole and self._dimmed and self._dimmed(record):
            return QBrush(DIMMED)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_center:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def cell(self, row: int, column: int) -> Cell | None:
        """What a cell shows, the same as ``data`` answers for its roles, in one call (a delegate
        painting it: Qt's own asks ~8 roles, each a call into Python); None outside the fetched rows."""
        if not (0 <= row < self._fetched and 0 <= column < len(self._columns)):
            return None
        record, spec = self._rows[row], self._columns[column]
        colour = spec.background(record) if spec.background else None
        dimmed = self._dimmed is not None and self._dimmed(record)
        return (spec.text(record), self._brush(colour) if colour is not None else None,
                self._brush(DIMMED) if dimmed else None, spec.align_center)

    def _brush(self, colour: QColor) -> QBrush:
        brush = self._brushes.get(colour.name(QColor.NameFormat.HexArgb))
        if brush is None:
            brush = self._brushes[colour.name(QColor.NameFormat.HexArgb)] = QBrush(colour)
        return brush

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return _(self._columns[section].header)
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Rows in the order of ``column`` (its sort key, else the Kazakh order of its text);
        stable, as Qt's proxy is; selections follow their rows."""
        if not 0 <= column < len(self._columns):
            return
        self._sort = (column, order)
        if len(self._rows) < 2:
            return
        self.layoutAboutToBeChanged.emit()
        order_of = self._arranged()
        position = {old: new for new, old in enumerate(order_of)}
        persistent = self.persistentIndexList()
        self._reorder(order_of)
        wanted = max((position[i.row()] for i in persistent if 0 <= i.row() < len(position)), default=-1)
        self._fetched = max(self._fetched, wanted + 1)
        self.changePersistentIndexList(
            persistent, [self.index(position[i.row()], i.column()) if 0 <= i.row() < len(position)
                         else QModelIndex() for i in persistent])
        self.layoutChanged.emit()

    # Ours ----------------------------------------------------------------------------------
    @staticmethod
    def _key(column: Column[R], record: R) -> Any:
        return column.sort_key(record) if column.sort_key else kazakh_key(column.text(record))

    def _arranged(self) -> list[int]:
        """Row numbers in the chosen order (the current order when none is chosen)."""
        if self._sort is None:
            return list(range(len(self._rows)))
        column, order = self._sort
        keys = self._keys.get(column)
        if keys is None:
            keys = self._keys[column] = [self._key(self._columns[column], record) for record in self._rows]
        return sorted(range(len(self._rows)), key=keys.__getitem__,
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def _reorder(self, order_of: list[int]) -> None:
        self._rows = [self._rows[i] for i in order_of]
        self._keys = {c: [keys[i] for i in order_of] for c, keys in self._keys.items()}
        if self._texts is not None:
            self._texts = [self._texts[i] for i in order_of]

    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows, self._keys, self._texts = list(records), {}, None
        if self._sort is not None and len(self._rows) > 1:
            self._reorder(self._arranged())
        self._fetched = len(self._rows) if self._batch is None else min(len(self._rows), self._batch)
        self.endResetModel()

    def record(self, row: int) -> R:
        return self._rows[row]

    def columns(self) -> list[Column[R]]:
        return list(self._columns)

    def records(self) -> list[R]:
        """Every record, fetched by the view or not."""
        return list(self._rows)

    def record_count(self) -> int:
        return len(self._rows)

    def lines_read(self) -> int:
        """How many rows the view has been given (the first ones; a paged list: the lines read)."""
        return self._fetched

    def fetch_through(self, row: int) -> None:
        """Fetch up to ``row`` now (a record chosen by id must be in the view to be selected)."""
        if self._fetched <= row < len(self._rows):
            self.beginInsertRows(QModelIndex(), self._fetched, row)
            self._fetched = row + 1
            self.endInsertRows()

    def search_text(self, row: int) -> str:
        if self._texts is None:
            # One ``fold`` over every row at once (rows apart by NUL, which it keeps): a large
            # school's first keystroke folds ~1000 rows.
            columns = self._columns
            rows = (" ".join(column.text(r) for column in columns).replace("\0", " ") for r in self._rows)
            self._texts = fold("\0".join(rows)).split("\0") if self._rows else []
        return self._texts[row]

    def retranslate(self) -> None:
        """Headers and cells are texts of the current language: tell the views to ask again."""
        self._keys, self._texts = {}, None
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._fetched and self._columns:
            self.dataChanged.emit(self.index(0, 0), self.index(self._fetched - 1, len(self._columns) - 1))
        if self._sort is not None:  # texts sort differently in the other language
            self.sort(*self._sort)


class RecordFilterProxy(QSortFilterProxyModel):
    """Keeps the rows containing the search text; sorting is the model's own (``RecordTableModel.sort``,
    keys computed once), so the proxy passes it on instead of sorting itself."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)  # the key is already folded

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, RecordTableModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def passes_everything(self) -> bool:
        """Every row of the model in the model's order (no search text): a row here is the same row
        there, and a cell painted needs no mapping (two calls into Python and back, ~3 µs a cell)."""
        return not self._needle and isinstance(self.sourceModel(), RecordTableModel)

    def set_search(self, text: str) -> None:
        needle = fold(text.strip())
        if needle != self._needle:
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        if not isinstance(model, RecordTableModel):
            return True
        return self._needle in model.search_text(source_row)

    def matching(self) -> list[int]:
        """Rows of the model that pass the search, fetched by the view or not."""
        model = self.sourceModel()
        if not isinstance(model, RecordTableModel):
            return [self.source_row(row) for row in range(self.rowCount())]
        return [row for row in range(model.record_count())
                if not self._needle or self._needle in model.search_text(row)]

    def source_row(self, proxy_row: int) -> int:
        return self.mapToSource(self.index(proxy_row, 0)).row()

    def selected_record(self, table: QTableView) -> Any:
        """The record of the table's first selected row (None when none is selected)."""
        model, rows = self.sourceModel(), table.selectionModel().selectedRows()
        if not rows or not isinstance(model, RecordTableModel):
            return None
        return model.record(self.mapToSource(rows[0]).row())

    def select_id(self, table: QTableView, record_id: str) -> None:
        """Select the row of the record ``record_id`` among the rows the search lets through."""
        model = self.sourceModel()
        if not isinstance(model, RecordTableModel):
            return
        for row in range(self.rowCount()):
            if model.record(self.source_row(row)).id == record_id:
                table.selectRow(row)
                return
