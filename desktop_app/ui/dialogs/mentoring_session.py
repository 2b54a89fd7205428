"""A session of the mentoring log (optionally recorded as a lesson visit too), and the completion."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.domain.entities import Mentorship, MentorshipSession, MentorshipStatus, SessionKind
from desktop_app.i18n import _
from desktop_app.services.mentoring import VISIT_SESSION_KINDS
from desktop_app.services.registers_export import SESSION_KIND_LABELS
from desktop_app.ui.labels import MENTORSHIP_STATUS_LABELS, label
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session, rename_items
from desktop_app.ui.widgets.fields import date_edit, date_of, show_field_error
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
        form = self.build_form(self.FIELDS, 520)
        self.errors["sessions"] = self.errors["date"]  # log_session names the log when a date is outside
        for key in ("date", "kind", "topic", "notes"):
            self.add_field(key, getattr(self, key))
        form.addRow("", self.as_visit)
        self.add_field("subject", self.subject)
        self.add_field("class", self.class_name, error=None)
        self._update_visit()

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(self._update_visit)
        self.as_visit.toggled.connect(self._update_visit)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Log a mentoring session"))
        self.set_captions({"date": _("Date"), "kind": _("Kind"), "topic": _("Topic"), "notes": _("Notes"),
                           "subject": _("Subject"), "class": _("Class")})
        for index, kind in enumerate(SessionKind):
            self.kind.setItemText(index, label(SESSION_KIND_LABELS, kind))
        self.as_visit.setText(_("Also record it as a lesson visit"))
        rename_items(self.subject, self.session.subject_names())

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
        self.refuse(None)
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
        self.submit(work, changes=changes)


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
        self.build_form(("status", "conclusion"), 480)
        self.add_field("status", self.status)
        self.add_field("conclusion", self.conclusion)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Complete the mentorship"))
        self.set_captions({"status": _("Result"), "conclusion": _("Conclusion")})
        for index, status in enumerate((MentorshipStatus.COMPLETED, MentorshipStatus.CANCELLED)):
            self.status.setItemText(index, label(MENTORSHIP_STATUS_LABELS, status))

    def accept(self) -> None:
        s, record = self.session, self.record.id
        conclusion, status = self.conclusion.toPlainText(), MentorshipStatus(self.status.currentData())
        self.submit(lambda: s.services.mentoring.close(s.actor, s.school, record, conclusion, status),
                    changes={Change.MENTORING})
