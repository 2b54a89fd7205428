"""An inter-school association's members from other schools (п. 21) in the meeting editor: each
with their school, marked present or absent (with the reason) as the own members are; shown only
when the association has such members on the meeting's date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHeaderView, QTableWidget, QVBoxLayout, QWidget

from desktop_app.domain.district import GuestMember, member_on
from desktop_app.domain.entities import GuestAttendance
from desktop_app.i18n import _
from desktop_app.ui.dialogs.meeting.marks import cell, mark_of, present_cell

Key = tuple[str, str]


class GuestMarks(QGroupBox):
    """``changed`` fires when a mark or a reason changes."""

    changed = Signal()

    def __init__(self, guests: list[GuestMember], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._guests = guests
        self._shown: list[GuestMember] = []
        self._recorded: dict[Key, str] = {}  # the names the marks kept, for a teacher gone from the database
        self.table = QTableWidget(0, 4, self)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in (0, 1, 2):  # names, schools and the "present" header are shown whole
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        QVBoxLayout(self).addWidget(self.table)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.setVisible(False)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(_("Members from other schools"))
        self.table.setHorizontalHeaderLabels([_("Member"), _("School"), _("Present"), _("Reason of absence")])

    def set_marks(self, day: date, marks: list[GuestAttendance]) -> None:
        """The members on ``day``; marks already made (here or in the record) are kept."""
        known: dict[Key, GuestAttendance] = {(g.school, g.teacher): g for g in self.marks()}
        known.update({(g.school, g.teacher): g for g in marks})
        self._recorded.update({key: g.name for key, g in known.items() if g.name})
        self._shown = [g for g in self._guests if member_on(g, day)]
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._shown))
        for row, guest in enumerate(self._shown):
            mark = known.get((guest.school, guest.teacher), GuestAttendance(guest.school, guest.teacher, True))
            self.table.setItem(row, 0, cell(guest.name or mark.name or guest.teacher))
            self.table.setItem(row, 1, cell(guest.school_name or guest.school))
            self.table.setItem(row, 2, present_cell(mark.present))
            self.table.setItem(row, 3, cell(mark.reason or "", editable=True))
        self.table.blockSignals(False)
        self.setVisible(bool(self._shown))

    def members(self) -> list[tuple[GuestMember, bool]]:
        """The members shown, each with whether they are marked present."""
        return [(guest, mark_of(self.table, row, 2)[0]) for row, guest in enumerate(self._shown)]

    def marks(self) -> list[GuestAttendance]:
        result = []
        for row, guest in enumerate(self._shown):
            present, reason = mark_of(self.table, row, 2)
            name = guest.name or self._recorded.get((guest.school, guest.teacher), "")
            result.append(GuestAttendance(guest.school, guest.teacher, present, reason, name))
        return result

    def set_present(self, school: str, teacher: str, present: bool, reason: str = "") -> None:
        row = [(g.school, g.teacher) for g in self._shown].index((school, teacher))
        box, text = self.table.item(row, 2), self.table.item(row, 3)
        assert box is not None and text is not None
        box.setCheckState(present_cell(present).checkState())
        text.setText(reason)
