"""The filters over a list of KTPs: association, teacher, subject, grade and status."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.domain.entities import Association, PlanStatus
from desktop_app.i18n import _
from desktop_app.services.plans import PlanQuery
from desktop_app.ui.labels import PLAN_STATUS_LABELS, label
from desktop_app.ui.session import local

#: The filters in their order on screen, with their widths in characters.
WIDTHS = {"body": 24, "teacher": 14, "subject": 12, "grade": 4, "status": 16}


class PlanFilterBar(QWidget):
    """Each filter starts with "all"; ``changed`` fires when the user picks another value.

    Retranslates through its owner (no LanguageChange handler of its own), as the parts of a view do."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bodies: list[Association] = []
        self.captions = {key: QLabel(self) for key in WIDTHS}
        self.body, self.teacher, self.subject, self.grade, self.status = (QComboBox(self) for _ in range(5))
        self._filled: dict[QComboBox, Sequence[tuple[str, str]]] = {}  # the choices each was filled with
        for status in PlanStatus:
            self.status.addItem("", status.value)
        self.status.insertItem(0, "", "")
        self.status.setCurrentIndex(0)
        # Two rows of filters, so that the section fits 1366 px beside the navigation in both languages.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        filters, more_filters = QHBoxLayout(), QHBoxLayout()
        for key, combo in zip(WIDTHS, self.combos(), strict=True):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(WIDTHS[key])
            row = filters if key in ("body", "teacher") else more_filters
            row.addWidget(self.captions[key])
            row.addWidget(combo)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        filters.addStretch(1)
        more_filters.addStretch(1)
        layout.addLayout(filters)
        layout.addLayout(more_filters)

    def combos(self) -> tuple[QComboBox, ...]:
        return (self.body, self.teacher, self.subject, self.grade, self.status)

    def retranslate_ui(self) -> None:
        for key, text in (("body", _("Association:")), ("teacher", _("Teacher:")), ("subject", _("Subject:")),
                          ("grade", _("Grade:")), ("status", _("Status:"))):
            self.captions[key].setText(text)
        for combo in self.combos():
            if combo.count():
                combo.setItemText(0, _("all"))
        for index, status in enumerate(PlanStatus, start=1):
            self.status.setItemText(index, label(PLAN_STATUS_LABELS, status))

    def fill(self, bodies: Sequence[Association], teachers: Sequence[tuple[str, str]],
             subjects: Sequence[tuple[str, str]], grades: Sequence[int]) -> None:
        """New choices (value, text), keeping each current one that is still there; no ``changed``.
        A list whose choices did not change is left as it is (a year switch in a large school: the
        same ~120 teachers)."""
        self.bodies = list(bodies)
        for combo, choices in ((self.body, [(b.id, local(b.name)) for b in self.bodies]), (self.teacher, teachers),
                               (self.subject, subjects), (self.grade, [(str(g), str(g)) for g in grades])):
            if self._filled.get(combo) != choices or combo.count() != len(choices) + 1:
                _fill(combo, choices)
                self._filled[combo] = list(choices)

    def query(self, school: str, year: str) -> PlanQuery:
        """The plans of ``year`` the filters let through (the search and the order are the list's)."""
        body_id, teacher, subject, grade = (c.currentData() for c in self.combos()[:4])
        members: frozenset[str] | None = None
        if body_id:
            body = next((b for b in self.bodies if b.id == body_id), None)
            members = frozenset(body.member_ids()) if body is not None else frozenset()
        status = self.status_value()
        return PlanQuery(school, year, None, members, teacher or None, subject or None, int(grade) if grade else None,
                         status.value if status else None)

    def status_value(self) -> PlanStatus | None:
        """The chosen status, or None for all."""
        value = self.status.currentData()
        return PlanStatus(value) if value else None

    def clear_all(self) -> None:
        """Every filter back to "all", without ``changed``."""
        for combo in self.combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)


def _fill(combo: QComboBox, choices: Sequence[tuple[str, str]]) -> None:
    """All + the choices, keeping the current one if it is still there."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(_("all"), "")
    for value, text in choices:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(combo.findData(current), 0) if current else 0)
    combo.blockSignals(False)
