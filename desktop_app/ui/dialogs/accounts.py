"""Dialogs of account care: a password (one's own, or another account's reset by the
administrator) and an account's role with its linked teacher.

The password rule (domain.accounts.PASSWORD_RULE) is shown above the fields before anything is
typed; refusals of services.accounts appear under the field they concern and the input stays.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.accounts import MIN_PASSWORD_LENGTH, PASSWORD_RULE, Role, User
from desktop_app.domain.errors import UserError
from desktop_app.i18n import _
from desktop_app.ui import operations
from desktop_app.ui.labels import role_label
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.fields import error_label, show_field_error, show_refusal
from desktop_app.ui.widgets.form_dialog import FormDialog


def password_rule_text() -> str:
    """The password rule as told before a password is typed."""
    return _(PASSWORD_RULE).format(count=MIN_PASSWORD_LENGTH)


def rule_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("viewNote")
    label.setWordWrap(True)
    return label


class _FormDialog(FormDialog):
    """A form with an error line under each field, OK/Cancel, and live retranslation."""

    def __init__(self, session: Session, fields: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.captions = {name: QLabel(self) for name in fields}
        self.errors = {name: error_label(self) for name in fields}
        self.general_error = error_label(self)
        self.note = rule_label(self)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def add_row(self, name: str, widget: QWidget) -> None:
        self.captions[name].setBuddy(widget)
        self.form.addRow(self.captions[name], widget)
        self.form.addRow("", self.errors[name])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def save(self) -> bool:
        raise NotImplementedError

    def refuse(self, error: UserError | None) -> None:
        show_refusal(error, self.errors, self.general_error)


def password_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class PasswordDialog(_FormDialog):
    """The signed-in user's own password (``login`` None: the current one is asked) or the
    administrator's reset of ``login``'s password. Accepted once the service saved it."""

    def __init__(self, session: Session, login: str | None = None, parent: QWidget | None = None) -> None:
        self.login = login
        own = login is None
        super().__init__(session, (("current",) if own else ()) + ("password", "repeat"), parent)
        self.current = password_field(self) if own else None
        self.password = password_field(self)
        self.repeat = password_field(self)
        if self.current is not None:
            self.add_row("current", self.current)
        self.add_row("password", self.password)
        self.add_row("repeat", self.repeat)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if self.login is None:
            self.setWindowTitle(_("Change my password"))
            self.captions["current"].setText(_("Current password"))
        else:
            self.setWindowTitle(_("New password for {login}").format(login=self.login))
        self.captions["password"].setText(_("New password"))
        self.captions["repeat"].setText(_("New password again"))
        self.note.setText(password_rule_text())

    def save(self) -> bool:
        if self.password.text() != self.repeat.text():
            self.refuse(None)
            show_field_error(self.errors["repeat"], _("The two passwords differ."))
            return False
        s, password = self.session, self.password.text()
        if self.current is not None:
            current = self.current.text()
            work: Callable[[], object] = lambda: s.services.accounts.change_password(  # noqa: E731
                s.actor, current, password)
        else:
            login = self.login
            assert login is not None
            work = lambda: s.services.accounts.reset_password(s.actor, login, password)  # noqa: E731
        self.refuse(None)
        return operations.accept_after(self, work, changes={Change.ACCOUNTS}, refused=self.refuse,
                                       keep=lambda _result: None) is not None


def teacher_combo(session: Session, parent: QWidget, current: str | None = None) -> QComboBox:
    """The school's teachers (and "—" for none), sorted by name, ``current`` selected."""
    combo = QComboBox(parent)
    combo.addItem("—", None)
    teachers = session.services.teachers.list_teachers(session.actor, session.school)
    for teacher in sorted(teachers, key=lambda t: t.full_name):
        combo.addItem(teacher.full_name, teacher.id)
    combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
    return combo


def role_combo(parent: QWidget, current: Role) -> QComboBox:
    combo = QComboBox(parent)
    for role in Role:
        combo.addItem(role_label(role), role.value)
    combo.setCurrentIndex(combo.findData(current.value))
    return combo


class RoleDialog(_FormDialog):
    """An account's role and linked teacher; ``saved`` holds the account after OK."""

    def __init__(self, session: Session, user: User, parent: QWidget | None = None) -> None:
        super().__init__(session, ("role", "teacher"), parent)
        self.user = user
        self.saved: User | None = None
        self.role = role_combo(self, user.role)
        self.teacher = teacher_combo(session, self, user.teacher)
        self.add_row("role", self.role)
        self.add_row("teacher", self.teacher)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Role of {login}").format(login=self.user.login))
        self.captions["role"].setText(_("Role"))
        self.captions["teacher"].setText(_("Teacher"))
        for index in range(self.role.count()):
            self.role.setItemText(index, role_label(Role(self.role.itemData(index))))
        self.note.setText(_("An association head's or a teacher's account is linked to a teacher of the "
                            "school: it acts for that teacher."))

    def save(self) -> bool:
        s, login = self.session, self.user.login
        role, teacher = Role(self.role.currentData()), self.teacher.currentData()
        self.refuse(None)
        return operations.accept_after(self, lambda: s.services.accounts.change_role(s.actor, login, role, teacher),
                                       changes={Change.ACCOUNTS}, refused=self.refuse) is not None
