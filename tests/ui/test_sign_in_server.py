"""Sign-in on a school server (issue 17, point 1): the address and sslmode typed once and
remembered without the password; the person's own login connects off the GUI thread; a wrong
password, an unreachable server and a newer schema are each said plainly; a password is kept only
on request and only in the OS keyring (none here: keyring's fail backend; an in-memory one)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
import sqlalchemy as sa
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtCore import Qt

from desktop_app.config import preferences, secrets
from desktop_app.config.preferences import ServerChoice
from desktop_app.domain.accounts import COMMAND_LINE, Role
from desktop_app.i18n import set_language
from desktop_app.services import Services
from desktop_app.services.server import init_server
from desktop_app.storage.database import Database
from desktop_app.ui.dialogs.server_connection import ServerDialog
from desktop_app.ui.dialogs.sign_in import SignInDialog
from tests import server
from tests.ui.conftest import finish, type_text

pytestmark = pytest.mark.usefixtures("pg_cluster")

LOGIN, PASSWORD = "ui-kim", "Құпия-сөз-2026"


class MemoryKeyring(KeyringBackend):
    """An OS keyring stand-in that keeps passwords in memory."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


@pytest.fixture(scope="module")
def school_server(pg_cluster: server.Cluster) -> Iterator[ServerChoice]:
    """A database prepared by ``server init`` with one teacher's login."""
    name = pg_cluster.create_database()
    url = pg_cluster.url(name, server.OWNER)
    init_server(url, "ui-zavuch", "zavuch-secret-2026")
    services = Services.over(Database.open(url))
    try:
        services.accounts.create_user(COMMAND_LINE, LOGIN, PASSWORD, Role.VIEWER)
    finally:
        services.close()
    yield ServerChoice("127.0.0.1", name, pg_cluster.port, "disable", LOGIN)
    pg_cluster.drop_database(name)


def _signing_in(qtbot, server_choice: ServerChoice | None) -> SignInDialog:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(None, server=server_choice)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _close(dialog: SignInDialog) -> None:
    if dialog.server_session is not None:
        dialog.server_session.close()


def test_the_server_dialog_asks_for_what_is_missing_and_closes(qtbot, no_keyring: None) -> None:  # type: ignore[no-untyped-def]
    assert secrets.keyring_available() is False
    dialog = ServerDialog(None, "", secrets.keyring_available())
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.host, "10.0.0.5")
    dialog.connect_button.click()
    assert dialog.isVisible() and dialog.error.isVisible()  # no login, no password yet
    assert not dialog.remember.isEnabled()  # no keyring on this PC: nothing to remember in
    type_text(dialog.login, LOGIN)
    type_text(dialog.password, PASSWORD)
    dialog.sslmode.setCurrentIndex(dialog.sslmode.findData("require"))
    dialog.connect_button.click()
    assert not dialog.isVisible()
    assert dialog.choice() == ServerChoice("10.0.0.5", "metodsovet", 5432, "require", LOGIN)
    again = ServerDialog(dialog.choice(), LOGIN)
    qtbot.addWidget(again)
    again.show()
    qtbot.keyClick(again, Qt.Key.Key_Escape)
    assert not again.isVisible()


def test_sign_in_on_the_server_remembers_it_without_the_password(
        qtbot, school_server: ServerChoice, no_keyring: None, user_folders: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _signing_in(qtbot, school_server)
    try:
        assert dialog.sign_in_button.isEnabled() and dialog.where.isVisible()  # nothing to open first
        assert dialog.login.text() == LOGIN and dialog.password.text() == ""
        type_text(dialog.password, PASSWORD)
        dialog.sign_in_button.click()
        finish(qtbot)
        assert not dialog.isVisible() and dialog.actor is not None and dialog.actor.login == LOGIN
        assert dialog.server_session is not None and dialog.server_session.services.db.personal_login == LOGIN
        saved = preferences._file().read_text(encoding="utf-8")
        assert PASSWORD not in saved and json.loads(saved)["server"]["host"] == "127.0.0.1"
        assert preferences.saved_server() == school_server
    finally:
        _close(dialog)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_wrong_password_is_said_and_the_input_stays(qtbot, school_server: ServerChoice, no_keyring: None,  # type: ignore[no-untyped-def]
                                                      language: str) -> None:
    set_language(language)
    dialog = _signing_in(qtbot, school_server)
    type_text(dialog.password, "not-the-password")
    dialog.sign_in_button.click()
    finish(qtbot)
    assert dialog.isVisible() and dialog.server_session is None
    text = dialog.error.text()
    assert dialog.error.isVisible() and ("құпиясөз" in text.lower() if language == "kk" else "пароль" in text)
    assert "Traceback" not in text and dialog.password.text() == "not-the-password"


def test_an_unreachable_server_is_said(qtbot, school_server: ServerChoice, no_keyring: None) -> None:  # type: ignore[no-untyped-def]
    set_language("ru")
    nowhere = ServerChoice("127.0.0.1", school_server.database, 1, "disable", LOGIN)
    dialog = _signing_in(qtbot, nowhere)
    type_text(dialog.password, PASSWORD)
    dialog.sign_in_button.click()
    finish(qtbot)
    assert dialog.isVisible() and "сервер" in dialog.error.text().lower()
    assert "refused the login" not in dialog.error.text()


def test_a_newer_schema_on_the_server_is_refused(qtbot, pg_cluster: server.Cluster, no_keyring: None) -> None:  # type: ignore[no-untyped-def]
    set_language("ru")
    name = pg_cluster.create_database()
    url = pg_cluster.url(name, server.OWNER)
    Database.open(url).close()
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    engine.dispose()
    try:
        dialog = _signing_in(qtbot, ServerChoice("127.0.0.1", name, pg_cluster.port, "disable", server.OWNER))
        dialog.connect_to_server(dialog.server, server.OWNER, "", False)  # type: ignore[arg-type]
        finish(qtbot)
        assert dialog.isVisible() and "9999_future" in dialog.error.text()
        assert "новее" in dialog.error.text() or "новой" in dialog.error.text()
    finally:
        pg_cluster.drop_database(name)


def test_a_password_is_remembered_only_on_request_in_the_keyring(
        qtbot, school_server: ServerChoice, memory_keyring: MemoryKeyring) -> None:  # type: ignore[no-untyped-def]
    assert secrets.keyring_available()
    dialog = _signing_in(qtbot, None)
    dialog.connect_to_server(school_server, LOGIN, PASSWORD, remember=False)
    finish(qtbot)
    _close(dialog)
    assert memory_keyring.entries == {}
    dialog = _signing_in(qtbot, None)
    dialog.connect_to_server(school_server, LOGIN, PASSWORD, remember=True)
    finish(qtbot)
    _close(dialog)
    assert list(memory_keyring.entries.values()) == [PASSWORD]
    again = _signing_in(qtbot, preferences.saved_server())  # the next start: the password is there
    assert again.password.text() == PASSWORD
    again.sign_in_button.click()
    finish(qtbot)
    assert not again.isVisible()
    _close(again)


def test_leaving_the_server_for_this_pc(qtbot, school_server: ServerChoice, no_keyring: None) -> None:  # type: ignore[no-untyped-def]
    preferences.save_server(school_server)
    dialog = _signing_in(qtbot, preferences.saved_server())
    with qtbot.waitSignal(dialog.file_chosen, timeout=1000):
        dialog.file_button.click()
    assert preferences.saved_server() is None and not dialog.where.isVisible()
    assert not dialog.sign_in_button.isEnabled() and dialog.waiting.isVisible()  # the file is being opened


@pytest.mark.parametrize(("language", "word"), [("kk", "сұраңыз"), ("ru", "спросите")])
def test_the_server_dialog_says_what_to_ask_the_it_teacher(qtbot, language: str, word: str) -> None:  # type: ignore[no-untyped-def]
    set_language(language)
    dialog = ServerDialog(None, "", True)
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.help.text()
    assert dialog.help.isVisible() and "5432" in text and "root.crt" in text and word in text.lower()
    dialog.grab().save(f"/tmp/server-dialog-{language}.png")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


@pytest.mark.parametrize(("language", "word"), [("kk", "сәтсіз"), ("ru", "неудачных")])
def test_repeated_wrong_passwords_make_the_login_wait(qtbot, school_server: ServerChoice, no_keyring: None,  # type: ignore[no-untyped-def]
                                                     pg_cluster: server.Cluster, language: str, word: str) -> None:
    set_language(language)
    login = f"ui-guess-{language}"
    owner = Services.over(Database.open(pg_cluster.url(school_server.database, server.OWNER)))
    try:
        owner.accounts.create_user(COMMAND_LINE, login, PASSWORD, Role.VIEWER)
    finally:
        owner.close()
    dialog = _signing_in(qtbot, ServerChoice(school_server.host, school_server.database, school_server.port,
                                             school_server.sslmode, login))
    for password in ("not-the-password", "not-it-either", "nor-this-one", PASSWORD):
        dialog.password.setText(password)
        dialog.sign_in_button.click()
        finish(qtbot)
        assert dialog.isVisible() and dialog.server_session is None
    text = dialog.error.text()  # the right password too waits now: said in the user's language
    assert word in text.lower() and "30" in text and dialog.password.text() == PASSWORD, text
