"""An inter-school association's members from other schools (п. 21) in the protocol editor: listed
with their school on the meeting's date, marked present or absent as the own members are, saved
with the protocol; the editor of an ordinary association shows no such list."""

from __future__ import annotations

import os
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from desktop_app import i18n
from desktop_app.domain.accounts import COMMAND_LINE, Role
from desktop_app.domain.entities import (
    AgendaItem,
    Association,
    AssociationKind,
    Attendance,
    GuestAttendance,
    Language,
    LocalizedText,
    Meeting,
    Membership,
)
from desktop_app.services import Services
from desktop_app.ui.dialogs.meeting import MeetingDialog
from desktop_app.ui.language import install_language_hook
from desktop_app.ui.session import Session
from tests.ui.conftest import finish
from tests.ui.test_district_view import other_school

SHOTS = os.environ.get("GUEST_SHOTS")
OTHER = "school-8"


@pytest.fixture
def inter(services: Services) -> tuple[Session, Association]:
    """School-7's inter-school association of 2026-2027 with t-01 and t-02, and school-8's t-03
    (from September) and t-04 (from 1 December) as members from another school."""
    services.exchange.import_document(COMMAND_LINE, other_school())
    admin = services.accounts.authenticate("zavuch", "zavuch-demo")
    school = admin.school
    assert school is not None
    start = date(2026, 9, 1)
    body = services.associations.save(admin, school, Association(
        "", AssociationKind.INTER_SCHOOL, LocalizedText("Мектепаралық ӘБ", "Межшкольное МО"), "2026-2027", "t-01",
        members=[Membership("t-01", start, None), Membership("t-02", start, None)]))
    services.accounts.create_user(COMMAND_LINE, "rono", "rono-secret1", Role.ADMINISTRATOR)
    rono = services.accounts.authenticate("rono", "rono-secret1")
    services.guest_members.add(rono, school, body.id, OTHER, "t-03", since=start)
    services.guest_members.add(rono, school, body.id, OTHER, "t-04", since=date(2026, 12, 1))
    return Session(services, admin, school), body


def new_meeting(qtbot, inter: tuple[Session, Association], language: str) -> MeetingDialog:  # type: ignore[no-untyped-def]
    """A new protocol of the inter-school association, in ``language``, shown at 1366×768."""
    install_language_hook()
    i18n.set_language(language)
    dialog = MeetingDialog(*inter)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    return dialog


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_members_from_other_schools_are_marked_and_saved(qtbot, inter: tuple[Session, Association],  # type: ignore[no-untyped-def]
                                                         language: str) -> None:
    session, body = inter
    dialog = new_meeting(qtbot, inter, language)
    header, marks = dialog.header, dialog.attendance.guest_members
    header.date.setDate(QDate(2026, 11, 20))
    header.select(header.chair, "t-01")
    header.select(header.secretary, "t-02")
    school = "№ 8 мектеп" if language == "kk" else "Школа № 8"
    assert marks.isVisible() and marks.table.rowCount() == 1  # t-04 joins only in December
    assert marks.table.item(0, 1).text() == school
    assert marks.table.horizontalHeaderItem(2).text() == ("Қатысты" if language == "kk" else "Присутствовал(а)")
    header.date.setDate(QDate(2026, 12, 10))
    assert marks.table.rowCount() == 2 and marks.table.item(1, 1).text() == school
    dialog.attendance.guest_members.set_present(OTHER, "t-04", False, "курстар")
    assert dialog.attendance.present_count() == 3  # t-01, t-02 and t-03: members from other schools vote too
    if SHOTS:
        dialog.grab().save(f"{SHOTS}/meeting-guests-{language}.png")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert not dialog.general_error.isVisible(), dialog.general_error.text()
    assert dialog.saved is not None
    stored = session.services.meetings.get(session.actor, session.school, dialog.saved.id)
    assert stored.guest_attendance == [GuestAttendance(OTHER, "t-03", True), GuestAttendance(OTHER, "t-04", False,
                                                                                              "курстар")]
    dialog.close()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    again = MeetingDialog(session, body, stored)  # opened again: the marks as saved
    qtbot.addWidget(again)
    assert again.attendance.guest_attendance() == stored.guest_attendance
    again.close()
    assert not again.isVisible()


def test_an_ordinary_association_has_no_such_list(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    session = sign_in("administrator")
    body = session.services.associations.get(session.actor, session.school, "mo-math-26")
    dialog = MeetingDialog(session, body)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.attendance.guest_members.isHidden() and dialog.meeting().guest_attendance == []
    dialog.close()
    assert not dialog.isVisible()


def test_a_member_gone_from_the_database_is_listed_by_the_name_the_mark_kept(  # type: ignore[no-untyped-def]
        qtbot, inter: tuple[Session, Association]) -> None:
    """school-8 imported again without t-04 (the membership stays): the editor lists t-04 by the name
    kept with the mark, never by an id, and gives the marks back with that name."""
    install_language_hook()
    i18n.set_language("ru")
    session, body = inter
    s, actor, school = session.services, session.actor, session.school
    name = {g.teacher: g.name for g in s.guest_members.list(actor, school, body.id)}["t-04"]
    saved = s.meetings.save(actor, school, Meeting(
        "", body.id, 1, date(2026, 12, 10), Language.RU, "t-01", "t-02",
        attendance=[Attendance("t-01", True), Attendance("t-02", True)],
        guest_attendance=[GuestAttendance(OTHER, "t-03", True), GuestAttendance(OTHER, "t-04", False, "курсы")],
        agenda=[AgendaItem(1, "Семинар", decisions=["Провести"])]))
    s.exchange.import_document(COMMAND_LINE, other_school().replace(b'"t-04"', b'"t-44"'), replace=True)
    stored = s.meetings.get(actor, school, saved.id)
    dialog = MeetingDialog(session, body, stored)
    qtbot.addWidget(dialog)
    dialog.show()
    marks = dialog.attendance.guest_members
    shown = {g.teacher: marks.table.item(row, 0).text() for row, (g, _here) in enumerate(marks.members())}
    assert shown == {"t-03": shown["t-03"], "t-04": name} and "t-03" not in shown["t-03"]
    assert {g.teacher: g.name for g in dialog.attendance.guest_attendance()}["t-04"] == name
    dialog.close()
    assert not dialog.isVisible()
