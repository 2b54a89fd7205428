"""Account care and subjects in the window, as a user does it: the administrator resets a
password, locks and unlocks, changes a role and sees the last sign-in; anyone changes their own
password from the File menu; the deputy director adds and renames subjects, which the teacher and
association dialogs then offer. Every dialog is hidden after OK, Cancel, Escape or close()."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox

from desktop_app import i18n
from desktop_app.domain.accounts import MIN_PASSWORD_LENGTH, PASSWORD_RULE, Role
from desktop_app.i18n import _
from desktop_app.services import Services
from desktop_app.services.accounts import SignInError
from desktop_app.ui.dialogs.accounts import PasswordDialog
from desktop_app.ui.dialogs.association import AssociationDialog
from desktop_app.ui.dialogs.sign_in import SignInDialog
from desktop_app.ui.dialogs.teacher import TeacherDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.views.settings import SettingsView
from desktop_app.ui.widgets.accounts_panel import AccountsPanel
from desktop_app.ui.widgets.subjects_panel import SubjectsPanel
from tests.ui.conftest import finish_now

from .conftest import account, type_text

NEW = "brand-new-pass-1"


def _settings(window: MainWindow) -> SettingsView:
    window.show_section("settings")
    view = window.views["settings"]
    assert isinstance(view, SettingsView)
    return view


def _accounts(window: MainWindow) -> AccountsPanel:
    view = _settings(window)
    panel = view.accounts
    assert panel is not None
    view.tabs.setCurrentWidget(panel)
    return panel


def _subjects(window: MainWindow) -> SubjectsPanel:
    view = _settings(window)
    panel = view.subjects
    assert panel is not None
    view.tabs.setCurrentWidget(panel)
    return panel


def _row(panel: AccountsPanel, login: str) -> dict[str, str]:
    """The texts the user reads in the row of ``login``, by column header."""
    model = panel.model
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    row = next(r for r, u in enumerate(model.records()) if u.login == login)
    return {h: str(model.index(row, c).data()) for c, h in enumerate(headers)}


def _ok(dialog: QDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    button.click()
    finish_now()  # the service call runs off the GUI thread


CLOSERS: dict[str, Callable[[QDialog], None]] = {
    "cancel": lambda d: d.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click(),
    "escape": lambda d: QApplication.sendEvent(d, __import__("PySide6.QtGui", fromlist=["QKeyEvent"]).QKeyEvent(
        __import__("PySide6.QtCore", fromlist=["QEvent"]).QEvent.Type.KeyPress, Qt.Key.Key_Escape,
        Qt.KeyboardModifier.NoModifier)),
    "close": lambda d: d.close(),
}


def test_the_list_shows_the_state_and_the_last_sign_in(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = _accounts(window)
    headers = [str(panel.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(panel.model.columnCount())]
    assert _("Last sign-in") in headers
    admin = _row(panel, "zavuch")  # signed in by the fixture a moment ago
    assert admin[_("State")] == _("can sign in")
    assert admin[_("Last sign-in")] != _("never") and ":" in admin[_("Last sign-in")]
    assert _row(panel, "raiono")[_("Last sign-in")] == _("never")


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_last_sign_in_is_written_in_the_window_language(qtbot, window: MainWindow, language: str) -> None:  # type: ignore[no-untyped-def]
    window.set_language(language)
    panel = _accounts(window)
    panel.refresh()
    month = {"kk": ("қаң", "ақп", "нау", "сәу", "мам", "мау", "шіл", "там", "қыр", "қаз", "қар", "жел"),
             "ru": ("янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")}[language]
    assert any(m in _row(panel, "zavuch")[_("Last sign-in")] for m in month)


def test_the_administrator_resets_a_password(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = _accounts(window)
    panel.select("kim")
    assert panel.password_button.isEnabled()
    dialog = panel.make_password_dialog(panel.selected())  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.note.text() == _(PASSWORD_RULE).format(count=MIN_PASSWORD_LENGTH)  # told before typing
    assert dialog.note.isVisible()
    type_text(dialog.password, "short")
    type_text(dialog.repeat, "short")
    _ok(dialog)
    assert dialog.isVisible() and dialog.errors["password"].isVisible()
    assert dialog.password.text() == "short"  # the input stays
    dialog.password.clear()
    dialog.repeat.clear()
    type_text(dialog.password, NEW)
    type_text(dialog.repeat, NEW + "x")
    _ok(dialog)
    assert dialog.errors["repeat"].text() == _("The two passwords differ.")
    dialog.repeat.clear()
    type_text(dialog.repeat, NEW)
    _ok(dialog)
    assert not dialog.isVisible()
    assert window.session.services.accounts.authenticate("kim", NEW).login == "kim"


def test_the_administrator_locks_and_unlocks(qtbot, window: MainWindow, services: Services) -> None:  # type: ignore[no-untyped-def]
    panel = _accounts(window)
    panel.select("kim")
    assert panel.lock_button.text() == _("Lock")
    qtbot.mouseClick(panel.lock_button, Qt.MouseButton.LeftButton)
    finish_now()
    assert _row(panel, "kim")[_("State")] == _("locked")
    assert panel.selected() is not None and panel.selected().login == "kim"  # type: ignore[union-attr]
    assert panel.lock_button.text() == _("Unlock")
    with pytest.raises(SignInError):
        services.accounts.authenticate(*account("teacher"))
    qtbot.mouseClick(panel.lock_button, Qt.MouseButton.LeftButton)
    finish_now()
    assert _row(panel, "kim")[_("State")] == _("can sign in")
    assert services.accounts.authenticate(*account("teacher")).login == "kim"


def test_the_administrator_cannot_lock_themself(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = _accounts(window)
    panel.select("zavuch")
    qtbot.mouseClick(panel.lock_button, Qt.MouseButton.LeftButton)
    finish_now()
    assert panel.refusal.isVisible()
    assert "zavuch" in panel.refusal.text()
    assert _row(panel, "zavuch")[_("State")] == _("can sign in")


def test_the_role_and_its_teacher_are_changed(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = _accounts(window)
    panel.select("raiono")
    dialog = panel.make_role_dialog(panel.selected())  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.role.setCurrentIndex(dialog.role.findData(Role.HEAD.value))
    _ok(dialog)  # no teacher: refused under the teacher field
    assert dialog.isVisible() and dialog.errors["teacher"].isVisible()
    dialog.teacher.setCurrentIndex(dialog.teacher.findData("t-03"))
    _ok(dialog)
    assert not dialog.isVisible()
    panel.refresh()
    row = _row(panel, "raiono")
    assert row[_("Role")] == _("association head")
    assert row[_("Teacher")] == panel.model.teacher_names["t-03"]


def test_the_last_administrator_keeps_the_role_in_the_dialog(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = _accounts(window)
    panel.select("zavuch")
    dialog = panel.make_role_dialog(panel.selected())  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.role.setCurrentIndex(dialog.role.findData(Role.TEACHER.value))
    _ok(dialog)
    assert dialog.isVisible() and dialog.errors["role"].isVisible()
    assert "zavuch" in dialog.errors["role"].text()


@pytest.mark.parametrize("closer", CLOSERS)
def test_the_account_dialogs_close(qtbot, window: MainWindow, closer: str,  # type: ignore[no-untyped-def]
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def answer_yes(parent, title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    panel = _accounts(window)
    panel.select("kim")
    user = panel.selected()
    assert user is not None
    subjects = _subjects(window)
    for dialog in (panel.make_password_dialog(user), panel.make_role_dialog(user),
                   PasswordDialog(window.session, parent=window), panel.make_dialog(),
                   subjects.make_dialog(), subjects.make_dialog(subjects.model.records()[0])):
        qtbot.addWidget(dialog)
        dialog.show()
        for field in ("password", "name_kk"):
            if hasattr(dialog, field):
                type_text(getattr(dialog, field), "typed")
        typed = any(hasattr(dialog, field) for field in ("password", "name_kk"))
        asked.clear()
        CLOSERS[closer](dialog)
        assert not dialog.isVisible(), type(dialog).__name__
        assert dialog.result() == QDialog.DialogCode.Rejected
        # Typed text is not thrown away without a question, except by a close from code.
        assert bool(asked) == (typed and closer != "close"), (type(dialog).__name__, asked)
    assert window.session.services.accounts.authenticate(*account("teacher")).login == "kim"  # nothing saved


def test_a_user_changes_their_own_password_from_the_file_menu(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    main = MainWindow(sign_in("teacher"))
    qtbot.addWidget(main)
    main.show()
    assert main.password_action in main.file_menu.actions()
    login, old = account("teacher")
    seen: list[QDialog] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PasswordDialog)
        seen.append(dialog)
        assert dialog.current is not None
        type_text(dialog.current, "not-the-current-one")
        type_text(dialog.password, NEW)
        type_text(dialog.repeat, NEW)
        _ok(dialog)
        assert dialog.isVisible() and dialog.errors["current"].text() == _("The current password is wrong")
        dialog.current.clear()
        type_text(dialog.current, old)
        _ok(dialog)

    QTimer.singleShot(0, fill)
    main.password_action.trigger()
    assert seen and not seen[0].isVisible()
    assert main.statusBar().currentMessage() == _("Your password is changed.")
    assert main.session.services.accounts.authenticate(login, NEW).login == login


def test_a_locked_account_is_told_so_at_sign_in(qtbot, window: MainWindow, services: Services) -> None:  # type: ignore[no-untyped-def]
    panel = _accounts(window)
    panel.select("kim")
    qtbot.mouseClick(panel.lock_button, Qt.MouseButton.LeftButton)
    finish_now()
    dialog = SignInDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    login, password = account("teacher")
    qtbot.keyClicks(dialog.login, login)
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.actor is None
    assert dialog.error.isVisible()
    assert dialog.error.text() == _("The account {login} is locked; ask the administrator to unlock it").format(
        login="kim")
    i18n.set_language("kk")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert "бұғатталған" in dialog.error.text()


def test_a_subject_is_added_renamed_and_offered_in_the_dialogs(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = _subjects(window)
    before = len(panel.model.records())
    dialog = panel.make_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.name_kk, "МАТЕМАТИКА")
    _ok(dialog)
    assert dialog.isVisible() and dialog.errors["name_kk"].isVisible()  # a duplicate, in capitals
    dialog.name_kk.clear()
    type_text(dialog.name_kk, "Химия")
    type_text(dialog.name_ru, "Химия")
    _ok(dialog)
    assert not dialog.isVisible() and dialog.saved is not None
    panel.saved(dialog.saved)
    names = [s.name.kk for s in panel.model.records()]
    assert len(names) == before + 1 and "Химия" in names
    assert panel.selected() is not None and panel.selected().name.kk == "Химия"  # type: ignore[union-attr]
    rename = panel.make_dialog(panel.selected())
    qtbot.addWidget(rename)
    rename.show()
    assert rename.name_kk.text() == "Химия"
    rename.name_kk.clear()
    type_text(rename.name_kk, "Химия және биология")
    _ok(rename)
    assert not rename.isVisible()
    s = window.session
    teacher = TeacherDialog(s)
    qtbot.addWidget(teacher)
    offered = [teacher.subjects.item(i).text() for i in range(teacher.subjects.count())]
    year = s.services.schools.list_years(s.actor, s.school)[0]
    association = AssociationDialog(s, year)
    qtbot.addWidget(association)
    in_association = [association.subjects.item(i).text() for i in range(association.subjects.count())]
    assert "Химия және биология" in offered or "Химия" in offered
    assert any(t.startswith("Химия") for t in in_association)


def test_the_wait_after_failed_sign_ins_is_shown_and_unlocked(qtbot, window: MainWindow, services: Services) -> None:  # type: ignore[no-untyped-def]
    login, password = account("teacher")
    for _attempt in range(3):
        with pytest.raises(SignInError):
            services.accounts.authenticate(login, "not-" + password)
    with pytest.raises(SignInError):  # the right password waits too
        services.accounts.authenticate(login, password)
    panel = _accounts(window)
    panel.refresh()
    panel.select(login)
    state = _row(panel, login)[_("State")]
    assert state != _("can sign in") and state.startswith(_("failed sign-ins: waits until {time}").split("{")[0])
    assert panel.lock_button.text() == _("Unlock")
    window.grab().save("/tmp/accounts-wait.png")
    qtbot.mouseClick(panel.lock_button, Qt.MouseButton.LeftButton)
    finish_now()
    assert _row(panel, login)[_("State")] == _("can sign in") and panel.lock_button.text() == _("Lock")
    assert services.accounts.authenticate(login, password).login == login
