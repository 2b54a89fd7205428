"""The KTP editor refuses a cell at the cell, with the message the save gives, and loses nothing typed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app import i18n
from desktop_app.domain.entities import CalendarPlan, Language, PlanRow
from desktop_app.domain.errors import DomainError
from desktop_app.ui.dialogs.plan.editor import PlanEditorDialog
from desktop_app.ui.models.plan_rows import ERROR_COLOUR, Col
from desktop_app.ui.session import Session

from .conftest import finish, type_text

YEAR = "2026-2027"


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_typing_thirty_hours_shows_the_refusal_of_the_save_and_keeps_the_text(  # type: ignore[no-untyped-def]
        qtbot, sign_in, language: str) -> None:
    i18n.set_language(language)
    session: Session = sign_in("teacher")
    s = session
    row = PlanRow(1, "Кіріспе", 1, term=1, date=date(2026, 9, 2))
    plan = s.services.plans.save(s.actor, s.school, CalendarPlan(
        "", s.actor.teacher or "", "informatics", YEAR, 7, Language.KK, 1, rows=[row], classes=["7В"]))
    with pytest.raises(DomainError) as refused:  # what the save says of 30 hours
        s.services.plans.save(s.actor, s.school, replace(plan, rows=[replace(row, hours=30)]))
    message = refused.value.render(i18n._)

    dialog = PlanEditorDialog(session, s.services.schools.get_year(s.actor, s.school, YEAR), plan)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 700)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    dialog.autosave.stop()
    hours = dialog.model.index(0, Col.HOURS)
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(hours)
    for char in "30":  # typed from the keyboard: the first key opens the cell's editor
        type_text(_focus(), char)
    QTest.keyClick(_focus(), Qt.Key.Key_Tab)

    assert dialog.model.data(hours) == "30"
    assert dialog.model.data(hours, Qt.ItemDataRole.BackgroundRole).color() == ERROR_COLOUR
    assert dialog.model.data(hours, Qt.ItemDataRole.ToolTipRole) == message
    assert message.startswith("1") if language == "kk" else message.startswith("Строка 1")
    assert "20" in message

    dialog.save_button.click()  # refused before the service, with the same words
    assert dialog.isVisible() and dialog.saved_plan is None
    assert dialog.errors["rows"].isVisible() and message in dialog.errors["rows"].text()
    assert dialog.model.data(hours) == "30"  # nothing typed is lost
    stored = s.services.plans.get(s.actor, s.school, plan.id)
    assert [r.hours for r in stored.rows] == [1]

    dialog.table.setCurrentIndex(hours)
    for char in "2":
        type_text(_focus(), char)
    QTest.keyClick(_focus(), Qt.Key.Key_Tab)
    assert dialog.model.data(hours, Qt.ItemDataRole.ToolTipRole) == "2"
    dialog.save_button.click()
    finish(qtbot)  # saved off the GUI thread
    assert not dialog.isVisible()
    assert [r.hours for r in s.services.plans.get(s.actor, s.school, plan.id).rows] == [2]
