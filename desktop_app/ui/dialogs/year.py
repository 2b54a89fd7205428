"""Edit an academic year: dates, four terms, holidays, moved working days, study weeks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.entities import AcademicYear, Holiday, LocalizedText, Term
from desktop_app.i18n import _
from desktop_app.ui.labels import short_date
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.fields import date_edit, date_of, error_label
from desktop_app.ui.widgets.form_dialog import FormDialog

TERMS = 4


class YearDialog(FormDialog):
    """Saves through services.schools.save_year; ``saved`` holds the stored year afterwards."""

    def __init__(self, session: Session, year: AcademicYear, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.original = year
        self.saved: AcademicYear | None = None
        self._build_ui()
        self._connect()
        self.retranslate_ui()

    # Building --------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        year = self.original
        self.start = date_edit(year.start, self)
        self.end = date_edit(year.end, self)
        self.weeks = QSpinBox(self)
        self.weeks.setRange(0, 53)
        self.weeks.setValue(year.study_weeks or 0)
        self.weeks.setMinimumWidth(130)
        self.dates_box = QGroupBox(self)
        self.start_label, self.end_label, self.weeks_label = QLabel(self), QLabel(self), QLabel(self)
        dates = QGridLayout(self.dates_box)
        dates.addWidget(self.start_label, 0, 0)
        dates.addWidget(self.start, 0, 1)
        dates.addWidget(self.end_label, 0, 2)
        dates.addWidget(self.end, 0, 3)
        dates.addWidget(self.weeks_label, 0, 4)
        dates.addWidget(self.weeks, 0, 5)

        self.terms_box = QGroupBox(self)
        grid = QGridLayout(self.terms_box)
        self.term_labels: list[QLabel] = []
        self.term_edits: list[tuple[QDateEdit, QDateEdit]] = []
        terms = {t.number: t for t in year.terms}
        for number in range(1, TERMS + 1):
            term = terms.get(number)
            caption = QLabel(self)
            first, last = date_edit(term.start if term else year.start, self), \
                date_edit(term.end if term else year.start, self)
            grid.addWidget(caption, number - 1, 0)
            grid.addWidget(first, number - 1, 1)
            grid.addWidget(QLabel("–", self), number - 1, 2)
            grid.addWidget(last, number - 1, 3)
            self.term_labels.append(caption)
            self.term_edits.append((first, last))
        grid.setColumnStretch(4, 1)

        self.holidays_box = QGroupBox(self)
        self.holidays = QTableWidget(0, 4, self)
        self.holidays.setObjectName("holidays")
        self.holidays.verticalHeader().setVisible(False)
        self.holidays.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.holidays.verticalHeader().setDefaultSectionSize(30)
        self.holidays.setMinimumHeight(190)
        header = self.holidays.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        for holiday in year.holidays:
            self.add_holiday(holiday)
        self.add_holiday_button, self.remove_holiday_button = QPushButton(self), QPushButton(self)
        holiday_buttons = QHBoxLayout()
        holiday_buttons.addWidget(self.add_holiday_button)
        holiday_buttons.addWidget(self.remove_holiday_button)
        holiday_buttons.addStretch(1)
        holidays = QVBoxLayout(self.holidays_box)
        holidays.addWidget(self.holidays)
        holidays.addLayout(holiday_buttons)

        self.moved_box = QGroupBox(self)
        self.moved = QListWidget(self)
        self.moved.setMaximumHeight(84)
        for day in year.extra_school_days:
            self._add_moved(day)
        self.moved_date = date_edit(year.start, self)
        self.add_moved_button, self.remove_moved_button = QPushButton(self), QPushButton(self)
        moved = QHBoxLayout(self.moved_box)
        moved.addWidget(self.moved, 1)
        side = QVBoxLayout()
        side.addWidget(self.moved_date)
        side.addWidget(self.add_moved_button)
        side.addWidget(self.remove_moved_button)
        side.addStretch(1)
        moved.addLayout(side)

        self.errors = {key: error_label(self) for key in ("end", "terms", "holidays", "extra_school_days")}
        self.general_error = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.dates_box)
        layout.addWidget(self.errors["end"])
        layout.addWidget(self.terms_box)
        layout.addWidget(self.errors["terms"])
        layout.addWidget(self.holidays_box, 1)
        layout.addWidget(self.errors["holidays"])
        layout.addWidget(self.moved_box)
        layout.addWidget(self.errors["extra_school_days"])
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(720)

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.add_holiday_button.clicked.connect(lambda: self.add_holiday(None))
        self.remove_holiday_button.clicked.connect(self.remove_holiday)
        self.add_moved_button.clicked.connect(lambda: self._add_moved(date_of(self.moved_date)))
        self.remove_moved_button.clicked.connect(self.remove_moved)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Academic year {year}").format(year=self.original.id))
        self.dates_box.setTitle(_("The academic year"))
        self.start_label.setText(_("Starts on"))
        self.end_label.setText(_("Ends on"))
        self.weeks_label.setText(_("Study weeks"))
        self.weeks.setSpecialValueText(_("not set"))
        self.terms_box.setTitle(_("Terms"))
        for number, caption in enumerate(self.term_labels, start=1):
            caption.setText(_("Term {number}").format(number=number))
        self.holidays_box.setTitle(_("Holidays"))
        self.holidays.setHorizontalHeaderLabels(
            [_("Starts on"), _("Ends on"), _("Name (Kazakh)"), _("Name (Russian)")])
        self.add_holiday_button.setText(_("Add holiday"))
        self.remove_holiday_button.setText(_("Remove holiday"))
        self.moved_box.setTitle(_("Moved working days (Saturdays or Sundays with lessons)"))
        self.add_moved_button.setText(_("Add day"))
        self.remove_moved_button.setText(_("Remove day"))

    # Editing ---------------------------------------------------------------------------------
    def add_holiday(self, holiday: Holiday | None) -> int:
        """Append a row (a new one starts on the year's start); returns its row number."""
        row = self.holidays.rowCount()
        self.holidays.insertRow(row)
        start = holiday.start if holiday else self.original.start
        self.holidays.setCellWidget(row, 0, date_edit(start, self.holidays))
        self.holidays.setCellWidget(row, 1, date_edit(holiday.end if holiday else start, self.holidays))
        name = holiday.name if holiday and holiday.name else LocalizedText()
        self.holidays.setItem(row, 2, QTableWidgetItem(name.kk or ""))
        self.holidays.setItem(row, 3, QTableWidgetItem(name.ru or ""))
        return row

    def remove_holiday(self) -> None:
        row = self.holidays.currentRow()
        if row >= 0:
            self.holidays.removeRow(row)

    def holiday_dates(self, row: int) -> tuple[QDateEdit, QDateEdit]:
        first, last = self.holidays.cellWidget(row, 0), self.holidays.cellWidget(row, 1)
        assert isinstance(first, QDateEdit) and isinstance(last, QDateEdit)
        return first, last

    def _add_moved(self, day: date) -> None:
        if day in self.moved_days():
            return
        item = QListWidgetItem(short_date(day), self.moved)
        item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
        self.moved.sortItems()

    def remove_moved(self) -> None:
        row = self.moved.currentRow()
        if row >= 0:
            self.moved.takeItem(row)

    def moved_days(self) -> list[date]:
        return sorted(date.fromisoformat(str(self.moved.item(i).data(Qt.ItemDataRole.UserRole)))
                      for i in range(self.moved.count()))

    # Saving ----------------------------------------------------------------------------------
    def year(self) -> AcademicYear:
        """The year as the form describes it now."""
        holidays = []
        for row in range(self.holidays.rowCount()):
            first, last = self.holiday_dates(row)
            kk, ru = (self._cell(row, 2), self._cell(row, 3))
            holidays.append(Holiday(date_of(first), date_of(last), LocalizedText(kk, ru) if kk or ru else None))
        terms = [Term(n, date_of(a), date_of(b)) for n, (a, b) in enumerate(self.term_edits, start=1)]
        return replace(self.original, start=date_of(self.start), end=date_of(self.end), terms=terms,
                       holidays=sorted(holidays, key=lambda h: h.start),
                       extra_school_days=self.moved_days(), study_weeks=self.weeks.value() or None)

    def _cell(self, row: int, column: int) -> str | None:
        item = self.holidays.item(row, column)
        return (item.text().strip() or None) if item is not None else None

    def accept(self) -> None:
        """OK: the year saved off the GUI thread (``FormDialog.submit``); a refusal goes to its field."""
        s, year = self.session, self.year()
        self.submit(lambda: s.services.schools.save_year(s.actor, s.school, year), changes={Change.YEARS})
