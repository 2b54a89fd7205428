"""First start on an empty database: set up the school and its administrator, or load the demo school.
Either way the administrator is signed in afterwards (``actor``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QRadioButton, QVBoxLayout, QWidget, QWizard, QWizardPage

from desktop_app import i18n
from desktop_app.domain.accounts import Actor
from desktop_app.domain.entities import LocalizedText, School
from desktop_app.domain.errors import UserError
from desktop_app.i18n import N_, Message, Text, _
from desktop_app.services import Services
from desktop_app.services.demo import DEMO_ACCOUNTS, load_demo
from desktop_app.services.setup import SetUpSchool
from desktop_app.ui import operations
from desktop_app.ui.dialogs.first_run_pages import AdminPage, PeoplePage, SchoolPage, YearPage
from desktop_app.ui.labels import LANGUAGE_NAMES
from desktop_app.ui.language import Retranslating
from desktop_app.ui.operations import EVERYTHING
from desktop_app.ui.settings import save_language
from desktop_app.ui.widgets.fields import error_label, show_field_error, show_refusal

PAGE_CHOICE, PAGE_SCHOOL, PAGE_PEOPLE, PAGE_YEAR, PAGE_ADMIN = range(5)


class ChoicePage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.language = QComboBox(self)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code.value)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        self.language_label = QLabel(self)
        self.language_label.setBuddy(self.language)
        self.intro = self._text()
        self.steps = self._text()
        self.set_up = QRadioButton(self)
        self.set_up_note = self._text("viewNote")
        self.demo = QRadioButton(self)
        self.set_up.setChecked(True)
        self.demo_note = self._text("viewNote")
        self.error = error_label(self)
        language = QHBoxLayout()
        language.addWidget(self.language_label)
        language.addWidget(self.language)
        language.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(language)
        layout.addSpacing(6)
        layout.addWidget(self.intro)
        layout.addWidget(self.steps)
        layout.addSpacing(6)
        layout.addWidget(self.set_up)
        layout.addWidget(self.set_up_note)
        layout.addWidget(self.demo)
        layout.addWidget(self.demo_note)
        layout.addStretch(1)
        layout.addWidget(self.error)
        self.language.currentIndexChanged.connect(self._on_language)
        self.demo.toggled.connect(self._on_choice)

    def _text(self, name: str = "") -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setObjectName(name)
        return label

    def retranslate_ui(self) -> None:
        self.setTitle(_("Welcome to Metodsovet"))
        self.language_label.setText(_("Language of the program:"))
        self.intro.setText(_("Metodsovet keeps the methodical work of the school in one place, as the Rules "
                             "approved by Order No. 253 ask: the methodical associations and their meetings, "
                             "protocols, the review of calendar-thematic plans, mentoring and lesson visits."))
        self.steps.setText(_("The program holds no school yet. Setting it up takes a few minutes: the school's "
                             "name, its director and deputy director, the academic year and your account. You "
                             "become the administrator: afterwards you add the teachers, the associations and "
                             "the accounts of your colleagues."))
        self.set_up.setText(_("Set up my school"))
        self.set_up_note.setText(_("Keep the school's charter at hand for its full name in Kazakh and Russian."))
        self.demo.setText(_("Look around in a demo school first"))
        self.demo_note.setText(_("A sample school with teachers, associations, protocols and plans is loaded "
                                 "into this database, and you are signed in as its deputy director. For your "
                                 "own school the program then needs a new, empty database."))

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
        """The demo school is loaded off the GUI thread; the wizard finishes once it is in."""
        if not self.demo.isChecked() or self.owner.actor is not None:
            return True
        services, admin = self.owner.services, DEMO_ACCOUNTS[0]

        def work() -> Actor:
            load_demo(services)
            return services.accounts.authenticate(admin.login, admin.password)

        show_refusal(None, {}, self.error)
        self.owner.finish_with(work, Text(N_("Loading the demo school…")),
                               lambda error: show_refusal(error, {}, self.error))
        return False


class FirstRunWizard(Retranslating, QWizard):
    """``actor`` is the administrator, signed in, once the school is set up or the demo loaded
    (``login`` their login); both None when the user left. ``today`` chooses the academic year."""

    def __init__(self, services: Services, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.today = today or services.schools.today()
        self.login: str | None = None
        self.actor: Actor | None = None
        self._build_ui()
        self.retranslate_ui()

    def _build_ui(self) -> None:
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.choice_page = ChoicePage(self)
        self.school_page = SchoolPage(self)
        self.people_page = PeoplePage(self)
        self.year_page = YearPage(self.today, self)
        self.admin_page = AdminPage(self.set_up, self)
        for page_id, page in enumerate(self.pages()):
            self.setPage(page_id, page)
        self.setMinimumSize(760, 540)  # two lines of a page's subtitle in either language

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

    def request(self) -> SetUpSchool:
        school_page, people = self.school_page, self.people_page
        preset = self.year_page.preset()
        school = School("", school_page.localized("name") or LocalizedText(),
                        school_page.localized("short"), school_page.localized("city"))
        return SetUpSchool(school, preset.year.id if preset else "", self.admin_page.login.text().strip(),
                           self.admin_page.password.text(), people.teacher("director"),
                           people.teacher("deputy_director"))

    def set_up(self) -> bool:
        """Everything is written at once, off the GUI thread; a refusal sends the user to the page of
        the field. False until the school is set up (the wizard then finishes by itself)."""
        if self.actor is not None:
            return True
        services, request = self.services, self.request()
        self.finish_with(lambda: services.setup.set_up(request), Text(N_("Setting up the school…")), self._show)
        return False

    def finish_with(self, work: Callable[[], Actor], label: Message, refused: Callable[[UserError], None]) -> None:
        """Finish: ``work`` (one service call) as an operation; once the administrator is signed in
        the wizard closes as accepted (Finish asks the page again, which lets it through now)."""
        def done(actor: Actor) -> None:
            self.actor, self.login = actor, actor.login
            self.accept()

        operations.run(work, label=label, changes=EVERYTHING, parent=self, on_success=done, refused=refused,
                       initiator=self)

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
