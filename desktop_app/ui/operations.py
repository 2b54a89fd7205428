"""One user action, one operation: a service call run off the GUI thread.

Learnt from Anki's ``aqt/operations`` (``CollectionOp``/``QueryOp``), not copied. A window action
calls :func:`run` with the work (one service call, which is one transaction) and what to do with
the result. The work runs on a worker of ``QThreadPool``; its outcome comes back to the GUI thread
through a queued signal. Meanwhile:

* a second action while one is running does nothing (``run`` returns None);
* after ``BUSY_DELAY_MS`` the busy cursor and a status text appear (never for quick work), and for
  long work a progress dialog, with Cancel where the work can stop halfway;
* a refusal (``UserError``) goes to one place: the caller's ``refused`` (its field), else a message
  box; anything else is a bug and goes to ``sys.excepthook`` (the log and the crash dialog);
* on success the operation's :class:`Change` kinds are announced on :data:`bus` so that only the
  views showing that kind of record reload; after a Cancel too, since work stopped halfway may
  have finished whole steps (a folder of files, each imported in its own transaction).

Each service call opens its own SQLAlchemy session, which checks a connection out of the engine's
pool for the worker thread and returns it at the end (SQLAlchemy 2 opens SQLite files with
``check_same_thread=False`` and a QueuePool): no connection is used by two threads at once.
"""

from __future__ import annotations

import inspect
import logging
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QWidget

from desktop_app.domain.errors import UserError
from desktop_app.i18n import N_, Message, Text, _, render

log = logging.getLogger(__name__)

#: Quick work shows nothing; the busy cursor appears only once the work takes longer than this.
BUSY_DELAY_MS = 200
#: The status text of an operation that names nothing better.
WORKING = Text(N_("Working…"))
SAVING = Text(N_("Saving…"))
NOT_DONE = Text(N_("Not done"))


class Change(Enum):
    """Kinds of records an operation may change; a view reloads when it shows one of them."""

    SCHOOL = "school"
    YEARS = "years"
    SUBJECTS = "subjects"
    TEACHERS = "teachers"
    ASSOCIATIONS = "associations"
    MEETINGS = "meetings"
    PLANS = "plans"
    MENTORING = "mentoring"
    VISITS = "visits"
    MATERIALS = "materials"
    EVENTS = "events"
    ACCOUNTS = "accounts"
    BACKUPS = "backups"
    OLYMPIADS = "olympiads"
    STAFF_RECORDS = "staff_records"  # attestation and courses


#: After a restore or an import everything may differ.
EVERYTHING = frozenset(Change)


class Cancelled(Exception):
    """Raised in the worker by :meth:`Progress.check` once the user pressed Cancel."""


class Progress:
    """Given to work that reports how far it is and may be cancelled (thread-safe)."""

    def __init__(self, emit: Callable[[int, int], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        """``done`` of ``total`` steps; raises :class:`Cancelled` once the user cancelled."""
        self.check()
        self._emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled


@dataclass
class _Outcome:
    result: Any = None
    error: BaseException | None = None


class _Relay(QObject):
    """Lives in the GUI thread; a signal emitted by the worker is queued to it."""

    finished = Signal(object)
    progressed = Signal(int, int)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            outcome = _Outcome(result=self._work())
        except BaseException as error:  # every outcome goes back to the GUI thread
            outcome = _Outcome(error=error)
        self._relay.finished.emit(outcome)


@dataclass
class Operation:
    """One running action; ``done`` is True once its outcome was delivered (tests wait on it)."""

    label: Message
    changes: frozenset[Change]
    parent: QWidget | None
    on_success: Callable[[Any], None] | None
    refused: Callable[[UserError], None] | None
    on_cancel: Callable[[], None] | None
    initiator: object | None
    progress: Progress | None = None
    #: The window disabled while exclusive work runs.
    disabled: QWidget | None = None
    done: bool = False
    outcome: _Outcome | None = None
    _dialog: QProgressDialog | None = field(default=None, repr=False)


class Runner(QObject):
    """Runs one operation at a time for the whole window.

    Signals: ``busy(message)`` with the status text (None when idle again), ``changed(changes,
    initiator)`` after a successful operation, ``idle()`` after every outcome.
    """

    busy = Signal(object)
    changed = Signal(object, object)
    idle = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one action at a time: no two transactions race
        self.current: Operation | None = None
        self._relay: _Relay | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_busy)
        self._cursor = False

    @property
    def running(self) -> bool:
        return self.current is not None

    def run(self, work: Callable[..., Any], *, label: Message = WORKING,
            changes: Iterable[Change] = (), parent: QWidget | None = None,
            on_success: Callable[[Any], None] | None = None,
            refused: Callable[[UserError], None] | None = None,
            cancellable: bool = False, on_cancel: Callable[[], None] | None = None,
            initiator: object | None = None, exclusive: bool = False) -> Operation | None:
        """Start ``work`` on the worker; None (nothing done) while another operation runs.

        ``work`` takes no argument, or a :class:`Progress` when it reports progress (then a
        progress dialog appears after the delay, with Cancel if ``cancellable``). It must not
        touch a widget: read the form before, show the result in ``on_success``. ``exclusive``
        work (a restore replaces the database file) disables the window at once, so that nothing
        reads the database meanwhile."""
        if self.current is not None:
            log.info("ignored while %r runs: %r", self.current.label, label)
            return None
        wants_progress = any(p.default is p.empty and p.kind is not p.KEYWORD_ONLY
                             for p in inspect.signature(work).parameters.values())
        relay = _Relay(self)
        operation = Operation(label, frozenset(changes), parent, on_success, refused, on_cancel, initiator)
        if wants_progress:
            operation.progress = Progress(relay.progressed.emit)
            progress = operation.progress
            call: Callable[[], Any] = lambda: work(progress)  # noqa: E731
        else:
            call = work
        operation._dialog = self._progress_dialog(operation, cancellable) if wants_progress else None
        if operation._dialog is not None:
            relay.progressed.connect(self._on_progress)
        relay.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self.current, self._relay = operation, relay
        if exclusive and parent is not None:
            operation.disabled = parent.window()
            operation.disabled.setEnabled(False)
        self._timer.start(BUSY_DELAY_MS)
        self.pool.start(_Task(call, relay))
        return operation

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until the worker is free (closing the window; the bench's baseline)."""
        return bool(self.pool.waitForDone(timeout_ms))

    # Busy indicator --------------------------------------------------------------------------
    def _progress_dialog(self, operation: Operation, cancellable: bool) -> QProgressDialog:
        dialog = QProgressDialog(operation.parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(BUSY_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setLabelText(render(operation.label))
        dialog.setRange(0, 0)
        if cancellable:
            dialog.setCancelButtonText(_("Cancel"))
            progress = operation.progress
            assert progress is not None
            dialog.canceled.connect(progress.cancel)
        else:
            dialog.setCancelButton(None)
        dialog.reset()  # shown only after the delay (minimumDuration), not at once
        return dialog

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        operation = self.current
        if operation is None or operation._dialog is None or not shiboken6.isValid(operation._dialog):
            return
        operation._dialog.setMaximum(max(total, 0))
        operation._dialog.setValue(min(done, total) if total > 0 else 0)

    def _show_busy(self) -> None:
        if self.current is None:
            return
        if not self._cursor:
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BusyCursor))
            self._cursor = True
        self.busy.emit(self.current.label)

    def _end_busy(self) -> None:
        self._timer.stop()
        if self._cursor:
            QGuiApplication.restoreOverrideCursor()
            self._cursor = False
        self.busy.emit(None)

    # Outcome ---------------------------------------------------------------------------------
    @Slot(object)
    def _on_finished(self, outcome: _Outcome) -> None:
        operation = self.current
        assert operation is not None
        if self._relay is not None:
            self._relay.deleteLater()
        self.current, self._relay = None, None
        operation.outcome = outcome
        if operation._dialog is not None:
            if shiboken6.isValid(operation._dialog):  # deleted with its window meanwhile
                operation._dialog.close()
                operation._dialog.deleteLater()
            operation._dialog = None
        self._end_busy()
        if operation.disabled is not None:
            operation.disabled.setEnabled(True)
            operation.disabled = None
        try:
            self._deliver(operation, outcome)
        finally:
            operation.done = True
            # Keep no widget alive past its time through a finished operation.
            operation.parent = operation.on_success = operation.refused = operation.on_cancel = None
            operation.initiator = None
            self.idle.emit()

    def _deliver(self, operation: Operation, outcome: _Outcome) -> None:
        error = outcome.error
        if operation.parent is not None and not shiboken6.isValid(operation.parent):
            # The window that asked is gone (closed and deleted meanwhile): the work is done or
            # refused all the same; only the views are told, nobody is left to show it to.
            log.info("outcome of %r after its window was deleted", operation.label)
            if (error is None or isinstance(error, Cancelled)) and operation.changes:
                self.changed.emit(operation.changes, operation.initiator)
            return
        if error is None:
            if operation.changes:
                self.changed.emit(operation.changes, operation.initiator)
            if operation.on_success is not None:
                operation.on_success(outcome.result)
        elif isinstance(error, Cancelled):
            log.info("cancelled: %r", operation.label)
            if operation.changes:  # whole steps done before the Cancel stay done
                self.changed.emit(operation.changes, operation.initiator)
            if operation.on_cancel is not None:
                operation.on_cancel()
        elif isinstance(error, UserError):
            if operation.refused is not None:
                operation.refused(error)
            else:
                show_refusal(operation.parent, error)
        elif isinstance(error, Exception):
            sys.excepthook(type(error), error, error.__traceback__)
        else:
            raise error  # SystemExit, KeyboardInterrupt: not ours to swallow


def accept_after(dialog: QDialog, work: Callable[[], Any], *, changes: Iterable[Change],
                 refused: Callable[[UserError], None], label: Message = SAVING,
                 keep: Callable[[Any], None] | None = None) -> Operation | None:
    """A form dialog's OK: the service call as an operation; once it is saved the result is kept
    (``dialog.saved`` unless ``keep`` says otherwise) and the dialog closes as accepted; a refusal
    goes to ``refused`` (its field) and the dialog stays open with everything typed."""
    def saved(result: Any) -> None:
        if keep is not None:
            keep(result)
        else:
            setattr(dialog, "saved", result)  # noqa: B010 - every form dialog keeps what it saved here
        QDialog.accept(dialog)

    return run(work, label=label, changes=changes, parent=dialog, on_success=saved, refused=refused,
               initiator=dialog)


def show_refusal(parent: QWidget | None, error: UserError, title: Message = NOT_DONE) -> None:
    """The one place a refusal without a field of its own is shown: a message box."""
    QMessageBox.warning(parent, render(title), error.render(_))


_runner: Runner | None = None


def runner() -> Runner:
    """The window's runner (made on first use, in the GUI thread)."""
    global _runner
    if _runner is None:
        _runner = Runner()
    return _runner


def run(work: Callable[..., Any], **options: Any) -> Operation | None:
    """Start an operation on the window's runner: see :meth:`Runner.run`."""
    return runner().run(work, **options)


def bus() -> Runner:
    """Who listens for ``changed`` and ``busy`` (the main window)."""
    return runner()
