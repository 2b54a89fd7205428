"""Preview of a staff list file: every row and bad cell shown; nothing is written before "Import"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.entities import Teacher
from desktop_app.domain.errors import UserError
from desktop_app.i18n import N_, Text, _, ngettext
from desktop_app.services.staff_import import StaffFile, read_staff_file
from desktop_app.ui import operations
from desktop_app.ui.language import Retranslating
from desktop_app.ui.models.staff_import import StaffPreviewModel
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.fields import OK_STYLE, error_label
from desktop_app.ui.widgets.sizing import fit_to_screen
from desktop_app.ui.widgets.view import fit_columns, make_table


def read_staff(session: Session, path: Path, parent: QWidget | None = None) -> StaffFile | None:
    """Parse the file; a refused file (too large, not a workbook) is a message."""
    s = session
    try:
        return read_staff_file(path, s.services.teachers.list_subjects(s.actor, s.school),
                               s.services.teachers.today(),
                               s.services.teachers.list_teachers(s.actor, s.school, include_archived=True))
    except UserError as error:
        QMessageBox.warning(parent, _("Import a staff list"), error.render(_))
        return None


class StaffImportDialog(Retranslating, QDialog):
    """``saved`` holds the imported teachers after "Import N teachers" succeeded."""

    def __init__(self, session: Session, staff: StaffFile, file_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.staff = staff
        self.file_name = file_name
        self.saved: list[Teacher] = []
        self._build_ui()
        self._connect()
        self.retranslate_ui()

    def _build_ui(self) -> None:
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = StaffPreviewModel(self.session.subject_names(), self)
        self.model.set_records(self.staff.rows)
        self.table = make_table(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)
        self.problems_title = QLabel(self)
        self.problems_title.setObjectName("viewSubtitle")
        self.problems = QListWidget(self)
        self.problems.setMaximumHeight(150)
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("importButton")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(self.staff.importable)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.problems)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        fit_columns(self.table, maximum=240)
        fit_to_screen(self, 1100, 560)

    def _connect(self) -> None:
        self.import_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Import a staff list"))
        count, problems = len(self.staff.rows), self.staff.problem_count
        text = ngettext("{file}: {count} teacher read.", "{file}: {count} teachers read.", count).format(
            file=self.file_name, count=count)
        if problems:
            text += " " + ngettext("{count} cell needs correcting in the file; nothing is imported until "
                                   "then.", "{count} cells need correcting in the file; nothing is imported "
                                   "until then.", problems).format(count=problems)
            self.summary.setStyleSheet("")
        elif count:
            text += " " + _("No problems found. Nothing is written until you press Import.")
            self.summary.setStyleSheet(OK_STYLE)
        self.summary.setText(text)
        self.problems_title.setText(_("Problems"))
        self.problems.clear()
        for row in self.staff.rows:
            for error in row.problems.values():
                self.problems.addItem(error.render(_))
        self.problems_title.setVisible(bool(problems))
        self.problems.setVisible(bool(problems))
        self.import_button.setText(ngettext("Import {count} teacher", "Import {count} teachers", count).format(
            count=count))
        self.model.retranslate()

    def accept(self) -> None:
        if not self.staff.importable:
            return
        s, teachers = self.session, self.staff.teachers()
        operations.accept_after(self, lambda: s.services.teachers.import_staff(s.actor, s.school, teachers),
                                label=Text(N_("Importing the staff list…")), changes={Change.TEACHERS},
                                refused=self.refused)

    def refused(self, error: UserError) -> None:
        self.error.setText(error.render(_))
        self.error.setVisible(True)
