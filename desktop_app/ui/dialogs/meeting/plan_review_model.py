"""The rows of the plans considered under an agenda item, as a model with an outcome delegate.

An item of a large school's meeting may offer some 300 plans; a table of cell widgets (a combo box
and a line edit per plan) took ~0.9 s to open. Here each plan is a row of data and only the cell
being edited has a widget (issue 15)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop_app.domain.entities import PlanStatus, ReviewOutcome
from desktop_app.i18n import _
from desktop_app.ui.dialogs.meeting.choices import PlanChoice
from desktop_app.ui.labels import PLAN_STATUS_LABELS, REVIEW_OUTCOME_LABELS, label

PLAN, STATUS, OUTCOME, REMARKS = range(4)
_Index = QModelIndex | QPersistentModelIndex
NO_OUTCOME = "—"


@dataclass
class PlanLine:
    """One plan offered under the item: ticked or not, the outcome and remarks chosen."""

    choice: PlanChoice
    checked: bool
    outcome: ReviewOutcome | None
    remarks: str

    @property
    def open_for_review(self) -> bool:
        return self.choice.plan.status is PlanStatus.SUBMITTED


def outcome_text(outcome: ReviewOutcome | None) -> str:
    return NO_OUTCOME if outcome is None else label(REVIEW_OUTCOME_LABELS, outcome)


class PlanReviewModel(QAbstractTableModel):
    """Tick (column 0), status, outcome and remarks; the last two editable for a submitted plan."""

    def __init__(self, plans: list[PlanChoice], listed: list[str]) -> None:
        super().__init__()
        self.lines = [
            PlanLine(c, c.plan.id in listed, c.plan.review.outcome if c.plan.review else None,
                     (c.plan.review.remarks or "") if c.plan.review else "")
            for c in plans
        ]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_("Plan"), _("Status"), _("Outcome"), _("Remarks"))[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        enabled = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == PLAN:
            return enabled | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (OUTCOME, REMARKS) and self.lines[index.row()].open_for_review:
            return enabled | Qt.ItemFlag.ItemIsEditable
        return enabled

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line, column = self.lines[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == PLAN:
            return Qt.CheckState.Checked if line.checked else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == PLAN:
                return line.choice.caption
            if column == STATUS:
                return label(PLAN_STATUS_LABELS, line.choice.plan.status)
            if column == OUTCOME:
                return outcome_text(line.outcome)
            return line.remarks or None
        if role == Qt.ItemDataRole.EditRole and column == OUTCOME:
            return line.outcome.value if line.outcome else ""
        if role == Qt.ItemDataRole.EditRole and column == REMARKS:
            return line.remarks
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        line, column = self.lines[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == PLAN:
            line.checked = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole and column == OUTCOME and line.open_for_review:
            line.outcome = ReviewOutcome(value) if value else None
        elif role == Qt.ItemDataRole.EditRole and column == REMARKS and line.open_for_review:
            line.remarks = str(value or "")
        else:
            return False
        self.dataChanged.emit(index, index, [role])
        return True

    def replace_choice(self, row: int, choice: PlanChoice) -> None:
        """The plan of ``row`` as it now is (its status after the review is recorded)."""
        self.lines[row].choice = choice
        self.dataChanged.emit(self.index(row, 0), self.index(row, REMARKS))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, REMARKS)
        if self.lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, REMARKS))


class OutcomeDelegate(QStyledItemDelegate):
    """A combo box of the outcomes in the cell being edited; a choice is kept at once."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem(NO_OUTCOME, "")
        for value in ReviewOutcome:
            combo.addItem(outcome_text(value), value.value)
        combo.activated.connect(lambda _index: self._commit(combo))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole) or ""), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
