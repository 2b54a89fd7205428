"""The Qt binding itself: PySide6 6.12.0 lost a reference to True/False on every Signal.emit(),
which aborted the interpreter after some thousands of signals (the reason for the version range
in pyproject.toml). This guards any future upgrade."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLineEdit


class _Emitter(QObject):
    bare = Signal()
    text = Signal(str)


def _counts() -> tuple[int, int, int]:
    gc.collect()
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def test_signals_keep_the_reference_counts_of_singletons(qapp: QApplication) -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.bare.connect(lambda: received.append(1))
    emitter.text.connect(received.append)
    field = QLineEdit()
    field.textChanged.connect(received.append)
    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(lambda: None)
    before = _counts()
    for number in range(2000):
        emitter.bare.emit()
        emitter.text.emit("Әә")
        field.setText(str(number))
    timer.start()
    for _ in range(500):
        qapp.processEvents()
    timer.stop()
    after = _counts()
    assert len(received) == 6000
    assert all(abs(b - a) < 100 for a, b in zip(before, after, strict=True)), (before, after)
