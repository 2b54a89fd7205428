"""The KTP editor's row buttons: insert, delete, move up and down (with their keys), copy the rows of
another plan, fill the dates from the timetable."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from desktop_app.i18n import _


class RowTools:
    """Makes the buttons as children of ``parent`` in the row ``bar``; the editor connects them."""

    def __init__(self, parent: QWidget) -> None:
        self.insert, self.delete, self.up, self.down = (QPushButton(parent) for _ in range(4))
        self.copy, self.dates = QPushButton(parent), QPushButton(parent)
        self.bar = QHBoxLayout()
        for button in (self.insert, self.delete, self.up, self.down):
            self.bar.addWidget(button)
        self.bar.addStretch(1)
        self.bar.addWidget(self.copy)
        self.bar.addWidget(self.dates)

    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.insert, self.delete, self.up, self.down, self.copy, self.dates)

    def retranslate_ui(self) -> None:
        keys = _("Keys: {keys}")
        self.insert.setText(_("Insert row"))
        self.insert.setToolTip(keys.format(keys="Ctrl+Insert"))
        self.delete.setText(_("Delete rows"))
        self.delete.setToolTip(keys.format(keys="Ctrl+Delete"))
        self.up.setText(_("Move up"))
        self.up.setToolTip(keys.format(keys="Alt+↑"))
        self.down.setText(_("Move down"))
        self.down.setToolTip(keys.format(keys="Alt+↓"))
        self.copy.setText(_("Copy from…"))
        self.copy.setToolTip(_("Take the rows of last year's plan or of a colleague's plan"))
        self.dates.setText(_("Fill dates…"))
        self.dates.setToolTip(_("Fill the date column from the class timetable and the calendar "
                                "of the academic year"))
