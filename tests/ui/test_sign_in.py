"""The sign-in dialog, driven by typing and clicking as a user would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop_app.domain.accounts import Role
from desktop_app.i18n import _
from desktop_app.services import Services
from desktop_app.ui.dialogs.sign_in import SignInDialog

from .conftest import account


def _dialog(qtbot, services: Services) -> SignInDialog:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_demo_administrator_signs_in_by_clicking(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, services)
    login, password = account("administrator")
    qtbot.keyClicks(dialog.login, login)
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None
    assert dialog.actor.role is Role.ADMINISTRATOR


def test_enter_signs_in(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, services)
    login, password = account("director")
    qtbot.keyClicks(dialog.login, login)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None
    assert dialog.actor.role is Role.DIRECTOR


def test_a_wrong_password_shows_the_refusal_and_keeps_the_input(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, services)
    qtbot.keyClicks(dialog.login, "zavuch")
    qtbot.keyClicks(dialog.password, "not-the-password")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.actor is None
    assert dialog.error.isVisible()
    assert dialog.error.text() == _("Wrong login or password")
    assert dialog.login.text() == "zavuch"
    assert dialog.password.text() == "not-the-password"


def test_one_enter_is_one_attempt(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    """Enter must not count twice (the field's returnPressed and the default button): lockout."""
    dialog = _dialog(qtbot, services)
    qtbot.keyClicks(dialog.login, "zavuch")
    for _attempt in range(3):
        dialog.password.clear()
        qtbot.keyClicks(dialog.password, "wrong")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.error.text() == _("Wrong login or password")  # 3 free attempts: no lock yet
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "wrong")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    locked = _("Too many failed attempts; try again in {seconds} s").split("{")[0]
    assert dialog.error.text().startswith(locked) or dialog.error.text() == _("Wrong login or password")
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "zavuch-demo")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.error.text().startswith(locked)
    assert dialog.actor is None
