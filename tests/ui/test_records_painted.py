"""The lists of records (teachers, associations, documents, years) paint their cells through the
shared delegate (``widgets.cells.RecordCellDelegate``, one call per cell) pixel for pixel as Qt's
own delegate paints them: coloured cells, dimmed (archived) rows, centred marks, a selected row and
its framed current cell, cells cut short with "…", rows behind a search; in both languages (demo
school, the main window at 1366×768). Tooltips are still the model's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QPalette
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QTableView, QToolTip

from desktop_app import i18n
from desktop_app.domain.entities import Teacher
from desktop_app.services import Services
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.table import RecordTableModel
from desktop_app.ui.views.teachers import TeachersView
from desktop_app.ui.widgets.cells import RecordCellDelegate
from tests.ui.conftest import PaintCounter


def _painted(table: QTableView) -> QImage:
    QApplication.processEvents()
    return table.viewport().grab().toImage()


def _same_as_qt(table: QTableView) -> None:
    assert isinstance(table.itemDelegate(), RecordCellDelegate)
    quick = _painted(table)
    table.setItemDelegate(QStyledItemDelegate(table))
    standard = _painted(table)
    table.setItemDelegate(RecordCellDelegate(table))
    assert not quick.isNull() and quick == standard


def _archive_one(window: MainWindow, services: Services) -> str:
    s = window.session
    teacher = services.teachers.list_teachers(s.actor, s.school)[-1]
    services.teachers.archive(s.actor, s.school, teacher.id)
    return teacher.full_name


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_teachers_are_painted_as_qt_paints_them(window: MainWindow, services: Services, language: str) -> None:
    i18n.set_language(language)
    archived = _archive_one(window, services)
    window.show_section("teachers")
    view = window.views["teachers"]
    assert isinstance(view, TeachersView)
    view.show_archived.setChecked(True)
    QApplication.processEvents()
    model = view.model
    assert any(not t.active for t in model.records())  # a dimmed row
    assert any(model.cell(r, 4)[1] is not None for r in range(model.rowCount()))  # a coloured cell
    assert any(model.cell(r, 5)[0] for r in range(model.rowCount()))  # a centred mark
    view.table.setFocus()
    view.table.selectRow(1)
    _same_as_qt(view.table)
    view.table.horizontalHeader().resizeSection(0, 60)  # names cut short with "…"
    _same_as_qt(view.table)
    window.search.setText(archived.split()[0][:3])  # rows behind a search: the proxy maps them
    QApplication.processEvents()
    assert 0 < view.proxy.rowCount() < model.rowCount()
    _same_as_qt(view.table)
    window.search.setText("")  # every row again: painted without mapping (passes_everything)
    view.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    QApplication.processEvents()
    assert view.proxy.passes_everything() and view.proxy.rowCount() == model.rowCount()
    _same_as_qt(view.table)


@pytest.mark.parametrize("section", ["associations", "documents", "settings", "mentoring", "visits"])
def test_other_lists_are_painted_as_qt_paints_them(window: MainWindow, section: str) -> None:
    for language in ("kk", "ru"):
        i18n.set_language(language)
        window.show_section(section)
        QApplication.processEvents()
        table = window.views[section].table  # type: ignore[attr-defined]
        assert table.model().rowCount() > 0
        table.setFocus()
        table.selectRow(0)
        _same_as_qt(table)


def test_a_cell_says_what_the_model_answers_for_each_role(window: MainWindow, services: Services) -> None:
    _archive_one(window, services)
    window.show_section("teachers")
    view = window.views["teachers"]
    assert isinstance(view, TeachersView)
    view.show_archived.setChecked(True)
    model: RecordTableModel[object] = view.model
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            text, background, foreground, centred = model.cell(row, column) or ("", None, None, False)
            assert text == index.data()
            wanted = index.data(Qt.ItemDataRole.BackgroundRole)
            assert (background.color() if background else None) == (wanted.color() if wanted else None)
            wanted = index.data(Qt.ItemDataRole.ForegroundRole)
            assert (foreground.color() if foreground else None) == (wanted.color() if wanted else None)
            assert centred == (index.data(Qt.ItemDataRole.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignCenter))
    assert model.cell(model.rowCount(), 0) is None and model.cell(0, model.columnCount()) is None


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the tooltip window, offscreen
def test_tooltips_are_still_the_models(window: MainWindow, services: Services) -> None:
    archived = _archive_one(window, services)
    window.show_section("teachers")
    view = window.views["teachers"]
    assert isinstance(view, TeachersView)
    view.show_archived.setChecked(True)
    QApplication.processEvents()
    row = next(r for r in range(view.proxy.rowCount()) if view.proxy.index(r, 0).data() == archived)
    index = view.proxy.index(row, 0)
    place = view.table.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, place, view.table.viewport().mapToGlobal(place))
    QApplication.sendEvent(view.table.viewport(), event)  # the mouse rests on the archived name
    assert QToolTip.text() == index.data(Qt.ItemDataRole.ToolTipRole) == i18n._("archived")
    QToolTip.hideText()


@pytest.mark.parametrize("extra", [0, 40])  # a list that fits, and one that gets a scroll bar
def test_a_list_is_painted_once_when_its_section_first_opens(window: MainWindow, services: Services,
                                                             extra: int) -> None:
    s = window.session
    for number in range(extra):
        services.teachers.save(s.actor, s.school, Teacher(id="", last_name=f"Қосымша{number:02d}", first_name="Әлия"))
    window.show_section("overview")
    QApplication.processEvents()
    view = window.views["teachers"]
    assert isinstance(view, TeachersView)
    paints = PaintCounter()
    view.table.viewport().installEventFilter(paints)
    window.show_section("teachers")
    for _ in range(3):
        QApplication.processEvents()
    assert view.table.verticalScrollBar().isVisible() == bool(extra)
    assert paints.count == 1  # not again when the header stretched its last column or the scroll bar came


def test_a_new_font_is_painted_in_the_new_font(window: MainWindow) -> None:
    """The texts the delegate keeps laid out are laid out again when the list's font changes (the
    system's text size changed while the program runs)."""
    window.show_section("teachers")
    table = window.views["teachers"].table  # type: ignore[attr-defined]
    delegate = table.itemDelegate()
    assert isinstance(delegate, RecordCellDelegate)
    _painted(table)  # laid out in the old font
    font = table.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    table.setFont(font)
    quick = _painted(table)  # by the same delegate
    table.setItemDelegate(QStyledItemDelegate(table))
    standard = _painted(table)
    table.setItemDelegate(delegate)
    assert not quick.isNull() and quick == standard


def test_a_new_palette_is_painted_in_its_colours(window: MainWindow) -> None:
    """The text colours the delegate keeps are taken again when the list's palette changes (a
    high-contrast scheme chosen while the program runs); selected and not, pixel for pixel as Qt."""
    window.show_section("teachers")
    table = window.views["teachers"].table  # type: ignore[attr-defined]
    delegate = table.itemDelegate()
    assert isinstance(delegate, RecordCellDelegate)
    table.selectRow(1)
    before = _painted(table)  # the old colours kept
    palette = table.palette()
    palette.setColor(QPalette.ColorRole.Text, QColor("#c00000"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffff00"))
    table.setPalette(palette)
    quick = _painted(table)  # by the same delegate
    table.setItemDelegate(QStyledItemDelegate(table))
    standard = _painted(table)
    table.setItemDelegate(delegate)
    assert not quick.isNull() and quick == standard and quick != before
