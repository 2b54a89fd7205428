"""Every dialog and window closes by Close/Cancel, Escape and the title bar, and what was typed is
saved or the user was asked (issue 13, point 1: a protocol once opened could not be closed).

The dialogs are listed once, in tests/ui/every_dialog.py. Each is opened with the demo's data and
shown; a form gets text typed into it first. After each way of closing, the dialog must be hidden —
what the user sees — not only have returned from a method.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app.ui.main_window import MainWindow
from tests.ui.conftest import finish_now
from tests.ui.every_dialog import DIALOGS, TYPED, Closing, Entry, close_button, type_something


def _close(dialog: QWidget, way: str) -> None:
    if way == "button":
        QTest.mouseClick(close_button(dialog), Qt.MouseButton.LeftButton)
    elif way == "escape":
        target = dialog.focusWidget() or dialog
        QTest.keyClick(target, Qt.Key.Key_Escape)
    else:
        dialog.close()  # the title bar's button, as far as code can press it
    QApplication.processEvents()
    finish_now()  # a draft saved on closing is saved off the GUI thread, then the dialog closes


class Questions:
    """QMessageBox.question answered by the test; every question asked is kept."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.asked: list[str] = []
        self.answer: QMessageBox.StandardButton | None = None
        monkeypatch.setattr(QMessageBox, "question", self.question)

    def question(self, _parent: QWidget, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        self.asked.append(text)
        assert self.answer is not None, f"asked unexpectedly: {text}"
        return self.answer


def _open(qtbot, window: MainWindow, entry: Entry) -> QWidget:  # type: ignore[no-untyped-def]
    dialog = entry.open(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    QApplication.processEvents()
    assert dialog.isVisible()
    return dialog


def _type(entry: Entry, dialog: QWidget) -> QWidget | None:
    if entry.type_into is not None:
        entry.type_into(dialog)
        return None
    return type_something(dialog)


def _still_typed(field: QWidget | None) -> bool:
    if field is None:
        return True
    text = field.text() if hasattr(field, "text") else field.toPlainText()  # type: ignore[attr-defined]
    return TYPED in text


@pytest.mark.parametrize("entry", DIALOGS, ids=[e.name for e in DIALOGS])
def test_every_dialog_closes_and_keeps_what_was_typed(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                      entry: Entry, monkeypatch: pytest.MonkeyPatch) -> None:
    questions = Questions(monkeypatch)
    for way in entry.ways:
        dialog = _open(qtbot, window, entry)
        if entry.closing is Closing.PLAIN:
            _close(dialog, way)
            assert not dialog.isVisible(), f"{entry.name}: still shown after {way}"
            continue
        field = _type(entry, dialog)
        if entry.closing is Closing.SAVES:
            _close(dialog, way)
            assert not dialog.isVisible(), f"{entry.name}: still shown after {way}"
            assert entry.saved is not None and entry.saved(dialog, window.session), \
                f"{entry.name}: what was typed did not reach the service after {way}"
            continue
        if way == "close":  # closed from code: the program ending asks nothing
            questions.asked.clear()
            _close(dialog, way)
            assert not dialog.isVisible() and questions.asked == []
            continue
        questions.answer = QMessageBox.StandardButton.No
        _close(dialog, way)
        assert len(questions.asked) == 1, f"{entry.name}: not asked before throwing away the typing ({way})"
        assert dialog.isVisible() and _still_typed(field), f"{entry.name}: No must keep the dialog and the text"
        questions.answer = QMessageBox.StandardButton.Yes
        _close(dialog, way)
        assert len(questions.asked) == 2 and not dialog.isVisible(), f"{entry.name}: Yes must close ({way})"
        questions.answer = None
        questions.asked.clear()


@pytest.mark.parametrize("entry", [e for e in DIALOGS if e.closing is Closing.ASKS][:1], ids=lambda e: e.name)
def test_a_form_without_typing_closes_without_a_question(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                         entry: Entry, monkeypatch: pytest.MonkeyPatch) -> None:
    questions = Questions(monkeypatch)
    for way in entry.ways:
        dialog = _open(qtbot, window, entry)
        _close(dialog, way)
        assert not dialog.isVisible() and questions.asked == []
