"""A district folder import is long work (issue 15, point 2): it shows its progress, a second click
while it runs does nothing, and Cancel stops between two files — the file imported before stays
whole, the next one is not read, and the user is told so."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from desktop_app import i18n
from desktop_app.domain.accounts import COMMAND_LINE, Role
from desktop_app.services import Services
from desktop_app.services.exchange.service import ExchangeService
from desktop_app.ui import operations
from desktop_app.ui.language import install_language_hook
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.session import Session
from desktop_app.ui.views.district import DistrictView
from tests.shared_files import SAMPLE

SHOTS = os.environ.get("DISTRICT_SHOTS")
#: What the message after a Cancel begins with, in each language.
STOPPED = {"ru": "Импорт остановлен.", "kk": "Импорт тоқтатылды."}


def school(number: int) -> bytes:
    """The sample school under another id and name."""
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    document["school"]["id"] = f"school-{number}"
    document["school"]["name"] = {"kk": f"№ {number} мектеп-гимназия", "ru": f"Школа-гимназия № {number}"}
    document["school"]["short_name"] = {"kk": f"№ {number} мектеп", "ru": f"Школа № {number}"}
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


@pytest.fixture
def view(services: Services, qtbot) -> DistrictView:  # type: ignore[no-untyped-def]
    install_language_hook()
    services.accounts.create_user(COMMAND_LINE, "rono-admin", "rono-secret", Role.ADMINISTRATOR)
    actor = services.accounts.authenticate("rono-admin", "rono-secret")
    window = MainWindow(Session(services, actor, services.demo_school))  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    window.show()
    window.show_section("district")
    found = window.views["district"]
    assert isinstance(found, DistrictView)
    return found


def schools_in(services: Services) -> set[str]:
    return {s.id for s in services.schools.list_schools(COMMAND_LINE)}


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_cancel_stops_between_two_files_and_keeps_the_first_whole(  # type: ignore[no-untyped-def]
        qtbot, view: DistrictView, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        language: str) -> None:
    i18n.set_language(language)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-school-8.json").write_bytes(school(8))
    (folder / "b-school-9.json").write_bytes(school(9))
    release, threads = threading.Event(), []
    original = ExchangeService.import_document

    def slow(self: ExchangeService, *args: Any, **kwargs: Any) -> Any:
        """The first file is being imported (on the worker) while the user presses Cancel."""
        threads.append(threading.get_ident())
        assert release.wait(10)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(ExchangeService, "import_document", slow)
    operation = view.import_folder(folder)
    assert operation is not None and operation.progress is not None
    assert view.import_folder(folder) is None  # a second click while it runs does nothing
    qtbot.waitUntil(lambda: operation._dialog is not None and operation._dialog.isVisible(), timeout=3000)
    assert operation._dialog is not None
    cancel = operation._dialog.findChild(QPushButton)
    assert cancel is not None and cancel.isVisible()
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)  # what the user sees: the progress dialog's Cancel
    release.set()
    qtbot.waitUntil(lambda: operation.done, timeout=30_000)
    assert threads == [threads[0]] and threads[0] != threading.get_ident()  # one file read, off the GUI thread
    assert isinstance(operation.outcome and operation.outcome.error, operations.Cancelled)
    assert schools_in(services) == {services.demo_school, "school-8"}  # type: ignore[attr-defined]
    report = view.report
    assert isinstance(report, QMessageBox) and report.isVisible()
    assert report.text().startswith(STOPPED[language])
    if SHOTS:
        report.grab().save(f"{SHOTS}/district-import-stopped-{language}.png")
    assert view.proxy.rowCount() == 2  # the list shows the school imported before the Cancel
    report.button(QMessageBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: not report.isVisible())
    operations.runner().wait()
