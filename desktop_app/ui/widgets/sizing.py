"""Dialog sizes that fit the screens schools have: 1366×768 with a taskbar leaves about 1366×728,
and the title bar and borders of the window come on top of the size a dialog asks for."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Room for the title bar and the borders the window system adds around a dialog.
FRAME_WIDTH, FRAME_HEIGHT = 16, 48


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` × ``height``, but never beyond the free area of the screen the widget is on."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, free.width() - FRAME_WIDTH)
        height = min(height, free.height() - FRAME_HEIGHT)
    widget.resize(width, height)
