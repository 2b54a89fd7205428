"""The KTP import's state and its end: what the preview says of the rows read (the summary, the
problems by cell, the Import button) and the import itself, a refusal shown at its field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableView,
)

from desktop_app.domain.entities import AcademicYear, CalendarPlan, Language
from desktop_app.domain.errors import UserError
from desktop_app.i18n import _, ngettext
from desktop_app.services.plan_import import PlanFile, PlanTable
from desktop_app.ui import operations
from desktop_app.ui.dialogs.plan.import_summary import edit_note, problem_lines, summary_text
from desktop_app.ui.language import Retranslating
from desktop_app.ui.models.plan_import import LEADING, PlanPreviewModel
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.fields import OK_STYLE

ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class PlanImportState(Retranslating, QDialog):
    """The state shown and the import of ``PlanImportDialog``, which builds the fields and reads the file."""

    session: Session
    year: AcademicYear
    saved_plan: CalendarPlan | None
    parsed: PlanFile | None
    table_data: PlanTable | None
    edits: dict[tuple[int, int], str]
    columns: dict[int, str]
    teacher: QComboBox
    subject: QComboBox
    grade: QSpinBox
    classes: QLineEdit
    language: QComboBox
    hours_per_week: QDoubleSpinBox
    errors: dict[str, QLabel]
    summary: QLabel
    model: PlanPreviewModel
    table: QTableView
    edit_note: QLabel
    problems_title: QLabel
    problems: QListWidget
    general_error: QLabel
    import_button: QPushButton

    def _show_state(self) -> None:
        parsed = self.parsed
        self.problems.clear()
        self.edit_note.setVisible(self.table_data is not None)
        self.edit_note.setText(edit_note(len(self.edits)))
        if parsed is None:
            self.summary.setText(_("Choose the KTP file: a table with a row of column headings such as "
                                   "«Сабақтың тақырыбы» / «Тема урока»."))
            self.summary.setStyleSheet("")
            self.problems_title.setVisible(False)
            self.problems.setVisible(False)
            self.import_button.setText(_("Import"))
            self.import_button.setEnabled(False)
            return
        self.summary.setText(summary_text(parsed, self.table_data))
        self.summary.setStyleSheet("" if parsed.problems else OK_STYLE)
        for error in parsed.file_problems:
            self.problems.addItem(error.render(_))
        for text, where in problem_lines(parsed, self.columns, self.table_data):
            item = QListWidgetItem(text)
            item.setData(ROW_ROLE, where)
            self.problems.addItem(item)
        self.problems_title.setVisible(bool(parsed.problems))
        self.problems.setVisible(bool(parsed.problems))
        count = len(parsed.rows)
        self.import_button.setText(ngettext("Import {count} lesson", "Import {count} lessons", count).format(
            count=count))
        self.import_button.setEnabled(parsed.importable)

    def _show_problem(self, item: QListWidgetItem) -> None:
        where = item.data(ROW_ROLE)
        if where is None:
            return
        row, column = where
        index = self.model.index(row, LEADING + column if column is not None else 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def plan_header(self) -> CalendarPlan:
        """What the user chose for the plan; its rows come from the file."""
        classes = [c.strip() for c in self.classes.text().replace(";", ",").split(",") if c.strip()]
        return CalendarPlan(id="", teacher=str(self.teacher.currentData() or ""),
                            subject=str(self.subject.currentData() or ""), academic_year=self.year.id,
                            grade=self.grade.value(), language=Language(self.language.currentData()),
                            hours_per_week=self.hours_per_week.value(), classes=classes)

    def _refuse(self, name: str, text: str) -> None:
        self.errors[name].setText(text)
        self.errors[name].setVisible(True)

    def _clear_errors(self) -> None:
        for label in [*self.errors.values(), self.general_error]:
            label.clear()
            label.setVisible(False)

    def accept(self) -> None:
        parsed = self.parsed
        if parsed is None or not parsed.importable:
            return
        self._clear_errors()
        if self.teacher.currentData() is None:
            self._refuse("teacher", _("The signed-in user is not linked to a teacher; ask the deputy director "
                                      "to import the plan."))
            return
        if self.subject.currentData() is None:
            self._refuse("subject", _("Choose the subject."))
            return
        if self.grade.value() == 0:
            self._refuse("grade", _("Choose the grade."))
            return
        s, header, rows = self.session, self.plan_header(), parsed.plan_rows()

        def refused(error: UserError) -> None:
            key = (error.field or getattr(error, "kind", None) or "").split(".")[0]
            target = self.errors.get(key, self.general_error)
            target.setText(error.render(_))
            target.setVisible(True)

        def saved(plan: CalendarPlan) -> None:
            self.saved_plan = plan

        operations.accept_after(self, lambda: s.services.plans.import_plan(s.actor, s.school, header, rows),
                                changes={Change.PLANS}, refused=refused, keep=saved)
