"""Settings Qt reads once, when the application object is made: set before it, by the program and
by everything that stands in for it (the tests, the benches)."""

from __future__ import annotations

import os

#: Qt's own switch (read by ``QGuiApplication``): fills stay on the thread that paints.
SERIAL_FILLS = "QT_NO_GUI_THREADPOOL"


def prepare_qt() -> None:
    """Paint on one thread. Qt's raster engine hands every fill of 96 or more lines (a list's
    background, a scroll bar's groove) to a pool of threads and waits for them; on a school PC of
    two cores the hand-off costs more than the fill: a list's scroll bar took 1.0 ms a paint, 0.09
    ms on one thread, and the whole main window 4.6 ms, 2.0 ms (issue 15). The window draws no large
    image that threads would speed up. Set already (by an administrator, to any value): left as is."""
    os.environ.setdefault(SERIAL_FILLS, "1")
