"""Every section and every dialog reads whole at 1366×768, in Kazakh and in Russian (issue 13,
point 7): no button, label, combo box, tab, group box title or column title is cut, and Teachers,
Mentoring and the protocol search need no sideways scrolling.

The dialogs are those of tests/ui/every_dialog.py. Texts are measured with the widget's own font
against the room the widget has (tests/ui/fits.py); the test font of the offscreen platform is
wider than Segoe UI, so what fits here fits on a school's Windows PC.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from desktop_app.ui.main_window import SECTIONS, MainWindow
from desktop_app.ui.style import STYLE
from desktop_app.ui.views.meetings import MeetingsView
from tests.ui.every_dialog import DIALOGS
from tests.ui.fits import clipped, scrolls_sideways


@pytest.fixture(autouse=True)
def application_style() -> Iterator[None]:
    """The style sheet the program sets on the application (fonts of titles, navigation)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.styleSheet()
    app.setStyleSheet(STYLE)
    yield
    app.setStyleSheet(before)


class SchoolScreen:
    """A 1366×768 screen with a 40-pixel taskbar, as dialogs see it through ``QWidget.screen()``
    (the offscreen platform's own screen is 800×600)."""

    def geometry(self) -> QRect:
        return QRect(0, 0, 1366, 768)

    def availableGeometry(self) -> QRect:
        return QRect(0, 0, 1366, 728)


def _size_as_on_school_screen(dialog: QWidget) -> None:
    """The size Qt gives a dialog that did not choose one on a 1366×768 screen: its size hint, at
    most two thirds of the screen, never below its minimum (the offscreen screen is smaller)."""
    if dialog.testAttribute(Qt.WidgetAttribute.WA_Resized):
        return
    hint = dialog.sizeHint()
    dialog.resize(QSize(min(hint.width(), 1366 * 2 // 3), min(hint.height(), 768 * 2 // 3))
                  .expandedTo(dialog.minimumSizeHint()))


def _settle() -> None:
    for _round in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_section_reads_whole_without_sideways_scrolling(window: MainWindow, language: str) -> None:
    window.set_language(language)
    assert window.width() == 1366 and window.height() == 768
    problems = []
    for section in SECTIONS:
        window.show_section(section.key)
        _settle()
        problems += [f"{section.key}: {p}" for p in clipped(window)]
    for key in ("teachers", "mentoring"):
        window.show_section(key)
        _settle()
        table = window.views[key].table  # type: ignore[attr-defined]
        if scrolls_sideways(table):
            problems.append(f"{key}: the table scrolls sideways")
    meetings = window.views["meetings"]
    assert isinstance(meetings, MeetingsView)
    window.show_section("meetings")
    meetings.tabs.setCurrentIndex(1)
    meetings.search_panel.query.setText("ОҚУ ЖЫЛЫ")
    meetings.search_panel.run()
    _settle()
    assert meetings.search_panel.model.rowCount() > 0
    problems += [f"protocol search: {p}" for p in clipped(window)]
    if scrolls_sideways(meetings.search_panel.table):
        problems.append("protocol search: the results scroll sideways")
    assert not problems, f"cut or too wide at 1366×768 ({language}):\n" + "\n".join(problems)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_dialog_reads_whole(qtbot, window: MainWindow, language: str,  # type: ignore[no-untyped-def]
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QWidget, "screen", lambda _self: SchoolScreen())
    window.set_language(language)
    problems = []
    for entry in DIALOGS:
        dialog = entry.open(window)
        qtbot.addWidget(dialog)
        _size_as_on_school_screen(dialog)
        dialog.show()
        _settle()
        screen = SchoolScreen().availableGeometry()
        if not isinstance(dialog, QMainWindow) and (dialog.width() > screen.width() - 16
                                                    or dialog.height() > screen.height() - 48):
            problems.append(f"{entry.name}: {dialog.width()}×{dialog.height()} is larger than the screen")
        problems += [f"{entry.name}: {p}" for p in clipped(dialog)]
        dialog.close()
    assert not problems, f"cut at 1366×768 ({language}):\n" + "\n".join(problems)


def test_the_association_dialog_shows_every_subject_without_scrolling(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 13: the subject list showed four rows; the demo school has more subjects."""
    monkeypatch.setattr(QWidget, "screen", lambda _self: SchoolScreen())
    window.show_section("associations")
    associations = window.views["associations"]
    dialog = associations.make_dialog(associations.selected())  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    _size_as_on_school_screen(dialog)
    dialog.show()
    _settle()
    subjects = dialog.subjects
    assert subjects.count() > 4
    viewport = subjects.viewport().rect()
    hidden = [subjects.item(row).text() for row in range(subjects.count())
              if not viewport.contains(subjects.visualItemRect(subjects.item(row)))]
    assert hidden == [], f"subjects a user must scroll to: {hidden}"
