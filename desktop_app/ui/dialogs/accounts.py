"""Dialogs of account care: a new account, a password (one's own, or another account's reset by the
administrator) and an account's role with its linked teacher.

The password rule (domain.accounts.PASSWORD_RULE) is shown above the fields before anything is
typed; refusals of services.accounts appear under the field they concern and the input stays.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop_app.domain.accounts import MIN_PASSWORD_LENGTH, PASSWORD_RULE, Role, User
from desktop_app.i18n import _
from desktop_app.ui.labels import role_label
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.fields import show_field_error
from desktop_app.ui.widgets.form_dialog import FormDialog


def password_rule_text() -> str:
    """The password rule as told before a password is typed."""
    return _(PASSWORD_RULE).format(count=MIN_PASSWORD_LENGTH)


def rule_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("viewNote")
    label.setWordWrap(True)
    return label


def password_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class PasswordDialog(FormDialog):
    """The signed-in user's own password (``login`` None: the current one is asked) or the
    administrator's reset of ``login``'s password. Accepted once the service saved it."""

    def __init__(self, session: Session, login: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.login = login
        own = login is None
        self.current = password_field(self) if own else None
        self.password = password_field(self)
        self.repeat = password_field(self)
        self.note = rule_label(self)
        self.build_form((("current",) if own else ()) + ("password", "repeat"), 480, above=self.note)
        if self.current is not None:
            self.add_field("current", self.current)
        self.add_field("password", self.password)
        self.add_field("repeat", self.repeat)
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
            return self.submit(lambda: s.services.accounts.change_password(s.actor, current, password),
                               changes={Change.ACCOUNTS}, keep=lambda _result: None)
        login = self.login
        assert login is not None
        return self.submit(lambda: s.services.accounts.reset_password(s.actor, login, password),
                           changes={Change.ACCOUNTS}, keep=lambda _result: None)


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


class RoleDialog(FormDialog):
    """An account's role and linked teacher; ``saved`` holds the account after OK."""

    def __init__(self, session: Session, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.user = user
        self.saved: User | None = None
        self.role = role_combo(self, user.role)
        self.teacher = teacher_combo(session, self, user.teacher)
        self.note = rule_label(self)
        self.build_form(("role", "teacher"), 480, above=self.note)
        self.add_field("role", self.role)
        self.add_field("teacher", self.teacher)
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
        return self.submit(lambda: s.services.accounts.change_role(s.actor, login, role, teacher),
                           changes={Change.ACCOUNTS})


class AccountDialog(FormDialog):
    """Creates the account through services.accounts.create_user on OK; ``saved`` holds it."""

    FIELDS = ("login", "role", "teacher", "password", "repeat")

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.saved: User | None = None
        self._build_ui()
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
        self.rule = rule_label(self)
        self.build_form(self.FIELDS, 460, above=self.rule)
        for name, widget in (("login", self.login), ("role", self.role), ("teacher", self.teacher),
                             ("password", self.password), ("repeat", self.repeat)):
            self.add_field(name, widget)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("New account"))
        self.set_captions({"login": _("Login"), "role": _("Role"), "teacher": _("Teacher"),
                           "password": _("Password"), "repeat": _("Password again")})
        for index in range(self.role.count()):
            self.role.setItemText(index, role_label(Role(self.role.itemData(index))))
        self.rule.setText(password_rule_text())

    def save(self) -> bool:
        if self.password.text() != self.repeat.text():
            self.refuse(None)
            show_field_error(self.errors["repeat"], _("The two passwords differ."))
            return False
        s, login, password = self.session, self.login.text().strip(), self.password.text()
        role, teacher = Role(self.role.currentData()), self.teacher.currentData()
        return self.submit(lambda: s.services.accounts.create_user(s.actor, login, password, role, school=s.school,
                                                                   teacher=teacher),
                           changes={Change.ACCOUNTS})
