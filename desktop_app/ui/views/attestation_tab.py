"""The Attestation tab of the section (п. 10.7): the year's register, an application, its result,
the hearing's extract, the list and the schedule printed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from desktop_app.domain.accounts import Action
from desktop_app.domain.entities import AcademicYear, Teacher
from desktop_app.domain.errors import DomainError
from desktop_app.domain.labels import CATEGORY_LABELS
from desktop_app.domain.staff_labels import RESULT_LABELS
from desktop_app.domain.staff_records import PORTFOLIO_PARTS, Attestation
from desktop_app.i18n import N_, _, current_language
from desktop_app.ui.dialogs.attestation import AttestationDialog, ResultDialog
from desktop_app.ui.labels import label, short_date
from desktop_app.ui.models.table import Column
from desktop_app.ui.operations import Operation, show_refusal
from desktop_app.ui.session import Session
from desktop_app.ui.views.register_tab import RegisterTab
from desktop_app.ui.widgets.saving import ask_path, write_in_background


class AttestationTab(RegisterTab[Attestation]):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._meetings: dict[str, tuple[int, date]] = {}  # number and date of each hearing
        self._records: list[Attestation] = []
        self.new_button, self.edit_button, self.result_button, self.delete_button = (
            QPushButton(self) for _ in range(4))
        self.print_button = QPushButton(self)
        self.print_menu = QMenu(self)
        self.print_button.setMenu(self.print_menu)
        self.print_menu.setToolTipsVisible(True)  # a greyed paper says why
        self.list_action = self.print_menu.addAction("")
        self.schedule_action = self.print_menu.addAction("")
        self.extract_action = self.print_menu.addAction("")
        bar = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.result_button, self.delete_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        self._make_table([
            Column(N_("Teacher"), self._short_name),
            Column(N_("Category: held → sought"), lambda a: f"{label(CATEGORY_LABELS, a.current_category)} → "
                   f"{label(CATEGORY_LABELS, a.sought_category)}", sort_key=lambda a: a.sought_category.rank),
            Column(N_("Application"), lambda a: short_date(a.applied_on) if a.applied_on else "",
                   sort_key=lambda a: a.applied_on.isoformat() if a.applied_on else ""),
            Column(N_("Hearing"), self._hearing),
            Column(N_("Portfolio"), lambda a: f"{len(a.portfolio)}/{len(PORTFOLIO_PARTS)}",
                   sort_key=lambda a: len(a.portfolio), align_center=True),
            Column(N_("Result"), lambda a: label(RESULT_LABELS, a.result) if a.result else ""),
            Column(N_("Order"), self._order),
        ], 0)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        self.new_button.clicked.connect(lambda: self._run(self.make_dialog(None)))
        self.edit_button.clicked.connect(self.edit_selected)
        self.result_button.clicked.connect(lambda: self._run(self.make_result_dialog()))
        self.delete_button.clicked.connect(self.delete_selected)
        self.list_action.triggered.connect(lambda: self.ask_print("attestations"))
        self.schedule_action.triggered.connect(lambda: self.ask_print("attestation_schedule"))
        self.extract_action.triggered.connect(self.ask_print_extract)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

    def retranslate_ui(self) -> None:
        self.new_button.setText(_("New application…"))
        self.edit_button.setText(_("Edit…"))
        self.result_button.setText(_("Record the result…"))
        self.delete_button.setText(_("Delete"))
        self.print_button.setText(_("Print"))
        self.list_action.setText(_("List of teachers being attested…"))
        self.schedule_action.setText(_("Schedule of hearings…"))
        self.extract_action.setText(_("Extract of the hearing…"))
        self.model.retranslate()
        self._update_buttons()

    # Data --------------------------------------------------------------------------------------
    def refresh(self, year: AcademicYear | None, teachers: dict[str, Teacher], editable: list[str]) -> None:
        self.year, self.teachers, self.editable = year, teachers, editable
        s, chosen = self.session, self.selected()
        records = s.services.attestations.list(s.actor, s.school, year.id) if year else []
        self._meetings = s.services.attestations.hearing_meetings(s.actor, s.school, records)
        self._records = records
        self._show_records(records, chosen)
        self._update_buttons()

    def _hearing(self, record: Attestation) -> str:
        if record.hearing is None or record.hearing.meeting not in self._meetings:
            return ""
        number, day = self._meetings[record.hearing.meeting]
        return _("{date}, protocol No. {number}, item {item}").format(
            date=short_date(day), number=number, item=record.hearing.item)

    def _order(self, record: Attestation) -> str:
        if not record.order_number or record.order_date is None:
            return ""
        return _("No. {number} of {date}").format(number=record.order_number, date=short_date(record.order_date))

    def _update_buttons(self) -> None:
        actor, chosen, keeps = self.session.actor, self.selected(), self._keeps()
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setVisible(keeps)
        self.result_button.setVisible(actor.may(Action.RECORD_ATTESTATION))
        open_one = chosen is not None and chosen.is_open
        self.new_button.setEnabled(self.year is not None)
        self.edit_button.setEnabled(open_one and chosen is not None and chosen.teacher in self.editable)
        self.delete_button.setEnabled(open_one and chosen is not None and chosen.teacher in self.editable)
        self.result_button.setEnabled(open_one)
        self.print_button.setVisible(actor.may(Action.READ_ALL))
        self.extract_action.setEnabled(chosen is not None and chosen.hearing is not None)
        for action, kind, name in ((self.list_action, "attestations", _("List of teachers being attested…")),
                                   (self.schedule_action, "attestation_schedule", _("Schedule of hearings…"))):
            refusal = self.paper_refusal(kind)
            reason = refusal.render(_) if refusal is not None else ""
            action.setEnabled(refusal is None)  # greyed as in the Documents section, with the same reason
            action.setToolTip(reason or name)
            action.setStatusTip(reason)
        self.details.setText(self._details(chosen) if chosen else "")

    def _details(self, record: Attestation) -> str:
        language = current_language()
        missing = [p.label(language) for p in PORTFOLIO_PARTS if p.key not in record.portfolio]
        lines = [self._name(record), _("Portfolio still missing: {parts}").format(parts="; ".join(missing) or "—")]
        if record.next_due is not None:
            lines.append(_("Next attestation: {date}").format(date=short_date(record.next_due)))
        return "\n".join(lines)

    # Actions (make_* return the dialogs so tests drive them without exec) -----------------------
    def make_dialog(self, record: Attestation | None) -> AttestationDialog | None:
        if self.year is None:
            return None
        teachers = [(t, self.teachers[t].full_name, self.teachers[t].category) for t in self.editable
                    if t in self.teachers]
        return AttestationDialog(self.session, self.year, teachers, record, self)

    def make_result_dialog(self) -> ResultDialog | None:
        chosen = self.selected()
        return ResultDialog(self.session, chosen, self._name(chosen), self) if chosen is not None else None

    def edit_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.is_open and chosen.teacher in self.editable:
            self._run(self.make_dialog(chosen))

    def delete_selected(self) -> Operation | None:
        s = self.session
        return self._delete(lambda record: _("Delete the application of {teacher}?").format(
            teacher=self._name(record)), lambda record: s.services.attestations.delete(s.actor, s.school, record))

    def paper_refusal(self, kind: str) -> DomainError | None:
        """Why the year's ``kind`` paper does not print yet (the service's rule; None: it prints)."""
        if self.year is None:
            return None
        return self.session.services.attestations.paper_refusal(kind, self.year.id, self._records)

    def ask_print(self, kind: str) -> None:
        if self.year is None:
            return
        refusal = self.paper_refusal(kind)
        if refusal is not None:  # the entry is greyed; a shortcut or a stale menu still says why
            show_refusal(self, refusal)
            return
        name = (_("Attestation {year}.pdf") if kind == "attestations" else _("Attestation hearings {year}.pdf"))
        path = ask_path(self, name.format(year=self.year.id))
        if path is not None:
            self.write_paper(path, kind)

    def write_paper(self, path: Path, kind: str) -> Operation | None:
        assert self.year is not None
        s, year, language = self.session, self.year.id, current_language()
        service = s.services.attestations
        make = service.print_list if kind == "attestations" else service.print_schedule
        return write_in_background(self, path, lambda: make(s.actor, s.school, year, language).data)

    def ask_print_extract(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.hearing is None:
            return
        path = ask_path(self, _("Extract, {teacher}.pdf").format(teacher=self._name(chosen)))
        if path is not None:
            self.write_extract(path)

    def write_extract(self, path: Path) -> Operation | None:
        """The extract of the agenda item that heard the application (from a finalized protocol)."""
        chosen = self.selected()
        assert chosen is not None and chosen.hearing is not None
        s, hearing, language = self.session, chosen.hearing, current_language()
        return write_in_background(self, path, lambda: s.services.documents.extract(
            s.actor, s.school, hearing.meeting, hearing.item, language).data)
