"""Issue 18 points 8 and 9 in the window: marks on an approved work plan's items, the theme and
goal on the plan, and the olympiads section (a result typed in, an .xlsx imported, refusals shown
where they belong). Dialogs are hidden after OK, Close or Escape."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.domain.entities import ItemState, OlympiadOutcome
from desktop_app.i18n import _
from desktop_app.ui.dialogs.work_plan import MARK, WorkPlanDialog
from desktop_app.ui.views.olympiads import OlympiadsView
from tests.services.test_olympiads import workbook
from tests.ui.conftest import finish, type_text


def _year(session, year: str = "2026-2027"):  # type: ignore[no-untyped-def]
    return next(y for y in session.services.schools.list_years(session.actor, session.school) if y.id == year)


def test_the_head_marks_an_item_of_the_approved_plan_held(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    admin = sign_in()
    body = admin.services.associations.get(admin.actor, admin.school, "mo-math-26")
    dialog = WorkPlanDialog(admin, body)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.mark_button.isVisible() and not dialog.table.isColumnHidden(MARK)
    assert not dialog.save_button.isVisible()  # the approved plan itself is locked
    dialog.table.setCurrentCell(0, 1)
    mark = dialog.make_mark_dialog(0)
    assert mark is not None
    qtbot.addWidget(mark)
    mark.show()
    mark.state.setCurrentIndex(mark.state.findData(ItemState.HELD.value))
    mark.link.setCurrentIndex(mark.link.findData("meeting:m-math-26-1"))
    mark.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    finish(qtbot)
    assert not mark.isVisible() and mark.saved is not None, mark.general_error.text()
    dialog.marked(mark.saved)
    assert _("held") in dialog.table.item(0, MARK).text()
    stored = admin.services.associations.get(admin.actor, admin.school, "mo-math-26").work_plan
    assert stored is not None and stored.items[0].mark is not None
    assert stored.items[0].mark.link is not None and stored.items[0].mark.link.id == "m-math-26-1"


def test_a_refused_mark_stays_open_with_its_reason_then_escape_hides_it(qtbot, sign_in, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    admin = sign_in()
    body = admin.services.associations.get(admin.actor, admin.school, "mo-math-26")
    dialog = WorkPlanDialog(admin, body)
    qtbot.addWidget(dialog)
    mark = dialog.make_mark_dialog(1)
    assert mark is not None
    qtbot.addWidget(mark)
    mark.show()
    mark.state.setCurrentIndex(mark.state.findData(ItemState.CANCELLED.value))
    mark.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    finish(qtbot)
    assert mark.isVisible() and mark.general_error.isVisible()
    assert "2" in mark.general_error.text()
    QTest.keyClick(mark, Qt.Key.Key_Escape)
    assert not mark.isVisible()
    stored = admin.services.associations.get(admin.actor, admin.school, "mo-math-26").work_plan
    assert stored is not None and stored.items[1].mark is None


def test_a_draft_plan_keeps_its_theme_and_goal(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    admin = sign_in()
    body = admin.services.associations.get(admin.actor, admin.school, "mo-kaz-26")
    dialog = WorkPlanDialog(admin, body)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.mark_button.isVisible() and dialog.table.isColumnHidden(MARK)
    row = dialog.add_item(None)
    dialog.table.item(row, 1).setText("Әдістемелік семинар")
    type_text(dialog.theme.pages["kk"].theme, "Функционалдық сауаттылық")
    type_text(dialog.theme.pages["ru"].goal, "Повышение качества уроков")
    assert dialog.save()
    finish(qtbot)
    stored = admin.services.associations.get(admin.actor, admin.school, "mo-kaz-26").work_plan
    assert stored is not None and stored.theme is not None and stored.theme.kk == "Функционалдық сауаттылық"
    assert stored.goal is not None and stored.goal.ru == "Повышение качества уроков"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Close).click()
    assert not dialog.isVisible()


def _olympiads(qtbot, session) -> OlympiadsView:  # type: ignore[no-untyped-def]
    view = OlympiadsView(session)
    qtbot.addWidget(view)
    view.set_year(_year(session))
    view.show()
    return view


def test_a_result_typed_in_and_a_refusal_under_its_field(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    admin = sign_in()
    view = _olympiads(qtbot, admin)
    before = view.model.rowCount()  # the demo's results
    dialog = view.make_dialog(None)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.pupil, "Әлібекова Айгүл")
    type_text(dialog.class_name, "13Ә")
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(OlympiadOutcome.PRIZE.value))
    dialog.place.setValue(2)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    finish(qtbot)
    assert dialog.isVisible() and dialog.errors["class_name"].isVisible()
    assert dialog.pupil.text() == "Әлібекова Айгүл"  # nothing typed is lost
    dialog.class_name.clear()
    type_text(dialog.class_name, "9Ә")
    ok.click()
    finish(qtbot)
    assert not dialog.isVisible() and dialog.saved is not None
    view.refresh()
    assert view.model.rowCount() == before + 1
    added = next(view.model.record(r) for r in range(view.model.rowCount())
                 if view.model.record(r).id == dialog.saved.id)
    assert added.place == 2 and added.class_name == "9Ә" and added.pupil == "Әлібекова Айгүл"
    assert str(before + 1) in view.summary.text()


def test_an_xlsx_register_imported_through_the_preview(qtbot, sign_in, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    admin = sign_in()
    view = _olympiads(qtbot, admin)
    before = view.model.rowCount()
    bad = workbook(tmp_path / "bad.xlsx", [
        ["Әлібекова Айгүл", "9Ә", "Математика", "Әбенова", "аудандық", "", "", "1 орын", None],
        ["Иванов Пётр", "14", "Химия", "Сидоров", "", "", "", "", None],
    ])
    preview = view.make_import_dialog(bad)
    assert preview is not None
    qtbot.addWidget(preview)
    preview.show()
    assert not preview.import_button.isEnabled()
    assert "«Химия»" in preview.table.item(1, 7).text()
    QTest.keyClick(preview, Qt.Key.Key_Escape)
    assert not preview.isVisible()
    view.refresh()
    assert view.model.rowCount() == before  # nothing of the refused file was written
    good = workbook(tmp_path / "good.xlsx", [
        ["Әлібекова Айгүл", "9Ә", "Математика", "Әбенова", "аудандық", "II кезең", "", "1 орын", date(2026, 11, 20)],
        ["Ким Алина", "11 Б", "Қазақ тілі", "Үсенова", "халықаралық", "", "байқау", "жеңімпаз", None],
    ])
    preview = view.make_import_dialog(good)
    assert preview is not None
    qtbot.addWidget(preview)
    preview.show()
    assert preview.import_button.isEnabled()
    preview.import_button.click()
    finish(qtbot)
    assert not preview.isVisible() and len(preview.saved) == 2
    view.imported(preview.saved)
    assert view.model.rowCount() == before + 2
