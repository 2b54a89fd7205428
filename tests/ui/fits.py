"""What a user cannot read whole (issue 13, point 7): a text wider than the widget that shows it.

``clipped(window)`` lists, for every shown widget of a window: buttons, labels without word wrap,
the current text of combo boxes, tab titles, group box titles and the header sections of tables
whose text is wider than the section. Each text is measured with the widget's own font
(``fontMetrics().horizontalAdvance``) against the room the style leaves for it.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QToolButton,
    QWidget,
)

#: Pixels a text may overhang (antialiasing, rounding of the font metrics).
SLACK = 2


def _shown(widget: QWidget) -> bool:
    """Shown to the user now: every parent up to the window visible (a page behind a tab is not).
    A header is asked through its viewport, which covers it whole (its own visible region is empty)."""
    seen = widget.viewport() if isinstance(widget, QHeaderView) else widget
    return widget.isVisible() and widget.width() > 0 and not seen.visibleRegion().isEmpty()


def _lines(text: str) -> list[str]:
    return [line for line in text.replace("&&", "\0").replace("&", "").replace("\0", "&").split("\n")]


def _advance(widget: QWidget, text: str) -> int:
    metrics = widget.fontMetrics()
    return max((metrics.horizontalAdvance(line) for line in _lines(text)), default=0)


def _button_room(button: QAbstractButton) -> int:
    """The width left for the text of ``button`` once the style has taken its margins."""
    style = button.style()
    icon = button.iconSize().width() + 4 if not button.icon().isNull() and button.text() else 0
    if isinstance(button, QCheckBox | QRadioButton):
        kind = QStyle.PixelMetric.PM_IndicatorWidth if isinstance(button, QCheckBox) \
            else QStyle.PixelMetric.PM_ExclusiveIndicatorWidth
        spacing = style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, button)
        return button.width() - style.pixelMetric(kind, None, button) - spacing - icon
    margin = style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
    frame = 2 * style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, button)
    menu = 0
    if isinstance(button, QPushButton) and button.menu() is not None:
        menu = style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    if isinstance(button, QToolButton) and button.popupMode() is QToolButton.ToolButtonPopupMode.InstantPopup \
            and button.menu() is not None:
        menu = style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    if isinstance(button, QToolButton):
        margin = 6
    return button.width() - margin - frame - icon - menu


def _combo_room(combo: QComboBox) -> int:
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.editable = combo.isEditable()
    option.frame = combo.hasFrame()
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    return field.width()


def _where(widget: QWidget) -> str:
    names = []
    current: QWidget | None = widget
    while current is not None and not current.isWindow():
        if current.objectName():
            names.append(current.objectName())
        current = current.parentWidget()
    return f"{type(widget).__name__}{' ' + '/'.join(reversed(names)) if names else ''}"


def clipped(window: QWidget, headers: bool = True) -> list[str]:
    """Every text in ``window`` a user sees cut (or hidden behind the edge of its widget)."""
    return list(_clipped(window, headers))


def _clipped(window: QWidget, headers: bool) -> Iterator[str]:
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not _shown(widget):
            continue
        where = _where(widget)
        if isinstance(widget, QAbstractButton) and widget.text():
            need, room = _advance(widget, widget.text()), _button_room(widget)
            if need > room + SLACK:
                yield f"{where}: button {widget.text()!r} needs {need}px, has {room}px"
        elif isinstance(widget, QLabel) and not widget.wordWrap() and widget.pixmap().isNull() \
                and widget.textFormat() is not Qt.TextFormat.RichText and not widget.text().lstrip().startswith("<") \
                and widget.text():
            room = widget.contentsRect().width() - 2 * widget.margin() - 2 * widget.indent() * (widget.indent() > 0)
            need = _advance(widget, widget.text())
            if need > room + SLACK:
                yield f"{where}: label {widget.text()!r} needs {need}px, has {room}px"
        elif isinstance(widget, QComboBox) and widget.currentText():
            need, room = _advance(widget, widget.currentText()), _combo_room(widget)
            if need > room + SLACK:
                yield f"{where}: combo {widget.currentText()!r} needs {need}px, has {room}px"
        elif isinstance(widget, QGroupBox) and widget.title():
            need, room = _advance(widget, widget.title()), widget.width() - 16
            if need > room + SLACK:
                yield f"{where}: group {widget.title()!r} needs {need}px, has {room}px"
        elif isinstance(widget, QTabBar):
            yield from _tabs(widget, where)
        elif headers and isinstance(widget, QHeaderView) \
                and widget.orientation() is Qt.Orientation.Horizontal:
            yield from _sections(widget, where)


def _tabs(bar: QTabBar, where: str) -> Iterator[str]:
    hspace = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
    for index in range(bar.count()):
        rect = bar.tabRect(index)
        need = _advance(bar, bar.tabText(index)) + hspace // 2
        if rect.width() < need or rect.right() > bar.width():
            yield f"{where}: tab {bar.tabText(index)!r} needs {need}px, has {rect.width()}px"


def _sections(header: QHeaderView, where: str) -> Iterator[str]:
    """Header sections whose title is cut; a header whose table scrolls sideways counts too."""
    model = header.model()
    if model is None:
        return
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        if not text:
            continue
        if header.defaultAlignment() & Qt.TextFlag.TextWordWrap:  # a title on several lines: its longest word
            need = max(_advance(header, word) for word in text.split()) + 2 * margin
        else:
            need = _advance(header, text) + 2 * margin
        if need > header.sectionSize(section) + SLACK:
            yield f"{where}: column {text!r} needs {need}px, has {header.sectionSize(section)}px"


def scrolls_sideways(view: QAbstractScrollArea) -> bool:
    """True when a user must scroll sideways to see the whole table or list."""
    bar = view.horizontalScrollBar()
    return bar.isVisible() and bar.maximum() > 0


def tables(window: QWidget) -> list[QAbstractItemView]:
    """The shown tables and lists of ``window``, each with the object name or the type."""
    return [w for w in window.findChildren(QAbstractItemView) if w.window() is window and _shown(w)
            and not isinstance(w.parentWidget(), QStackedWidget | QComboBox)]
