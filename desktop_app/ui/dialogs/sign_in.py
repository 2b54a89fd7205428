"""Sign in: the refusal (wrong password, lockout) appears under the fields; the input stays.

The dialog is the first window of the program: it is shown before the database (and SQLAlchemy,
Alembic, ReportLab) is loaded, so this module imports no service at run time. Until
``set_services()`` the Sign-in button is disabled and a line says the database is being opened.
What is not needed to paint it (the operations layer, the server dialog, PySide6's ``Qt``
namespace) is imported when first used: the first window appears sooner (issue 15).

On a school server (issue 17) there is nothing to open before the person types: "Connect to a
school server…" takes its address, and Sign in connects with the person's own login and password
off the GUI thread (``server_session`` then holds the open server), saying clearly whether the
server is unreachable, the login or password is wrong, or the server's schema is newer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
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

from desktop_app.config import preferences, secrets
from desktop_app.config.preferences import ServerChoice
from desktop_app.i18n import N_, Text, _
from desktop_app.ui.language import Retranslating

if TYPE_CHECKING:
    from desktop_app.domain.accounts import Actor
    from desktop_app.domain.errors import UserError
    from desktop_app.services import Services
    from desktop_app.services.maintenance import SafeSession

ERROR_STYLE = "color: #b00020;"
WAITING_STYLE = "color: #555;"
LINK_STYLE = "text-align: left; color: #0b57d0; text-decoration: underline; border: none; padding: 2px 0;"


class SignInDialog(Retranslating, QDialog):
    """On success ``actor`` holds the signed-in user and the dialog is accepted.

    Signals: ``first_painted`` once, just after the dialog was first painted (the program then
    sets up its log); ``file_chosen`` when the person leaves the school server for
    the database on this PC (the program then opens it).
    """

    first_painted = Signal()
    file_chosen = Signal()

    def __init__(self, services: Services | None, parent: QWidget | None = None, login: str = "",
                 server: ServerChoice | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.actor: Actor | None = None
        #: The school server signed in to (its session is the program's from then on).
        self.server_session: SafeSession | None = None
        self.server = server
        self._remember = False
        self._painted = False
        self._build_ui(login or (server.login if server else ""))
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
        self.where = QLabel(self)
        self.where.setObjectName("signInServer")
        self.where.setWordWrap(True)
        self.server_button = QPushButton(self)
        self.server_button.setObjectName("connectToServer")
        self.file_button = QPushButton(self)
        self.file_button.setObjectName("useThisPc")
        for link in (self.server_button, self.file_button):  # links, beside the main buttons
            link.setFlat(True)
            link.setAutoDefault(False)
            link.setStyleSheet(LINK_STYLE)
        # Without a parent (the layout gives it one): PySide6 tries the (orientation, parent)
        # overload for QDialogButtonBox(self), which builds all the Qt namespace's enum types.
        self.buttons = QDialogButtonBox()
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
        layout.addWidget(self.where)
        layout.addWidget(self.server_button)
        layout.addWidget(self.file_button)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        if self.server is not None and login:
            remembered = secrets.remembered_password(self.server, login)
            if remembered:
                self.password.setText(remembered)
                self._remember = True
        (self.password if login else self.login).setFocus()

    def _connect(self) -> None:
        self.sign_in_button.clicked.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        self.server_button.clicked.connect(self.choose_server)
        self.file_button.clicked.connect(self.use_this_pc)
        # Enter in either field reaches the dialog, which clicks the default button (Sign in).

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Metodsovet — sign in"))
        self.heading.setText(_("Sign in"))
        self.login_label.setText(_("&Login"))
        self.password_label.setText(_("&Password"))
        self.sign_in_button.setText(_("Sign in"))
        self.waiting.setText(_("Opening the database…"))
        self.server_button.setText(_("Connect to a school server…") if self.server is None
                                   else _("Another school server…"))
        self.file_button.setText(_("Work with the database on this computer"))
        if self.server is not None:
            self.where.setText(_("School server: {server}").format(server=self.server.label()))

    def set_services(self, services: Services) -> None:
        """The database is open: signing in is possible."""
        self.services = services
        self._show_readiness()

    def _show_readiness(self) -> None:
        ready = self.services is not None or self.server is not None
        self.sign_in_button.setEnabled(ready)
        self.waiting.setVisible(not ready)
        self.where.setVisible(self.server is not None)
        self.file_button.setVisible(self.server is not None)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)  # once the frame is on the screen

    def _after_first_paint(self) -> None:
        """The hand cursor over the links and a selectable server line are set once the dialog is
        on the screen: the first use of PySide6's ``Qt`` namespace builds all its ~90 enum types
        (~16 ms), and neither is needed before the pointer can reach the dialog."""
        from PySide6.QtCore import Qt

        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for link in (self.server_button, self.file_button):
            link.setCursor(Qt.CursorShape.PointingHandCursor)
        self.first_painted.emit()

    def accept(self) -> None:
        """Enter and the default button both come here; only a checked password closes the dialog."""
        self.sign_in()

    def signed_in(self, actor: Actor) -> None:
        """The first start signed its administrator in already: close without asking again."""
        self.actor = actor
        super().accept()

    def sign_in(self) -> None:
        if self.server is not None:
            self.connect_to_server(self.server, self.login.text().strip(), self.password.text(), self._remember)
            return
        if self.services is None:  # Enter pressed while the database is still being opened
            return
        from desktop_app.domain.errors import UserError

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

    # --- a school server ------------------------------------------------------------------------

    def choose_server(self) -> None:
        """Ask for the server's address and the person's login; connect when it is given."""
        from desktop_app.ui.dialogs.server_connection import ServerDialog

        dialog = ServerDialog(self.server, self.login.text().strip(), secrets.keyring_available(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        choice = dialog.choice()
        self.login.setText(choice.login)
        self.password.setText(dialog.password.text())
        self.connect_to_server(choice, choice.login, dialog.password.text(), dialog.remember.isChecked())

    def use_this_pc(self) -> None:
        """Back to the database file on this PC: the server is forgotten on this PC."""
        preferences.save_server(None)
        self.server = None
        self.show_error("")
        self.retranslate_ui()
        self._show_readiness()
        self.file_chosen.emit()

    def connect_to_server(self, choice: ServerChoice, login: str, password: str, remember: bool) -> None:
        """Connect as the person's own login and sign in, off the GUI thread; the window stays."""
        from desktop_app.config.preferences import backup_dir_for
        from desktop_app.ui import operations

        url = choice.url(login, password)
        backups = backup_dir_for(choice.url(login, ""))

        def work() -> tuple[SafeSession, Actor]:
            from desktop_app.services.maintenance import open_safely

            session = open_safely(url, backups)
            try:
                return session, session.services.accounts.authenticate(login, password)
            except BaseException:
                session.close()
                raise

        def connected(result: tuple[SafeSession, Actor]) -> None:
            self.server_session, self.actor = result
            self.services = self.server_session.services
            self.server = ServerChoice(choice.host, choice.database, choice.port, choice.sslmode, login)
            preferences.save_server(self.server)
            if remember:
                secrets.remember_password(self.server, login, password)
            else:
                secrets.forget_password(self.server, login)
            self.show_error("")
            super(SignInDialog, self).accept()

        def refused(error: UserError) -> None:
            self.server = self.server or choice  # what was typed stays for the next try
            self.retranslate_ui()
            self._show_readiness()
            self.show_error(error.render(_))
            self.password.setFocus()
            self.password.selectAll()

        self.show_error("")
        operations.run(work, label=Text(N_("Connecting to the school server…")), parent=self,
                       on_success=connected, refused=refused)
