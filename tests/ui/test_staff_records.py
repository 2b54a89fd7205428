"""The Attestation and courses section: an application through its dialog, a refusal under its
field with the input kept, the result that changes the teacher's category, a course with its
certificate, the needs summary; dialogs hide on OK and on Escape; the window at 1366×768."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.domain.entities import Category
from desktop_app.ui.views.staff_records import StaffRecordsView
from tests.ui.conftest import finish

from .conftest import type_text


def _view(qtbot, sign_in, role: str = "administrator") -> StaffRecordsView:  # type: ignore[no-untyped-def]
    session = sign_in(role)
    view = StaffRecordsView(session)
    qtbot.addWidget(view)
    years = session.services.schools.list_years(session.actor, session.school)
    view.set_year(next(y for y in years if y.id == "2026-2027"))
    view.resize(1200, 700)
    view.show()
    return view


def test_an_application_refused_then_saved_and_its_result(qtbot, sign_in, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in)
    tab = view.attestation
    before = tab.model.rowCount()
    assert before == 3  # the demo school's register
    dialog = tab.make_dialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.teacher.setCurrentIndex(dialog.teacher.findData("t-03"))  # held: researcher
    assert dialog.held.text() == "педагог-исследователь"  # the window speaks Russian here
    dialog.sought_category.setCurrentIndex(dialog.sought_category.findData(Category.MODERATOR.value))
    dialog.meeting.setCurrentIndex(dialog.meeting.findData("m-math-26-2"))
    dialog.portfolio.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.applied_on.setDate(QDate(2026, 10, 1))
    dialog.accept()
    finish(qtbot)
    assert dialog.isVisible() and dialog.errors["sought_category"].isVisible()  # below the one held
    assert dialog.meeting.currentData() == "m-math-26-2"  # nothing typed is lost
    dialog.sought_category.setCurrentIndex(dialog.sought_category.findData(Category.MASTER.value))
    dialog.accept()
    finish(qtbot)
    assert dialog.saved is not None and not dialog.isVisible(), dialog.general_error.text()
    view.refresh()  # what the section does after the dialog's exec() (and the window on its change)
    assert tab.model.rowCount() == before + 1
    tab.proxy.select_id(tab.table, dialog.saved.id)
    assert tab.result_button.isEnabled()
    result = tab.make_result_dialog()
    qtbot.addWidget(result)
    result.show()
    result.accept()  # no order number
    finish(qtbot)
    assert result.isVisible() and result.errors["order_number"].isVisible()
    type_text(result.order_number, "№ 7-ж")
    result.order_date.setDate(QDate(2026, 12, 1))
    result.accept()
    finish(qtbot)
    assert not result.isVisible(), [e.text() for e in result.errors.values()]
    session = view.session
    assert session.services.teachers.get(session.actor, session.school, "t-03").category is Category.MASTER
    assert tab.write_paper(tmp_path / "list.pdf", "attestations")
    finish(qtbot)
    assert "СПИСОК ПЕДАГОГОВ" in (PdfReader(tmp_path / "list.pdf").pages[0].extract_text() or "")


def test_escape_hides_the_dialog_after_asking(qtbot, sign_in, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in)
    dialog = view.attestation.make_dialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.portfolio.item(1).setCheckState(Qt.CheckState.Checked)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_course_with_its_certificate_and_the_needs(qtbot, sign_in, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in)
    tab = view.courses
    groups = [tab.needs_tree.topLevelItem(i).text(0) for i in range(tab.needs_tree.topLevelItemCount())]
    assert len(groups) == 4  # every association of the year
    file = tmp_path / "сертификат.pdf"
    file.write_bytes(b"%PDF-1.4 certificate")
    dialog = tab.make_dialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.teacher.setCurrentIndex(dialog.teacher.findData("t-04"))
    type_text(dialog.title, "Цифрлық сауаттылық")
    dialog.starts_on.setDate(QDate(2026, 11, 2))
    dialog.ends_on.setDate(QDate(2026, 11, 1))
    dialog.choose_file(file)
    dialog.accept()
    finish(qtbot)
    assert dialog.isVisible() and dialog.errors["provider"].isVisible()
    type_text(dialog.provider, "«Өрлеу»")
    dialog.accept()
    finish(qtbot)
    assert dialog.errors["ends_on"].isVisible() and dialog.title.text() == "Цифрлық сауаттылық"
    dialog.ends_on.setDate(QDate(2026, 11, 6))
    dialog.accept()
    finish(qtbot)
    assert dialog.saved is not None and not dialog.isVisible()
    assert dialog.saved.file is not None and dialog.saved.file.name == "сертификат.pdf"


def test_a_teacher_sees_only_their_own_records(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in, "teacher")
    session = view.session
    assert all(r.teacher == session.actor.teacher for r in view.attestation.model.records())
    assert not view.attestation.new_button.isVisible() and not view.attestation.print_button.isVisible()
    view.tabs.setCurrentIndex(1)
    assert view.courses.add_button.isVisible() and view.courses.editable == [session.actor.teacher]


def test_the_window_opens_the_section_at_1366x768(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 768)
    window.show_section("staff_records")
    view = window.current_view()
    assert isinstance(view, StaffRecordsView) and view.isVisible()
    assert view.attestation.table.model().rowCount() == 3
    assert window.width() <= 1366 and window.height() <= 768
