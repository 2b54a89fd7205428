"""The KTP actions and the other converted window actions as operations (issue 15, point 2): the
work runs off the GUI thread, a second click while it runs does nothing, a refusal reaches its field
or message with everything typed kept, a failure halfway leaves nothing half-saved (a real SQLite
file), and a cancelled KTP import writes nothing."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop_app.domain.entities import PlanStatus
from desktop_app.domain.errors import DomainError, Rule
from desktop_app.i18n import N_
from desktop_app.services import Services
from desktop_app.services.plans import PlanService
from desktop_app.ui import operations
from desktop_app.ui.dialogs.plan import file_import, folder_import
from desktop_app.ui.dialogs.plan.file_import import PlanImportDialog
from desktop_app.ui.dialogs.plan.folder_import import PlanFolderImportDialog
from desktop_app.ui.dialogs.subject import SubjectDialog
from desktop_app.ui.session import Session
from desktop_app.ui.views.associations import AssociationsView
from desktop_app.ui.widgets.accounts_panel import AccountsPanel
from tests.services.test_plan_import import KK_BODY, KK_HEADER, xlsx
from tests.ui.conftest import account, finish, type_text
from tests.ui.test_plans_workflow import YEAR, new_draft, plans_view, status_of


def slowed(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> tuple[threading.Event, list[int]]:
    """``owner.name`` waits for the returned event; the list gets the thread of every call."""
    real, release, threads = getattr(owner, name), threading.Event(), []

    def slow(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.get_ident())
        assert release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, slow)
    return release, threads


def plan_ids(session: Session) -> list[str]:
    s = session
    return sorted(p.id for p in s.services.plans.list(s.actor, s.school))


def _year(session: Session):  # type: ignore[no-untyped-def]
    s = session
    return next(y for y in s.services.schools.list_years(s.actor, s.school) if y.id == YEAR)


# Steps on the path to approval -----------------------------------------------------------------
def test_a_second_click_on_submit_while_it_runs_submits_once_off_the_gui_thread(  # type: ignore[no-untyped-def]
        qtbot, sign_in, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    teacher = sign_in("teacher")
    draft = new_draft(teacher, "t-05", 8, ["8Б"])
    view = plans_view(qtbot, teacher)
    view.select_plan(draft.id)
    release, threads = slowed(monkeypatch, services.plans, "submit")
    qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)  # busy: ignored, not queued
    assert status_of(services, teacher, draft.id) is PlanStatus.DRAFT  # not yet: the worker waits
    release.set()
    finish(qtbot)
    assert len(threads) == 1 and threads[0] != threading.get_ident()
    assert status_of(services, teacher, draft.id) is PlanStatus.SUBMITTED
    assert view.selected() is not None and view.selected().plan.status is PlanStatus.SUBMITTED  # type: ignore[union-attr]
    assert not view.submit_button.isEnabled()


def test_a_refused_step_is_a_message_and_the_list_shows_where_the_plans_stand(  # type: ignore[no-untyped-def]
        qtbot, sign_in, services: Services) -> None:
    teacher = sign_in("teacher")
    draft = new_draft(teacher, "t-05", 8, ["8Б"])
    view = plans_view(qtbot, teacher)
    view.select_plan(draft.id)
    services.plans.submit(teacher.actor, teacher.school, draft.id)  # meanwhile, in another window
    assert view.submit()
    finish(qtbot)
    assert view.message.text()  # the refusal, in the user's language
    assert view.selected() is not None and view.selected().plan.status is PlanStatus.SUBMITTED  # type: ignore[union-attr]


# The KTP editor ------------------------------------------------------------------------------------
def test_a_failure_while_the_editor_saves_leaves_no_plan_and_keeps_the_dialog(  # type: ignore[no-untyped-def]
        qtbot, sign_in, monkeypatch: pytest.MonkeyPatch) -> None:
    teacher = sign_in("teacher")
    draft = new_draft(teacher, "t-05", 8, ["8Б"])
    view = plans_view(qtbot, teacher)
    view.select_plan(draft.id)
    editor = view.make_editor_dialog(draft)
    assert editor is not None
    qtbot.addWidget(editor)
    editor.show()
    editor.autosave.stop()
    type_text(editor.classes, ", 8В")
    crashes: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: crashes.append(error))

    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("the disk went away after the plan was written")

    monkeypatch.setattr(PlanService, "_event", broken)  # after save_plan, inside the same transaction
    before = teacher.services.plans.get(teacher.actor, teacher.school, draft.id)
    editor.save_button.click()
    finish(qtbot)
    assert [str(c) for c in crashes] == ["the disk went away after the plan was written"]
    assert teacher.services.plans.get(teacher.actor, teacher.school, draft.id) == before  # rolled back
    assert editor.isVisible() and editor.classes.text().endswith(", 8В")  # nothing typed is lost
    assert editor.saved_plan is None
    monkeypatch.undo()  # closing the editor at the end saves its draft for real


# KTP file import -------------------------------------------------------------------------------
def ktp_file(tmp_path: Path) -> Path:
    path = tmp_path / "КТЖ 8Б.xlsx"
    path.write_bytes(xlsx(KK_HEADER, KK_BODY))
    return path


def test_a_cancelled_file_import_writes_nothing_and_keeps_the_form(  # type: ignore[no-untyped-def]
        qtbot, sign_in, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = sign_in("administrator")
    dialog = PlanImportDialog(session, _year(session))
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.classes, "8Б")
    before = plan_ids(session)
    release, threads = slowed(monkeypatch, file_import, "read_table_file")
    operation = dialog.load(ktp_file(tmp_path))
    assert operation is not None and operation.progress is not None
    qtbot.waitUntil(lambda: operation._dialog is not None and operation._dialog.isVisible(), timeout=3000)
    assert operation._dialog is not None
    cancel = operation._dialog.findChild(QPushButton)
    assert cancel is not None and cancel.isVisible()
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)  # what the user sees: the progress dialog's Cancel
    release.set()
    finish(qtbot)
    assert threads and threads[0] != threading.get_ident()
    assert dialog.parsed is None and dialog.file_table is None and dialog.file.text() == ""
    assert not dialog.import_button.isEnabled() and dialog.classes.text() == "8Б"
    assert plan_ids(session) == before


def test_the_file_is_read_off_the_gui_thread_and_import_twice_imports_once(  # type: ignore[no-untyped-def]
        qtbot, sign_in, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = sign_in("administrator")
    dialog = PlanImportDialog(session, _year(session), ktp_file(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.parsed is None  # not yet: the worker reads it
    finish(qtbot)
    assert dialog.parsed is not None and dialog.parsed.importable
    dialog.teacher.setCurrentIndex(dialog.teacher.findData("t-05"))
    dialog.subject.setCurrentIndex(dialog.subject.findData("informatics"))
    dialog.grade.setValue(8)
    before = plan_ids(session)
    release, _threads = slowed(monkeypatch, session.services.plans, "import_plan")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    release.set()
    finish(qtbot)
    assert len(plan_ids(session)) == len(before) + 1
    assert dialog.saved_plan is not None and not dialog.isVisible()


def test_a_refused_file_import_names_its_field_and_keeps_the_preview(  # type: ignore[no-untyped-def]
        qtbot, sign_in, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = sign_in("administrator")
    dialog = PlanImportDialog(session, _year(session), ktp_file(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    finish(qtbot)
    dialog.teacher.setCurrentIndex(dialog.teacher.findData("t-05"))
    dialog.subject.setCurrentIndex(dialog.subject.findData("informatics"))
    dialog.grade.setValue(8)
    dialog.classes.clear()
    type_text(dialog.classes, "8Б, 8В")

    def refuse(*_args: Any, **_kwargs: Any) -> None:  # as the domain's bounds refuse a grade
        raise DomainError(Rule.VALUE, N_("The grade must be from {low} to {high}"), {"low": 0, "high": 12},
                          field="grade")

    monkeypatch.setattr(session.services.plans, "import_plan", refuse)
    before = plan_ids(session)
    dialog.accept()
    finish(qtbot)
    assert dialog.isVisible() and dialog.errors["grade"].isVisible() and "12" in dialog.errors["grade"].text()
    assert dialog.parsed is not None and dialog.grade.value() == 8 and dialog.classes.text() == "8Б, 8В"
    assert dialog.saved_plan is None and plan_ids(session) == before


def test_a_cancelled_folder_read_shows_no_file_and_writes_nothing(  # type: ignore[no-untyped-def]
        qtbot, sign_in, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = sign_in("administrator")
    folder = tmp_path / "КТП"
    folder.mkdir()
    ktp_file(folder)
    dialog = PlanFolderImportDialog(session, _year(session))
    qtbot.addWidget(dialog)
    dialog.show()
    release, _threads = slowed(monkeypatch, folder_import, "plan_files")
    before = plan_ids(session)
    operation = dialog.load(folder)
    assert operation is not None and operation.progress is not None
    operation.progress.cancel()
    release.set()
    finish(qtbot)
    assert dialog.drafts == [] and dialog.table.rowCount() == 0 and not dialog.import_button.isEnabled()
    assert plan_ids(session) == before


# Settings and associations -----------------------------------------------------------------------
def test_a_refused_subject_keeps_what_was_typed(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    session = sign_in("administrator")
    dialog = SubjectDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    existing = session.services.teachers.list_subjects(session.actor, session.school)[0].name
    type_text(dialog.name_kk, existing.kk or "")  # the name of a subject the school has already
    type_text(dialog.name_ru, "Астрономия")
    assert dialog.save()
    finish(qtbot)
    assert dialog.isVisible() and dialog.saved is None
    assert any(label.isVisible() for label in [*dialog.errors.values(), dialog.general_error])
    assert dialog.name_ru.text() == "Астрономия"


def test_a_second_lock_click_while_it_runs_does_nothing(  # type: ignore[no-untyped-def]
        qtbot, sign_in, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    session = sign_in("administrator")
    panel = AccountsPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    login, _password = account("teacher")
    panel.select(login)
    release, threads = slowed(monkeypatch, services.accounts, "set_locked")
    assert panel.toggle_lock()
    assert not panel.toggle_lock()  # busy: nothing started
    release.set()
    finish(qtbot)
    assert len(threads) == 1
    assert next(u for u in services.accounts.list_users(session.actor) if u.login == login).locked


def test_the_copy_to_the_next_year_runs_once_per_click(  # type: ignore[no-untyped-def]
        qtbot, sign_in, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.information", lambda *_a: None)
    session = sign_in("administrator")
    view = AssociationsView(session)
    qtbot.addWidget(view)
    view.set_year(next(y for y in services.schools.list_years(session.actor, session.school) if y.id == "2025-2026"))
    release, threads = slowed(monkeypatch, services.associations, "copy_to_year")
    assert view.copy_to_next_year()
    assert not view.copy_to_next_year()
    assert operations.runner().running
    release.set()
    finish(qtbot)
    assert len(threads) == 1 and view.copied is not None
    created, _skipped = view.copied
    assert created and all(c.academic_year == YEAR for c in created)


def test_an_import_dialog_deleted_while_its_file_is_read_is_no_crash(  # type: ignore[no-untyped-def]
        qtbot, sign_in, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    crashes: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: crashes.append(error))
    session = sign_in("administrator")
    release, _threads = slowed(monkeypatch, file_import, "read_table_file")
    dialog = PlanImportDialog(session, _year(session), ktp_file(tmp_path))
    dialog.show()
    qtbot.waitUntil(lambda: operations.runner().current is not None
                    and operations.runner().current._dialog is not None
                    and operations.runner().current._dialog.isVisible(), timeout=3000)
    dialog.close()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=3000)
    release.set()
    finish(qtbot)
    assert crashes == []
