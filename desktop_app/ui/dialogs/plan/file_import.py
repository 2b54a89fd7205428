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

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.accounts import Action
from desktop_app.domain.entities import AcademicYear, CalendarPlan, Language, Teacher
from desktop_app.domain.errors import UserError
from desktop_app.i18n import _, format_number, ngettext
from desktop_app.services.plan_import import (
    FIELDS,
    PlanFile,
    PlanTable,
    academic_start_year,
    guess_details,
    hours_per_week,
    parse_rows,
    read_table_file,
)
from desktop_app.ui.labels import LANGUAGE_NAMES
from desktop_app.ui.models.plan_import import FIELD_LABELS, LEADING, PlanPreviewModel, column_letter, one_line
from desktop_app.ui.models.sorting import fold
from desktop_app.ui.session import Session, local, rename_items
from desktop_app.ui.widgets.fields import OK_STYLE, error_label, with_error
from desktop_app.ui.widgets.sizing import fit_to_screen
from desktop_app.ui.widgets.view import make_table

HEADER_FIELDS = ("teacher", "subject", "grade", "classes", "language", "hours_per_week", "first_row", "dates_of")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class MappingHeader(QHeaderView):
    """The preview's column header with a field chooser under the heading of each file column, so
    the choice sits right above the cells it reads."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(Qt.Orientation.Horizontal, table)
        self.combos: dict[int, QComboBox] = {}
        self.sectionResized.connect(self.place)
        self.geometriesChanged.connect(self.place)
        table.horizontalScrollBar().valueChanged.connect(self.place)

    def set_combos(self, combos: dict[int, QComboBox]) -> None:
        for combo in self.combos.values():
            combo.deleteLater()
        self.combos = combos
        for combo in combos.values():
            combo.setParent(self)
            combo.show()
        self.updateGeometry()
        self.place()

    def _extra(self) -> int:
        return max((c.sizeHint().height() for c in self.combos.values()), default=0) + 4

    def sizeHint(self) -> QSize:
        size = super().sizeHint()
        return QSize(size.width(), size.height() + (self._extra() if self.combos else 0))

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        if logical in self.combos:
            rect = QRect(rect.x(), rect.y(), rect.width(), rect.height() - self._extra())
        super().paintSection(painter, rect, logical)

    def place(self) -> None:
        extra = self._extra()
        for logical, combo in self.combos.items():
            combo.setGeometry(self.sectionViewportPosition(logical) + 2, self.height() - extra + 1,
                              max(self.sectionSize(logical) - 4, 0), extra - 3)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.place()


class PlanImportDialog(QDialog):
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
        self._teachers = self._allowed_teachers()
        self._subjects = s.services.teachers.list_subjects(s.actor, s.school)
        self._build_ui()
        self._connect()
        self.retranslate_ui()
        if path is not None:
            self.load(path)

    # Building ------------------------------------------------------------------------------
    def _allowed_teachers(self) -> list[Teacher]:
        """Any teacher for whoever writes every plan (the deputy); else the signed-in teacher only."""
        s = self.session
        teachers = s.services.teachers.list_teachers(s.actor, s.school)
        if s.may(Action.EDIT_PLAN):
            return teachers
        return [t for t in teachers if t.id == s.actor.teacher]

    def _build_ui(self) -> None:
        self.file = QLineEdit(self)
        self.file.setReadOnly(True)
        self.choose = QPushButton(self)
        self.choose.setObjectName("chooseFileButton")
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.choose)
        self.file_error = error_label(self)

        self.teacher = QComboBox(self)
        for teacher in self._teachers:
            self.teacher.addItem(teacher.full_name, teacher.id)
        self.teacher.setEnabled(len(self._teachers) > 1)
        if self.session.actor.teacher and self.teacher.findData(self.session.actor.teacher) >= 0:
            self.teacher.setCurrentIndex(self.teacher.findData(self.session.actor.teacher))
        self.subject = QComboBox(self)
        for subject in sorted(self._subjects, key=lambda x: fold(local(x.name))):
            self.subject.addItem(local(subject.name), subject.id)
        self.grade = QSpinBox(self)
        self.grade.setRange(0, 12)
        self.grade.setSpecialValueText("—")
        self.classes = QLineEdit(self)
        self.language = QComboBox(self)
        for value, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, value.value)
        self.hours_per_week = QDoubleSpinBox(self)
        self.hours_per_week.setRange(0.5, 40)
        self.hours_per_week.setSingleStep(0.5)
        self.hours_per_week.setDecimals(1)
        self.hours_per_week.setValue(1)
        self.first_row = QSpinBox(self)
        self.first_row.setRange(1, 1)
        #: The class whose dates are read when the file gives each class its own (one plan per class).
        self.dates_of = QComboBox(self)
        self.dates_of.setObjectName("datesOf")
        self._subject_of_teacher()
        self.errors = {name: error_label(self) for name in HEADER_FIELDS}
        self._captions = {name: QLabel(self) for name in ("file", *HEADER_FIELDS)}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.addWidget(self._captions["file"], 0, 0)
        grid.addLayout(with_error_layout(file_row, self.file_error), 0, 1, 1, 5)
        for index, name in enumerate(HEADER_FIELDS):
            row, column = 1 + index // 3, (index % 3) * 2
            self._captions[name].setBuddy(getattr(self, name))
            grid.addWidget(self._captions[name], row, column, Qt.AlignmentFlag.AlignTop)
            grid.addLayout(with_error(getattr(self, name), self.errors[name]), row, column + 1)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        self._captions["dates_of"].setVisible(False)
        self.dates_of.setVisible(False)

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
        layout.addLayout(grid)
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
        self.teacher.currentIndexChanged.connect(self._subject_of_teacher)
        self.problems.itemActivated.connect(self._show_problem)
        self.problems.itemClicked.connect(self._show_problem)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Import a calendar-thematic plan"))
        captions = {"file": _("File"), "teacher": _("Teacher"), "subject": _("Subject"), "grade": _("Grade"),
                    "classes": _("Classes"), "language": _("Language"), "hours_per_week": _("Hours per week"),
                    "first_row": _("Lessons start at row"), "dates_of": _("Dates of class")}
        for name, text in captions.items():
            self._captions[name].setText(text)
        self.choose.setText(_("Choose a file…"))
        self.file.setPlaceholderText(_("An .xlsx, .xls, .docx, .doc or .csv file with the KTP table"))
        self.dates_of.setToolTip(_("The file gives each class its own dates: this plan takes the dates of the "
                                   "class chosen here; import the file again for each other class."))
        self.classes.setPlaceholderText(_("e.g. 7А, 7Б"))
        self.classes.setToolTip(_("Classes separated by commas"))
        rename_items(self.subject, {s.id: local(s.name) for s in self._subjects})
        for combo in self.header.combos.values():
            for index in range(combo.count()):
                combo.setItemText(index, _(FIELD_LABELS[str(combo.itemData(index))]))
        self.problems_title.setText(_("Problems"))
        self.model.retranslate()
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # Reading the file -----------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, _("Import a calendar-thematic plan"), "",
                                                    _("KTP files (*.xlsx *.xls *.docx *.doc *.csv)"))
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Read the file and guess the plan's header from it; a refused file is a message under the
        file field and the header typed so far stays."""
        self.path = path
        self.file.setText(str(path))
        self.file.setToolTip(str(path))
        try:
            table = read_table_file(path)
        except UserError as error:
            self.file_table, self.table_data, self.parsed, self.columns = None, None, None, {}
            self.edits = {}
            self.header.set_combos({})
            self.model.set_preview(None, None, {})
            self.file_error.setText(error.render(_))
            self.file_error.setVisible(True)
            self._show_state()
            return
        self.file_error.setVisible(False)
        self.file_table = self.table_data = table
        self.edits = {}  # the note under the table says a file chosen again drops the corrections
        self.columns = dict(table.columns)
        self.first_row.blockSignals(True)
        self.first_row.setRange(min(table.lines, default=1), max(table.lines, default=1))
        self.first_row.setValue(table.lines[table.first_lesson_row] if table.first_lesson_row < len(table.lines)
                                else max(table.lines, default=1))
        self.first_row.blockSignals(False)
        self._guess(path.name, table)
        self.dates_of.blockSignals(True)
        self.dates_of.clear()  # the classes of the file chosen before
        self.dates_of.blockSignals(False)
        self._make_combos()
        self.reparse()
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

    def _guess(self, name: str, table: PlanTable) -> None:
        guess = guess_details(name, table, self._subjects)
        stem = fold(name)
        for index, teacher in enumerate(self._teachers):
            if len(self._teachers) > 1 and fold(teacher.last_name) in stem:
                self.teacher.setCurrentIndex(index)
        if self.teacher.currentIndex() < 0 and self.teacher.count():
            self.teacher.setCurrentIndex(0)
        if self.session.actor.teacher and self.teacher.findData(self.session.actor.teacher) >= 0 and \
                not any(fold(t.last_name) in stem for t in self._teachers):
            self.teacher.setCurrentIndex(self.teacher.findData(self.session.actor.teacher))
        if guess.subject and self.subject.findData(guess.subject) >= 0:
            self.subject.setCurrentIndex(self.subject.findData(guess.subject))
        else:
            self._subject_of_teacher()
        if guess.grade:
            self.grade.setValue(guess.grade)
        if guess.classes and not self.classes.text().strip():
            self.classes.setText(", ".join(guess.classes))
        self.language.setCurrentIndex(self.language.findData(table.language.value))

    def _subject_of_teacher(self) -> None:
        teacher = next((t for t in self._teachers if t.id == self.teacher.currentData()), None)
        if teacher is not None and teacher.subjects and self.subject.findData(teacher.subjects[0]) >= 0:
            self.subject.setCurrentIndex(self.subject.findData(teacher.subjects[0]))

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
        if table is None:
            return 0
        wanted = self.first_row.value()
        return next((i for i, line in enumerate(table.lines) if line >= wanted), len(table.lines))

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

    def reparse(self, refit: bool = True, fit: bool = True) -> None:
        """Read the lessons again with the columns and the first row as chosen now; ``fit`` sizes the
        columns to the cells, ``refit`` sets the hours per week from the hours read."""
        table = self.table_data
        self.parsed = None
        if table is not None:
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
            self._fit_columns()
        if refit and self.parsed is not None and self.parsed.rows:
            self.hours_per_week.setValue(hours_per_week(sum(r.row.hours for r in self.parsed.rows),
                                                        self.year.study_weeks))
        self._show_state()

    def _fit_columns(self) -> None:
        """Wide enough for the lessons' cells and the field chooser; a long title above the header
        row does not widen its column."""
        table = self.table_data
        metrics = self.table.fontMetrics()
        self.header.resizeSection(0, 56)
        self.header.resizeSection(1, 64)
        if table is None:
            return
        rows = range(self._first_index(), min(len(table.rows), self._first_index() + 200))
        for column in range(table.width):
            texts = [one_line(table.text(r, column)) for r in rows]
            widest = max((metrics.horizontalAdvance(t) for t in texts), default=0) + 16
            self.header.resizeSection(LEADING + column, max(min(widest, 300), 195))
        self.header.place()

    # State ---------------------------------------------------------------------------------
    def _show_state(self) -> None:
        parsed = self.parsed
        self.problems.clear()
        self.edit_note.setVisible(self.table_data is not None)
        note = _("Double-click a cell, press F2 or start typing to correct it here: only what is imported "
                 "changes, the file stays as it is. Choosing other columns keeps the corrections; choosing "
                 "the file again discards them.")
        if self.edits:
            note += " " + ngettext("{count} cell corrected here.", "{count} cells corrected here.",
                                   len(self.edits)).format(count=len(self.edits))
        self.edit_note.setText(note)
        if parsed is None:
            self.summary.setText(_("Choose the KTP file: a table with a row of column headings such as "
                                   "«Сабақтың тақырыбы» / «Тема урока»."))
            self.summary.setStyleSheet("")
            self.problems_title.setVisible(False)
            self.problems.setVisible(False)
            self.import_button.setText(_("Import"))
            self.import_button.setEnabled(False)
            return
        count = len(parsed.rows)
        hours = sum(r.row.hours for r in parsed.rows)
        text = ngettext("{count} lesson read, {hours} hours.", "{count} lessons read, {hours} hours.",
                        count).format(count=count, hours=format_number(hours))
        if self.table_data is not None and self.table_data.header is None:
            text += " " + _("No row of column headings was recognised: choose the field of each column above "
                            "the table and the row the lessons start at.")
        problems = parsed.problems
        if problems:
            text += " " + ngettext("{count} problem has to be corrected in the table, in the file or in the "
                                   "columns chosen; nothing is imported until then.",
                                   "{count} problems have to be corrected in the table, in the file or in the "
                                   "columns chosen; nothing is imported until then.", len(problems)).format(
                count=len(problems))
            self.summary.setStyleSheet("")
        else:
            text += " " + _("No problems found. Nothing is written until you press Import.")
            self.summary.setStyleSheet(OK_STYLE)
        if parsed.dates_empty:
            text += " " + _("The lessons have no dates: after the import, «{button}» of the plan fills them "
                            "from the timetable.").format(button=_("Fill dates…"))
        self.summary.setText(text)
        for error in parsed.file_problems:
            self.problems.addItem(error.render(_))
        for lesson in parsed.rows:
            for field, error in lesson.problems.items():
                column = next((c for c, f in self.columns.items() if f == field), None)
                where = column_letter(column) if column is not None else "—"
                heading = self.table_data.heading(column) if self.table_data and column is not None else ""
                if heading:
                    where += f" «{' '.join(heading.split())}»"
                item = QListWidgetItem(_("{problem} — column {column}").format(problem=error.render(_),
                                                                               column=where))
                item.setData(ROW_ROLE, (lesson.source, column))
                self.problems.addItem(item)
        self.problems_title.setVisible(bool(problems))
        self.problems.setVisible(bool(problems))
        self.import_button.setText(ngettext("Import {count} lesson", "Import {count} lessons", count).format(
            count=count))
        self.import_button.setEnabled(parsed.importable)

    def _show_problem(self, item: QListWidgetItem) -> None:
        where = item.data(ROW_ROLE)
        if where is None:
            return
        row, column = where
        index = self.model.index(row, LEADING + column if column is not None else 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def plan_header(self) -> CalendarPlan:
        """What the user chose for the plan; its rows come from the file."""
        classes = [c.strip() for c in self.classes.text().replace(";", ",").split(",") if c.strip()]
        return CalendarPlan(id="", teacher=str(self.teacher.currentData() or ""),
                            subject=str(self.subject.currentData() or ""), academic_year=self.year.id,
                            grade=self.grade.value(), language=Language(self.language.currentData()),
                            hours_per_week=self.hours_per_week.value(), classes=classes)

    def _refuse(self, name: str, text: str) -> None:
        self.errors[name].setText(text)
        self.errors[name].setVisible(True)

    def _clear_errors(self) -> None:
        for label in [*self.errors.values(), self.general_error]:
            label.clear()
            label.setVisible(False)

    def accept(self) -> None:
        parsed = self.parsed
        if parsed is None or not parsed.importable:
            return
        self._clear_errors()
        if self.teacher.currentData() is None:
            self._refuse("teacher", _("The signed-in user is not linked to a teacher; ask the deputy director "
                                      "to import the plan."))
            return
        if self.subject.currentData() is None:
            self._refuse("subject", _("Choose the subject."))
            return
        if self.grade.value() == 0:
            self._refuse("grade", _("Choose the grade."))
            return
        s = self.session
        try:
            self.saved_plan = s.services.plans.import_plan(s.actor, s.school, self.plan_header(),
                                                           parsed.plan_rows())
        except UserError as error:
            key = (error.field or getattr(error, "kind", None) or "").split(".")[0]
            target = self.errors.get(key, self.general_error)
            target.setText(error.render(_))
            target.setVisible(True)
            return
        super().accept()


def with_error_layout(row: QHBoxLayout, error: QLabel) -> QVBoxLayout:
    """A row of widgets with its refusal label right under it."""
    box = QVBoxLayout()
    box.setSpacing(2)
    box.addLayout(row)
    box.addWidget(error)
    return box
