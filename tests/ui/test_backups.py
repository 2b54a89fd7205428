"""Settings → Backups: back up now, restore (the current state backed up first), the folder, roles."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop_app.config.preferences import backup_dir_for, saved_backup_dir
from desktop_app.domain.accounts import Actor, Role
from desktop_app.services import Services
from desktop_app.storage.errors import DiskFullError
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.session import Session
from desktop_app.ui.views.settings import SettingsView
from desktop_app.ui.widgets.backups_panel import BackupsPanel
from tests.ui.conftest import finish


def _panel(window: MainWindow) -> BackupsPanel:
    window.show_section("settings")
    view = window.views["settings"]
    assert isinstance(view, SettingsView)
    assert view.backups is not None
    return view.backups


def test_back_up_now_adds_a_row(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(window)
    before = panel.model.rowCount()
    assert panel.back_up_now() is not None
    finish(qtbot)
    path = panel.made
    assert path is not None and path.exists()
    assert panel.model.rowCount() == before + 1
    entry = panel.model.record(0)
    assert entry.info.kind == "manual" and entry.contents is not None
    assert entry.contents.counts["teachers"] > 0
    assert panel.model.data(panel.model.index(0, 3))  # the school's name


def test_restore_brings_back_an_archived_teacher(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    session = window.session
    teachers = session.services.teachers
    teacher = teachers.list_teachers(session.actor, session.school)[0]
    panel = _panel(window)
    panel.back_up_now()
    finish(qtbot)
    teachers.archive(session.actor, session.school, teacher.id)
    assert teacher.id not in {t.id for t in teachers.list_teachers(session.actor, session.school)}

    asked: list[str] = []
    monkeypatch.setattr(panel, "confirm_restore", lambda entry: asked.append(entry.info.path.name) or True)
    reloaded: list[bool] = []
    window.views["settings"].records_changed.connect(lambda: reloaded.append(True))
    panel.table.selectRow(0)
    assert panel.restore_selected()
    assert not window.isEnabled()  # nothing reads the database while its file is replaced
    finish(qtbot)

    assert asked and reloaded and window.isEnabled()
    assert teacher.id in {t.id for t in teachers.list_teachers(session.actor, session.school)}
    kinds = [panel.model.record(row).info.kind for row in range(panel.model.rowCount())]
    assert "pre-restore" in kinds  # the state before the restore is kept


def test_an_unreadable_backup_is_marked_and_not_restored(window: MainWindow) -> None:
    panel = _panel(window)
    folder = panel.maintenance.backup_dir
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "metodsovet-20260101T000000000000Z.sqlite3").write_bytes(b"not a database" * 100)
    panel.refresh()
    row = next(r for r in range(panel.model.rowCount()) if panel.model.record(r).contents is None)
    assert panel.model.data(panel.model.index(row, 3))
    panel.table.selectRow(row)
    assert not panel.restore_button.isEnabled()


def test_another_folder_is_used_and_remembered(qtbot, window: MainWindow, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               database: str) -> None:
    panel = _panel(window)
    stick = tmp_path / "flash"
    assert panel.use_folder(stick)
    panel.back_up_now()
    finish(qtbot)
    assert panel.made is not None
    assert list(stick.glob("metodsovet-*.sqlite3"))
    assert saved_backup_dir() == stick
    assert backup_dir_for(database) == stick
    assert panel.folder_label.text() == str(stick)


def test_a_storage_error_is_a_message_not_a_crash(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    panel = _panel(window)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))

    def full(*args: object, **kwargs: object) -> Path:
        raise DiskFullError()

    monkeypatch.setattr(panel.maintenance, "backup", full)
    before = panel.model.rowCount()
    panel.back_up_now()
    finish(qtbot)
    assert panel.made is None
    assert shown and panel.model.rowCount() == before
    assert not panel.use_folder(Path(__file__))  # a file, not a folder
    assert len(shown) == 2


@pytest.mark.parametrize("role", ["viewer", "teacher", "director"])
def test_only_the_administrator_sees_backups(qtbot, services: Services, sign_in, role: str) -> None:  # type: ignore[no-untyped-def]
    if role == "viewer":
        session = Session(services, Actor("raiono", Role.VIEWER), services.demo_school)  # type: ignore[attr-defined]
    else:
        session = sign_in(role)
    main = MainWindow(session)
    qtbot.addWidget(main)
    main.show_section("settings")
    view = main.views["settings"]
    assert isinstance(view, SettingsView)
    assert view.backups is None
    assert view.tabs.count() == 1
    assert not view.findChildren(BackupsPanel)


def test_a_backup_can_be_cancelled_and_leaves_nothing(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(window)
    folder = panel.maintenance.backup_dir
    assert folder is not None
    before = sorted(folder.glob("*")) if folder.exists() else []
    operation = panel.back_up_now()
    assert operation is not None and operation.progress is not None
    operation.progress.cancel()  # as the Cancel button of the progress dialog does
    finish(qtbot)
    assert panel.made is None
    assert (sorted(folder.glob("*")) if folder.exists() else []) == before  # no backup, no temporary file
