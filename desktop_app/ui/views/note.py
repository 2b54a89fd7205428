"""A section that comes in a later version: says so plainly instead of showing empty controls."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.i18n import _
from desktop_app.ui.session import Session
from desktop_app.ui.views.base import View


class NoteView(View):
    searchable = False

    def __init__(self, session: Session, title: str, note: str, parent: QWidget | None = None) -> None:
        self.title, self.note = title, note
        super().__init__(session, parent)

    def _build_ui(self) -> None:
        self.title_label = QLabel(self)
        self.title_label.setObjectName("viewTitle")
        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.note_label)
        layout.addStretch(1)

    def retranslate_ui(self) -> None:
        self.title_label.setText(_(self.title))
        self.note_label.setText(_(self.note))
