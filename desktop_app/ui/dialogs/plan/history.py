"""The history of one KTP (rule 6): who did what and when, with the remarks, read from the service."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop_app.domain.accounts import PlanEvent
from desktop_app.domain.entities import CalendarPlan, PlanStatus
from desktop_app.i18n import N_, _
from desktop_app.ui.labels import PLAN_STATUS_LABELS, event_label, label, local_time
from desktop_app.ui.language import Retranslating
from desktop_app.ui.models.table import Column, RecordTableModel
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.sizing import fit_to_screen
from desktop_app.ui.widgets.view import fit_columns, make_table


def status_text(value: str) -> str:
    """A stored status value in the window's language (an unknown one as itself)."""
    try:
        return label(PLAN_STATUS_LABELS, PlanStatus(value))
    except ValueError:
        return value


def note_text(event: PlanEvent) -> str:
    """The remarks or the reason; a new version's note also carries a technical snapshot, not shown."""
    note = event.note or ""
    return note.split(" | ", 1)[0] if event.action == "new_version" else note


class PlanHistoryDialog(Retranslating, QDialog):
    def __init__(self, session: Session, plan: CalendarPlan, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.plan = plan
        self.caption = caption
        s = session
        self.events = s.services.plans.history(s.actor, s.school, plan.id)
        people = s.services.accounts.people(s.actor, s.school)
        self.plan_label = QLabel(self)
        self.plan_label.setWordWrap(True)
        self.model: RecordTableModel[PlanEvent] = RecordTableModel([
            Column(N_("When"), lambda e: local_time(e.at), sort_key=lambda e: e.at.isoformat()),
            Column(N_("Who"), lambda e: people.get(e.actor, e.actor)),
            Column(N_("Step"), lambda e: event_label(e.action)),
            Column(N_("Remarks"), note_text),
            Column(N_("Status"), lambda e: status_text(e.to_status) if e.from_status == e.to_status
                   else f"{status_text(e.from_status)} → {status_text(e.to_status)}"),
        ], self)
        self.model.set_records(self.events)
        self.table = make_table(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("viewNote")
        self.empty_label.setVisible(not self.events)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plan_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 1100, 440)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("History of the plan"))
        self.plan_label.setText(self.caption)
        self.empty_label.setText(_("No steps recorded for this plan yet."))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        self.model.retranslate()
        fit_columns(self.table, 320)

    def rows(self) -> list[list[str]]:
        """The table as shown (for tests and a quick look)."""
        index = self.model.index
        return [[str(self.model.data(index(r, c))) for c in range(self.model.columnCount())]
                for r in range(self.model.rowCount())]
