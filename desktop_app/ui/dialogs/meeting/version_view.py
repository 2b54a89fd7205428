"""A previous version of a protocol, read only (rule 5): the protocol as it was finalized, and who
replaced it by the next version, when and why."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from desktop_app.domain.accounts import MeetingVersion
from desktop_app.domain.entities import AgendaItem, GuestSpeaker, Meeting, Person, SpeechSpeaker, Teacher
from desktop_app.domain.errors import UserError
from desktop_app.domain.labels import MEETING_FORM_LABELS, UNKNOWN_TEACHER
from desktop_app.i18n import _
from desktop_app.ui.labels import LANGUAGE_NAMES, MEETING_STATUS_LABELS, label, local_time, short_date
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.sizing import fit_to_screen


def _esc(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _line(caption: str, text: str) -> str:
    return f"<p><b>{_esc(caption)}</b> {_esc(text)}</p>" if text else ""


class ProtocolText:
    """The protocol as HTML in the window's language; names of teachers, plans and lessons given."""

    def __init__(self, teachers: dict[str, Teacher], plans: dict[str, str], visits: dict[str, str],
                 others: dict[tuple[str, str], str] | None = None) -> None:
        self.teachers = teachers
        self.plans = plans
        self.visits = visits
        #: Members from other schools (п. 21): (school, teacher) → "name (school)".
        self.others = others or {}

    def other(self, school: str, teacher: str, recorded: str = "") -> str:
        """As the printed protocol names them: never by an id (words say the teacher is gone)."""
        return self.others.get((school, teacher)) or recorded or _(UNKNOWN_TEACHER)

    def name(self, teacher: str) -> str:
        found = self.teachers.get(teacher)
        return found.full_name if found else teacher

    def speaker(self, speaker: SpeechSpeaker) -> str:
        if isinstance(speaker, GuestSpeaker):
            return self.other(speaker.school, speaker.teacher, speaker.name)
        if isinstance(speaker, Person):
            return f"{speaker.name} ({speaker.position})" if speaker.position else speaker.name
        return self.name(speaker)

    def html(self, meeting: Meeting) -> str:
        details = [f"{_('Date')}: {short_date(meeting.date)}"]
        if meeting.start_time:
            details.append(_("Start: {time}").format(time=meeting.start_time))
        if meeting.place:
            details.append(_("Place: {place}").format(place=meeting.place))
        kind = [f"{_('Form')}: {_(MEETING_FORM_LABELS[meeting.form])}",
                f"{_('Protocol language')}: {LANGUAGE_NAMES.get(meeting.language, meeting.language.value)}",
                f"{_('Status')}: {label(MEETING_STATUS_LABELS, meeting.status)}"]
        present = [self.name(a.teacher) for a in meeting.attendance if a.present]
        absent = [self.name(a.teacher) + (f" — {a.reason}" if a.reason else "")
                  for a in meeting.attendance if not a.present]
        guests = [g.name + (f" — {g.position}" if g.position else "") for g in meeting.guests]
        others_present = [self.other(g.school, g.teacher, g.name) for g in meeting.guest_attendance if g.present]
        others_absent = [self.other(g.school, g.teacher, g.name) + (f" — {g.reason}" if g.reason else "")
                         for g in meeting.guest_attendance if not g.present]
        parts = [f"<p>{_esc('; '.join(details))}<br>{_esc('; '.join(kind))}</p>",
                 _line(_("Chair:"), self.name(meeting.chair)),
                 _line(_("Secretary:"), self.name(meeting.secretary)),
                 _line(_("Present:"), f"{meeting.present_count}: {', '.join(present)}" if present else "0"),
                 _line(_("Absent:"), "; ".join(absent)),
                 _line(_("Present from other schools:"), "; ".join(others_present)),
                 _line(_("Absent from other schools:"), "; ".join(others_absent)),
                 _line(_("Invited:"), "; ".join(guests)),
                 f"<h3>{_esc(_('AGENDA:'))}</h3>"]
        parts += [f"<p>{item.number}. {_esc(item.title)}</p>" for item in meeting.agenda]
        for item in meeting.agenda:
            parts.append(self.item_html(item))
        return "".join(parts)

    def item_html(self, item: AgendaItem) -> str:
        parts = [f"<h3>{item.number}. {_esc(item.title)}</h3>"]
        parts += [_line(_("HEARD:"), f"{self.speaker(s.speaker)} — {s.text}") for s in item.heard]
        if item.spoke:
            parts.append(f"<p><b>{_esc(_('SPOKE:'))}</b></p>")
            parts += [f"<p>{_esc(self.speaker(s.speaker))} — {_esc(s.text)}</p>" for s in item.spoke]
        parts.append(_line(_("Plans considered:"), "; ".join(self.plans.get(p, p) for p in item.plans)))
        parts.append(_line(_("Open lessons and visits discussed") + ":",
                           "; ".join(self.visits.get(v, v) for v in item.lesson_visits)))
        if item.decisions:
            parts.append(f"<p><b>{_esc(_('RESOLVED:'))}</b></p>")
            parts += [f"<p>{item.number}.{n}. {_esc(text)}</p>" for n, text in enumerate(item.decisions, 1)]
        if item.vote is not None:
            vote = _("Voted: “for” — {for_}, “against” — {against}, “abstained” — {abstained}.").format(
                for_=item.vote.in_favour, against=item.vote.against, abstained=item.vote.abstained)
            parts.append(f"<p>{_esc(vote)}</p>")
        return "".join(parts)


def _other_names(session: Session, meeting: Meeting) -> dict[tuple[str, str], str]:
    """«name (school)» of the members from other schools the version marks or hears (п. 21): the
    association's members, and those whose membership has gone since, where the database knows them."""
    s = session
    found = {(g.school, g.teacher): (g.name, g.school_name)
             for g in s.services.guest_members.list(s.actor, s.school, meeting.body)}
    referred = {(g.school, g.teacher) for g in meeting.guest_attendance} | {
        (x.speaker.school, x.speaker.teacher) for item in meeting.agenda for x in (*item.heard, *item.spoke)
        if isinstance(x.speaker, GuestSpeaker)}
    if referred - found.keys():
        found.update(s.services.guest_members.names(s.actor, s.school, referred - found.keys()))
    return {key: f"{name} ({school})" if school else name for key, (name, school) in found.items() if name}


class MeetingVersionDialog(QDialog):
    """Nothing here can change the record: it shows a snapshot kept by the service."""

    def __init__(self, session: Session, kept: MeetingVersion, meeting: Meeting, body_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kept = kept
        self.meeting = meeting
        self.body_name = body_name
        s = session
        subjects = s.subject_names()
        teachers = s.teachers_by_id()

        def who(teacher: str) -> str:
            found = teachers.get(teacher)
            return found.short_name if found else teacher

        # What the protocol names: its year's plans and visits (not ten years of a school's, unless
        # it names one of another year).
        try:
            year_id: str | None = s.services.associations.get(s.actor, s.school, meeting.body).academic_year
        except UserError:  # the body is gone: every year's plans and visits, as before
            year_id = None
        year = next((y for y in s.services.schools.list_years(s.actor, s.school) if y.id == year_id), None)
        listed = [line.plan for line in s.services.plans.summaries(s.actor, s.school, year_id)] if year else []
        if {plan for item in meeting.agenda for plan in item.plans} - {p.id for p in listed}:
            listed = [line.plan for line in s.services.plans.summaries(s.actor, s.school)]
        seen = s.services.visits.between(s.actor, s.school, *year.window) if year else []
        if {visit for item in meeting.agenda for visit in item.lesson_visits} - {v.id for v in seen}:
            seen = s.services.visits.list(s.actor, s.school)
        plans = {p.id: f"{who(p.teacher)} — {subjects.get(p.subject, p.subject)}, {p.grade}" for p in listed}
        visits = {v.id: f"{short_date(v.date)} — {who(v.teacher)}: {v.topic}" for v in seen}
        others = _other_names(session, meeting)
        self.text = ProtocolText(teachers, plans, visits, others)
        self.replaced_by = s.services.accounts.people(s.actor, s.school).get(kept.actor, kept.actor)
        self.title = QLabel(self)
        self.title.setObjectName("viewTitle")
        self.title.setWordWrap(True)
        self.replaced = QLabel(self)
        self.replaced.setWordWrap(True)
        self.replaced.setObjectName("viewNote")
        self.browser = QTextBrowser(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.replaced)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 900, 640)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        kept, meeting = self.kept, self.meeting
        self.setWindowTitle(_("Previous version of the protocol"))
        self.title.setText(f"{self.body_name} — {_('PROTOCOL No. {number}').format(number=meeting.number)} "
                           f"{_('(version {version})').format(version=kept.version)}")
        self.replaced.setText(_("Replaced by version {next} on {at} by {who}. Reason: {reason}").format(
            next=kept.version + 1, at=local_time(kept.at), who=self.replaced_by, reason=kept.reason))
        self.browser.setHtml(self.text.html(meeting))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
