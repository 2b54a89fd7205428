"""The methodical materials discussed under an agenda item (п. 27): a tick for each material the
meeting may discuss (its association's, or any of the year for the methodical council), its status,
and for a draft or returned one the conclusion and remarks chosen (recorded when the protocol is
saved, in the same transaction, as the KTPs considered)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QLineEdit, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desktop_app.domain.entities import Material, ReviewOutcome
from desktop_app.domain.labels import MATERIAL_KIND_LABELS, MATERIAL_STATUS_LABELS
from desktop_app.domain.materials import CONSIDERABLE
from desktop_app.i18n import N_, _
from desktop_app.services.materials import MaterialReview
from desktop_app.ui.labels import label
from desktop_app.ui.session import local

#: The meeting's conclusion on a material, as the editor offers it.
CONCLUSIONS = {ReviewOutcome.RECOMMENDED: N_("positive conclusion"),
               ReviewOutcome.RETURNED: N_("returned for revision")}


@dataclass(frozen=True)
class MaterialChoice:
    material: Material


def material_choices(materials: list[Material]) -> list[MaterialChoice]:
    """The materials a meeting may discuss (domain.materials.considerable, ``MeetingService.editor``)."""
    return [MaterialChoice(m) for m in materials]


class MaterialsConsidered(QGroupBox):
    """``changed`` on every tick, conclusion or remark; hidden when no material may be discussed."""

    changed = Signal()

    def __init__(self, materials: list[MaterialChoice], listed: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._materials = list(materials)
        self.table = QTableWidget(len(self._materials), 4, self)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(90)
        self.outcomes: list[QComboBox] = []
        self.remarks: list[QLineEdit] = []
        for row, choice in enumerate(self._materials):
            self._add_row(row, choice.material, choice.material.id in listed)
        QVBoxLayout(self).addWidget(self.table)
        self.setVisible(bool(self._materials))
        self.table.itemChanged.connect(self.changed)
        for outcome, remarks in zip(self.outcomes, self.remarks, strict=True):
            outcome.currentIndexChanged.connect(self.changed)
            remarks.textChanged.connect(self.changed)

    def _add_row(self, row: int, material: Material, listed: bool) -> None:
        check = QTableWidgetItem("")
        check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        check.setCheckState(Qt.CheckState.Checked if listed else Qt.CheckState.Unchecked)
        self.table.setItem(row, 0, check)
        status = QTableWidgetItem("")
        status.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.table.setItem(row, 1, status)
        outcome = QComboBox(self.table)
        outcome.addItem("—", None)
        for value in ReviewOutcome:
            outcome.addItem("", value.value)
        open_for_review = material.status in CONSIDERABLE
        review = material.review
        if review is not None and not open_for_review:
            outcome.setCurrentIndex(outcome.findData(review.outcome.value))
        outcome.setEnabled(open_for_review)
        self.table.setCellWidget(row, 2, outcome)
        remarks = QLineEdit(review.remarks or "" if review and not open_for_review else "", self.table)
        remarks.setEnabled(open_for_review)
        self.table.setCellWidget(row, 3, remarks)
        self.outcomes.append(outcome)
        self.remarks.append(remarks)

    def retranslate_ui(self) -> None:
        self.setTitle(_("Methodical materials discussed"))
        self.table.setHorizontalHeaderLabels([_("Material"), _("Status"), _("Conclusion"), _("Remarks")])
        for row, choice in enumerate(self._materials):
            material = choice.material
            check, status = self.table.item(row, 0), self.table.item(row, 1)
            if check is not None:
                check.setText(local(material.title))
                check.setToolTip(label(MATERIAL_KIND_LABELS, material.kind))
            if status is not None:
                status.setText(label(MATERIAL_STATUS_LABELS, material.status))
            for index, value in enumerate(ReviewOutcome, start=1):
                self.outcomes[row].setItemText(index, _(CONCLUSIONS[value]))
        self.table.resizeColumnsToContents()

    def _checked(self, row: int) -> bool:
        cell = self.table.item(row, 0)
        return cell is not None and cell.checkState() == Qt.CheckState.Checked

    def checked(self) -> list[str]:
        return [c.material.id for row, c in enumerate(self._materials) if self._checked(row)]

    def offered(self) -> set[str]:
        return {c.material.id for c in self._materials}

    def reviews(self, item: int) -> list[MaterialReview]:
        """Conclusions chosen for materials still open to discussion, under item ``item``."""
        chosen = []
        for row, choice in enumerate(self._materials):
            value = self.outcomes[row].currentData()
            if self._checked(row) and value and choice.material.status in CONSIDERABLE:
                chosen.append(MaterialReview(choice.material.id, item, ReviewOutcome(value),
                                             self.remarks[row].text().strip() or None))
        return chosen

    def set_conclusion(self, material: str, outcome: ReviewOutcome | None, remarks: str = "") -> None:
        """Tick a material as discussed and choose the conclusion (as a user does with the mouse)."""
        row = next(r for r, c in enumerate(self._materials) if c.material.id == material)
        cell = self.table.item(row, 0)
        assert cell is not None
        cell.setCheckState(Qt.CheckState.Checked)
        self.outcomes[row].setCurrentIndex(self.outcomes[row].findData(outcome.value) if outcome else 0)
        self.remarks[row].setText(remarks)

    def update_material(self, material: Material) -> None:
        """After the conclusion is recorded: the new status, the conclusion no longer editable."""
        row = next((r for r, c in enumerate(self._materials) if c.material.id == material.id), None)
        if row is None:
            return
        self._materials[row] = MaterialChoice(material)
        status = self.table.item(row, 1)
        if status is not None:
            status.setText(label(MATERIAL_STATUS_LABELS, material.status))
        self.outcomes[row].setEnabled(False)
        self.remarks[row].setEnabled(False)
