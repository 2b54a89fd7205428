"""What the Attestation and Courses tabs share: a table of the year's records of teachers with their
names, who keeps them (the buttons shown), and the steps around a record's dialog and its deletion."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.domain.entities import AcademicYear, Teacher
from desktop_app.i18n import _
from desktop_app.ui import operations
from desktop_app.ui.models.table import Column, RecordFilterProxy, RecordTableModel
from desktop_app.ui.operations import Change, Operation
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.view import fit_columns, make_table


class TeacherRecord(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def teacher(self) -> str: ...


class RecordDialog(Protocol):
    @property
    def saved(self) -> TeacherRecord | None: ...
    def exec(self) -> int: ...


R = TypeVar("R", bound=TeacherRecord)


class RegisterTab(QWidget, Generic[R]):
    """A tab of the section; ``refresh`` gives it the year, the teachers and those the user keeps
    records for (``editable``)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        #: The section's refresh (its teachers and rights with the records), after a dialog saved.
        self.reload: Callable[[], None] = lambda: None
        self.year: AcademicYear | None = None
        self.teachers: dict[str, Teacher] = {}
        self.editable: list[str] = []  # the teachers this user keeps the register for

    def _make_table(self, columns: list[Column[R]], sort_column: int) -> None:
        self.model: RecordTableModel[R] = RecordTableModel(columns, self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)

    def showEvent(self, event: QShowEvent) -> None:
        """Columns are measured once the rows can be seen (a hidden tab measures nothing)."""
        super().showEvent(event)
        fit_columns(self.table, 300)

    def _show_records(self, records: list[R], chosen: R | None) -> None:
        """The rows anew, the record chosen before still chosen."""
        self.model.set_records(records)
        fit_columns(self.table, 300)
        if chosen is not None:
            self.proxy.select_id(self.table, chosen.id)

    def selected(self) -> R | None:
        chosen: R | None = self.proxy.selected_record(self.table)
        return chosen

    def _name(self, record: R) -> str:
        teacher = self.teachers.get(record.teacher)
        return teacher.full_name if teacher else record.teacher

    def _short_name(self, record: R) -> str:
        teacher = self.teachers.get(record.teacher)
        return teacher.short_name if teacher else record.teacher

    def _keeps(self) -> bool:
        """Whether the user keeps anyone's records (the viewer keeps none)."""
        return bool(self.editable) and self.session.actor.role.value != "viewer"

    def _run(self, dialog: RecordDialog | None) -> None:
        if dialog is not None and dialog.exec() and dialog.saved is not None:
            self.reload()
            self.proxy.select_id(self.table, dialog.saved.id)

    def _delete(self, question: Callable[[R], str], delete: Callable[[str], object]) -> Operation | None:
        """The chosen record: ``question(record)`` asked first, then ``delete(its id)`` off the GUI thread."""
        chosen = self.selected()
        if chosen is None or QMessageBox.question(self, _("Delete"), question(chosen)) \
                is not QMessageBox.StandardButton.Yes:
            return None
        record = chosen.id
        return operations.run(lambda: delete(record), changes={Change.STAFF_RECORDS}, parent=self,
                              refused=lambda error: operations.show_refusal(self, error))
