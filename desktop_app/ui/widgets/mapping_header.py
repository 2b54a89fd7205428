"""A table's column header with a field chooser under each heading (the KTP import's preview)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QResizeEvent
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableView

from desktop_app.services.plan_import import PlanTable
from desktop_app.ui.models.plan_import import LEADING, one_line

#: The widths come from a sample of the lessons' cells, not from every cell (a year's KTP has 170+).
SAMPLE_ROWS = 60


class MappingHeader(QHeaderView):
    """The preview's column header with a field chooser under the heading of each file column, so
    the choice sits right above the cells it reads."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(Qt.Orientation.Horizontal, table)
        self.combos: dict[int, QComboBox] = {}
        self.sectionResized.connect(self.place)
        self.geometriesChanged.connect(self.place)
        table.horizontalScrollBar().valueChanged.connect(self.place)

    def set_combos(self, combos: dict[int, QComboBox]) -> None:
        for combo in self.combos.values():
            combo.deleteLater()
        self.combos = combos
        for combo in combos.values():
            combo.setParent(self)
            combo.show()
        self.updateGeometry()
        self.place()

    def _extra(self) -> int:
        return max((c.sizeHint().height() for c in self.combos.values()), default=0) + 4

    def sizeHint(self) -> QSize:
        size = super().sizeHint()
        return QSize(size.width(), size.height() + (self._extra() if self.combos else 0))

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        if logical in self.combos:
            rect = QRect(rect.x(), rect.y(), rect.width(), rect.height() - self._extra())
        super().paintSection(painter, rect, logical)

    def fit_to(self, table: PlanTable | None, first: int, metrics: QFontMetrics) -> None:
        """Wide enough for the lessons' cells (from row ``first``) and the field chooser; a long title
        above the header row does not widen its column."""
        self.resizeSection(0, 56)
        self.resizeSection(1, 64)
        if table is None:
            return
        rows = range(first, min(len(table.rows), first + SAMPLE_ROWS))
        for column in range(table.width):
            texts = [one_line(table.text(r, column)) for r in rows]
            widest = max((metrics.horizontalAdvance(t) for t in texts), default=0) + 16
            self.resizeSection(LEADING + column, max(min(widest, 300), 195))
        self.place()

    def place(self) -> None:
        extra = self._extra()
        for logical, combo in self.combos.items():
            combo.setGeometry(self.sectionViewportPosition(logical) + 2, self.height() - extra + 1,
                              max(self.sectionSize(logical) - 4, 0), extra - 3)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.place()
