"""Import a folder of KTP files at once (the deputy director in August): every file's guessed teacher,
subject, grade and classes in a table to confirm or correct, then a report per file. The reading, the
guessing and the import are ``PlanFileService``'s, as for ``metodsovet import-plans``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.entities import AcademicYear, CalendarPlan
from desktop_app.domain.errors import UserError
from desktop_app.i18n import N_, Text, _, ngettext
from desktop_app.services.plan_files import FileReport, FileStatus, PlanFileDraft, plan_files
from desktop_app.ui import operations
from desktop_app.ui.language import Retranslating
from desktop_app.ui.models.plan_import import BAD
from desktop_app.ui.models.sorting import fold
from desktop_app.ui.operations import Change, Operation, Progress
from desktop_app.ui.session import Session, local
from desktop_app.ui.widgets.fields import OK_STYLE, error_label
from desktop_app.ui.widgets.sizing import fit_to_screen

FILE, TEACHER, SUBJECT, GRADE, CLASSES, LESSONS, STATE = range(7)


class PlanFolderImportDialog(Retranslating, QDialog):
    """After Import, ``reports`` holds one report per file and ``saved`` the plans made."""

    def __init__(self, session: Session, year: AcademicYear, folder: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = year
        self.drafts: list[PlanFileDraft] = []
        self.reports: list[FileReport] = []
        s = session
        self._teachers = [t for t in s.services.teachers.list_teachers(s.actor, s.school) if t.active]
        self._subjects = sorted(s.services.teachers.list_subjects(s.actor, s.school), key=lambda x: fold(local(x.name)))
        self._build_ui()
        self.retranslate_ui()
        if folder is not None:
            self.load(folder)

    @property
    def saved(self) -> list[CalendarPlan]:
        return [p for r in self.reports if r.status is FileStatus.IMPORTED for p in r.plans]

    def _build_ui(self) -> None:
        self.folder = QLineEdit(self)
        self.folder.setReadOnly(True)
        self.choose = QPushButton(self)
        self.choose.setObjectName("chooseFolderButton")
        self.choose.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        self.folder_caption = QLabel(self)
        row.addWidget(self.folder_caption)
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 7, self)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(STATE, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.clicked.connect(self.import_files)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 1240, 640)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Import a folder of calendar-thematic plans"))
        self.folder_caption.setText(_("Folder"))
        self.choose.setText(_("Choose a folder…"))
        self.folder.setPlaceholderText(_("A folder of KTP files (.xlsx, .xls, .docx, .doc, .csv), with sub-folders"))
        self.table.setHorizontalHeaderLabels([_("File"), _("Teacher"), _("Subject"), _("Grade"), _("Classes"),
                                              _("Lessons"), _("State")])
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        self._show_rows()

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, _("Import a folder of calendar-thematic plans"))
        if name:
            self.load(Path(name))

    def load(self, folder: Path) -> Operation | None:
        """Read and guess every KTP file of the folder off the GUI thread, file by file with
        progress and Cancel; nothing is written."""
        self.folder.setText(str(folder))
        s, year = self.session, self.year.id

        def read(progress: Progress) -> list[PlanFileDraft]:
            return s.services.plan_files.read(s.actor, s.school, plan_files([folder]), year,
                                              progress=progress.report)

        def refused(error: UserError) -> None:
            self._show_drafts([])
            self.error.setText(error.render(_))
            self.error.setVisible(True)

        def read_all(drafts: list[PlanFileDraft]) -> None:
            self.error.setVisible(False)
            self._show_drafts(drafts)

        return operations.run(read, label=Text(N_("Reading the KTP files…")), parent=self, cancellable=True,
                              on_success=read_all, refused=refused, initiator=self)

    def _show_drafts(self, drafts: list[PlanFileDraft]) -> None:
        self.reports = []
        self.drafts = drafts
        self._fill()
        self._show_rows()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.drafts))
        for index, draft in enumerate(self.drafts):
            item = QTableWidgetItem(draft.path.name)
            item.setToolTip(str(draft.path))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(index, FILE, item)
            teacher = QComboBox(self.table)
            teacher.addItem("—", None)
            for record in sorted(self._teachers, key=lambda t: fold(t.full_name)):
                teacher.addItem(record.full_name, record.id)
            teacher.setCurrentIndex(max(teacher.findData(draft.teacher), 0))
            subject = QComboBox(self.table)
            subject.addItem("—", None)
            for known in self._subjects:
                subject.addItem(local(known.name), known.id)
            subject.setCurrentIndex(max(subject.findData(draft.subject), 0))
            grade = QSpinBox(self.table)
            grade.setRange(0, 12)
            grade.setSpecialValueText("—")
            grade.setValue(draft.grade or 0)
            classes = QLineEdit(", ".join(draft.classes), self.table)
            classes.setEnabled(len(draft.plans) < 2)  # one plan per class: each names its class
            for column, widget in ((TEACHER, teacher), (SUBJECT, subject), (GRADE, grade), (CLASSES, classes)):
                widget.setEnabled(widget.isEnabled() and draft.refusal is None and draft.imported_as is None)
                self.table.setCellWidget(index, column, widget)
            teacher.currentIndexChanged.connect(lambda _i, row=index: self._changed(row))
            subject.currentIndexChanged.connect(lambda _i, row=index: self._changed(row))
            grade.valueChanged.connect(lambda _v, row=index: self._changed(row))
            classes.textChanged.connect(lambda _t, row=index: self._changed(row))
            lessons = QTableWidgetItem(str(draft.lessons) if draft.plans else "")
            lessons.setFlags(lessons.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(index, LESSONS, lessons)
            self.table.setItem(index, STATE, QTableWidgetItem())
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(FILE, min(self.table.columnWidth(FILE), 320))

    def _state(self, draft: PlanFileDraft, report: FileReport | None) -> tuple[str, bool]:
        """The state column's text, and whether it is a problem."""
        if report is not None:
            plans = ", ".join(p.id for p in report.plans)
            if report.status is FileStatus.IMPORTED:
                return _("Imported as {plans}").format(plans=plans), False
            if report.status is FileStatus.SKIPPED:
                return _("Skipped: imported before unchanged as {plans}").format(plans=plans), False
            return _("Refused: {problems}").format(problems=". ".join(p.render(_) for p in report.problems)), True
        if draft.imported_as is not None:
            return _("Imported before unchanged as {plans}: it will be skipped").format(plans=draft.imported_as), False
        if draft.problems:
            return _("Cannot be imported: {problems}").format(
                problems=". ".join(p.render(_) for p in draft.problems)), True
        if draft.missing():
            return ". ".join(p.render(_) for p in draft.missing()), True
        if len(draft.plans) > 1:
            return _("Ready: one plan per class ({classes})").format(
                classes=", ".join(c for classes, _parsed in draft.plans for c in classes)), False
        return _("Ready"), False

    def _show_rows(self) -> None:
        reports = {r.path: r for r in self.reports}
        for index, draft in enumerate(self.drafts):
            text, bad = self._state(draft, reports.get(draft.path))
            item = self.table.item(index, STATE)
            if item is None:
                continue
            item.setText(text)
            item.setToolTip(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setBackground(QBrush(BAD) if bad else QBrush())
        ready = [d for d in self.drafts if d.imported_as is None and not d.problems and not d.missing()]
        if self.reports:
            counts = {status: sum(1 for r in self.reports if r.status is status) for status in FileStatus}
            self.summary.setText(_("{imported} imported, {skipped} skipped, {refused} refused.").format(
                imported=counts[FileStatus.IMPORTED], skipped=counts[FileStatus.SKIPPED],
                refused=counts[FileStatus.REFUSED]))
            self.summary.setStyleSheet(OK_STYLE if not counts[FileStatus.REFUSED] else "")
        elif self.drafts:
            self.summary.setText(ngettext(
                "{count} KTP file found. Check each file's teacher, subject, grade and classes, then Import: "
                "each file is imported whole or not at all, as a draft.",
                "{count} KTP files found. Check each file's teacher, subject, grade and classes, then Import: "
                "each file is imported whole or not at all, as a draft.", len(self.drafts)).format(
                count=len(self.drafts)))
            self.summary.setStyleSheet("")
        else:
            self.summary.setText(_("Choose the folder with the teachers' KTP files."))
            self.summary.setStyleSheet("")
        self.import_button.setText(ngettext("Import {count} file", "Import {count} files", len(ready)).format(
            count=len(ready)))
        self.import_button.setEnabled(bool(ready) and not self.reports)

    def _changed(self, index: int) -> None:
        """The user chose a teacher, subject, grade or classes of file ``index``: its draft takes them."""
        draft = self.drafts[index]
        teacher, subject = self.table.cellWidget(index, TEACHER), self.table.cellWidget(index, SUBJECT)
        grade, classes = self.table.cellWidget(index, GRADE), self.table.cellWidget(index, CLASSES)
        if not (isinstance(teacher, QComboBox) and isinstance(subject, QComboBox) and isinstance(grade, QSpinBox)
                and isinstance(classes, QLineEdit)):
            return  # the row is still being filled
        draft.teacher, draft.subject = teacher.currentData(), subject.currentData()
        draft.grade = grade.value() or None
        if len(draft.plans) < 2:
            draft.classes = [c.strip() for c in classes.text().replace(";", ",").split(",") if c.strip()]
            draft.plans = [(draft.classes, parsed) for _classes, parsed in draft.plans]
        self._show_rows()

    def import_files(self) -> None:
        """Import every file with what the table says; the report replaces the state column."""
        s, drafts, year = self.session, self.drafts, self.year.id

        def refused(error: UserError) -> None:
            self.error.setText(error.render(_))
            self.error.setVisible(True)

        operations.run(lambda progress: s.services.plan_files.import_files(s.actor, s.school, drafts, year,
                                                                           progress=progress.report),
                       label=Text(N_("Importing the KTP files…")), changes={Change.PLANS}, parent=self,
                       on_success=self._imported, refused=refused, initiator=self)

    def _imported(self, reports: list[FileReport]) -> None:
        self.reports = reports
        for index in range(len(self.drafts)):
            for column in (TEACHER, SUBJECT, GRADE, CLASSES):
                widget = self.table.cellWidget(index, column)
                if widget is not None:
                    widget.setEnabled(False)
        self._show_rows()
