"""Write or read a KTP: the header, the rows typed from the keyboard, and rule 7 checked as it is typed.

The calendar check runs through the service on the plan as it stands in the dialog (saved or not);
a refused save keeps the dialog open with everything typed. A changed plan is saved as a draft
every 30 seconds and on closing, once its rows parse and its header is complete.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.accounts import Action
from desktop_app.domain.calendar import CalendarFinding
from desktop_app.domain.entities import AcademicYear, CalendarPlan, Language, PlanRow
from desktop_app.domain.errors import UserError
from desktop_app.domain.plans import draft_gap, may_edit
from desktop_app.i18n import _, current_language
from desktop_app.ui import operations
from desktop_app.ui.dialogs.conflict import on_plan_conflict
from desktop_app.ui.dialogs.plan.drafts import DraftSaving
from desktop_app.ui.dialogs.plan.header import PlanHeader
from desktop_app.ui.dialogs.plan.row_tools import RowTools
from desktop_app.ui.dialogs.plan.status_text import copy_note, status_text
from desktop_app.ui.language import Retranslating
from desktop_app.ui.models.plan_rows import Col, PlanRowsModel
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.calendar_check import CalendarCheckPanel, finding_text
from desktop_app.ui.widgets.fields import WARNING_STYLE, error_label, show_field_error, show_refusal
from desktop_app.ui.widgets.plan_rows_view import PlanRowsView
from desktop_app.ui.widgets.sizing import fit_to_screen

AUTOSAVE_MS = 30_000


class PlanEditorDialog(Retranslating, DraftSaving):
    """After ``exec() == Accepted``, ``saved_plan`` holds the plan the service saved.

    Autosave and closing: every ``AUTOSAVE_MS`` an editable plan with changes is saved as a draft
    (``autosave_draft``) once its rows parse and its header names the teacher, the subject and the
    classes; otherwise nothing is saved, everything typed stays, and the label by the buttons says
    what is missing. A new plan gets its id from the first save and later saves update it;
    ``saved_plan`` is always the last plan saved, and the dialog ends ``Accepted`` whenever
    something was saved while it was open, so the caller reloads the list even after Close.

    Closing (Close, the title bar, Alt+F4) first commits the cell being typed and tries one more
    autosave: what can be saved is kept, not thrown away — with autosave every half minute, "close
    without saving" could not promise to undo anything anyway. Only when changes remain that
    cannot be saved (a row that does not parse, the header not complete, a refusal of the service)
    is the existing question "Close without saving the changes?" asked; No keeps the dialog open
    with the reason shown. A close from code (the application ending, a test) asks nothing. Escape
    closes as Close does (in a cell being typed it only leaves the cell). Autosave itself never
    shows a message box.
    """

    def __init__(self, session: Session, year: AcademicYear, plan: CalendarPlan | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = year
        self.saved_plan: CalendarPlan | None = None
        s = session
        self.teachers = s.teachers_by_id()
        self.subjects = {x.id: x.name for x in s.services.teachers.list_subjects(s.actor, s.school)}
        self.original = plan or self._new_plan()
        self.findings: list[CalendarFinding] = []
        self.row_errors: list[str] = []
        self._copied: tuple[CalendarPlan, bool] | None = None  # the source of "Copy from…"; classes too?
        self._autosave_note: Callable[[], str] | None = None  # the label's text, in the window's language
        self._asking = True  # False while closing from code: no question then
        self._build_ui()
        self._connect()
        if plan is None and not self.model.read_only:
            # A new plan opens on an empty first row, the cursor in its topic: typing starts the plan
            # (an empty last row is not part of the plan, so nothing is saved until something is typed).
            self.model.insertRows(0, 1)
            self.table.setCurrentIndex(self.model.index(0, Col.TOPIC))
        self.retranslate_ui()
        self.dirty = False

    def _new_plan(self) -> CalendarPlan:
        teacher = self.session.actor.teacher or ""
        person = self.teachers.get(teacher)
        subject = person.subjects[0] if person and person.subjects else ""
        # The plan's language: the window's as a first guess (the class's language decides).
        return CalendarPlan("", teacher, subject, self.year.id, 5, Language(current_language()), 1)

    # Building --------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        p = self.original
        self.header = h = PlanHeader(self, p, self.teachers, self.subjects, self.session.may(Action.EDIT_PLAN))
        self.teacher, self.subject, self.grade = h.teacher, h.subject, h.grade
        self.classes, self.language, self.hours_per_week = h.classes, h.language, h.hours_per_week
        self.errors = {**h.errors, "rows": error_label(self)}
        self.captions = h.captions
        self.status_line = QLabel(self)
        self.status_line.setObjectName("viewNote")
        self.status_line.setWordWrap(True)

        self.model = PlanRowsModel(p.rows, self)
        self.model.set_start_year(self.year.window[0].year)  # dd.mm typed in a cell: this school year
        self.table = PlanRowsView(self.model, self)

        self.tools = tools = RowTools(self)
        self.insert_button, self.delete_button, self.up_button, self.down_button = (
            tools.insert, tools.delete, tools.up, tools.down)
        self.copy_button, self.dates_button = tools.copy, tools.dates

        self.check_box = CalendarCheckPanel(self)
        self.summary, self.blocked = self.check_box.summary, self.check_box.blocked
        self.finding_list = self.check_box.finding_list
        table_part = QWidget(self)
        table_layout = QVBoxLayout(table_part)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addLayout(tools.bar)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.errors["rows"])
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(table_part)
        self.splitter.addWidget(self.check_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([420, 170])

        self.general_error = error_label(self)
        self.autosave_label = QLabel(self)
        self.autosave_label.setObjectName("viewNote")
        self.autosave_label.setWordWrap(True)
        self.save_button = QPushButton(self)
        self.save_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.autosave_label, 1)
        bottom.addWidget(self.general_error, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(h.grid)
        layout.addWidget(self.status_line)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)
        self.autosave = QTimer(self)
        self.autosave.setInterval(AUTOSAVE_MS)
        fit_to_screen(self, 1300, 700)
        self.set_read_only(not self.editable())

    def _connect(self) -> None:
        self.model.edited.connect(self._edited)
        for signal in (self.grade.valueChanged, self.hours_per_week.valueChanged):
            signal.connect(self._edited)
        for combo in (self.teacher, self.subject, self.language):
            combo.currentIndexChanged.connect(self._edited)
        self.classes.textEdited.connect(self._edited)
        self.insert_button.clicked.connect(self.table.insert_row)
        self.delete_button.clicked.connect(self.table.delete_rows)
        self.up_button.clicked.connect(lambda: self.table.move_row(-1))
        self.down_button.clicked.connect(lambda: self.table.move_row(1))
        self.copy_button.clicked.connect(self.copy_from)
        self.dates_button.clicked.connect(self.fill_dates)
        self.finding_list.itemClicked.connect(self._select_finding)
        self.finding_list.itemActivated.connect(self._select_finding)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        for keys, slot in ((QKeySequence.StandardKey.Save, self.save),
                           ("Ctrl+Insert", self.table.insert_row), ("Ctrl+Delete", self.table.delete_rows),
                           ("Alt+Up", lambda: self.table.move_row(-1)),
                           ("Alt+Down", lambda: self.table.move_row(1))):
            QShortcut(QKeySequence(keys), self, slot)
        self.autosave.timeout.connect(lambda: self.autosave_draft())
        if not self.model.read_only:
            self.autosave.start()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Calendar-thematic plan"))
        self.header.retranslate_ui()
        self.tools.retranslate_ui()
        self.check_box.retranslate_ui()
        self.save_button.setText(_("Save"))
        self.cancel_button.setText(_("Close"))  # what can be saved is saved on closing
        self._show_status()
        self.autosave_label.setText(self._autosave_note() if self._autosave_note else "")
        self.model.retranslate()
        self.check_calendar()

    # State -----------------------------------------------------------------------------------
    def editable(self) -> bool:
        return may_edit(self.session.actor, self.original)

    def set_read_only(self, read_only: bool) -> None:
        self.model.set_read_only(read_only)
        for widget in (self.subject, self.grade, self.classes, self.language, self.hours_per_week,
                       *self.tools.buttons(), self.save_button):
            widget.setEnabled(not read_only)
        self.save_button.setVisible(not read_only)
        if read_only:
            self.teacher.setEnabled(False)
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.autosave.stop()

    def _show_status(self) -> None:
        text = status_text(self.original, self.year.id, self.editable())
        note = copy_note(*self._copied, self.teachers) if self._copied is not None else ""
        self.status_line.setText("\n".join(part for part in (text, note) if part))
        self.status_line.setStyleSheet(WARNING_STYLE if not self.editable() else "")

    def _edited(self) -> None:
        self.dirty = True
        self._edits += 1
        self.check_calendar()

    def current_plan(self) -> CalendarPlan:
        """The plan as the dialog shows it now (rows that do not parse are read as empty cells)."""
        rows, errors = self.model.parse()
        self.row_errors = [e.render(_) for e in errors]
        h = self.header
        return replace(self.original, teacher=str(h.teacher.currentData() or ""),
                       subject=str(h.subject.currentData() or ""), grade=h.grade.value(),
                       classes=h.classes_typed(), language=h.language_chosen(),
                       hours_per_week=self.hours_per_week.value(), rows=rows)

    # Rows ------------------------------------------------------------------------------------
    def copy_from(self) -> None:
        """The source's rows (dates cleared), its hours per week, and its classes when none are typed;
        not its teacher, grade or year. The status line says what was copied."""
        from desktop_app.ui.dialogs.plan.copy import PlanCopyDialog

        plan = self.current_plan()
        dialog = PlanCopyDialog(self.session, plan.subject, plan.grade, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.rows is None:
            return
        source = dialog.source
        if source is not None:
            self.hours_per_week.setValue(source.hours_per_week)
            classes = not plan.classes and bool(source.classes)
            if classes:
                self.classes.setText(", ".join(source.classes))
            self._copied = (replace(source, rows=dialog.rows), classes)
        self.set_rows(dialog.rows)
        self.dirty = True  # the classes are set from code, and the rows may be the same as before
        self._edits += 1
        self._show_status()

    def fill_dates(self) -> None:
        from desktop_app.ui.dialogs.plan.dates import PlanDatesDialog

        plan = self.current_plan()
        dialog = PlanDatesDialog(self.session, self.year, plan, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.filled is not None:
            self.model.set_dates([row.date for row in dialog.filled.rows])

    def set_rows(self, rows: list[PlanRow]) -> None:
        self.model.set_rows(rows)
        if rows:
            self.table.setCurrentIndex(self.model.index(0, Col.TOPIC))

    # Rule 7 ----------------------------------------------------------------------------------
    def check_calendar(self) -> None:
        """Rule 7 on the plan as typed: per row in the date cells, and in the summary below."""
        plan = self.current_plan()
        s = self.session
        try:
            self.findings = s.services.plans.calendar_findings(s.actor, s.school, plan)
        except UserError as error:
            self.findings = []
            show_field_error(self.general_error, error.render(_))
        texts = [finding_text(f) for f in self.findings]
        self.model.set_findings(self.findings, texts)
        self.check_box.show_findings(self.year, plan, self.findings, texts)
        self.errors["rows"].setText("\n".join(self.row_errors[:3]) + ("\n…" if len(self.row_errors) > 3 else ""))
        self.errors["rows"].setVisible(bool(self.row_errors))

    def _select_finding(self, item: QListWidgetItem) -> None:
        row = self.check_box.row_of(item)
        if row is not None and 1 <= row <= self.model.rowCount():
            self.table.finish_editing()
            index = self.model.index(row - 1, Col.DATE)
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
            self.table.setFocus()

    # Saving ----------------------------------------------------------------------------------
    def _store(self, plan: CalendarPlan) -> CalendarPlan:
        """Save through the service; the dialog goes on from the saved plan (a new one has its id now)."""
        s = self.session
        return self._kept(s.services.plans.save(s.actor, s.school, plan))

    def _kept(self, saved: CalendarPlan, edits: int | None = None) -> CalendarPlan:
        """``edits``: the count of changes when the save began; one made since keeps the form dirty."""
        self.saved_plan = self.original = saved
        self.dirty = edits is not None and edits != self._edits
        self._show_status()
        return saved

    def _not_ready(self, plan: CalendarPlan) -> Callable[[], str] | None:
        """Why ``plan`` is not saved automatically yet, in the window's language; None when it may be."""
        _rows, errors = self.model.parse()
        if errors:
            first = errors[0]
            return lambda: first.render(_)
        gap = draft_gap(plan)
        if gap is not None:
            return lambda: _(gap)
        return None

    def _note(self, text: Callable[[], str]) -> None:
        self._autosave_note = text
        self.autosave_label.setText(text())

    def save(self) -> None:
        if self.model.read_only or self._when_idle(self.save):  # an automatic save runs: Save waits for it
            return
        self.table.finish_editing()  # Ctrl+S while typing in a cell
        show_refusal(None, self.errors, self.general_error)
        plan = self.current_plan()
        self.check_calendar()
        if self.row_errors:
            self.errors["rows"].setVisible(True)
            return
        if not plan.subject:
            show_field_error(self.errors["subject"], _("Choose the subject."))
            return
        s, edits = self.session, self._edits
        self.autosave.stop()  # the timer's own save would race this one

        def saved(result: CalendarPlan) -> None:
            self._kept(result, edits)
            if self.dirty:  # typed on while it was saved: that is saved too before the dialog goes
                self.save()
            else:
                self.accept()

        def refused(error: UserError) -> None:
            show_refusal(error, self.errors, self.general_error)
            if on_plan_conflict(self, self.session, error, plan, self._store):
                self.accept()  # the user's copy was saved as a new version
                return
            self.autosave.start()

        operations.run(lambda: s.services.plans.save(s.actor, s.school, plan), label=operations.SAVING,
                       changes={Change.PLANS}, parent=self, on_success=saved, refused=refused, initiator=self)

    def cancel(self) -> None:
        """The Close button: see the class docstring for what closing saves and when it asks."""
        self.reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._asking = event.spontaneous()  # close() from code asks nothing
        try:
            super().closeEvent(event)  # QDialog: reject()
        finally:
            self._asking = True
