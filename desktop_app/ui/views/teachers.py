"""The staff list: search, Kazakh alphabet sort, add, edit, archive and restore, import from a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from desktop_app.domain.accounts import Action
from desktop_app.domain.entities import Teacher
from desktop_app.i18n import _, lazy_ngettext, ngettext
from desktop_app.ui import operations
from desktop_app.ui.dialogs.staff_import import StaffImportDialog, read_staff
from desktop_app.ui.dialogs.teacher import TeacherDialog
from desktop_app.ui.models.table import RecordFilterProxy
from desktop_app.ui.models.teachers import TeacherTableModel
from desktop_app.ui.operations import Change
from desktop_app.ui.widgets.view import View, fit_columns, make_table


class TeachersView(View):
    def _build_ui(self) -> None:
        self.title_label = QLabel(self)
        self.title_label.setObjectName("viewTitle")
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.archive_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.show_archived = QCheckBox(self)
        may_manage = self.session.may(Action.MANAGE_TEACHERS)
        for button in (self.add_button, self.edit_button, self.archive_button, self.import_button):
            button.setVisible(may_manage)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.archive_button)
        bar.addWidget(self.import_button)
        bar.addStretch(1)
        bar.addWidget(self.show_archived)

        self.model = TeacherTableModel(self.session.services.teachers.today(), self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("viewNote")

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._update_buttons()

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_teacher)
        self.edit_button.clicked.connect(self.edit_teacher)
        self.archive_button.clicked.connect(self.toggle_archived)
        self.import_button.clicked.connect(self.choose_staff_file)
        self.show_archived.toggled.connect(self.refresh)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    def retranslate_ui(self) -> None:
        self.title_label.setText(_("Teachers"))
        self.add_button.setText(_("Add teacher…"))
        self.edit_button.setText(_("Edit…"))
        self.import_button.setText(_("Import from a file…"))
        self.show_archived.setText(_("Show archived"))
        self.model.retranslate()
        self._update_buttons()
        self._update_count()

    # Data ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        s = self.session
        teachers = s.services.teachers.list_teachers(s.actor, s.school,
                                                     include_archived=self.show_archived.isChecked())
        self.model.set_teachers(teachers, s.subject_names())
        fit_columns(self.table)
        self._update_buttons()
        self._update_count()

    def set_search(self, text: str) -> None:
        super().set_search(text)
        self.proxy.set_search(text)
        self._update_count()

    def selected(self) -> Teacher | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.record(self.proxy.mapToSource(rows[0]).row())

    def select_record(self, record: str) -> None:
        self.select_teacher(record)

    def select_teacher(self, teacher_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.model.record(self.proxy.source_row(row)).id == teacher_id:
                self.table.selectRow(row)
                return

    # Actions -------------------------------------------------------------------------------
    def add_teacher(self) -> None:
        self._open_dialog(None)

    def edit_teacher(self) -> None:
        teacher = self.selected()
        if teacher is not None:
            self._open_dialog(teacher)

    def make_dialog(self, teacher: Teacher | None) -> TeacherDialog:
        """The dialog for ``teacher`` (None: a new one); tests drive it without exec()."""
        return TeacherDialog(self.session, teacher, self)

    def _open_dialog(self, teacher: Teacher | None) -> None:
        dialog = self.make_dialog(teacher)
        if dialog.exec() and dialog.saved is not None:
            self.refresh()
            self.select_teacher(dialog.saved.id)

    def choose_staff_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Import a staff list"), "", _("Staff lists (*.xlsx *.csv)"))
        if path:
            self.import_staff_file(Path(path))

    def make_import_dialog(self, path: Path) -> StaffImportDialog | None:
        """The preview of ``path`` (None when the file was refused); tests drive it without exec()."""
        staff = read_staff(self.session, path, self)
        return StaffImportDialog(self.session, staff, path.name, self) if staff is not None else None

    def import_staff_file(self, path: Path) -> None:
        dialog = self.make_import_dialog(path)
        if dialog is not None and dialog.exec() and dialog.saved:
            self.imported(dialog.saved)

    def imported(self, teachers: list[Teacher]) -> None:
        self.refresh()
        self.status_message.emit(lazy_ngettext("{count} teacher imported", "{count} teachers imported",
                                               len(teachers)))

    def toggle_archived(self) -> None:
        teacher = self.selected()
        if teacher is None:
            return
        s = self.session

        def done(_result: object) -> None:
            self.refresh()
            self.select_teacher(teacher.id)

        operations.run(lambda: s.services.teachers.archive(s.actor, s.school, teacher.id, active=not teacher.active),
                       changes={Change.TEACHERS}, parent=self, on_success=done, initiator=self,
                       refused=lambda error: QMessageBox.warning(self, _("Teachers"), error.render(_)))

    def _on_double_click(self, index: QModelIndex) -> None:
        if self.session.may(Action.MANAGE_TEACHERS) and index.isValid():
            self.edit_teacher()

    def _update_buttons(self) -> None:
        teacher = self.selected()
        self.edit_button.setEnabled(teacher is not None)
        self.archive_button.setEnabled(teacher is not None)
        archived = teacher is not None and not teacher.active
        self.archive_button.setText(_("Restore") if archived else _("Archive"))

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            text = ngettext("{count} teacher", "{count} teachers", total).format(count=total)
        else:
            text = ngettext("{shown} of {count} teacher shown", "{shown} of {count} teachers shown",
                            total).format(shown=shown, count=total)
        self.count_label.setText(text)
