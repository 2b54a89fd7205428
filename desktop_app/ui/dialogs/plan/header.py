"""The KTP editor's header: teacher, subject, grade, classes, the plan's language, hours per week.

Only the deputy director chooses the teacher (any active one); a teacher writes their own plans."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QGridLayout, QLabel, QLineEdit, QSpinBox, QWidget

from desktop_app.domain.entities import CalendarPlan, Language, LocalizedText, Teacher
from desktop_app.i18n import _
from desktop_app.ui.labels import LANGUAGE_NAMES
from desktop_app.ui.session import local, rename_items
from desktop_app.ui.widgets.fields import error_label

FIELDS = ("teacher", "subject", "grade", "classes", "language", "hours_per_week")


class PlanHeader:
    """Makes the fields as children of ``parent``, each with its caption and refusal label, in ``grid``
    (three fields a row)."""

    def __init__(self, parent: QWidget, plan: CalendarPlan, teachers: dict[str, Teacher],
                 subjects: dict[str, LocalizedText], deputy: bool) -> None:
        self.subjects = subjects
        self.teacher = QComboBox(parent)
        for person in sorted(teachers.values(), key=lambda t: t.full_name):
            if person.id == plan.teacher or (deputy and person.active):
                self.teacher.addItem(person.full_name, person.id)
        if self.teacher.findData(plan.teacher) < 0:
            self.teacher.addItem(plan.teacher or "—", plan.teacher)
        self.teacher.setCurrentIndex(self.teacher.findData(plan.teacher))
        self.teacher.setEnabled(deputy)
        self.subject = QComboBox(parent)
        for subject_id, subject_name in sorted(subjects.items(), key=lambda item: local(item[1])):
            self.subject.addItem(local(subject_name), subject_id)
        self.subject.setCurrentIndex(max(self.subject.findData(plan.subject), 0))
        self.grade = QSpinBox(parent)
        self.grade.setRange(0, 12)
        self.grade.setValue(plan.grade)
        self.classes = QLineEdit(", ".join(plan.classes), parent)
        self.classes.setPlaceholderText("7А, 7Ә")
        self.language = QComboBox(parent)
        for value, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, value.value)
        self.language.setCurrentIndex(self.language.findData(plan.language.value))
        self.hours_per_week = QDoubleSpinBox(parent)
        self.hours_per_week.setRange(0.5, 40)
        self.hours_per_week.setSingleStep(0.5)
        self.hours_per_week.setDecimals(1)
        self.hours_per_week.setLocale(QLocale(QLocale.Language.Russian, QLocale.Country.Kazakhstan))  # 0,5
        self.hours_per_week.setValue(plan.hours_per_week)
        self.errors = {name: error_label(parent) for name in FIELDS}
        self.captions = {name: QLabel(parent) for name in FIELDS}
        self.grid = QGridLayout()
        for position, (name, widget) in enumerate(zip(FIELDS, self.fields(), strict=True)):
            row, column = divmod(position, 3)
            self.captions[name].setBuddy(widget)
            self.grid.addWidget(self.captions[name], row * 2, column * 2)
            self.grid.addWidget(widget, row * 2, column * 2 + 1)
            self.grid.addWidget(self.errors[name], row * 2 + 1, column * 2 + 1)
        self.grid.setColumnStretch(1, 3)
        self.grid.setColumnStretch(3, 2)
        self.grid.setColumnStretch(5, 1)

    def fields(self) -> tuple[QWidget, ...]:
        return (self.teacher, self.subject, self.grade, self.classes, self.language, self.hours_per_week)

    def retranslate_ui(self) -> None:
        captions = {"teacher": _("Teacher"), "subject": _("Subject"), "grade": _("Grade"),
                    "classes": _("Classes"), "language": _("Language of the plan"),
                    "hours_per_week": _("Hours per week")}
        for name, text in captions.items():
            self.captions[name].setText(text)
        rename_items(self.subject, {key: local(value) for key, value in self.subjects.items()})

    def classes_typed(self) -> list[str]:
        return [c.strip() for c in self.classes.text().replace(";", ",").split(",") if c.strip()]

    def language_chosen(self) -> Language:
        return Language(self.language.currentData())
