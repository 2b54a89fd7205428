"""What to do next on a new school's overview: the staff list, then the year's associations."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.domain.accounts import Action, Actor
from desktop_app.domain.associations import MINIMUM_TEACHERS
from desktop_app.i18n import _, ngettext
from desktop_app.services.attention import FirstSteps

#: The buttons: (section, the method of its view that opens the dialog).
ADD_TEACHER = ("teachers", "add_teacher")
IMPORT_STAFF = ("teachers", "choose_staff_file")
NEW_ASSOCIATION = ("associations", "new_association")


class FirstStepsPanel(QFrame):
    """Signals: ``step_requested(section, action)``: show the section and open the dialog of ``action``."""

    step_requested = Signal(str, str)

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.steps = FirstSteps(0, 0)
        self.year = ""
        self.setObjectName("firstSteps")
        self.heading = QLabel(self)
        self.heading.setObjectName("viewSubtitle")
        self.staff_text = self._text()
        self.associations_text = self._text()
        self.then_text = self._text()
        self.then_text.setObjectName("viewNote")
        self.add_teacher = QPushButton(self)
        self.add_teacher.setObjectName("addTeacher")
        self.import_staff = QPushButton(self)
        self.import_staff.setObjectName("importStaff")
        self.new_association = QPushButton(self)
        self.new_association.setObjectName("newAssociation")
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.addWidget(self.staff_text, 0, 0)
        grid.addLayout(self._buttons(self.add_teacher, self.import_staff), 0, 1)
        grid.addWidget(self.associations_text, 1, 0)
        grid.addLayout(self._buttons(self.new_association), 1, 1)
        grid.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addWidget(self.then_text)
        for button, step in ((self.add_teacher, ADD_TEACHER), (self.import_staff, IMPORT_STAFF),
                             (self.new_association, NEW_ASSOCIATION)):
            button.clicked.connect(lambda _checked=False, step=step: self.step_requested.emit(*step))

    def _text(self) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        return label

    @staticmethod
    def _buttons(*buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        return row

    def show_steps(self, steps: FirstSteps, year: str) -> None:
        self.steps, self.year = steps, year
        self.setVisible(not steps.done)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        steps = self.steps
        self.heading.setText(_("What to do next"))
        if steps.teachers:
            staff = ngettext("1. The staff list: {count} teacher besides the director and the deputy director. "
                             "More can be added or imported at any time.",
                             "1. The staff list: {count} teachers besides the director and the deputy director. "
                             "More can be added or imported at any time.", steps.teachers).format(
                                 count=steps.teachers)
        else:
            staff = _("1. The staff list: no teachers yet besides the director and the deputy director. "
                      "Add them one by one, or import the staff list from an Excel (.xlsx) or .csv file.")
        self.staff_text.setText(staff)
        if steps.associations:
            bodies = ngettext("2. Methodical associations of {year}: {count} created.",
                              "2. Methodical associations of {year}: {count} created.",
                              steps.associations).format(year=self.year, count=steps.associations)
        elif steps.teachers:
            bodies = _("2. Methodical associations of {year}: none yet. Create them, or copy the previous "
                       "year's in the Associations section; an association needs at least {minimum} teachers "
                       "of one subject (rule 1, п. 23).").format(year=self.year, minimum=MINIMUM_TEACHERS)
        else:
            bodies = _("2. Methodical associations of {year}: none yet. An association is formed where at "
                       "least {minimum} teachers teach one subject (rule 1, п. 23): add the teachers "
                       "first.").format(year=self.year, minimum=MINIMUM_TEACHERS)
        self.associations_text.setText(bodies)
        self.then_text.setText(_("Then the associations plan their meetings, teachers submit their KTPs, and "
                                 "this page lists what waits on whom."))
        may_staff = self.actor.may(Action.MANAGE_TEACHERS)
        may_bodies = self.actor.may(Action.MANAGE_ASSOCIATIONS)
        self.add_teacher.setText(_("Add teacher…"))
        self.import_staff.setText(_("Import a staff list…"))
        self.new_association.setText(_("New association…"))
        self.add_teacher.setVisible(may_staff)
        self.import_staff.setVisible(may_staff)
        self.new_association.setVisible(may_bodies)
        if not (may_staff and may_bodies):
            self.then_text.setText(self.then_text.text() + " " +
                                   _("The administrator (the deputy director) adds teachers and associations."))
