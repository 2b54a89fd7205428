"""Settings → Subjects: the deputy director adds a subject and renames one, in Kazakh and Russian.

Subjects are never deleted here (plans, teachers and associations name them). A name another
subject already has, in any case or with look-alike letters, is refused by services.teachers
under the field it concerns. The teacher and association dialogs read the subjects afresh each
time they open, so a new subject is there at once.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QWidget,
)

from desktop_app.domain.entities import Subject
from desktop_app.i18n import N_, Text, _
from desktop_app.ui.dialogs.subject import SubjectDialog
from desktop_app.ui.models.subjects import SubjectTableModel
from desktop_app.ui.session import Session, local
from desktop_app.ui.widgets.list_panel import ListPanel


class SubjectsPanel(ListPanel[Subject]):
    """Signals: ``status_message(text)`` and ``subjects_changed`` after a subject was saved."""

    subjects_changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.add_button = QPushButton(self)
        self.rename_button = QPushButton(self)
        self.note = QLabel(self)
        self.note.setObjectName("viewNote")
        self.note.setWordWrap(True)
        self.build_list(SubjectTableModel(self), (self.add_button, self.rename_button), below=self.note)
        self.add_button.clicked.connect(self.add_subject)
        self.rename_button.clicked.connect(self.rename_subject)
        self.table.doubleClicked.connect(self.rename_subject)
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
        self.show_records(s.services.teachers.list_subjects(s.actor, s.school))
        self._update_buttons()

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
        self.select_where(lambda record: record.id == subject.id)
        self.subjects_changed.emit()
        self.status_message.emit(Text(N_("Subject {name} saved."), {"name": local(subject.name)}))
