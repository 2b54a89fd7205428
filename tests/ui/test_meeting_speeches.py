"""Several HEARD reports under one agenda item: all are edited, none is lost when the protocol is saved."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from desktop_app.domain.entities import MeetingStatus, Person, Speech
from desktop_app.ui.dialogs.meeting import MeetingDialog
from desktop_app.ui.session import Session
from tests.ui.conftest import finish, type_text

BODY = "mo-math-26"


def _draft_with_two_reports(session: Session) -> str:
    """A draft protocol whose first item heard a member and a guest (as an import may bring)."""
    s = session.services
    meeting = next(m for m in s.meetings.list(session.actor, session.school, BODY)
                   if m.status is not MeetingStatus.FINALIZED and m.agenda)
    first = meeting.agenda[0]
    guest = Person("Әлия Сейітова", "әдіскер")
    heard = [Speech("t-02", "Баяндама."), Speech(guest, "Қосымша баяндама.")]
    agenda = [replace(first, heard=heard), *meeting.agenda[1:]]
    guests = [*meeting.guests, guest]
    return s.meetings.save(session.actor, session.school, replace(meeting, agenda=agenda, guests=guests)).id


def test_every_heard_report_is_kept_and_another_can_be_added(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    session = sign_in("administrator")
    s = session.services
    meeting_id = _draft_with_two_reports(session)
    meeting = s.meetings.get(session.actor, session.school, meeting_id)
    body = s.associations.get(session.actor, session.school, BODY)
    dialog = MeetingDialog(session, body, meeting)
    qtbot.addWidget(dialog)
    dialog.show()
    editor = dialog.editors[0]
    assert editor.heard_text.toPlainText() == "Баяндама."
    [guest] = editor.heard_rows()
    assert guest.value() == "Қосымша баяндама."

    qtbot.mouseClick(editor.add_heard_button, Qt.MouseButton.LeftButton)
    third = editor.heard_rows()[1]
    third.speaker.select("member:t-03")
    type_text(third.text, "Үшінші баяндама.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert not dialog.general_error.isVisible(), dialog.general_error.text()

    saved = s.meetings.get(session.actor, session.school, meeting_id).agenda[0].heard
    assert [h.text for h in saved] == ["Баяндама.", "Қосымша баяндама.", "Үшінші баяндама."]
    assert isinstance(saved[1].speaker, Person) and saved[1].speaker.name == "Әлия Сейітова"

    # Removing a report removes only that one.
    dialog = MeetingDialog(session, body, s.meetings.get(session.actor, session.school, meeting_id))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.editors[0].heard_rows()[0].remove, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    saved = s.meetings.get(session.actor, session.school, meeting_id).agenda[0].heard
    assert [h.text for h in saved] == ["Баяндама.", "Үшінші баяндама."]
