"""The main window: sections on the left, the academic year and search on top, who is signed in below."""

from __future__ import annotations

import gc

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from desktop_app import i18n
from desktop_app.domain.entities import AcademicYear
from desktop_app.domain.school_year import year_on
from desktop_app.i18n import Message, _, render
from desktop_app.ui import operations, refresh
from desktop_app.ui.dialogs import school_picker
from desktop_app.ui.dialogs.accounts import PasswordDialog
from desktop_app.ui.labels import LANGUAGE_NAMES, role_label
from desktop_app.ui.language import Retranslating
from desktop_app.ui.operations import Change
from desktop_app.ui.sections import SECTIONS as SECTIONS
from desktop_app.ui.sections import Section as Section
from desktop_app.ui.session import Session, local
from desktop_app.ui.settings import save_language, settings
from desktop_app.ui.style import STYLE
from desktop_app.ui.views.overview import OverviewView
from desktop_app.ui.views.settings import SettingsView
from desktop_app.ui.widgets.view import View


class MainWindow(Retranslating, QMainWindow):
    """Signals: ``section_changed(key)`` after another section is shown; ``year_changed(id)``."""

    section_changed = Signal(str)
    year_changed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("mainWindow")
        self.setStyleSheet(STYLE)
        self.retranslate_count = 0
        self._years: list[AcademicYear] = []
        self._stale: set[int] = set()
        self._init_menus()
        self._init_toolbar()
        self._init_navigation()
        self._init_status_bar()
        self._connect_signals()
        self._load_years()
        self.retranslate_ui()
        self._restore_state()
        self.watcher = refresh.follow(self)  # other PCs' saves reload the open section
        # What is loaded by now (modules, the services, the window) lives as long as the program:
        # the collector's full passes need not walk it again and again (each such pass stalled a
        # large school's window ~50-130 ms, issue 15); what is made later is collected as before.
        # Once a process (tests and benches open many windows; the program one).
        if not gc.get_freeze_count():
            gc.freeze()

    # Building --------------------------------------------------------------------------------
    def _init_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.password_action = QAction(self)  # any signed-in user: their own password
        self.password_action.triggered.connect(self.change_own_password)
        self.file_menu.addAction(self.password_action)
        self.school_action = QAction(self)  # an account of several schools: another one (issue 20)
        self.school_action.setVisible(len(self.session.services.schools.list_schools(self.session.actor)) > 1)
        self.school_action.triggered.connect(lambda: school_picker.switch_school(self))
        self.file_menu.addAction(self.school_action)
        self.file_menu.addSeparator()
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.file_menu.addAction(self.quit_action)
        self.language_menu = bar.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for language, name in LANGUAGE_NAMES.items():  # the languages' own names, never translated
            code = language.value
            action = QAction(name, self, checkable=True)
            action.setData(code)
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.help_menu.addAction(self.about_action)

    def _init_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)
        self.year_label = QLabel(self)
        self.year_combo = QComboBox(self)
        self.year_combo.setMinimumContentsLength(10)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(320)
        self.search.setMinimumWidth(220)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        box = QWidget(self)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.year_label)
        layout.addWidget(self.year_combo)
        self.toolbar.addWidget(box)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.search)

    def _init_navigation(self) -> None:
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget(self)
        self.views: dict[str, View] = {}
        for section in SECTIONS:
            view = section.build(self.session)
            self.views[section.key] = view
            self.stack.addWidget(view)
            item = QListWidgetItem(_(section.title), self.navigation)
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            item.setHidden(section.shown_to is not None and not section.shown_to(self.session))
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _fit_navigation(self) -> None:
        """As wide as the longest section name in the current language (within reason)."""
        self.navigation.ensurePolished()  # the style sheet's font, not the default one, is measured
        metrics = self.navigation.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.navigation.item(row).text())
                      for row in range(self.navigation.count())), default=0)
        self.navigation.setFixedWidth(max(200, min(widest + 64, 340)))  # item padding and frame

    def _init_status_bar(self) -> None:
        self.user_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.user_label)
        self._status: Message = ""
        self._status_text = ""
        self._busy_text = ""  # the status text of a running operation, while it is shown

    def show_status(self, message: Message) -> None:
        """A message of a section in the status bar; it is kept (not its text) so that a language
        switch shows it again in the new language."""
        self._status = message
        self._status_text = render(message)
        self.statusBar().showMessage(self._status_text)

    def _retranslate_status(self) -> None:
        """Only a message still shown (a menu's tip replaces it, for one)."""
        bar = self.statusBar()
        if self._status and bar.currentMessage() == self._status_text:
            self._status_text = render(self._status)
            bar.showMessage(self._status_text)

    def _connect_signals(self) -> None:
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self.show_about)
        self.language_group.triggered.connect(self._on_language_action)
        self.navigation.currentRowChanged.connect(self._on_section)
        self.year_combo.currentIndexChanged.connect(self._on_year)
        self.search.textChanged.connect(self._on_search)
        operations.bus().changed.connect(self._on_changes)
        operations.bus().busy.connect(self._on_busy)
        for view in self.views.values():
            view.records_changed.connect(self._on_records_changed)
            view.status_message.connect(self.show_status)
            if isinstance(view, SettingsView):
                view.years_changed.connect(self.reload_years)
            if isinstance(view, OverviewView):
                view.record_requested.connect(self.show_record)
                view.step_requested.connect(self.run_step)

    # Language ----------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """Every text of the window itself; the views retranslate on the same LanguageChange event."""
        self.retranslate_count += 1
        self.setWindowTitle(_("Metodsovet — methodical work of the school"))
        self.file_menu.setTitle(_("&File"))
        self.password_action.setText(_("Change my &password…"))
        self.school_action.setText(_("Switch &school…"))
        self.quit_action.setText(_("&Quit"))
        self.language_menu.setTitle(_("&Language"))
        self.help_menu.setTitle(_("&Help"))
        self.about_action.setText(_("&About Metodsovet"))
        self.year_label.setText(_("Academic year:"))
        self.search.setPlaceholderText(_("Search in this section"))
        for row, section in enumerate(SECTIONS):
            item = self.navigation.item(row)
            if item is not None:
                item.setText(_(section.title))
        self._fit_navigation()
        for code, action in self.language_actions.items():
            action.setChecked(code == i18n.current_language())
        s = self.session
        school = s.services.schools.get_school(s.actor, s.school)
        self.user_label.setText(_("{user} — {role} — {school}").format(
            user=s.actor.login, role=role_label(s.actor.role),
            school=local(school.short_name or school.name)))
        self._retranslate_status()

    def set_language(self, language: str) -> None:
        """Switch live: i18n notifies the language hook, which sends LanguageChange to every window."""
        save_language(language)
        i18n.set_language(language)

    def _on_language_action(self, action: QAction) -> None:
        self.set_language(str(action.data()))

    def change_own_password(self) -> None:
        if PasswordDialog(self.session, parent=self).exec():
            self.statusBar().showMessage(_("Your password is changed."))

    # Sections, year, search ------------------------------------------------------------------
    def current_view(self) -> View:
        view = self.stack.currentWidget()
        assert isinstance(view, View)
        return view

    def show_section(self, key: str) -> None:
        keys = [s.key for s in SECTIONS]
        self.navigation.setCurrentRow(keys.index(key) if key in keys else 0)

    def show_record(self, key: str, record: str) -> None:
        """Show the section that holds ``record`` with the record selected."""
        self.show_section(key)
        self.views[key].select_record(record)

    def run_step(self, key: str, action: str) -> None:
        """A button of the overview's first steps: its section, then the dialog it names."""
        self.show_section(key)
        getattr(self.views[key], action)()

    def _on_section(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        view = self.current_view()
        if row in self._stale:
            self._stale.discard(row)
            view.set_year(self.current_year())
        view.set_search(self.search.text() if view.searchable else "")
        self.search.setEnabled(view.searchable)
        self.section_changed.emit(SECTIONS[row].key)

    def _load_years(self) -> None:
        s = self.session
        self._years = s.services.schools.list_years(s.actor, s.school)
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in self._years:
            self.year_combo.addItem(year.id, year.id)
        self.year_combo.blockSignals(False)

    def reload_years(self) -> None:
        """After a year was created or edited: the list again, the same year selected."""
        current = self.current_year()
        self._load_years()
        if current is not None and self.year_combo.findData(current.id) >= 0:
            self.year_combo.setCurrentIndex(self.year_combo.findData(current.id))
        else:
            self._on_year(self.year_combo.currentIndex())
        self._stale = set(range(self.stack.count())) - {self.stack.currentIndex()}

    def current_year(self) -> AcademicYear | None:
        index = self.year_combo.currentIndex()
        return self._years[index] if 0 <= index < len(self._years) else None

    def select_year(self, year_id: str) -> None:
        index = self.year_combo.findData(year_id)
        if index >= 0:
            self.year_combo.setCurrentIndex(index)

    def _default_year(self) -> str | None:
        year = year_on(self._years, self.session.services.schools.today())
        return year.id if year else None

    def _on_year(self, _index: int) -> None:
        year = self.current_year()
        current = self.stack.currentIndex()
        self._stale = set(range(self.stack.count())) - {current}
        self.current_view().set_year(year)
        self.year_changed.emit(year.id if year else "")

    def _on_search(self, text: str) -> None:
        view = self.current_view()
        if view.searchable:
            view.set_search(text)

    def _on_records_changed(self) -> None:
        current = self.stack.currentIndex()
        self._stale = set(range(self.stack.count())) - {current}

    def _on_changes(self, changes: frozenset[Change], _initiator: object) -> None:
        """After an operation: only the sections that show a changed kind reload (when shown);
        the current one has reloaded what its action changed itself."""
        current = self.stack.currentIndex()
        self._stale |= {row for row, section in enumerate(SECTIONS)
                        if row != current and section.shows & changes}

    def _on_busy(self, label: Message | None) -> None:
        """An operation takes longer than a moment: the status bar says what is being done, and
        stops saying it when the work is done (a message shown meanwhile stays)."""
        if label is not None:
            self.show_status(label)
            self._busy_text = self._status_text
        elif self._busy_text and self.statusBar().currentMessage() == self._busy_text:
            self._status, self._status_text, self._busy_text = "", "", ""
            self.statusBar().clearMessage()

    # State -----------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        store = settings()
        geometry = store.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(self.default_size())
        year = store.value("window/year")
        wanted = str(year) if year else self._default_year()
        self._stale = set(range(self.stack.count()))
        if wanted is not None and self.year_combo.findData(wanted) >= 0:
            self.year_combo.blockSignals(True)
            self.year_combo.setCurrentIndex(self.year_combo.findData(wanted))
            self.year_combo.blockSignals(False)
        section = store.value("window/section")
        self.show_section(str(section) if section else SECTIONS[0].key)
        if self.navigation.currentRow() == 0 and 0 in self._stale:
            self._on_section(0)

    def default_size(self) -> QSize:
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None:
            return QSize(1280, 720)
        return QSize(min(1280, screen.width()), min(740, screen.height()))

    def save_state(self) -> None:
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/section", SECTIONS[self.navigation.currentRow()].key)
        year = self.current_year()
        store.setValue("window/year", year.id if year else "")
        store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self.watcher is not None:
            self.watcher.stop()
        super().closeEvent(event)

    def show_about(self) -> None:
        QMessageBox.about(self, _("About Metodsovet"), _(
            "Metodsovet keeps the methodical work of a school: associations, meetings and protocols, "
            "calendar-thematic plans, mentoring and lesson visits (Order No. 253 of 10 August 2023)."))
