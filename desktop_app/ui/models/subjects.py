"""The school's subjects as a table: the name in Kazakh and in Russian."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop_app.domain.entities import Subject
from desktop_app.i18n import N_
from desktop_app.ui.models.table import Column, RecordTableModel


class SubjectTableModel(RecordTableModel[Subject]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(N_("Name in Kazakh"), lambda s: s.name.kk or ""),
            Column(N_("Name in Russian"), lambda s: s.name.ru or ""),
        ], parent)
