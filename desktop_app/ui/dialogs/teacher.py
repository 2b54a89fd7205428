"""Add or edit a teacher; a refusal is shown under the field it concerns and the input stays."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from desktop_app.domain.entities import Category, LocalizedText, Subject, Teacher
from desktop_app.domain.errors import UserError
from desktop_app.i18n import _
from desktop_app.ui.labels import CATEGORY_LABELS, label
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session, local
from desktop_app.ui.widgets.fields import date_edit, date_of
from desktop_app.ui.widgets.form_dialog import FormDialog

ERROR_STYLE = "color: #b00020;"


class OptionalDate(QWidget):
    """A date that may be absent: a check box turns the date field on."""

    def __init__(self, value: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(self)
        self.edit = date_edit(value, self)  # takes a digit typed into the middle, as every date field
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.check.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)

    def value(self) -> date | None:
        return date_of(self.edit) if self.check.isChecked() else None


class TeacherDialog(FormDialog):
    """Saves through services.teachers.save on OK; ``saved`` holds the stored teacher afterwards."""

    FIELDS = ("last_name", "first_name", "patronymic", "position", "subjects", "category",
              "category_awarded", "career_start")

    def __init__(self, session: Session, teacher: Teacher | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.original = teacher
        self.saved: Teacher | None = None
        self._subjects = session.services.teachers.list_subjects(session.actor, session.school)
        self._build_ui(teacher)
        self.retranslate_ui()

    def _build_ui(self, teacher: Teacher | None) -> None:
        t = teacher or Teacher(id="", last_name="", first_name="")
        self.last_name = QLineEdit(t.last_name, self)
        self.first_name = QLineEdit(t.first_name, self)
        self.patronymic = QLineEdit(t.patronymic or "", self)
        self.position_kk = QLineEdit(t.position.kk or "" if t.position else "", self)
        self.position_ru = QLineEdit(t.position.ru or "" if t.position else "", self)
        self.subjects = QListWidget(self)
        self.subjects.setMaximumHeight(130)
        for subject in self._subjects:
            item = QListWidgetItem(local(subject.name), self.subjects)
            item.setData(Qt.ItemDataRole.UserRole, subject.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = subject.id in t.subjects
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.category = QComboBox(self)
        for category in Category:
            self.category.addItem("", category.value)
        self.category.setCurrentIndex(list(Category).index(t.category))
        self.category_awarded = OptionalDate(t.category_awarded, self)
        self.career_start = OptionalDate(t.career_start, self)
        self.build_form(self.FIELDS, 480).setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, widget, error in (
            ("last_name", self.last_name, ""),
            ("first_name", self.first_name, ""),
            ("patronymic", self.patronymic, ""),
            ("position_kk", self.position_kk, None),
            ("position_ru", self.position_ru, "position"),
            ("subjects", self.subjects, ""),
            ("category", self.category, ""),
            ("category_awarded", self.category_awarded, ""),
            ("career_start", self.career_start, ""),
        ):
            self.add_field(key, widget, error)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Edit teacher") if self.original else _("Add teacher"))
        self.set_captions({
            "last_name": _("Last name"), "first_name": _("First name"), "patronymic": _("Patronymic"),
            "position_kk": _("Position (Kazakh)"), "position_ru": _("Position (Russian)"),
            "subjects": _("Subjects"), "category": _("Qualification category"),
            "category_awarded": _("Category awarded on"), "career_start": _("In the profession since"),
        })
        for index, category in enumerate(Category):
            self.category.setItemText(index, label(CATEGORY_LABELS, category))
        for index, subject in enumerate(self._subjects):
            item = self.subjects.item(index)
            if item is not None:
                item.setText(local(subject.name))

    def teacher(self) -> Teacher:
        """The teacher as the form describes it now."""
        base = self.original or Teacher(id="", last_name="", first_name="")
        kk, ru = self.position_kk.text().strip() or None, self.position_ru.text().strip() or None
        return replace(
            base,
            last_name=self.last_name.text(),
            first_name=self.first_name.text(),
            patronymic=self.patronymic.text() or None,
            position=LocalizedText(kk, ru) if kk or ru else None,
            subjects=self._checked_subjects(),
            category=Category(self.category.currentData()),
            category_awarded=self.category_awarded.value(),
            career_start=self.career_start.value(),
        )

    def _checked_subjects(self) -> list[str]:
        chosen = []
        for index in range(self.subjects.count()):
            item = self.subjects.item(index)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return chosen

    def accept(self) -> None:
        s, teacher = self.session, self.teacher()
        self.submit(lambda: s.services.teachers.save(s.actor, s.school, teacher), changes={Change.TEACHERS},
                    record=teacher)

    def refuse(self, error: UserError | None) -> None:
        """The refusal under its field (or under the form), and the cursor in the field it names."""
        super().refuse(error)
        if error is None:
            return
        focus = {"last_name": self.last_name, "first_name": self.first_name,
                 "category_awarded": self.category_awarded.edit}.get(error.field or "")
        if focus is not None:
            focus.setFocus()

    def subjects_known(self) -> list[Subject]:
        return list(self._subjects)
