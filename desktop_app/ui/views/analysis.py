"""The annual analysis of methodical work (issue 20 point 3): pick the association or the school, read
the year's figures as tables and charts, write the conclusions and next year's tasks, approve, print
in Kazakh or Russian, export every table to Excel."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.documents.analysis_tables import FigureTable, analysis_charts, analysis_tables
from desktop_app.domain.accounts import Action, Role
from desktop_app.domain.entities import AcademicYear, Language, Signer
from desktop_app.domain.errors import UserError
from desktop_app.i18n import _, current_language
from desktop_app.services.annual_analysis import AnalysisPaper
from desktop_app.ui import operations
from desktop_app.ui.dialogs.signer import SignerDialog
from desktop_app.ui.labels import short_date
from desktop_app.ui.operations import Operation
from desktop_app.ui.session import local
from desktop_app.ui.widgets.fitted_combo import FittedComboBox
from desktop_app.ui.widgets.saving import ask_path, write_in_background
from desktop_app.ui.widgets.view import View

#: The widest the names' column of a table gets (longer names wrap), in pixels.
NAME_WIDTH = 320


class AnalysisView(View):
    searchable = False

    def _build_ui(self) -> None:
        self.paper: AnalysisPaper | None = None
        self.title_label = QLabel(self)
        self.title_label.setObjectName("viewTitle")
        self.scope_caption = QLabel(self)
        self.scope = FittedComboBox(self)
        self.scope.setObjectName("scope")
        self.save_button, self.approve_button = QPushButton(self), QPushButton(self)
        self.output_button = QPushButton(self)
        self.output_menu = QMenu(self)
        self.output_button.setMenu(self.output_menu)
        self.print_actions = {language: self.output_menu.addAction("") for language in ("kk", "ru")}
        self.export_action = self.output_menu.addAction("")
        bar = QHBoxLayout()
        bar.addWidget(self.scope_caption)
        bar.addWidget(self.scope)
        bar.addStretch(1)
        for button in (self.save_button, self.approve_button, self.output_button):
            bar.addWidget(button)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.tabs = QTabWidget(self)
        # Tables: their titles on the left, the chosen one on the right with its note under it.
        self.table_list = QListWidget(self)
        self.table_list.setObjectName("tables")
        self.table_list.setWordWrap(True)
        self.table = QTableWidget(self)
        self.table.setObjectName("figures")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        # Long headings wrap onto a second line rather than widen the table past the window.
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.table.horizontalHeader().setMinimumHeight(48)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.note)
        self.splitter = tables = QSplitter(Qt.Orientation.Horizontal, self)
        tables.addWidget(self.table_list)
        tables.addWidget(right)
        tables.setStretchFactor(1, 1)
        tables.setSizes([280, 1000])
        self.charts = QTabWidget(self)
        self.charts.setObjectName("charts")
        texts = QWidget(self)
        self.conclusions_caption, self.tasks_caption = QLabel(texts), QLabel(texts)
        self.conclusions, self.tasks = QPlainTextEdit(texts), QPlainTextEdit(texts)
        self.conclusions.setObjectName("conclusions")
        self.tasks.setObjectName("tasks")
        text_layout = QVBoxLayout(texts)
        for widget in (self.conclusions_caption, self.conclusions, self.tasks_caption, self.tasks):
            text_layout.addWidget(widget)
        self.tabs.addTab(tables, "")
        self.tabs.addTab(self.charts, "")
        self.tabs.addTab(texts, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(bar)
        layout.addWidget(self.state)
        layout.addWidget(self.tabs, 1)
        self.shown: list[FigureTable] = []

    def _connect(self) -> None:
        self.scope.currentIndexChanged.connect(lambda _index: self.refresh())
        self.table_list.currentRowChanged.connect(self._show_table)
        self.save_button.clicked.connect(self.save)
        self.approve_button.clicked.connect(self.ask_approve)
        for language, action in self.print_actions.items():
            action.triggered.connect(lambda _checked=False, lang=language: self.ask_print(lang))
        self.export_action.triggered.connect(self.ask_export)

    def retranslate_ui(self) -> None:
        self.title_label.setText(_("Annual analysis of methodical work"))
        self.scope_caption.setText(_("Analysis of"))
        self.save_button.setText(_("Save the texts"))
        self.approve_button.setText(_("Approve…"))
        self.output_button.setText(_("Print and export"))
        self.print_actions["kk"].setText(_("Print in Kazakh (PDF)…"))
        self.print_actions["ru"].setText(_("Print in Russian (PDF)…"))
        self.export_action.setText(_("Export every table to Excel…"))
        self.tabs.setTabText(0, _("Tables"))
        self.tabs.setTabText(1, _("Charts"))
        self.tabs.setTabText(2, _("Conclusions and tasks"))
        self.conclusions_caption.setText(_("Conclusions"))
        self.tasks_caption.setText(_("Tasks for the next academic year"))
        if self.scope.count():
            self._fill_scope()  # «The whole school» and the associations' names in the new language

    # Data ------------------------------------------------------------------------------------
    def _fill_scope(self) -> None:
        """The school (for who reads everything) and the year's associations the user may read."""
        s, chosen = self.session, self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        if self.year is not None:
            if s.may(Action.READ_ALL):
                self.scope.addItem(_("The whole school"), "")
            for body in s.services.associations.list(s.actor, s.school, self.year.id):
                if s.may(Action.READ_ALL) or s.actor.teacher == body.head:
                    self.scope.addItem(local(body.name), body.id)
        index = self.scope.findData(chosen)
        self.scope.setCurrentIndex(max(index, 0))
        self.scope.blockSignals(False)

    def select_record(self, record: str) -> None:
        """An Overview line about an analysis: "" is the whole school's, else an association's."""
        if self.scope.count() == 0:
            self._fill_scope()
        index = self.scope.findData(record)
        if index >= 0:
            self.scope.setCurrentIndex(index)

    def set_year(self, year: AcademicYear | None) -> None:
        self.scope.blockSignals(True)
        self.scope.clear()  # the new year's associations are filled by refresh
        self.scope.blockSignals(False)
        super().set_year(year)

    def refresh(self) -> None:
        self._keep_typed()
        if self.scope.count() == 0:
            self._fill_scope()
        s = self.session
        self.paper = None
        if self.year is not None and self.scope.count():
            try:
                self.paper = s.services.analysis.paper(s.actor, s.school, self.year.id,
                                                       self.scope.currentData() or None)
            except UserError as error:
                self.state.setText(error.render(_))
        self._show()

    def _show(self) -> None:
        paper, lang = self.paper, current_language()
        row = max(self.table_list.currentRow(), 0)
        self.table_list.clear()
        while self.charts.count():
            widget = self.charts.widget(0)
            self.charts.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        self.shown = analysis_tables(paper.figures, paper.names(lang), lang) if paper else []
        self.table_list.addItems([t.title for t in self.shown])
        self.splitter.setSizes([min(self.table_list.sizeHintForColumn(0) + 24, 280), 1000])
        self.table_list.setCurrentRow(min(row, len(self.shown) - 1) if self.shown else -1)
        if paper is not None:
            from desktop_app.ui.widgets.analysis_charts import chart_view  # QtCharts: loaded when first shown

            for chart in analysis_charts(paper.figures, paper.names(lang), lang):
                self.charts.addTab(chart_view(chart, self.charts), chart.title)
            analysis = paper.analysis
            for editor, text in ((self.conclusions, analysis.conclusions), (self.tasks, analysis.tasks)):
                editor.setPlainText(text)
                editor.document().setModified(False)
            self.state.setText(self._state_text(paper))
        elif self.scope.count() == 0:
            self.state.setText(_("There is no analysis you may read in this academic year."))
        self._update_buttons()

    def _state_text(self, paper: AnalysisPaper) -> str:
        analysis = paper.analysis
        if not analysis.approved:
            return _("Draft: the figures are counted from the year's records each time it is opened.")
        return _("Approved on {date} by {name}{acting}.").format(
            date=short_date(analysis.approved_on) if analysis.approved_on else "",
            name=paper.signature_name(analysis.approved_by), acting=_(" (acting)") if analysis.acting else "")

    def _show_table(self, row: int) -> None:
        table = self.shown[row] if 0 <= row < len(self.shown) else None
        self.table.clear()
        self.note.setText(table.note if table else "")
        if table is None:
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            return
        self.table.setColumnCount(len(table.headers))
        self.table.setHorizontalHeaderLabels(table.headers)
        self.table.setRowCount(len(table.rows))
        for r, values in enumerate(table.rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if not isinstance(value, str) or c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        labelled = bool(table.rows) and isinstance(table.rows[0][0], str)
        for column in range(len(table.headers)):  # the names up to NAME_WIDTH, wrapped; the counts share the rest
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive if column == 0 and labelled
                                        else QHeaderView.ResizeMode.Stretch)
        if labelled:
            self.table.setColumnWidth(0, min(self.table.sizeHintForColumn(0) + 12, NAME_WIDTH))
        self.table.resizeRowsToContents()

    def may_write(self) -> bool:
        paper, actor = self.paper, self.session.actor
        if paper is None or paper.analysis.approved:
            return False
        body = paper.figures.association
        heads = {self.session.services.associations.get(actor, self.session.school, body).head} if body else set()
        return actor.may(Action.WRITE_ANALYSIS, heads)

    def _update_buttons(self) -> None:
        s, paper = self.session, self.paper
        writable = self.may_write()
        for editor in (self.conclusions, self.tasks):
            editor.setReadOnly(not writable)
        self.save_button.setVisible(paper is not None and writable)
        self.approve_button.setVisible(paper is not None and not paper.analysis.approved and (
            s.may(Action.APPROVE_ANALYSIS) or s.actor.role is Role.ADMINISTRATOR))
        self.output_button.setEnabled(paper is not None)

    def _typed(self) -> bool:
        return self.conclusions.document().isModified() or self.tasks.document().isModified()

    def _keep_typed(self) -> None:
        """Texts typed and not saved are saved before another analysis (or year, or language) is shown:
        nothing typed is lost. A refusal is shown in the status bar."""
        paper = self.paper
        if paper is None or not self._typed() or not self.may_write():
            return
        s = self.session
        for editor in (self.conclusions, self.tasks):
            editor.document().setModified(False)
        try:
            s.services.analysis.save(s.actor, s.school, replace(
                paper.analysis, conclusions=self.conclusions.toPlainText(), tasks=self.tasks.toPlainText()))
        except UserError as error:
            self.status_message.emit(error)

    # Actions ---------------------------------------------------------------------------------
    def save(self) -> Operation | None:
        paper = self.paper
        if paper is None:
            return None
        s = self.session
        typed = replace(paper.analysis, conclusions=self.conclusions.toPlainText(), tasks=self.tasks.toPlainText(),
                        language=paper.analysis.language if paper.analysis.revision else Language(current_language()))
        for editor in (self.conclusions, self.tasks):
            editor.document().setModified(False)
        return operations.run(lambda: s.services.analysis.save(s.actor, s.school, typed), parent=self,
                              on_success=lambda _r: self.refresh(), initiator=self)

    def make_signer_dialog(self) -> SignerDialog:
        school = self.session.services.schools.get_school(self.session.actor, self.session.school)
        return SignerDialog(self.session, school.director, _("The approved analysis is locked. Approve it?"),
                            parent=self)

    def ask_approve(self) -> None:
        dialog = self.make_signer_dialog()
        if dialog.exec():
            self.approve(dialog.signer())

    def approve(self, signer: Signer) -> Operation | None:
        paper = self.paper
        if paper is None:
            return None
        s, figures = self.session, paper.figures
        body = figures.association
        # What is typed is saved first, then approved (read here, in the window's thread).
        typed = replace(paper.analysis, conclusions=self.conclusions.toPlainText(), tasks=self.tasks.toPlainText()) \
            if self.may_write() and self._typed() else None

        def work() -> object:
            if typed is not None:
                s.services.analysis.save(s.actor, s.school, typed)
            return s.services.analysis.approve(s.actor, s.school, figures.academic_year, body, signer.teacher,
                                               signer.acting)

        for editor in (self.conclusions, self.tasks):
            editor.document().setModified(False)
        return operations.run(work, parent=self, on_success=lambda _r: self.refresh(), initiator=self)

    def _file_stem(self) -> str:
        paper = self.paper
        assert paper is not None
        return paper.analysis.id

    def ask_print(self, language: str) -> None:
        path = ask_path(self, f"{self._file_stem()}-{language}.pdf") if self.paper else None
        if path is not None:
            self.write_pdf(path, language)

    def write_pdf(self, path: Path, language: str) -> Operation | None:
        paper, s = self.paper, self.session
        assert paper is not None
        figures = paper.figures
        return write_in_background(self, path, lambda: s.services.analysis.pdf(
            s.actor, s.school, figures.academic_year, figures.association, language)[0])

    def ask_export(self) -> None:
        path = ask_path(self, f"{self._file_stem()}.xlsx", pdf=False) if self.paper else None
        if path is not None:
            self.write_xlsx(path)

    def write_xlsx(self, path: Path) -> Operation | None:
        paper, s = self.paper, self.session
        assert paper is not None
        figures, lang = paper.figures, current_language()
        return write_in_background(self, path, lambda: s.services.analysis.xlsx(
            s.actor, s.school, figures.academic_year, figures.association, lang))
