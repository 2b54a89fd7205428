"""Add or edit a course, internship or seminar a teacher attended outside the school: provider,
hours, dates, certificate number and the certificate's file (up to 20 MB)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from desktop_app.domain.entities import AcademicYear
from desktop_app.domain.errors import DomainError
from desktop_app.domain.staff_labels import COURSE_KIND_LABELS
from desktop_app.domain.staff_records import FILE_SUFFIXES, Course, CourseFile, CourseKind, file_errors
from desktop_app.i18n import _
from desktop_app.services.staff import Attachment
from desktop_app.ui.labels import label
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.attachment_form import AttachmentForm
from desktop_app.ui.widgets.fields import date_edit, date_of


class CourseDialog(AttachmentForm):
    """Saves through services.courses.save on OK; ``saved`` holds the stored course.
    ``teachers`` are (id, name) of those the user may record courses for."""

    SUFFIXES = FILE_SUFFIXES
    FIELDS = ("teacher", "kind", "title", "provider", "hours", "starts_on", "ends_on", "certificate_number", "file")

    def __init__(self, session: Session, year: AcademicYear, teachers: list[tuple[str, str]],
                 course: Course | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.year, self.original = session, year, course
        self.saved: Course | None = None
        self.teacher = QComboBox(self)
        for teacher, name in teachers:
            self.teacher.addItem(name, teacher)
        if course is not None and self.teacher.findData(course.teacher) >= 0:
            self.teacher.setCurrentIndex(self.teacher.findData(course.teacher))
        self.kind = QComboBox(self)
        for kind in CourseKind:
            self.kind.addItem("", kind.value)
        if course is not None:
            self.kind.setCurrentIndex(list(CourseKind).index(course.kind))
        self.title = QLineEdit(course.title if course else "", self)
        self.provider = QLineEdit(course.provider if course else "", self)
        self.hours = QSpinBox(self)
        self.hours.setRange(0, 2000)
        self.hours.setSpecialValueText("—")  # 0: not known
        self.hours.setValue(course.hours or 0 if course else 0)
        today = session.services.courses.today()
        self.starts_on = date_edit(course.starts_on if course else today, self)
        self.ends_on = date_edit(course.ends_on if course else today, self)
        self.certificate_number = QLineEdit(course.certificate_number or "" if course else "", self)
        file_row = self.file_row()
        for edit in (self.title, self.provider):
            edit.setCursorPosition(0)
        self.build_form(self.FIELDS, 620)
        for key in self.FIELDS[:-1]:
            self.add_field(key, getattr(self, key))
        self.add_field("file", file_row)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Edit the course") if self.original else _("Add a course"))
        self.set_captions({"teacher": _("Teacher"), "kind": _("Kind"), "title": _("Title"),
                           "provider": _("Held by"), "hours": _("Hours"), "starts_on": _("Start"),
                           "ends_on": _("End"), "certificate_number": _("Certificate No."), "file": _("File")})
        for index, kind in enumerate(CourseKind):
            self.kind.setItemText(index, label(COURSE_KIND_LABELS, kind))
        self.retranslate_file()

    def stored_file(self) -> CourseFile | None:
        return self.original.file if self.original else None

    def file_problems(self, name: str, size: int) -> list[DomainError]:
        """A document or a scan within the size limit."""
        return file_errors(self.course(), name, size)

    def course(self) -> Course:
        today = self.session.services.courses.today()
        base = self.original or Course("", self.year.id, "", CourseKind.COURSE, "", "", today, today)
        return replace(base, teacher=str(self.teacher.currentData() or ""), academic_year=self.year.id,
                       kind=CourseKind(self.kind.currentData()), title=self.title.text(),
                       provider=self.provider.text(), hours=self.hours.value() or None,
                       starts_on=date_of(self.starts_on), ends_on=date_of(self.ends_on),
                       certificate_number=self.certificate_number.text().strip() or None,
                       file=None if self.file_dropped else base.file)

    def accept(self) -> None:
        s, course, path = self.session, self.course(), self.chosen_file

        def work() -> Course:
            attachment = Attachment(path.name, path.read_bytes()) if path is not None else None
            return s.services.courses.save(s.actor, s.school, course, attachment)

        self.submit(work, changes={Change.STAFF_RECORDS}, record=course)
