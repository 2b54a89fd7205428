"""The meeting editor as the user sees it while typing (issue 13, points 3 and 5): the automatic
save does not shout, a fixed problem clears at once, the speakers follow the attendance, the
Status box says finalized after Finalize, a new item has a title in the user's language, and a
digit typed into the middle of a date field changes the date."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app import i18n
from desktop_app.domain.entities import MeetingStatus
from desktop_app.domain.errors import Rule, rule_label
from desktop_app.i18n import _
from desktop_app.ui.dialogs.meeting import MeetingDialog
from desktop_app.ui.dialogs.teacher import OptionalDate
from desktop_app.ui.labels import MEETING_STATUS_LABELS, label
from desktop_app.ui.session import Session
from desktop_app.ui.views.meetings import MeetingsView
from desktop_app.ui.widgets.fields import date_edit, date_of
from tests.ui.conftest import finish, type_text

BODY = "mo-math-26"


@pytest.fixture
def dialog(qtbot, sign_in) -> MeetingDialog:  # type: ignore[no-untyped-def]
    session: Session = sign_in("administrator")
    body = session.services.associations.get(session.actor, session.school, BODY)
    opened = MeetingDialog(session, body)
    qtbot.addWidget(opened)
    opened.resize(1366, 740)
    opened.show()
    opened.header.date.setDate(QDate(2026, 11, 20))
    opened.header.select(opened.header.chair, "t-01")
    opened.header.select(opened.header.secretary, "t-05")
    return opened


def combo_keys(combo) -> list[str]:  # type: ignore[no-untyped-def]
    return [combo.itemData(i) for i in range(combo.count())]


def test_the_automatic_save_is_calm_and_a_fixed_problem_clears_at_once(qtbot, dialog: MeetingDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.add_item_button, Qt.MouseButton.LeftButton)
    editor = dialog.editors[0]
    type_text(editor.title, "Әдістемелік апталық")  # no decision yet: the user is still typing

    assert dialog.autosave_draft()  # the 30-second timer fires mid-typing
    finish(qtbot)
    assert not dialog.general_error.isVisible() and not editor.decisions_error.isVisible()
    note = dialog.autosave_label.text()
    assert note.startswith(_("Not saved automatically yet: {reason}").split("{")[0]) and "1" in note
    assert dialog.autosave_label.objectName() == "viewNote"  # the grey note, not the red label
    assert dialog.saved is None

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # an explicit Save shows it in red
    finish(qtbot)
    assert editor.decisions_error.isVisible() and dialog.general_error.isVisible()
    assert dialog.general_error.text().startswith(_("Not saved: {reason}").split("{")[0])

    type_text(editor.decisions, "Апталықты желтоқсанда өткізу")  # fixed: the red text goes at once
    qtbot.waitUntil(lambda: not editor.decisions_error.isVisible() and not dialog.general_error.isVisible(),
                    timeout=3000)
    assert dialog.saved is None  # nothing was saved behind the user's back
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert dialog.saved is not None and not dialog.general_error.isVisible()


def test_a_problem_that_remains_stays_on_screen(qtbot, dialog: MeetingDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.add_item_button, Qt.MouseButton.LeftButton)
    editor = dialog.editors[0]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert editor.decisions_error.isVisible()
    type_text(editor.title, "Тақырып")  # another field: the decision is still missing
    qtbot.wait(800)
    assert editor.decisions_error.isVisible() and dialog.general_error.isVisible()


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_speaker_choices_follow_the_attendance(qtbot, sign_in, language: str) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(language)
    session: Session = sign_in("administrator")
    body = session.services.associations.get(session.actor, session.school, BODY)
    dialog = MeetingDialog(session, body)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.header.date.setDate(QDate(2026, 11, 20))
    dialog.header.select(dialog.header.chair, "t-01")
    dialog.header.select(dialog.header.secretary, "t-05")
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.add_item_button, Qt.MouseButton.LeftButton)
    editor = dialog.editors[0]
    type_text(editor.title, "Апталық")
    type_text(editor.decisions, "Өткізілсін")
    assert "member:t-03" in combo_keys(editor.heard_speaker)
    dialog.attendance.set_present("t-03", False, "ауырып қалды")
    assert "member:t-03" not in combo_keys(editor.heard_speaker)  # an absent member is not offered
    assert not editor.speaker_error.isVisible()

    editor.heard_speaker.select("member:t-02")
    type_text(editor.heard_text, "Баяндама")
    dialog.attendance.set_present("t-02", False)  # chosen, then marked absent: kept and flagged at once
    assert editor.heard_speaker.currentData() == "member:t-02"
    name = dialog.attendance.name("t-02")
    assert editor.heard_speaker.currentText() == _("{name} (marked absent)").format(name=name)
    assert editor.speaker_error.isVisible()
    assert rule_label(Rule.MEETING_ATTENDANCE, _) in editor.speaker_error.text()
    assert name in editor.speaker_error.text() and _("HEARD") in editor.speaker_error.text()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # the service refuses it too
    finish(qtbot)
    assert dialog.saved is None and dialog.general_error.isVisible() and editor.speaker_error.isVisible()

    dialog.attendance.set_present("t-02", True)
    assert not editor.speaker_error.isVisible()
    assert editor.heard_speaker.currentText() == name
    qtbot.waitUntil(lambda: not dialog.general_error.isVisible(), timeout=3000)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert dialog.saved is not None and dialog.saved.agenda[0].heard[0].speaker == "t-02"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_status_box_says_finalized_after_finalize(qtbot, dialog: MeetingDialog, language: str,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.set_language(language)
    dialog.retranslate_ui()
    qtbot.mouseClick(dialog.add_item_button, Qt.MouseButton.LeftButton)
    type_text(dialog.editors[0].title, "Әдістемелік апталық")
    type_text(dialog.editors[0].decisions, "Өткізілсін")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.finalize_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert dialog.saved is not None and dialog.saved.status is MeetingStatus.FINALIZED
    assert dialog.header.status.currentText() == label(MEETING_STATUS_LABELS, MeetingStatus.FINALIZED)
    assert dialog.header.status.currentText() != label(MEETING_STATUS_LABELS, MeetingStatus.DRAFT)
    assert not dialog.header.isEnabled() and not dialog.editors[0].isEnabled()  # read-only (rule 5)
    assert not dialog.save_button.isEnabled() and not dialog.finalize_button.isEnabled()
    assert dialog.autosave_label.text() == _("The protocol is finalized and locked.")


@pytest.mark.parametrize(("language", "untitled"), [("kk", "(атауы әлі жоқ)"), ("ru", "(без названия)")])
def test_a_new_item_is_titled_in_the_users_language(qtbot, sign_in, language: str, untitled: str) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(language)
    session: Session = sign_in("administrator")
    dialog = MeetingDialog(session, session.services.associations.get(session.actor, session.school, BODY))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.add_item_button, Qt.MouseButton.LeftButton)
    assert dialog.items.item(0).text() == f"1. {untitled}"
    type_text(dialog.editors[0].title, "КТЖ")
    assert dialog.items.item(0).text() == "1. КТЖ"


def _typed_into_the_middle(qtbot, edit, position: int, key: Qt.Key) -> str:  # type: ignore[no-untyped-def]
    edit.setFocus()
    line = edit.lineEdit()
    line.deselect()
    line.setCursorPosition(position)
    qtbot.keyClick(edit, key)
    return str(line.text())


@pytest.mark.parametrize("make", [
    lambda: (edit := date_edit(date(2026, 12, 6)), edit),
    lambda: (owner := OptionalDate(date(2026, 12, 6)), owner.edit),
], ids=["date_edit", "teacher-optional-date"])
def test_a_digit_typed_into_the_middle_of_a_date_changes_it(qtbot, make) -> None:  # type: ignore[no-untyped-def]
    owner, edit = make()
    qtbot.addWidget(owner)
    owner.show()
    assert edit.lineEdit().text() == "06.12.2026"
    assert _typed_into_the_middle(qtbot, edit, 1, Qt.Key.Key_1) == "01.12.2026"  # 0|6 → 01
    assert date_of(edit) == date(2026, 12, 1)
    assert edit.lineEdit().cursorPosition() == 2
    assert _typed_into_the_middle(qtbot, edit, 4, Qt.Key.Key_1) == "01.11.2026"  # 1|2 → 11
    assert _typed_into_the_middle(qtbot, edit, 9, Qt.Key.Key_7) == "01.11.2027"  # 202|6 → 2027
    assert date_of(edit) == date(2027, 11, 1)


def test_the_meeting_date_takes_a_digit_typed_into_the_middle(qtbot, dialog: MeetingDialog) -> None:  # type: ignore[no-untyped-def]
    field = dialog.header.date
    assert field.lineEdit().text() == "20.11.2026"
    assert _typed_into_the_middle(qtbot, field, 1, Qt.Key.Key_7) == "27.11.2026"
    assert dialog.meeting().date == date(2026, 11, 27)


def test_an_extract_is_offered_only_for_a_finalized_protocol(qtbot, sign_in, tmp_path) -> None:  # type: ignore[no-untyped-def]
    session: Session = sign_in("administrator")
    view = MeetingsView(session)
    qtbot.addWidget(view)
    year = next(y for y in session.services.schools.list_years(session.actor, session.school)
                if y.id == "2026-2027")
    view.set_year(year)
    view.body_combo.setCurrentIndex(view.body_combo.findData(BODY))
    view.show()
    view.select("m-math-26-2")  # held, not finalized
    assert not view.extract_button.isEnabled()
    assert view.extract_button.toolTip() == _("An extract is issued only from a finalized protocol.")
    assert view.write_extract(tmp_path / "x.pdf", 1)  # asked anyway: the service's refusal is shown
    finish(qtbot)
    assert "m-math-26-2" in view.message.text() and not (tmp_path / "x.pdf").exists()
    view.select("m-math-26-1")  # finalized
    assert view.extract_button.isEnabled() and view.extract_button.toolTip() == ""
    assert view.write_extract(tmp_path / "x.pdf", 1)
    finish(qtbot)
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(("language", "words"), [("kk", "тапсырылды"), ("ru", "сдан")])
def test_a_plan_submitted_today_is_not_offered_a_meeting_held_before(qtbot, sign_in, services, language: str,  # type: ignore[no-untyped-def]
                                                                     words: str) -> None:
    """Rule 6 in the window: the consider dialog offers no meeting held before the submission and
    says why; the same plan submitted in early November is offered meeting No. 2 of 06.11."""
    from dataclasses import replace

    from desktop_app.ui.dialogs.plan.consider import PlanConsiderDialog
    from desktop_app.ui.labels import short_date
    from tests.ui.conftest import submit_on

    i18n.set_language(language)
    head = sign_in("head")
    deputy = sign_in("administrator")
    base = services.plans.get(deputy.actor, deputy.school, "ktp-inf7-26")
    bodies = services.associations.list(deputy.actor, deputy.school, "2026-2027")
    for submit in (lambda p: services.plans.submit(deputy.actor, deputy.school, p),
                   lambda p: submit_on(services, deputy, p)):
        plan = services.plans.save(deputy.actor, deputy.school, replace(
            base, id="", teacher="t-03", grade=7, review=None, agreed=None, approved=None))
        submit(plan.id)
        plan = services.plans.get(head.actor, head.school, plan.id)
        dialog = PlanConsiderDialog(head, plan, plan.id, bodies)
        qtbot.addWidget(dialog)
        dialog.show()
        submitted = services.plans.submitted_on(head.actor, head.school, plan.id)
        if submitted > date(2026, 11, 6):
            assert dialog.choices == [] and dialog.general_error.isVisible()
            assert short_date(submitted) in dialog.general_error.text() and words in dialog.general_error.text()
        else:
            assert "m-math-26-2" in [c.meeting.id for c in dialog.choices]
            assert not dialog.general_error.isVisible()
