"""Attendance in the meeting editor: the body's members on the date, an inter-school association's
members from other schools (п. 21), and invited guests."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.district import GuestMember
from desktop_app.domain.entities import (
    Association,
    Attendance,
    GuestAttendance,
    GuestSpeaker,
    Person,
    SpeechSpeaker,
    Teacher,
)
from desktop_app.i18n import _
from desktop_app.ui.dialogs.meeting.guest_marks import GuestMarks
from desktop_app.ui.dialogs.meeting.marks import cell as _cell
from desktop_app.ui.dialogs.meeting.marks import mark_of, present_cell
from desktop_app.ui.dialogs.meeting.speeches import SpeakerKey, other_key


class AttendancePanel(QWidget):
    """``changed`` fires when a mark, a reason or a guest changes."""

    changed = Signal()

    def __init__(self, body: Association, teachers: dict[str, Teacher], parent: QWidget | None = None,
                 guest_members: list[GuestMember] | None = None) -> None:
        super().__init__(parent)
        self.body = body
        self.teachers = teachers
        self._members: list[str] = []
        self.guest_members = GuestMarks(guest_members or [], self)
        self._build_ui()
        self._connect()
        self.retranslate_ui()

    def _build_ui(self) -> None:
        self.members_box = QGroupBox(self)
        self.members = QTableWidget(0, 3, self)
        self.members.verticalHeader().setVisible(False)
        for column in (0, 1):  # names and the "present" header are shown whole
            self.members.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.members.horizontalHeader().setStretchLastSection(True)
        box = QVBoxLayout(self.members_box)
        box.addWidget(self.members)
        self.guests_box = QGroupBox(self)
        self.guests = QTableWidget(0, 2, self)
        self.guests.verticalHeader().setVisible(False)
        self.guests.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_guest_button = QPushButton(self)
        self.remove_guest_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_guest_button)
        buttons.addWidget(self.remove_guest_button)
        buttons.addStretch(1)
        guests = QVBoxLayout(self.guests_box)
        guests.addWidget(self.guests)
        guests.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.members_box, 3)
        layout.addWidget(self.guest_members, 2)
        layout.addWidget(self.guests_box, 2)

    def _connect(self) -> None:
        self.members.itemChanged.connect(lambda _item: self.changed.emit())
        self.guests.itemChanged.connect(lambda _item: self.changed.emit())
        self.guest_members.changed.connect(self.changed.emit)
        self.add_guest_button.clicked.connect(lambda: self.add_guest(Person("")))
        self.remove_guest_button.clicked.connect(self._remove_guest)

    def retranslate_ui(self) -> None:
        self.members_box.setTitle(_("Members on the meeting date"))
        self.members.setHorizontalHeaderLabels([_("Member"), _("Present"), _("Reason of absence")])
        self.guests_box.setTitle(_("Invited"))
        self.guests.setHorizontalHeaderLabels([_("Full name"), _("Position")])
        self.add_guest_button.setText(_("Add a guest"))
        self.remove_guest_button.setText(_("Remove the guest"))
        self.guest_members.retranslate_ui()

    def name(self, teacher: str) -> str:
        found = self.teachers.get(teacher)
        return found.full_name if found else teacher

    def set_attendance(self, day: date, attendance: list[Attendance],
                       guest_marks: list[GuestAttendance] | None = None) -> None:
        """The members on ``day`` (those from other schools too); marks already made (here or in the
        record) are kept."""
        self.guest_members.set_marks(day, guest_marks or [])
        marks = {a.teacher: a for a in self.attendance()}
        marks.update({a.teacher: a for a in attendance})
        self._members = [t for t in self.body.member_ids() if self.body.is_member(t, day)]
        self.members.blockSignals(True)
        self.members.setRowCount(len(self._members))
        for row, teacher in enumerate(self._members):
            mark = marks.get(teacher, Attendance(teacher, True))
            self.members.setItem(row, 0, _cell(self.name(teacher)))
            self.members.setItem(row, 1, present_cell(mark.present))
            self.members.setItem(row, 2, _cell(mark.reason or "", editable=True))
        self.members.blockSignals(False)
        self.changed.emit()

    def set_present(self, teacher: str, present: bool, reason: str = "") -> None:
        row = self._members.index(teacher)
        cell = self.members.item(row, 1)
        assert cell is not None
        cell.setCheckState(Qt.CheckState.Checked if present else Qt.CheckState.Unchecked)
        reason_cell = self.members.item(row, 2)
        assert reason_cell is not None
        reason_cell.setText(reason)

    def member_ids(self) -> list[str]:
        return list(self._members)

    def attendance(self) -> list[Attendance]:
        return [Attendance(teacher, *mark_of(self.members, row, 1)) for row, teacher in enumerate(self._members)]

    def guest_attendance(self) -> list[GuestAttendance]:
        """The marks of the members from other schools (п. 21)."""
        return self.guest_members.marks()

    def present_count(self) -> int:
        """Members present, those from other schools included (they vote too)."""
        return sum(1 for a in self.attendance() if a.present) + sum(1 for g in self.guest_attendance() if g.present)

    def add_guest(self, guest: Person) -> int:
        row = self.guests.rowCount()
        self.guests.insertRow(row)
        self.guests.setItem(row, 0, _cell(guest.name, editable=True))
        self.guests.setItem(row, 1, _cell(guest.position or "", editable=True))
        self.changed.emit()
        return row

    def _remove_guest(self) -> None:
        row = self.guests.currentRow()
        if row >= 0:
            self.guests.removeRow(row)
            self.changed.emit()

    def guest_list(self) -> list[Person]:
        result = []
        for row in range(self.guests.rowCount()):
            name = self.guests.item(row, 0)
            position = self.guests.item(row, 1)
            text = name.text().strip() if name is not None else ""
            if text:
                result.append(Person(text, (position.text().strip() or None) if position else None))
        return result

    # Who may speak (rule 4) ------------------------------------------------------------------
    def speakers(self) -> list[tuple[SpeakerKey, str]]:
        """Who may speak: the members marked present (then those from other schools, with their
        school, п. 21), then the invited guests (rule 4)."""
        present = {a.teacher for a in self.attendance() if a.present}
        members = [(f"member:{t}", self.name(t)) for t in self.member_ids() if t in present]
        others = [(other_key(g.school, g.teacher), _guest_label(g)) for g, here in self.guest_members.members() if here]
        guests = [(f"guest:{g.name}", g.name) for g in self.guest_list()]
        return members + others + guests

    def absent_speakers(self) -> dict[SpeakerKey, str]:
        """Members of the body not marked present (from other schools too): not offered, but kept
        (and flagged) where chosen."""
        present = {a.teacher for a in self.attendance() if a.present}
        absent = {f"member:{t}": self.name(t) for t in self.body.member_ids() if t not in present}
        absent.update({other_key(g.school, g.teacher): _guest_label(g)
                       for g, here in self.guest_members.members() if not here})
        return absent

    def speaker_of(self, key: SpeakerKey | None) -> SpeechSpeaker | None:
        if key is None:
            return None
        kind, _sep, value = key.partition(":")
        if kind == "member":
            return value
        if kind == "other":
            school, _tab, teacher = value.partition("\t")
            member = next((g for g, _here in self.guest_members.members()
                           if (g.school, g.teacher) == (school, teacher)), None)
            return GuestSpeaker(school, teacher, member.name if member else "")
        guest = next((g for g in self.guest_list() if g.name == value), None)
        return guest or Person(value)


def _guest_label(member: GuestMember) -> str:
    """A member from another school as the speaker lists show them: the name and the school."""
    return f"{member.name or member.teacher} ({member.school_name or member.school})"
