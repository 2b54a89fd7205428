"""Lesson visits (п. 10.3, 10.4; п. 20): the schedule of a term, observations by each observer, the "who visited
whom" matrix of an association for the year, printing and the register as .xlsx."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.accounts import Action, Role
from desktop_app.domain.entities import AcademicYear, LessonVisit, Observation
from desktop_app.domain.errors import UserError
from desktop_app.i18n import N_, _, current_language
from desktop_app.services.document_catalog import DocumentKind, DocumentRef
from desktop_app.ui.dialogs.visit import ObservationDialog, VisitDialog
from desktop_app.ui.labels import VISIT_KIND_LABELS, label, short_date
from desktop_app.ui.models.table import Column, RecordFilterProxy, RecordTableModel
from desktop_app.ui.models.visits import VisitMatrixModel
from desktop_app.ui.operations import Operation
from desktop_app.ui.session import local
from desktop_app.ui.widgets.fields import ERROR_STYLE, OK_STYLE
from desktop_app.ui.widgets.fitted_combo import FittedComboBox
from desktop_app.ui.widgets.saving import ask_document_path, ask_path, write_in_background
from desktop_app.ui.widgets.view import View, fit_columns, make_table

#: The least width of a column of the matrix (a count or "—").
MATRIX_CELL = 36


class VisitsView(View):
    def _build_ui(self) -> None:
        self.names: dict[str, str] = {}
        self.subjects: dict[str, str] = {}
        self.bodies: dict[str, str] = {}
        self.title_label = QLabel(self)
        self.title_label.setObjectName("viewTitle")
        self.term_label = QLabel(self)
        self.term = FittedComboBox(self)
        self.plan_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.observe_button = QPushButton(self)
        self.output_button = QPushButton(self)  # a menu button that leaves room for its arrow
        self.output_menu = QMenu(self)
        self.output_button.setMenu(self.output_menu)
        self.print_sheet_button = self.output_menu.addAction("")
        self.print_schedule_button = self.output_menu.addAction("")
        self.export_button = self.output_menu.addAction("")
        actor = self.session.actor
        planner = actor.may(Action.EDIT_VISIT) or actor.role is Role.HEAD
        self.plan_button.setVisible(planner)
        self.edit_button.setVisible(planner)
        self.export_button.setVisible(actor.may(Action.EXPORT))
        bar = QHBoxLayout()
        bar.addWidget(self.term_label)
        bar.addWidget(self.term)
        for button in (self.plan_button, self.edit_button, self.observe_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.output_button)

        self.model: RecordTableModel[LessonVisit] = RecordTableModel([
            Column(N_("Date"), lambda v: short_date(v.date), sort_key=lambda v: v.date.isoformat()),
            Column(N_("Kind"), lambda v: label(VISIT_KIND_LABELS, v.kind)),
            Column(N_("Teacher"), lambda v: self.names.get(v.teacher, v.teacher)),
            Column(N_("Subject"), lambda v: self.subjects.get(v.subject, v.subject)),
            Column(N_("Class"), lambda v: v.class_name or "", align_center=True),
            Column(N_("Lesson topic"), lambda v: v.topic),
            Column(N_("Association"), lambda v: self.bodies.get(v.association or "", v.association or "")),
            Column(N_("Observations"), lambda v: str(len(v.observations)), sort_key=lambda v: len(v.observations),
                   align_center=True),
        ], self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.observations_label = QLabel(self)
        self.observations_label.setObjectName("viewSubtitle")
        self.observations: RecordTableModel[Observation] = RecordTableModel([
            Column(N_("Observer"), lambda o: self.names.get(o.observer, o.observer)),
            Column(N_("Strengths"), lambda o: o.strengths or ""),
            Column(N_("Recommendations"), lambda o: o.recommendations or ""),
        ], self)
        self.observations_table = make_table(self)
        self.observations_table.setModel(self.observations)
        schedule = QSplitter(Qt.Orientation.Vertical, self)
        schedule.addWidget(self.table)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.observations_label)
        lower_layout.addWidget(self.observations_table)
        schedule.addWidget(lower)
        schedule.setSizes([380, 200])

        self.body_label = QLabel(self)
        self.body = QComboBox(self)
        self.matrix_note = QLabel(self)
        self.matrix_note.setObjectName("viewNote")
        self.matrix_note.setWordWrap(True)
        self.matrix_model = VisitMatrixModel(self)
        self.matrix = QTableView(self)
        self.matrix.setModel(self.matrix_model)
        # Columns as wide as their titles (a cell holds a count, never wider), fitted once per load:
        # measuring the cells of a council's 120 × 120 matrix took ~0.7 s (issue 15).
        self.matrix.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.unvisited_label = QLabel(self)
        self.unvisited_label.setWordWrap(True)
        matrix_page = QWidget(self)
        matrix_layout = QVBoxLayout(matrix_page)
        body_bar = QHBoxLayout()
        body_bar.addWidget(self.body_label)
        body_bar.addWidget(self.body, 1)
        body_bar.addStretch(1)
        matrix_layout.addLayout(body_bar)
        matrix_layout.addWidget(self.matrix_note)
        matrix_layout.addWidget(self.matrix, 1)
        matrix_layout.addWidget(self.unvisited_label)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(schedule, "")
        self.tabs.addTab(matrix_page, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        self._update_buttons()

    def _connect(self) -> None:
        self.term.currentIndexChanged.connect(self._load_visits)
        self.term.currentIndexChanged.connect(self._update_buttons)
        self.body.currentIndexChanged.connect(self._load_matrix)
        self.plan_button.clicked.connect(lambda: self._run(self.make_visit_dialog(None)))
        self.edit_button.clicked.connect(self.edit_selected)
        self.observe_button.clicked.connect(self.observe_selected)
        self.print_sheet_button.triggered.connect(self.ask_print_sheet)
        self.print_schedule_button.triggered.connect(self.ask_print_schedule)
        self.export_button.triggered.connect(self.ask_export)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

    def retranslate_ui(self) -> None:
        self.title_label.setText(_("Lesson visits"))
        self.term_label.setText(_("Term:"))
        self.plan_button.setText(_("Plan a visit…"))
        self.edit_button.setText(_("Edit…"))
        self.observe_button.setText(_("Record an observation…"))
        self.output_button.setText(_("Print and export"))
        self.print_sheet_button.setText(_("Print observation sheet…"))
        self.print_schedule_button.setText(_("Print term schedule…"))
        self.export_button.setText(_("Export to Excel…"))
        self.observations_label.setText(_("Observations of the selected lesson"))
        self.body_label.setText(_("Association:"))
        self.matrix_note.setText(_("Rows: who observed; columns: whose lesson was observed; numbers: visits "
                                   "during the academic year. Tinted columns: nobody has visited yet."))
        self.tabs.setTabText(0, _("Schedule and observations"))
        self.tabs.setTabText(1, _("Who visited whom"))
        self._fill_terms()
        self.model.retranslate()
        self.observations.retranslate()
        self.matrix_model.retranslate()
        self._update_unvisited()

    # Data ----------------------------------------------------------------------------------
    def _fill_terms(self) -> None:
        current = self.term.currentData()
        self.term.blockSignals(True)
        self.term.clear()
        self.term.addItem(_("Whole year"), 0)
        for term in self.year.terms if self.year else []:
            self.term.addItem(_("Term {number} ({start} – {end})").format(
                number=term.number, start=short_date(term.start), end=short_date(term.end)), term.number)
        index = self.term.findData(current) if current is not None else -1
        self.term.setCurrentIndex(max(index, 0))
        self.term.blockSignals(False)

    def set_year(self, year: AcademicYear | None) -> None:
        self.term.blockSignals(True)
        self.term.clear()  # the new year's terms; the whole year shown until one is picked
        self.term.blockSignals(False)
        super().set_year(year)

    def refresh(self) -> None:
        s = self.session
        self.names = s.teacher_names()
        self.subjects = s.subject_names()
        bodies = s.services.associations.list(s.actor, s.school, self.year.id) if self.year else []
        self.bodies = {b.id: local(b.name) for b in bodies}
        self._fill_terms()
        current = self.body.currentData()
        self.body.blockSignals(True)
        self.body.clear()
        for body in bodies:
            self.body.addItem(local(body.name), body.id)
        self.body.setCurrentIndex(max(self.body.findData(current), 0) if current else 0)
        self.body.blockSignals(False)
        self._load_visits()
        self._load_matrix()

    def period(self) -> tuple[date, date] | None:
        if self.year is None:
            return None
        number = self.term.currentData()
        term = next((t for t in self.year.terms if t.number == number), None)
        return (term.start, term.end) if term else self.year.window

    def _load_visits(self) -> None:
        chosen = self.selected()
        period = self.period()
        s = self.session
        visits = s.services.visits.between(s.actor, s.school, *period) if period else []
        self.model.set_records(visits)
        fit_columns(self.table, 280)
        if chosen is not None:
            self.select(chosen.id)
        self._on_selection()

    def _load_matrix(self) -> None:
        s = self.session
        body = self.body.currentData()
        matrix = None
        refusal: UserError | None = None
        if body and self.year is not None:
            try:
                matrix = s.services.visits.matrix(s.actor, s.school, body, self.year.id)
            except UserError as error:  # not this user's to see (a teacher): said where it stands
                refusal = error
        self.matrix_model.set_matrix(matrix, self.names)
        self._fit_matrix()
        self._update_unvisited()
        if refusal is not None:
            self.unvisited_label.setStyleSheet(ERROR_STYLE)
            self.unvisited_label.setText(refusal.render(_))

    def _fit_matrix(self) -> None:
        header = self.matrix.horizontalHeader()
        for column in range(header.count()):
            header.resizeSection(column, max(header.sectionSizeHint(column), MATRIX_CELL))

    def _update_unvisited(self) -> None:
        matrix = self.matrix_model.matrix
        if matrix is None:
            self.unvisited_label.setText("")
            return
        nobody = [self.names.get(t, t) for t in matrix.unvisited]
        if nobody:
            self.unvisited_label.setStyleSheet(ERROR_STYLE)
            self.unvisited_label.setText(_("Nobody has visited the lessons of: {names}").format(
                names=", ".join(nobody)))
        else:
            self.unvisited_label.setStyleSheet(OK_STYLE)
            self.unvisited_label.setText(_("Every teacher of the association has been visited."))

    def set_search(self, text: str) -> None:
        super().set_search(text)
        self.proxy.set_search(text)

    def selected(self) -> LessonVisit | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def select(self, visit: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.model.record(self.proxy.source_row(row)).id == visit:
                self.table.selectRow(row)
                return

    def _on_selection(self) -> None:
        chosen = self.selected()
        self.observations.set_records(chosen.observations if chosen else [])
        fit_columns(self.observations_table, 420)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for button in (self.edit_button, self.observe_button, self.print_sheet_button):
            button.setEnabled(chosen)
        self.plan_button.setEnabled(self.year is not None)
        self.print_schedule_button.setEnabled(self.year is not None and bool(self.term.currentData()))
        self.export_button.setEnabled(self.year is not None)

    # Actions (make_* return the dialogs so tests drive them without exec) ---------------------
    def make_visit_dialog(self, visit: LessonVisit | None) -> VisitDialog | None:
        return VisitDialog(self.session, self.year, visit, self) if self.year else None

    def edit_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None and self.plan_button.isVisibleTo(self):
            self._run(self.make_visit_dialog(chosen))

    def make_observation_dialog(self, observer: str | None = None) -> ObservationDialog | None:
        chosen = self.selected()
        return ObservationDialog(self.session, chosen, observer, self) if chosen else None

    def observe_selected(self) -> None:
        self._run(self.make_observation_dialog())

    def _run(self, dialog: VisitDialog | ObservationDialog | None) -> None:
        if dialog is not None and dialog.exec() and dialog.saved is not None:
            self.saved(dialog.saved)

    def saved(self, visit: LessonVisit) -> None:
        self._load_visits()
        self.select(visit.id)
        self._load_matrix()  # the other sections learn of it from the operation

    def ask_print_sheet(self) -> None:
        chosen = self.selected()
        ref = DocumentRef(DocumentKind.OBSERVATION, chosen.id) if chosen else None
        year = self.year.id if self.year else None
        path = ask_document_path(self, self.session, ref, current_language(), year) if ref else None
        if path is not None:
            self.write_sheet(path)

    def write_sheet(self, path: Path) -> Operation | None:
        chosen = self.selected()
        assert chosen is not None
        s, language = self.session, current_language()
        return write_in_background(self, path, lambda: s.services.documents.observation(
            s.actor, s.school, chosen.id, language).data)

    def ask_print_schedule(self) -> None:
        term = self.term.currentData()
        ref = DocumentRef(DocumentKind.SCHEDULE, self.year.id, int(term)) if self.year and term else None
        path = ask_document_path(self, self.session, ref, current_language(), ref.record) if ref else None
        if path is not None:
            self.write_schedule(path)

    def write_schedule(self, path: Path) -> Operation | None:
        assert self.year is not None
        s, year, term, language = self.session, self.year.id, int(self.term.currentData()), current_language()
        return write_in_background(self, path, lambda: s.services.documents.visit_schedule(
            s.actor, s.school, year, term, language).data)

    def ask_export(self) -> None:
        path = ask_path(self, f"visits-{self.year.id}.xlsx", pdf=False) if self.year else None
        if path is not None:
            self.write_register(path)

    def write_register(self, path: Path) -> Operation | None:
        assert self.year is not None
        s, year = self.session, self.year.id
        return write_in_background(self, path, lambda: s.services.registers.visits_xlsx(s.actor, s.school, year))
