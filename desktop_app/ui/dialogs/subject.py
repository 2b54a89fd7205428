"""A new subject or another name for one, in Kazakh and Russian (Settings → Subjects).

A name another subject already has, in any case or with look-alike letters, is refused by
services.teachers under the field it concerns; the input stays."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop_app.domain.entities import LocalizedText, Subject
from desktop_app.i18n import _
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session, local
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
        self.build_form(self.FIELDS, 460)
        self.add_field("name_kk", self.name_kk)
        self.add_field("name_ru", self.name_ru)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if self.subject is None:
            self.setWindowTitle(_("New subject"))
        else:
            self.setWindowTitle(_("Rename the subject {name}").format(name=local(self.subject.name)))
        self.captions["name_kk"].setText(_("Name in Kazakh"))
        self.captions["name_ru"].setText(_("Name in Russian"))

    def save(self) -> bool:
        """OK: the subject saved off the GUI thread; True when started."""
        s = self.session
        record = Subject(self.subject.id if self.subject else "",
                         LocalizedText(self.name_kk.text() or None, self.name_ru.text() or None))
        return self.submit(lambda: s.services.teachers.save_subject(s.actor, s.school, record),
                           changes={Change.SUBJECTS})
