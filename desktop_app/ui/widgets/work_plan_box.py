"""The body's annual work plan beside its meetings (п. 28): month and topic of each item, read only."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QListWidget, QVBoxLayout, QWidget

from desktop_app.domain.entities import Association
from desktop_app.i18n import _
from desktop_app.ui.dialogs.item_mark import STATE_LABELS
from desktop_app.ui.language import Retranslating


class WorkPlanBox(Retranslating, QGroupBox):
    """``show_plan(body)`` lists the plan's items; a body without one says so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = QListWidget(self)
        self.items.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.items)
        self._body: Association | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(_("Annual work plan"))
        self.show_plan(self._body)

    def show_plan(self, body: Association | None) -> None:
        self._body = body
        self.items.clear()
        for item in (body.work_plan.items if body and body.work_plan else []):
            mark = f" — {_(STATE_LABELS[item.mark.state])}" if item.mark else ""  # п. 28: followed
            self.items.addItem(f"{item.month}: {item.topic}{mark}")
        if not self.items.count():
            self.items.addItem(_("No annual work plan entered."))
