"""A dialog that does not throw away what was typed without asking (issue 13, point 1)."""

from __future__ import annotations

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from desktop_app.i18n import _
from desktop_app.ui.language import Retranslating


class FormDialog(Retranslating, QDialog):
    """Once the user has typed, chosen or ticked something, Cancel, Escape and the title bar ask
    "Close without saving the changes?" and No keeps the dialog open with everything typed. OK
    (``accept``) saves and asks nothing; a close from code (the program ending) asks nothing.

    The fields are watched from the first show, so that filling the form while building it is not
    a change; ``watch`` adds signals of parts made later, ``typed = False`` after a save. A language
    switch calls ``retranslate_ui`` (``Retranslating``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.typed = False
        self._watching = False
        self._asking = True

    def watch(self, signal: SignalInstance) -> None:
        signal.connect(self._mark_typed)

    def _mark_typed(self, *_args: object) -> None:
        self.typed = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._watching:
            return
        self._watching = True
        for widget in self.findChildren(QWidget):
            for signal in _user_changes(widget):
                self.watch(signal)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._asking = event.spontaneous()  # close() from code asks nothing
        try:
            super().closeEvent(event)  # QDialog: reject() while visible
        finally:
            self._asking = True

    def reject(self) -> None:
        if self.typed and self._asking and QMessageBox.question(
                self, self.windowTitle(), _("Close without saving the changes?")) \
                is not QMessageBox.StandardButton.Yes:
            return
        super().reject()


def _user_changes(widget: QWidget) -> list[SignalInstance]:
    """The signals by which a field says that the user changed it."""
    if isinstance(widget, QLineEdit):
        return [widget.textEdited]
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return [] if widget.isReadOnly() else [widget.textChanged]
    if isinstance(widget, QComboBox):
        return [widget.activated]
    if isinstance(widget, QDateEdit):
        return [widget.dateChanged]
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return [widget.valueChanged]
    if isinstance(widget, QCheckBox | QRadioButton):
        return [widget.clicked]
    if isinstance(widget, QTableWidget):
        return [widget.itemChanged]
    return []
