"""Add or edit a methodical material (п. 27): kind, title in both languages, association, authors
(staff or invited by name) and the attached file. Refusals go under their field; the input stays."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from desktop_app.domain.accounts import Action, Role
from desktop_app.domain.entities import AcademicYear, LocalizedText, Material, MaterialKind, Person
from desktop_app.domain.labels import MATERIAL_KIND_LABELS
from desktop_app.domain.materials import FILE_SUFFIXES, file_errors
from desktop_app.i18n import _
from desktop_app.services.materials import Attachment
from desktop_app.ui.labels import label
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session, local, rename_items
from desktop_app.ui.widgets.fields import date_edit, date_of, show_field_error
from desktop_app.ui.widgets.form_dialog import FormDialog
from desktop_app.ui.widgets.people_picker import PeoplePicker


class MaterialDialog(FormDialog):
    """Saves through services.materials.save on OK; ``saved`` holds the stored material."""

    FIELDS = ("kind", "title_kk", "title_ru", "association", "authors", "invited", "file")

    def __init__(self, session: Session, year: AcademicYear, material: Material | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = year
        self.original = material
        self.saved: Material | None = None
        self.chosen_file: Path | None = None
        self.file_dropped = False
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
        self.file_label = QLabel(self)
        self.choose_button = QPushButton(self)
        self.drop_button = QPushButton(self)
        file_row = QWidget(self)
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file_label, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.drop_button)
        for edit in (self.title_kk, self.title_ru):
            edit.setCursorPosition(0)  # a long title reads from its beginning
        self.build_form(self.FIELDS, 720)
        for key in self.FIELDS[:-1]:
            self.add_field(key, getattr(self, key))
        self.add_field("file", file_row)
        self.watch(self.authors.changed)
        self.choose_button.clicked.connect(self.ask_file)
        self.drop_button.clicked.connect(self.drop_file)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Edit methodical material") if self.original else _("Add a methodical material"))
        self.set_captions({"kind": _("Kind"), "title_kk": _("Title in Kazakh"), "title_ru": _("Title in Russian"),
                           "association": _("Association"), "authors": _("Authors from the staff"),
                           "invited": _("Invited authors (one a line)"), "file": _("File")})
        for index, kind in enumerate(MaterialKind):
            self.kind.setItemText(index, label(MATERIAL_KIND_LABELS, kind))
        rename_items(self.association, {body.id: local(body.name) for body in self._bodies})
        self.authors.retranslate()
        self.choose_button.setText(_("Choose a file…"))
        self.drop_button.setText(_("Remove the file"))
        self._show_file()

    def _show_file(self) -> None:
        kept = self.original.file if self.original and not self.file_dropped else None
        if self.chosen_file is not None:
            self.file_label.setText(self.chosen_file.name)
        elif kept is not None:
            self.file_label.setText(_("{name} ({size} KB)").format(name=kept.name, size=max(1, kept.size // 1024)))
        else:
            self.file_label.setText(_("No file"))
        self.drop_button.setEnabled(self.chosen_file is not None or kept is not None)

    def ask_file(self) -> None:
        pattern = _("Documents ({patterns})").format(patterns=" ".join(f"*{s}" for s in FILE_SUFFIXES))
        path, _filter = QFileDialog.getOpenFileName(self, _("Choose a file"), "", pattern)
        if path:
            self.choose_file(Path(path))

    def choose_file(self, path: Path) -> None:
        """Take ``path`` if it is a document within the size limit; else say why under the field."""
        self.refuse(None)
        errors = file_errors(self.material(), path.name, path.stat().st_size)
        if errors:
            show_field_error(self.errors["file"], errors[0].render(_))
            return
        self.chosen_file = path
        self.typed = True
        self._show_file()

    def drop_file(self) -> None:
        self.chosen_file = None
        self.file_dropped = True
        self.typed = True
        self._show_file()

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
