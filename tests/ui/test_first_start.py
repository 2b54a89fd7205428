"""The first hour on an empty database (issue 13, point 4): the wizard chooses the year that runs,
says what it needs before Next greys out, shows the password rule before anything is typed, gives
the director and the deputy their positions and leaves the administrator signed in; the empty
overview says what to do next."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QWizard

from desktop_app import app, i18n
from desktop_app.domain.entities import LocalizedText, Teacher
from desktop_app.services import Services
from desktop_app.ui.dialogs.first_run import PAGE_ADMIN, PAGE_PEOPLE, PAGE_SCHOOL, PAGE_YEAR, FirstRunWizard
from desktop_app.ui.dialogs.sign_in import SignInDialog
from desktop_app.ui.language import install_language_hook
from desktop_app.ui.main_window import MainWindow

from .conftest import finish_now, type_text

KK_NAME = "Қарағанды қаласының № 12 мектеп-гимназиясы"
RU_NAME = "Школа-гимназия № 12 города Караганды"
PASSWORD = "Құпия-сөз-2026"


@pytest.fixture
def empty(database: str) -> Iterator[Services]:
    """A real, empty SQLite file on disk: no school, no account."""
    opened = Services.open(database)
    assert app.is_empty(opened)
    yield opened
    opened.close()


def _wizard(qtbot, services: Services, language: str = "ru",  # type: ignore[no-untyped-def]
            today: date = date(2026, 12, 6)) -> FirstRunWizard:
    install_language_hook()
    i18n.set_language(language)
    wizard = FirstRunWizard(services, today=today)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _next(wizard: FirstRunWizard) -> None:
    wizard.button(QWizard.WizardButton.NextButton).click()


def _fill(wizard: FirstRunWizard, director: bool = True, deputy: bool = True) -> None:
    """Through every page to a complete administrator's page."""
    _next(wizard)
    type_text(wizard.school_page.edits["name_kk"], KK_NAME)
    type_text(wizard.school_page.edits["name_ru"], RU_NAME)
    _next(wizard)
    people = wizard.people_page.edits
    if director:
        type_text(people["director"]["last_name"], "Сәрсенов")
        type_text(people["director"]["first_name"], "Ерлан")
    if deputy:
        type_text(people["deputy_director"]["last_name"], "Әбенова")
        type_text(people["deputy_director"]["first_name"], "Гүлнар")
    _next(wizard)
    _next(wizard)
    assert wizard.currentId() == PAGE_ADMIN
    type_text(wizard.admin_page.login, "zavuch")
    type_text(wizard.admin_page.password, PASSWORD)
    type_text(wizard.admin_page.repeat, PASSWORD)


@pytest.mark.parametrize(("today", "expected"), [
    (date(2026, 12, 6), "2026-2027"),   # the day of the issue: 2025-2026 has ended
    (date(2026, 7, 15), "2025-2026"),   # the summer still belongs to the year that ended in May
    (date(2026, 8, 1), "2026-2027"),    # from 1 August the next year
    (date(2026, 7, 31), "2025-2026"),
])
def test_the_year_that_runs_on_today_is_preselected(qtbot, empty: Services,  # type: ignore[no-untyped-def]
                                                    today: date, expected: str) -> None:
    wizard = _wizard(qtbot, empty, today=today)
    _next(wizard)
    type_text(wizard.school_page.edits["name_kk"], KK_NAME)
    type_text(wizard.school_page.edits["name_ru"], RU_NAME)
    _next(wizard)
    _next(wizard)
    assert wizard.currentId() == PAGE_YEAR
    combo = wizard.year_page.combo
    assert combo.isVisible() and combo.currentText() == expected
    assert expected[:4] in wizard.year_page.details.text()  # the terms shown are the chosen year's


def test_the_missing_fields_are_named_and_the_line_clears(qtbot, empty: Services) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, empty, "ru")
    _next(wizard)
    page, next_button = wizard.school_page, wizard.button(QWizard.WizardButton.NextButton)
    assert wizard.currentId() == PAGE_SCHOOL
    assert page.captions["name_kk"].text() == "Полное наименование (на казахском) *"
    assert "*" not in page.captions["short_kk"].text()
    assert "отмеченные *, обязательны" in page.subTitle()
    line = page.missing_label
    assert not next_button.isEnabled() and line.isVisible()
    assert line.text().startswith("Чтобы продолжить, заполните: Полное наименование (на казахском); "
                                  "Полное наименование (на русском).")
    assert "печатаются" in line.text()  # and why
    type_text(page.edits["name_kk"], KK_NAME)
    assert line.text().startswith("Чтобы продолжить, заполните: Полное наименование (на русском).")
    assert not next_button.isEnabled()
    type_text(page.edits["name_ru"], RU_NAME)
    assert not line.isVisible() and next_button.isEnabled()

    i18n.set_language("kk")  # the line follows the language
    page.edits["name_ru"].clear()
    assert line.isVisible() and line.text().startswith("Әрі қарай өту үшін толтырыңыз:")
    type_text(page.edits["name_ru"], RU_NAME)

    _next(wizard)
    assert wizard.currentId() == PAGE_PEOPLE
    people = wizard.people_page
    assert next_button.isEnabled()  # optional: nobody entered
    type_text(people.edits["director"]["patronymic"], "Маратұлы")
    assert not next_button.isEnabled() and people.missing_label.isVisible()
    assert "Директор: Тегі, Аты" in people.missing_label.text()
    type_text(people.edits["director"]["last_name"], "Сәрсенов")
    type_text(people.edits["director"]["first_name"], "Ерлан")
    assert next_button.isEnabled() and not people.missing_label.isVisible()


def test_the_password_rule_is_shown_before_typing_and_followed_live(qtbot, empty: Services) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, empty, "ru")
    _fill(wizard)
    admin = wizard.admin_page
    for edit in (admin.login, admin.password, admin.repeat):
        edit.clear()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    rule = admin.rules["password"]
    assert rule.isVisible() and rule.text() == "Не менее 8 символов: буквы любого алфавита, цифры, знаки."
    assert admin.rules["login"].isVisible() and "Латинские буквы" in admin.rules["login"].text()
    assert admin.captions["password"].text() == "Пароль *"
    assert not admin.status["password"].isVisible() and not finish.isEnabled()
    assert "Логин; Пароль; Пароль ещё раз" in admin.missing_label.text()

    type_text(admin.login, "завуч")
    assert admin.status["login"].text() == "Этот логин не соответствует правилу выше."
    admin.login.setText("zavuch")
    assert not admin.status["login"].isVisible()
    type_text(admin.password, "Құпия")
    assert admin.status["password"].isVisible() and admin.status["password"].text() == "Нужно ещё 3 символа."
    type_text(admin.password, "-сөз")
    assert admin.status["password"].text() == "Длины достаточно."
    type_text(admin.repeat, "Құпия-сө")
    assert admin.status["repeat"].text() == "Пароли не совпадают." and not finish.isEnabled()
    type_text(admin.repeat, "з")
    assert admin.status["repeat"].text() == "Пароли совпадают."
    assert finish.isEnabled() and not admin.missing_label.isVisible()


def test_the_director_and_the_deputy_get_their_positions(qtbot, empty: Services) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, empty, "kk")
    _fill(wizard)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    finish_now()  # the school is set up off the GUI thread
    assert not wizard.isVisible()
    actor = wizard.actor
    assert actor is not None and actor.school is not None
    school = empty.schools.get_school(actor, actor.school)
    assert school.director and school.deputy_director
    director = empty.teachers.get(actor, actor.school, school.director)
    deputy = empty.teachers.get(actor, actor.school, school.deputy_director)
    assert (director.last_name, director.position) == ("Сәрсенов", LocalizedText("Директор", "Директор"))
    assert deputy.position == LocalizedText("Директордың оқу ісі жөніндегі орынбасары",
                                            "Заместитель директора по учебной работе")
    assert actor.teacher == deputy.id  # the administrator is the deputy director


@pytest.fixture
def restore_logging_and_hook(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """run_window installs a log file handler and the crash hook: both are taken back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_after_the_wizard_the_main_window_opens_signed_in(qtbot, database: str,  # type: ignore[no-untyped-def]
                                                         restore_logging_and_hook: None) -> None:
    """The real start: sign-in dialog, database opened, wizard, then the main window, no password asked."""
    seen: dict[str, object] = {}

    def drive() -> None:
        wizard = QApplication.activeModalWidget()
        if not isinstance(wizard, FirstRunWizard):
            QTimer.singleShot(50, drive)
            return
        _fill(wizard, deputy=False)
        wizard.button(QWizard.WizardButton.FinishButton).click()
        finish_now()  # the school is set up off the GUI thread
        QTimer.singleShot(0, lambda: look(0))

    def look(tries: int) -> None:
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        main = next((w for w in windows if isinstance(w, MainWindow)), None)
        asking = next((w for w in windows if isinstance(w, SignInDialog)), None)
        if main is None and tries < 100:
            QTimer.singleShot(50, lambda: look(tries + 1))
            return
        seen["sign_in_visible"] = asking is not None
        if main is not None:
            seen["main"] = main.session.actor.login
            seen["user_label"] = main.user_label.text()
            main.close()
        elif asking is not None:  # the old way: asked for the password just chosen
            asking.reject()

    QTimer.singleShot(0, drive)
    assert app.run_window(database, "ru") == 0
    assert seen["sign_in_visible"] is False
    assert seen.get("main") == "zavuch"
    assert str(seen["user_label"]).startswith("zavuch — администратор")


def _overview(qtbot, empty: Services, language: str):  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, empty, language)
    _fill(wizard)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    finish_now()  # the school is set up off the GUI thread
    assert wizard.actor is not None and wizard.actor.school is not None
    from desktop_app.ui.session import Session

    window = MainWindow(Session(empty, wizard.actor, wizard.actor.school))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_section("overview")
    return window


def test_the_empty_overview_says_what_to_do_next(qtbot, empty: Services) -> None:  # type: ignore[no-untyped-def]
    window = _overview(qtbot, empty, "ru")
    view = window.views["overview"]
    panel = view.first_steps  # type: ignore[attr-defined]
    assert panel.isVisible() and panel.heading.text() == "Что делать дальше"
    assert "учителей пока нет" in panel.staff_text.text()
    assert "2026-2027 учебного года: пока нет" in panel.associations_text.text()
    assert view.tiles["associations"].detail.text() == "пока не созданы"  # type: ignore[attr-defined]
    for button in (panel.add_teacher, panel.import_staff, panel.new_association):
        assert button.isVisible() and button.isEnabled()
    window.set_language("kk")
    assert panel.heading.text() == "Енді не істеу керек" and "мұғалім әлі жоқ" in panel.staff_text.text()


def test_the_buttons_of_the_empty_overview_go_where_they_say(qtbot, empty: Services,  # type: ignore[no-untyped-def]
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    window = _overview(qtbot, empty, "ru")
    panel = window.views["overview"].first_steps  # type: ignore[attr-defined]
    opened: list[tuple[str, str]] = []

    def close_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, close_the_dialog)
            return
        opened.append((type(dialog).__name__, dialog.windowTitle()))
        dialog.reject()

    QTimer.singleShot(0, close_the_dialog)
    panel.add_teacher.click()
    assert window.current_view() is window.views["teachers"]
    assert opened and opened[-1][0] == "TeacherDialog"

    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda parent, title, folder, kinds: asked.append(title) or ("", ""))
    window.show_section("overview")
    panel.import_staff.click()
    assert window.current_view() is window.views["teachers"]
    assert asked == ["Импорт списка сотрудников"]

    window.show_section("overview")
    QTimer.singleShot(0, close_the_dialog)
    panel.new_association.click()
    assert window.current_view() is window.views["associations"]
    assert opened[-1][0] == "AssociationDialog"


def test_the_first_steps_follow_the_staff_list(qtbot, empty: Services) -> None:  # type: ignore[no-untyped-def]
    new = _overview(qtbot, empty, "ru")
    panel = new.views["overview"].first_steps  # type: ignore[attr-defined]
    s = new.session
    empty.teachers.save(s.actor, s.school, Teacher("", "Иванова", "Ольга"))
    new.views["overview"].refresh()
    assert "кроме директора и заместителя директора, 1 учитель" in panel.staff_text.text()
    assert "Создайте их или скопируйте" in panel.associations_text.text()
    assert panel.isVisible()


def test_a_running_school_gets_no_first_steps(window: MainWindow) -> None:
    window.show_section("overview")  # the demo school: teachers and associations, nothing to suggest
    view = window.views["overview"]
    assert view.isVisible() and not view.first_steps.isVisible()  # type: ignore[attr-defined]
