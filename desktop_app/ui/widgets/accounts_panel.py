"""Settings → Accounts: the administrator sees who may sign in and when each last did, adds an
account, resets a forgotten password, locks and unlocks an account and changes its role.

Only an administrator (Action.MANAGE_ACCOUNTS) gets this page; services.accounts checks it anyway.
A head's or a teacher's account is linked to a teacher of the school (the service refuses
otherwise); the password is typed twice and the refusal appears under the field it concerns.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QPushButton,
    QWidget,
)

from desktop_app.domain.accounts import ROLE_LABELS, User
from desktop_app.i18n import N_, Text, _
from desktop_app.ui import operations
from desktop_app.ui.dialogs.accounts import AccountDialog, PasswordDialog, RoleDialog
from desktop_app.ui.models.accounts import AccountTableModel, blocked
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.fields import error_label, show_field_error, show_refusal
from desktop_app.ui.widgets.list_panel import ListPanel


class AccountsPanel(ListPanel[User]):
    """Signal ``status_message(text)`` after an account was added or changed."""

    model: AccountTableModel

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.add_button = QPushButton(self)
        self.password_button = QPushButton(self)
        self.lock_button = QPushButton(self)
        self.role_button = QPushButton(self)
        self.refusal = error_label(self)
        self.build_list(AccountTableModel({}, self),
                        (self.add_button, self.password_button, self.lock_button, self.role_button),
                        above=self.refusal)
        self.add_button.clicked.connect(self.add_account)
        self.password_button.clicked.connect(self.reset_password)
        self.lock_button.clicked.connect(self.toggle_lock)
        self.role_button.clicked.connect(self.change_role)
        self.table.doubleClicked.connect(self.change_role)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title_label.setText(_("Accounts"))
        self.add_button.setText(_("Add an account…"))
        self.password_button.setText(_("Reset the password…"))
        self.role_button.setText(_("Change the role…"))
        self.model.retranslate()
        self._update_buttons()

    def refresh(self) -> None:
        s = self.session
        chosen = self.selected()
        self.model.teacher_names = {t.id: t.full_name for t in s.teachers_by_id().values()}
        self.show_records(s.services.accounts.list_users(s.actor))
        if chosen is not None:
            self.select(chosen.login)
        self._update_buttons()

    def select(self, login: str) -> None:
        self.select_where(lambda user: user.login == login)

    def _update_buttons(self) -> None:
        self.refusal.setVisible(False)
        user = self.selected()
        for button in (self.password_button, self.lock_button, self.role_button):
            button.setEnabled(user is not None)
        self.lock_button.setText(_("Unlock") if user is not None and blocked(user) else _("Lock"))

    def make_dialog(self) -> AccountDialog:
        """The dialog for a new account; tests drive it without exec()."""
        return AccountDialog(self.session, self)

    def make_password_dialog(self, user: User) -> PasswordDialog:
        return PasswordDialog(self.session, user.login, self)

    def make_role_dialog(self, user: User) -> RoleDialog:
        return RoleDialog(self.session, user, self)

    def add_account(self) -> None:
        dialog = self.make_dialog()
        if dialog.exec() and dialog.saved is not None:
            self.refresh()
            self.select(dialog.saved.login)
            self.status_message.emit(Text(N_("Account {login} created."), {"login": dialog.saved.login}))

    def reset_password(self) -> None:
        user = self.selected()
        if user is not None and self.make_password_dialog(user).exec():
            self.status_message.emit(Text(N_("The password of {login} is changed; tell it to them in person."),
                                          {"login": user.login}))

    def change_role(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = self.make_role_dialog(user)
        if dialog.exec() and dialog.saved is not None:
            self.refresh()
            self.status_message.emit(Text(N_("{login} is now: {role}."),
                                          {"login": user.login, "role": Text(ROLE_LABELS[dialog.saved.role])}))

    def toggle_lock(self) -> bool:
        """Lock the selected account, or unlock it (an operation; True when started); a refusal is
        shown above the list."""
        user = self.selected()
        if user is None:
            return False
        s, login, lock = self.session, user.login, not blocked(user)

        def done(changed: User) -> None:
            show_refusal(None, {}, self.refusal)
            self.refresh()
            self.select(login)
            self.status_message.emit(Text(
                N_("{login} is locked: the account cannot sign in.") if changed.locked
                else N_("{login} is unlocked and can sign in again."), {"login": login}))

        return operations.run(lambda: s.services.accounts.set_locked(s.actor, login, lock),
                              changes={Change.ACCOUNTS}, parent=self, on_success=done,
                              refused=lambda error: show_field_error(self.refusal, error.render(_)),
                              initiator=self) is not None
