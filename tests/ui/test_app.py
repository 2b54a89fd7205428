"""The bootstrap: language choice, storage errors as messages, the crash handler, the first start."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app import app
from desktop_app.services import Services
from desktop_app.services.maintenance import open_safely
from desktop_app.storage import health
from desktop_app.ui import operations
from desktop_app.ui.dialogs.sign_in import SignInDialog
from desktop_app.ui.settings import saved_language


@pytest.fixture
def restore_logging_and_hook(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_the_language_argument_wins_and_is_remembered() -> None:
    assert app.choose_language("kk") == "kk"
    assert saved_language() == "kk"
    assert app.choose_language(None) == "kk"


def test_a_broken_database_is_a_message_not_a_crash(qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert app.open_services(str(broken)) is None
    assert shown
    assert str(broken) in shown[0]


def test_the_crash_handler_logs_and_tells_where(qapp, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                                restore_logging_and_hook: None) -> None:
    path = app.setup_logging()
    app.install_crash_handler(path)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "RuntimeError: boom in a slot" in path.read_text(encoding="utf-8")
    assert shown and str(path) in shown[0]


def test_an_empty_database_opens_the_wizard_and_leaving_it_quits(qapp, database: str,  # type: ignore[no-untyped-def]
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 restore_logging_and_hook: None) -> None:
    offered: list[bool] = []

    def leave(services: Services, parent: object = None) -> str | None:
        offered.append(app.is_empty(services))
        return None

    monkeypatch.setattr(app, "first_start", leave)
    assert app.run_window(database, "ru") == 0
    assert offered == [True]


def test_quitting_while_the_database_is_checked_leaves_it_closed_cleanly(  # type: ignore[no-untyped-def]
        qapp, database: str, monkeypatch: pytest.MonkeyPatch, restore_logging_and_hook: None) -> None:
    """The start-up check runs off the GUI thread; the person closes the sign-in window meanwhile:
    the program waits for the check and closes the database, so the next start finds no run
    marker (which would make it check the whole file again and log an unclean end)."""
    Services.open(database).close()
    checking, release = threading.Event(), threading.Event()
    real_damage = health.damage

    def slow_damage(path: Path) -> list[str]:
        checking.set()
        assert release.wait(10)
        return real_damage(path)

    monkeypatch.setattr(health, "damage", slow_damage)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    closed: list[bool] = []

    def quit_while_checking() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible()),
                      None)
        if dialog is None or not checking.is_set():
            QTimer.singleShot(10, quit_while_checking)
            return
        assert operations.runner().running and not dialog.sign_in_button.isEnabled()
        dialog.reject()  # the window's Cancel: quit
        closed.append(True)
        release.set()

    QTimer.singleShot(0, quit_while_checking)
    assert app.run_window(database, "ru") == 0
    assert closed and not operations.runner().running
    assert not Path(f"{database}.running").exists()  # closed cleanly: no unclean end next time
    assert shown == []  # nothing was asked or told after the person quit
    opened = open_safely(database, Path(database).parent / "backups")
    try:
        assert not opened.report.unclean_shutdown
    finally:
        opened.close()
