"""The "who visited whom" matrix: observers down, teachers observed across, counts in the cells;
the columns of teachers nobody has visited are tinted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from desktop_app.i18n import _
from desktop_app.services.visits import VisitMatrix
from desktop_app.ui.models.table import AnyIndex

UNVISITED = QColor("#fde2e2")


class VisitMatrixModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matrix: VisitMatrix | None = None
        self.names: dict[str, str] = {}
        self._unvisited: set[str] = set()

    def set_matrix(self, matrix: VisitMatrix | None, names: dict[str, str]) -> None:
        self.beginResetModel()
        self.matrix, self.names = matrix, names
        self._unvisited = set(matrix.unvisited) if matrix else set()  # once, not per cell
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.observers)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.teachers)

    def _name(self, teacher: str) -> str:
        return self.names.get(teacher, teacher)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.matrix is None or not index.isValid():
            return None
        if not (0 <= index.row() < len(self.matrix.observers) and 0 <= index.column() < len(self.matrix.teachers)):
            return None
        observer, teacher = self.matrix.observers[index.row()], self.matrix.teachers[index.column()]
        count = self.matrix.count(observer, teacher)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(count) if count else ("—" if observer == teacher else "")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and teacher in self._unvisited:
            return QBrush(UNVISITED)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _("{observer} visited lessons of {teacher}: {count}").format(
                observer=self._name(observer), teacher=self._name(teacher), count=count)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.matrix is None:
            return None
        people = self.matrix.teachers if orientation == Qt.Orientation.Horizontal else self.matrix.observers
        if not 0 <= section < len(people):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._name(people[section]).replace(" ", "\n", 1) if orientation == Qt.Orientation.Horizontal \
                else self._name(people[section])
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            visited = self.matrix.visited(people[section])
            return _("Nobody has visited") if not visited else _("Visits: {count}").format(count=visited)
        return None

    def retranslate(self) -> None:
        if self.matrix is not None and self.matrix.teachers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.matrix.teachers) - 1)
