"""Import a KTP from .xlsx, .xls, .docx, .doc or .csv: the plan's header, which file column is which field, every
row with its problems by cell; nothing is written before Import (``PlanService.import_plan``).

A cell can be corrected in the preview (a mistyped date): the text replaces the cell in the dialog's
copy of the table (``table_data``; the file's own cells stay in ``file_table`` and on disk), the rows
are read again at once, and Import takes the corrected rows. Choosing other columns or another first
row keeps the corrections (they belong to cells of the file, not to fields); choosing a file again
discards them, as the note under the table says."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.entities import AcademicYear, CalendarPlan
from desktop_app.domain.errors import UserError
from desktop_app.domain.plans import plan_teachers
from desktop_app.i18n import N_, Text, _
from desktop_app.services.plan_import import (
    FIELDS,
    PlanFile,
    PlanTable,
    academic_start_year,
    hours_per_week,
    parse_rows,
    read_table_file,
)
from desktop_app.ui import operations
from desktop_app.ui.dialogs.plan.import_fields import ImportFields
from desktop_app.ui.dialogs.plan.import_state import ROW_ROLE as ROW_ROLE
from desktop_app.ui.dialogs.plan.import_state import PlanImportState
from desktop_app.ui.models.plan_import import FIELD_LABELS, LEADING, PlanPreviewModel, column_letter, one_line
from desktop_app.ui.operations import Operation, Progress
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.fields import error_label
from desktop_app.ui.widgets.mapping_header import MappingHeader
from desktop_app.ui.widgets.sizing import fit_to_screen
from desktop_app.ui.widgets.view import make_table


class PlanImportDialog(PlanImportState):
    """After ``exec()`` returned Accepted, ``saved_plan`` holds the new draft."""

    def __init__(self, session: Session, year: AcademicYear, path: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = year
        self.saved_plan: CalendarPlan | None = None
        self.path: Path | None = None
        #: The table as the file has it, and the cells corrected here: (row, column) → text.
        self.file_table: PlanTable | None = None
        self.edits: dict[tuple[int, int], str] = {}
        #: The table the rows are read from: the file's with the corrections.
        self.table_data: PlanTable | None = None
        self.parsed: PlanFile | None = None
        self.columns: dict[int, str] = {}
        s = session
        self._teachers = plan_teachers(s.actor, s.services.teachers.list_teachers(s.actor, s.school))
        self._subjects = s.services.teachers.list_subjects(s.actor, s.school)
        self._build_ui()
        self._connect()
        self.retranslate_ui()
        if path is not None:
            self.load(path)

    # Building ------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.fields_form = f = ImportFields(self, self._teachers, self._subjects, self.session.actor.teacher)
        self.file, self.choose, self.file_error = f.file, f.choose, f.file_error
        self.teacher, self.subject, self.grade, self.classes = f.teacher, f.subject, f.grade, f.classes
        self.language, self.hours_per_week, self.first_row, self.dates_of = (
            f.language, f.hours_per_week, f.first_row, f.dates_of)
        self.errors, self._captions = f.errors, f.captions
        f.subject_of_teacher()

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = PlanPreviewModel(self)
        self.table = make_table(self)
        self.header = MappingHeader(self.table)
        self.header.setHighlightSections(False)
        self.header.setStretchLastSection(True)
        self.header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setHorizontalHeader(self.header)
        self.table.setSortingEnabled(False)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed)
        self.edit_note = QLabel(self)
        self.edit_note.setObjectName("editNote")
        self.edit_note.setWordWrap(True)
        self.problems_title = QLabel(self)
        self.problems_title.setObjectName("viewSubtitle")
        self.problems = QListWidget(self)
        self.problems.setMaximumHeight(110)
        self.general_error = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("importButton")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(f.grid)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.edit_note)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.problems)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 1240, 700)

    def _connect(self) -> None:
        self.choose.clicked.connect(self.choose_file)
        self.import_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.first_row.valueChanged.connect(lambda _value: self.reparse())
        self.dates_of.currentIndexChanged.connect(self._choose_class)
        self.model.cell_edited.connect(self.edit_cell)
        self.teacher.currentIndexChanged.connect(self.fields_form.subject_of_teacher)
        self.problems.itemActivated.connect(self._show_problem)
        self.problems.itemClicked.connect(self._show_problem)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Import a calendar-thematic plan"))
        self.fields_form.retranslate_ui()
        for combo in self.header.combos.values():
            for index in range(combo.count()):
                combo.setItemText(index, _(FIELD_LABELS[str(combo.itemData(index))]))
        self.problems_title.setText(_("Problems"))
        self.model.retranslate()
        self._show_state()

    # Reading the file -----------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, _("Import a calendar-thematic plan"), "",
                                                    _("KTP files (*.xlsx *.xls *.docx *.doc *.csv)"))
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> Operation | None:
        """Read the file off the GUI thread (a 10 MB file takes a while: progress, with Cancel), then
        guess the plan's header from it. A refused file is a message under the file field and the
        header typed so far stays; a cancelled read leaves the dialog as it was. None when nothing
        was started (another action still running)."""
        start = academic_start_year(self.year.start)

        def read(progress: Progress) -> tuple[PlanTable, PlanFile | None]:
            progress.report(0, 3)
            table = read_table_file(path)
            progress.report(1, 3)  # cancelled meanwhile: the table read is dropped
            try:  # the lessons as the preview first reads them (the file's columns, its first row)
                first = first_index(table, first_line(table))
                parsed: PlanFile | None = parse_rows(table, dict(table.columns), start, first, 0)
            except UserError:
                parsed = None  # said under the file field when the preview reads it again
            progress.report(2, 3)
            return table, parsed

        def refused(error: UserError) -> None:
            self._show_file(path)
            self.file_table, self.table_data, self.parsed, self.columns = None, None, None, {}
            self.edits = {}
            self.header.set_combos({})
            self.model.set_preview(None, None, {})
            self.file_error.setText(error.render(_))
            self.file_error.setVisible(True)
            self._show_state()

        return operations.run(read, label=Text(N_("Reading the KTP file…")), parent=self, cancellable=True,
                              on_success=lambda read: self._loaded(path, *read), refused=refused,
                              initiator=self)

    def _show_file(self, path: Path) -> None:
        self.path = path
        self.file.setText(str(path))
        self.file.setToolTip(str(path))

    def _loaded(self, path: Path, table: PlanTable, parsed: PlanFile | None = None) -> None:
        self._show_file(path)
        self.file_error.setVisible(False)
        self.file_table = self.table_data = table
        self.edits = {}  # the note under the table says a file chosen again drops the corrections
        self.columns = dict(table.columns)
        self.first_row.blockSignals(True)
        self.first_row.setRange(min(table.lines, default=1), max(table.lines, default=1))
        self.first_row.setValue(first_line(table))
        self.first_row.blockSignals(False)
        self.fields_form.guess(path.name, table)
        self.dates_of.blockSignals(True)
        self.dates_of.clear()  # the classes of the file chosen before
        self.dates_of.blockSignals(False)
        self._make_combos()
        self.reparse(parsed=parsed)
        self._fill_classes()

    def _fill_classes(self) -> None:
        """The classes to choose the dates of, when the file gives each class its own dates."""
        table, parsed = self.table_data, self.parsed
        labels = [label for _column, label in table.groups] if table is not None else []
        if not labels and parsed is not None and parsed.dates_per_cell > 1:
            given = [c.strip() for c in self.classes.text().split(",") if c.strip()]
            labels = given if len(given) == parsed.dates_per_cell else \
                [str(n) for n in range(1, parsed.dates_per_cell + 1)]
        self.dates_of.blockSignals(True)
        self.dates_of.clear()
        for label in labels:
            self.dates_of.addItem(label)
        self.dates_of.blockSignals(False)
        self.dates_of.setVisible(len(labels) > 1)
        self._captions["dates_of"].setVisible(len(labels) > 1)
        if len(labels) > 1:
            self._choose_class(0)

    def _choose_class(self, index: int) -> None:
        table = self.table_data
        if table is None or index < 0:
            return
        if index < len(table.groups):
            self.set_column(table.groups[index][0], "date")  # reads the rows again
        else:
            self.reparse(refit=False, fit=False)
        label = self.dates_of.itemText(index)
        if any(label == g for _column, g in table.groups) or not label.isdigit():
            self.classes.setText(label)

    def _make_combos(self) -> None:
        combos: dict[int, QComboBox] = {}
        width = self.table_data.width if self.table_data is not None else 0
        for column in range(width):
            combo = QComboBox()
            combo.setObjectName(f"column{column}")
            for name in ("", *FIELDS):
                combo.addItem(_(FIELD_LABELS[name]), name)
            combo.setCurrentIndex(combo.findData(self.columns.get(column, "")))
            combo.setToolTip(_("Which field of the plan column {column} holds").format(column=column_letter(column)))
            combo.currentIndexChanged.connect(lambda _index, c=column: self.set_column(c, self._combo_field(c)))
            combos[LEADING + column] = combo
        self.header.set_combos(combos)

    def _combo_field(self, column: int) -> str:
        return str(self.header.combos[LEADING + column].currentData())

    def set_column(self, column: int, name: str) -> None:
        """Read file column ``column`` as the field ``name`` ("" ignores it); the column that held the
        field before is ignored from now on, so each field is read from one column."""
        for other, field in list(self.columns.items()):
            if field == name and other != column:
                del self.columns[other]
                combo = self.header.combos.get(LEADING + other)
                if combo is not None:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(combo.findData(""))
                    combo.blockSignals(False)
        if name:
            self.columns[column] = name
        else:
            self.columns.pop(column, None)
        combo = self.header.combos.get(LEADING + column)
        if combo is not None and combo.currentData() != name:
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(name))
            combo.blockSignals(False)
        self.reparse()

    def _first_index(self) -> int:
        table = self.table_data
        return first_index(table, self.first_row.value()) if table is not None else 0

    def edit_cell(self, row: int, column: int, text: str) -> None:
        """The user corrected the cell ``column`` of ``rows[row]``: the text replaces it in the dialog's
        copy of the table (the file's own text again is no correction) and the rows are read again."""
        source = self.file_table
        if source is None or not 0 <= row < len(source.rows) or not 0 <= column < source.width:
            return
        original = source.text(row, column)
        if text in (original, one_line(original)):
            self.edits.pop((row, column), None)
        else:
            self.edits[row, column] = text
        table = replace(source, rows=[list(cells) for cells in source.rows])
        for (r, c), value in self.edits.items():
            table.rows[r][c] = value
        self.table_data = table
        # The columns stay as the user sized them; the hours per week follow only a corrected hours cell.
        self.reparse(refit=self.columns.get(column) == "hours", fit=False)

    def reparse(self, refit: bool = True, fit: bool = True, parsed: PlanFile | None = None) -> None:
        """Read the lessons again with the columns and the first row as chosen now; ``fit`` sizes the
        columns to the cells, ``refit`` sets the hours per week from the hours read. ``parsed``: the
        lessons as the worker already read them with these choices (a file just read)."""
        table = self.table_data
        self.parsed = parsed
        if table is not None and parsed is None:
            try:
                self.parsed = parse_rows(table, self.columns, academic_start_year(self.year.start),
                                         self._first_index(), max(self.dates_of.currentIndex(), 0))
            except UserError as error:
                self.file_error.setText(error.render(_))
                self.file_error.setVisible(True)
        source = self.file_table
        originals = {cell: source.text(*cell) for cell in self.edits} if source is not None else {}
        self.model.set_preview(table, self.parsed, self.columns, originals, self._first_index())
        if fit:
            self.header.fit_to(self.table_data, self._first_index(), self.table.fontMetrics())
        if refit and self.parsed is not None and self.parsed.rows:
            self.hours_per_week.setValue(hours_per_week(sum(r.row.hours for r in self.parsed.rows),
                                                        self.year.study_weeks))
        self._show_state()


def first_line(table: PlanTable) -> int:
    """The line of the file the first lesson is on, as the "first row" field starts."""
    lines = table.lines
    return lines[table.first_lesson_row] if table.first_lesson_row < len(lines) else max(lines, default=1)


def first_index(table: PlanTable, line: int) -> int:
    """The index of the table row from ``line`` of the file on."""
    return next((i for i, found in enumerate(table.lines) if found >= line), len(table.lines))
