"""Dialogs fit a 1366×768 screen with a taskbar (1366×728 free), title bar and borders included."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from desktop_app.ui.widgets.sizing import FRAME_HEIGHT, FRAME_WIDTH, fit_to_screen


class _Screen:
    def __init__(self, width: int, height: int) -> None:
        self.free = QRect(0, 0, width, height)

    def availableGeometry(self) -> QRect:
        return self.free


def test_a_dialog_is_made_to_fit_the_free_area_of_a_small_screen(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    monkeypatch.setattr(widget, "screen", lambda: _Screen(1366, 728))
    fit_to_screen(widget, 1300, 700)
    assert widget.width() == 1300 and widget.height() == 728 - FRAME_HEIGHT
    assert widget.height() + FRAME_HEIGHT <= 728


def test_a_large_screen_gets_the_size_asked_for(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    monkeypatch.setattr(widget, "screen", lambda: _Screen(1920, 1040))
    fit_to_screen(widget, 1300, 700)
    assert (widget.width(), widget.height()) == (1300, 700)
    monkeypatch.setattr(widget, "screen", lambda: _Screen(1024, 728))
    fit_to_screen(widget, 1300, 700)
    assert widget.width() == 1024 - FRAME_WIDTH
