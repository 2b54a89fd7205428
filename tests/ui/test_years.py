"""Settings → academic years: a year from a preset, terms and holidays edited, refusals by the field."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.domain.entities import LocalizedText, School
from desktop_app.i18n import _
from desktop_app.services import Services
from desktop_app.services.setup import SetUpSchool
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.session import Session
from desktop_app.ui.views.settings import SettingsView
from tests.ui.conftest import finish_now


@pytest.fixture
def fresh(database: str) -> Iterator[Session]:
    services = Services.open(database)
    actor = services.setup.set_up(SetUpSchool(School("", LocalizedText("Мектеп", "Школа")), "2025-2026",
                                              "zavuch", "password-2026"))
    yield Session(services, actor, actor.school or "")
    services.close()


def _save(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    finish_now()  # saved off the GUI thread


def test_a_year_from_a_preset_and_a_holiday_edited(qtbot, fresh: Session) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(fresh)
    qtbot.addWidget(window)
    window.show_section("settings")
    view = window.views["settings"]
    assert isinstance(view, SettingsView)
    assert [y.id for y in view.model.records()] == ["2025-2026"]
    assert view.free_presets() == ["2026-2027"]
    assert view.create_from_preset("2026-2027")
    finish_now()
    assert [y.id for y in view.model.records()] == ["2025-2026", "2026-2027"]
    assert "2026-2027" in window.statusBar().currentMessage()  # the draft preset asks to be checked
    assert window.year_combo.findData("2026-2027") >= 0  # the window's year list follows

    view.select_year("2026-2027")
    dialog = view.make_dialog(view.selected())  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.holidays.rowCount() == len(view.selected().holidays)  # type: ignore[union-attr]
    first, last = dialog.holiday_dates(0)
    last.setDate(QDate(first.date().addDays(-3)))  # ends before it starts: refused by the service
    _save(dialog)
    assert dialog.isVisible()
    assert dialog.errors["holidays"].isVisible()
    assert dialog.errors["holidays"].text() == _("A holiday from {date} ends before it starts").format(
        date=first.date().toPython().strftime("%d.%m.%Y"))

    last.setDate(QDate(first.date().addDays(9)))
    row = dialog.add_holiday(None)
    start, end = dialog.holiday_dates(row)
    start.setDate(QDate(2027, 3, 20))
    end.setDate(QDate(2027, 3, 23))
    dialog.holidays.item(row, 2).setText("Наурыз")
    dialog.holidays.item(row, 3).setText("Наурыз мейрамы")
    dialog.moved_date.setDate(QDate(2027, 1, 9))
    dialog.add_moved_button.click()
    dialog.term_edits[3][1].setDate(QDate(2027, 5, 24))
    _save(dialog)
    assert not dialog.isVisible()
    stored = fresh.services.schools.get_year(fresh.actor, fresh.school, "2026-2027")
    assert stored.holidays[0].end == (first.date().addDays(9)).toPython()
    assert any(h.start == date(2027, 3, 20) and h.name == LocalizedText("Наурыз", "Наурыз мейрамы")
               for h in stored.holidays)
    assert stored.extra_school_days == [date(2027, 1, 9)]
    assert stored.terms[3].end == date(2027, 5, 24)


def test_a_term_outside_the_year_is_refused_by_the_terms(qtbot, fresh: Session) -> None:  # type: ignore[no-untyped-def]
    view = SettingsView(fresh)
    qtbot.addWidget(view)
    view.refresh()
    view.select_year("2025-2026")
    dialog = view.make_dialog(view.selected())  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.term_edits[0][0].setDate(QDate(2025, 1, 1))
    _save(dialog)
    assert dialog.errors["terms"].isVisible()
    assert dialog.saved is None


def test_the_viewer_cannot_create_years(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    view = SettingsView(sign_in("viewer"))
    qtbot.addWidget(view)
    view.refresh()
    assert view.new_button.isHidden() and view.edit_button.isHidden()
    assert view.model.rowCount() == 2


def test_the_year_model(qtmodeltester, fresh: Session) -> None:  # type: ignore[no-untyped-def]
    view = SettingsView(fresh)
    view.refresh()
    assert view.model.rowCount() == 1
    qtmodeltester.check(view.model)
