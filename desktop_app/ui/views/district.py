"""The district (п. 16, 17; issue 20): for an account of every school, the same figures of each
school side by side for a district year, sortable, with a chart and an .xlsx; the district's
administrator imports the schools' exchange files from a folder here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
)

from desktop_app.domain.accounts import Action
from desktop_app.domain.entities import AcademicYear
from desktop_app.i18n import N_, Text, _, current_language, format_number, render
from desktop_app.services.district import COLUMNS, DistrictService, FolderResult, SchoolFigures, value_of
from desktop_app.ui import operations
from desktop_app.ui.models.table import Column, RecordFilterProxy, RecordTableModel
from desktop_app.ui.operations import Change, Operation
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.district_chart import CHARTS, DistrictChart
from desktop_app.ui.widgets.saving import ask_path, write_in_background
from desktop_app.ui.widgets.view import View, make_table


def _cell(figures: SchoolFigures, key: str) -> str:
    value = value_of(figures, key, current_language())
    if value is None:
        return "—"
    if isinstance(value, float):
        return format_number(value, decimals=1)
    return str(value)


def _column(key: str, title: str) -> Column[SchoolFigures]:
    """A figure's column; numbers sort as numbers (a share without a base first)."""
    def sort(figures: SchoolFigures) -> int:
        value = value_of(figures, key)
        return -1 if value is None or isinstance(value, str) else round(float(value) * 10)

    return Column(title, lambda f: _cell(f, key), sort_key=None if key == "school" else sort,
                  align_center=key != "school")


def district_year_of(year: AcademicYear) -> int:
    return year.start.year if year.start.month >= 7 else year.start.year - 1


class DistrictView(View):
    searchable = True

    @staticmethod
    def available(session: Session) -> bool:
        """Shown to an account of every school that may read them (the district methodist)."""
        return DistrictService.sees_district(session.actor)

    def _build_ui(self) -> None:
        self.shown = self.available(self.session)
        self.figures: list[SchoolFigures] = []
        self.title_label = QLabel(self)
        self.title_label.setObjectName("viewTitle")
        self.year_label = QLabel(self)
        self.year_combo = QComboBox(self)
        self.chart_label = QLabel(self)
        self.chart_combo = QComboBox(self)
        for chart in CHARTS:
            self.chart_combo.addItem("", chart.title)
        self.export_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.import_button.setVisible(self.session.may(Action.IMPORT) and self.session.actor.school is None)
        bar = QHBoxLayout()
        for widget in (self.year_label, self.year_combo, self.chart_label, self.chart_combo):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.import_button)
        bar.addWidget(self.export_button)
        self.model: RecordTableModel[SchoolFigures] = RecordTableModel(
            [_column(key, title) for key, title in COLUMNS], self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self)
        self.table.setModel(self.proxy)
        self.chart = DistrictChart(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(scroll)
        self.splitter.setSizes([260, 300])
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(bar)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.year_combo.currentIndexChanged.connect(lambda _i: self.load())
        self.chart_combo.currentIndexChanged.connect(lambda _i: self.draw())
        self.export_button.clicked.connect(self.ask_export)
        self.import_button.clicked.connect(self.ask_import)
        self.model.layoutChanged.connect(self.draw)  # a sort: the chart in the table's order

    def retranslate_ui(self) -> None:
        self.title_label.setText(_("District: the schools side by side"))
        self.year_label.setText(_("Academic year:"))
        self.chart_label.setText(_("Chart:"))
        for index in range(self.chart_combo.count()):
            self.chart_combo.setItemText(index, _(str(self.chart_combo.itemData(index))))
        self.export_button.setText(_("Export to Excel…"))
        self.import_button.setText(_("Import schools' files…"))
        self.empty_label.setText(_("No school of the database holds this academic year."))
        self._fit_columns()  # the headings in the new language set the widths

    # Loading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.shown:
            return
        s = self.session
        wanted = self.year_combo.currentData()
        if wanted is None and self.year is not None:
            wanted = district_year_of(self.year)
        years = s.services.district.years(s.actor)
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(f"{year}–{year + 1}", year)
        found = self.year_combo.findData(wanted)
        self.year_combo.setCurrentIndex(found if found >= 0 else 0)
        self.year_combo.blockSignals(False)
        self.load()

    def set_year(self, year: AcademicYear | None) -> None:
        """The window's year chooses the district year the first time; then the section's own list."""
        self.year = year
        if year is not None and self.shown:
            found = self.year_combo.findData(district_year_of(year))
            if found >= 0:  # refresh() loads it, once
                self.year_combo.blockSignals(True)
                self.year_combo.setCurrentIndex(found)
                self.year_combo.blockSignals(False)
        self.refresh()

    def current_district_year(self) -> int | None:
        value = self.year_combo.currentData()
        return int(value) if value is not None else None

    def load(self) -> None:
        year = self.current_district_year()
        s = self.session
        self.figures = s.services.district.figures(s.actor, year) if year is not None else []
        self.model.set_records(self.figures)
        self.empty_label.setVisible(not any(f.year for f in self.figures))
        self.export_button.setEnabled(year is not None)
        self._fit_columns()
        self.draw()

    def _fit_columns(self) -> None:
        """Two dozen figures do not fit 1366 px whatever is done: the table scrolls sideways, the
        school's name keeps its width, and a figure's column is as wide as its heading (numbers are
        narrower): measured from the headings, not from every cell (40 schools × 24 figures)."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        names = [_cell(f, "school") for f in self.figures]
        self.table.setColumnWidth(0, min(max((metrics.horizontalAdvance(n) for n in names), default=120) + 24, 260))
        for column in range(1, self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            self.table.setColumnWidth(column, max(metrics.horizontalAdvance(title) + 28, 56))

    def draw(self) -> None:
        if not self.shown:
            return
        chart = CHARTS[max(self.chart_combo.currentIndex(), 0)]
        rows = [self.model.record(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
                for r in range(self.proxy.rowCount())]
        self.chart.show_figures(chart, [(_cell(f, "school"), f) for f in rows if f.year is not None])

    def set_search(self, text: str) -> None:
        super().set_search(text)
        self.proxy.set_search(text)
        self.draw()

    # Actions ---------------------------------------------------------------------------------
    def ask_export(self) -> None:
        year = self.current_district_year()
        path = ask_path(self, f"district-{year}-{year + 1}.xlsx", pdf=False) if year is not None else None
        if path is not None:
            self.write_xlsx(path)

    def write_xlsx(self, path: Path) -> Operation | None:
        year = self.current_district_year()
        assert year is not None
        s, language = self.session, current_language()
        return write_in_background(self, path, lambda: s.services.district.figures_xlsx(s.actor, year, language))

    def ask_import(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("The folder of the schools' exchange files"))
        if folder:
            self.import_folder(Path(folder))

    def import_folder(self, folder: Path) -> Operation | None:
        """Off the GUI thread with progress; Cancel stops between two files (each file is all or
        nothing in its own transaction, so the files imported before stay, whole)."""
        s = self.session
        return operations.run(lambda progress: s.services.district.import_folder(s.actor, folder,
                                                                                 progress=progress.report),
                              label=Text(N_("Importing the schools' files…")), parent=self,
                              changes=(Change.SCHOOL,), on_success=self.imported, cancellable=True,
                              on_cancel=self.import_stopped,
                              refused=lambda error: QMessageBox.warning(self, _("Not imported"), error.render(_)))

    def import_stopped(self) -> None:
        self.report = QMessageBox(QMessageBox.Icon.Information, _("Schools' files"), _(
            "The import was stopped. The files imported before it stay imported, each whole; the "
            "others were not imported. The list shows the schools now in the database."),
            QMessageBox.StandardButton.Close, self)
        self.report.setObjectName("folderReport")
        self.report.open()
        self.refresh()

    def imported(self, results: list[FolderResult]) -> None:
        """The report: which files were imported, which refused and why (in the window's language)."""
        self.report = QMessageBox(QMessageBox.Icon.Information, _("Schools' files"), report_text(results),
                                  QMessageBox.StandardButton.Close, self)
        self.report.setObjectName("folderReport")
        self.report.open()
        self.refresh()


def report_text(results: list[FolderResult]) -> str:
    if not results:
        return _("The folder holds no exchange file (*.json).")
    refused = [r for r in results if r.refusal is not None]
    lines = [_("{imported} imported, {refused} refused").format(imported=len(results) - len(refused),
                                                              refused=len(refused))]
    for result in results:
        if result.refusal is None:
            lines.append(_("{file}: school {school} imported").format(file=result.file, school=result.school))
        else:
            lines.append(_("{file}: refused — {reason}").format(file=result.file, reason=render(result.refusal)))
    return "\n".join(lines)

