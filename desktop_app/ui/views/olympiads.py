"""Pupils' olympiads and contests (п. 10.5): the year's register, entered or imported from .xlsx,
printed and exported; the year's counts under it (what the year's analysis uses)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMenu, QMessageBox, QPushButton, QVBoxLayout

from desktop_app.domain.accounts import Action
from desktop_app.domain.entities import OlympiadResult
from desktop_app.domain.errors import UserError
from desktop_app.domain.labels import OLYMPIAD_KIND_LABELS, OLYMPIAD_LEVEL_LABELS
from desktop_app.i18n import N_, _, current_language, lazy_ngettext
from desktop_app.services.olympiad_files import outcome_text
from desktop_app.ui import operations
from desktop_app.ui.dialogs.olympiad import OlympiadDialog, OlympiadImportDialog
from desktop_app.ui.labels import label, short_date
from desktop_app.ui.models.table import Column, RecordFilterProxy, RecordTableModel
from desktop_app.ui.operations import Change, Operation
from desktop_app.ui.widgets.saving import ask_path, write_in_background
from desktop_app.ui.widgets.view import View, fit_columns, make_table


class OlympiadsView(View):
    def _build_ui(self) -> None:
        self.subjects: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.title_label = QLabel(self)
        self.title_label.setObjectName("viewTitle")
        actor = self.session.actor
        self.add_button, self.edit_button = QPushButton(self), QPushButton(self)
        self.delete_button, self.import_button = QPushButton(self), QPushButton(self)
        for button in (self.add_button, self.edit_button, self.delete_button, self.import_button):
            button.setVisible(actor.may(Action.EDIT_OLYMPIADS))
        self.output_button = QPushButton(self)
        self.output_menu = QMenu(self)
        self.output_button.setMenu(self.output_menu)
        self.print_actions = {language: self.output_menu.addAction("") for language in ("kk", "ru")}
        self.export_action = self.output_menu.addAction("")
        self.output_button.setVisible(actor.may(Action.READ_ALL))
        bar = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.import_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.output_button)
        self.model: RecordTableModel[OlympiadResult] = RecordTableModel([
            Column(N_("Pupil"), lambda r: r.pupil),
            Column(N_("Class"), lambda r: r.class_name, align_center=True),
            Column(N_("Subject"), lambda r: self.subjects.get(r.subject, r.subject)),
            Column(N_("Teacher"), lambda r: self.names.get(r.teacher, r.teacher)),
            Column(N_("Level"), lambda r: label(OLYMPIAD_LEVEL_LABELS, r.level), sort_key=lambda r: str(r.level)),
            Column(N_("Kind"), lambda r: label(OLYMPIAD_KIND_LABELS, r.kind)),
            Column(N_("Stage"), lambda r: r.stage or ""),
            Column(N_("Result"), lambda r: outcome_text(r, _)),
            Column(N_("Date"), lambda r: short_date(r.on) if r.on else "",
                   sort_key=lambda r: r.on.isoformat() if r.on else ""),
        ], self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self._update_buttons()

    def _connect(self) -> None:
        self.add_button.clicked.connect(lambda: self._run(self.make_dialog(None)))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self.choose_file)
        for language, action in self.print_actions.items():
            action.triggered.connect(lambda _checked=False, lang=language: self.ask_print(lang))
        self.export_action.triggered.connect(self.ask_export)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

    def retranslate_ui(self) -> None:
        self.title_label.setText(_("Olympiads and contests of pupils"))
        self.add_button.setText(_("Add a result…"))
        self.edit_button.setText(_("Edit…"))
        self.delete_button.setText(_("Delete"))
        self.import_button.setText(_("Import from Excel…"))
        self.output_button.setText(_("Print and export"))
        self.print_actions["kk"].setText(_("Print the register in Kazakh (PDF)…"))
        self.print_actions["ru"].setText(_("Print the register in Russian (PDF)…"))
        self.export_action.setText(_("Export to Excel…"))
        self.model.retranslate()
        self._show_summary()

    # Data ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        s = self.session
        self.names = s.teacher_names()
        self.subjects = s.subject_names()
        results = s.services.olympiads.list(s.actor, s.school, self.year.id) if self.year else []
        self.model.set_records(results)
        fit_columns(self.table, 300)
        self._show_summary()
        self._update_buttons()

    def _show_summary(self) -> None:
        s = self.session
        if self.year is None or not s.actor.may(Action.READ_ALL):
            self.summary.setText("")
            return
        summary = s.services.olympiads.summary(s.actor, s.school, self.year.id)
        awarded = sum(n for (_level, outcome), n in summary.by_level_outcome.items() if outcome in ("winner", "prize"))
        self.summary.setText(_("In the year: {total} results, of them winners and prize places: {awarded}").format(
            total=summary.total, awarded=awarded))

    def set_search(self, text: str) -> None:
        super().set_search(text)
        self.proxy.set_search(text)

    def selected(self) -> OlympiadResult | None:
        chosen: OlympiadResult | None = self.proxy.selected_record(self.table)
        return chosen

    def select_record(self, record: str) -> None:
        self.proxy.select_id(self.table, record)

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        for button in (self.add_button, self.import_button, self.output_button):
            button.setEnabled(self.year is not None)

    # Actions (make_* return the dialogs so tests drive them without exec) ---------------------
    def make_dialog(self, result: OlympiadResult | None) -> OlympiadDialog | None:
        return OlympiadDialog(self.session, self.year, result, self) if self.year else None

    def edit_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None and self.edit_button.isVisibleTo(self):
            self._run(self.make_dialog(chosen))

    def _run(self, dialog: OlympiadDialog | None) -> None:
        if dialog is not None and dialog.exec() and dialog.saved is not None:
            self.refresh()
            self.select_record(dialog.saved.id)

    def delete_selected(self) -> Operation | None:
        chosen = self.selected()
        if chosen is None or QMessageBox.question(
                self, _("Delete"), _("Delete the result of {pupil}?").format(pupil=chosen.pupil)) \
                is not QMessageBox.StandardButton.Yes:
            return None
        s = self.session
        return operations.run(lambda: s.services.olympiads.delete(s.actor, s.school, chosen.id),
                              changes={Change.OLYMPIADS}, parent=self, on_success=lambda _r: self.refresh())

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Import olympiad results"), "",
                                                    _("Excel workbooks (*.xlsx)"))
        if path:
            dialog = self.make_import_dialog(Path(path))
            if dialog is not None and dialog.exec() and dialog.saved:
                self.imported(dialog.saved)

    def make_import_dialog(self, path: Path) -> OlympiadImportDialog | None:
        """The preview of ``path`` (None when the file was refused: a message says why)."""
        if self.year is None:
            return None
        s = self.session
        try:
            parsed = s.services.olympiads.read_file(s.actor, s.school, self.year.id, path)
        except UserError as error:
            QMessageBox.warning(self, _("Import olympiad results"), error.render(_))
            return None
        return OlympiadImportDialog(s, parsed, path.name, self)

    def imported(self, results: list[OlympiadResult]) -> None:
        self.refresh()
        self.status_message.emit(lazy_ngettext("{count} result imported", "{count} results imported",
                                               len(results)))

    def ask_print(self, language: str) -> None:
        path = ask_path(self, f"olympiads-{self.year.id}-{language}.pdf") if self.year else None
        if path is not None:
            self.write_register(path, language)

    def write_register(self, path: Path, language: str | None = None) -> Operation | None:
        assert self.year is not None
        s, year, lang = self.session, self.year.id, language or current_language()
        return write_in_background(self, path, lambda: s.services.documents.olympiads(
            s.actor, s.school, year, lang).data)

    def ask_export(self) -> None:
        path = ask_path(self, f"olympiads-{self.year.id}.xlsx", pdf=False) if self.year else None
        if path is not None:
            self.write_xlsx(path)

    def write_xlsx(self, path: Path) -> Operation | None:
        assert self.year is not None
        s, year = self.session, self.year.id
        return write_in_background(self, path, lambda: s.services.olympiads.xlsx(s.actor, s.school, year))
