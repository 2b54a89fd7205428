"""The rows of a staff list file before import: bad cells red, the problem in the cell's tooltip."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from desktop_app.i18n import N_, _
from desktop_app.services.staff_import import StaffRow
from desktop_app.ui.labels import CATEGORY_LABELS, label, short_date
from desktop_app.ui.models.table import Column, RecordTableModel
from desktop_app.ui.session import local

BAD = QColor("#f8d0d0")


def _problem(field: str) -> Callable[[StaffRow], str | None]:
    def tip(row: StaffRow) -> str | None:
        error = row.problems.get(field)
        return error.render(_) if error is not None else None
    return tip


def _bad(field: str) -> Callable[[StaffRow], QColor | None]:
    return lambda row: BAD if field in row.problems else None


class StaffPreviewModel(RecordTableModel[StaffRow]):
    def __init__(self, subject_names: dict[str, str], parent: QObject | None = None) -> None:
        self.subject_names = subject_names

        def column(header: str, field: str, text: Callable[[StaffRow], str]) -> Column[StaffRow]:
            return Column(header, text, background=_bad(field),
                          tooltip=lambda r: _problem(field)(r) or text(r) or None)

        super().__init__([
            Column(N_("Row"), lambda r: str(r.line), sort_key=lambda r: r.line, align_center=True),
            column(N_("Last name"), "last_name", lambda r: r.teacher.last_name),
            column(N_("First name"), "first_name", lambda r: r.teacher.first_name),
            column(N_("Patronymic"), "patronymic", lambda r: r.teacher.patronymic or ""),
            column(N_("Position"), "position", lambda r: local(r.teacher.position)),
            column(N_("Subjects"), "subjects", self._subjects),
            column(N_("Qualification category"), "category", self._category),
            column(N_("Category awarded on"), "category_awarded", self._date("category_awarded")),
            column(N_("In the profession since"), "career_start", self._date("career_start")),
        ], parent)

    def _subjects(self, row: StaffRow) -> str:
        if "subjects" in row.problems:
            return row.texts.get("subjects", "")
        return ", ".join(self.subject_names.get(s, s) for s in row.teacher.subjects)

    @staticmethod
    def _category(row: StaffRow) -> str:
        if "category" in row.problems:
            return row.texts.get("category", "")
        return label(CATEGORY_LABELS, row.teacher.category)

    @staticmethod
    def _date(field: str) -> Callable[[StaffRow], str]:
        def text(row: StaffRow) -> str:
            value = getattr(row.teacher, field)
            if field in row.problems or value is None:
                return row.texts.get(field, "")
            return short_date(value)
        return text
