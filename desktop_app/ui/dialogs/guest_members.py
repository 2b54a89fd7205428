"""Members of an inter-school association from other schools of the district database (п. 21), for
the district's administrator: each added or removed at once (a reference to the other school's
teacher, no copy). Shown from the association's dialog."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.district import GuestMember
from desktop_app.domain.entities import Association
from desktop_app.domain.errors import UserError
from desktop_app.i18n import _
from desktop_app.ui.labels import short_date
from desktop_app.ui.session import Session, local
from desktop_app.ui.widgets.fields import date_edit, date_of, error_label


class GuestMembersDialog(QDialog):
    def __init__(self, session: Session, association: Association, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guestMembers")
        self.session = session
        self.association = association
        self.guests: list[GuestMember] = []
        self.setMinimumSize(640, 420)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.choice = QComboBox(self)
        self.choice.setObjectName("guestChoice")
        s = session
        for person in s.services.guest_members.candidates(s.actor, s.school):
            self.choice.addItem(f"{person.school_name} — {person.name}", (person.school, person.teacher))
        year = s.services.schools.get_year(s.actor, s.school, association.academic_year)
        self.since = date_edit(year.window[0], self)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        add_row = QHBoxLayout()
        add_row.addWidget(self.choice, 1)
        add_row.addWidget(self.since)
        add_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(add_row)
        layout.addWidget(self.remove_button)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.buttons.rejected.connect(self.reject)
        self.retranslate_ui()
        self.load()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Members from other schools"))
        self.title.setText(_("{association}: teachers of other schools of the district who are members (п. 21). "
                             "Their staff records stay in their own school.").format(
                                 association=local(self.association.name)))
        self.table.setHorizontalHeaderLabels([_("Full name"), _("School"), _("Member since")])
        self.add_button.setText(_("Add member"))
        self.remove_button.setText(_("Remove"))

    def load(self) -> None:
        s = self.session
        self.guests = s.services.guest_members.list(s.actor, s.school, self.association.id)
        self.table.setRowCount(len(self.guests))
        for row, guest in enumerate(self.guests):
            cells = (guest.name or _("{teacher} (no longer in the database)").format(teacher=guest.teacher),
                     guest.school_name or guest.school, short_date(guest.since) if guest.since else "")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.remove_button.setEnabled(bool(self.guests))

    def add(self) -> None:
        chosen = self.choice.currentData()
        if chosen is None:
            return
        school, teacher = chosen
        s = self.session
        self._do(lambda: s.services.guest_members.add(s.actor, s.school, self.association.id, school, teacher,
                                                       since=date_of(self.since)))

    def remove(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.guests):
            return
        guest, s = self.guests[row], self.session
        self._do(lambda: s.services.guest_members.remove(s.actor, s.school, self.association.id,
                                                          guest.school, guest.teacher))

    def _do(self, change: object) -> None:
        assert callable(change)
        try:
            change()
        except UserError as error:
            self.error.setText(error.render(_))
            self.error.setVisible(True)
            return
        self.error.clear()
        self.error.setVisible(False)
        self.load()
