"""Column titles a user can read (ui/widgets/columns.py): the columns that share the room left keep
their titles whole, as Qt's Stretch mode did not («Методическое объединение» cut on both sides in
the Documents section at 1366×768); a title with no room left ends in "…" and shows whole as a
tooltip."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QStyle

from desktop_app import i18n
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.table import Column, RecordTableModel
from desktop_app.ui.views.documents import DocumentsView
from desktop_app.ui.widgets import columns
from desktop_app.ui.widgets.columns import keep_fitted
from desktop_app.ui.widgets.view import make_table


@dataclass(frozen=True)
class Line:
    kind: str
    body: str
    name: str


def _need(header, text: str) -> int:  # type: ignore[no-untyped-def]
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    return header.fontMetrics().horizontalAdvance(text) + 2 * margin


def test_the_columns_sharing_the_room_keep_their_titles_whole(qtbot) -> None:  # type: ignore[no-untyped-def]
    model: RecordTableModel[Line] = RecordTableModel([
        Column("Kind", lambda r: r.kind), Column("Методическое объединение", lambda r: r.body),
        Column("Name", lambda r: r.name)])
    table = make_table()
    table.setModel(model)
    qtbot.addWidget(table)
    table.resize(420, 200)
    table.show()
    model.set_records([Line("Журнал регистрации протоколов", "МО", "Мұғалім " + "ә" * 30)])
    keep_fitted(table, [260, 40, 300], 250, fill=(1,))
    QApplication.processEvents()
    header = table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(3)]
    assert widths[1] >= _need(header, "Методическое объединение"), widths
    assert sum(widths) == table.viewport().width(), widths  # no sideways scrolling, no gap
    table.resize(900, 200)  # wider: the room left goes to the sharing column
    QApplication.processEvents()
    assert header.sectionSize(1) > widths[1] and header.sectionSize(0) == 250


def test_a_title_without_room_ends_in_an_ellipsis_and_shows_whole_as_a_tooltip(  # type: ignore[no-untyped-def]
        qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []

    class Tip:  # the offscreen platform cannot raise a tooltip's window (a Qt warning)
        @staticmethod
        def showText(_where: QPoint, text: str, _widget: object) -> None:
            shown.append(text)

    monkeypatch.setattr(columns, "QToolTip", Tip)
    model: RecordTableModel[Line] = RecordTableModel([
        Column("Молодые специалисты с наставником", lambda r: r.kind), Column("Name", lambda r: r.name)])
    table = make_table()
    table.setModel(model)
    qtbot.addWidget(table)
    table.resize(300, 200)
    table.show()
    header = table.horizontalHeader()
    header.resizeSection(0, 60)
    assert header.textElideMode() is Qt.TextElideMode.ElideRight
    point = QPoint(20, header.height() // 2)
    QApplication.sendEvent(header.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, header.mapToGlobal(point)))
    assert shown == ["Молодые специалисты с наставником"]
    header.resizeSection(0, 280)  # whole: no tooltip of ours
    QApplication.sendEvent(header.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, header.mapToGlobal(point)))
    assert shown == ["Молодые специалисты с наставником"]


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_documents_titles_are_whole_at_1366x768(window: MainWindow, language: str) -> None:
    window.set_language(language)
    i18n.set_language(language)
    window.show_section("documents")
    for _round in range(3):
        QApplication.processEvents()
    view = window.views["documents"]
    assert isinstance(view, DocumentsView)
    header, model = view.table.horizontalHeader(), view.table.model()
    cut = [(title, header.sectionSize(c), _need(header, title)) for c in range(header.count())
           if (title := str(model.headerData(c, Qt.Orientation.Horizontal))) and
           header.sectionSize(c) + 2 < _need(header, title)]
    assert not cut, cut
    assert view.table.horizontalScrollBar().maximum() == 0
