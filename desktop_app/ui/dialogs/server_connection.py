"""Connect to a school server: its address, the person's own login and password, sslmode.

Opened from the sign-in window. It only collects what was typed (``choice()``, ``password``,
``remember``): the sign-in window connects, off the GUI thread, and says what went wrong.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.config.preferences import DEFAULT_PORT, SSL_MODES, ServerChoice
from desktop_app.i18n import N_, _
from desktop_app.ui.language import Retranslating

#: What each sslmode means, as the person choosing it reads it.
SSL_LABELS = {
    "prefer": N_("Encrypt if the server can (prefer)"),
    "require": N_("Always encrypt (require)"),
    "verify-ca": N_("Encrypt and check the server's certificate (verify-ca)"),
    "verify-full": N_("Encrypt, check the certificate and the name (verify-full)"),
    "disable": N_("Do not encrypt (disable)"),
}
ERROR_STYLE = "color: #b00020;"
NOTE_STYLE = "color: #555;"


class ServerDialog(Retranslating, QDialog):
    """Accepted only with a server address, a database, a login and a password filled in."""

    def __init__(self, current: ServerChoice | None, login: str = "", keyring: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setObjectName("viewTitle")
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.host = QLineEdit(current.host if current else "", self)
        self.host.setObjectName("serverHost")
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(current.port if current else DEFAULT_PORT)
        self.port.setMaximumWidth(120)
        self.database = QLineEdit(current.database if current else "metodsovet", self)
        self.database.setObjectName("serverDatabase")
        self.sslmode = QComboBox(self)
        for mode in SSL_MODES:
            self.sslmode.addItem("", mode)
        self.sslmode.setCurrentIndex(SSL_MODES.index(current.sslmode) if current else 0)
        self.login = QLineEdit(login or (current.login if current else ""), self)
        self.login.setObjectName("serverLogin")
        self.password = QLineEdit(self)
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self)
        self.remember.setEnabled(keyring)
        self.remember.setVisible(keyring)
        self.no_keyring = QLabel(self)  # said instead of the check box: nothing can be remembered here
        self.no_keyring.setObjectName("noKeyring")
        self.no_keyring.setWordWrap(True)
        self.no_keyring.setStyleSheet(NOTE_STYLE)
        self.no_keyring.setVisible(not keyring)
        self.help = QLabel(self)  # what to ask the school's IT teacher, in the window's language
        self.help.setObjectName("serverHelp")
        self.help.setWordWrap(True)
        self.help.setStyleSheet(NOTE_STYLE)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(6)]
        for label, field in zip(self.labels, (self.host, self.port, self.database, self.sslmode,
                                              self.login, self.password), strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.form.addRow("", self.remember)
        self.form.addRow("", self.no_keyring)
        self.buttons = QDialogButtonBox(self)
        self.connect_button = QPushButton(self)
        self.connect_button.setDefault(True)
        self.buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addLayout(self.form)
        layout.addWidget(self.help)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)  # the keyring line fits in Kazakh too
        (self.password if self.host.text() and self.login.text() else self.host).setFocus()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Metodsovet — school server"))
        self.heading.setText(_("Connect to a school server"))
        self.explanation.setText(_("Ask whoever set the server up for its address. Sign in with your own "
                                   "login and password: the program keeps no shared password."))
        for label, text in zip(self.labels, (_("Server &address"), _("P&ort"), _("&Database"),
                                             _("&Encryption"), _("&Login"), _("&Password")), strict=True):
            label.setText(text)
        for index, mode in enumerate(SSL_MODES):
            self.sslmode.setItemText(index, _(SSL_LABELS[mode]))
        self.remember.setText(_("Remember the password in this computer's keyring"))
        self.no_keyring.setText(_("This computer has no keyring: the password is asked each time"))
        self.connect_button.setText(_("Connect"))
        self.help.setText(_(
            "Ask the school's IT teacher (whoever set the server up) for: the server's address (a name or an "
            "address such as 192.168.1.10), its port (5432 unless they say otherwise), the database's name, "
            "and your own login with its first password. Encryption: choose what they tell you; on the "
            "school's own network the first choice is usual, and the certificate checks need the server's "
            "certificate (root.crt) on this computer. After three wrong passwords the login waits a while, "
            "longer each time; the administrator can unlock it."))

    def choice(self) -> ServerChoice:
        return ServerChoice(self.host.text().strip(), self.database.text().strip() or "metodsovet",
                            self.port.value(), str(self.sslmode.currentData()), self.login.text().strip())

    def accept(self) -> None:
        """Only with everything needed typed in; what is missing is said under the fields."""
        missing = [label for label, field in ((_("the server address"), self.host), (_("the login"), self.login),
                                              (_("the password"), self.password)) if not field.text().strip()]
        if missing:
            self.error.setText(_("Fill in {fields}.").format(fields=", ".join(missing)))
            self.error.setVisible(True)
            return
        super().accept()
