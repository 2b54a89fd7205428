"""The staff list as a table: Kazakh alphabet sort, attestation due dates, young specialists."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from desktop_app.domain.entities import Teacher
from desktop_app.i18n import N_, _
from desktop_app.services.teachers import attestation_due, is_young_specialist
from desktop_app.ui.labels import CATEGORY_LABELS, label, short_date
from desktop_app.ui.models.sorting import kazakh_key
from desktop_app.ui.models.table import Column, RecordTableModel
from desktop_app.ui.session import local

#: Attestation is highlighted from a year before it is due.
ATTESTATION_WARNING = timedelta(days=365)
DUE_SOON = QColor("#fff1c2")
OVERDUE = QColor("#f8d0d0")


class TeacherTableModel(RecordTableModel[Teacher]):
    """Columns: full name, position, subjects, category, attestation due, young specialist."""

    def __init__(self, today: date, parent: QObject | None = None) -> None:
        self.today = today
        self.subject_names: dict[str, str] = {}
        columns = [
            Column(N_("Full name"), lambda t: t.full_name, sort_key=lambda t: kazakh_key(t.full_name),
                   tooltip=self._archived_tip),
            Column(N_("Position"), lambda t: local(t.position)),
            Column(N_("Subjects"), self._subjects),
            Column(N_("Qualification category"), lambda t: label(CATEGORY_LABELS, t.category),
                   sort_key=lambda t: t.category.rank),
            Column(N_("Attestation due"), self._due_text, sort_key=self._due_key,
                   background=self._due_colour, tooltip=self._due_tip),
            Column(N_("Young specialist"), self._young_text, sort_key=lambda t: int(self.is_young(t)),
                   align_center=True, tooltip=self._young_tip),
        ]
        super().__init__(columns, parent, dimmed=lambda t: not t.active)

    def set_teachers(self, teachers: list[Teacher], subject_names: dict[str, str]) -> None:
        self.subject_names = subject_names
        self.set_records(teachers)

    def is_young(self, teacher: Teacher) -> bool:
        return is_young_specialist(teacher, self.today)

    def _subjects(self, teacher: Teacher) -> str:
        return ", ".join(self.subject_names.get(s, s) for s in teacher.subjects)

    def _due_text(self, teacher: Teacher) -> str:
        due = attestation_due(teacher, self.today)
        return short_date(due) if due else ""

    def _due_key(self, teacher: Teacher) -> str:
        due = attestation_due(teacher, self.today)
        return due.isoformat() if due else "9999"

    def _due_colour(self, teacher: Teacher) -> QColor | None:
        due = attestation_due(teacher, self.today)
        if due is None or not teacher.active:
            return None
        if due < self.today:
            return OVERDUE
        if due <= self.today + ATTESTATION_WARNING:
            return DUE_SOON
        return None

    def _due_tip(self, teacher: Teacher) -> str | None:
        colour = self._due_colour(teacher)
        if colour is OVERDUE:
            return _("The attestation is overdue.")
        if colour is DUE_SOON:
            return _("The attestation is due within a year.")
        return None

    def _young_text(self, teacher: Teacher) -> str:
        return "✓" if self.is_young(teacher) else ""

    def _young_tip(self, teacher: Teacher) -> str | None:
        return _("young specialist (first three years in the profession)") if self.is_young(teacher) else None

    @staticmethod
    def _archived_tip(teacher: Teacher) -> str | None:
        return None if teacher.active else _("archived")
