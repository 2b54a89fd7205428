"""The pages of the first-start wizard that collect the school: its names, its director and deputy,
the academic year and the administrator. Each says up front which fields it needs and why; Next
(or Finish) waits for them, and a line under the page names what is still missing, live."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget, QWizardPage

from desktop_app.domain.accounts import (
    LOGIN_RULE,
    MIN_PASSWORD_LENGTH,
    PASSWORD_RULE,
    login_is_valid,
    password_shortfall,
)
from desktop_app.domain.entities import LocalizedText, Teacher
from desktop_app.domain.errors import UserError
from desktop_app.domain.school_year import year_on
from desktop_app.i18n import _, ngettext
from desktop_app.services.schools import YearPreset, load_presets
from desktop_app.ui.labels import short_date
from desktop_app.ui.widgets.fields import OK_STYLE, WARNING_STYLE, error_label, show_refusal

PEOPLE = ("director", "deputy_director")
NAME_PARTS = ("last_name", "first_name", "patronymic")


def line_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    return edit


def required(caption: str) -> str:
    """A caption with the mark the pages explain: «Login *»."""
    return f"{caption} *"


def note_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def set_status(label: QLabel, text: str, ok: bool) -> None:
    """A live line under a field: green when the rule is met, amber while it is not; hidden when empty."""
    label.setText(text)
    label.setStyleSheet(OK_STYLE if ok else WARNING_STYLE)
    label.setVisible(bool(text))


class RequiredPage(QWizardPage):
    """A page whose Next waits for ``missing()``; ``missing_label`` says what and why while it waits."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.missing_label = note_label(self, "missing")
        self.missing_label.setStyleSheet(WARNING_STYLE)
        self.missing_label.setVisible(False)

    def missing(self) -> list[str]:
        return []

    def why(self) -> str:
        return ""

    def isComplete(self) -> bool:
        return not self.missing()

    def update_missing(self) -> None:
        """Called on every keystroke: the line under the page, then Next (through completeChanged)."""
        missing = self.missing()
        self.missing_label.setText(_("To go on, fill in: {fields}. {why}").format(
            fields="; ".join(missing), why=self.why()) if missing else "")
        self.missing_label.setVisible(bool(missing))
        self.completeChanged.emit()


class SchoolPage(RequiredPage):
    FIELDS = ("name_kk", "name_ru", "short_kk", "short_ru", "city_kk", "city_ru")
    REQUIRED = ("name_kk", "name_ru")

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.edits = {name: line_edit(self, name) for name in self.FIELDS}
        self.captions = {name: QLabel(self) for name in self.FIELDS}
        self.error = error_label(self)
        form = QFormLayout(self)
        for name in self.FIELDS:
            form.addRow(self.captions[name], self.edits[name])
            self.captions[name].setBuddy(self.edits[name])
            self.edits[name].textChanged.connect(self.update_missing)
        form.addRow(self.missing_label)
        form.addRow(self.error)

    def _texts(self) -> dict[str, str]:
        return {"name_kk": _("Full name (Kazakh)"), "name_ru": _("Full name (Russian)"),
                "short_kk": _("Short name (Kazakh)"), "short_ru": _("Short name (Russian)"),
                "city_kk": _("City (Kazakh)"), "city_ru": _("City (Russian)")}

    def retranslate_ui(self) -> None:
        self.setTitle(_("The school"))
        self.setSubTitle(_("The names as they stand in the charter; they are printed on protocols and plans. "
                           "Fields marked * are required."))
        for name, text in self._texts().items():
            self.captions[name].setText(required(text) if name in self.REQUIRED else text)
        self.update_missing()

    def missing(self) -> list[str]:
        texts = self._texts()
        return [texts[name] for name in self.REQUIRED if not self.text(name)]

    def why(self) -> str:
        return _("Protocols and plans are printed in Kazakh or in Russian and carry the school's full name.")

    def text(self, name: str) -> str | None:
        return self.edits[name].text().strip() or None

    def localized(self, prefix: str) -> LocalizedText | None:
        kk, ru = self.text(f"{prefix}_kk"), self.text(f"{prefix}_ru")
        return LocalizedText(kk, ru) if kk or ru else None


class PeoplePage(RequiredPage):
    """The director approves plans; the deputy director is usually the administrator."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QGroupBox] = {}
        self.edits: dict[str, dict[str, QLineEdit]] = {}
        self.captions: dict[str, dict[str, QLabel]] = {}
        self.errors = {key: error_label(self) for key in PEOPLE}
        layout = QVBoxLayout(self)
        for key in PEOPLE:
            box = QGroupBox(self)
            form = QFormLayout(box)
            self.edits[key], self.captions[key] = {}, {}
            for part in NAME_PARTS:
                self.edits[key][part] = line_edit(self, f"{key}_{part}")
                self.captions[key][part] = QLabel(self)
                self.captions[key][part].setBuddy(self.edits[key][part])
                self.edits[key][part].textChanged.connect(self.update_missing)
                form.addRow(self.captions[key][part], self.edits[key][part])
            form.addRow(self.errors[key])
            self.boxes[key] = box
            layout.addWidget(box)
        layout.addWidget(self.missing_label)
        layout.addStretch(1)

    def retranslate_ui(self) -> None:
        self.setTitle(_("Director and deputy director"))
        self.setSubTitle(_("Optional: they are added to the staff list with their positions; a person needs "
                           "the fields marked *. The other teachers come later."))
        self.boxes["director"].setTitle(_("Director"))
        self.boxes["deputy_director"].setTitle(_("Deputy director for academic work"))
        for captions in self.captions.values():
            captions["last_name"].setText(required(_("Last name")))
            captions["first_name"].setText(required(_("First name")))
            captions["patronymic"].setText(_("Patronymic"))
        self.update_missing()

    def missing(self) -> list[str]:
        names = {"director": _("Director"), "deputy_director": _("Deputy director for academic work")}
        parts = {"last_name": _("Last name"), "first_name": _("First name")}
        found = []
        for key in PEOPLE:
            typed = {part: edit.text().strip() for part, edit in self.edits[key].items()}
            lacking = [parts[part] for part in parts if not typed[part]]
            if any(typed.values()) and lacking:
                found.append(_("{person}: {fields}").format(person=names[key], fields=", ".join(lacking)))
        return found

    def why(self) -> str:
        return _("A person is added with a last name and a first name; leave all three fields empty to "
                 "add them later.")

    def teacher(self, key: str) -> Teacher | None:
        parts = {part: edit.text().strip() for part, edit in self.edits[key].items()}
        if not any(parts.values()):
            return None
        return Teacher("", parts["last_name"], parts["first_name"], parts["patronymic"] or None)


class YearPage(QWizardPage):
    """The presets' year that holds ``today`` is chosen (from 1 August the next one)."""

    def __init__(self, today: date, parent: QWidget) -> None:
        super().__init__(parent)
        self.presets: list[YearPreset] = load_presets()
        self.combo = QComboBox(self)
        self.combo.setObjectName("preset")
        for preset in self.presets:
            self.combo.addItem(preset.year.id, preset.year.id)
        current = year_on([p.year for p in self.presets], today)
        if current is not None:
            self.combo.setCurrentIndex(self.combo.findData(current.id))
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.draft = QLabel(self)
        self.draft.setWordWrap(True)
        self.draft.setStyleSheet(WARNING_STYLE)
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.combo)
        layout.addWidget(self.details)
        layout.addWidget(self.draft)
        layout.addStretch(1)
        layout.addWidget(self.error)
        self.combo.currentIndexChanged.connect(self.retranslate_ui)

    def preset(self) -> YearPreset | None:
        index = self.combo.currentIndex()
        return self.presets[index] if 0 <= index < len(self.presets) else None

    def retranslate_ui(self) -> None:
        self.setTitle(_("The academic year"))
        self.setSubTitle(_("The year that runs now is chosen. Terms and holidays come from the Minister's "
                           "order; they can be corrected later in Settings."))
        preset = self.preset()
        if preset is None:
            self.details.clear()
            self.draft.setVisible(False)
            return
        year = preset.year
        lines = [_("{start} – {end}").format(start=short_date(year.start), end=short_date(year.end))]
        lines += [_("Term {number}: {start} – {end}").format(
            number=t.number, start=short_date(t.start), end=short_date(t.end)) for t in year.terms]
        self.details.setText("\n".join(lines))
        self.draft.setText(_("This calendar is a draft: check every date against the Minister's order "
                             "for {year} and correct it in Settings → Academic years.").format(year=year.id))
        self.draft.setVisible(not preset.official)


class AdminPage(RequiredPage):
    """The rules of the login and the password are shown before anything is typed, then checked live."""

    KEYS = ("login", "password", "repeat")

    def __init__(self, finish: Callable[[], bool], parent: QWidget) -> None:
        super().__init__(parent)
        self.finish = finish
        self.login = line_edit(self, "admin_login")
        self.password = line_edit(self, "admin_password")
        self.repeat = line_edit(self, "admin_repeat")
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        edits = dict(zip(self.KEYS, (self.login, self.password, self.repeat), strict=True))
        self.captions = {key: QLabel(self) for key in self.KEYS}
        self.errors = {key: error_label(self) for key in self.KEYS}
        self.rules = {key: note_label(self, f"{key}Rule") for key in ("login", "password")}
        for label in self.rules.values():
            label.setStyleSheet("color: #555;")
        self.status = {key: note_label(self, f"{key}Status") for key in self.KEYS}
        self.general = error_label(self)
        form = QFormLayout(self)
        for key in self.KEYS:
            self.captions[key].setBuddy(edits[key])
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(edits[key])
            if key in self.rules:
                box.addWidget(self.rules[key])
            box.addWidget(self.status[key])
            box.addWidget(self.errors[key])
            form.addRow(self.captions[key], box)
            edits[key].textChanged.connect(self.update_missing)
        form.addRow(self.missing_label)
        form.addRow(self.general)

    def retranslate_ui(self) -> None:
        self.setTitle(_("The administrator"))
        self.setSubTitle(_("The deputy director for academic work usually keeps this account; it adds the "
                           "other accounts later. All three fields are required."))
        self.captions["login"].setText(required(_("Login")))
        self.captions["password"].setText(required(_("Password")))
        self.captions["repeat"].setText(required(_("Password again")))
        self.rules["login"].setText(_(LOGIN_RULE))
        self.rules["password"].setText(_(PASSWORD_RULE).format(count=MIN_PASSWORD_LENGTH))
        self.update_missing()

    def update_missing(self) -> None:
        self._show_status()
        super().update_missing()

    def _show_status(self) -> None:
        login, password, repeat = self.login.text().strip(), self.password.text(), self.repeat.text()
        set_status(self.status["login"], "" if not login or login_is_valid(login)
                   else _("This login breaks the rule above."), False)
        lacking = password_shortfall(password)
        if not password:
            set_status(self.status["password"], "", False)
        elif lacking:
            set_status(self.status["password"], ngettext("{count} more character needed.",
                                                         "{count} more characters needed.", lacking).format(
                                                             count=lacking), False)
        else:
            set_status(self.status["password"], _("Long enough."), True)
        if not repeat:
            set_status(self.status["repeat"], "", False)
        else:
            same = repeat == password
            set_status(self.status["repeat"], _("The passwords match.") if same else _("The passwords differ."),
                       same)

    def missing(self) -> list[str]:
        login, password = self.login.text().strip(), self.password.text()
        found = []
        if not login_is_valid(login):
            found.append(_("Login") if not login else _("Login (see its rule)"))
        if password_shortfall(password):
            found.append(_("Password") if not password else _("Password (too short)"))
        if self.repeat.text() != password or not password:
            found.append(_("Password again") if not self.repeat.text() else _("Password again (differs)"))
        return found

    def why(self) -> str:
        return _("You sign in with this login and password as soon as the school is set up.")

    def validatePage(self) -> bool:
        """Finish: everything is written at once; a refusal is shown under its field."""
        show_refusal(None, self.errors, self.general)
        return self.finish()

    def show_error(self, error: UserError) -> None:
        show_refusal(error, self.errors, self.general)
