"""Search over all protocols of the school (all years), the hit highlighted in its text."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from desktop_app.i18n import N_, _
from desktop_app.services.search import Hit
from desktop_app.ui.labels import short_date
from desktop_app.ui.models.table import Column, RecordTableModel
from desktop_app.ui.session import Session
from desktop_app.ui.views.base import fit_columns, make_table

HIGHLIGHT = "background-color: #ffe066;"
PLACE_NAMES = {"title": N_("Agenda item"), "heard": N_("HEARD"), "spoke": N_("SPOKE"),
               "decision": N_("RESOLVED"), "place": N_("Place")}


def highlighted(hit: Hit) -> str:
    """The hit's text as HTML with the match marked."""
    before, match, after = hit.text[:hit.start], hit.text[hit.start:hit.end], hit.text[hit.end:]
    return f'{html.escape(before)}<span style="{HIGHLIGHT}">{html.escape(match)}</span>{html.escape(after)}'


class ProtocolSearchPanel(QWidget):
    """``open_meeting(id)`` when the user asks to open the protocol of a hit."""

    open_meeting = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.bodies: dict[str, str] = {}
        self._build_ui()
        self._connect()
        self.retranslate_ui()

    def _build_ui(self) -> None:
        self.query = QLineEdit(self)
        self.query.setClearButtonEnabled(True)
        self.find_button = QPushButton(self)
        self.open_button = QPushButton(self)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.find_button)
        row.addWidget(self.open_button)
        self.model: RecordTableModel[Hit] = RecordTableModel([
            Column(N_("Academic year"), lambda h: h.academic_year),
            Column(N_("Body"), lambda h: self.bodies.get(h.body, h.body)),
            Column(N_("No."), lambda h: str(h.number), sort_key=lambda h: h.number, align_center=True),
            Column(N_("Date"), lambda h: short_date(h.date), sort_key=lambda h: h.date.isoformat()),
            Column(N_("Item"), lambda h: str(h.item or ""), sort_key=lambda h: h.item or 0, align_center=True),
            Column(N_("Where"), lambda h: _(PLACE_NAMES.get(h.place, h.place))),
            Column(N_("Text"), lambda h: h.text),
        ], self)
        self.table = make_table(self)
        self.table.setSortingEnabled(False)
        self.table.setModel(self.model)
        self.preview = QTextBrowser(self)
        self.preview.setMaximumHeight(120)
        self.summary = QLabel(self)
        self.summary.setObjectName("viewNote")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.preview)

    def _connect(self) -> None:
        self.query.returnPressed.connect(self.run)
        self.find_button.clicked.connect(self.run)
        self.open_button.clicked.connect(self._open)
        self.table.doubleClicked.connect(lambda _index: self._open())
        self.table.selectionModel().currentRowChanged.connect(lambda current, _p: self.show_hit(current.row()))

    def retranslate_ui(self) -> None:
        self.query.setPlaceholderText(_("A word from a title, a speech or a decision, in any case"))
        self.find_button.setText(_("Find"))
        self.open_button.setText(_("Open the protocol"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def run(self) -> list[Hit]:
        s = self.session
        hits = s.services.search.search(s.actor, s.school, self.query.text())
        self.model.set_records(hits)
        fit_columns(self.table)
        self.summary.setText(_("Found: {count}").format(count=len(hits)) if self.query.text().strip() else "")
        if hits:
            self.table.selectRow(0)
            self.show_hit(0)
        else:
            self.preview.clear()
        return hits

    def show_hit(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.preview.setHtml(highlighted(self.model.record(row)))

    def _open(self) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            self.open_meeting.emit(self.model.record(row).meeting)
