"""The plans considered under an agenda item: a tick for each plan the meeting may consider, its
status, and for a submitted plan the outcome and remarks chosen (recorded when the protocol is
saved, in the same transaction). A model and a view (plan_review_model), not a widget per cell."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QHeaderView, QTableView, QVBoxLayout, QWidget

from desktop_app.domain.entities import CalendarPlan, ReviewOutcome
from desktop_app.i18n import _
from desktop_app.services.meetings import PlanReview
from desktop_app.ui.dialogs.meeting.choices import PlanChoice
from desktop_app.ui.dialogs.meeting.plan_review_model import (
    NO_OUTCOME,
    OUTCOME,
    PLAN,
    REMARKS,
    STATUS,
    OutcomeDelegate,
    PlanReviewModel,
    outcome_text,
)

#: The plan column is at most this wide; a longer caption ends in "…" and shows whole as a tip.
PLAN_WIDTH = 300


class PlansConsidered(QGroupBox):
    """``changed`` on every tick, outcome or remark; hidden when no plan may be considered."""

    changed = Signal()

    def __init__(self, plans: list[PlanChoice], listed: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fitted = False  # the columns fit the texts shown (``retranslate_ui``)
        self.model = PlanReviewModel(plans, listed)
        self.plan_table = QTableView(self)
        self.plan_table.setModel(self.model)
        self.plan_table.setItemDelegateForColumn(OUTCOME, OutcomeDelegate(self.plan_table))
        self.plan_table.setEditTriggers(
            QAbstractItemView.EditTrigger.CurrentChanged | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.plan_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.plan_table.verticalHeader().setVisible(False)
        self.plan_table.setWordWrap(False)
        header = self.plan_table.horizontalHeader()
        header.setStretchLastSection(True)
        self.plan_table.setMinimumHeight(90)
        QVBoxLayout(self).addWidget(self.plan_table)
        self.setVisible(bool(self.model.lines))
        self.model.dataChanged.connect(self.changed)

    def retranslate_ui(self) -> None:
        self.setTitle(_("Calendar-thematic plans considered"))
        self.model.retranslate()
        # Fitted when seen: a protocol opens on its first tab, and each item's table under the
        # agenda measured its ~100 plans for nothing (~1 ms an item).
        self._fitted = False
        if self.isVisible():
            self._fit_columns()

    def showEvent(self, event: QShowEvent) -> None:
        if not self._fitted:
            self._fit_columns()
        super().showEvent(event)

    def _fit_columns(self) -> None:
        """The plan and status columns as wide as their longest text, as Qt sizes that one cell (a
        KTP review lists ~100 plans under each item: Qt asking every row for its size took longer
        than the rest of the protocol); the outcome column as wide as its longest choice (never
        cut); the remarks take the rest."""
        self._fitted = True
        table, header = self.plan_table, self.plan_table.horizontalHeader()
        metrics, model = table.fontMetrics(), self.model
        for column in (PLAN, STATUS):
            texts = [str(model.data(model.index(row, column)) or "") for row in range(model.rowCount())]
            width = header.sectionSizeHint(column)
            if texts:
                longest = max(range(len(texts)), key=lambda row: metrics.horizontalAdvance(texts[row]))
                grid = 1 if table.showGrid() else 0  # as Qt's own fit counts the grid line
                width = max(width, table.sizeHintForIndex(model.index(longest, column)).width() + grid)
            header.resizeSection(column, width)
        header.resizeSection(PLAN, min(header.sectionSize(PLAN), PLAN_WIDTH))
        texts = [NO_OUTCOME, *(outcome_text(v) for v in ReviewOutcome), _("Outcome")]
        # The room a combo box's frame and arrow take around its text, as the style draws it.
        header.resizeSection(OUTCOME, max(metrics.horizontalAdvance(t) for t in texts) + 48)
        header.setSectionResizeMode(REMARKS, QHeaderView.ResizeMode.Stretch)

    def checked(self) -> list[str]:
        return [line.choice.plan.id for line in self.model.lines if line.checked]

    def reviews(self, item: int) -> list[PlanReview]:
        """Outcomes chosen for submitted plans (the ones not yet considered) under item ``item``."""
        return [PlanReview(line.choice.plan.id, item, line.outcome, line.remarks.strip() or None)
                for line in self.model.lines
                if line.checked and line.outcome is not None and line.open_for_review]

    def set_plan_outcome(self, plan: str, outcome: ReviewOutcome | None, remarks: str = "") -> None:
        """Tick a plan as considered and choose its outcome (as a user does with the mouse)."""
        row = next(r for r, line in enumerate(self.model.lines) if line.choice.plan.id == plan)
        model = self.model
        model.setData(model.index(row, PLAN), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
        model.setData(model.index(row, OUTCOME), outcome.value if outcome else "")
        model.setData(model.index(row, REMARKS), remarks)

    def update_plan(self, plan: CalendarPlan) -> None:
        """After the review is recorded: the plan's new status, its outcome no longer editable."""
        row = next((r for r, line in enumerate(self.model.lines) if line.choice.plan.id == plan.id), None)
        if row is not None:
            self.model.replace_choice(row, PlanChoice(plan, self.model.lines[row].choice.caption))
