"""The filters over a list of KTPs: association, teacher, subject, grade and status."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.domain.entities import Association, PlanStatus
from desktop_app.i18n import _
from desktop_app.services.plans import PlanQuery
from desktop_app.ui.labels import PLAN_STATUS_LABELS, label
from desktop_app.ui.session import local

#: The filters in their order on screen, with their widths in characters.
WIDTHS = {"body": 24, "teacher": 14, "subject": 12, "grade": 4, "status": 16}


class ChoicesComboBox(QComboBox):
    """A filter whose choices are read when the user first reaches for them (its list opened, a key
    or the wheel over it), not whenever the list is read: ``wanted`` is called first, and fills it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wanted: Callable[[], object] | None = None

    def showPopup(self) -> None:
        self._want()
        super().showPopup()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._want()
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._want()
        super().wheelEvent(event)

    def _want(self) -> None:
        if self.wanted is not None:
            self.wanted()


class PlanFilterBar(QWidget):
    """Each filter starts with "all"; ``changed`` fires when the user picks another value.

    The teacher, subject and grade filters choose among the year's plans (``fill``); until the owner
    fills them (``stale``), reaching for one asks the owner's ``wanted`` to, so a list that opens
    does not read choices no one looks at. Retranslates through its owner (no LanguageChange
    handler of its own), as the parts of a view do."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bodies: list[Association] = []
        self.captions = {key: QLabel(self) for key in WIDTHS}
        self.body = QComboBox(self)
        self.teacher, self.subject, self.grade = (ChoicesComboBox(self) for _ in range(3))
        self.status = QComboBox(self)
        self.wanted: Callable[[], object] | None = None  # fills the filters (``fill``) when they are stale
        self.stale = False
        for combo in (self.teacher, self.subject, self.grade):
            combo.wanted = self.ensure_filled
        self._filled: dict[QComboBox, Sequence[tuple[str, str]]] = {}  # the choices each was filled with
        for status in PlanStatus:
            self.status.addItem("", status.value)
        self.status.insertItem(0, "", "")
        self.status.setCurrentIndex(0)
        # Two rows of filters, so that the section fits 1366 px beside the navigation in both languages.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        filters, more_filters = QHBoxLayout(), QHBoxLayout()
        for key, box in zip(WIDTHS, self.combos(), strict=True):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(WIDTHS[key])
            row = filters if key in ("body", "teacher") else more_filters
            row.addWidget(self.captions[key])
            row.addWidget(box)
            box.currentIndexChanged.connect(lambda _i: self.changed.emit())
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

    def set_bodies(self, bodies: Sequence[Association]) -> None:
        """The associations to choose from, keeping the current one if it is still there."""
        self.bodies = list(bodies)
        self._fill(self.body, [(b.id, local(b.name)) for b in self.bodies])

    def fill(self, teachers: Sequence[tuple[str, str]], subjects: Sequence[tuple[str, str]],
             grades: Sequence[int]) -> None:
        """New choices (value, text), keeping each current one that is still there; no ``changed``.
        A list whose choices did not change is left as it is (a year switch in a large school: the
        same ~120 teachers)."""
        for combo, choices in ((self.teacher, teachers), (self.subject, subjects),
                               (self.grade, [(str(g), str(g)) for g in grades])):
            self._fill(combo, choices)
        self.stale = False

    def chosen(self) -> bool:
        """Whether a teacher, subject or grade is chosen (its choices must then be the year's)."""
        return any(combo.currentData() for combo in (self.teacher, self.subject, self.grade))

    def mark_stale(self) -> None:
        """The year's choices were not read (none is chosen): they are when a filter is reached for;
        until then each filter offers "all"."""
        for combo in (self.teacher, self.subject, self.grade):
            if not combo.count():
                self._fill(combo, [])
        self.stale = True

    def ensure_filled(self) -> None:
        """The choices of the year, read now if they are stale."""
        if self.stale and self.wanted is not None:
            self.wanted()

    def _fill(self, combo: QComboBox, choices: Sequence[tuple[str, str]]) -> None:
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
