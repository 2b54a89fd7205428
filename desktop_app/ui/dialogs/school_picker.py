"""The school an account of several schools works on (the district methodist, п. 16, 17): asked at
sign-in and from File → Switch school…, the last choice remembered per login in the preferences.
An account of one school is never asked."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.accounts import Actor
from desktop_app.domain.entities import School
from desktop_app.i18n import _
from desktop_app.services import Services
from desktop_app.ui.session import Session, local
from desktop_app.ui.settings import settings

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


def _natural(name: str) -> list[tuple[int, int | str]]:
    """№ 2 before № 10: numbers in a name compare as numbers."""
    return [(0, int(part)) if part.isdigit() else (1, part.casefold()) for part in re.split(r"(\d+)", name) if part]


def _key(login: str) -> str:
    return f"schools/{login}"


def remembered_school(login: str) -> str | None:
    value = settings().value(_key(login))
    return str(value) if value else None


def remember_school(login: str, school: str) -> None:
    store = settings()
    store.setValue(_key(login), school)
    store.sync()


class SchoolPickerDialog(QDialog):
    """A list of the schools (their names in the window's language); Enter or a double click opens one."""

    def __init__(self, schools: list[School], current: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("schoolPicker")
        self.setWindowTitle(_("Choose a school"))
        self.setMinimumSize(460, 360)
        layout = QVBoxLayout(self)
        self.hint = QLabel(_("Your account sees several schools. Which one do you work on now?"), self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.filter = QLineEdit(self)  # forty schools: typing a part of the name narrows the list
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(_("Find a school"))
        self.filter.textChanged.connect(self._narrow)
        layout.addWidget(self.filter)
        self.list = QListWidget(self)
        for school in sorted(schools, key=lambda s: _natural(local(s.name))):
            item = QListWidgetItem(local(school.name) or school.id, self.list)
            item.setData(Qt.ItemDataRole.UserRole, school.id)
            if school.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        layout.addWidget(self.list, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.buttons)

    def _narrow(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(needle not in item.text().casefold())
        current = self.list.currentItem()
        if current is None or current.isHidden():
            shown = [self.list.item(r) for r in range(self.list.count()) if not self.list.item(r).isHidden()]
            if shown:
                self.list.setCurrentItem(shown[0])
            else:
                self.list.setCurrentRow(-1)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


def schools_of(services: Services, actor: Actor) -> list[School]:
    return services.schools.list_schools(actor)


def choose_school(services: Services, actor: Actor, parent: QWidget | None = None,
                  current: str | None = None) -> str | None:
    """The school to open: the account's own, the only one, or the one picked (and remembered);
    None when the database holds none or the person cancelled."""
    if actor.school is not None:
        return actor.school
    schools = schools_of(services, actor)
    if len(schools) <= 1:
        return schools[0].id if schools else None
    dialog = SchoolPickerDialog(schools, current or remembered_school(actor.login), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    chosen = dialog.chosen()
    if chosen is not None:
        remember_school(actor.login, chosen)
    return chosen


#: Windows opened by a switch of school (kept referenced while they are open).
_OPENED: list[QWidget] = []


def switch_school(window: MainWindow) -> MainWindow | None:
    """File → Switch school…: the picker again; another school opens in a new main window in the
    place of this one (every section then reads the new school). Returns the new window."""
    from desktop_app.ui.main_window import MainWindow

    s = window.session
    schools = schools_of(s.services, s.actor)
    dialog = SchoolPickerDialog(schools, s.school, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    chosen = dialog.chosen()
    if chosen is None or chosen == s.school:
        return None
    remember_school(s.actor.login, chosen)
    window.save_state()
    opened = MainWindow(Session(s.services, s.actor, chosen))
    opened.setGeometry(window.geometry())
    _OPENED[:] = [w for w in _OPENED if w.isVisible()] + [opened]
    opened.show()
    window.close()
    return opened
