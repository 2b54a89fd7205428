"""Cells of a list painted from one call per cell, as Qt's own delegate paints them.

Qt's own delegate asks the model seven roles per painted cell (each a call from Qt into Python;
through a filtering proxy each also asks the proxy's source for an index) and lays the text out
again at every paint: a screen of a large school's KTPs (~18 lines of 8 columns) took ~5 ms, a
tenth of a year switch. These read a cell's text and colours in one call, keep each text laid out
(``QTextLayout``, per text and width, as the style lays it out) and leave the panel (selection,
hover, the line's colour) and the focus frame to the style, so the list looks as the style draws
any other list. Tooltips are still the model's (``ToolTipRole``, asked only when one is shown).
"""

from __future__ import annotations

from math import ceil
from typing import Any, cast

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPointF, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QTextLayout, QTextLine, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionFocusRect, QStyleOptionViewItem, QWidget

from desktop_app.ui.models.table import Cell, RecordFilterProxy, RecordTableModel

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
#: What the kept layouts were made for changed (the list's font; its style, whose margin they fit),
#: or the colours kept (its palette).
_RELAID = frozenset({QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.PaletteChange})


class CellDelegate(QStyledItemDelegate):
    """Paints a cell from what ``cell`` says it shows; a cell it says nothing of (None), as Qt does."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        #: (text, width, centred) → the text laid out as shown, and its height.
        self._laid_out: dict[tuple[str, int, bool], tuple[QTextLayout, int]] = {}
        self._margins: dict[QStyle, int] = {}
        #: The palette's text colours by colour group and role (asking the palette costs a cell ~1 µs).
        self._colours: dict[tuple[QPalette.ColorGroup, QPalette.ColorRole], QColor] = {}
        #: How a text is laid out, by direction and centring.
        self._options: dict[tuple[Qt.LayoutDirection, bool], QTextOption] = {}
        parent.installEventFilter(self)  # a new font, style or palette: laid out and coloured again

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.parent():  # an editor it opened: Return commits, Escape closes
            return super().eventFilter(watched, event)
        if event.type() in _RELAID:
            self._laid_out.clear()
            self._margins.clear()
            self._colours.clear()
        return False

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        line = self.cell(index)
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
        if text:
            # Each call into PySide costs about as much as the drawing it asks for: the cell's box is
            # read in one call, the margin and each laid-out text once (a screen is ~150 cells).
            x, y, cell_width, cell_height = cast(tuple[int, int, int, int], option.rect.getRect())
            margin = self._margins.get(style)
            if margin is None:  # the style's text margin in a cell, as it lays a cell's text out
                margin = self._margins[style] = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin,
                                                                  None, widget) + 1
            width = cell_width - 2 * margin
            laid = self._laid_out.get((text, width, centred))
            if laid is None:
                laid = self._lay_out(text, width, centred, option)
            if foreground is not None and not state & _SELECTED:
                painter.setPen(foreground.color())
            else:
                role = _HIGHLIGHTED if state & _SELECTED else _TEXT
                colour = self._colours.get((group, role))
                if colour is None:
                    colour = self._colours[(group, role)] = option.palette.color(group, role)
                painter.setPen(colour)
            layout, height = laid
            # Centred in whole pixels, as the style places a text in a cell (the same pixels as Qt's delegate).
            layout.draw(painter, QPointF(x + margin, y + (cell_height - height) // 2))
        if state & _FOCUS:  # the current cell, framed as the style frames it in any list
            frame = QStyleOptionFocusRect()
            frame.initFrom(widget)
            frame.rect = option.rect
            frame.state = option.state | QStyle.StateFlag.State_KeyboardFocusChange | QStyle.StateFlag.State_Item
            frame.backgroundColor = option.palette.color(
                group, QPalette.ColorRole.Highlight if state & _SELECTED else QPalette.ColorRole.Window)
            style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, frame, painter, widget)

    def cell(self, index: QModelIndex | QPersistentModelIndex) -> Cell | None:
        raise NotImplementedError

    def _lay_out(self, text: str, width: int, centred: bool,
                 option: QStyleOptionViewItem) -> tuple[QTextLayout, int]:
        """``text`` as one plain line ``width`` wide, cut with "…" where it is wider, laid out as the
        style lays a cell's text out (its fractional width decides the cut and places a centred
        text: neither the font metrics' nor a static text's width always agrees)."""
        wrap = self._options.get((option.direction, centred))
        if wrap is None:
            wrap = self._options[(option.direction, centred)] = _text_option(option.direction, centred)
        layout, line = _line(text, width, wrap, option)
        if line.naturalTextWidth() > width:
            layout, line = _line(option.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, width),
                                 width, wrap, option)
        if len(self._laid_out) >= KEPT:
            for key in list(self._laid_out)[:KEPT // 2]:
                del self._laid_out[key]
        laid = self._laid_out[(text, width, centred)] = (layout, ceil(line.height()))
        return laid


def _text_option(direction: Qt.LayoutDirection, centred: bool) -> QTextOption:
    """One plain line, as the style lays out a cell's text."""
    wrap = QTextOption()
    wrap.setWrapMode(QTextOption.WrapMode.ManualWrap)
    wrap.setTextDirection(direction)
    wrap.setAlignment(Qt.AlignmentFlag.AlignHCenter if centred else Qt.AlignmentFlag.AlignLeft)
    return wrap


def _line(text: str, width: int, wrap: QTextOption, option: QStyleOptionViewItem) -> tuple[QTextLayout, QTextLine]:
    """The first paint of a list lays out each of its ~150 texts: each call into Qt here costs
    about a microsecond, so the option is made once per list and the line stays where a new line
    is (0, 0) rather than being placed there."""
    layout = QTextLayout(text, option.font)
    layout.setTextOption(wrap)
    layout.setCacheEnabled(True)  # drawn at every paint: its glyphs kept
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(width)
    layout.endLayout()
    return layout, line


class RecordCellDelegate(CellDelegate):
    """The cells of a list of records (``RecordTableModel``), shown by the table itself or through a
    proxy that filters it (``RecordFilterProxy``); any other model's cells as Qt paints them."""

    def cell(self, index: QModelIndex | QPersistentModelIndex) -> Cell | None:
        model = index.model()
        if isinstance(model, RecordTableModel):
            return model.cell(index.row(), index.column())
        if isinstance(model, RecordFilterProxy) and model.passes_everything():
            return cast(RecordTableModel[Any], model.sourceModel()).cell(index.row(), index.column())
        if isinstance(model, QSortFilterProxyModel):
            source = model.sourceModel()
            if isinstance(source, RecordTableModel):
                mapped = model.mapToSource(index)
                return source.cell(mapped.row(), mapped.column())
        return None
