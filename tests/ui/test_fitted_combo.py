"""FittedComboBox: measured as Qt's AdjustToContents measures, told to its layout with the change, and
never resized again a moment later (a section would be laid out and painted twice, issue 15)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QComboBox, QHBoxLayout, QWidget

from desktop_app.ui.style import STYLE
from desktop_app.ui.widgets.fitted_combo import FittedComboBox
from tests.ui.conftest import PaintCounter

CHOICES = [
    [],
    ["Бүкіл жыл"],
    ["Бүкіл жыл", "2-тоқсан (03.11.2025 – 26.12.2025)", "Ә Ғ Қ Ң Ө Ұ Ү Һ І"],
    ["Весь год", "Четверть 3 (08.01.2026 – 18.03.2026)", "МО учителей естественно-математического цикла"],
]


#: The windows of a test (the boxes live as long as their holders).
HOLDERS: list[QWidget] = []


@pytest.fixture(autouse=True)
def _forget_holders() -> None:
    HOLDERS.clear()


def _holder(qtbot, box: QComboBox) -> QWidget:  # type: ignore[no-untyped-def]
    holder = QWidget()
    HOLDERS.append(holder)
    qtbot.addWidget(holder)
    holder.setStyleSheet(STYLE)
    row = QHBoxLayout(holder)
    row.addWidget(box)
    row.addStretch(1)
    holder.resize(900, 60)
    holder.show()
    qtbot.waitExposed(holder)
    return holder


@pytest.mark.parametrize("choices", CHOICES)
def test_it_is_as_wide_as_qt_measures_its_choices(qtbot, choices: list[str]) -> None:  # type: ignore[no-untyped-def]
    ours, qts = FittedComboBox(), QComboBox()
    qts.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    for box in (ours, qts):
        _holder(qtbot, box)
        box.addItem("x")
        box.clear()
        box.addItems(choices)
    assert ours.sizeHint() == qts.sizeHint()


def test_a_longer_choice_widens_it_at_once_and_nothing_moves_later(qtbot) -> None:  # type: ignore[no-untyped-def]
    ours, qts = FittedComboBox(), QComboBox()
    qts.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    watchers = []
    for box in (ours, qts):
        holder = _holder(qtbot, box)
        box.addItems(["Весь год"])
        qtbot.wait(60)
        narrow = box.width()
        box.addItem("Четверть 3 (08.01.2026 – 18.03.2026)")
        holder.layout().activate()  # what the next turn of the event loop does, here and now
        assert box.width() == box.sizeHint().width() > narrow
        QApplication.sendPostedEvents()  # the requests posted so far delivered, no timer run yet
        watcher = PaintCounter(QEvent.Type.LayoutRequest)  # each lays the window out again
        holder.installEventFilter(watcher)
        watchers.append(watcher)
    qtbot.wait(80)
    assert ours.width() == ours.sizeHint().width()
    assert watchers[0].count == 0
    # Qt's own re-fits 20 ms later, on a timer: its window is laid out again (and painted).
    assert watchers[1].count > 0, "Qt's AdjustToContents no longer re-fits later: FittedComboBox may go"


def test_a_new_font_is_measured_again(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = FittedComboBox()
    _holder(qtbot, box)
    box.addItems(["Қазақ тілі мен әдебиеті"])
    before = box.sizeHint().width()
    font = box.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    box.setFont(font)
    assert box.sizeHint().width() > before
