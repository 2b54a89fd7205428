"""A combo box as wide as its longest choice, fitted again as soon as its choices change."""

from __future__ import annotations

from math import ceil

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QWidget

#: What the width was measured with changed.
_REMEASURED = frozenset({QEvent.Type.FontChange, QEvent.Type.StyleChange})


class FittedComboBox(QComboBox):
    """Measured as Qt's ``AdjustToContents`` measures a combo box (the widest choice's text, then the
    style's frame and arrow), but told to its layout with the change of its choices.

    Qt re-fits an ``AdjustToContents`` box 20 ms after its choices change, on a timer that resizes
    it outside its layout: a section that filled one as it opened has been painted by then, and is
    laid out and painted a second time (~3 ms of a large school's lesson visits, issue 15)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fitted: QSize | None = None
        model = self.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged,
                       model.layoutChanged):
            signal.connect(self._choices_changed)

    def _choices_changed(self, *_args: object) -> None:
        self._fitted = None
        self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _REMEASURED:
            self._fitted = None
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        if self._fitted is None:
            metrics = self.fontMetrics()
            widths = [metrics.boundingRect(self.itemText(i)).width() for i in range(self.count())]
            width = max(widths) if widths else 7 * metrics.horizontalAdvance("x")
            height = max(ceil(QFontMetricsF(self.font()).height()), 14) + 2
            option = QStyleOptionComboBox()
            self.initStyleOption(option)
            self._fitted = self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option,
                                                         QSize(width, height), self)
        return QSize(self._fitted)

