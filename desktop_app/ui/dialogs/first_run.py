"""First start on an empty database: load the demo school, or set up the school and its administrator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_app import i18n
from desktop_app.domain.accounts import Actor
from desktop_app.domain.entities import LocalizedText, School, Teacher
from desktop_app.domain.errors import UserError
from desktop_app.i18n import _
from desktop_app.services import Services
from desktop_app.services.demo import DEMO_ACCOUNTS, load_demo
from desktop_app.services.schools import YearPreset, load_presets
from desktop_app.services.setup import SetUpSchool
from desktop_app.ui.labels import short_date
from desktop_app.ui.settings import save_language
from desktop_app.ui.widgets.fields import WARNING_STYLE, add_field_row, error_label, show_field_error, show_refusal

LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский"}
PAGE_CHOICE, PAGE_SCHOOL, PAGE_PEOPLE, PAGE_YEAR, PAGE_ADMIN = range(5)


def _line(page: QWizardPage, name: str) -> QLineEdit:
    edit = QLineEdit(page)
    edit.setObjectName(name)
    return edit


class ChoicePage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.language = QComboBox(self)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.set_up = QRadioButton(self)
        self.demo = QRadioButton(self)
        self.set_up.setChecked(True)
        self.demo_note = QLabel(self)
        self.demo_note.setWordWrap(True)
        self.demo_note.setObjectName("viewNote")
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.language)
        layout.addWidget(self.intro)
        layout.addWidget(self.set_up)
        layout.addWidget(self.demo)
        layout.addWidget(self.demo_note)
        layout.addStretch(1)
        layout.addWidget(self.error)
        self.language.currentIndexChanged.connect(self._on_language)
        self.demo.toggled.connect(self._on_choice)

    def retranslate_ui(self) -> None:
        self.setTitle(_("Welcome to Metodsovet"))
        self.intro.setText(_("The database is empty: there is no school and no account yet. "
                             "Set up your school, or load the demo school to try the program."))
        self.set_up.setText(_("Set up my school"))
        self.demo.setText(_("Load the demo school"))
        admin = DEMO_ACCOUNTS[0]
        self.demo_note.setText(_("The demo school's administrator is «{login}» with the password "
                                 "«{password}»; the command «metodsovet demo» lists every account.").format(
                                     login=admin.login, password=admin.password))

    def _on_language(self, _index: int) -> None:
        code = str(self.language.currentData())
        if code != i18n.current_language():
            save_language(code)
            i18n.set_language(code)

    def _on_choice(self, _checked: bool) -> None:
        self.setFinalPage(self.demo.isChecked())
        self.owner.button(QWizard.WizardButton.NextButton).setVisible(not self.demo.isChecked())

    def nextId(self) -> int:
        return -1 if self.demo.isChecked() else PAGE_SCHOOL

    def validatePage(self) -> bool:
        if not self.demo.isChecked():
            return True
        try:
            load_demo(self.owner.services)
        except UserError as error:
            show_refusal(error, {}, self.error)
            return False
        self.owner.login = DEMO_ACCOUNTS[0].login
        return True


class SchoolPage(QWizardPage):
    FIELDS = ("name_kk", "name_ru", "short_kk", "short_ru", "city_kk", "city_ru")

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.edits = {name: _line(self, name) for name in self.FIELDS}
        self.captions = {name: QLabel(self) for name in self.FIELDS}
        self.error = error_label(self)
        form = QFormLayout(self)
        for name in self.FIELDS:
            form.addRow(self.captions[name], self.edits[name])
        form.addRow(self.error)
        self.registerField("name_kk*", self.edits["name_kk"])
        self.registerField("name_ru*", self.edits["name_ru"])

    def retranslate_ui(self) -> None:
        self.setTitle(_("The school"))
        self.setSubTitle(_("The names as they stand in the charter; they are printed on protocols and plans."))
        texts = {"name_kk": _("Full name (Kazakh)"), "name_ru": _("Full name (Russian)"),
                 "short_kk": _("Short name (Kazakh)"), "short_ru": _("Short name (Russian)"),
                 "city_kk": _("City (Kazakh)"), "city_ru": _("City (Russian)")}
        for name, text in texts.items():
            self.captions[name].setText(text)

    def text(self, name: str) -> str | None:
        return self.edits[name].text().strip() or None

    def localized(self, prefix: str) -> LocalizedText | None:
        kk, ru = self.text(f"{prefix}_kk"), self.text(f"{prefix}_ru")
        return LocalizedText(kk, ru) if kk or ru else None


class PeoplePage(QWizardPage):
    """The director approves plans; the deputy director is usually the administrator."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.boxes: dict[str, QGroupBox] = {}
        self.edits: dict[str, dict[str, QLineEdit]] = {}
        self.captions: dict[str, dict[str, QLabel]] = {}
        self.errors = {key: error_label(self) for key in ("director", "deputy_director")}
        layout = QVBoxLayout(self)
        for key in ("director", "deputy_director"):
            box = QGroupBox(self)
            form = QFormLayout(box)
            self.edits[key], self.captions[key] = {}, {}
            for part in ("last_name", "first_name", "patronymic"):
                self.edits[key][part] = _line(self, f"{key}_{part}")
                self.captions[key][part] = QLabel(self)
                form.addRow(self.captions[key][part], self.edits[key][part])
            form.addRow(self.errors[key])
            self.boxes[key] = box
            layout.addWidget(box)
        layout.addStretch(1)

    def retranslate_ui(self) -> None:
        self.setTitle(_("Director and deputy director"))
        self.setSubTitle(_("Optional: they are added to the staff list. Other teachers are added later, "
                           "by hand or from a staff list file."))
        self.boxes["director"].setTitle(_("Director"))
        self.boxes["deputy_director"].setTitle(_("Deputy director for academic work"))
        for captions in self.captions.values():
            captions["last_name"].setText(_("Last name"))
            captions["first_name"].setText(_("First name"))
            captions["patronymic"].setText(_("Patronymic"))

    def teacher(self, key: str) -> Teacher | None:
        parts = {part: edit.text().strip() for part, edit in self.edits[key].items()}
        if not any(parts.values()):
            return None
        return Teacher("", parts["last_name"], parts["first_name"], parts["patronymic"] or None)


class YearPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.presets: list[YearPreset] = load_presets()
        self.combo = QComboBox(self)
        self.combo.setObjectName("preset")
        for preset in self.presets:
            self.combo.addItem(preset.year.id, preset.year.id)
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
        self.setSubTitle(_("Terms and holidays come from the Minister's order; they can be corrected "
                           "later in Settings."))
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


class AdminPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.login = _line(self, "admin_login")
        self.password = _line(self, "admin_password")
        self.repeat = _line(self, "admin_repeat")
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.captions = {key: QLabel(self) for key in ("login", "password", "repeat")}
        self.errors = {key: error_label(self) for key in ("login", "password", "repeat")}
        self.general = error_label(self)
        form = QFormLayout(self)
        for key, edit in (("login", self.login), ("password", self.password), ("repeat", self.repeat)):
            add_field_row(form, self.captions[key], edit, self.errors[key])
        form.addRow(self.general)
        self.registerField("admin_login*", self.login)

    def retranslate_ui(self) -> None:
        self.setTitle(_("The administrator"))
        self.setSubTitle(_("The deputy director for academic work usually keeps this account; it adds the "
                           "other accounts later."))
        self.captions["login"].setText(_("Login"))
        self.captions["password"].setText(_("Password"))
        self.captions["repeat"].setText(_("Password again"))

    def validatePage(self) -> bool:
        show_refusal(None, self.errors, self.general)
        if self.password.text() != self.repeat.text():
            show_field_error(self.errors["repeat"], _("The passwords differ."))
            return False
        return self.owner.set_up()

    def show_error(self, error: UserError) -> None:
        show_refusal(error, self.errors, self.general)


class FirstRunWizard(QWizard):
    """``login`` holds the account to sign in with afterwards (None: nothing was set up)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.login: str | None = None
        self.actor: Actor | None = None
        self._build_ui()
        self.retranslate_ui()

    def _build_ui(self) -> None:
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.choice_page = ChoicePage(self)
        self.school_page = SchoolPage(self)
        self.people_page = PeoplePage(self)
        self.year_page = YearPage(self)
        self.admin_page = AdminPage(self)
        for page_id, page in enumerate(self.pages()):
            self.setPage(page_id, page)
        self.setMinimumSize(640, 480)

    def pages(self) -> tuple[ChoicePage, SchoolPage, PeoplePage, YearPage, AdminPage]:
        return self.choice_page, self.school_page, self.people_page, self.year_page, self.admin_page

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Metodsovet — first start"))
        for page in self.pages():
            page.retranslate_ui()
        self._retranslate_buttons()

    def _retranslate_buttons(self) -> None:
        """QWizard names its buttons once, when it is built; Qt's own translator (qtbase_kk/ru)
        names them again after a language switch, with QWizard's own texts for the style."""
        style, button = self.wizardStyle(), QWizard.WizardButton
        if style is QWizard.WizardStyle.MacStyle:
            return
        aero = style is QWizard.WizardStyle.AeroStyle
        texts = {button.NextButton: "&Next" if aero else "&Next >", button.CommitButton: "Commit",
                 button.FinishButton: "&Finish", button.CancelButton: "Cancel"}
        if not aero:
            texts[button.BackButton] = "< &Back"
        for which, source in texts.items():
            self.setButtonText(which, QCoreApplication.translate("QWizard", source))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def request(self) -> SetUpSchool:
        school_page, people = self.school_page, self.people_page
        preset = self.year_page.preset()
        school = School("", school_page.localized("name") or LocalizedText(),
                        school_page.localized("short"), school_page.localized("city"))
        return SetUpSchool(school, preset.year.id if preset else "", self.admin_page.login.text().strip(),
                           self.admin_page.password.text(), people.teacher("director"),
                           people.teacher("deputy_director"))

    def set_up(self) -> bool:
        """Everything is written at once; a refusal sends the user to the page of the field."""
        try:
            self.actor = self.services.setup.set_up(self.request())
        except UserError as error:
            self._show(error)
            return False
        self.login = self.actor.login
        return True

    def _show(self, error: UserError) -> None:
        field = error.field or ""
        if field in ("director", "deputy_director"):
            show_refusal(error, self.people_page.errors, self.admin_page.general)
            show_field_error(self.admin_page.general, error.render(_))
        elif field == "name":
            show_refusal(error, {}, self.school_page.error)
            self.admin_page.show_error(error)
        elif field == "year":
            show_refusal(error, {}, self.year_page.error)
            self.admin_page.show_error(error)
        else:
            self.admin_page.show_error(error)
