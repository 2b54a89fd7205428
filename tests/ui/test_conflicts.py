"""Two PCs on one database, seen in the window (issue 17, point 2): a save over a copy someone else
saved meanwhile opens the conflict dialog (who, when, both copies) and loses nothing typed; another
PC's save reloads the open section, but not under an open editor; a refusal nobody caught (a
section reloading while the server is stopped) is a message, not the crash dialog."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktop_app import app, i18n
from desktop_app.domain.entities import AgendaItem, Attendance, Language, Meeting, Teacher
from desktop_app.services import Services
from desktop_app.storage.errors import ConnectionLostError
from desktop_app.ui import refresh
from desktop_app.ui.dialogs.conflict import ConflictDialog
from desktop_app.ui.dialogs.meeting import MeetingDialog
from desktop_app.ui.dialogs.teacher import TeacherDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.session import Session
from tests.ui.conftest import account, finish, type_text


@pytest.fixture
def other_pc(database: str, services: Services) -> Iterator[Session]:
    """A second program on the same database, signed in as the head abenova."""
    other = Services.open(database)
    login, password = account("head")
    actor = other.accounts.authenticate(login, password)
    assert actor.school is not None
    yield Session(other, actor, actor.school)
    other.close()


def _when_shown(kind: type[QWidget], act: Callable[[QWidget], None], seen: list[QWidget]) -> None:
    """Once a modal ``kind`` is up (its own event loop runs), ``act`` on it."""
    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            seen.append(widget)
            act(widget)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def _edit_elsewhere(other: Session, teacher: str) -> Teacher:
    s = other.services
    admin = s.accounts.authenticate(*account("administrator"))
    record = s.teachers.get(admin, other.school, teacher)
    return s.teachers.save(admin, other.school, replace(record, patronymic="Серікқызы"))


def _shot(widget: QWidget, name: str) -> None:
    widget.grab().save(str(Path("/tmp") / name))


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_teacher_saved_meanwhile_elsewhere_opens_the_conflict_dialog_and_keeps_the_form(
        qtbot, sign_in, other_pc: Session, language: str) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(language)
    session = sign_in("administrator")
    opened = session.services.teachers.get(session.actor, session.school, "t-05")
    dialog = TeacherDialog(session, opened)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.first_name, "на")
    typed = dialog.first_name.text()
    _edit_elsewhere(other_pc, "t-05")

    seen: list[QWidget] = []

    def look_and_keep(widget: QWidget) -> None:
        assert isinstance(widget, ConflictDialog)
        text = widget.message.text()
        who = session.services.accounts.people(session.actor, session.school)["zavuch"]
        assert who != "zavuch" and who in text and "t-05" in text and widget.error.at in text
        assert not widget.table.isVisible()
        widget.compare_button.click()  # both copies beside each other, read only
        assert widget.table.isVisible()
        rows = {widget.table.item(r, 0).text(): (widget.table.item(r, 1).text(), widget.table.item(r, 2).text())
                for r in range(widget.table.rowCount())}
        assert rows[i18n._("First name")] == (typed, opened.first_name)
        assert rows[i18n._("Patronymic")] == (opened.patronymic, "Серікқызы")
        widget.adjustSize()
        _shot(widget, f"conflict-{language}.png")
        widget.keep_button.click()
        hidden.append(widget.isHidden())  # read now: the closed dialog may be deleted by the time we look

    hidden: list[bool] = []
    _when_shown(ConflictDialog, look_and_keep, seen)
    dialog.accept()
    finish(qtbot)
    assert seen and hidden == [True]
    assert dialog.isVisible() and dialog.first_name.text() == typed  # nothing typed is lost
    assert "zavuch" in dialog.general_error.text()
    stored = session.services.teachers.get(session.actor, session.school, "t-05")
    assert stored.first_name == opened.first_name and stored.patronymic == "Серікқызы"

    _when_shown(ConflictDialog, lambda w: w.reload_button.click(), seen)  # now take their copy
    dialog.accept()
    finish(qtbot)
    assert len(seen) == 2 and not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert session.services.teachers.get(session.actor, session.school, "t-05").first_name == opened.first_name


def test_a_refusal_nobody_caught_is_a_message_not_the_crash_dialog(monkeypatch: pytest.MonkeyPatch,
                                                                    tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    crashes: list[object] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(app, "crash_report", lambda *args: crashes.append(args))
    monkeypatch.setattr("sys.excepthook", None)
    app.install_crash_handler(tmp_path / "log.txt")
    import sys

    error = ConnectionLostError("server closed the connection unexpectedly")
    sys.excepthook(type(error), error, None)
    assert crashes == [] and len(shown) == 1
    assert "server closed the connection" in shown[0] and "{detail}" not in shown[0]
    bug = RuntimeError("a bug")
    sys.excepthook(type(bug), bug, None)
    assert len(crashes) == 1


def test_another_pcs_save_reloads_the_open_section_but_not_under_an_editor(
        qtbot, window: MainWindow, other_pc: Session) -> None:  # type: ignore[no-untyped-def]
    window.show_section("teachers")
    view = window.current_view()
    reloads: list[int] = []
    original = view.refresh

    def counted() -> None:
        reloads.append(1)
        original()

    view.refresh = counted  # type: ignore[method-assign]
    watcher = refresh.follow(window, interval_ms=50)
    assert watcher is not None
    qtbot.waitUntil(lambda: watcher.seen is not None, timeout=5000)
    _edit_elsewhere(other_pc, "t-05")
    qtbot.waitUntil(lambda: bool(reloads), timeout=5000)
    model = view.model  # type: ignore[attr-defined]
    names = [str(model.index(r, 0).data()) for r in range(model.rowCount())]
    assert any("Серікқызы" in name for name in names), names

    reloads.clear()
    editor = QDialog(window)
    editor.setModal(True)
    editor.show()  # an editor is open: left alone
    _edit_elsewhere(other_pc, "t-06")
    qtbot.wait(400)
    assert reloads == []
    editor.close()
    qtbot.waitUntil(lambda: bool(reloads), timeout=5000)  # reloaded once it is closed
    watcher.stop()


def test_a_protocol_saved_meanwhile_elsewhere_keeps_the_editor_and_can_be_taken(
        qtbot, sign_in, other_pc: Session) -> None:  # type: ignore[no-untyped-def]
    session = sign_in("administrator")
    s, actor, school = session.services, session.actor, session.school
    body = s.associations.get(actor, school, "mo-math-26")
    made = s.meetings.save(actor, school, Meeting(
        "", body.id, s.meetings.proposed_number(actor, school, body.id), date(2026, 11, 20), Language.KK,
        body.head, body.secretary or body.head, attendance=[Attendance(t, True) for t in body.member_ids()],
        agenda=[AgendaItem(1, "Қорытынды", ["Назарға алынсын."])]))
    editor = MeetingDialog(session, body, made)
    qtbot.addWidget(editor)
    editor.show()
    type_text(editor.header.place, " 214")
    typed = editor.header.place.text()
    admin = other_pc.services.accounts.authenticate(*account("administrator"))
    theirs = other_pc.services.meetings.get(admin, school, made.id)
    other_pc.services.meetings.save(admin, school, replace(theirs, place="Мұғалімдер бөлмесі"))

    seen: list[QWidget] = []

    looked: list[str] = []

    def keep(widget: QWidget) -> None:  # read first, click, and assert after: the dialog never hangs
        assert isinstance(widget, ConflictDialog)
        widget.compare_button.click()
        looked.append(widget.message.text())
        looked.extend(widget.table.item(r, 1).text() + "|" + widget.table.item(r, 2).text()
                      for r in range(widget.table.rowCount()))
        widget.keep_button.click()

    _when_shown(ConflictDialog, keep, seen)
    editor.save()
    finish(qtbot)
    assert made.id in looked[0] and f"{typed.strip()}|Мұғалімдер бөлмесі" in looked[1:], looked
    assert seen and editor.isVisible() and editor.header.place.text() == typed
    assert made.id in editor.general_error.text()
    assert s.meetings.get(actor, school, made.id).place == "Мұғалімдер бөлмесі"  # theirs stands

    _when_shown(ConflictDialog, lambda w: w.reload_button.click(), seen)
    editor.save()
    finish(qtbot)
    assert len(seen) == 2 and not editor.isVisible()
    assert s.meetings.get(actor, school, made.id).place == "Мұғалімдер бөлмесі"  # closing saved nothing
