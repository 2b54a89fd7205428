"""The operations layer (issue 15, point 2): an action runs off the GUI thread, a second click
while it runs does nothing, the busy cursor comes only after the delay, a refusal reaches its
field, a failure leaves nothing half-saved (a real SQLite file), a bug reaches the crash handler,
long work can be cancelled, and only the sections showing a changed kind reload."""

from __future__ import annotations

import sys
import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication

from desktop_app.domain.entities import PlanStatus, ReviewOutcome
from desktop_app.domain.errors import DomainError, Rule
from desktop_app.i18n import N_, Text, _
from desktop_app.ui import operations
from desktop_app.ui.dialogs.meeting import MeetingDialog
from desktop_app.ui.main_window import SECTIONS, MainWindow
from desktop_app.ui.operations import BUSY_DELAY_MS, Change, Progress
from desktop_app.ui.session import Session
from tests.ui.conftest import finish, type_text
from tests.ui.test_meetings import BODY, fill_header, submitted_plans


@pytest.fixture
def dialog(qtbot, sign_in) -> MeetingDialog:  # type: ignore[no-untyped-def]
    session: Session = sign_in("administrator")
    body = session.services.associations.get(session.actor, session.school, BODY)
    opened = MeetingDialog(session, body)
    qtbot.addWidget(opened)
    opened.show()
    opened.autosave.stop()
    fill_header(qtbot, opened)
    return opened


def blocked(release: threading.Event, seen: list[int] | None = None) -> Any:
    def work() -> str:
        if seen is not None:
            seen.append(threading.get_ident())
        assert release.wait(10)
        return "done"
    return work


def test_the_work_runs_off_the_gui_thread_and_a_second_action_while_busy_does_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    release, seen, results = threading.Event(), [], []
    first = operations.run(blocked(release, seen), on_success=results.append)
    assert first is not None and operations.runner().running
    assert operations.run(lambda: results.append("second")) is None  # ignored, not queued
    release.set()
    finish(qtbot)
    assert results == ["done"] and first.done
    assert seen and seen[0] != threading.get_ident()


def test_a_second_click_on_save_while_it_saves_saves_once(qtbot, dialog: MeetingDialog,  # type: ignore[no-untyped-def]
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    service = dialog.session.services.meetings
    real, release, calls = service.save_protocol, threading.Event(), []

    def slow(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        assert release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(service, "save_protocol", slow)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    release.set()
    finish(qtbot)
    assert len(calls) == 1
    assert dialog.saved is not None and dialog.saved.number == 3


def test_the_busy_cursor_and_status_come_only_after_the_delay(qtbot) -> None:  # type: ignore[no-untyped-def]
    release, shown = threading.Event(), []
    operations.bus().busy.connect(shown.append)
    try:
        started = time.perf_counter()
        operations.run(blocked(release), label=Text(N_("Saving the protocol…")))
        qtbot.wait(BUSY_DELAY_MS // 2)
        assert QGuiApplication.overrideCursor() is None and shown == []  # quick work shows nothing
        qtbot.waitUntil(lambda: QGuiApplication.overrideCursor() is not None, timeout=2000)
        assert (time.perf_counter() - started) * 1000 >= BUSY_DELAY_MS * 0.9
        assert QGuiApplication.overrideCursor().shape() == Qt.CursorShape.BusyCursor
        assert [str(s) for s in shown] == [str(Text(N_("Saving the protocol…")))]
        release.set()
        finish(qtbot)
        assert QGuiApplication.overrideCursor() is None and shown[-1] is None
    finally:
        release.set()
        operations.bus().busy.disconnect(shown.append)


def test_a_refusal_of_the_service_reaches_its_field(qtbot, dialog: MeetingDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.header.date.setDate(QDate(2031, 3, 2))  # outside the body's academic year (rule 3)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.header.errors["date"].isVisible()  # not yet: the service is asked off-thread
    finish(qtbot)
    assert dialog.header.errors["date"].isVisible() and "2031" in dialog.header.errors["date"].text()
    assert dialog.saved is None and dialog.header.place.text() == "Мұғалімдер бөлмесі"  # nothing lost


def test_a_failure_in_the_middle_leaves_nothing_half_saved(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    session: Session = sign_in("administrator")
    services = session.services
    first, second = submitted_plans(services, session)
    body = services.associations.get(session.actor, session.school, BODY)
    dialog = MeetingDialog(session, body)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.autosave.stop()
    fill_header(qtbot, dialog)
    qtbot.mouseClick(dialog.add_item_button, Qt.MouseButton.LeftButton)
    editor = dialog.editors[0]
    type_text(editor.title, "КТЖ қарау")
    type_text(editor.decisions, "Ұсынылсын")
    editor.set_plan_outcome(first, ReviewOutcome.RECOMMENDED)
    editor.set_plan_outcome(second, ReviewOutcome.RETURNED, "")  # returned needs remarks (rule 6)
    before = [m.id for m in services.meetings.list(session.actor, session.school, BODY)]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert dialog.saved is None and dialog.general_error.isVisible()
    assert [m.id for m in services.meetings.list(session.actor, session.school, BODY)] == before
    assert services.plans.get(session.actor, session.school, first).status is PlanStatus.SUBMITTED
    editor.set_plan_outcome(second, ReviewOutcome.RETURNED, "Сағат саны сәйкес емес")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert dialog.saved is not None
    assert services.plans.get(session.actor, session.school, first).status is PlanStatus.RECOMMENDED


def test_a_refusal_without_a_field_is_a_message_and_a_bug_goes_to_the_crash_handler(
        qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(operations.QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    refusal = DomainError(Rule.VALUE, N_("Not found: {kind} {id}"), {"kind": "x", "id": "y"})

    def refuse() -> None:
        raise refusal

    operations.run(refuse)
    finish(qtbot)
    assert shown == [refusal.render(_)]  # in the user's language
    caught: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _type, value, _tb: caught.append(value))

    def bug() -> None:
        raise ZeroDivisionError("a bug")

    operations.run(bug)
    finish(qtbot)
    assert len(caught) == 1 and isinstance(caught[0], ZeroDivisionError) and len(shown) == 1


def test_long_work_reports_progress_and_can_be_cancelled(qtbot) -> None:  # type: ignore[no-untyped-def]
    steps: list[int] = []
    outcome: list[str] = []

    def work(progress: Progress) -> str:
        for step in range(10_000):
            progress.report(step, 10_000)
            steps.append(step)
            time.sleep(0.001)
        return "finished"

    operation = operations.run(work, cancellable=True, on_success=outcome.append,
                               on_cancel=lambda: outcome.append("cancelled"))
    assert operation is not None and operation.progress is not None
    qtbot.waitUntil(lambda: len(steps) > 20, timeout=5000)
    operation.progress.cancel()
    finish(qtbot)
    assert outcome == ["cancelled"] and len(steps) < 10_000


def test_only_the_sections_showing_a_changed_kind_reload(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    rows = {section.key: row for row, section in enumerate(SECTIONS)}
    window.show_section("teachers")
    reloaded: list[str] = []
    for key, view in window.views.items():
        monkeypatch.setattr(view, "refresh", lambda key=key: reloaded.append(key))
    window._stale.clear()
    operations.bus().changed.emit(frozenset({Change.VISITS}), None)
    assert rows["visits"] in window._stale and rows["overview"] in window._stale
    assert rows["mentoring"] not in window._stale and rows["associations"] not in window._stale
    window.show_section("mentoring")
    window.show_section("visits")
    assert reloaded == ["visits"]
