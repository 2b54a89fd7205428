"""Record or edit a protocol. Rules are checked as the user types where cheap and always by the
service on save; a refusal keeps the dialog open with everything typed. Drafts are saved every
30 seconds and on closing; an automatic save that is refused says so in a calm note, not in red
(the user may be in the middle of an item): red refusals come from Save and Finalize, and each goes
away as soon as the form no longer has the problem."""

from __future__ import annotations

from copy import deepcopy
from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.entities import (
    AgendaItem,
    Association,
    Language,
    Meeting,
    MeetingStatus,
    Person,
    PlanStatus,
    Speaker,
)
from desktop_app.domain.errors import DomainError, UserError
from desktop_app.domain.meetings import attendance_errors, speaker_errors
from desktop_app.i18n import _
from desktop_app.services.exchange.codec import rule_label
from desktop_app.ui.dialogs.meeting.agenda_item import AgendaItemEditor, PlanChoice, SpeakerKey, VisitChoice
from desktop_app.ui.dialogs.meeting.attendance import AttendancePanel
from desktop_app.ui.dialogs.meeting.header import HeaderForm
from desktop_app.ui.session import Session, local
from desktop_app.ui.widgets.fields import date_of, error_label, show_field_error
from desktop_app.ui.widgets.sizing import fit_to_screen

AUTOSAVE_MS = 30_000
#: A refusal on screen is checked again this long after the last change (typing stays smooth).
RECHECK_MS = 400


class MeetingDialog(QDialog):
    """``meeting_saved(id)`` after every successful save (autosave too); ``saved`` is the last one."""

    meeting_saved = Signal(str)

    def __init__(self, session: Session, body: Association, meeting: Meeting | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.body = body
        self.saved: Meeting | None = meeting
        self.dirty = False
        self.shown_error: UserError | None = None  # the refusal of the last Save or Finalize on screen
        self._asking = True  # False while closing from code: no question then
        s = session
        self.teachers = s.teachers_by_id()
        if meeting is None:
            window_start = date(int(body.academic_year[:4]), 8, 1) if body.academic_year[:4].isdigit() else None
            today = date.today()
            day = today if window_start is None or window_start <= today else window_start
            number = s.services.meetings.proposed_number(s.actor, s.school, body.id)
            meeting = Meeting("", body.id, number, day, Language.KK, "", "")
        self.original = meeting
        self._plan_choices = self._load_plans()
        self._visit_choices = self._load_visits()
        self._build_ui(meeting)
        self._connect()
        self.retranslate_ui()
        self._check_rules()
        self.dirty = False
        self.set_read_only(meeting.status is MeetingStatus.FINALIZED)

    # Building ----------------------------------------------------------------------------------
    def _load_plans(self) -> list[PlanChoice]:
        s = self.session
        subjects = s.subject_names()
        members = set(self.body.member_ids())
        choices = []
        for plan in (line.plan for line in s.services.plans.summaries(s.actor, s.school, self.body.academic_year)):
            mine = plan.review is not None and plan.review.meeting == self.original.id and self.original.id
            if plan.teacher in members and (plan.status is PlanStatus.SUBMITTED or mine):
                teacher = self.teachers.get(plan.teacher)
                caption = (f"{teacher.short_name if teacher else plan.teacher} — "
                           f"{subjects.get(plan.subject, plan.subject)}, {plan.grade}")
                choices.append(PlanChoice(plan, caption))
        return choices

    def _load_visits(self) -> list[VisitChoice]:
        """Open lessons, master classes and visits of this body in its academic year."""
        s = self.session
        year = next((y for y in s.services.schools.list_years(s.actor, s.school)
                     if y.id == self.body.academic_year), None)
        choices = []
        for visit in s.services.visits.list(s.actor, s.school, association=self.body.id):
            if year is not None and not year.window[0] <= visit.date <= year.window[1]:
                continue
            teacher = self.teachers.get(visit.teacher)
            who = teacher.short_name if teacher else visit.teacher
            choices.append(VisitChoice(visit.id, f"{visit.date:%d.%m.%Y} — {who}: {visit.topic}"))
        return choices

    def _members(self) -> list[tuple[str, str]]:
        return [(t, self.teachers[t].full_name if t in self.teachers else t) for t in self.body.member_ids()]

    def _build_ui(self, meeting: Meeting) -> None:
        self.body_label = QLabel(self)
        self.body_label.setObjectName("viewTitle")
        self.header = HeaderForm(meeting, self._members(), self)
        self.attendance = AttendancePanel(self.body, self.teachers, self)
        self.attendance.set_attendance(meeting.date, meeting.attendance)
        for guest in meeting.guests:
            self.attendance.add_guest(guest)
        first = QWidget(self)
        row = QHBoxLayout(first)
        row.addWidget(self.header, 2)
        row.addWidget(self.attendance, 3)

        self.items = QListWidget(self)
        self.items.setMaximumWidth(300)
        self.items.setWordWrap(True)
        self.add_item_button = QPushButton(self)
        self.remove_item_button = QPushButton(self)
        self.up_button = QPushButton("↑", self)
        self.down_button = QPushButton("↓", self)
        self.stack = QStackedWidget(self)
        self.editors: list[AgendaItemEditor] = []
        self.agenda_error = error_label(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.stack)
        side = QVBoxLayout()
        side.addWidget(self.items, 1)
        buttons = QHBoxLayout()
        for button in (self.add_item_button, self.remove_item_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        side.addLayout(buttons)
        side.addWidget(self.agenda_error)
        second = QWidget(self)
        agenda = QHBoxLayout(second)
        agenda.addLayout(side, 1)
        agenda.addWidget(scroll, 3)
        for item in meeting.agenda:
            self.add_item(item)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(first, "")
        self.tabs.addTab(second, "")
        self.general_error = error_label(self)
        self.autosave_label = QLabel(self)
        self.autosave_label.setObjectName("viewNote")
        self.save_button = QPushButton(self)
        self.save_button.setDefault(True)
        self.finalize_button = QPushButton(self)
        self.close_button = QPushButton(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.autosave_label, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.finalize_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addLayout(bottom)
        self.autosave = QTimer(self)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.recheck = QTimer(self)
        self.recheck.setSingleShot(True)
        self.recheck.setInterval(RECHECK_MS)
        fit_to_screen(self, 1180, 700)

    def _connect(self) -> None:
        self.header.changed.connect(self._on_changed)
        self.header.date.dateChanged.connect(
            lambda: self.attendance.set_attendance(date_of(self.header.date), []))
        self.attendance.changed.connect(self._on_attendance_changed)
        self.add_item_button.clicked.connect(lambda: self.add_item(None))
        self.remove_item_button.clicked.connect(self.remove_item)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.items.currentRowChanged.connect(self._show_item)
        self.save_button.clicked.connect(lambda: self.save())
        self.finalize_button.clicked.connect(lambda: self.finalize())
        self.close_button.clicked.connect(self.reject)
        self.autosave.timeout.connect(self.autosave_draft)
        self.recheck.timeout.connect(self.recheck_error)
        self.autosave.start()
        if self.editors:
            self.items.setCurrentRow(0)
            self._show_item(0)

    def retranslate_ui(self) -> None:
        """The parts retranslate through here: they have no LanguageChange handler of their own."""
        self.setWindowTitle(_("Protocol of the meeting"))
        self.body_label.setText(local(self.body.name))
        self.header.retranslate_ui()
        self.attendance.retranslate_ui()
        for editor in self.editors:
            editor.retranslate_ui()
        self.tabs.setTabText(0, _("Meeting and attendance"))
        self.tabs.setTabText(1, _("Agenda"))
        self.add_item_button.setText(_("Add item"))
        self.remove_item_button.setText(_("Remove"))
        self.save_button.setText(_("Save"))
        self.finalize_button.setText(_("Finalize…"))
        self.close_button.setText(_("Close"))
        self._renumber()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # Agenda ------------------------------------------------------------------------------------
    def speakers(self) -> list[tuple[SpeakerKey, str]]:
        """Who may speak: the members marked present, then the invited guests (rule 4)."""
        present = {a.teacher for a in self.attendance.attendance() if a.present}
        members = [(f"member:{t}", self.attendance.name(t)) for t in self.attendance.member_ids()
                   if t in present]
        guests = [(f"guest:{g.name}", g.name) for g in self.attendance.guest_list()]
        return members + guests

    def absent_speakers(self) -> dict[SpeakerKey, str]:
        """Members of the body not marked present: not offered, but kept (and flagged) where chosen."""
        present = {a.teacher for a in self.attendance.attendance() if a.present}
        return {f"member:{t}": self.attendance.name(t) for t in self.body.member_ids() if t not in present}

    def speaker_of(self, key: SpeakerKey | None) -> Speaker | None:
        if key is None:
            return None
        kind, _sep, value = key.partition(":")
        if kind == "member":
            return value
        guest = next((g for g in self.attendance.guest_list() if g.name == value), None)
        return guest or Person(value)

    def add_item(self, item: AgendaItem | None = None) -> AgendaItemEditor:
        editor = AgendaItemEditor(item or AgendaItem(len(self.editors) + 1, ""), self._plan_choices,
                                  self.attendance.present_count, self.speakers(), self,
                                  visits=self._visit_choices, absent=self.absent_speakers())
        editor.changed.connect(self._on_changed)
        editor.title.textChanged.connect(self._renumber)
        self.editors.append(editor)
        self.stack.addWidget(editor)
        self.items.addItem("")
        self._renumber()
        self.items.setCurrentRow(len(self.editors) - 1)
        self._on_changed()
        return editor

    def remove_item(self) -> None:
        row = self.items.currentRow()
        if row < 0:
            return
        editor = self.editors.pop(row)
        self.stack.removeWidget(editor)
        editor.deleteLater()
        self.items.takeItem(row)
        self._renumber()
        self._on_changed()

    def move_item(self, step: int) -> None:
        row = self.items.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < len(self.editors):
            return
        self.editors[row], self.editors[target] = self.editors[target], self.editors[row]
        self._renumber()
        self.items.setCurrentRow(target)
        self._on_changed()

    def _renumber(self) -> None:
        """Numbers follow the order of the list."""
        untitled = _("(no title yet)")
        for row, editor in enumerate(self.editors):
            entry = self.items.item(row)
            if entry is not None:
                entry.setText(f"{row + 1}. {editor.title.text().strip() or untitled}")

    def _show_item(self, row: int) -> None:
        if 0 <= row < len(self.editors):
            self.stack.setCurrentWidget(self.editors[row])

    # Rules as the user types -------------------------------------------------------------------
    def _on_attendance_changed(self) -> None:
        speakers, absent = self.speakers(), self.absent_speakers()
        for editor in self.editors:
            editor.set_speakers(speakers, absent)
            editor.update_vote_check()
        self._on_changed()

    def _on_changed(self) -> None:
        self.dirty = True
        if hasattr(self, "general_error"):
            self._check_rules()
            if self.shown_error is not None:
                self.recheck.start()  # (re)started on every change: asked once the typing pauses

    def _check_rules(self) -> None:
        """Rule 4 for chair, secretary and speakers, cheap enough for every keystroke: these follow
        deliberate choices (a mark, a name), not half-typed text."""
        meeting = self.meeting()
        for name in ("chair", "secretary"):
            self.header.errors[name].setVisible(False)
        for error in attendance_errors(meeting, self.body):
            if error.field in ("chair", "secretary") and getattr(meeting, error.field):
                target = self.header.errors[error.field]
                show_field_error(target, f"{rule_label(error.rule, _)}: {error.render(_)}")
        by_item: dict[int, list[str]] = {}
        for error in speaker_errors(meeting, self.body):
            number = int(str(error.params["item"]))
            by_item.setdefault(number, []).append(f"{rule_label(error.rule, _)}: {self.refusal_text(error)}")
        for number, editor in enumerate(getattr(self, "editors", []), 1):
            editor.show_speaker_errors(by_item.get(number, []))

    def recheck_error(self) -> None:
        """Ask the service again about the refusal on screen; once the form no longer has that
        problem, its red text goes (another problem waits for the next Save)."""
        shown = self.shown_error
        if shown is None:
            return
        s = self.session
        try:
            now = s.services.meetings.problem(s.actor, s.school, self.meeting())
        except UserError:
            return
        still = (isinstance(shown, DomainError) and now is not None
                 and (now.field, now.message, now.params) == (shown.field, shown.message, shown.params))
        if not still:
            self.show_error(None)
            self._check_rules()

    # Reading and saving ------------------------------------------------------------------------
    def meeting(self, status: MeetingStatus | None = None) -> Meeting:
        """The protocol as the form describes it now."""
        meeting = deepcopy(self.saved or self.original)
        self.header.apply_to(meeting)
        if status is not None:
            meeting.status = status
        meeting.attendance = self.attendance.attendance()
        meeting.guests = self.attendance.guest_list()
        meeting.agenda = [e.item(n, self.speaker_of) for n, e in enumerate(getattr(self, "editors", []), 1)]
        return meeting

    def save(self, status: MeetingStatus | None = None, quiet: bool = False) -> bool:
        """Save through the service, then record the plan outcomes; False (and the refusal shown)
        when a rule blocks it. Nothing typed is lost either way. ``quiet`` (the automatic save)
        puts a refusal in the calm note at the bottom instead of red text at the field."""
        if not quiet:
            self.show_error(None)
            self.autosave_label.clear()  # an older note of the automatic save is stale now
        s = self.session
        meeting = self.meeting(status)
        for name in ("chair", "secretary"):
            if not getattr(meeting, name):
                if quiet:
                    self.autosave_label.setText(_("Not saved automatically yet: choose the chair and the secretary."))
                else:
                    show_field_error(self.header.errors[name], _("Choose a member of the body."))
                return False
        try:
            saved = s.services.meetings.save(s.actor, s.school, meeting)
            self.saved = saved
            for number, editor in enumerate(self.editors, 1):
                for review in editor.reviews():
                    plan = s.services.plans.consider(s.actor, s.school, review.plan, saved.id, number,
                                                     review.outcome, review.remarks)
                    editor.update_plan(plan)
            self.saved = s.services.meetings.get(s.actor, s.school, saved.id)
        except UserError as error:
            if quiet:
                self.autosave_label.setText(_("Not saved automatically yet: {reason}").format(
                    reason=self.refusal_text(error)))
            else:
                self.show_error(error)
            return False
        self.dirty = False
        self.show_status(self.saved.status)
        if not quiet:
            self.autosave_label.setText(_("Saved."))
        self.meeting_saved.emit(self.saved.id)
        return True

    def show_status(self, status: MeetingStatus) -> None:
        """The Status box says what the protocol is now (held after a save, finalized after
        Finalize); setting it is not an edit."""
        box = self.header.status
        box.blockSignals(True)
        box.setCurrentIndex(max(box.findData(status.value), 0))
        box.blockSignals(False)

    def autosave_draft(self) -> bool:
        """Only a draft with changes is saved automatically; a refusal is shown, not raised."""
        if self.header.status.currentData() != MeetingStatus.DRAFT.value or not self.dirty:
            return False
        if self.saved is not None and self.saved.status is not MeetingStatus.DRAFT:
            return False
        done = self.save(MeetingStatus.DRAFT, quiet=True)
        if done:
            self.autosave_label.setText(_("Draft saved automatically at {time}.").format(
                time=datetime.now().strftime("%H:%M")))
        return done

    def finalize(self) -> bool:
        if not self.save(MeetingStatus.HELD if self.header.status.currentData() == "draft" else None):
            return False
        if not self.confirm_finalize():
            return False
        s = self.session
        assert self.saved is not None
        try:
            self.saved = s.services.meetings.finalize(s.actor, s.school, self.saved.id)
        except UserError as error:
            self.show_error(error)
            return False
        self.show_status(self.saved.status)
        self.meeting_saved.emit(self.saved.id)
        self.set_read_only(True)
        return True

    def confirm_finalize(self) -> bool:
        answer = QMessageBox.question(self, _("Finalize"), _(
            "A finalized protocol is locked; it can be corrected only through a new version. Finalize?"))
        return answer == QMessageBox.StandardButton.Yes

    def set_read_only(self, locked: bool) -> None:
        page = self.tabs.widget(0)  # the header and attendance; always there
        if page is not None:
            page.setEnabled(not locked)
        for editor in self.editors:
            editor.setEnabled(not locked)
        for button in (self.add_item_button, self.remove_item_button, self.up_button, self.down_button,
                       self.save_button, self.finalize_button):
            button.setEnabled(not locked)
        if locked:
            self.autosave.stop()
            self.autosave_label.setText(_("The protocol is finalized and locked."))

    def refusal_text(self, error: UserError) -> str:
        """The refusal in the user's language, naming a teacher by name rather than by id."""
        if isinstance(error, DomainError) and isinstance(error.params.get("teacher"), str):
            teacher = error.params["teacher"]
            error = replace(error, params={**error.params, "teacher": self.attendance.name(teacher)})
        return error.render(_)

    def show_error(self, error: UserError | None) -> None:
        self.shown_error = error
        for label_widget in [*self.header.errors.values(), self.general_error, self.agenda_error]:
            label_widget.clear()
            label_widget.setVisible(False)
        for editor in self.editors:
            editor.decisions_error.setVisible(False)
        if error is None:
            return
        text = self.refusal_text(error)
        if isinstance(error, DomainError) and error.rule.number:
            text = f"{rule_label(error.rule, _)}: {text}"  # the refusal names its rule
        parts = (error.field or "").split(".")
        target = self.header.errors.get(parts[0], self.general_error)
        if parts[0] == "agenda" and len(parts) > 2 and parts[1].isdigit():
            row = int(parts[1]) - 1
            if 0 <= row < len(self.editors):
                self.tabs.setCurrentIndex(1)
                self.items.setCurrentRow(row)
                editor = self.editors[row]
                target = (editor.vote_error if parts[2] == "vote"
                          else editor.speaker_error if parts[2] in ("heard", "spoke")
                          else editor.decisions_error)
        elif parts[0] == "agenda":
            target = self.agenda_error
        elif parts[0] == "attendance":
            target = self.general_error
        if target in self.header.errors.values():
            self.tabs.setCurrentIndex(0)  # show the field the refusal names
        show_field_error(target, text)
        if target is not self.general_error:
            show_field_error(self.general_error, _("Not saved: {reason}").format(reason=text))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._asking = event.spontaneous()  # close() from code asks nothing
        try:
            super().closeEvent(event)  # QDialog: reject() while visible, which hides the dialog
        finally:
            self._asking = True

    def reject(self) -> None:
        """Every way of closing ends here (Close, Escape, the title bar). A draft with changes is
        saved; changes that cannot be saved (a refusal, a held protocol) are closed only after
        "Close without saving the changes?" is answered Yes. Calling close() here would never hide
        the dialog: QDialog.closeEvent calls reject() and ignores the event while still visible."""
        if self.dirty and not self.autosave_draft() and self._asking and QMessageBox.question(
                self, _("Protocol of the meeting"), _("Close without saving the changes?")) \
                is not QMessageBox.StandardButton.Yes:
            return
        self.autosave.stop()
        super().reject()
