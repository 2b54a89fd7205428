"""The form dialog: fields with their captions and refusal labels, OK and Cancel, retranslation, and
nothing typed thrown away without asking (issue 13, point 1; issue 14, point 5)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import ConflictError, UserError
from desktop_app.i18n import _
from desktop_app.ui import operations
from desktop_app.ui.language import Retranslating
from desktop_app.ui.operations import Change
from desktop_app.ui.widgets.fields import add_field_row, error_label, show_refusal


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

    # The form ----------------------------------------------------------------------------------
    def build_form(self, fields: Iterable[str], width: int, above: QWidget | None = None) -> QFormLayout:
        """The scaffolding every form dialog shares: a refusal label for each of ``fields``
        (``errors``) and one for the rest (``general_error``), OK and Cancel (``buttons``: OK calls
        ``save``, Cancel ``reject``), laid out as ``above`` (a note), the form, the general refusal,
        the buttons. Rows are added with ``add_field``; returns the form."""
        self.errors = {name: error_label(self) for name in fields}
        self.general_error = error_label(self)
        self.captions: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if above is not None:
            layout.addWidget(above)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(width)
        return self.form

    def add_field(self, name: str, widget: QWidget, error: str | None = "") -> None:
        """``widget`` with its caption ``captions[name]`` (texts set in ``retranslate_ui``) and the
        refusal label ``errors[error or name]`` under it (``error=None``: none)."""
        caption = self.captions[name] = QLabel(self)
        caption.setBuddy(widget)
        add_field_row(self.form, caption, widget, None if error is None else self.errors[error or name])

    def set_captions(self, texts: dict[str, str]) -> None:
        for name, text in texts.items():
            self.captions[name].setText(text)

    def refuse(self, error: UserError | None) -> None:
        """Put the refusal under the field it names (or under the form); None clears every one."""
        show_refusal(error, self.errors, self.general_error)

    def attempt(self, save: Callable[[], object]) -> bool:
        """Call ``save`` (through the service) with the refusals cleared; True when it saved. A
        refusal is shown and the dialog stays open with everything typed."""
        self.refuse(None)
        try:
            save()
        except UserError as error:
            self.refuse(error)
            return False
        return True

    def submit(self, work: Callable[[], object], changes: Iterable[Change],
               keep: Callable[[Any], None] | None = None, record: object | None = None) -> bool:
        """OK through the operations layer: ``work`` (one service call) runs off the GUI thread; once
        it is saved the dialog closes as accepted (``saved`` holds the result unless ``keep`` says
        otherwise); a refusal goes to its field and the dialog stays open with everything typed.
        ``record`` is the copy being saved: a save over a copy someone else saved meanwhile shows
        it beside theirs (see ``_refused``). False when nothing was started (a refusal shown
        before, or another action still running)."""
        self.refuse(None)
        self._submitted = (record, frozenset(changes))
        return operations.accept_after(self, work, changes=self._submitted[1], refused=self._refused,
                                       keep=keep) is not None

    def _refused(self, error: UserError) -> None:
        """A refusal goes to its field. A ConflictError (someone else saved the record meanwhile)
        also opens the conflict dialog: keep editing (nothing typed is lost), or take the stored
        copy: the form closes without saving and the sections showing the record reload."""
        self.refuse(error)
        session = getattr(self, "session", None)
        if not isinstance(error, ConflictError) or session is None:
            return
        from desktop_app.ui.dialogs import conflict  # the dialogs package imports this module

        record, changes = getattr(self, "_submitted", (None, frozenset()))
        choice, _theirs = conflict.resolve(self, session, error, record)
        if choice is conflict.Choice.RELOAD:
            self.typed = False
            operations.bus().changed.emit(changes, None)
            super().reject()

    def save(self) -> object:
        """OK. Dialogs save through their service here (or in ``accept``) and accept on success."""
        self.accept()
        return True

    # Closing ------------------------------------------------------------------------------------
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
