"""A new subject or another name for one, in Kazakh and Russian (Settings → Subjects).

A name another subject already has, in any case or with look-alike letters, is refused by
services.teachers under the field it concerns; the input stays."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.domain.entities import LocalizedText, Subject
from desktop_app.domain.errors import UserError
from desktop_app.i18n import _
from desktop_app.ui.session import Session, local
from desktop_app.ui.widgets.fields import error_label, show_refusal
from desktop_app.ui.widgets.form_dialog import FormDialog


class SubjectDialog(FormDialog):
    """A new subject (``subject`` None) or another name for one; ``saved`` holds it after OK."""

    FIELDS = ("name_kk", "name_ru")

    def __init__(self, session: Session, subject: Subject | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.subject = subject
        self.saved: Subject | None = None
        name = subject.name if subject else LocalizedText()
        self.name_kk = QLineEdit(name.kk or "", self)
        self.name_ru = QLineEdit(name.ru or "", self)
        self.captions = {field: QLabel(self) for field in self.FIELDS}
        self.errors = {field: error_label(self) for field in self.FIELDS}
        self.general_error = error_label(self)
        form = QFormLayout()
        for field, widget in (("name_kk", self.name_kk), ("name_ru", self.name_ru)):
            self.captions[field].setBuddy(widget)
            form.addRow(self.captions[field], widget)
            form.addRow("", self.errors[field])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if self.subject is None:
            self.setWindowTitle(_("New subject"))
        else:
            self.setWindowTitle(_("Rename the subject {name}").format(name=local(self.subject.name)))
        self.captions["name_kk"].setText(_("Name in Kazakh"))
        self.captions["name_ru"].setText(_("Name in Russian"))

    def save(self) -> bool:
        s = self.session
        record = Subject(self.subject.id if self.subject else "",
                         LocalizedText(self.name_kk.text() or None, self.name_ru.text() or None))
        try:
            self.saved = s.services.teachers.save_subject(s.actor, s.school, record)
        except UserError as error:
            show_refusal(error, self.errors, self.general_error)
            return False
        show_refusal(None, self.errors, self.general_error)
        self.accept()
        return True
