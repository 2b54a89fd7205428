"""A button that holds several people (the responsible persons of a work-plan item).

A drop-down menu of checkable names; people already chosen who are not offered any more (a member
whose membership ended) stay chosen, so opening and saving a record never drops anyone from it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from desktop_app.i18n import _


class PeoplePicker(QToolButton):
    changed = Signal()

    def __init__(self, choices: list[tuple[str, str]], chosen: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._menu = QMenu(self)
        self.setMenu(self._menu)
        self._actions: list[QAction] = []
        names = dict(choices)
        offered = [*choices, *((p, p) for p in chosen if p not in names)]
        for person, name in offered:
            action = self._menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(person in chosen)
            action.setData(person)
            action.toggled.connect(self._on_toggled)
            self._actions.append(action)
        self._update_text()

    def selected(self) -> list[str]:
        """The chosen people in the order offered."""
        return [str(a.data()) for a in self._actions if a.isChecked()]

    def set_selected(self, people: list[str]) -> None:
        for action in self._actions:
            action.setChecked(str(action.data()) in people)

    def rename(self, person: str, name: str) -> None:
        for action in self._actions:
            if action.data() == person:
                action.setText(name)
        self._update_text()

    def retranslate(self) -> None:
        self._update_text()

    def _on_toggled(self) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        names = [a.text() for a in self._actions if a.isChecked()]
        self.setText(", ".join(names) if names else _("— none —"))
        self.setToolTip("\n".join(names))
