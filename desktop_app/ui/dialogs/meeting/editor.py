"""Record or edit a protocol. Rules are checked as the user types where cheap and always by the
service on save; a refusal keeps the dialog open with everything typed. Drafts are saved every
30 seconds and on closing; an automatic save that is refused says so in a calm note, not in red
(the user may be in the middle of an item): red refusals come from Save and Finalize, and each goes
away as soon as the form no longer has the problem."""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from datetime import date, datetime

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
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
    SpeechSpeaker,
)
from desktop_app.domain.errors import UserError
from desktop_app.i18n import N_, Text, _
from desktop_app.services.meetings import Protocol
from desktop_app.ui import operations
from desktop_app.ui.dialogs.meeting.agenda_item import AgendaItemEditor
from desktop_app.ui.dialogs.meeting.agenda_list import AgendaList
from desktop_app.ui.dialogs.meeting.attendance import AttendancePanel
from desktop_app.ui.dialogs.meeting.choices import event_captions, plan_choices, visit_choices
from desktop_app.ui.dialogs.meeting.header import HeaderForm
from desktop_app.ui.dialogs.meeting.material_reviews import material_choices
from desktop_app.ui.dialogs.meeting.refusals import check_rules, on_conflict, recheck, refusal_text, show_refusal
from desktop_app.ui.dialogs.meeting.speeches import SpeakerKey
from desktop_app.ui.operations import Change, Operation
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
        choices = s.services.meetings.editor(s.actor, s.school, body.id, meeting.id if meeting else None)
        self.teachers = {t.id: t for t in choices.teachers}
        if meeting is None:
            window_start = date(int(body.academic_year[:4]), 8, 1) if body.academic_year[:4].isdigit() else None
            today = date.today()
            day = today if window_start is None or window_start <= today else window_start
            meeting = Meeting("", body.id, choices.number, day, Language.KK, "", "")
        self.original = meeting
        self._plan_choices = plan_choices(choices, self.teachers)
        self._visit_choices = visit_choices(choices, self.teachers)
        self._material_choices = material_choices(choices.materials)
        self._events = event_captions(choices.events, meeting.id)
        self._guests = choices.guests
        self._edits = 0  # counts changes: one made while a save runs keeps the form dirty
        self._build_ui(meeting)
        self._connect()
        self.retranslate_ui(items=False)
        self._check_rules()
        self.dirty = False
        self.set_read_only(meeting.status is MeetingStatus.FINALIZED)

    # Building ----------------------------------------------------------------------------------
    def _members(self) -> list[tuple[str, str]]:
        return [(t, self.teachers[t].full_name if t in self.teachers else t) for t in self.body.member_ids()]


    def _build_ui(self, meeting: Meeting) -> None:
        # Every part is made under the parent it stays in (the tabs first, then what they hold):
        # moving a filled part to another parent makes Qt restyle each of its widgets (~30 ms for
        # a protocol of two items).
        self.body_label = QLabel(self)
        self.body_label.setObjectName("viewTitle")
        self.tabs = QTabWidget(self)
        first = QWidget()
        self.agenda = AgendaList()
        self.tabs.addTab(first, "")
        self.tabs.addTab(self.agenda, "")
        self.header = HeaderForm(meeting, self._members(), first)
        self.attendance = AttendancePanel(self.body, self.teachers, first, guest_members=self._guests)
        self.attendance.set_attendance(meeting.date, meeting.attendance, meeting.guest_attendance)
        for guest in meeting.guests:
            self.attendance.add_guest(guest)
        row = QHBoxLayout(first)
        row.addWidget(self.header, 2)
        row.addWidget(self.attendance, 3)

        self.items, self.editors, self.agenda_error = self.agenda.items, self.agenda.editors, self.agenda.agenda_error
        self.add_item_button, self.remove_item_button, self.up_button, self.down_button = self.agenda.buttons()
        self.stack = self.agenda.stack
        for item in meeting.agenda:
            self.add_item(item, chosen=False)  # the first is chosen once all are there (``_connect``)

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
        self.agenda.add_requested.connect(lambda: self.add_item(None))
        self.agenda.changed.connect(self._on_changed)
        self.save_button.clicked.connect(lambda: self.save())
        self.finalize_button.clicked.connect(lambda: self.finalize())
        self.close_button.clicked.connect(self.reject)
        self.autosave.timeout.connect(lambda: self.autosave_draft())
        self.recheck.timeout.connect(self.recheck_error)
        self.autosave.start()
        if self.editors:
            self.items.setCurrentRow(0)
            self.agenda.show_item(0)

    def retranslate_ui(self, items: bool = True) -> None:
        """The parts retranslate through here: they have no LanguageChange handler of their own.
        ``items`` False when the dialog is made: each item's editor translated itself as it was
        made (again, each would re-check the rules twice: ~10 ms for two items)."""
        self.setWindowTitle(_("Protocol of the meeting"))
        self.body_label.setText(local(self.body.name))
        self.header.retranslate_ui()
        self.attendance.retranslate_ui()
        for editor in self.editors if items else []:
            editor.retranslate_ui()
        self.tabs.setTabText(0, _("Meeting and attendance"))
        self.tabs.setTabText(1, _("Agenda"))
        self.agenda.retranslate_ui()
        self.save_button.setText(_("Save"))
        self.finalize_button.setText(_("Finalize…"))
        self.close_button.setText(_("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # Agenda ------------------------------------------------------------------------------------
    def speakers(self) -> list[tuple[SpeakerKey, str]]:
        return self.attendance.speakers()

    def absent_speakers(self) -> dict[SpeakerKey, str]:
        return self.attendance.absent_speakers()

    def speaker_of(self, key: SpeakerKey | None) -> SpeechSpeaker | None:
        return self.attendance.speaker_of(key)

    def add_item(self, item: AgendaItem | None = None, chosen: bool = True) -> AgendaItemEditor:
        editor = AgendaItemEditor(item or AgendaItem(len(self.editors) + 1, ""), self._plan_choices,
                                  self.attendance.present_count, self.speakers(), self.stack,
                                  visits=self._visit_choices, absent=self.absent_speakers(),
                                  materials=self._material_choices,
                                  events=self._events.get(item.number, []) if item else [])
        editor.changed.connect(self._on_changed)
        self.agenda.add(editor, chosen)
        return editor

    # Rules as the user types -------------------------------------------------------------------
    def _on_attendance_changed(self) -> None:
        speakers, absent = self.speakers(), self.absent_speakers()
        for editor in self.editors:
            editor.set_speakers(speakers, absent)
            editor.update_vote_check()
        self._on_changed()

    def _on_changed(self) -> None:
        self.dirty = True
        self._edits += 1
        if hasattr(self, "general_error"):
            self._check_rules()
            if self.shown_error is not None:
                self.recheck.start()  # (re)started on every change: asked once the typing pauses

    def _check_rules(self) -> None:
        check_rules(self)

    def recheck_error(self) -> None:
        recheck(self)

    # Reading and saving ------------------------------------------------------------------------
    def meeting(self, status: MeetingStatus | None = None) -> Meeting:
        """The protocol as the form describes it now."""
        meeting = deepcopy(self.saved or self.original)
        self.header.apply_to(meeting)
        if status is not None:
            meeting.status = status
        meeting.attendance = self.attendance.attendance()
        meeting.guests = self.attendance.guest_list()
        meeting.guest_attendance = self.attendance.guest_attendance()
        meeting.agenda = [e.item(n, self.speaker_of) for n, e in enumerate(getattr(self, "editors", []), 1)]
        return meeting

    def save(self, status: MeetingStatus | None = None, quiet: bool = False, finalize: bool = False,
             then: Callable[[], None] | None = None,
             otherwise: Callable[[], None] | None = None) -> Operation | None:
        """Save the protocol and the plan outcomes chosen under its items: one service call, one
        transaction, off the GUI thread. None when nothing was started (a chair or secretary
        missing, or another action still running). A refusal is shown at its field, and nothing
        typed is lost. ``quiet`` (the automatic save) puts a refusal in the calm note at the bottom
        instead of red text at the field; ``finalize`` locks the protocol in the same call."""
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
                return None
        reviews = [r for number, e in enumerate(self.editors, 1) for r in e.reviews(number)]
        concluded = [r for number, e in enumerate(self.editors, 1) for r in e.materials_box.reviews(number)]
        edits = self._edits

        def saved(protocol: Protocol) -> None:
            self._saved(protocol, quiet, edits)
            if then is not None:
                then()

        def refused(error: UserError) -> None:
            if quiet:
                self.autosave_label.setText(_("Not saved automatically yet: {reason}").format(
                    reason=refusal_text(self, error)))
            else:
                self.show_error(error)
                on_conflict(self, error, meeting)
            if otherwise is not None:
                otherwise()

        return operations.run(
            lambda: s.services.meetings.save_protocol(s.actor, s.school, meeting, reviews, finalize, concluded),
            label=Text(N_("Saving the protocol…")), parent=self, on_success=saved, refused=refused,
            changes={Change.MEETINGS, *([Change.PLANS] if reviews else []), *([Change.MATERIALS] if concluded else [])},
            initiator=self)

    def _saved(self, protocol: Protocol, quiet: bool, edits: int) -> None:
        self.saved = protocol.meeting
        for plan in protocol.plans:
            for editor in self.editors:
                editor.update_plan(plan)
        for editor in self.editors:
            for material in protocol.materials:
                editor.materials_box.update_material(material)
        self.dirty = self._edits != edits  # typed on while it was saved: still to be saved
        self.show_status(self.saved.status)
        if not quiet:
            self.autosave_label.setText(_("Saved."))
        self.meeting_saved.emit(self.saved.id)
        if self.saved.status is MeetingStatus.FINALIZED:
            self.set_read_only(True)

    def show_status(self, status: MeetingStatus) -> None:
        """The Status box says what the protocol is now (held after a save, finalized after
        Finalize); setting it is not an edit."""
        box = self.header.status
        box.blockSignals(True)
        box.setCurrentIndex(max(box.findData(status.value), 0))
        box.blockSignals(False)

    def _may_autosave(self) -> bool:
        """Only a draft with changes is saved automatically."""
        if self.header.status.currentData() != MeetingStatus.DRAFT.value or not self.dirty:
            return False
        return self.saved is None or self.saved.status is MeetingStatus.DRAFT

    def autosave_draft(self, then: Callable[[], None] | None = None,
                       otherwise: Callable[[], None] | None = None) -> Operation | None:
        """The 30-second timer: a draft with changes is saved; a refusal goes to the calm note."""
        if not self._may_autosave():
            return None

        def done() -> None:
            self.autosave_label.setText(_("Draft saved automatically at {time}.").format(
                time=datetime.now().strftime("%H:%M")))
            if then is not None:
                then()

        return self.save(MeetingStatus.DRAFT, quiet=True, then=done, otherwise=otherwise)

    def finalize(self) -> Operation | None:
        """Asked first; then the form is saved and locked in one call, all or nothing (rule 5)."""
        if not self.confirm_finalize():
            return None
        held = MeetingStatus.HELD if self.header.status.currentData() == MeetingStatus.DRAFT.value else None
        return self.save(held, finalize=True)

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

    def show_error(self, error: UserError | None) -> None:
        show_refusal(self, error)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._asking = event.spontaneous()  # close() from code asks nothing
        try:
            super().closeEvent(event)  # QDialog: reject() while visible, which hides the dialog
        finally:
            self._asking = True

    def reject(self) -> None:
        """Every way of closing ends here (Close, Escape, the title bar). A draft with changes is
        saved first and the dialog closes once it is; changes that cannot be saved (a refusal, a
        held protocol) are closed only after "Close without saving the changes?" is answered Yes.
        Calling close() here would never hide the dialog: QDialog.closeEvent calls reject() and
        ignores the event while still visible."""
        asking = self._asking
        if self.dirty and self._may_autosave() and self.autosave_draft(
                then=self._close_now, otherwise=lambda: self._close_unsaved(asking)):
            return  # closes when the save is done
        if self.dirty:
            self._close_unsaved(asking)
        else:
            self._close_now()

    def _close_unsaved(self, asking: bool) -> None:
        if asking and QMessageBox.question(self, _("Protocol of the meeting"), _(
                "Close without saving the changes?")) is not QMessageBox.StandardButton.Yes:
            return
        self._close_now()

    def _close_now(self) -> None:
        self.autosave.stop()
        super().reject()
