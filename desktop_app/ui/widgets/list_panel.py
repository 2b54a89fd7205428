"""A list on a Settings page (subjects, accounts): its title, a row of buttons, the records in a
table in the order the service gives them, and a line above or below the table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.ui.models.table import RecordTableModel
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.view import fit_columns, make_table

R = TypeVar("R")


class ListPanel(QWidget, Generic[R]):
    """Subclasses make their buttons, call ``build_list`` and enable the buttons in
    ``_update_buttons`` (called whenever the selection changes). Signal ``status_message`` (an
    i18n.Message) says in the window's status bar what was done."""

    status_message = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.title_label = QLabel(self)
        self.title_label.setObjectName("viewSubtitle")

    def build_list(self, model: RecordTableModel[R], buttons: Sequence[QPushButton], *,
                   above: QWidget | None = None, below: QWidget | None = None) -> None:
        self.model = model
        self.table = make_table(self)
        self.table.setModel(model)
        self.table.setSortingEnabled(False)  # the service's order (the school's, by login)
        bar = QHBoxLayout()
        for button in buttons:
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(bar)
        if above is not None:
            layout.addWidget(above)
        layout.addWidget(self.table, 1)
        if below is not None:
            layout.addWidget(below)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    def _update_buttons(self) -> None:
        """Enable the buttons that need a selected record."""

    def show_records(self, records: Sequence[R]) -> None:
        self.model.set_records(records)
        fit_columns(self.table)

    def selected(self) -> R | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_where(self, match: Callable[[R], bool]) -> None:
        for row, record in enumerate(self.model.records()):
            if match(record):
                self.table.selectRow(row)
