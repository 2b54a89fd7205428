"""Start a KTP from another one: last year's plan or a colleague's plan of the same subject.

The service lists the sources and hands over their rows with the dates cleared, since the dates
belong to another year's calendar or another class's timetable.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.entities import CalendarPlan, PlanRow
from desktop_app.domain.errors import UserError
from desktop_app.i18n import _
from desktop_app.ui import operations
from desktop_app.ui.labels import PLAN_STATUS_LABELS, label
from desktop_app.ui.language import Retranslating
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.fields import error_label, show_field_error
from desktop_app.ui.widgets.sizing import fit_to_screen

PLAN_ID = Qt.ItemDataRole.UserRole + 1


class PlanCopyDialog(Retranslating, QDialog):
    """After ``exec() == Accepted``, ``rows`` holds the copied rows (numbered from 1, without dates)
    and ``source`` the plan they came from (as listed: its header gives the hours per week and classes)."""

    def __init__(self, session: Session, subject: str, grade: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.subject = subject
        self.grade = grade
        self.rows: list[PlanRow] | None = None
        self.source: CalendarPlan | None = None
        self.sources: list[CalendarPlan] = []
        self.teachers = session.teachers_by_id()
        self._build_ui()
        self.retranslate_ui()
        self.load()

    def _build_ui(self) -> None:
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.all_grades = QCheckBox(self)
        self.table = QTableWidget(0, 6, self)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self)
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.all_grades.toggled.connect(self.load)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.table.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.all_grades)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 820, 420)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Copy the rows of another plan"))
        subject = self.session.subject_names().get(self.subject, self.subject)
        self.note.setText(_("Plans of {subject} of every academic year and every teacher of the school. The "
                            "copied rows replace the rows of the table; their dates are cleared. The hours per "
                            "week are copied too, and the classes when none are typed yet.")
                          .format(subject=subject))
        self.all_grades.setText(_("Plans of every grade, not only grade {grade}").format(grade=self.grade))
        self.table.setHorizontalHeaderLabels([_("Teacher"), _("Academic year"), _("Grade"), _("Classes"),
                                              _("Rows"), _("Status")])
        self.empty.setText(_("No plan of this subject to copy from."))
        self.copy_button.setText(_("Copy"))
        self.cancel_button.setText(_("Cancel"))
        self._fill()

    def load(self) -> None:
        s = self.session
        grade = None if self.all_grades.isChecked() else self.grade
        try:
            self.sources = s.services.plans.copy_sources(s.actor, s.school, self.subject, grade)
        except UserError as error:
            self.sources = []
            show_field_error(self.error, error.render(_))
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.sources))
        for row, plan in enumerate(self.sources):
            teacher = self.teachers.get(plan.teacher)
            cells = (teacher.full_name if teacher else plan.teacher, plan.academic_year, str(plan.grade),
                     ", ".join(plan.classes), str(len(plan.rows)), label(PLAN_STATUS_LABELS, plan.status))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(PLAN_ID, plan.id)
                self.table.setItem(row, column, item)
        self.empty.setVisible(not self.sources)
        self._update_button()

    def select(self, plan: str) -> None:
        for row, source in enumerate(self.sources):
            if source.id == plan:
                self.table.selectRow(row)

    def _update_button(self) -> None:
        self.copy_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> str | None:
        plan = self.chosen_plan()
        return plan.id if plan is not None else None

    def chosen_plan(self) -> CalendarPlan | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.sources[min(rows)] if rows else None

    def accept(self) -> None:
        source = self.chosen_plan()
        if source is None:
            return
        s = self.session

        def keep(rows: list[PlanRow]) -> None:
            self.rows, self.source = rows, source

        self.error.setVisible(False)
        operations.accept_after(self, lambda: s.services.plans.copy_rows(s.actor, s.school, source.id),
                                changes=(), label=operations.WORKING, keep=keep,
                                refused=lambda error: show_field_error(self.error, error.render(_)))
