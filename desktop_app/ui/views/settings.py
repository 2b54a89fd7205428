"""Settings: the school's academic years (create from a preset, edit terms and holidays) and, for
the administrator, the subjects (ui/widgets/subjects_panel.py), the backups (ui/widgets/backups_panel.py) and the
accounts (ui/widgets/accounts_panel.py)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.accounts import Action
from desktop_app.domain.entities import AcademicYear
from desktop_app.domain.errors import UserError
from desktop_app.domain.staff_records import COURSE_PERIOD_RANGE
from desktop_app.i18n import N_, Text, _
from desktop_app.services.schools import load_presets
from desktop_app.ui import operations
from desktop_app.ui.dialogs.year import YearDialog
from desktop_app.ui.models.years import YearTableModel
from desktop_app.ui.operations import Change
from desktop_app.ui.widgets.accounts_panel import AccountsPanel
from desktop_app.ui.widgets.backups_panel import BackupsPanel
from desktop_app.ui.widgets.subjects_panel import SubjectsPanel
from desktop_app.ui.widgets.view import View, fit_columns, make_table


class SettingsView(View):
    """Signal ``years_changed`` after a year was created or edited (the window reloads its list)."""

    years_changed = Signal()
    searchable = False

    def _build_ui(self) -> None:
        self.title_label = QLabel(self)
        self.title_label.setObjectName("viewTitle")
        self.years_title = QLabel(self)
        self.years_title.setObjectName("viewSubtitle")
        self.new_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        may = self.session.may(Action.MANAGE_SCHOOL)
        self.new_button.setVisible(may)
        self.edit_button.setVisible(may)
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addStretch(1)
        self.model = YearTableModel(self)
        self.table = make_table(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)
        self.note_label = QLabel(self)
        self.note_label.setObjectName("viewNote")
        self.note_label.setWordWrap(True)
        years_page = QWidget(self)
        years = QVBoxLayout(years_page)
        years.addWidget(self.years_title)
        years.addLayout(bar)
        years.addWidget(self.table, 1)
        #: School practice, not the Rules (issue 18): the deputy director's agreement of KTPs.
        self.agreement = QCheckBox(self)
        self.agreement.setObjectName("deputyAgreement")
        self.agreement.setVisible(may)
        years.addWidget(self.agreement)
        #: Professional development: the period between a teacher's courses (a school setting).
        self.period_label, self.period = QLabel(self), QSpinBox(self)
        self.period.setRange(*COURSE_PERIOD_RANGE)
        self.period_label.setBuddy(self.period)
        period_row = QHBoxLayout()
        period_row.addWidget(self.period_label)
        period_row.addWidget(self.period)
        period_row.addStretch(1)
        for widget in (self.period_label, self.period):
            widget.setVisible(may)
        years.addLayout(period_row)
        years.addWidget(self.note_label)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(years_page, "")
        #: Subjects belong to the staff list (Action.MANAGE_TEACHERS).
        manages_staff = self.session.may(Action.MANAGE_TEACHERS)
        self.subjects: SubjectsPanel | None = SubjectsPanel(self.session, self) if manages_staff else None
        if self.subjects is not None:
            self.tabs.addTab(self.subjects, "")
        #: Backups are the administrator's (Action.MANAGE_SCHOOL); others do not get the page.
        self.backups: BackupsPanel | None = BackupsPanel(self.session, self) if may else None
        if self.backups is not None:
            self.tabs.addTab(self.backups, "")
        manages_accounts = self.session.may(Action.MANAGE_ACCOUNTS)
        self.accounts: AccountsPanel | None = AccountsPanel(self.session, self) if manages_accounts else None
        if self.accounts is not None:
            self.tabs.addTab(self.accounts, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.tabs, 1)

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.choose_preset)
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.doubleClicked.connect(self._on_double_click)
        self.agreement.clicked.connect(self.set_agreement)
        self.period.editingFinished.connect(lambda: self.set_course_period(self.period.value()))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        if self.backups is not None:
            self.backups.restored.connect(self._restored)
            self.backups.status_message.connect(self.status_message)
        if self.accounts is not None:
            self.accounts.status_message.connect(self.status_message)
        if self.subjects is not None:
            self.subjects.status_message.connect(self.status_message)
            self.subjects.subjects_changed.connect(self.records_changed)

    def retranslate_ui(self) -> None:
        self.title_label.setText(_("Settings"))
        self.years_title.setText(_("Academic years"))
        self.new_button.setText(_("New year from a preset…"))
        self.edit_button.setText(_("Edit…"))
        self.note_label.setText(_("The language is chosen in the Language menu."))
        self.agreement.setText(_("KTPs are agreed by the deputy director (СОГЛАСОВАНО / КЕЛІСІЛДІ) before the "
                                 "director approves them — school practice, not required by the Rules"))
        self.period_label.setText(_("Years between a teacher's professional development courses:"))
        self.model.retranslate()
        self.tabs.setTabText(0, _("Academic years"))
        if self.subjects is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.subjects), _("Subjects"))
            self.subjects.retranslate_ui()
        if self.backups is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.backups), _("Backups"))
            self.backups.retranslate_ui()
        if self.accounts is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.accounts), _("Accounts"))
            self.accounts.retranslate_ui()

    def refresh(self) -> None:
        s = self.session
        self.model.set_records(s.services.schools.list_years(s.actor, s.school))
        self.agreement.setChecked(s.services.schools.get_school(s.actor, s.school).deputy_agreement)
        self.period.blockSignals(True)
        self.period.setValue(s.services.courses.period(s.actor, s.school))
        self.period.blockSignals(False)
        fit_columns(self.table)
        self._update_buttons()
        if self.subjects is not None:
            self.subjects.refresh()
        if self.backups is not None:
            self.backups.refresh()
        if self.accounts is not None:
            self.accounts.refresh()

    def set_agreement(self, on: bool) -> bool:
        """The school setting; a refusal (approved plans lack the agreement) is shown, the box put back."""
        s = self.session
        try:
            s.services.schools.set_deputy_agreement(s.actor, s.school, on)
        except UserError as error:
            self.agreement.setChecked(not on)
            QMessageBox.warning(self, _("Settings"), error.render(_))
            return False
        self.status_message.emit(Text(N_("Saved.")))
        self.records_changed.emit()
        return True

    def set_course_period(self, years: int) -> bool:
        """The school's period between courses; a refusal is shown and the stored value put back."""
        s = self.session
        if years == s.services.courses.period(s.actor, s.school):
            return True
        try:
            s.services.courses.set_period(s.actor, s.school, years)
        except UserError as error:
            self.period.setValue(s.services.courses.period(s.actor, s.school))
            QMessageBox.warning(self, _("Settings"), error.render(_))
            return False
        self.status_message.emit(Text(N_("Saved.")))
        self.records_changed.emit()
        return True

    def _restored(self) -> None:
        """Another database state is in place: this view, the window's years and every section reload."""
        self.refresh()
        self.years_changed.emit()
        self.records_changed.emit()

    def selected(self) -> AcademicYear | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_year(self, year_id: str) -> None:
        for row, year in enumerate(self.model.records()):
            if year.id == year_id:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected() is not None)

    # Actions ---------------------------------------------------------------------------------
    def free_presets(self) -> list[str]:
        taken = {y.id for y in self.model.records()}
        return [p.year.id for p in load_presets() if p.year.id not in taken]

    def choose_preset(self) -> None:
        free = self.free_presets()
        if not free:
            QMessageBox.information(self, _("Academic years"), _("Every preset year exists already."))
            return
        chosen, ok = QInputDialog.getItem(self, _("New academic year"), _("Calendar of the year:"), free, 0, False)
        if ok:
            self.create_from_preset(chosen)

    def create_from_preset(self, preset_id: str) -> bool:
        """The year of a preset calendar created off the GUI thread; True when started."""
        s = self.session

        def created(year: AcademicYear) -> None:
            preset = next(p for p in load_presets() if p.year.id == preset_id)
            self._changed(year.id)
            if not preset.official:
                self.status_message.emit(Text(N_("This calendar is a draft: check every date against the "
                                                 "Minister's order for {year} and correct it in Settings → "
                                                 "Academic years."), {"year": year.id}))

        return operations.run(lambda: s.services.schools.create_year_from_preset(s.actor, s.school, preset_id),
                              changes={Change.YEARS}, parent=self, on_success=created,
                              refused=self.status_message.emit, initiator=self) is not None

    def make_dialog(self, year: AcademicYear) -> YearDialog:
        """The editor of ``year``; tests drive it without exec()."""
        return YearDialog(self.session, year, self)

    def edit_selected(self) -> None:
        year = self.selected()
        if year is None:
            return
        dialog = self.make_dialog(year)
        if dialog.exec() and dialog.saved is not None:
            self._changed(dialog.saved.id)

    def _changed(self, year_id: str) -> None:
        self.refresh()
        self.select_year(year_id)
        self.years_changed.emit()
        self.records_changed.emit()

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid() and self.session.may(Action.MANAGE_SCHOOL):
            self.edit_selected()

