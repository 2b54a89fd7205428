"""Mentoring (п. 10.3, 10.5): mentorships of the year, who needs a mentor, the session log, completion,
printing the plan and log, and the register as .xlsx."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.accounts import Action
from desktop_app.domain.entities import Mentorship, MentorshipSession, MentorshipStatus
from desktop_app.i18n import N_, _, current_language
from desktop_app.services.document_catalog import DocumentKind, DocumentRef
from desktop_app.services.registers_export import SESSION_KIND_LABELS
from desktop_app.ui.dialogs.mentoring_session import CloseMentorshipDialog, SessionDialog
from desktop_app.ui.dialogs.mentorship import MentorshipDialog
from desktop_app.ui.labels import MENTORSHIP_STATUS_LABELS, label, short_date
from desktop_app.ui.models.table import Column, RecordFilterProxy, RecordTableModel
from desktop_app.ui.operations import Operation
from desktop_app.ui.widgets.saving import ask_document_path, ask_path, write_in_background
from desktop_app.ui.widgets.view import View, fit_columns, make_table


def order_text(m: Mentorship) -> str:
    return f"№ {m.order.number}, {short_date(m.order.date)}" if m.order else ""


class MentoringView(View):
    def _build_ui(self) -> None:
        self.names: dict[str, str] = {}
        self.title_label = QLabel(self)
        self.title_label.setObjectName("viewTitle")
        self.assign_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.log_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.export_button = QPushButton(self)
        editing = self.session.may(Action.EDIT_MENTORSHIP)
        for button in (self.assign_button, self.edit_button, self.close_button):
            button.setVisible(editing)
        self.export_button.setVisible(self.session.may(Action.EXPORT))
        bar = QHBoxLayout()
        for button in (self.assign_button, self.edit_button, self.log_button, self.close_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.export_button)

        self.model: RecordTableModel[Mentorship] = RecordTableModel([
            Column(N_("Mentor"), lambda m: self.name(m.mentor)),
            Column(N_("Young specialist"), lambda m: self.name(m.mentee)),
            Column(N_("Period"), lambda m: f"{short_date(m.start)} – {short_date(m.end)}",
                   sort_key=lambda m: m.start.isoformat()),
            Column(N_("Director's order"), order_text),
            Column(N_("Sessions"), lambda m: str(len(m.sessions)), sort_key=lambda m: len(m.sessions),
                   align_center=True),
            Column(N_("Status"), lambda m: label(MENTORSHIP_STATUS_LABELS, m.status)),
        ], self, dimmed=lambda m: m.status is not MentorshipStatus.ACTIVE)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self)
        self.table.setModel(self.proxy)
        self.sessions_label = QLabel(self)
        self.sessions_label.setObjectName("viewSubtitle")
        self.sessions: RecordTableModel[MentorshipSession] = RecordTableModel([
            Column(N_("Date"), lambda s: short_date(s.date), sort_key=lambda s: s.date.isoformat()),
            Column(N_("Kind"), lambda s: label(SESSION_KIND_LABELS, s.kind)),
            Column(N_("Topic"), lambda s: s.topic),
            Column(N_("Notes"), lambda s: s.notes or ""),
            Column(N_("Lesson visit"), lambda s: s.lesson_visit or "", align_center=True),
        ], self)
        self.sessions_table = make_table(self)
        self.sessions_table.setModel(self.sessions)
        self.sessions_table.setSortingEnabled(False)

        self.suggest_label = QLabel(self)
        self.suggest_label.setObjectName("viewSubtitle")
        self.suggest_note = QLabel(self)
        self.suggest_note.setObjectName("viewNote")
        self.suggest_note.setWordWrap(True)
        self.suggestions = QListWidget(self)
        self.suggestions.setWordWrap(True)
        self.assign_suggested = QPushButton(self)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 0, 0, 0)
        side_layout.addWidget(self.suggest_label)
        side_layout.addWidget(self.suggest_note)
        side_layout.addWidget(self.suggestions, 1)
        side_layout.addWidget(self.assign_suggested)
        side.setVisible(editing)
        main = QWidget(self)
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(0, 0, 0, 0)
        main_layout.addWidget(self.table, 3)
        main_layout.addWidget(self.sessions_label)
        main_layout.addWidget(self.sessions_table, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(main)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([760, 300])
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("viewNote")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.empty_label)
        self._update_buttons()

    def _connect(self) -> None:
        self.assign_button.clicked.connect(lambda: self.open_assign(None))
        self.assign_suggested.clicked.connect(self._assign_from_suggestion)
        self.suggestions.itemDoubleClicked.connect(lambda _item: self._assign_from_suggestion())
        self.edit_button.clicked.connect(self.edit_selected)
        self.log_button.clicked.connect(self.log_session)
        self.close_button.clicked.connect(self.complete)
        self.print_button.clicked.connect(self.ask_print)
        self.export_button.clicked.connect(self.ask_export)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

    def retranslate_ui(self) -> None:
        self.title_label.setText(_("Mentoring"))
        self.assign_button.setText(_("Assign a mentor…"))
        self.edit_button.setText(_("Edit…"))
        self.log_button.setText(_("Log a session…"))
        self.close_button.setText(_("Complete…"))
        self.print_button.setText(_("Print plan and log…"))
        self.export_button.setText(_("Export to Excel…"))
        self.sessions_label.setText(_("Log of sessions"))
        self.suggest_label.setText(_("Who needs a mentor"))
        self.suggest_note.setText(_("Young specialists (first three years) and teachers without a category "
                                    "who have no active mentorship."))
        self.assign_suggested.setText(_("Assign a mentor to the selected…"))
        self.model.retranslate()
        self.sessions.retranslate()
        self._update_empty()

    # Data ----------------------------------------------------------------------------------
    def name(self, teacher: str) -> str:
        return self.names.get(teacher, teacher)

    def refresh(self) -> None:
        s = self.session
        chosen = self.selected()
        self.names = s.teacher_names()
        records = s.services.mentoring.list(s.actor, s.school, self.year.id) if self.year else []
        self.model.set_records(records)
        fit_columns(self.table)
        self.suggestions.clear()
        if self.year is not None and s.may(Action.EDIT_MENTORSHIP):
            for suggestion in s.services.mentoring.suggest_mentees(s.actor, s.school, self.year.id):
                reasons = [_("young specialist")] if suggestion.young_specialist else []
                if suggestion.no_category:
                    reasons.append(_("no category"))
                item = QListWidgetItem(f"{suggestion.teacher.short_name} — {', '.join(reasons)}", self.suggestions)
                item.setData(Qt.ItemDataRole.UserRole, suggestion.teacher.id)
                item.setToolTip(item.text())
        if chosen is not None:
            self.select(chosen.id)
        self._on_selection()
        self._update_empty()

    def set_search(self, text: str) -> None:
        super().set_search(text)
        self.proxy.set_search(text)

    def selected(self) -> Mentorship | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def select_record(self, record: str) -> None:
        self.select(record)

    def select(self, mentorship: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.model.record(self.proxy.source_row(row)).id == mentorship:
                self.table.selectRow(row)
                return

    def _on_selection(self) -> None:
        chosen = self.selected()
        self.sessions.set_records(chosen.sessions if chosen else [])
        fit_columns(self.sessions_table)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected()
        open_ = chosen is not None and chosen.status is MentorshipStatus.ACTIVE
        self.edit_button.setEnabled(open_)
        self.close_button.setEnabled(open_)
        self.log_button.setEnabled(open_ and chosen is not None
                                   and self.session.actor.may(Action.LOG_MENTORING, {chosen.mentor}))
        self.print_button.setEnabled(chosen is not None)
        self.assign_button.setEnabled(self.year is not None)
        self.export_button.setEnabled(self.year is not None)

    def _update_empty(self) -> None:
        text = "" if self.year is not None else _("Choose an academic year.")
        if self.year is not None and self.model.rowCount() == 0:
            text = _("No records for this academic year.")
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))

    # Actions (make_* return the dialogs so tests drive them without exec) ---------------------
    def make_assign_dialog(self, mentee: str | None, record: Mentorship | None = None) -> MentorshipDialog:
        assert self.year is not None
        return MentorshipDialog(self.session, self.year, record, mentee, self)

    def open_assign(self, mentee: str | None) -> None:
        if self.year is not None:
            self._run(self.make_assign_dialog(mentee))

    def _assign_from_suggestion(self) -> None:
        item = self.suggestions.currentItem()
        if item is not None:
            self.open_assign(str(item.data(Qt.ItemDataRole.UserRole)))

    def edit_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._run(self.make_assign_dialog(None, chosen))

    def make_session_dialog(self) -> SessionDialog | None:
        chosen = self.selected()
        return SessionDialog(self.session, chosen, self) if chosen else None

    def log_session(self) -> None:
        dialog = self.make_session_dialog()
        if dialog is not None:
            self._run(dialog)

    def make_close_dialog(self) -> CloseMentorshipDialog | None:
        chosen = self.selected()
        return CloseMentorshipDialog(self.session, chosen, self) if chosen else None

    def complete(self) -> None:
        dialog = self.make_close_dialog()
        if dialog is not None:
            self._run(dialog)

    def _run(self, dialog: MentorshipDialog | SessionDialog | CloseMentorshipDialog) -> None:
        if dialog.exec() and dialog.saved is not None:
            self.saved(dialog.saved)

    def saved(self, record: Mentorship) -> None:
        """After a dialog stored ``record``: reload, keep it selected (the other sections learn of
        it from the operation)."""
        self.refresh()
        self.select(record.id)

    def ask_print(self) -> None:
        chosen = self.selected()
        ref = DocumentRef(DocumentKind.MENTORSHIP, chosen.id) if chosen else None
        year = self.year.id if self.year else None
        path = ask_document_path(self, self.session, ref, current_language(), year) if ref else None
        if path is not None:
            self.write_plan(path)

    def write_plan(self, path: Path) -> Operation | None:
        chosen = self.selected()
        assert chosen is not None
        s, language = self.session, current_language()
        return write_in_background(self, path, lambda: s.services.documents.mentorship(
            s.actor, s.school, chosen.id, language).data)

    def ask_export(self) -> None:
        path = ask_path(self, f"mentoring-{self.year.id}.xlsx", pdf=False) if self.year else None
        if path is not None:
            self.write_register(path)

    def write_register(self, path: Path) -> Operation | None:
        assert self.year is not None
        s, year = self.session, self.year.id
        return write_in_background(self, path, lambda: s.services.registers.mentoring_xlsx(s.actor, s.school, year))
