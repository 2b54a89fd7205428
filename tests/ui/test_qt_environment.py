"""The program paints on one thread (``qt_environment.prepare_qt``): Qt's switch still works in the
Qt we ship, and an administrator's own setting is kept."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop_app.ui.qt_environment import SERIAL_FILLS, prepare_qt

#: Paints a tall gradient (a fill of many lines, as a scroll bar's groove) and prints how many
#: threads the process has then (Linux: /proc/self/task).
PAINT = """
import os
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter
from PySide6.QtWidgets import QApplication
from desktop_app.ui.qt_environment import prepare_qt
if os.environ.get("PREPARE"):
    prepare_qt()
app = QApplication([])
image = QImage(400, 900, QImage.Format.Format_ARGB32_Premultiplied)
gradient = QLinearGradient(QPointF(0, 0), QPointF(400, 0))
gradient.setColorAt(0, QColor("#eef2f5"))
gradient.setColorAt(1, QColor("#1f5f8b"))
painter = QPainter(image)
for _ in range(20):
    painter.fillRect(image.rect(), gradient)
painter.end()
print(len(os.listdir("/proc/self/task")))
"""


def _threads(prepare: bool) -> int:
    environment = {k: v for k, v in os.environ.items() if k != SERIAL_FILLS}
    environment["QT_QPA_PLATFORM"] = "offscreen"
    if prepare:
        environment["PREPARE"] = "1"
    done = subprocess.run([sys.executable, "-c", PAINT], env=environment, capture_output=True, text=True,
                          timeout=120, check=True)
    return int(done.stdout.split()[-1])


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="counts threads through /proc")
def test_fills_stay_on_the_painting_thread() -> None:
    assert _threads(prepare=True) < _threads(prepare=False), "Qt's switch no longer keeps fills on one thread"


def test_it_is_set_unless_set_already(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SERIAL_FILLS, raising=False)
    prepare_qt()
    assert os.environ[SERIAL_FILLS] == "1"
    monkeypatch.setenv(SERIAL_FILLS, "0")  # Qt reads whether it is set; an administrator's value stays
    prepare_qt()
    assert os.environ[SERIAL_FILLS] == "0"


def test_the_tests_paint_as_the_program_does() -> None:
    assert SERIAL_FILLS in os.environ
