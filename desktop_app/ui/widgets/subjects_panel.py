"""Settings → Subjects: the deputy director adds a subject and renames one, in Kazakh and Russian.

Subjects are never deleted here (plans, teachers and associations name them). A name another
subject already has, in any case or with look-alike letters, is refused by services.teachers
under the field it concerns. The teacher and association dialogs read the subjects afresh each
time they open, so a new subject is there at once.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.entities import Subject
from desktop_app.i18n import N_, Text, _
from desktop_app.ui.dialogs.subject import SubjectDialog
from desktop_app.ui.models.subjects import SubjectTableModel
from desktop_app.ui.session import Session, local
from desktop_app.ui.widgets.view import fit_columns, make_table


class SubjectsPanel(QWidget):
    """Signals: ``status_message(text)`` and ``subjects_changed`` after a subject was saved."""

    status_message = Signal(object)  # an i18n.Message
    subjects_changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.title_label = QLabel(self)
        self.title_label.setObjectName("viewSubtitle")
        self.add_button = QPushButton(self)
        self.rename_button = QPushButton(self)
        self.note = QLabel(self)
        self.note.setObjectName("viewNote")
        self.note.setWordWrap(True)
        self.model = SubjectTableModel(self)
        self.table = make_table(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)  # the school's order of subjects
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addWidget(self.rename_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.add_button.clicked.connect(self.add_subject)
        self.rename_button.clicked.connect(self.rename_subject)
        self.table.doubleClicked.connect(self.rename_subject)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.retranslate_ui()
        self._update_buttons()

    def retranslate_ui(self) -> None:
        self.title_label.setText(_("Subjects"))
        self.add_button.setText(_("Add a subject…"))
        self.rename_button.setText(_("Rename…"))
        self.note.setText(_("Subjects are not deleted: teachers, associations and plans name them."))
        self.model.retranslate()

    def refresh(self) -> None:
        s = self.session
        self.model.set_records(s.services.teachers.list_subjects(s.actor, s.school))
        fit_columns(self.table)
        self._update_buttons()

    def selected(self) -> Subject | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        self.rename_button.setEnabled(self.selected() is not None)

    def make_dialog(self, subject: Subject | None = None) -> SubjectDialog:
        """The dialog for a new subject or a renamed one; tests drive it without exec()."""
        return SubjectDialog(self.session, subject, self)

    def add_subject(self) -> None:
        self._edit(None)

    def rename_subject(self) -> None:
        subject = self.selected()
        if subject is not None:
            self._edit(subject)

    def _edit(self, subject: Subject | None) -> None:
        dialog = self.make_dialog(subject)
        if dialog.exec() and dialog.saved is not None:
            self.saved(dialog.saved)

    def saved(self, subject: Subject) -> None:
        """The list shows the saved subject, the other sections reload their subject names."""
        self.refresh()
        for row, record in enumerate(self.model.records()):
            if record.id == subject.id:
                self.table.selectRow(row)
        self.subjects_changed.emit()
        self.status_message.emit(Text(N_("Subject {name} saved."), {"name": local(subject.name)}))
