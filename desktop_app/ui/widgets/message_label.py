"""A line that tells the outcome of an action (a refusal in red, a success in green) and keeps
telling it in the new language after a live switch."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.i18n import Message, render
from desktop_app.ui.widgets.fields import ERROR_STYLE, OK_STYLE


class MessageLabel(QLabel):
    """Holds the message itself (a lazy ``Text`` or a refusal), not its text, so LanguageChange
    renders it again; a plain string (already translated) stays as it is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.message: Message = ""

    def show_message(self, message: Message, ok: bool = False) -> None:
        self.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message = message
        self.setText(render(message))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.message:
            self.setText(render(self.message))
        super().changeEvent(event)
