"""A session of the mentoring log (optionally recorded as a lesson visit too), and the completion."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.entities import Mentorship, MentorshipSession, MentorshipStatus, SessionKind
from desktop_app.i18n import _
from desktop_app.services.mentoring import VISIT_SESSION_KINDS
from desktop_app.services.registers_export import SESSION_KIND_LABELS
from desktop_app.ui import operations
from desktop_app.ui.labels import MENTORSHIP_STATUS_LABELS, label
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session, rename_items
from desktop_app.ui.widgets.fields import add_field_row, date_edit, date_of, error_label, show_field_error, show_refusal
from desktop_app.ui.widgets.form_dialog import FormDialog


class SessionDialog(FormDialog):
    """Logs through services.mentoring.log_session, or log_visit_session when "also a lesson visit"."""

    FIELDS = ("date", "kind", "topic", "notes", "subject")

    def __init__(self, session: Session, mentorship: Mentorship, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.record = mentorship
        self.saved: Mentorship | None = None
        s = session
        teachers = {t.id: t for t in s.services.teachers.list_teachers(s.actor, s.school, include_archived=True)}
        self._subjects = sorted(s.subject_names().items(), key=lambda kv: kv[1])
        mentee = teachers.get(mentorship.mentee)
        self._mentee_subjects = mentee.subjects if mentee else []
        self._build_ui()
        self._connect()
        self.retranslate_ui()

    def _build_ui(self) -> None:
        today = self.session.services.mentoring.today()
        self.date = date_edit(min(max(today, self.record.start), self.record.end), self)
        self.kind = QComboBox(self)
        for kind in SessionKind:
            self.kind.addItem("", kind.value)
        self.topic = QLineEdit(self)
        self.notes = QPlainTextEdit(self)
        self.notes.setMaximumHeight(90)
        self.as_visit = QCheckBox(self)
        self.subject = QComboBox(self)
        for subject_id, name in self._subjects:
            self.subject.addItem(name, subject_id)
        if self._mentee_subjects and self.subject.findData(self._mentee_subjects[0]) >= 0:
            self.subject.setCurrentIndex(self.subject.findData(self._mentee_subjects[0]))
        self.class_name = QLineEdit(self)
        self.errors = {name: error_label(self) for name in self.FIELDS}
        self.errors["sessions"] = self.errors["date"]  # log_session names the log when a date is outside
        self.general_error = error_label(self)
        self._captions = {key: QLabel(self) for key in ("date", "kind", "topic", "notes", "subject", "class")}
        form = QFormLayout()
        add_field_row(form, self._captions["date"], self.date, self.errors["date"])
        add_field_row(form, self._captions["kind"], self.kind, self.errors["kind"])
        add_field_row(form, self._captions["topic"], self.topic, self.errors["topic"])
        add_field_row(form, self._captions["notes"], self.notes, self.errors["notes"])
        form.addRow("", self.as_visit)
        add_field_row(form, self._captions["subject"], self.subject, self.errors["subject"])
        form.addRow(self._captions["class"], self.class_name)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._update_visit()

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.kind.currentIndexChanged.connect(self._update_visit)
        self.as_visit.toggled.connect(self._update_visit)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Log a mentoring session"))
        for key, text in {"date": _("Date"), "kind": _("Kind"), "topic": _("Topic"), "notes": _("Notes"),
                          "subject": _("Subject"), "class": _("Class")}.items():
            self._captions[key].setText(text)
        for index, kind in enumerate(SessionKind):
            self.kind.setItemText(index, label(SESSION_KIND_LABELS, kind))
        self.as_visit.setText(_("Also record it as a lesson visit"))
        rename_items(self.subject, self.session.subject_names())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _update_visit(self) -> None:
        visit_kind = SessionKind(self.kind.currentData()) in VISIT_SESSION_KINDS
        self.as_visit.setEnabled(visit_kind)
        if not visit_kind:
            self.as_visit.setChecked(False)
        for widget in (self.subject, self.class_name):
            widget.setEnabled(self.as_visit.isChecked())

    def mentorship_session(self) -> MentorshipSession:
        notes = self.notes.toPlainText().strip() or None
        return MentorshipSession(date_of(self.date), SessionKind(self.kind.currentData()),
                                 self.topic.text().strip(), notes)

    def accept(self) -> None:
        show_refusal(None, self.errors, self.general_error)
        if not self.topic.text().strip():
            show_field_error(self.errors["topic"], _("Give the topic of the session."))
            return
        s, record, held = self.session, self.record.id, self.mentorship_session()
        subject, class_name = str(self.subject.currentData()), self.class_name.text().strip() or None
        if self.as_visit.isChecked():
            work: Callable[[], Mentorship] = lambda: s.services.mentoring.log_visit_session(  # noqa: E731
                s.actor, s.school, record, held, subject, class_name)
            changes = {Change.MENTORING, Change.VISITS}
        else:
            work = lambda: s.services.mentoring.log_session(s.actor, s.school, record, held)  # noqa: E731
            changes = {Change.MENTORING}
        operations.accept_after(self, work, changes=changes,
                                refused=lambda error: show_refusal(error, self.errors, self.general_error))


class CloseMentorshipDialog(FormDialog):
    """Completes (or cancels) through services.mentoring.close with the final conclusion."""

    def __init__(self, session: Session, mentorship: Mentorship, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.record = mentorship
        self.saved: Mentorship | None = None
        self.status = QComboBox(self)
        for status in (MentorshipStatus.COMPLETED, MentorshipStatus.CANCELLED):
            self.status.addItem("", status.value)
        self.conclusion = QPlainTextEdit(self)
        self.errors = {"status": error_label(self), "conclusion": error_label(self)}
        self.general_error = error_label(self)
        self._captions = {"status": QLabel(self), "conclusion": QLabel(self)}
        form = QFormLayout()
        add_field_row(form, self._captions["status"], self.status, self.errors["status"])
        add_field_row(form, self._captions["conclusion"], self.conclusion, self.errors["conclusion"])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Complete the mentorship"))
        self._captions["status"].setText(_("Result"))
        self._captions["conclusion"].setText(_("Conclusion"))
        for index, status in enumerate((MentorshipStatus.COMPLETED, MentorshipStatus.CANCELLED)):
            self.status.setItemText(index, label(MENTORSHIP_STATUS_LABELS, status))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def accept(self) -> None:
        show_refusal(None, self.errors, self.general_error)
        s, record = self.session, self.record.id
        conclusion, status = self.conclusion.toPlainText(), MentorshipStatus(self.status.currentData())
        operations.accept_after(self, lambda: s.services.mentoring.close(s.actor, s.school, record, conclusion, status),
                                changes={Change.MENTORING},
                                refused=lambda error: show_refusal(error, self.errors, self.general_error))
