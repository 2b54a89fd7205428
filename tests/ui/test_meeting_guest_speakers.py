"""A member from another school (п. 21) speaks under an agenda item of the protocol editor: offered
with their school while marked present, flagged by name when marked absent (and the Save refused),
saved as that school's teacher and shown again when the protocol is opened."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from desktop_app import i18n
from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.domain.entities import (
    AgendaItem,
    Association,
    Attendance,
    GuestAttendance,
    GuestSpeaker,
    Language,
    Meeting,
    MeetingStatus,
    Speech,
)
from desktop_app.domain.labels import UNKNOWN_TEACHER
from desktop_app.ui.dialogs.meeting import MeetingDialog
from desktop_app.ui.dialogs.meeting.speeches import other_key
from desktop_app.ui.dialogs.meeting.version_view import MeetingVersionDialog
from desktop_app.ui.language import install_language_hook
from desktop_app.ui.session import Session
from tests.ui.conftest import finish, type_text
from tests.ui.test_district_view import other_school
from tests.ui.test_meeting_guest_members import OTHER, inter, new_meeting

__all__ = ["inter"]  # the fixture, used by name

SHOTS = os.environ.get("GUEST_SHOTS")


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_member_from_another_school_speaks(qtbot, inter: tuple[Session, Association],  # type: ignore[no-untyped-def]
                                             language: str) -> None:
    session, body = inter
    dialog = new_meeting(qtbot, inter, language)
    names = {g.teacher: g.name for g in session.services.guest_members.list(session.actor, session.school, body.id)}
    school = "№ 8 мектеп" if language == "kk" else "Школа № 8"
    header = dialog.header
    header.date.setDate(QDate(2026, 12, 10))
    header.select(header.chair, "t-01")
    header.select(header.secretary, "t-02")
    qtbot.mouseClick(dialog.add_item_button, Qt.MouseButton.LeftButton)
    editor = dialog.editors[0]
    type_text(editor.title, "Мектепаралық семинар")
    type_text(editor.decisions, "Тәжірибе жинақталсын")
    # both members from school-8 are offered, with their school, beside the own members
    offered = [editor.heard_speaker.itemText(i) for i in range(editor.heard_speaker.count())]
    assert f"{names['t-03']} ({school})" in offered and f"{names['t-04']} ({school})" in offered
    editor.heard_speaker.select(other_key(OTHER, "t-03"))
    type_text(editor.heard_text, "Семинар туралы")
    qtbot.mouseClick(editor.add_spoke_button, Qt.MouseButton.LeftButton)
    row = editor.spoke_rows()[0]
    row.speaker.select(other_key(OTHER, "t-04"))
    type_text(row.text, "Қолдаймын")
    # marked absent: kept in the list as absent, flagged on the item by name, and Save refused
    dialog.attendance.guest_members.set_present(OTHER, "t-04", False, "курстар")
    dialog.tabs.setCurrentIndex(1)
    finish(qtbot)
    assert row.speaker.currentData() == other_key(OTHER, "t-04")
    assert "(" in row.speaker.currentText() and names["t-04"] in row.speaker.currentText()
    assert editor.speaker_error.isVisible() and names["t-04"] in editor.speaker_error.text()
    assert "t-04" not in editor.speaker_error.text() and school in editor.speaker_error.text()
    if SHOTS:
        qtbot.wait(300)  # the scroll area lays the item out again
        dialog.grab().save(f"{SHOTS}/meeting-guest-speaker-absent-{language}.png")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert dialog.saved is None and dialog.general_error.isVisible()
    assert names["t-04"] in dialog.general_error.text()
    # marked present again: the flag goes, the protocol is saved with both speakers
    dialog.attendance.guest_members.set_present(OTHER, "t-04", True)
    finish(qtbot)
    assert not editor.speaker_error.isVisible()
    dialog.tabs.setCurrentIndex(1)
    if SHOTS:
        qtbot.wait(1000)  # the refusal above the buttons goes once the editor asks the service again
        dialog.grab().save(f"{SHOTS}/meeting-guest-speaker-{language}.png")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert dialog.saved is not None, dialog.general_error.text()
    stored = session.services.meetings.get(session.actor, session.school, dialog.saved.id)
    assert stored.agenda[0].heard[0].speaker == GuestSpeaker(OTHER, "t-03", names["t-03"])
    assert stored.agenda[0].spoke[0].speaker == GuestSpeaker(OTHER, "t-04", names["t-04"])
    dialog.close()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    again = MeetingDialog(session, body, stored)  # opened again: the speakers as saved
    qtbot.addWidget(again)
    again.show()
    shown = again.editors[0]
    assert shown.heard_speaker.currentData() == other_key(OTHER, "t-03")
    assert shown.spoke_rows()[0].speaker.currentText() == f"{names['t-04']} ({school})"
    again.close()
    assert not again.isVisible()


def _finalized_and_reopened(session: Session, body: Association, language: Language, reason: str,
                            heard: str) -> tuple[Meeting, Meeting]:
    """A protocol of the inter-school association: t-03 of school-8 present and heard, t-04 absent
    for ``reason``; finalized, then reopened as version 2 (version 1 is the one kept)."""
    s, actor, school = session.services, session.actor, session.school
    saved = s.meetings.save(actor, school, Meeting(
        "", body.id, 1, date(2026, 12, 2), language, "t-01", "t-02",
        attendance=[Attendance("t-01", True), Attendance("t-02", True)], status=MeetingStatus.HELD,
        guest_attendance=[GuestAttendance(OTHER, "t-03", True), GuestAttendance(OTHER, "t-04", False, reason)],
        agenda=[AgendaItem(1, "Семинар", decisions=["Өткізілсін" if language is Language.KK else "Провести"],
                           heard=[Speech(GuestSpeaker(OTHER, "t-03"), heard)])]))
    s.meetings.set_status(actor, school, saved.id, MeetingStatus.FINALIZED)
    return saved, s.meetings.new_version(actor, school, saved.id, "Белгі түзетілді" if language is Language.KK
                                         else "Исправление")


def first_version(qtbot, session: Session, meeting: str,  # type: ignore[no-untyped-def]
                  title: str) -> tuple[MeetingVersionDialog, str]:
    """The protocol's first version as the version view shows it, and its text in one line."""
    kept, old = session.services.meetings.version(session.actor, session.school, meeting, 1)
    dialog = MeetingVersionDialog(session, kept, old, title)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, " ".join(dialog.browser.toPlainText().split())


def test_a_previous_version_shows_the_marks_and_speakers_as_they_were(  # type: ignore[no-untyped-def]
        qtbot, inter: tuple[Session, Association]) -> None:
    install_language_hook()
    i18n.set_language("kk")
    session, body = inter
    s, actor, school = session.services, session.actor, session.school
    names = {g.teacher: g.name for g in s.guest_members.list(actor, school, body.id)}
    saved, reopened = _finalized_and_reopened(session, body, Language.KK, "курстар", "Семинар туралы")
    s.meetings.save(actor, school, replace(reopened, guest_attendance=[GuestAttendance(OTHER, "t-03", True),
                                                                       GuestAttendance(OTHER, "t-04", True)]))
    dialog, text = first_version(qtbot, session, saved.id, "Мектепаралық ӘБ")
    assert f"ТЫҢДАЛДЫ: {names['t-03']} (№ 8 мектеп) — Семинар туралы" in text
    assert f"Басқа мектептерден қатыспағандар: {names['t-04']} (№ 8 мектеп) — курстар" in text
    assert "Қатысқандар: 3:" in text  # two own members and one from school-8, as the votes count
    dialog.close()
    assert not dialog.isVisible()


def test_a_speaker_no_longer_a_member_is_kept_and_the_save_says_why(  # type: ignore[no-untyped-def]
        qtbot, inter: tuple[Session, Association]) -> None:
    install_language_hook()
    i18n.set_language("ru")
    session, body = inter
    s, actor, school = session.services, session.actor, session.school
    names = {g.teacher: g.name for g in s.guest_members.list(actor, school, body.id)}
    saved = s.meetings.save(actor, school, Meeting(
        "", body.id, 1, date(2026, 12, 2), Language.RU, "t-01", "t-02",
        attendance=[Attendance("t-01", True), Attendance("t-02", True)],
        guest_attendance=[GuestAttendance(OTHER, "t-03", True), GuestAttendance(OTHER, "t-04", True)],
        agenda=[AgendaItem(1, "Семинар", decisions=["Провести"],
                           spoke=[Speech(GuestSpeaker(OTHER, "t-03"), "Поддерживаю")])]))
    rono = s.accounts.authenticate("rono", "rono-secret1")
    s.guest_members.remove(rono, school, body.id, OTHER, "t-03")  # no longer a member at all
    dialog = MeetingDialog(session, body, s.meetings.get(actor, school, saved.id))
    qtbot.addWidget(dialog)
    dialog.show()
    row = dialog.editors[0].spoke_rows()[0]
    assert row.speaker.currentData() == other_key(OTHER, "t-03") and row.speaker.currentText() == names["t-03"]
    dialog.attendance.guest_members.set_present(OTHER, "t-04", False, "болеет")  # the lists are made again
    finish(qtbot)
    assert row.speaker.currentData() == other_key(OTHER, "t-03") and row.value() == "Поддерживаю"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert dialog.general_error.isVisible() and names["t-03"] in dialog.general_error.text()
    assert "Школа № 8" in dialog.general_error.text()
    assert "базе данных" not in dialog.editors[0].speaker_error.text()  # the school is there: not said gone
    dialog.close()


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_speaker_marked_absent_while_the_agenda_was_shown_is_readable_whole(  # type: ignore[no-untyped-def]
        qtbot, inter: tuple[Session, Association], language: str) -> None:
    """The box was shown before «(marked absent)» was added to its name: it grows to show it all
    at 1366×768, and its tooltip says it whole."""
    dialog = new_meeting(qtbot, inter, language)
    dialog.header.date.setDate(QDate(2026, 12, 10))
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.add_item_button, Qt.MouseButton.LeftButton)
    editor = dialog.editors[0]
    qtbot.mouseClick(editor.add_spoke_button, Qt.MouseButton.LeftButton)
    row = editor.spoke_rows()[0]
    row.speaker.select(other_key(OTHER, "t-03"))
    qtbot.waitUntil(row.speaker.isVisible)
    dialog.tabs.setCurrentIndex(0)
    dialog.attendance.guest_members.set_present(OTHER, "t-03", False, "курстар")
    dialog.tabs.setCurrentIndex(1)
    finish(qtbot)
    qtbot.wait(100)  # the row is laid out again
    shown = row.speaker.currentText()
    assert ("қатыспады" if language == "kk" else "отсутств") in shown, shown
    arrow = row.speaker.style().pixelMetric(row.speaker.style().PixelMetric.PM_ScrollBarExtent)
    needed = row.speaker.fontMetrics().horizontalAdvance(shown) + arrow
    assert row.speaker.width() >= needed, (row.speaker.width(), needed, shown)
    assert row.speaker.toolTip() == shown
    if SHOTS:
        dialog.grab().save(f"{SHOTS}/meeting-guest-speaker-marked-later-{language}.png")
    dialog.close()


def test_a_previous_version_names_members_whose_membership_has_gone(  # type: ignore[no-untyped-def]
        qtbot, inter: tuple[Session, Association]) -> None:
    """As the printed protocol: by name and school, never by an id, after the membership is removed."""
    install_language_hook()
    i18n.set_language("ru")
    session, body = inter
    s, actor, school = session.services, session.actor, session.school
    names = {g.teacher: g.name for g in s.guest_members.list(actor, school, body.id)}
    saved, _reopened = _finalized_and_reopened(session, body, Language.RU, "курсы", "О семинаре")
    rono = s.accounts.authenticate("rono", "rono-secret1")
    for teacher in ("t-03", "t-04"):
        s.guest_members.remove(rono, school, body.id, OTHER, teacher)
    dialog, text = first_version(qtbot, session, saved.id, "Межшкольное МО")
    assert f"СЛУШАЛИ: {names['t-03']} (Школа № 8) — О семинаре" in text, text
    assert f"{names['t-04']} (Школа № 8) — курсы" in text, text
    assert "t-03" not in text and "t-04" not in text and OTHER not in text, text
    dialog.close()


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_previous_version_names_a_guest_gone_from_the_database_by_the_kept_name(  # type: ignore[no-untyped-def]
        qtbot, inter: tuple[Session, Association], language: str) -> None:
    """school-8 imported again without t-04 (the membership stays): the mark's kept name, as printed."""
    install_language_hook()
    i18n.set_language(language)
    session, body = inter
    s, actor, school = session.services, session.actor, session.school
    names = {g.teacher: g.name for g in s.guest_members.list(actor, school, body.id)}
    reason = "курстар" if language == "kk" else "курсы"
    saved, _reopened = _finalized_and_reopened(session, body, Language(language), reason, "Семинар")
    s.exchange.import_document(COMMAND_LINE, other_school().replace(b'"t-04"', b'"t-44"'), replace=True)
    assert {g.teacher: g.name for g in s.guest_members.list(actor, school, body.id)}["t-04"] == ""
    dialog, text = first_version(qtbot, session, saved.id, body.name.ru or "")
    assert f"{names['t-04']} — {reason}" in text, text
    assert i18n.gettext_for(language)(UNKNOWN_TEACHER) not in text and "t-04" not in text, text
    dialog.close()
