"""Settings → Accounts: the administrator lists the accounts and adds one, as a user would."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.domain.accounts import Role
from desktop_app.i18n import _
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.views.settings import SettingsView
from desktop_app.ui.widgets.accounts_panel import AccountsPanel
from tests.ui.conftest import finish

from .conftest import type_text


def _panel(window: MainWindow) -> AccountsPanel:
    window.show_section("settings")
    view = window.views["settings"]
    assert isinstance(view, SettingsView)
    assert view.accounts is not None
    return view.accounts


def test_the_administrator_sees_the_accounts(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(window)
    logins = [user.login for user in panel.model.records()]
    assert "zavuch" in logins
    assert len(logins) >= 3


def test_a_teacher_account_is_added_with_the_password_twice(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(window)
    dialog = panel.make_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.login, "aigerim.t")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.TEACHER.value))
    type_text(dialog.password, "secret-pass-1")
    type_text(dialog.repeat, "secret-pass-1")
    dialog.save()
    finish(qtbot)  # no teacher linked: the service refuses, under the field
    assert dialog.saved is None and dialog.isVisible()
    assert dialog.errors["teacher"].isVisible()
    dialog.teacher.setCurrentIndex(1)
    dialog.repeat.clear()
    type_text(dialog.repeat, "secret-pass-2")
    assert not dialog.save()
    assert dialog.errors["repeat"].text() == _("The two passwords differ.")
    dialog.repeat.clear()
    type_text(dialog.repeat, "secret-pass-1")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert dialog.saved is not None
    assert dialog.saved.teacher == dialog.teacher.currentData()
    panel.refresh()
    assert "aigerim.t" in [user.login for user in panel.model.records()]
    actor = window.session.services.accounts.authenticate("aigerim.t", "secret-pass-1")
    assert actor.role is Role.TEACHER


def test_only_the_administrator_gets_the_page(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    view = SettingsView(sign_in("director"))
    qtbot.addWidget(view)
    assert view.accounts is None


def test_the_account_model(qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(_panel(window).model)
