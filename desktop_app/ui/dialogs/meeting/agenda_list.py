"""The agenda tab of the meeting editor: the list of items on the left (add, remove, move), the
editor of the chosen item on the right. Numbers follow the order of the list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import _
from desktop_app.ui.dialogs.meeting.agenda_item import AgendaItemEditor
from desktop_app.ui.widgets.fields import error_label


class AgendaList(QWidget):
    """``changed`` after an item is added, removed or moved; ``add_requested`` on Add item."""

    changed = Signal()
    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = QListWidget(self)
        self.items.setMaximumWidth(300)
        self.items.setWordWrap(True)
        self.add_item_button = QPushButton(self)
        self.remove_item_button = QPushButton(self)
        self.up_button = QPushButton("↑", self)
        self.down_button = QPushButton("↓", self)
        self.stack = QStackedWidget(self)
        self.editors: list[AgendaItemEditor] = []
        self.agenda_error = error_label(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.stack)
        side = QVBoxLayout()
        side.addWidget(self.items, 1)
        buttons = QHBoxLayout()
        for button in self.buttons():
            buttons.addWidget(button)
        side.addLayout(buttons)
        side.addWidget(self.agenda_error)
        layout = QHBoxLayout(self)
        layout.addLayout(side, 1)
        layout.addWidget(scroll, 3)
        self.add_item_button.clicked.connect(self.add_requested)
        self.remove_item_button.clicked.connect(self.remove_item)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.items.currentRowChanged.connect(self.show_item)

    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.add_item_button, self.remove_item_button, self.up_button, self.down_button)

    def retranslate_ui(self) -> None:
        self.add_item_button.setText(_("Add item"))
        self.remove_item_button.setText(_("Remove"))
        self.renumber()

    def add(self, editor: AgendaItemEditor, chosen: bool = True) -> None:
        """Add ``editor`` last, and show it when ``chosen`` (an item the user adds; a protocol's
        items are shown from the first once all are added: each one shown in turn was laid out
        for nothing)."""
        editor.title.textChanged.connect(self.renumber)
        self.editors.append(editor)
        self.stack.addWidget(editor)
        self.items.addItem("")
        self.renumber()
        if chosen:
            self.items.setCurrentRow(len(self.editors) - 1)
        self.changed.emit()

    def remove_item(self) -> None:
        row = self.items.currentRow()
        if row < 0:
            return
        editor = self.editors.pop(row)
        self.stack.removeWidget(editor)
        editor.deleteLater()
        self.items.takeItem(row)
        self.renumber()
        self.changed.emit()

    def move_item(self, step: int) -> None:
        row = self.items.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < len(self.editors):
            return
        self.editors[row], self.editors[target] = self.editors[target], self.editors[row]
        self.renumber()
        self.items.setCurrentRow(target)
        self.changed.emit()

    def renumber(self) -> None:
        untitled = _("(no title yet)")
        for row, editor in enumerate(self.editors):
            editor.number = row + 1
            entry = self.items.item(row)
            if entry is not None:
                entry.setText(f"{row + 1}. {editor.title.text().strip() or untitled}")

    def refusal_target(self, path: list[str]) -> QLabel:
        """Where a refusal of ``agenda.<n>.<part>`` is shown; its item is chosen in the list."""
        row = int(path[0]) - 1 if path and path[0].isdigit() else -1
        if len(path) < 2 or not 0 <= row < len(self.editors):
            return self.agenda_error
        self.items.setCurrentRow(row)
        editor = self.editors[row]
        return (editor.vote_error if path[1] == "vote"
                else editor.speaker_error if path[1] in ("heard", "spoke")
                else editor.decisions_error)

    def show_item(self, row: int) -> None:
        if 0 <= row < len(self.editors):
            self.stack.setCurrentWidget(self.editors[row])
