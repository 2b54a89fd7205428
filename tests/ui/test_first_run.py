"""The first-start wizard: set up a school and sign in as its administrator, or load the demo."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QWizard

from desktop_app import i18n
from desktop_app.i18n import _
from desktop_app.services import Services
from desktop_app.ui.dialogs.first_run import PAGE_ADMIN, PAGE_YEAR, FirstRunWizard
from desktop_app.ui.dialogs.sign_in import SignInDialog
from desktop_app.ui.language import install_language_hook
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.session import Session

from .conftest import finish_now, type_text


@pytest.fixture
def empty(database: str) -> Iterator[Services]:
    opened = Services.open(database)
    yield opened
    opened.close()


def _wizard(qtbot, services: Services) -> FirstRunWizard:  # type: ignore[no-untyped-def]
    install_language_hook()
    wizard = FirstRunWizard(services)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _next(wizard: FirstRunWizard) -> None:
    wizard.button(QWizard.WizardButton.NextButton).click()


def test_the_wizard_sets_up_a_school_and_the_admin_signs_in(qtbot, empty: Services) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, empty)
    _next(wizard)
    school = wizard.school_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # names are required
    type_text(school.edits["name_kk"], "Қарағанды қаласының № 12 мектеп-гимназиясы")
    type_text(school.edits["name_ru"], "Школа-гимназия № 12 города Караганды")
    type_text(school.edits["short_kk"], "№ 12 мектеп")
    type_text(school.edits["city_ru"], "г. Караганда")
    _next(wizard)
    type_text(wizard.people_page.edits["director"]["last_name"], "Сәрсенов")
    type_text(wizard.people_page.edits["director"]["first_name"], "Ерлан")
    _next(wizard)
    assert wizard.currentId() == PAGE_YEAR
    wizard.year_page.combo.setCurrentIndex(wizard.year_page.combo.findData("2026-2027"))
    assert wizard.year_page.draft.isVisible()  # the draft preset asks to be checked
    wizard.year_page.combo.setCurrentIndex(wizard.year_page.combo.findData("2025-2026"))
    assert not wizard.year_page.draft.isVisible()
    _next(wizard)
    assert wizard.currentId() == PAGE_ADMIN
    admin = wizard.admin_page
    type_text(admin.login, "zavuch")
    type_text(admin.password, "Құпия-сөз-2026")
    type_text(admin.repeat, "Құпия-сөз-2025")
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()  # the passwords differ: said under the field and under the page
    assert admin.status["repeat"].isVisible() and admin.missing_label.isVisible()
    assert not empty.accounts.has_users()

    admin.password.setText("short")
    admin.repeat.setText("short")
    assert not finish.isEnabled() and admin.status["password"].isVisible()

    admin.password.setText("Құпия-сөз-2026")
    admin.repeat.setText("Құпия-сөз-2026")
    assert finish.isEnabled() and not admin.missing_label.isVisible()
    finish.click()
    finish_now()  # the school is set up off the GUI thread
    assert not wizard.isVisible()
    assert wizard.login == "zavuch"
    assert wizard.actor is not None and wizard.actor.school == "school-1"

    dialog = SignInDialog(empty, login=wizard.login)
    qtbot.addWidget(dialog)
    type_text(dialog.password, "Құпия-сөз-2026")
    dialog.sign_in()
    assert dialog.actor is not None and dialog.actor.school == "school-1"
    main = MainWindow(Session(empty, dialog.actor, dialog.actor.school))
    qtbot.addWidget(main)
    assert main.year_combo.itemData(0) == "2025-2026"
    assert "№ 12 мектеп" in main.user_label.text() or "Караганды" in main.user_label.text()
    school_record = empty.schools.get_school(dialog.actor, "school-1")
    assert school_record.director is not None and school_record.deputy_director is None


def test_the_wizard_loads_the_demo_school(qtbot, empty: Services) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, empty)
    wizard.choice_page.demo.setChecked(True)
    assert not wizard.button(QWizard.WizardButton.NextButton).isVisible()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    finish_now()  # the school is set up off the GUI thread
    assert wizard.login == "zavuch"
    assert wizard.actor is not None and wizard.actor.login == "zavuch"
    assert empty.accounts.authenticate("zavuch", "zavuch-demo").school


def test_the_wizard_speaks_the_chosen_language(qtbot, empty: Services) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, empty)
    page = wizard.choice_page
    page.language.setCurrentIndex(page.language.findData("ru"))
    russian = page.title()
    page.language.setCurrentIndex(page.language.findData("kk"))
    assert i18n.current_language() == "kk"
    assert page.title() == _("Welcome to Metodsovet") != russian
