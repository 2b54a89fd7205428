"""Create or edit an association: kind, names, subjects, members with dates, head and secretary.

Rule 1 (п. 23) is shown live as members change; the service enforces it on save, and a refusal
keeps the dialog open with the message under the field it concerns.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.accounts import Action
from desktop_app.domain.entities import AcademicYear, Association, AssociationKind, LocalizedText, Membership
from desktop_app.i18n import _
from desktop_app.ui.labels import KIND_LABELS, label, short_date
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session, local
from desktop_app.ui.widgets.fields import (
    ERROR_STYLE,
    OK_STYLE,
    date_edit,
    date_of,
    error_label,
    show_field_error,
    show_refusal,
    with_error,
)
from desktop_app.ui.widgets.form_dialog import FormDialog
from desktop_app.ui.widgets.head_choice_row import HeadChoiceRow
from desktop_app.ui.widgets.sizing import fit_to_screen


class AssociationDialog(FormDialog):
    """Saves through services.associations.save on OK; ``saved`` holds the stored association."""

    FIELDS = ("kind", "name", "subjects", "members", "head", "secretary")

    def __init__(self, session: Session, year: AcademicYear, association: Association | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = year
        self.original = association
        self.saved: Association | None = None
        self.members: list[Membership] = [replace(m) for m in association.members] if association else []
        s = session
        self._teachers = {t.id: t for t in s.services.teachers.list_teachers(s.actor, s.school, True)}
        self._subjects = s.services.teachers.list_subjects(s.actor, s.school)
        self._build_ui()
        self._connect()
        self.retranslate_ui()
        self._members_changed()

    # Building --------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        a = self.original
        self.kind = QComboBox(self)
        for kind in AssociationKind:
            self.kind.addItem("", kind.value)
        self.kind.setCurrentIndex(list(AssociationKind).index(a.kind) if a else 0)
        self.name_kk = QLineEdit(a.name.kk or "" if a else "", self)
        self.name_ru = QLineEdit(a.name.ru or "" if a else "", self)
        self.subjects = QListWidget(self)  # in rows across the dialog: every subject seen, no scrolling
        self.subjects.setFlow(QListView.Flow.LeftToRight)
        self.subjects.setWrapping(True)
        self.subjects.setResizeMode(QListView.ResizeMode.Adjust)
        self.subjects.setSpacing(2)
        for subject in self._subjects:
            item = QListWidgetItem(local(subject.name), self.subjects)
            item.setData(Qt.ItemDataRole.UserRole, subject.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if a and subject.id in a.subjects else Qt.CheckState.Unchecked)
        row = self.subjects.sizeHintForRow(0) + 4 if self.subjects.count() else 24
        self.subjects.setMinimumHeight(5 * row + 2 * self.subjects.frameWidth())  # not four rows only

        self.members_box = QGroupBox(self)
        self.members_table = QTableWidget(0, 3, self)
        self.members_table.verticalHeader().setVisible(False)
        self.members_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.members_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.teacher_choice = QComboBox(self)
        self.teacher_choice.setObjectName("newMember")
        for teacher in sorted((t for t in self._teachers.values() if t.active), key=lambda t: t.full_name):
            self.teacher_choice.addItem(teacher.full_name, teacher.id)
        self.since = date_edit(max(self.year.window[0], min(self._today(), self.year.window[1])), self)
        self.add_member_button = QPushButton(self)
        self.until = date_edit(self._today(), self)
        self.end_member_button = QPushButton(self)
        self.remove_member_button = QPushButton(self)
        self.composition = QLabel(self)
        self.composition.setObjectName("composition")
        self.composition.setWordWrap(True)
        add_row = QHBoxLayout()
        add_row.addWidget(self.teacher_choice, 1)
        add_row.addWidget(self.since)
        add_row.addWidget(self.add_member_button)
        # п. 21: the district's administrator adds teachers of other schools to an inter-school one
        self.guests_button = QPushButton(self)
        a, actor = self.original, self.session.actor
        self.guests_button.setVisible(a is not None and a.kind is AssociationKind.INTER_SCHOOL
                                      and actor.school is None and actor.may(Action.EDIT_ASSOCIATION))
        end_row = QHBoxLayout()
        end_row.addWidget(self.remove_member_button)
        end_row.addWidget(self.guests_button)
        end_row.addStretch(1)
        end_row.addWidget(self.until)
        end_row.addWidget(self.end_member_button)
        members = QVBoxLayout(self.members_box)
        members.addWidget(self.members_table, 1)
        members.addLayout(add_row)
        members.addLayout(end_row)
        members.addWidget(self.composition)

        self.head = QComboBox(self)
        self.secretary = QComboBox(self)
        self.errors = {name: error_label(self) for name in self.FIELDS}
        self.general_error = error_label(self)
        self.captions = {key: QLabel(self) for key in ("kind", "name_kk", "name_ru", "subjects", "head", "secretary",
                                                       "head_choice")}
        self.head_choice = HeadChoiceRow(self.session, a, self)  # п. 29
        form = QFormLayout()
        for key, widget, error in (("kind", self.kind, "kind"), ("name_kk", self.name_kk, None),
                                   ("name_ru", self.name_ru, "name"), ("subjects", self.subjects, "subjects")):
            form.addRow(self.captions[key], self._with_error(widget, error))
        officers = QFormLayout()
        officers.addRow(self.captions["head"], self._with_error(self.head, "head"))
        officers.addRow(self.captions["head_choice"], self.head_choice)
        officers.addRow(self.captions["secretary"], self._with_error(self.secretary, "secretary"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.members_box, 1)
        layout.addWidget(self.errors["members"])
        layout.addLayout(officers)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(780)
        fit_to_screen(self, 860, 660)  # room for the subjects and the members at 1366×768

    def _with_error(self, widget: QWidget, error: str | None) -> QVBoxLayout:
        return with_error(widget, self.errors[error] if error is not None else None)

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.add_member_button.clicked.connect(self.add_member)
        self.end_member_button.clicked.connect(self.end_membership)
        self.remove_member_button.clicked.connect(self.remove_membership)
        self.guests_button.clicked.connect(self.edit_guests)
        self.kind.currentIndexChanged.connect(self._update_composition)
        self.subjects.itemChanged.connect(self._update_composition)
        self.members_table.itemSelectionChanged.connect(self._update_buttons)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Edit association") if self.original else _("New association"))
        texts = {"kind": _("Kind"), "name_kk": _("Name (Kazakh)"), "name_ru": _("Name (Russian)"),
                 "subjects": _("Subjects"), "head": _("Association head"), "secretary": _("Secretary"),
                 "head_choice": _("The head is (п. 29)")}
        self.head_choice.retranslate_ui()
        for key, text in texts.items():
            self.captions[key].setText(text)
        for index, kind in enumerate(AssociationKind):
            self.kind.setItemText(index, label(KIND_LABELS, kind))
        self.members_box.setTitle(_("Members ({year})").format(year=self.year.id))
        self.members_table.setHorizontalHeaderLabels([_("Full name"), _("Member since"), _("Member until")])
        self.add_member_button.setText(_("Add member"))
        self.end_member_button.setText(_("End membership on this date"))
        self.remove_member_button.setText(_("Remove (added by mistake)"))
        self.guests_button.setText(_("Members from other schools…"))
        self.remove_member_button.setToolTip(_("A teacher who really was a member is not removed: end the "
                                               "membership instead, so the protocols stay right."))
        self._fill_officers()
        self._update_composition()

    # Members ---------------------------------------------------------------------------------
    def _today(self) -> date:
        return self.session.services.associations.today()

    def add_member(self) -> None:
        teacher = self.teacher_choice.currentData()
        if teacher is None:
            return
        self.members.append(Membership(str(teacher), date_of(self.since), None))
        self._members_changed()

    def end_membership(self) -> None:
        row = self.members_table.currentRow()
        if not 0 <= row < len(self.members) or self.members[row].until is not None:
            return
        self.members[row].until = date_of(self.until)
        self._members_changed()

    def remove_membership(self) -> None:
        """Drop a membership typed by mistake; saving refuses it if a protocol records the teacher."""
        row = self.members_table.currentRow()
        if 0 <= row < len(self.members):
            del self.members[row]
            self._members_changed()

    def edit_guests(self) -> None:
        from desktop_app.ui.dialogs.guest_members import GuestMembersDialog

        assert self.original is not None
        GuestMembersDialog(self.session, self.original, self).exec()

    def select_member(self, teacher: str) -> None:
        for row, membership in enumerate(self.members):
            if membership.teacher == teacher and membership.until is None:
                self.members_table.selectRow(row)

    def _members_changed(self) -> None:
        self.members_table.setRowCount(len(self.members))
        for row, m in enumerate(self.members):
            teacher = self._teachers.get(m.teacher)
            cells = (teacher.full_name if teacher else m.teacher, short_date(m.since) if m.since else "",
                     short_date(m.until) if m.until else "")
            for column, text in enumerate(cells):
                self.members_table.setItem(row, column, QTableWidgetItem(text))
        self._fill_officers()
        self._update_composition()
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.members_table.currentRow()
        self.end_member_button.setEnabled(0 <= row < len(self.members) and self.members[row].until is None)
        self.remove_member_button.setEnabled(0 <= row < len(self.members))

    def _current_members(self) -> list[str]:
        first, last = self.year.window
        return list(dict.fromkeys(m.teacher for m in self.members if m.overlaps(first, last)))

    def _fill_officers(self) -> None:
        for combo, current, optional in ((self.head, self.original.head if self.original else None, False),
                                         (self.secretary, self.original.secretary if self.original else None,
                                          True)):
            chosen = combo.currentData() if combo.count() else current
            combo.blockSignals(True)
            combo.clear()
            if optional:
                combo.addItem(_("— none —"), None)
            for teacher in self._current_members():
                person = self._teachers.get(teacher)
                combo.addItem(person.full_name if person else teacher, teacher)
            index = combo.findData(chosen)
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.blockSignals(False)

    def counted_on(self) -> date:
        """The day rule 1 is shown for: today within the year, or the day after the latest end."""
        first, last = self.year.window
        day = max(first, min(self._today(), last))
        for m in self.members:
            if m.until is not None and first <= m.until < last:
                day = max(day, m.until + timedelta(days=1))
        return day

    def _update_composition(self) -> None:
        s = self.session
        day = self.counted_on()
        found = s.services.associations.composition(s.actor, s.school, self.association(), on=day)
        if found.required == 0:
            text = _("no minimum (п. 21, 24, 31)")
        else:
            text = _("{count} of {required} required teachers of one subject").format(
                count=found.count, required=found.required)
            if found.subject:
                text += f" ({s.subject_names().get(found.subject, found.subject)})"
        self.composition.setText(_("Rule 1 (п. 23), on {date}: {status}").format(date=short_date(day), status=text))
        if self.original is not None and not found.satisfied:  # п. 23 holds at creation: a warning now
            self.composition.setText(self.composition.text() + "\n" + _(
                "A member has left: the association was created with enough teachers and is kept; "
                "consider adding a teacher or merging it next year."))
        self.composition.setStyleSheet(OK_STYLE if found.satisfied else ERROR_STYLE)
        self.composition_satisfied = found.satisfied

    # Saving ----------------------------------------------------------------------------------
    def association(self) -> Association:
        """The association as the dialog describes it now."""
        kk, ru = self.name_kk.text().strip() or None, self.name_ru.text().strip() or None
        subjects = [str(self.subjects.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.subjects.count())
                    if self.subjects.item(i).checkState() == Qt.CheckState.Checked]
        base = self.original or Association("", AssociationKind.SUBJECT, LocalizedText(), self.year.id, "")
        return replace(base, kind=AssociationKind(self.kind.currentData()), name=LocalizedText(kk, ru),
                       subjects=subjects, members=[replace(m) for m in self.members],
                       head=str(self.head.currentData() or ""), secretary=self.secretary.currentData(),
                       head_choice=self.head_choice.choice())

    def accept(self) -> None:
        show_refusal(None, self.errors, self.general_error)
        association = self.association()
        if not (association.name.kk or association.name.ru):
            show_field_error(self.errors["name"], _("The association needs a name."))
            return
        if not association.head:
            show_field_error(self.errors["head"], _("Choose the head among the members."))
            return
        s = self.session
        self.submit(lambda: s.services.associations.save(s.actor, s.school, association),
                    changes={Change.ASSOCIATIONS}, record=association)
