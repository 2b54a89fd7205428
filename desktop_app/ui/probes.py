"""Clocks for bench/startup_bench.py: environment switches that make the window report its timings.

With ``METODSOVET_STARTUP_PROBE`` set, the program prints when the first window (sign-in) was
painted and which heavy modules were loaded by then, and closes it. With ``METODSOVET_SIGN_IN_PROBE``
set, it signs in as the demo administrator once the database is open and prints the time from
sign-in accepted to the main window painted with its data. Nothing here runs otherwise.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from desktop_app.ui.dialogs.sign_in import SignInDialog

STARTUP_PROBE = "METODSOVET_STARTUP_PROBE"
SIGN_IN_PROBE = "METODSOVET_SIGN_IN_PROBE"
PROBE_ACCOUNT = ("zavuch", "zavuch-demo")
#: What must not stand between the process start and the first window.
HEAVY_MODULES = ("sqlalchemy", "alembic", "reportlab", "openpyxl")
#: What is loaded just after the first paint, not before (issue 15: ~30 ms): the log's handlers
#: (socket, pickle, queue), the operations layer, the domain's errors, OpenSSL's hashes,
#: ``dataclasses`` (its import and the code each dataclass compiles), PySide6's ``Qt`` namespace
#: (its first use builds ~90 enum types) and ``QMessageBox`` (its type and enums, ~1 ms).
LATE_MODULES = ("logging.handlers", "desktop_app.ui.operations", "desktop_app.domain.errors", "hashlib",
                "dataclasses", "PySide6.QtCore.Qt", "PySide6.QtWidgets.QMessageBox")


class FirstPaint(QObject):
    """Calls ``callback`` once, after the first paint of ``widget`` (the probes' clock stops there)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            QTimer.singleShot(0, callback)
        return False


def startup_probe() -> bool:
    return bool(os.environ.get(STARTUP_PROBE))


def sign_in_probe() -> bool:
    return bool(os.environ.get(SIGN_IN_PROBE))


def heavy_modules_loaded() -> list[str]:
    return [name for name in HEAVY_MODULES if name in sys.modules]


def late_modules_loaded() -> list[str]:
    """Those of ``LATE_MODULES`` loaded already (PySide6 adds a class to its module when first used)."""
    loaded = []
    for name in LATE_MODULES:
        module, _, member = name.rpartition(".")
        owner = sys.modules.get(module) if module.startswith("PySide6.") else None
        if name in sys.modules or (owner is not None and member in vars(owner)):
            loaded.append(name)
    return loaded


def _line(text: str) -> None:
    """The probes talk to the bench on standard output (not the log)."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def report_first_window(dialog: SignInDialog) -> None:
    """The first window is painted: the wall-clock time and the modules loaded too early, then close it."""
    heavy = heavy_modules_loaded()
    _line(f"first-window-painted {time.time():.6f}")
    _line(f"first-window-processor {time.process_time():.6f}")  # every thread's, since the process began
    _line("heavy-modules " + (",".join(heavy) if heavy else "none"))
    late = late_modules_loaded()
    _line("early-modules " + (",".join(late) if late else "none"))
    dialog.reject()


def sign_in_as_demo(dialog: SignInDialog) -> None:
    """Type the demo administrator's login and password and sign in, as soon as the loop is free."""
    dialog.login.setText(PROBE_ACCOUNT[0])
    dialog.password.setText(PROBE_ACCOUNT[1])
    QTimer.singleShot(0, dialog.sign_in)


def time_main_window(window: QWidget, accepted: float) -> None:
    """Print the time from sign-in accepted (``perf_counter``) to ``window`` painted, then close it."""

    def painted() -> None:
        _line(f"sign-in-to-window-ms {(time.perf_counter() - accepted) * 1000:.1f}")
        window.close()

    FirstPaint(window, painted)
