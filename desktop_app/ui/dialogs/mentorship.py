"""Assign a mentor (or edit the assignment): mentee, mentor from the suggestions, period inside the
year, the director's order, goals and the plan of activities. Rule 8 refusals go under their field."""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.entities import AcademicYear, MentorOrder, Mentorship, MentorshipActivity
from desktop_app.i18n import _
from desktop_app.ui.dialogs.teacher import OptionalDate
from desktop_app.ui.labels import CATEGORY_LABELS, label
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.fields import date_edit, date_of, error_label, show_field_error, show_refusal
from desktop_app.ui.widgets.form_dialog import FormDialog


class MentorshipDialog(FormDialog):
    """Saves through services.mentoring.save on OK; ``saved`` holds the stored mentorship."""

    FIELDS = ("mentee", "mentor", "start", "end", "order", "goals", "plan")

    def __init__(self, session: Session, year: AcademicYear, mentorship: Mentorship | None = None,
                 mentee: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = year
        self.original = mentorship
        self.saved: Mentorship | None = None
        s = session
        self._teachers = s.services.teachers.list_teachers(s.actor, s.school)
        self._suggested = [m.teacher.id for m in s.services.mentoring.suggest_mentees(s.actor, s.school, year.id)]
        self._build_ui(mentorship, mentee)
        self._connect()
        self.retranslate_ui()

    def _build_ui(self, m: Mentorship | None, mentee: str | None) -> None:
        self.mentee = QComboBox(self)
        order = self._suggested + [t.id for t in self._teachers if t.id not in self._suggested]
        names = {t.id: t.full_name for t in self._teachers}
        for teacher_id in order:
            self.mentee.addItem(names.get(teacher_id, teacher_id), teacher_id)
        wanted = m.mentee if m else mentee
        if wanted is not None and self.mentee.findData(wanted) >= 0:
            self.mentee.setCurrentIndex(self.mentee.findData(wanted))
        self.mentor = QComboBox(self)
        self.start = date_edit(m.start if m else self.year.start, self)
        self.end = date_edit(m.end if m else self.year.end, self)
        self.order_number = QLineEdit(m.order.number if m and m.order else "", self)
        self.order_date = OptionalDate(m.order.date if m and m.order else None, self)
        self.goals = QPlainTextEdit("\n".join(m.goals) if m else "", self)
        self.goals.setMaximumHeight(70)
        self.plan = QTableWidget(0, 3, self)
        self.plan.verticalHeader().setVisible(False)
        header = self.plan.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.plan.setColumnWidth(0, 130)
        self.plan.setColumnWidth(2, 100)
        self.plan.setMinimumHeight(120)
        for activity in (m.plan if m else []):
            self.add_activity(activity)
        self.add_row = QPushButton(self)
        self.remove_row = QPushButton(self)
        self.errors = {name: error_label(self) for name in self.FIELDS}
        self.general_error = error_label(self)

        order_box = QHBoxLayout()
        order_box.addWidget(self.order_number, 1)
        self.order_date_label = QLabel(self)
        order_box.addWidget(self.order_date_label)
        order_box.addWidget(self.order_date, 1)
        plan_buttons = QHBoxLayout()
        plan_buttons.addWidget(self.add_row)
        plan_buttons.addWidget(self.remove_row)
        plan_buttons.addStretch(1)
        self.form = QFormLayout()
        self._captions: dict[str, QLabel] = {}
        rows: list[tuple[str, QWidget | QHBoxLayout]] = [
            ("mentee", self.mentee), ("mentor", self.mentor), ("start", self.start), ("end", self.end),
            ("order", order_box), ("goals", self.goals),
        ]
        for key, widget in rows:
            box = QVBoxLayout()
            box.setSpacing(2)
            if isinstance(widget, QHBoxLayout):
                box.addLayout(widget)
            else:
                box.addWidget(widget)
            box.addWidget(self.errors[key])
            self._captions[key] = QLabel(self)
            self.form.addRow(self._captions[key], box)
        self.plan_caption = QLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.plan_caption)
        layout.addWidget(self.plan, 1)
        layout.addLayout(plan_buttons)
        layout.addWidget(self.errors["plan"])
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(680)
        self.mentee.setEnabled(m is None)

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.mentee.currentIndexChanged.connect(self._fill_mentors)
        self.add_row.clicked.connect(lambda: self.add_activity(None))
        self.remove_row.clicked.connect(self._remove_activity)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Edit mentorship") if self.original else _("Assign a mentor"))
        captions = {"mentee": _("Young specialist"), "mentor": _("Mentor"), "start": _("Start"),
                    "end": _("End"), "order": _("Director's order No."), "goals": _("Goals (one per line)")}
        for key, text in captions.items():
            self._captions[key].setText(text)
        self.order_date_label.setText(_("of"))
        self.plan_caption.setText(_("Plan of activities"))
        self.plan.setHorizontalHeaderLabels([_("Due"), _("Activity"), _("Done")])
        self.add_row.setText(_("Add activity"))
        self.remove_row.setText(_("Remove activity"))
        self._fill_mentors()  # the suggestions name categories in the window's language

    def _fill_mentors(self) -> None:
        """Suggested mentors first (fewest mentees), then everyone else of the staff."""
        s = self.session
        current = self.mentor.currentData() or (self.original.mentor if self.original else None)
        self.mentor.blockSignals(True)
        self.mentor.clear()
        mentee = self.mentee.currentData()
        suggested = s.services.mentoring.suggest_mentors(s.actor, s.school, mentee, self.year.id) if mentee else []
        for suggestion in suggested:
            text = _("{name} — {category}, mentees: {count}").format(
                name=suggestion.teacher.short_name, category=label(CATEGORY_LABELS, suggestion.teacher.category),
                count=suggestion.mentees)
            self.mentor.addItem("★ " + text, suggestion.teacher.id)
        ids = {x.teacher.id for x in suggested}
        for teacher in self._teachers:
            if teacher.id not in ids:
                self.mentor.addItem(teacher.full_name, teacher.id)
        index = self.mentor.findData(current) if current else -1
        self.mentor.setCurrentIndex(max(index, 0))
        self.mentor.blockSignals(False)

    def add_activity(self, activity: MentorshipActivity | None) -> None:
        row = self.plan.rowCount()
        self.plan.insertRow(row)
        self.plan.setCellWidget(row, 0, date_edit(activity.due if activity else date_of(self.start),
                                                  self.plan))
        self.plan.setItem(row, 1, QTableWidgetItem(activity.activity if activity else ""))
        done = QTableWidgetItem()
        done.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        done.setCheckState(Qt.CheckState.Checked if activity and activity.done else Qt.CheckState.Unchecked)
        self.plan.setItem(row, 2, done)

    def _remove_activity(self) -> None:
        row = self.plan.currentRow()
        if row >= 0:
            self.plan.removeRow(row)

    def activities(self) -> list[MentorshipActivity]:
        result = []
        for row in range(self.plan.rowCount()):
            widget = self.plan.cellWidget(row, 0)
            item, done = self.plan.item(row, 1), self.plan.item(row, 2)
            text = item.text().strip() if item else ""
            if not text:
                continue
            due = date_of(cast(QDateEdit, widget))  # column 0 holds the date_edit of add_activity
            result.append(MentorshipActivity(due, text, done is not None
                                             and done.checkState() == Qt.CheckState.Checked))
        return sorted(result, key=lambda a: a.due)

    def mentorship(self) -> Mentorship:
        base = self.original or Mentorship(id="", mentor="", mentee="", academic_year=self.year.id,
                                           start=self.year.start, end=self.year.end)
        number, day = self.order_number.text().strip(), self.order_date.value()
        return replace(
            base, mentee=str(self.mentee.currentData() or ""), mentor=str(self.mentor.currentData() or ""),
            start=date_of(self.start), end=date_of(self.end),
            order=MentorOrder(number, day) if number and day else None,
            goals=[g.strip() for g in self.goals.toPlainText().splitlines() if g.strip()],
            plan=self.activities(),
        )

    def accept(self) -> None:
        show_refusal(None, self.errors, self.general_error)
        number, day = self.order_number.text().strip(), self.order_date.value()
        if bool(number) != bool(day):
            show_field_error(self.errors["order"], _("Give both the order number and its date, or neither."))
            return
        s, mentorship = self.session, self.mentorship()
        self.submit(lambda: s.services.mentoring.save(s.actor, s.school, mentorship),
                    changes={Change.MENTORING}, record=mentorship)
