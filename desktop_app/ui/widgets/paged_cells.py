"""The cells of a list read a page at a time, painted from what each line showed when it was fetched.

Qt's own delegate asks the model seven roles per painted cell (each a call from Qt into Python)
and lays the text out again at every paint: a screen of a large school's KTPs (~18 lines of 8
columns) took ~5 ms, a tenth of a year switch. This one reads the line's texts and colours from
``PagedTableModel`` in one call, keeps each text laid out (``QStaticText``, per text and width) and
leaves the panel (selection, hover, the line's colour) and the focus frame to the style, so the
list looks as the style draws any other list.
"""

from __future__ import annotations

from math import ceil
from typing import Any, cast

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QPainter, QPalette, QStaticText, QTransform
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionFocusRect, QStyleOptionViewItem, QWidget

from desktop_app.ui.models.paged import PagedTableModel

#: Texts kept laid out (a few screens of cells in a few widths); more and the oldest half goes.
KEPT = 4096

_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_SELECTED = QStyle.StateFlag.State_Selected.value
_FOCUS = QStyle.StateFlag.State_HasFocus.value
_HOVER = QStyle.StateFlag.State_MouseOver.value
_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewItem
_NORMAL, _INACTIVE, _DISABLED = QPalette.ColorGroup.Normal, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled
_TEXT, _HIGHLIGHTED = QPalette.ColorRole.Text, QPalette.ColorRole.HighlightedText


class PagedCellDelegate(QStyledItemDelegate):
    """Paints the cells of ``model`` (the table's own model: no proxy between them)."""

    def __init__(self, model: PagedTableModel[Any], parent: QWidget) -> None:
        super().__init__(parent)
        self._model = model
        self._laid_out: dict[tuple[str, int], tuple[QStaticText, float, int]] = {}
        self._margins: dict[QStyle, int] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        # Each call into PySide costs about as much as the drawing it asks for: the cell's box is
        # read in one call and each text is kept with its size (a screen is ~150 cells).
        line = self._model.cell(index.row(), index.column())
        widget = option.widget
        style = widget.style() if widget is not None else None
        if line is None or style is None:
            super().paint(painter, option, index)
            return
        text, background, foreground, centred = line
        state = option.state.value
        if background is not None:
            option.backgroundBrush = background
        if background is not None or state & (_SELECTED | _HOVER):  # else the style draws nothing here
            style.drawPrimitive(_PANEL, option, painter, widget)
        group = _NORMAL if state & _ENABLED else _DISABLED
        if group == _NORMAL and not state & _ACTIVE:
            group = _INACTIVE
        x, y, width, height = cast(tuple[int, int, int, int], option.rect.getRect())  # one call, not four
        if text:
            margin = self._margins.get(style)
            if margin is None:  # the style's text margin in a cell, as it lays a cell's text out
                margin = self._margins[style] = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin,
                                                                  None, widget) + 1
            room = width - 2 * margin
            laid = self._laid_out.get((text, room))
            if laid is None:
                laid = self._lay_out(text, room, option)
            if state & _SELECTED:
                painter.setPen(option.palette.color(group, _HIGHLIGHTED))
            elif foreground is not None:
                painter.setPen(foreground.color())
            else:
                painter.setPen(option.palette.color(group, _TEXT))
            static, text_width, text_height = laid
            left = x + margin + ((room - text_width) / 2 if centred else 0)
            # Centred in whole pixels, as the style places a text in a cell (the same pixels as Qt's delegate).
            painter.drawStaticText(QPointF(left, y + (height - text_height) // 2), static)
        if state & _FOCUS:  # the current cell, framed as the style frames it in any list
            frame = QStyleOptionFocusRect()
            frame.initFrom(widget)
            frame.rect = option.rect
            frame.state = option.state | QStyle.StateFlag.State_KeyboardFocusChange | QStyle.StateFlag.State_Item
            frame.backgroundColor = option.palette.color(
                group, QPalette.ColorRole.Highlight if state & _SELECTED else QPalette.ColorRole.Window)
            style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, frame, painter, widget)

    def _lay_out(self, text: str, width: int, option: QStyleOptionViewItem) -> tuple[QStaticText, float, int]:
        """``text`` as one plain line, cut with "…" where it is wider than ``width``, with its
        width and its height in whole pixels."""
        metrics = option.fontMetrics
        shown = text if metrics.horizontalAdvance(text) <= width else metrics.elidedText(
            text, Qt.TextElideMode.ElideRight, width)
        static = QStaticText(shown)
        static.setTextFormat(Qt.TextFormat.PlainText)
        static.prepare(QTransform(), option.font)  # laid out in the cell's font now: its size is that of the paint
        size = static.size()
        if len(self._laid_out) >= KEPT:
            for key in list(self._laid_out)[:KEPT // 2]:
                del self._laid_out[key]
        laid = self._laid_out[(text, width)] = (static, size.width(), ceil(size.height()))
        return laid

