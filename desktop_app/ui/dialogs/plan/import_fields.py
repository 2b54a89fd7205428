"""The KTP import's header: the file, then the plan's teacher, subject, grade, classes, language, hours
per week, the row the lessons start at and, when the file dates each class apart, whose dates to take."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.entities import Subject, Teacher
from desktop_app.i18n import _
from desktop_app.services.plan_import import PlanTable, guess_details
from desktop_app.ui.labels import LANGUAGE_NAMES
from desktop_app.ui.models.sorting import fold
from desktop_app.ui.session import local, rename_items
from desktop_app.ui.widgets.fields import error_label, with_error

HEADER_FIELDS = ("teacher", "subject", "grade", "classes", "language", "hours_per_week", "first_row", "dates_of")


class ImportFields:
    """Makes the fields as children of ``parent``, each with its caption and refusal label, in ``grid``.
    ``teachers`` are those the user may import for; ``own`` (the user's teacher) is chosen first."""

    def __init__(self, parent: QWidget, teachers: list[Teacher], subjects: list[Subject], own: str | None) -> None:
        self.teachers, self.subjects, self.own = teachers, subjects, own
        self.file = QLineEdit(parent)
        self.file.setReadOnly(True)
        self.choose = QPushButton(parent)
        self.choose.setObjectName("chooseFileButton")
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.choose)
        self.file_error = error_label(parent)

        self.teacher = QComboBox(parent)
        for teacher in teachers:
            self.teacher.addItem(teacher.full_name, teacher.id)
        self.teacher.setEnabled(len(teachers) > 1)
        if own and self.teacher.findData(own) >= 0:
            self.teacher.setCurrentIndex(self.teacher.findData(own))
        self.subject = QComboBox(parent)
        for subject in sorted(subjects, key=lambda x: fold(local(x.name))):
            self.subject.addItem(local(subject.name), subject.id)
        self.grade = QSpinBox(parent)
        self.grade.setRange(0, 12)
        self.grade.setSpecialValueText("—")
        self.classes = QLineEdit(parent)
        self.language = QComboBox(parent)
        for value, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, value.value)
        self.hours_per_week = QDoubleSpinBox(parent)
        self.hours_per_week.setRange(0.5, 40)
        self.hours_per_week.setSingleStep(0.5)
        self.hours_per_week.setDecimals(1)
        self.hours_per_week.setValue(1)
        self.first_row = QSpinBox(parent)
        self.first_row.setRange(1, 1)
        #: The class whose dates are read when the file gives each class its own (one plan per class).
        self.dates_of = QComboBox(parent)
        self.dates_of.setObjectName("datesOf")
        self.errors = {name: error_label(parent) for name in HEADER_FIELDS}
        self.captions = {name: QLabel(parent) for name in ("file", *HEADER_FIELDS)}
        self.grid = grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.addWidget(self.captions["file"], 0, 0)
        grid.addLayout(with_error_layout(file_row, self.file_error), 0, 1, 1, 5)
        for index, name in enumerate(HEADER_FIELDS):
            row, column = 1 + index // 3, (index % 3) * 2
            self.captions[name].setBuddy(getattr(self, name))
            grid.addWidget(self.captions[name], row, column, Qt.AlignmentFlag.AlignTop)
            grid.addLayout(with_error(getattr(self, name), self.errors[name]), row, column + 1)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        self.captions["dates_of"].setVisible(False)
        self.dates_of.setVisible(False)

    def guess(self, name: str, table: PlanTable) -> None:
        """The teacher (by a last name in the file name), subject, grade, classes and language the file suggests."""
        guess = guess_details(name, table, self.subjects)
        stem = fold(name)
        for index, teacher in enumerate(self.teachers):
            if len(self.teachers) > 1 and fold(teacher.last_name) in stem:
                self.teacher.setCurrentIndex(index)
        if self.teacher.currentIndex() < 0 and self.teacher.count():
            self.teacher.setCurrentIndex(0)
        if self.own and self.teacher.findData(self.own) >= 0 and \
                not any(fold(t.last_name) in stem for t in self.teachers):
            self.teacher.setCurrentIndex(self.teacher.findData(self.own))
        if guess.subject and self.subject.findData(guess.subject) >= 0:
            self.subject.setCurrentIndex(self.subject.findData(guess.subject))
        else:
            self.subject_of_teacher()
        if guess.grade:
            self.grade.setValue(guess.grade)
        if guess.classes and not self.classes.text().strip():
            self.classes.setText(", ".join(guess.classes))
        self.language.setCurrentIndex(self.language.findData(table.language.value))

    def subject_of_teacher(self) -> None:
        teacher = next((t for t in self.teachers if t.id == self.teacher.currentData()), None)
        if teacher is not None and teacher.subjects and self.subject.findData(teacher.subjects[0]) >= 0:
            self.subject.setCurrentIndex(self.subject.findData(teacher.subjects[0]))

    def retranslate_ui(self) -> None:
        captions = {"file": _("File"), "teacher": _("Teacher"), "subject": _("Subject"), "grade": _("Grade"),
                    "classes": _("Classes"), "language": _("Language"), "hours_per_week": _("Hours per week"),
                    "first_row": _("Lessons start at row"), "dates_of": _("Dates of class")}
        for name, text in captions.items():
            self.captions[name].setText(text)
        self.choose.setText(_("Choose a file…"))
        self.file.setPlaceholderText(_("An .xlsx, .xls, .docx, .doc or .csv file with the KTP table"))
        self.dates_of.setToolTip(_("The file gives each class its own dates: this plan takes the dates of the "
                                   "class chosen here; import the file again for each other class."))
        self.classes.setPlaceholderText(_("e.g. 7А, 7Б"))
        self.classes.setToolTip(_("Classes separated by commas"))
        rename_items(self.subject, {s.id: local(s.name) for s in self.subjects})


def with_error_layout(row: QHBoxLayout, error: QLabel) -> QVBoxLayout:
    """A row of widgets with its refusal label right under it."""
    box = QVBoxLayout()
    box.setSpacing(2)
    box.addLayout(row)
    box.addWidget(error)
    return box
