"""A previous version of a protocol opens read only from the list of versions, as it was finalized."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop_app import i18n
from desktop_app.domain.entities import MeetingStatus
from desktop_app.domain.errors import NotFoundError
from desktop_app.ui.dialogs.meeting.version_view import MeetingVersionDialog
from desktop_app.ui.session import Session
from desktop_app.ui.views.meetings import MeetingsView
from tests.ui.test_meetings import session, view  # noqa: F401 - the fixtures

MEETING = "m-math-26-1"
REASON = "Шешімнің мерзімі қате жазылған"


def corrected(s: Session) -> str:
    """Version 1 of the finalized protocol kept; version 2 with its first decision changed."""
    old = s.services.meetings.get(s.actor, s.school, MEETING)
    assert old.status is MeetingStatus.FINALIZED
    first = old.agenda[0].decisions[0]
    reopened = s.services.meetings.new_version(s.actor, s.school, MEETING, REASON)
    agenda = [replace(reopened.agenda[0], decisions=["Жаңа шешім", *reopened.agenda[0].decisions[1:]]),
              *reopened.agenda[1:]]
    s.services.meetings.save(s.actor, s.school, replace(reopened, agenda=agenda))
    return first


def test_the_service_gives_the_version_as_it_was(session: Session) -> None:  # noqa: F811
    first = corrected(session)
    s = session
    kept, old = s.services.meetings.version(s.actor, s.school, MEETING, 1)
    assert (kept.version, kept.reason, kept.actor) == (1, REASON, s.actor.login)
    assert old.version == 1 and old.status is MeetingStatus.FINALIZED
    assert old.agenda[0].decisions[0] == first
    assert s.services.meetings.get(s.actor, s.school, MEETING).agenda[0].decisions[0] == "Жаңа шешім"
    with pytest.raises(NotFoundError):
        s.services.meetings.version(s.actor, s.school, MEETING, 2)  # the current one is not "previous"


def test_a_previous_version_opens_read_only_from_the_list(qtbot, view: MeetingsView, session: Session,  # noqa: F811
                                                          monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("kk")
    first = corrected(session)
    view.load_meetings()
    view.select(MEETING)
    assert view.versions.count() == 1 and not view.view_version_button.isEnabled()
    view.versions.setCurrentRow(0)
    assert view.view_version_button.isEnabled()

    opened: list[MeetingVersionDialog] = []
    monkeypatch.setattr(MeetingVersionDialog, "exec", lambda self: opened.append(self) or 0)
    entry = view.versions.item(0)
    rect = view.versions.visualItemRect(entry)
    qtbot.mouseClick(view.versions.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.versions.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(opened) == 1  # a double-click on the version
    qtbot.mouseClick(view.view_version_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 2  # or the button under the list
    dialog = opened[0]
    qtbot.addWidget(dialog)
    assert isinstance(dialog, QDialog) and dialog.browser.isReadOnly()
    text = dialog.browser.toPlainText()
    old = dialog.meeting
    assert "№ 1 ХАТТАМА" in dialog.title.text().upper()  # Kazakh order (issue 16)
    assert first in text and "Жаңа шешім" not in text
    for caption in ("ТЫҢДАЛДЫ:", "ҚАУЛЫ ЕТТІ:", "КҮН ТӘРТІБІ:"):
        assert caption in text.upper(), caption
    for item in old.agenda:
        assert item.title in text
        for speech in [*item.heard, *item.spoke]:
            assert speech.text in text
    named = [(plan, session.services.plans.get(session.actor, session.school, plan))
             for item in old.agenda for plan in item.plans]
    assert named
    for plan, record in named:  # named by teacher, subject and grade (the year's plans), not by id
        assert plan not in text and f", {record.grade}" in text
    chair = session.teachers_by_id()[old.chair].full_name
    assert chair in text
    who = session.services.accounts.people(session.actor, session.school)[session.actor.login]
    assert who != session.actor.login  # the person, not the account
    assert REASON in dialog.replaced.text() and who in dialog.replaced.text()
    assert who in view.versions.item(0).text()
    assert "2" in dialog.replaced.text()

    i18n.set_language("ru")
    dialog.retranslate_ui()
    assert "ПРОТОКОЛ" in dialog.title.text().upper()
    assert "ПОСТАНОВИЛИ:" in dialog.browser.toPlainText().upper()
    assert REASON in dialog.replaced.text()
