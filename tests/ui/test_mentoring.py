"""The Mentoring section: assign a mentor from the suggestions, log sessions (one also as a lesson
visit), refusals of rule 8 by the field, completion, printing and the .xlsx register."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt

from desktop_app.domain.entities import MentorshipStatus, SessionKind
from desktop_app.ui.views.mentoring import MentoringView
from tests.ui.conftest import finish

from .conftest import type_text


def _view(qtbot, sign_in, role: str = "administrator") -> MentoringView:  # type: ignore[no-untyped-def]
    session = sign_in(role)
    view = MentoringView(session)
    qtbot.addWidget(view)
    years = session.services.schools.list_years(session.actor, session.school)
    view.set_year(next(y for y in years if y.id == "2026-2027"))
    view.resize(1200, 700)
    view.show()
    return view


def _suggested(view: MentoringView) -> list[str]:
    return [view.suggestions.item(i).data(Qt.ItemDataRole.UserRole) for i in range(view.suggestions.count())]


def test_assign_from_suggestions_log_and_complete(qtbot, sign_in, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in)
    assert "t-11" in _suggested(view)
    before = view.model.rowCount()
    view.suggestions.setCurrentRow(_suggested(view).index("t-11"))
    dialog = view.make_assign_dialog(view.suggestions.currentItem().data(Qt.ItemDataRole.UserRole))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.mentee.currentData() == "t-11"
    assert dialog.mentor.currentData() == "t-09"  # the expert of primary classes, no mentees yet
    assert dialog.mentor.currentText().startswith("★")
    type_text(dialog.order_number, "45-Ж")
    dialog.order_date.check.setChecked(True)
    dialog.order_date.edit.setDate(QDate(2026, 9, 1))
    dialog.goals.setPlainText("Қысқа мерзімді жоспар\nБағалау")
    dialog.add_activity(None)
    dialog.plan.item(0, 1).setText("Кеңес")
    dialog.plan.item(0, 2).setCheckState(Qt.CheckState.Checked)
    dialog.accept()
    finish(qtbot)
    assert dialog.saved is not None and not dialog.isVisible(), dialog.general_error.text()
    view.saved(dialog.saved)
    assert view.model.rowCount() == before + 1
    assert "t-11" not in _suggested(view)
    record = view.selected()
    assert record is not None and record.mentee == "t-11" and record.order is not None
    assert record.plan[0].done and record.goals == ["Қысқа мерзімді жоспар", "Бағалау"]

    session_dialog = view.make_session_dialog()
    qtbot.addWidget(session_dialog)
    session_dialog.show()
    session_dialog.date.setDate(QDate(2026, 10, 5))
    type_text(session_dialog.topic, "Сабақ жоспары")
    session_dialog.notes.setPlainText("Мақсаттар нақтыланды")
    session_dialog.accept()
    finish(qtbot)
    assert session_dialog.saved is not None and not session_dialog.isVisible()
    view.saved(session_dialog.saved)

    visit_dialog = view.make_session_dialog()
    qtbot.addWidget(visit_dialog)
    visit_dialog.show()
    visit_dialog.kind.setCurrentIndex(visit_dialog.kind.findData(SessionKind.MENTOR_VISITS_LESSON.value))
    visit_dialog.date.setDate(QDate(2026, 11, 12))
    type_text(visit_dialog.topic, "Бөлшектер")
    visit_dialog.as_visit.setChecked(True)
    assert visit_dialog.subject.isEnabled()
    type_text(visit_dialog.class_name, "1Ә")
    visit_dialog.accept()
    finish(qtbot)
    assert visit_dialog.saved is not None and not visit_dialog.isVisible(), visit_dialog.general_error.text()
    view.saved(visit_dialog.saved)
    assert view.sessions.rowCount() == 2
    link = view.sessions.record(1).lesson_visit
    assert link
    s = view.session
    assert s.services.visits.get(s.actor, s.school, link).teacher == "t-11"

    assert view.write_plan(tmp_path / "plan.pdf")
    finish(qtbot)
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")
    assert view.write_register(tmp_path / "mentoring.xlsx")
    finish(qtbot)
    book = load_workbook(tmp_path / "mentoring.xlsx")
    assert book.worksheets[1].max_row >= 3

    closing = view.make_close_dialog()
    qtbot.addWidget(closing)
    closing.show()
    closing.accept()
    finish(qtbot)
    assert closing.saved is None and closing.isVisible() and (not closing.errors["conclusion"].isHidden())
    closing.conclusion.setPlainText("Жоспар орындалды")
    closing.accept()
    finish(qtbot)
    assert closing.saved is not None and not closing.isVisible()
    view.saved(closing.saved)
    assert view.selected().status is MentorshipStatus.COMPLETED
    assert not view.log_button.isEnabled()


def test_rule_8_refusals_are_shown_by_the_field_and_input_kept(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in)
    dialog = view.make_assign_dialog("t-11")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.mentor.setCurrentIndex(dialog.mentor.findData("t-11"))
    dialog.accept()
    finish(qtbot)
    assert dialog.saved is None and dialog.isVisible()
    assert (not dialog.errors["mentee"].isHidden()) and dialog.errors["mentee"].text()
    dialog.mentor.setCurrentIndex(0)
    dialog.end.setDate(QDate(2027, 8, 15))
    dialog.accept()
    finish(qtbot)
    assert dialog.saved is None and dialog.isVisible() and (not dialog.errors["end"].isHidden())
    assert dialog.end.date().toPython() == date(2027, 8, 15)
    assert dialog.errors["mentee"].isHidden()


def test_a_session_outside_the_period_is_refused_under_the_date(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in)
    view.table.selectRow(0)
    dialog = view.make_session_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date.setDate(QDate(2027, 7, 1))
    type_text(dialog.topic, "Жаз")
    dialog.accept()
    finish(qtbot)
    assert dialog.saved is None and dialog.isVisible() and (not dialog.errors["date"].isHidden())
    assert dialog.topic.text() == "Жаз"


def test_a_teacher_sees_only_own_mentorships_and_no_assign(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in, "teacher")
    assert not view.assign_button.isVisibleTo(view)
    assert view.suggestions.count() == 0


def test_models(qtmodeltester, qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in)
    view.table.selectRow(0)
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.sessions)
