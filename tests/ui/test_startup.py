"""The first window comes before the heavy imports; the database opens after it is painted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from desktop_app.services import Services
from desktop_app.ui.dialogs.sign_in import SignInDialog

from .conftest import account

ROOT = Path(__file__).resolve().parents[2]


def test_the_first_window_is_painted_before_sqlalchemy_reportlab_and_the_qt_namespace_load(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", METODSOVET_STARTUP_PROBE="1",
               METODSOVET_HOME=str(tmp_path / "home"))
    done = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(tmp_path / "db.sqlite3")],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert "first-window-painted" in lines, done.stdout + done.stderr
    assert lines["heavy-modules"] == "none"
    assert lines["early-modules"] == "none"  # the log's handlers, the operations, the Qt namespace: after
    log = tmp_path / "home" / "logs" / "metodsovet.log"  # set up once the first window is painted
    assert "starting the window on" in log.read_text(encoding="utf-8")


def test_signing_in_waits_for_the_database(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.sign_in_button.isEnabled()
    assert dialog.waiting.isVisible()
    login, password = account("administrator")
    qtbot.keyClicks(dialog.login, login)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is None and dialog.isVisible()
    dialog.set_services(services)
    assert dialog.sign_in_button.isEnabled()
    assert not dialog.waiting.isVisible()
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.actor is not None
