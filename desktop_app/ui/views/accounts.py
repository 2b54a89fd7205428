"""Settings → Accounts: the administrator sees who may sign in and when each last did, adds an
account, resets a forgotten password, locks and unlocks an account and changes its role.

Only an administrator (Action.MANAGE_ACCOUNTS) gets this page; services.accounts checks it anyway.
A head's or a teacher's account is linked to a teacher of the school (the service refuses
otherwise); the password is typed twice and the refusal appears under the field it concerns.
"""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_datetime
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.accounts import ROLE_LABELS, Role, User
from desktop_app.domain.errors import UserError
from desktop_app.i18n import LOCALES, N_, Text, _, current_language
from desktop_app.ui import operations
from desktop_app.ui.dialogs.accounts import PasswordDialog, RoleDialog, password_rule_text, rule_label
from desktop_app.ui.labels import role_label
from desktop_app.ui.models.table import Column, RecordTableModel
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session
from desktop_app.ui.views.base import fit_columns, make_table
from desktop_app.ui.widgets.fields import error_label, show_field_error, show_refusal
from desktop_app.ui.widgets.form_dialog import FormDialog


class AccountTableModel(RecordTableModel[User]):
    def __init__(self, teacher_names: dict[str, str], parent: QObject | None = None) -> None:
        self.teacher_names = teacher_names
        super().__init__([
            Column(N_("Login"), lambda u: u.login),
            Column(N_("Role"), lambda u: role_label(u.role)),
            Column(N_("Teacher"), lambda u: self.teacher_names.get(u.teacher or "", u.teacher or "")),
            Column(N_("State"), lambda u: _("locked") if u.locked else _("can sign in")),
            Column(N_("Last sign-in"), lambda u: sign_in_time(u.last_sign_in)),
        ], parent, dimmed=lambda u: u.locked)


def sign_in_time(moment: datetime | None) -> str:
    """A stored (UTC) moment in the school's local time, as the window's language writes it."""
    if moment is None:
        return _("never")
    local = moment.astimezone()
    return format_datetime(local, "d MMM y, HH:mm", tzinfo=local.tzinfo, locale=LOCALES[current_language()])


class AccountDialog(FormDialog):
    """Creates the account through services.accounts.create_user on OK; ``saved`` holds it."""

    FIELDS = ("login", "role", "teacher", "password", "repeat")

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.saved: User | None = None
        self._build_ui()
        self._connect()
        self.retranslate_ui()

    def _build_ui(self) -> None:
        s = self.session
        self.login = QLineEdit(self)
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem("", role.value)
        self.role.setCurrentIndex(self.role.findData(Role.TEACHER.value))
        self.teacher = QComboBox(self)
        self.teacher.addItem("—", None)
        for teacher in sorted(s.services.teachers.list_teachers(s.actor, s.school), key=lambda t: t.full_name):
            self.teacher.addItem(teacher.full_name, teacher.id)
        self.password = QLineEdit(self)
        self.repeat = QLineEdit(self)
        for field in (self.password, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = {name: error_label(self) for name in self.FIELDS}
        self.general_error = error_label(self)
        self.rule = rule_label(self)
        self.captions = {name: QLabel(self) for name in self.FIELDS}
        form = QFormLayout()
        for name, widget in (("login", self.login), ("role", self.role), ("teacher", self.teacher),
                             ("password", self.password), ("repeat", self.repeat)):
            form.addRow(self.captions[name], widget)
            form.addRow("", self.errors[name])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rule)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("New account"))
        for name, text in {"login": _("Login"), "role": _("Role"), "teacher": _("Teacher"),
                           "password": _("Password"), "repeat": _("Password again")}.items():
            self.captions[name].setText(text)
        for index in range(self.role.count()):
            self.role.setItemText(index, role_label(Role(self.role.itemData(index))))
        self.rule.setText(password_rule_text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def save(self) -> bool:
        if self.password.text() != self.repeat.text():
            show_refusal(None, self.errors, self.general_error)
            show_field_error(self.errors["repeat"], _("The two passwords differ."))
            return False
        s, login, password = self.session, self.login.text().strip(), self.password.text()
        role, teacher = Role(self.role.currentData()), self.teacher.currentData()
        show_refusal(None, self.errors, self.general_error)
        return operations.accept_after(
            self, lambda: s.services.accounts.create_user(s.actor, login, password, role, school=s.school,
                                                          teacher=teacher),
            changes={Change.ACCOUNTS},
            refused=lambda error: show_refusal(error, self.errors, self.general_error)) is not None


class AccountsPanel(QWidget):
    """Signal ``status_message(text)`` after an account was added or changed."""

    status_message = Signal(object)  # an i18n.Message

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.title_label = QLabel(self)
        self.title_label.setObjectName("viewSubtitle")
        self.add_button = QPushButton(self)
        self.password_button = QPushButton(self)
        self.lock_button = QPushButton(self)
        self.role_button = QPushButton(self)
        self.refusal = error_label(self)
        self.model = AccountTableModel({}, self)
        self.table = make_table(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)  # by login, as the service lists them
        bar = QHBoxLayout()
        for button in (self.add_button, self.password_button, self.lock_button, self.role_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(bar)
        layout.addWidget(self.refusal)
        layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.add_account)
        self.password_button.clicked.connect(self.reset_password)
        self.lock_button.clicked.connect(self.toggle_lock)
        self.role_button.clicked.connect(self.change_role)
        self.table.doubleClicked.connect(self.change_role)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
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
        self.model.set_records(s.services.accounts.list_users(s.actor))
        fit_columns(self.table)
        if chosen is not None:
            self.select(chosen.login)
        self._update_buttons()

    def selected(self) -> User | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select(self, login: str) -> None:
        for row, user in enumerate(self.model.records()):
            if user.login == login:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        self.refusal.setVisible(False)
        user = self.selected()
        for button in (self.password_button, self.lock_button, self.role_button):
            button.setEnabled(user is not None)
        self.lock_button.setText(_("Unlock") if user is not None and user.locked else _("Lock"))

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
        """Lock the selected account, or unlock it; a refusal is shown above the list."""
        user = self.selected()
        if user is None:
            return False
        s = self.session
        try:
            changed = s.services.accounts.set_locked(s.actor, user.login, not user.locked)
        except UserError as error:
            show_field_error(self.refusal, error.render(_))
            return False
        show_refusal(None, {}, self.refusal)
        self.refresh()
        self.status_message.emit(Text(
            N_("{login} is locked: the account cannot sign in.") if changed.locked
            else N_("{login} is unlocked and can sign in again."), {"login": user.login}))
        return True
