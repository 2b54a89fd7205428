"""A read-only list of one kind of record for the selected academic year (sections to be built out)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from desktop_app.i18n import _
from desktop_app.ui.models.table import Column, RecordFilterProxy, RecordTableModel
from desktop_app.ui.widgets.view import View, fit_columns, make_table


class RecordsView(View):
    """Subclasses give the title, the columns and how to load the records of the year."""

    title = ""
    note = ""

    def columns(self) -> Sequence[Column[Any]]:
        raise NotImplementedError

    def load(self) -> Sequence[Any]:
        raise NotImplementedError

    def _build_ui(self) -> None:
        self.title_label = QLabel(self)
        self.title_label.setObjectName("viewTitle")
        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)
        self.note_label.setObjectName("viewNote")
        self.model: RecordTableModel[Any] = RecordTableModel(self.columns(), self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("viewNote")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.note_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)

    def retranslate_ui(self) -> None:
        self.title_label.setText(_(self.title))
        self.note_label.setText(_(self.note))
        self.note_label.setVisible(bool(self.note))
        self.model.retranslate()
        self._update_empty()

    def refresh(self) -> None:
        self.model.set_records(self.load() if self.year is not None else [])
        fit_columns(self.table)
        self._update_empty()

    def set_search(self, text: str) -> None:
        super().set_search(text)
        self.proxy.set_search(text)
        self._update_empty()

    def _update_empty(self) -> None:
        if self.year is None:
            text = _("Choose an academic year.")
        elif self.model.rowCount() == 0:
            text = _("No records for this academic year.")
        elif self.proxy.rowCount() == 0:
            text = _("Nothing matches the search.")
        else:
            text = ""
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))
