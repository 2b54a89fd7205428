"""The plans considered under an agenda item: a tick for each plan the meeting may consider, its
status, and for a submitted plan the outcome and remarks chosen (recorded when the protocol is
saved, in the same transaction)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QLineEdit, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desktop_app.domain.entities import CalendarPlan, PlanStatus, ReviewOutcome
from desktop_app.i18n import _
from desktop_app.services.meetings import PlanReview
from desktop_app.ui.dialogs.meeting.choices import PlanChoice
from desktop_app.ui.labels import PLAN_STATUS_LABELS, REVIEW_OUTCOME_LABELS, label


class PlansConsidered(QGroupBox):
    """``changed`` on every tick, outcome or remark; hidden when no plan may be considered."""

    changed = Signal()

    def __init__(self, plans: list[PlanChoice], listed: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plans = list(plans)
        self.plan_table = QTableWidget(len(self._plans), 4, self)
        self.plan_table.verticalHeader().setVisible(False)
        self.plan_table.horizontalHeader().setStretchLastSection(True)
        self.plan_table.setMinimumHeight(90)
        self.outcomes: list[QComboBox] = []
        self.remarks: list[QLineEdit] = []
        for row, choice in enumerate(self._plans):
            self._add_row(row, choice, choice.plan.id in listed)
        QVBoxLayout(self).addWidget(self.plan_table)
        self.setVisible(bool(self._plans))
        self.plan_table.itemChanged.connect(self.changed)
        for outcome, remarks in zip(self.outcomes, self.remarks, strict=True):
            outcome.currentIndexChanged.connect(self.changed)
            remarks.textChanged.connect(self.changed)

    def _add_row(self, row: int, choice: PlanChoice, listed: bool) -> None:
        check = QTableWidgetItem(choice.caption)
        check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        check.setCheckState(Qt.CheckState.Checked if listed else Qt.CheckState.Unchecked)
        self.plan_table.setItem(row, 0, check)
        status = QTableWidgetItem("")
        status.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.plan_table.setItem(row, 1, status)
        outcome = QComboBox(self.plan_table)
        outcome.addItem("—", None)
        for value in ReviewOutcome:
            outcome.addItem("", value.value)
        review = choice.plan.review
        if review is not None:
            outcome.setCurrentIndex(outcome.findData(review.outcome.value))
        open_for_review = choice.plan.status is PlanStatus.SUBMITTED
        outcome.setEnabled(open_for_review)
        self.plan_table.setCellWidget(row, 2, outcome)
        remarks = QLineEdit(review.remarks or "" if review else "", self.plan_table)
        remarks.setEnabled(open_for_review)
        self.plan_table.setCellWidget(row, 3, remarks)
        self.outcomes.append(outcome)
        self.remarks.append(remarks)

    def retranslate_ui(self) -> None:
        self.setTitle(_("Calendar-thematic plans considered"))
        self.plan_table.setHorizontalHeaderLabels([_("Plan"), _("Status"), _("Outcome"), _("Remarks")])
        for row, choice in enumerate(self._plans):
            status = self.plan_table.item(row, 1)
            if status is not None:
                status.setText(label(PLAN_STATUS_LABELS, choice.plan.status))
            for index, value in enumerate(ReviewOutcome, start=1):
                self.outcomes[row].setItemText(index, label(REVIEW_OUTCOME_LABELS, value))
        self.plan_table.resizeColumnsToContents()

    def _checked(self, row: int) -> bool:
        cell = self.plan_table.item(row, 0)
        return cell is not None and cell.checkState() == Qt.CheckState.Checked

    def checked(self) -> list[str]:
        return [c.plan.id for row, c in enumerate(self._plans) if self._checked(row)]

    def reviews(self, item: int) -> list[PlanReview]:
        """Outcomes chosen for submitted plans (the ones not yet considered) under item ``item``."""
        chosen = []
        for row, choice in enumerate(self._plans):
            value = self.outcomes[row].currentData()
            if self._checked(row) and value and choice.plan.status is PlanStatus.SUBMITTED:
                chosen.append(PlanReview(choice.plan.id, item, ReviewOutcome(value),
                                         self.remarks[row].text().strip() or None))
        return chosen

    def set_plan_outcome(self, plan: str, outcome: ReviewOutcome | None, remarks: str = "") -> None:
        """Tick a plan as considered and choose its outcome (as a user does with the mouse)."""
        row = next(r for r, c in enumerate(self._plans) if c.plan.id == plan)
        cell = self.plan_table.item(row, 0)
        assert cell is not None
        cell.setCheckState(Qt.CheckState.Checked)
        self.outcomes[row].setCurrentIndex(self.outcomes[row].findData(outcome.value) if outcome else 0)
        self.remarks[row].setText(remarks)

    def update_plan(self, plan: CalendarPlan) -> None:
        """After the review is recorded: the plan's new status, its outcome no longer editable."""
        row = next((r for r, c in enumerate(self._plans) if c.plan.id == plan.id), None)
        if row is None:
            return
        self._plans[row] = PlanChoice(plan, self._plans[row].caption)
        status = self.plan_table.item(row, 1)
        if status is not None:
            status.setText(label(PLAN_STATUS_LABELS, plan.status))
        self.outcomes[row].setEnabled(False)
        self.remarks[row].setEnabled(False)
