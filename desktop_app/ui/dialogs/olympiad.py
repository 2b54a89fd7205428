"""One line of the register of pupils' olympiads and contests (п. 10.5), and the preview of an
.xlsx register before it is imported (nothing is written before "Import")."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.entities import (
    AcademicYear,
    OlympiadKind,
    OlympiadLevel,
    OlympiadOutcome,
    OlympiadResult,
)
from desktop_app.domain.errors import UserError
from desktop_app.domain.labels import OLYMPIAD_KIND_LABELS, OLYMPIAD_LEVEL_LABELS, OLYMPIAD_OUTCOME_LABELS
from desktop_app.i18n import N_, Text, _, ngettext
from desktop_app.services.olympiad_files import OlympiadFile, outcome_text
from desktop_app.ui import operations
from desktop_app.ui.labels import label, short_date
from desktop_app.ui.language import Retranslating
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.fields import error_label
from desktop_app.ui.widgets.form_dialog import FormDialog
from desktop_app.ui.widgets.sizing import fit_to_screen


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _combo(parent: QWidget, values: list[StrEnum]) -> QComboBox:
    combo = QComboBox(parent)
    for value in values:
        combo.addItem("", value.value)  # Qt keeps the text, not the enum
    return combo


class OlympiadDialog(FormDialog):
    """A new result (``result`` None) or a change to one; ``saved`` holds it after OK."""

    FIELDS = ("pupil", "class_name", "subject", "teacher", "level", "kind", "title", "stage", "outcome",
              "place", "on")

    def __init__(self, session: Session, year: AcademicYear, result: OlympiadResult | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.year, self.existing = session, year, result
        self.saved: OlympiadResult | None = None
        s = session
        self.pupil, self.class_name = QLineEdit(self), QLineEdit(self)
        self.class_name.setMaxLength(20)
        self.subject = QComboBox(self)
        for subject_id, name in sorted(s.subject_names().items(), key=lambda x: x[1]):
            self.subject.addItem(name, subject_id)
        self.teacher = QComboBox(self)
        for teacher in sorted(s.teachers_by_id().values(), key=lambda t: t.short_name):
            if teacher.active:
                self.teacher.addItem(teacher.short_name, teacher.id)
        self.level = _combo(self, list(OlympiadLevel))
        self.kind = _combo(self, list(OlympiadKind))
        self.outcome = _combo(self, list(OlympiadOutcome))
        self.title, self.stage = QLineEdit(self), QLineEdit(self)
        self.place = QSpinBox(self)
        self.place.setRange(1, 3)
        self.dated = QCheckBox(self)
        self.on = QDateEdit(self)
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("dd.MM.yyyy")
        self.on.setDateRange(_qdate(year.window[0]), _qdate(year.window[1]))
        day = QWidget(self)
        day_row = QHBoxLayout(day)
        day_row.setContentsMargins(0, 0, 0, 0)
        day_row.addWidget(self.dated)
        day_row.addWidget(self.on, 1)
        self.build_form(self.FIELDS, 520)
        for name, widget in (("pupil", self.pupil), ("class_name", self.class_name), ("subject", self.subject),
                             ("teacher", self.teacher), ("level", self.level), ("kind", self.kind),
                             ("title", self.title), ("stage", self.stage), ("outcome", self.outcome),
                             ("place", self.place), ("on", day)):
            self.add_field(name, widget)
        if result is not None:
            self._fill(result)
        self.outcome.currentIndexChanged.connect(self._update_fields)
        self.dated.toggled.connect(self._update_fields)
        self.retranslate_ui()
        self._update_fields()

    def _fill(self, result: OlympiadResult) -> None:
        self.pupil.setText(result.pupil)
        self.class_name.setText(result.class_name)
        for combo, value in ((self.subject, result.subject), (self.teacher, result.teacher),
                             (self.level, result.level.value), (self.kind, result.kind.value),
                             (self.outcome, result.outcome.value)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.title.setText(result.title or "")
        self.stage.setText(result.stage or "")
        self.place.setValue(result.place or 1)
        self.dated.setChecked(result.on is not None)
        if result.on is not None:
            self.on.setDate(_qdate(result.on))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Olympiad or contest result") if self.existing is None
                            else _("Olympiad or contest result: {pupil}").format(pupil=self.existing.pupil))
        self.set_captions({
            "pupil": _("Pupil"), "class_name": _("Class"), "subject": _("Subject"), "teacher": _("Teacher"),
            "level": _("Level"), "kind": _("Kind"), "title": _("Title of the olympiad or contest"),
            "stage": _("Stage"), "outcome": _("Result"), "place": _("Prize place"), "on": _("Date"),
        })
        self.class_name.setPlaceholderText(_("e.g. 9А"))
        self.dated.setText(_("known"))
        pairs: tuple[tuple[QComboBox, Mapping[Any, str]], ...] = (
            (self.level, OLYMPIAD_LEVEL_LABELS), (self.kind, OLYMPIAD_KIND_LABELS),
            (self.outcome, OLYMPIAD_OUTCOME_LABELS))
        for combo, labels in pairs:
            by_value: dict[str, str] = {str(k): v for k, v in labels.items()}
            for index in range(combo.count()):
                combo.setItemText(index, _(by_value[combo.itemData(index)]))

    def _update_fields(self) -> None:
        self.place.setEnabled(self.outcome.currentData() == OlympiadOutcome.PRIZE.value)
        self.on.setEnabled(self.dated.isChecked())

    def record(self) -> OlympiadResult:
        prize = self.outcome.currentData() == OlympiadOutcome.PRIZE.value
        return OlympiadResult(
            self.existing.id if self.existing else "", self.year.id, self.pupil.text().strip(),
            self.class_name.text().strip(), str(self.subject.currentData() or ""),
            str(self.teacher.currentData() or ""), OlympiadLevel(self.level.currentData()),
            OlympiadKind(self.kind.currentData()), OlympiadOutcome(self.outcome.currentData()),
            self.place.value() if prize else None,
            self.stage.text().strip() or None, self.title.text().strip() or None,
            self.on.date().toPython() if self.dated.isChecked() else None)  # type: ignore[arg-type]

    def save(self) -> bool:
        s, record = self.session, self.record()
        return self.submit(lambda: s.services.olympiads.save(s.actor, s.school, record), [Change.OLYMPIADS])


class OlympiadImportDialog(Retranslating, QDialog):
    """Every row of the file with its problems; "Import" saves them all or none. ``saved`` holds
    the imported results."""

    COLUMNS = (N_("Row"), N_("Pupil"), N_("Class"), N_("Subject"), N_("Teacher"), N_("Level"), N_("Result"),
               N_("Problems"))

    def __init__(self, session: Session, parsed: OlympiadFile, file_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.parsed, self.file_name = session, parsed, file_name
        self.saved: list[OlympiadResult] = []
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(parsed.rows), len(self.COLUMNS), self)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = QPushButton(self)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(parsed.importable)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 980, 520)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        s = self.session
        self.setWindowTitle(_("Import olympiad results: {file}").format(file=self.file_name))
        self.table.setHorizontalHeaderLabels([_(c) for c in self.COLUMNS])
        subjects, teachers = s.subject_names(), {t.id: t.short_name for t in s.teachers_by_id().values()}
        for row, line in enumerate(self.parsed.rows):
            r = line.result
            values = [str(line.line), r.pupil, r.class_name, subjects.get(r.subject, ""), teachers.get(r.teacher, ""),
                      label(OLYMPIAD_LEVEL_LABELS, r.level), outcome_text(r, _),
                      "\n".join(p.render(_) for p in line.problems.values())]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        count, problems = len(self.parsed.rows), len(self.parsed.problems)
        if problems:
            self.summary.setText(ngettext(
                "{count} problem: correct the file and open it again; nothing is imported until every row is "
                "right.", "{count} problems: correct the file and open it again; nothing is imported until every "
                "row is right.", problems).format(count=problems))
        else:
            self.summary.setText(ngettext("{count} result read, ready to import.",
                                          "{count} results read, ready to import.", count).format(count=count))
        self.import_button.setText(ngettext("Import {count} result", "Import {count} results", count).format(
            count=count))

    def accept(self) -> None:
        if not self.parsed.importable:
            return
        s, results = self.session, self.parsed.results()
        operations.accept_after(self, lambda: s.services.olympiads.import_results(s.actor, s.school, results),
                                label=Text(N_("Importing olympiad results…")), changes={Change.OLYMPIADS},
                                refused=self.refused)

    def refused(self, error: UserError) -> None:
        self.error.setText(error.render(_))
        self.error.setVisible(True)


__all__ = ["OlympiadDialog", "OlympiadImportDialog", "short_date"]
