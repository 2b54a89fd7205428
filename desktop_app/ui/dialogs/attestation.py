"""The attestation register's dialogs (п. 10.7): an application (teacher, category sought,
application date, the association's hearing, the portfolio checklist) and its result under the
order. Refusals go under their field; what was typed stays."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from desktop_app.domain.entities import AcademicYear, Category
from desktop_app.domain.labels import CATEGORY_LABELS
from desktop_app.domain.staff_labels import RESULT_LABELS
from desktop_app.domain.staff_records import PORTFOLIO_PARTS, Attestation, AttestationResult, Hearing
from desktop_app.i18n import _, current_language
from desktop_app.services.staff import HearingChoice
from desktop_app.ui.labels import label, short_date
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session, local
from desktop_app.ui.widgets.fields import date_edit, date_of
from desktop_app.ui.widgets.form_dialog import FormDialog

SOUGHT: list[Category] = [c for c in Category if c is not Category.NONE]


class AttestationDialog(FormDialog):
    """Saves through services.attestations.save on OK; ``saved`` holds the stored attestation.
    ``teachers`` are the ones the user may keep the register for (id, name, category held)."""

    FIELDS = ("teacher", "sought_category", "applied_on", "hearing", "portfolio")

    def __init__(self, session: Session, year: AcademicYear, teachers: list[tuple[str, str, Category]],
                 record: Attestation | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.year, self.original = session, year, record
        self.saved: Attestation | None = None
        self._held = {t: c for t, _n, c in teachers}
        self._choices: list[HearingChoice] = []
        self.teacher = QComboBox(self)
        for teacher, name, _category in teachers:
            self.teacher.addItem(name, teacher)
        if record is not None:
            if self.teacher.findData(record.teacher) < 0:
                self.teacher.addItem(record.teacher, record.teacher)
            self.teacher.setCurrentIndex(self.teacher.findData(record.teacher))
            self.teacher.setEnabled(False)  # a new application for another teacher is a new record
        self.held = QLabel(self)
        self.sought_category = QComboBox(self)
        for category in SOUGHT:
            self.sought_category.addItem("", category.value)
        if record is not None:
            self.sought_category.setCurrentIndex(SOUGHT.index(record.sought_category))
        applied = record.applied_on if record and record.applied_on else session.services.attestations.today()
        self.applied_on = date_edit(applied, self)
        self.meeting = QComboBox(self)
        self.meeting.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.meeting.setMinimumContentsLength(30)
        self.item = QSpinBox(self)
        self.item.setRange(1, 99)
        self.item_label = QLabel(self)
        hearing = QWidget(self)
        row = QHBoxLayout(hearing)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.meeting, 1)
        row.addWidget(self.item_label)
        row.addWidget(self.item)
        self.portfolio = QListWidget(self)
        chosen = set(record.portfolio) if record else set()
        for part in PORTFOLIO_PARTS:
            entry = QListWidgetItem(part.label(current_language()), self.portfolio)
            entry.setData(Qt.ItemDataRole.UserRole, part.key)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if part.key in chosen else Qt.CheckState.Unchecked)
        self.portfolio.setFixedHeight(8 + 20 * len(PORTFOLIO_PARTS))
        self.build_form(self.FIELDS, 640)
        self.add_field("teacher", self.teacher)
        self.add_field("held", self.held, error=None)
        self.add_field("sought_category", self.sought_category)
        self.add_field("applied_on", self.applied_on)
        self.add_field("hearing", hearing)
        self.add_field("portfolio", self.portfolio)
        self.watch(self.portfolio.itemChanged)
        self.teacher.currentIndexChanged.connect(self._teacher_changed)
        self.meeting.currentIndexChanged.connect(self._meeting_changed)
        self._teacher_changed()
        if record is not None and record.hearing is not None:
            self.meeting.setCurrentIndex(max(0, self.meeting.findData(record.hearing.meeting)))
            self.item.setValue(record.hearing.item)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Edit the attestation") if self.original else _("New application for attestation"))
        self.set_captions({"teacher": _("Teacher"), "held": _("Category held"), "sought_category": _("Category sought"),
                           "applied_on": _("Application date"), "hearing": _("Hearing at the association"),
                           "portfolio": _("Portfolio handed in")})
        for index, category in enumerate(SOUGHT):
            self.sought_category.setItemText(index, label(CATEGORY_LABELS, category))
        self.item_label.setText(_("item"))
        for index in range(self.portfolio.count()):
            entry = self.portfolio.item(index)
            key = entry.data(Qt.ItemDataRole.UserRole)
            entry.setText(next(p for p in PORTFOLIO_PARTS if p.key == key).label(current_language()))
        self._show_held()
        self._fill_meetings()

    def _show_held(self) -> None:
        held = self.original.current_category if self.original else self._held.get(str(self.teacher.currentData()))
        self.held.setText(label(CATEGORY_LABELS, held) if held else "—")

    def _teacher_changed(self) -> None:
        s, teacher = self.session, self.teacher.currentData()
        self._choices = (s.services.attestations.hearings(s.actor, s.school, self.year.id, str(teacher))
                         if teacher else [])
        held = self._held.get(str(teacher)) if teacher else None
        if self.original is None and held is not None:  # a new application: the next category up
            above = [c for c in SOUGHT if c.rank > Category(held).rank]
            self.sought_category.setCurrentIndex(SOUGHT.index(above[0] if above else SOUGHT[-1]))
        self._show_held()
        self._fill_meetings()

    def _fill_meetings(self) -> None:
        current = self.meeting.currentData()
        self.meeting.blockSignals(True)
        self.meeting.clear()
        self.meeting.addItem(_("not yet heard"), None)
        for choice in self._choices:
            self.meeting.addItem(_("{date}, {body}, protocol No. {number}").format(
                date=short_date(choice.meeting.date), body=local(choice.body.name), number=choice.meeting.number),
                choice.meeting.id)
        self.meeting.setCurrentIndex(max(0, self.meeting.findData(current)) if current else 0)
        self.meeting.blockSignals(False)
        self._meeting_changed()

    def _meeting_changed(self) -> None:
        meeting = next((c.meeting for c in self._choices if c.meeting.id == self.meeting.currentData()), None)
        self.item.setEnabled(meeting is not None)
        self.item.setMaximum(max((i.number for i in meeting.agenda), default=1) if meeting else 99)

    def attestation(self) -> Attestation:
        teacher = str(self.teacher.currentData() or "")
        base = self.original or Attestation("", self.year.id, teacher, self._held.get(teacher, Category.NONE),
                                            Category.PEDAGOG)
        meeting = self.meeting.currentData()
        checked = [str(self.portfolio.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.portfolio.count())
                   if self.portfolio.item(i).checkState() is Qt.CheckState.Checked]
        return replace(base, teacher=teacher, sought_category=Category(self.sought_category.currentData()),
                       applied_on=date_of(self.applied_on),
                       hearing=Hearing(str(meeting), self.item.value()) if meeting else None, portfolio=checked)

    def accept(self) -> None:
        s, record = self.session, self.attestation()
        self.submit(lambda: s.services.attestations.save(s.actor, s.school, record),
                    changes={Change.STAFF_RECORDS}, record=record)


class ResultDialog(FormDialog):
    """The commission's result and its order; the teacher's category follows on OK."""

    FIELDS = ("result", "order_number", "order_date")

    def __init__(self, session: Session, record: Attestation, teacher: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.record, self.teacher_name = session, record, teacher
        self.saved: Attestation | None = None
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.outcome = QComboBox(self)
        for result in AttestationResult:
            self.outcome.addItem("", result.value)
        wanted = AttestationResult.CONFIRMED if record.confirmation else AttestationResult.AWARDED
        self.outcome.setCurrentIndex(list(AttestationResult).index(wanted))
        self.order_number = QLineEdit(self)
        self.order_date = date_edit(session.services.attestations.today(), self)
        self.build_form(self.FIELDS, 480, above=self.note)
        self.add_field("result", self.outcome)
        self.add_field("order_number", self.order_number)
        self.add_field("order_date", self.order_date)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Result of the attestation"))
        self.note.setText(_("{teacher}: {held} → {sought}. The result changes the teacher's category; the next "
                            "attestation is due five years after the order.").format(
            teacher=self.teacher_name, held=label(CATEGORY_LABELS, self.record.current_category),
            sought=label(CATEGORY_LABELS, self.record.sought_category)))
        self.set_captions({"result": _("Result"), "order_number": _("Order No."), "order_date": _("Order date")})
        for index, result in enumerate(AttestationResult):
            self.outcome.setItemText(index, label(RESULT_LABELS, result))

    def accept(self) -> None:
        s, record = self.session, self.record.id
        result, number = AttestationResult(self.outcome.currentData()), self.order_number.text()
        on = date_of(self.order_date)
        self.submit(lambda: s.services.attestations.record_result(s.actor, s.school, record, result, number, on),
                    changes={Change.STAFF_RECORDS, Change.TEACHERS})
