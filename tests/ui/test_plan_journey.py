"""Issue 6 end to end in the Plans section: a KTP imported from an .xlsx (teacher) and from a .docx
(deputy director) made here the way teachers make them, dates filled from the class timetable, a lesson
moved onto a holiday flagged in its row and blocking submission, then fixed and submitted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop_app import i18n
from desktop_app.domain.entities import PlanStatus
from desktop_app.ui.dialogs.plan.dates import PlanDatesDialog
from desktop_app.ui.dialogs.plan.editor import PlanEditorDialog
from desktop_app.ui.dialogs.plan.file_import import PlanImportDialog
from desktop_app.ui.models.plan_rows import Col
from desktop_app.ui.session import Session
from desktop_app.ui.views.plans import PlansView
from desktop_app.ui.widgets.fields import ERROR_STYLE, OK_STYLE
from tests.services.test_plan_import import KK_HEADER, RU_HEADER, docx_file, xlsx
from tests.ui.conftest import finish, finish_now

HOLIDAY = "16.12.2026"  # Independence Day

KK_LESSONS: list[list[object]] = [
    ["I тоқсан"],
    [1, "1-бөлім. Ақпарат", "Ақпарат және оның түрлері", "7.1.1.1", 1, "", ""],
    [2, "", "Ақпаратты өлшеу", "7.1.1.2", 1, "", "БЖБ"],
    ["II тоқсан"],
    [3, "2-бөлім. Алгоритмдер", "Сызықтық алгоритм", "7.2.1.1", 1, "", ""],
    [4, "", "Тармақталған алгоритм", "7.2.1.2", 1, "", ""],
]

RU_LESSONS: list[list[str]] = [
    ["I четверть"],
    ["1", "Раздел 1. Информация", "Информация и её виды", "7.1.1.1", "1", "", ""],
    ["II четверть"],
    ["2", "Раздел 2. Алгоритмы", "Линейный алгоритм", "7.2.1.1", "1", "", ""],
    ["3", "", "Ветвление", "7.2.1.2", "1", "", ""],
]


def _view(qtbot, session: Session) -> PlansView:  # type: ignore[no-untyped-def]
    view = PlansView(session)
    qtbot.addWidget(view)
    view.set_year(session.services.schools.get_year(session.actor, session.school, "2026-2027"))
    view.resize(1366, 700)
    view.show()
    return view


def _import(view: PlansView, path: Path, monkeypatch: pytest.MonkeyPatch,
            choose: object = None) -> str:
    """File → Import: the file dialog answers ``path``, the preview is checked and imported."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen: list[PlanImportDialog] = []

    def preview_and_import(dialog: PlanImportDialog) -> int:
        finish_now()  # the file is read off the GUI thread
        seen.append(dialog)
        if callable(choose):
            choose(dialog)
        assert dialog.parsed is not None and dialog.parsed.importable, dialog.parsed
        assert dialog.import_button.isEnabled()
        dialog.import_button.click()
        finish_now()
        return int(dialog.result())

    monkeypatch.setattr(PlanImportDialog, "exec", preview_and_import)
    before = {p.plan.id for p in view.model.records()}
    view.import_from_file()
    [dialog] = seen
    assert dialog.saved_plan is not None and dialog.saved_plan.status is PlanStatus.DRAFT
    assert dialog.saved_plan.id in {p.plan.id for p in view.model.records()} - before
    return dialog.saved_plan.id


def _fill_then_break_then_save(monkeypatch: pytest.MonkeyPatch, timetable: dict[int, int],
                               expect: list[str]) -> list[PlanEditorDialog]:
    """Open → Fill dates from ``timetable`` → the last lesson typed onto a holiday → Save."""
    editors: list[PlanEditorDialog] = []

    def fill(dates: PlanDatesDialog) -> int:
        dates.set_timetable(timetable)
        dates.fill_button.click()
        return int(dates.result())

    def edit(editor: PlanEditorDialog) -> int:
        editors.append(editor)
        monkeypatch.setattr(PlanDatesDialog, "exec", fill)
        editor.dates_button.click()
        last = editor.model.rowCount() - 1
        dates = [str(editor.model.data(editor.model.index(r, Col.DATE))) for r in range(last + 1)]
        assert dates == expect
        assert editor.blocked.styleSheet() == OK_STYLE
        cell = editor.model.index(last, Col.DATE)
        assert editor.model.setData(cell, HOLIDAY, Qt.ItemDataRole.EditRole)
        assert HOLIDAY in editor.model.data(cell, Qt.ItemDataRole.ToolTipRole)
        assert editor.blocked.styleSheet() == ERROR_STYLE
        editor.save_button.click()  # a draft may hold it; the submission may not
        finish_now()
        return int(editor.result())

    monkeypatch.setattr(PlanEditorDialog, "exec", edit)
    return editors


def test_a_teacher_imports_an_xlsx_fills_dates_and_cannot_submit_a_lesson_on_a_holiday(
        qtbot, sign_in, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("kk")
    teacher = sign_in("teacher")  # Ким, informatics
    view = _view(qtbot, teacher)
    path = tmp_path / "КТЖ информатика 7В.xlsx"
    path.write_bytes(xlsx(KK_HEADER, KK_LESSONS))
    plan_id = _import(view, path, monkeypatch)

    # Wednesdays, one lesson: two lessons in term 1, two in term 2 (from 04.11.2026).
    editors = _fill_then_break_then_save(monkeypatch, {2: 1},
                                         ["02.09.2026", "09.09.2026", "04.11.2026", "11.11.2026"])
    view.select_plan(plan_id)
    view.open_selected()
    assert editors and editors[0].saved_plan is not None
    view.select_plan(plan_id)
    view.submit()
    finish(qtbot)
    assert view.message.text().startswith(f"4-жол: {HOLIDAY}")  # the row and the date, as the window writes it
    plans = teacher.services.plans
    assert plans.get(teacher.actor, teacher.school, plan_id).status is PlanStatus.DRAFT

    # The teacher moves the lesson back to a school day: now it is submitted.
    fixed = plans.get(teacher.actor, teacher.school, plan_id)
    fixed.rows[-1].date = date(2026, 11, 18)
    plans.save(teacher.actor, teacher.school, fixed)
    finish(qtbot)
    view.refresh()
    view.select_plan(plan_id)
    assert view.submit(), view.message.text()
    finish(qtbot)
    assert plans.get(teacher.actor, teacher.school, plan_id).status is PlanStatus.SUBMITTED


def test_the_deputy_imports_a_docx_for_a_teacher_and_fills_its_dates(
        qtbot, sign_in, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("ru")
    deputy = sign_in("administrator")
    view = _view(qtbot, deputy)
    path = tmp_path / "КТП информатика 7А.docx"
    path.write_bytes(docx_file(RU_HEADER, RU_LESSONS, split_after=2))

    def for_kim(dialog: PlanImportDialog) -> None:
        dialog.teacher.setCurrentIndex(dialog.teacher.findData("t-05"))

    plan_id = _import(view, path, monkeypatch, for_kim)
    stored = deputy.services.plans.get(deputy.actor, deputy.school, plan_id)
    assert stored.teacher == "t-05" and [r.term for r in stored.rows] == [1, 2, 2]
    assert [r.topic for r in stored.rows] == ["Информация и её виды", "Линейный алгоритм", "Ветвление"]

    # Mondays and Thursdays: 03.09 in term 1; 02.11 and 05.11 in term 2.
    editors = _fill_then_break_then_save(monkeypatch, {0: 1, 3: 1}, ["03.09.2026", "02.11.2026", "05.11.2026"])
    view.select_plan(plan_id)
    view.open_selected()
    assert editors and editors[0].saved_plan is not None
    saved = deputy.services.plans.get(deputy.actor, deputy.school, plan_id)
    assert saved.rows[-1].date == date(2026, 12, 16)
    findings = deputy.services.plans.calendar_findings(deputy.actor, deputy.school, saved)
    assert any(f.row == 3 and f.day == date(2026, 12, 16) for f in findings)
