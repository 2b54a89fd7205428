"""Other PCs' saves reach this window without a restart (issue 17, point 2).

Every save anywhere adds an entry to the audit trail, so the id of its newest entry is a change
counter (``SchoolService.last_change``). A :class:`ChangeWatcher` asks for it every few seconds on
a thread of its own (never the GUI thread, never the operations worker, so that neither waits for
the other); when it moved and this window did not move it, the open section reloads. An editor
open at that moment is not disturbed: the reload waits until no dialog is open. Works the same on
an SQLite file that two programs share and on a school server.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, SignalInstance, Slot
from PySide6.QtWidgets import QApplication

from desktop_app.i18n import N_, Text
from desktop_app.ui import operations
from desktop_app.ui.session import Session

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: How often the counter is asked for: a save on another PC shows here within this time
#: (``METODSOVET_POLL_MS`` sets it; 0 asks never: the tests' windows keep still).
POLL_MS = 4000


def poll_interval() -> int:
    try:
        return max(0, int(os.environ.get("METODSOVET_POLL_MS", POLL_MS)))
    except ValueError:
        return POLL_MS
UNREACHABLE = Text(N_("The school server cannot be reached; the lists are shown as they were"))


class _Poll(QRunnable):
    def __init__(self, read: Callable[[], int], done: SignalInstance) -> None:
        super().__init__()
        self._read = read
        self._done = done

    def run(self) -> None:
        try:
            self._done.emit(self._read())
        except Exception as error:  # a stopped server: said in the status bar, asked again later
            log.info("change counter not read: %s", error)
            self._done.emit(-1)


class ChangeWatcher(QObject):
    """``changed_elsewhere()`` once another session saved something; ``unreachable(bool)`` when
    the counter cannot be read (a stopped server) and when it can again."""

    changed_elsewhere = Signal()
    unreachable = Signal(bool)
    _read = Signal(int)

    def __init__(self, session: Session, parent: QObject | None = None, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.session = session
        self.seen: int | None = None
        self.down = False
        self._asking = False
        self._own = False  # this window saved since the last answer: its change is not news
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._read.connect(self._on_read)
        operations.bus().changed.connect(self._on_own_change)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self.check()

    def check(self) -> None:
        """Ask for the counter (off the GUI thread) unless a question is still out."""
        if self._asking:
            return
        self._asking = True
        s = self.session
        self.pool.start(_Poll(lambda: s.services.schools.last_change(s.actor, s.school), self._read))

    def stop(self) -> None:
        self.timer.stop()
        self.pool.waitForDone(10_000)

    def _on_own_change(self, *_args: object) -> None:
        self._own = True

    @Slot(int)
    def _on_read(self, counter: int) -> None:
        self._asking = False
        if counter < 0:
            if not self.down:
                self.down = True
                self.unreachable.emit(True)
            return
        if self.down:
            self.down = False
            self.unreachable.emit(False)
        seen, self.seen = self.seen, counter
        if seen is not None and counter != seen:
            if self._own:
                self._own = False
            else:
                self.changed_elsewhere.emit()
        else:
            self._own = False


def follow(window: MainWindow, interval_ms: int | None = None) -> ChangeWatcher | None:
    """Reload ``window``'s open section when another PC saved; every other section is reloaded
    when it is next shown. With a dialog open (an editor) the reload waits for it to close."""
    interval_ms = poll_interval() if interval_ms is None else interval_ms
    if not interval_ms:
        return None
    watcher = ChangeWatcher(window.session, window, interval_ms)
    pending = [False]

    def reload() -> None:
        if QApplication.activeModalWidget() is not None or operations.runner().running:
            pending[0] = True  # an editor is open: not disturbed; reloaded once it is closed
            return
        pending[0] = False
        window._on_records_changed()  # every other section reloads when shown
        window.current_view().refresh()

    def tick() -> None:
        if pending[0]:
            reload()

    def unreachable(down: bool) -> None:
        if down:
            window.show_status(UNREACHABLE)
        else:
            window.statusBar().clearMessage()

    watcher.changed_elsewhere.connect(reload)
    watcher.unreachable.connect(unreachable)
    watcher.timer.timeout.connect(tick)
    return watcher
