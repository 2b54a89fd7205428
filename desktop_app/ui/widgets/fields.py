"""Small form pieces: a red refusal label under a field and a way to show it, date edits, a refusal router."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.domain.errors import UserError
from desktop_app.i18n import _

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b6e20;"
WARNING_STYLE = "color: #8a5a00;"


def error_label(parent: QWidget) -> QLabel:
    """Hidden until a refusal is shown in it."""
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def with_error(widget: QWidget, error: QLabel | None) -> QVBoxLayout:
    """A field with its refusal label right under it (hidden until a rule names the field)."""
    box = QVBoxLayout()
    box.setSpacing(2)
    box.addWidget(widget)
    if error is not None:
        box.addWidget(error)
    return box


def add_field_row(form: QFormLayout, caption: QLabel, widget: QWidget, error: QLabel | None) -> None:
    form.addRow(caption, with_error(widget, error))


class DateEdit(QDateEdit):
    """A date field that takes a digit typed anywhere in it.

    A plain QDateEdit ignores a digit typed into the middle of a full section (the cursor between
    the two digits of the day): the section is full, so the key does nothing. Here a digit
    overwrites the digit after the cursor, as in a form on paper, and the cursor moves on (past a
    dot); when that would make no date (day 36), the digit starts the section afresh instead, as
    when the section is selected."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        line = self.lineEdit()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if len(text) == 1 and text.isdigit() and plain and line is not None and not line.hasSelectedText():
            shown, position = line.text(), line.cursorPosition()
            while position < len(shown) and not shown[position].isdigit():
                position += 1
            if position < len(shown):
                typed = QDate.fromString(shown[:position] + text + shown[position + 1:], self.displayFormat())
                if typed.isValid() and self.minimumDate() <= typed <= self.maximumDate():
                    self.setDate(typed)
                    line.setCursorPosition(position + 1)
                    event.accept()
                    return
                self.setCurrentSection(self.sectionAt(position))
                self.setSelectedSection(self.sectionAt(position))
        super().keyPressEvent(event)


def date_edit(value: date | None, parent: QWidget | None = None) -> QDateEdit:
    edit = DateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    edit.setDate(QDate(value.year, value.month, value.day) if value else QDate.currentDate())
    return edit


def date_of(edit: QDateEdit) -> date:
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value


def show_field_error(label: QLabel, text: str) -> None:
    """Show a refusal the form found itself, before asking the service, in the label of its field."""
    label.setText(text)
    label.setVisible(True)


def show_refusal(error: UserError | None, labels: dict[str, QLabel], general: QLabel) -> None:
    """Clear every label, then put the refusal under the field it names (or under the form)."""
    for widget in [*labels.values(), general]:
        widget.clear()
        widget.setVisible(False)
    if error is None:
        return
    show_field_error(labels.get((error.field or "").split(".")[0], general), error.render(_))
