"""Sign in: the refusal (wrong password, lockout) appears under the fields; the input stays.

The dialog is the first window of the program: it is shown before the database (and SQLAlchemy,
Alembic, ReportLab) is loaded, so this module imports no service at run time. Until
``set_services()`` the Sign-in button is disabled and a line says the database is being opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import UserError
from desktop_app.i18n import _
from desktop_app.ui.language import Retranslating

if TYPE_CHECKING:
    from desktop_app.domain.accounts import Actor
    from desktop_app.services import Services

ERROR_STYLE = "color: #b00020;"
WAITING_STYLE = "color: #555;"


class SignInDialog(Retranslating, QDialog):
    """On success ``actor`` holds the signed-in user and the dialog is accepted.

    Signals: ``first_painted`` once, when the dialog has been painted for the first time (the
    program then opens the database).
    """

    first_painted = Signal()

    def __init__(self, services: Services | None, parent: QWidget | None = None, login: str = "") -> None:
        super().__init__(parent)
        self.services = services
        self.actor: Actor | None = None
        self._painted = False
        self._build_ui(login)
        self._connect()
        self.retranslate_ui()
        self._show_readiness()

    def _build_ui(self, login: str) -> None:
        self.heading = QLabel(self)
        self.heading.setObjectName("viewTitle")
        self.login = QLineEdit(login, self)
        self.login.setObjectName("login")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setObjectName("signInError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.waiting = QLabel(self)
        self.waiting.setObjectName("signInWaiting")
        self.waiting.setStyleSheet(WAITING_STYLE)
        self.buttons = QDialogButtonBox(self)
        self.sign_in_button = QPushButton(self)
        self.sign_in_button.setDefault(True)
        self.sign_in_button.setAutoDefault(True)
        self.buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.form = QFormLayout()
        self.login_label = QLabel(self)
        self.password_label = QLabel(self)
        self.login_label.setBuddy(self.login)
        self.password_label.setBuddy(self.password)
        self.form.addRow(self.login_label, self.login)
        self.form.addRow(self.password_label, self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.waiting)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        (self.password if login else self.login).setFocus()

    def _connect(self) -> None:
        self.sign_in_button.clicked.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        # Enter in either field reaches the dialog, which clicks the default button (Sign in).

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Metodsovet — sign in"))
        self.heading.setText(_("Sign in"))
        self.login_label.setText(_("&Login"))
        self.password_label.setText(_("&Password"))
        self.sign_in_button.setText(_("Sign in"))
        self.waiting.setText(_("Opening the database…"))

    def set_services(self, services: Services) -> None:
        """The database is open: signing in is possible."""
        self.services = services
        self._show_readiness()

    def _show_readiness(self) -> None:
        ready = self.services is not None
        self.sign_in_button.setEnabled(ready)
        self.waiting.setVisible(not ready)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def accept(self) -> None:
        """Enter and the default button both come here; only a checked password closes the dialog."""
        self.sign_in()

    def signed_in(self, actor: Actor) -> None:
        """The first start signed its administrator in already: close without asking again."""
        self.actor = actor
        super().accept()

    def sign_in(self) -> None:
        if self.services is None:  # Enter pressed while the database is still being opened
            return
        login = self.login.text().strip()
        try:
            self.actor = self.services.accounts.authenticate(login, self.password.text())
        except UserError as error:  # SignInError: wrong login or password, or locked
            self.show_error(error.render(_))
            self.password.setFocus()
            self.password.selectAll()
            return
        self.show_error("")
        super().accept()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
