"""The association's outcome for one KTP at a meeting (п. 26): recommended, or returned with remarks.

The choices offered are the meetings of the teacher's association that have taken place, not before
the plan was submitted (rule 6), and whose protocol is still open (or already lists the plan); the
service decides and may still refuse.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.accounts import Action
from desktop_app.domain.entities import Association, CalendarPlan, Meeting, MeetingStatus, ReviewOutcome
from desktop_app.domain.errors import UserError
from desktop_app.i18n import _
from desktop_app.ui import operations
from desktop_app.ui.labels import REVIEW_OUTCOME_LABELS, label, short_date
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session, local
from desktop_app.ui.widgets.fields import add_field_row, error_label, show_field_error
from desktop_app.ui.widgets.form_dialog import FormDialog

OUTCOMES = (ReviewOutcome.RECOMMENDED, ReviewOutcome.RETURNED)


@dataclass(frozen=True)
class MeetingChoice:
    body: Association
    meeting: Meeting


class PlanConsiderDialog(FormDialog):
    """``saved`` holds the plan as the service returned it after the outcome was recorded."""

    def __init__(self, session: Session, plan: CalendarPlan, caption: str, bodies: list[Association],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.plan = plan
        self.caption = caption
        self.saved: CalendarPlan | None = None
        self.choices = self._load_choices(bodies)
        self.plan_label = QLabel(self)
        self.plan_label.setWordWrap(True)
        self.meeting = QComboBox(self)
        for _choice in self.choices:
            self.meeting.addItem("")
        self.item = QComboBox(self)
        for combo in (self.meeting, self.item):  # long names of bodies and items must not widen the dialog
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(50)
        self.outcome = QComboBox(self)
        for outcome in OUTCOMES:
            self.outcome.addItem("", outcome.value)
        self.remarks = QPlainTextEdit(self)
        self.remarks.setTabChangesFocus(True)
        self.remarks.setMinimumHeight(80)
        self.errors = {"meeting": error_label(self), "remarks": error_label(self)}
        self.general_error = error_label(self)
        self._captions = {key: QLabel(self) for key in ("meeting", "item", "outcome", "remarks")}
        form = QFormLayout()
        add_field_row(form, self._captions["meeting"], self.meeting, self.errors["meeting"])
        form.addRow(self._captions["item"], self.item)
        form.addRow(self._captions["outcome"], self.outcome)
        add_field_row(form, self._captions["remarks"], self.remarks, self.errors["remarks"])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plan_label)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(820)
        self.meeting.currentIndexChanged.connect(lambda _i: self._fill_items())
        self.outcome.currentIndexChanged.connect(lambda _i: self._update_remarks())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._fill_items()
        self.retranslate_ui()

    def _load_choices(self, bodies: list[Association]) -> list[MeetingChoice]:
        """Meetings of the teacher's associations that this user may record outcomes for, newest first."""
        s = self.session
        today = s.services.plans.today()
        self.submitted = s.services.plans.submitted_on(s.actor, s.school, self.plan.id)
        self.earlier = False  # meetings were left out because they were held before the submission
        choices = []
        for body in bodies:
            if not body.is_member(self.plan.teacher) or not s.actor.may(Action.REVIEW_PLAN, {body.head}):
                continue
            for meeting in s.services.meetings.list(s.actor, s.school, body.id):
                listed = any(self.plan.id in item.plans for item in meeting.agenda)
                if meeting.date > today or not meeting.agenda or not body.is_member(self.plan.teacher, meeting.date):
                    continue
                if meeting.status is MeetingStatus.FINALIZED and not listed:
                    continue
                if self.submitted is not None and meeting.date < self.submitted and not listed:
                    self.earlier = True
                    continue
                choices.append(MeetingChoice(body, meeting))
        choices.sort(key=lambda c: c.meeting.date, reverse=True)
        return choices

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Consider the plan at a meeting"))
        self.plan_label.setText(self.caption)
        self._captions["meeting"].setText(_("Meeting"))
        self._captions["item"].setText(_("Agenda item"))
        self._captions["outcome"].setText(_("Outcome"))
        self._captions["remarks"].setText(_("Remarks"))
        for index, choice in enumerate(self.choices):
            self.meeting.setItemText(index, _("{body}: meeting No. {number} of {date}").format(
                body=local(choice.body.name), number=choice.meeting.number, date=short_date(choice.meeting.date)))
        for index, outcome in enumerate(OUTCOMES):
            self.outcome.setItemText(index, label(REVIEW_OUTCOME_LABELS, outcome))
        self._update_remarks()
        if not self.choices and self.earlier and self.submitted is not None:
            show_field_error(self.general_error, _(
                "The plan was submitted on {date}; no meeting of the teacher's association with an open "
                "protocol has taken place since. Record that meeting in the Meetings section first.").format(
                    date=short_date(self.submitted)))
        elif not self.choices:
            show_field_error(self.general_error, _("No meeting of the teacher's association has taken place with an "
                                                   "open protocol. Record the meeting in the Meetings section first."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.choices))

    def _fill_items(self) -> None:
        self.item.clear()
        choice = self.chosen()
        if choice is None:
            return
        for item in choice.meeting.agenda:
            self.item.addItem(f"{item.number}. {item.title}", item.number)
        listed = next((i.number for i in choice.meeting.agenda if self.plan.id in i.plans), None)
        if listed is not None:
            self.item.setCurrentIndex(self.item.findData(listed))

    def _update_remarks(self) -> None:
        returned = self.outcome.currentData() == ReviewOutcome.RETURNED.value
        self.remarks.setPlaceholderText(_("Required when the plan is returned for revision") if returned
                                        else _("Optional"))

    def chosen(self) -> MeetingChoice | None:
        index = self.meeting.currentIndex()
        return self.choices[index] if 0 <= index < len(self.choices) else None

    def choose(self, meeting: str, item: int, outcome: ReviewOutcome, remarks: str = "") -> None:
        """Fill the form as a user does (for tests and scripted use)."""
        self.meeting.setCurrentIndex(next(i for i, c in enumerate(self.choices) if c.meeting.id == meeting))
        self.item.setCurrentIndex(self.item.findData(item))
        self.outcome.setCurrentIndex(self.outcome.findData(outcome.value))
        self.remarks.setPlainText(remarks)

    def accept(self) -> None:
        for widget in (*self.errors.values(), self.general_error):
            widget.clear()
            widget.setVisible(False)
        choice = self.chosen()
        if choice is None or self.item.currentData() is None:
            return
        s, plan, meeting, item = self.session, self.plan.id, choice.meeting.id, int(self.item.currentData())
        outcome, remarks = ReviewOutcome(self.outcome.currentData()), self.remarks.toPlainText().strip() or None

        def refused(error: UserError) -> None:
            field = getattr(error, "field", None) or ""
            target = self.errors["remarks"] if field.endswith("remarks") else (
                self.errors["meeting"] if field.startswith("review") else self.general_error)
            show_field_error(target, error.render(_))

        operations.accept_after(
            self, lambda: s.services.plans.consider(s.actor, s.school, plan, meeting, item, outcome, remarks),
            changes={Change.PLANS, Change.MEETINGS}, refused=refused)
