"""Who signs an approval (issue 18): the director (or the deputy director) on record by default, or
another teacher who signs as acting — printed «и.о.» / «м.а.» before the title. The service checks
again: someone other than the official signs only as acting."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.entities import Signer
from desktop_app.i18n import _
from desktop_app.ui.session import Session


class SignerDialog(QDialog):
    """``question`` above the choice of the signer; ``official`` is the teacher on record."""

    def __init__(self, session: Session, official: str | None, question: str, deputy: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.official = official
        self.deputy = deputy
        self.question = QLabel(question, self)
        self.question.setWordWrap(True)
        self.person = QComboBox(self)
        self.person.setObjectName("signer")
        teachers = session.services.teachers.list_teachers(session.actor, session.school)
        for teacher in sorted(teachers, key=lambda t: (t.id != official, t.full_name)):
            self.person.addItem(teacher.full_name, teacher.id)
        self.acting = QCheckBox(self)
        self.acting.setObjectName("acting")
        self.person.currentIndexChanged.connect(self._chosen)
        form = QFormLayout()
        self.person_caption = QLabel(self)
        form.addRow(self.person_caption, self.person)
        form.addRow("", self.acting)
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.retranslate_ui()
        self._chosen()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Who signs"))
        self.person_caption.setText(_("Signed by"))
        self.acting.setText(_("Signs as acting deputy director (и.о. / м.а.)") if self.deputy
                            else _("Signs as acting director (и.о. / м.а.)"))

    def _chosen(self) -> None:
        """Anyone but the official on record signs only as acting."""
        other = self.person.currentData() != self.official
        self.acting.setChecked(other)
        self.acting.setEnabled(not other or self.official is None)

    def signer(self) -> Signer:
        return Signer(str(self.person.currentData()), self.acting.isChecked())


def ask_signer(session: Session, field: str, question: str, parent: QWidget | None = None) -> Signer | None:
    """The signer chosen, or None when cancelled. ``field``: ``director`` or ``deputy_director``."""
    school = session.services.schools.get_school(session.actor, session.school)
    dialog = SignerDialog(session, getattr(school, field), question, field == "deputy_director", parent)
    return dialog.signer() if dialog.exec() == QDialog.DialogCode.Accepted else None
