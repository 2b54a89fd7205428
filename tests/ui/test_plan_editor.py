"""The KTP editor: typed from the keyboard, rows moved, dates filled, rule 7 flagged, copied, locked."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktop_app import i18n
from desktop_app.domain.entities import AcademicYear, CalendarPlan, Language, PlanRow, PlanStatus
from desktop_app.domain.errors import DomainError, Rule
from desktop_app.ui.dialogs.plan.copy import PlanCopyDialog
from desktop_app.ui.dialogs.plan.dates import PlanDatesDialog
from desktop_app.ui.dialogs.plan.editor import AUTOSAVE_MS, PlanEditorDialog
from desktop_app.ui.language import install_language_hook
from desktop_app.ui.models.plan_rows import ERROR_COLOUR, Col
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.fields import ERROR_STYLE, OK_STYLE

from .conftest import finish, finish_now, type_text

YEAR = "2026-2027"


def _year(session: Session) -> AcademicYear:
    return session.services.schools.get_year(session.actor, session.school, YEAR)


def _open(qtbot, session: Session, plan: CalendarPlan | None = None) -> PlanEditorDialog:  # type: ignore[no-untyped-def]
    dialog = PlanEditorDialog(session, _year(session), plan)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _type_cell(text: str) -> None:
    """Type into the table as a teacher does: the first key opens the editor, Tab moves on."""
    for char in text:
        type_text(_focus(), char)
    QTest.keyClick(_focus(), Qt.Key.Key_Tab)


def _draft(session: Session, rows: list[PlanRow], teacher: str | None = None, grade: int = 7) -> CalendarPlan:
    plan = CalendarPlan("", teacher or session.actor.teacher or "", "informatics", YEAR, grade, Language.KK, 1,
                        rows=rows, classes=["7В"])
    return session.services.plans.save(session.actor, session.school, plan)


def _cell(dialog: PlanEditorDialog, row: int, column: Col) -> str:
    return str(dialog.model.data(dialog.model.index(row, column)))


def test_type_a_plan_with_the_keyboard_then_save_and_reload(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    session = sign_in("teacher")
    dialog = _open(qtbot, session)
    assert not dialog.teacher.isEnabled() and dialog.teacher.currentData() == session.actor.teacher
    dialog.grade.setValue(7)
    dialog.classes.setText("7А, 7Ә")
    # A new plan opens on an empty first row with the cursor in its topic.
    assert dialog.model.rowCount() == 1 and dialog.table.currentIndex() == dialog.model.index(0, Col.TOPIC)
    dialog.table.setFocus()
    for text in ("Компьютер және ақпарат", "7.1.1.1; 7.1.1.2", "1", "02.09.2026", "БЖБ"):
        _type_cell(text)
    # Past the last cell: a new row, the cursor in its term.
    assert dialog.model.rowCount() == 2 and dialog.table.currentIndex() == dialog.model.index(1, Col.TERM)
    for text in ("I", "7.1 бөлім", "Ақпаратты кодтау", "7.1.2.1", "0,5", "09.09.2026"):
        _type_cell(text)
    assert dialog.table.currentIndex() == dialog.model.index(1, Col.NOTE)
    QTest.keyClick(_focus(), Qt.Key.Key_Return)  # Enter moves on as Tab does: past the last cell, a new row
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=2000)  # the editor closes queued
    assert dialog.model.rowCount() == 3 and dialog.table.currentIndex() == dialog.model.index(2, Col.TERM)
    QTest.keyClick(_focus(), Qt.Key.Key_Escape)  # leave the new row's editor
    QTest.keyClick(dialog.table, Qt.Key.Key_Return)  # not editing: Enter moves on too
    assert dialog.table.currentIndex() == dialog.model.index(2, Col.SECTION)
    dialog.table.setCurrentIndex(dialog.model.index(1, Col.NOTE))
    for char in "ТЖБ":  # typed but neither Tab nor Enter: Ctrl+S keeps it
        type_text(_focus(), char)
    rows, errors = dialog.model.parse()
    assert errors == [] and len(rows) == 2  # the blank row at the end is not part of the plan
    assert [(r.number, r.term, r.topic, r.objectives, r.hours, r.date, r.note) for r in rows] == [
        (1, 1, "Компьютер және ақпарат", ["7.1.1.1", "7.1.1.2"], 1.0, date(2026, 9, 2), "БЖБ"),
        (2, 1, "Ақпаратты кодтау", ["7.1.2.1"], 0.5, date(2026, 9, 9), None),
    ]
    assert rows[1].section == "7.1 бөлім"
    QTest.keyClick(_focus(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    finish(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.saved_plan is not None
    stored = session.services.plans.get(session.actor, session.school, dialog.saved_plan.id)
    assert stored.status is PlanStatus.DRAFT and stored.classes == ["7А", "7Ә"] and stored.grade == 7
    assert [(r.topic, r.hours, r.date) for r in stored.rows] == [(r.topic, r.hours, r.date) for r in rows]
    assert [r.note for r in stored.rows] == ["БЖБ", "ТЖБ"]
    again = _open(qtbot, session, stored)
    assert _cell(again, 1, Col.HOURS) == "0,5" and _cell(again, 0, Col.OBJECTIVES) == "7.1.1.1; 7.1.1.2"


def test_insert_move_and_delete_rows_then_save(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    session = sign_in("teacher")
    plan = _draft(session, [PlanRow(i, f"Тақырып {i}", 1, term=1) for i in range(1, 5)])
    dialog = _open(qtbot, session, plan)
    dialog.table.setCurrentIndex(dialog.model.index(1, Col.TOPIC))
    dialog.insert_button.click()  # before row 2; the focus goes to the table
    _type_cell("Жаңа")
    assert [_cell(dialog, r, Col.TOPIC) for r in range(5)] == [
        "Тақырып 1", "Жаңа", "Тақырып 2", "Тақырып 3", "Тақырып 4"]
    dialog.table.setCurrentIndex(dialog.model.index(1, Col.TOPIC))
    dialog.up_button.click()
    assert _cell(dialog, 0, Col.TOPIC) == "Жаңа" and _cell(dialog, 0, Col.NUMBER) == "1"
    dialog.table.setCurrentIndex(dialog.model.index(4, Col.TOPIC))
    dialog.up_button.click()
    dialog.down_button.click()
    dialog.down_button.click()  # already the last row: nothing moves
    assert _cell(dialog, 4, Col.TOPIC) == "Тақырып 4"
    dialog.table.clearSelection()
    dialog.table.selectionModel().select(dialog.model.index(2, Col.TOPIC),
                                         dialog.table.selectionModel().SelectionFlag.Select)
    dialog.table.selectionModel().select(dialog.model.index(3, Col.TOPIC),
                                         dialog.table.selectionModel().SelectionFlag.Select)
    dialog.delete_button.click()
    assert [_cell(dialog, r, Col.TOPIC) for r in range(3)] == ["Жаңа", "Тақырып 1", "Тақырып 4"]
    assert [_cell(dialog, r, Col.NUMBER) for r in range(3)] == ["1", "2", "3"]
    dialog.save_button.click()
    finish(qtbot)
    stored = session.services.plans.get(session.actor, session.school, plan.id)
    assert [(r.number, r.topic) for r in stored.rows] == [(1, "Жаңа"), (2, "Тақырып 1"), (3, "Тақырып 4")]


def test_fill_dates_from_a_timetable(qtbot, sign_in, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("ru")
    session = sign_in("teacher")
    plan = _draft(session, [PlanRow(1, "Кіріспе", 1, term=1), PlanRow(2, "Алгоритм", 2, term=1),
                            PlanRow(3, "Цикл", 1, term=2)])
    dialog = _open(qtbot, session, plan)
    seen: list[str] = []

    def choose_wednesday_and_friday(self: PlanDatesDialog) -> int:
        self.set_timetable({2: 1, 4: 1})  # Wednesday and Friday, one lesson each
        seen.append(self.outcome.text())
        self.fill_button.click()
        return self.result()

    monkeypatch.setattr(PlanDatesDialog, "exec", choose_wednesday_and_friday)
    dialog.dates_button.click()
    assert "3 из 3" in seen[0]
    assert [_cell(dialog, r, Col.DATE) for r in range(3)] == ["02.09.2026", "04.09.2026", "04.11.2026"]
    assert "3 из 3" in dialog.summary.text()
    assert dialog.blocked.styleSheet() == OK_STYLE


def test_the_dates_dialog_says_what_did_not_fit(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    session = sign_in("teacher")
    rows = [PlanRow(i, f"Т{i}", 1, term=4) for i in range(1, 12)]
    plan = CalendarPlan("", "t-05", "informatics", YEAR, 7, Language.KK, 1, rows=rows)
    dates = PlanDatesDialog(session, _year(session), plan)
    qtbot.addWidget(dates)
    dates.set_timetable({0: 1})  # Mondays of term 4: 29.03 ... 24.05 without 10.05, eight lessons
    assert dates.filled is not None and [f.row for f in dates.findings] == [9, 10, 11]
    assert dates.not_fitting.count() == 3 and dates.fill_button.isEnabled()
    dates.set_timetable({})
    assert dates.filled is None and not dates.fill_button.isEnabled() and dates.outcome.styleSheet() == ERROR_STYLE
    i18n.set_language("ru")
    again = PlanDatesDialog(session, _year(session), CalendarPlan(
        "", "t-05", "informatics", YEAR, 7, Language.KK, 1, rows=[PlanRow(1, "Т", 1, date=date(2026, 9, 7))]))
    qtbot.addWidget(again)
    assert "1 из 1" in again.outcome.text() and "будут заменены" in again.outcome.text()


@pytest.mark.parametrize("day", ["16.12.2026", "05.09.2026"])  # Independence Day; a Saturday
def test_a_lesson_on_a_day_off_is_flagged_and_blocks_submission(qtbot, sign_in, day: str) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("kk")
    session = sign_in("teacher")
    plan = _draft(session, [PlanRow(1, "Кіріспе", 1, term=1, date=date(2026, 9, 2)),
                            PlanRow(2, "Алгоритм", 1, term=2, date=date(2026, 12, 9))])
    dialog = _open(qtbot, session, plan)
    assert dialog.blocked.styleSheet() == OK_STYLE
    dialog.table.setCurrentIndex(dialog.model.index(1, Col.DATE))
    dialog.table.setFocus()
    _type_cell(day)
    index = dialog.model.index(1, Col.DATE)
    assert dialog.model.data(index, Qt.ItemDataRole.BackgroundRole).color() == ERROR_COLOUR
    tooltip = dialog.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith(f"2-жол: {day}")
    assert dialog.blocked.styleSheet() == ERROR_STYLE and "бұғатталған" in dialog.blocked.text()
    flagged = [dialog.finding_list.item(i) for i in range(dialog.finding_list.count())]
    assert any(item.text() == tooltip for item in flagged)
    dialog.table.setCurrentIndex(dialog.model.index(0, Col.TOPIC))
    dialog._select_finding(next(item for item in flagged if item.text() == tooltip))
    assert dialog.table.currentIndex() == index
    dialog.save_button.click()  # a draft may hold it; submission may not
    finish(qtbot)
    assert dialog.saved_plan is not None
    with pytest.raises(DomainError) as refused:
        session.services.plans.submit(session.actor, session.school, plan.id)
    assert refused.value.rule is Rule.PLAN_CALENDAR and refused.value.field == "rows.2.date"


def test_copy_from_a_colleague(qtbot, sign_in, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    session = sign_in("head")  # Әбенова teaches algebra; Қасымов's algebra plan of grade 8 is the source
    dialog = _open(qtbot, session)
    dialog.subject.setCurrentIndex(dialog.subject.findData("algebra"))
    dialog.grade.setValue(8)
    dialog.hours_per_week.setValue(3)
    listed: list[list[str]] = []

    def choose_kasymov(self: PlanCopyDialog) -> int:
        listed.append([p.id for p in self.sources])
        self.select("ktp-alg8-26")
        self.copy_button.click()
        finish_now()
        return self.result()

    monkeypatch.setattr(PlanCopyDialog, "exec", choose_kasymov)
    dialog.copy_button.click()
    assert listed == [["ktp-alg8-26"]]
    source = session.services.plans.get(session.actor, session.school, "ktp-alg8-26")
    assert [_cell(dialog, r, Col.TOPIC) for r in range(dialog.model.rowCount())] == [r.topic for r in source.rows]
    assert all(_cell(dialog, r, Col.DATE) == "" for r in range(dialog.model.rowCount()))
    dialog.save_button.click()
    finish(qtbot)
    assert dialog.saved_plan is not None and dialog.saved_plan.teacher == "t-01"
    assert dialog.saved_plan.id != "ktp-alg8-26" and len(dialog.saved_plan.rows) == len(source.rows)


def test_an_approved_plan_opens_read_only(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("ru")
    session = sign_in("teacher")
    plan = session.services.plans.get(session.actor, session.school, "ktp-inf7-26")
    dialog = _open(qtbot, session, plan)
    assert dialog.model.read_only and not dialog.save_button.isVisible()
    assert not dialog.insert_button.isEnabled() and not dialog.hours_per_week.isEnabled()
    assert not dialog.model.flags(dialog.model.index(0, Col.TOPIC)) & Qt.ItemFlag.ItemIsEditable
    assert "новую версию" in dialog.status_line.text()
    dialog.table.setCurrentIndex(dialog.model.index(0, Col.TOPIC))
    dialog.table.setFocus()
    _type_cell("x")
    assert _cell(dialog, 0, Col.TOPIC) == plan.rows[0].topic
    dialog.cancel_button.click()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_a_refused_save_keeps_everything_typed(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    session = sign_in("teacher")
    plan = _draft(session, [PlanRow(1, "Кіріспе", 1, term=1, date=date(2026, 9, 2))])
    dialog = _open(qtbot, session, plan)
    dialog.model.setData(dialog.model.index(0, Col.HOURS), "көп")
    dialog.save_button.click()  # the hours are not a number: refused before the service
    finish(qtbot)
    assert dialog.isVisible() and dialog.saved_plan is None and dialog.errors["rows"].isVisible()
    assert _cell(dialog, 0, Col.HOURS) == "көп"
    dialog.model.setData(dialog.model.index(0, Col.HOURS), "2")
    dialog.model.setData(dialog.model.index(0, Col.TOPIC), "Кіріспе сабақ")
    session.services.plans.submit(session.actor, session.school, plan.id)  # meanwhile, elsewhere
    dialog.save_button.click()
    finish(qtbot)
    assert dialog.isVisible() and dialog.saved_plan is None and dialog.general_error.isVisible()
    assert plan.id in dialog.general_error.text()
    assert _cell(dialog, 0, Col.TOPIC) == "Кіріспе сабақ" and _cell(dialog, 0, Col.HOURS) == "2"


def test_the_deputy_writes_a_plan_for_any_teacher_and_the_texts_follow_the_language(  # type: ignore[no-untyped-def]
        qtbot, sign_in) -> None:
    install_language_hook()
    i18n.set_language("kk")
    session = sign_in("administrator")
    dialog = _open(qtbot, session)
    assert dialog.teacher.isEnabled() and dialog.teacher.count() > 5
    kk = (dialog.captions["hours_per_week"].text(), dialog.check_box.title(), dialog.insert_button.text(),
          dialog.summary.text(), dialog.model.headerData(Col.TOPIC, Qt.Orientation.Horizontal))
    i18n.set_language("ru")
    ru = (dialog.captions["hours_per_week"].text(), dialog.check_box.title(), dialog.insert_button.text(),
          dialog.summary.text(), dialog.model.headerData(Col.TOPIC, Qt.Orientation.Horizontal))
    assert all(a != b for a, b in zip(kk, ru, strict=True)), (kk, ru)
    assert ru[0] == "Часов в неделю" and kk[4] == "Сабақтың тақырыбы"
    dialog.teacher.setCurrentIndex(dialog.teacher.findData("t-06"))
    dialog.subject.setCurrentIndex(dialog.subject.findData("kazlang"))
    dialog.insert_button.click()
    dialog.model.setData(dialog.model.index(0, Col.TOPIC), "Фонетика")
    dialog.save_button.click()
    finish(qtbot)
    assert dialog.saved_plan is not None and dialog.saved_plan.teacher == "t-06"


# Autosave ------------------------------------------------------------------------------------
def _no_question(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton | None = None) -> list[str]:
    """Record every question; without an answer a question fails the test (autosave never asks)."""
    asked: list[str] = []

    def question(_parent: QWidget, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        assert answer is not None, f"unexpected question: {text}"
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_autosave_creates_a_draft_then_updates_it(qtbot, sign_in, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("ru")
    _no_question(monkeypatch)
    session = sign_in("teacher")
    before = {p.id for p in session.services.plans.list(session.actor, session.school, YEAR)}
    dialog = _open(qtbot, session)
    assert dialog.autosave.isActive() and dialog.autosave.interval() == AUTOSAVE_MS
    dialog.autosave.setInterval(50)
    dialog.grade.setValue(7)
    dialog.insert_button.click()
    dialog.model.setData(dialog.model.index(0, Col.TOPIC), "Кіріспе")
    qtbot.waitUntil(lambda: "классы" in dialog.autosave_label.text(), timeout=3000)  # the header is not complete
    assert dialog.saved_plan is None and dialog.dirty
    dialog.classes.setText("7А")
    dialog.model.setData(dialog.model.index(0, Col.DATE), "02.09.2026")
    qtbot.waitUntil(lambda: dialog.saved_plan is not None, timeout=3000)
    first = dialog.saved_plan
    assert first is not None and first.id and first.status is PlanStatus.DRAFT and not dialog.dirty
    assert "автоматически" in dialog.autosave_label.text() and dialog.original.id == first.id
    assert "Статус" in dialog.status_line.text()  # no longer "a new plan"
    dialog.model.setData(dialog.model.index(0, Col.TOPIC), "Кіріспе сабақ")
    qtbot.waitUntil(lambda: dialog.saved_plan is not None and dialog.saved_plan.rows[0].topic == "Кіріспе сабақ",
                    timeout=3000)
    after = {p.id for p in session.services.plans.list(session.actor, session.school, YEAR)}
    assert after - before == {first.id}  # one plan, saved twice
    stored = session.services.plans.get(session.actor, session.school, first.id)
    assert stored.classes == ["7А"]
    assert [(r.topic, r.date) for r in stored.rows] == [("Кіріспе сабақ", date(2026, 9, 2))]
    dialog.cancel_button.click()  # nothing left unsaved: no question; the caller reloads
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.autosave.isActive()


def test_autosave_keeps_an_invalid_row_unsaved_and_closing_asks_only_then(  # type: ignore[no-untyped-def]
        qtbot, sign_in, monkeypatch) -> None:
    i18n.set_language("kk")
    session = sign_in("teacher")
    plan = _draft(session, [PlanRow(1, "Кіріспе", 1, term=1), PlanRow(2, "Алгоритм", 1, term=1)])
    dialog = _open(qtbot, session, plan)
    dialog.autosave.stop()
    asked = _no_question(monkeypatch)
    dialog.model.setData(dialog.model.index(0, Col.TOPIC), "Кіріспе сабақ")
    dialog.model.setData(dialog.model.index(1, Col.HOURS), "көп")
    assert dialog.autosave_draft() is False and "көп" in dialog.autosave_label.text()
    assert _cell(dialog, 1, Col.HOURS) == "көп" and _cell(dialog, 0, Col.TOPIC) == "Кіріспе сабақ"
    stored = session.services.plans.get(session.actor, session.school, plan.id)
    assert [r.topic for r in stored.rows] == ["Кіріспе", "Алгоритм"] and dialog.saved_plan is None

    asked = _no_question(monkeypatch, QMessageBox.StandardButton.No)
    dialog.cancel_button.click()  # cannot be saved: the existing question; No keeps everything
    assert asked == [i18n._("Close without saving the changes?")] and dialog.isVisible()
    assert _cell(dialog, 1, Col.HOURS) == "көп"

    dialog.model.setData(dialog.model.index(1, Col.HOURS), "2")
    asked = _no_question(monkeypatch)
    dialog.cancel_button.click()  # now it can be: saved on closing (off the GUI thread), nothing asked
    assert dialog.isVisible()  # the dialog goes only once its save is done
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = session.services.plans.get(session.actor, session.school, plan.id)
    assert [(r.topic, r.hours) for r in stored.rows] == [("Кіріспе сабақ", 1), ("Алгоритм", 2)]
    assert dialog.saved_plan is not None and dialog.saved_plan.id == plan.id


def test_autosave_stops_for_a_read_only_plan(qtbot, sign_in, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _no_question(monkeypatch)
    session = sign_in("teacher")
    plan = session.services.plans.get(session.actor, session.school, "ktp-inf7-26")  # approved
    dialog = _open(qtbot, session, plan)
    assert not dialog.autosave.isActive()
    dialog.dirty = True
    assert dialog.autosave_draft() is False and dialog.autosave_label.text() == ""
    dialog.cancel_button.click()
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.saved_plan is None



def test_closing_while_an_autosave_runs_waits_and_saves_what_was_typed_meanwhile(  # type: ignore[no-untyped-def]
        qtbot, sign_in, monkeypatch) -> None:
    """The automatic save runs off the GUI thread: the window answers meanwhile, a change typed
    during it is not lost, and Close waits for it, then saves the rest before the dialog goes."""
    _no_question(monkeypatch)
    session = sign_in("teacher")
    plan = _draft(session, [PlanRow(1, "Кіріспе", 1, term=1)])
    dialog = _open(qtbot, session, plan)
    dialog.autosave.stop()
    service = session.services.plans
    real_save, gate, threads = service.save, threading.Event(), []

    def slow_save(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        assert gate.wait(10)
        return real_save(*args, **kwargs)

    monkeypatch.setattr(service, "save", slow_save)
    dialog.model.setData(dialog.model.index(0, Col.TOPIC), "Кіріспе сабақ")
    assert dialog.autosave_draft() is True  # started; the outcome comes later
    dialog.model.setData(dialog.model.index(0, Col.HOURS), "2")  # typed while it saves
    dialog.cancel_button.click()
    QApplication.processEvents()
    assert dialog.isVisible()  # not gone before the saves are done
    gate.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.dirty
    stored = session.services.plans.get(session.actor, session.school, plan.id)
    assert [(r.topic, r.hours) for r in stored.rows] == [("Кіріспе сабақ", 2)]


def test_a_refused_autosave_keeps_the_text_and_says_why(qtbot, sign_in, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("ru")
    _no_question(monkeypatch)
    session = sign_in("teacher")
    plan = _draft(session, [PlanRow(1, "Кіріспе", 1, term=1)])
    dialog = _open(qtbot, session, plan)
    dialog.autosave.stop()

    def refuse(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise DomainError(Rule.PLAN_CALENDAR, "The plan's calendar does not fit the year.")

    monkeypatch.setattr(session.services.plans, "save", refuse)
    dialog.model.setData(dialog.model.index(0, Col.TOPIC), "Кіріспе сабақ")
    assert dialog.autosave_draft() is True
    finish_now()
    assert dialog.dirty and dialog.saved_plan is None and _cell(dialog, 0, Col.TOPIC) == "Кіріспе сабақ"
    assert "calendar" in dialog.autosave_label.text() and dialog.isVisible()


# Delete clears cells -------------------------------------------------------------------------
def test_delete_clears_the_selected_cells_and_ctrl_delete_the_rows(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    session = sign_in("teacher")
    plan = _draft(session, [PlanRow(1, "Кіріспе", 1, term=1, date=date(2026, 9, 2), note="БЖБ"),
                            PlanRow(2, "Алгоритм", 1, term=2, date=date(2026, 12, 16)),  # Independence Day
                            PlanRow(3, "Цикл", 1, term=2)])
    dialog = _open(qtbot, session, plan)
    dialog.autosave.stop()
    assert dialog.blocked.styleSheet() == ERROR_STYLE
    selection = dialog.table.selectionModel()
    dialog.table.setCurrentIndex(dialog.model.index(1, Col.DATE))
    selection.select(dialog.model.index(0, Col.NOTE), selection.SelectionFlag.Select)
    dialog.table.setFocus()
    with qtbot.waitSignal(dialog.model.dataChanged):
        QTest.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert dialog.model.rowCount() == 3 and dialog.dirty
    assert _cell(dialog, 1, Col.DATE) == "" and _cell(dialog, 0, Col.NOTE) == ""
    assert _cell(dialog, 1, Col.TOPIC) == "Алгоритм" and _cell(dialog, 0, Col.DATE) == "02.09.2026"
    assert dialog.blocked.styleSheet() == OK_STYLE  # the calendar check follows
    dialog.table.clearSelection()
    dialog.table.setCurrentIndex(dialog.model.index(0, Col.TOPIC))
    QTest.keyClick(dialog.table, Qt.Key.Key_Backspace)  # not editing: Backspace clears too
    assert _cell(dialog, 0, Col.TOPIC) == "" and dialog.model.rowCount() == 3
    assert dialog.errors["rows"].isVisible()  # a lesson without a topic is not saved
    dialog.table.setCurrentIndex(dialog.model.index(1, Col.TOPIC))
    QTest.keyClick(dialog.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert dialog.model.rowCount() == 2 and _cell(dialog, 1, Col.TOPIC) == "Цикл"


# Copy brings the header --------------------------------------------------------------------
def test_copy_brings_hours_per_week_and_classes_when_none_are_typed(  # type: ignore[no-untyped-def]
        qtbot, sign_in, monkeypatch) -> None:
    i18n.set_language("ru")
    session = sign_in("head")
    source = session.services.plans.get(session.actor, session.school, "ktp-alg8-26")  # 3 h, 8В, t-02

    def choose(self: PlanCopyDialog) -> int:
        self.select(source.id)
        self.copy_button.click()
        finish_now()
        return self.result()

    monkeypatch.setattr(PlanCopyDialog, "exec", choose)
    dialog = _open(qtbot, session)
    dialog.autosave.stop()
    dialog.subject.setCurrentIndex(dialog.subject.findData("algebra"))
    dialog.grade.setValue(8)
    dialog.hours_per_week.setValue(1.5)
    dialog.copy_button.click()
    assert dialog.hours_per_week.value() == source.hours_per_week and dialog.classes.text() == "8В"
    assert dialog.teacher.currentData() == "t-01" and dialog.grade.value() == 8 and dialog.dirty
    note = dialog.status_line.text()
    assert "Скопировано" in note and "8В" in note and "3 ч" in note and f"({len(source.rows)})" in note

    other = _open(qtbot, session)
    other.autosave.stop()
    other.subject.setCurrentIndex(other.subject.findData("algebra"))
    other.grade.setValue(8)
    other.classes.setText("8А")
    other.copy_button.click()
    assert other.classes.text() == "8А" and other.hours_per_week.value() == source.hours_per_week
    assert "8В" not in other.status_line.text() and "3 ч" in other.status_line.text()
    i18n.set_language("kk")
    other.retranslate_ui()
    assert "Скопировано" not in other.status_line.text()
    other.save_button.click()
    finish(qtbot)
    assert other.saved_plan is not None and other.saved_plan.classes == ["8А"]
    assert other.saved_plan.hours_per_week == source.hours_per_week and other.saved_plan.teacher == "t-01"
