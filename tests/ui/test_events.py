"""The Events section: plan a seminar with staff, a guest and a programme, mark it held, print
the register and the certificates; refusals under their field; the editor hides on Close/Escape."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QTableWidgetItem

from desktop_app import i18n
from desktop_app.domain.event_records import EventForm, EventStatus
from desktop_app.ui.views.events import EventsView
from tests.ui.conftest import finish

from .conftest import type_text


def _view(qtbot, sign_in, role: str = "administrator") -> EventsView:  # type: ignore[no-untyped-def]
    session = sign_in(role)
    view = EventsView(session)
    qtbot.addWidget(view)
    years = session.services.schools.list_years(session.actor, session.school)
    view.set_year(next(y for y in years if y.id == "2026-2027"))
    view.resize(1200, 700)
    view.show()
    return view


def test_plan_hold_and_print_an_event(qtbot, sign_in, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in)
    before = view.model.rowCount()
    dialog = view.make_dialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form_box.setCurrentIndex(dialog.form_box.findData(EventForm.METHODICAL_LANDING.value))
    type_text(dialog.topic_kk, "Жаңартылған бағдарлама")
    type_text(dialog.topic_ru, "Обновлённая программа")
    dialog.start.setDate(QDate(2026, 12, 10))
    dialog.end.setDate(QDate(2026, 12, 10))
    people = [person for person, _name in dialog._people[:2]]
    dialog.participants.set_selected(people)
    dialog.add_guest.click()
    dialog.guests.setItem(0, 0, QTableWidgetItem("Серікова Дана"))
    dialog.guests.setItem(0, 1, QTableWidgetItem("№ 12 мектеп"))
    dialog.add_item.click()
    dialog.programme.setItem(0, 0, QTableWidgetItem("14:00"))
    dialog.programme.setItem(0, 1, QTableWidgetItem("Кіріспе сөз"))
    dialog.accept()
    finish(qtbot)
    assert dialog.saved is not None and not dialog.isVisible(), dialog.general_error.text()
    view._load()
    view.select(dialog.saved.id)
    assert view.model.rowCount() == before + 1
    event = view.selected()
    assert event is not None and event.number == before + 1 and event.end is None
    assert event.guests[0].school == "№ 12 мектеп" and event.participants == people
    assert not view.print_certificates_action.isEnabled()

    view.hold_selected()
    finish(qtbot)
    held = view.selected()
    assert held is not None and held.status is EventStatus.HELD
    assert view.print_certificates_action.isEnabled() and not view.hold_button.isEnabled()
    assert view.write_certificates(tmp_path / "c.pdf")
    finish(qtbot)
    assert len(PdfReader(tmp_path / "c.pdf").pages) == 3
    assert view.write_register(tmp_path / "r.pdf")
    finish(qtbot)
    text = " ".join(PdfReader(tmp_path / "r.pdf").pages[0].extract_text().split())  # cells wrap lines
    assert "Жаңартылған бағдарлама" in text or "Обновлённая программа" in text


def test_a_date_outside_the_year_is_refused_under_its_field(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in)
    dialog = view.make_dialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.topic_ru, "Круглый стол")
    dialog.start.setDate(QDate(2027, 8, 5))
    dialog.end.setDate(QDate(2027, 8, 5))
    dialog.accept()
    finish(qtbot)
    assert dialog.isVisible() and dialog.saved is None
    assert "2027" in dialog.errors["start"].text() and dialog.errors["start"].isVisible()
    assert dialog.topic_ru.text() == "Круглый стол"  # nothing typed is lost


def test_the_editor_hides_on_escape_and_on_cancel(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in)
    for way in ("escape", "cancel"):
        dialog = view.make_dialog(None)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        if way == "escape":
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        else:
            dialog.buttons.rejected.emit()
        assert not dialog.isVisible()


def test_a_teacher_sees_the_register_without_the_planning_buttons(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in, "viewer")
    assert not view.plan_button.isVisibleTo(view)
    assert view.print_button.isVisibleTo(view)


@pytest.mark.parametrize(("language", "words"), [("kk", "әдістемелік жұмыс іс-шаралары"),
                                                 ("ru", "Мероприятия методической работы")])
def test_the_agenda_item_shows_the_events_that_list_it(qtbot, sign_in, language: str,  # type: ignore[no-untyped-def]
                                                       words: str) -> None:
    """An event put on item 1 of meeting No. 2 is named under that item (read only), not under item 2."""
    from dataclasses import replace as changed

    from desktop_app.domain.event_records import AgendaReference
    from desktop_app.ui.dialogs.meeting.editor import MeetingDialog

    session = sign_in("administrator")
    s = session.services
    event = s.events.get(session.actor, session.school, "e-1")
    s.events.save(session.actor, session.school, changed(event, agenda=[AgendaReference("m-math-26-2", 1)]))
    i18n.set_language(language)
    body = s.associations.get(session.actor, session.school, "mo-math-26")
    dialog = MeetingDialog(session, body, s.meetings.get(session.actor, session.school, "m-math-26-2"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.autosave.stop()
    first = dialog.editors[0].events_label
    assert not first.isHidden()
    assert words.lower() in first.text().lower() and "18.11.2026" in first.text()
    assert event.topic.get(language) in first.text()
    assert all(e.events_label.isHidden() for e in dialog.editors[1:])
    dialog.reject()
    assert not dialog.isVisible()
