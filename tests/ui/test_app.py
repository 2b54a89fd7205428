"""The bootstrap: language choice, storage errors as messages, the crash handler, the first start."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop_app import app
from desktop_app.services import Services
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
