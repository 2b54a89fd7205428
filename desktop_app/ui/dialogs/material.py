"""Add or edit a methodical material (п. 27): kind, title in both languages, association, authors
(staff or invited by name) and the attached file. Refusals go under their field; the input stays."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from desktop_app.domain.accounts import Action, Role
from desktop_app.domain.entities import AcademicYear, LocalizedText, Material, MaterialFile, MaterialKind, Person
from desktop_app.domain.errors import DomainError
from desktop_app.domain.labels import MATERIAL_KIND_LABELS
from desktop_app.domain.materials import FILE_SUFFIXES, file_errors
from desktop_app.i18n import _
from desktop_app.services.materials import Attachment
from desktop_app.ui.labels import label
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session, local, rename_items
from desktop_app.ui.widgets.attachment_form import AttachmentForm
from desktop_app.ui.widgets.fields import date_edit, date_of, show_field_error
from desktop_app.ui.widgets.form_dialog import FormDialog
from desktop_app.ui.widgets.people_picker import PeoplePicker


class MaterialDialog(AttachmentForm):
    """Saves through services.materials.save on OK; ``saved`` holds the stored material."""

    SUFFIXES = FILE_SUFFIXES
    FIELDS = ("kind", "title_kk", "title_ru", "association", "authors", "invited", "file")

    def __init__(self, session: Session, year: AcademicYear, material: Material | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = year
        self.original = material
        self.saved: Material | None = None
        s = session
        self._bodies = s.services.associations.list(s.actor, s.school, year.id)
        self._build_ui(material)
        self.retranslate_ui()

    def _build_ui(self, m: Material | None) -> None:
        self.kind = QComboBox(self)
        for kind in MaterialKind:
            self.kind.addItem("", kind.value)
        if m is not None:
            self.kind.setCurrentIndex(list(MaterialKind).index(m.kind))
        self.title_kk = QLineEdit(m.title.kk or "" if m else "", self)
        self.title_ru = QLineEdit(m.title.ru or "" if m else "", self)
        self.association = QComboBox(self)
        for body in self._bodies:
            self.association.addItem(local(body.name), body.id)
        if m is not None and self.association.findData(m.association) >= 0:
            self.association.setCurrentIndex(self.association.findData(m.association))
        teachers = self.session.services.teachers.list_teachers(self.session.actor, self.session.school)
        staff = [a for a in m.authors if isinstance(a, str)] if m else (
            [self.session.actor.teacher] if self.session.actor.teacher else [])
        self.authors = PeoplePicker([(t.id, t.short_name) for t in teachers], staff, self)
        self.authors.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)  # names read whole
        invited = [a for a in m.authors if isinstance(a, Person)] if m else []
        self.invited = QPlainTextEdit("\n".join(p.name for p in invited), self)
        self.invited.setFixedHeight(52)
        file_row = self.file_row()
        for edit in (self.title_kk, self.title_ru):
            edit.setCursorPosition(0)  # a long title reads from its beginning
        self.build_form(self.FIELDS, 720)
        for key in self.FIELDS[:-1]:
            self.add_field(key, getattr(self, key))
        self.add_field("file", file_row)
        self.watch(self.authors.changed)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Edit methodical material") if self.original else _("Add a methodical material"))
        self.set_captions({"kind": _("Kind"), "title_kk": _("Title in Kazakh"), "title_ru": _("Title in Russian"),
                           "association": _("Association"), "authors": _("Authors from the staff"),
                           "invited": _("Invited authors (one a line)"), "file": _("File")})
        for index, kind in enumerate(MaterialKind):
            self.kind.setItemText(index, label(MATERIAL_KIND_LABELS, kind))
        rename_items(self.association, {body.id: local(body.name) for body in self._bodies})
        self.authors.retranslate()
        self.retranslate_file()

    def stored_file(self) -> MaterialFile | None:
        return self.original.file if self.original else None

    def file_problems(self, name: str, size: int) -> list[DomainError]:
        """A document within the size limit."""
        return file_errors(self.material(), name, size)

    def material(self) -> Material:
        base = self.original or Material("", MaterialKind.OTHER, LocalizedText(), "", self.year.id)
        invited = [Person(line.strip()) for line in self.invited.toPlainText().splitlines() if line.strip()]
        kept = None if self.file_dropped else base.file
        return replace(base, kind=MaterialKind(self.kind.currentData()),
                       title=LocalizedText(self.title_kk.text().strip() or None, self.title_ru.text().strip() or None),
                       association=str(self.association.currentData() or ""), academic_year=self.year.id,
                       authors=[*self.authors.selected(), *invited], file=kept)

    def accept(self) -> None:
        self.refuse(None)
        if self.association.currentData() is None:
            show_field_error(self.errors["association"], _("The year has no association yet."))
            return
        s, material, path = self.session, self.material(), self.chosen_file

        def work() -> Material:
            attachment = Attachment(path.name, path.read_bytes()) if path is not None else None
            return s.services.materials.save(s.actor, s.school, material, attachment)

        self.submit(work, changes={Change.MATERIALS})


class ApproveMaterialDialog(FormDialog):
    """«Бекітемін / Утверждаю»: the date, and who signs: the director, or (ticked) one acting for
    the director, whose name is kept and printed with «м.а.» / «и.о.»."""

    FIELDS = ("approved", "acting", "by")

    def __init__(self, session: Session, material: Material, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.material = material
        self.saved: Material | None = None
        s = session
        self.on = date_edit(s.services.materials.today(), self)
        self.acting = QCheckBox(self)
        director_signs = s.actor.may(Action.APPROVE_MATERIAL)
        self.acting.setChecked(not director_signs)
        self.acting.setEnabled(director_signs is False and s.actor.role is not Role.ADMINISTRATOR)
        self.by = QComboBox(self)
        for teacher in s.services.teachers.list_teachers(s.actor, s.school):
            self.by.addItem(teacher.full_name, teacher.id)
        signer = s.actor.teacher
        if signer and self.by.findData(signer) >= 0:
            self.by.setCurrentIndex(self.by.findData(signer))
        self.by.setEnabled(not director_signs)
        self.build_form(self.FIELDS, 460)
        self.add_field("approved", self.on)
        self.add_field("acting", self.acting, error=None)
        self.add_field("by", self.by, error="approved")
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Approve the methodical material"))
        self.set_captions({"approved": _("Date"), "acting": _("Acting director"), "by": _("Signed by")})
        self.acting.setText(_("signs as acting director"))

    def accept(self) -> None:
        s, material = self.session, self.material.id
        on, acting = date_of(self.on), self.acting.isChecked()
        signer = str(self.by.currentData()) if acting else None
        self.submit(lambda: s.services.materials.approve(s.actor, s.school, material, on, signer, acting),
                    changes={Change.MATERIALS})
