"""Documents: every printable document of the academic year in one place, filtered by kind,
association, teacher and text; one or many opened for printing or saved as PDF, in each document's
own language or in the one chosen. The list and what may be printed come from DocumentService."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from desktop_app.domain.entities import Language
from desktop_app.domain.errors import UserError
from desktop_app.i18n import N_, Text, _, ngettext
from desktop_app.services.document_catalog import DOCUMENT_KIND_LABELS, CatalogEntry, DocumentKind
from desktop_app.ui import operations
from desktop_app.ui.labels import LANGUAGE_NAMES, short_date
from desktop_app.ui.models.table import Column, RecordFilterProxy, RecordTableModel
from desktop_app.ui.operations import Operation, Progress
from desktop_app.ui.widgets.columns import keep_fitted, measure_texts
from desktop_app.ui.widgets.saving import (
    ask_folder,
    ask_path,
    free_path,
    open_for_printing,
    write_failure,
)
from desktop_app.ui.widgets.view import View, make_table

#: Documents of a year run to thousands in a big school: the list takes them this many at a time.
FETCH_BATCH = 200
#: Columns that share what is left of the width, each at least as wide as its title (the others fit
#: their contents, up to ``_WIDEST`` pixels: a long kind such as «График заслушивания аттестуемых
#: педагогов» ends in "…", whole in its tooltip, and leaves the document and its association room
#: at 1366×768).
_FILL = (1, 2)
_WIDEST = 250


@dataclass
class Outcome:
    """What a print or save of several documents did: files written, documents refused and why."""

    written: list[Path] = field(default_factory=list)
    refused: list[tuple[CatalogEntry, str]] = field(default_factory=list)


def _teachers_text(entry: CatalogEntry) -> str:
    """Mentor → mentee; the first few authors or participants (all of them in the tooltip)."""
    names = entry.teacher_names
    if entry.ref.kind is DocumentKind.MENTORSHIP:
        return " → ".join(names)
    return ", ".join(names[:2]) + (f" +{len(names) - 2}" if len(names) > 2 else "")


def _language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(Language(code), code)


class DocumentsView(View):
    def _build_ui(self) -> None:
        self.entries: list[CatalogEntry] = []
        self.outcome = Outcome()  # what the last print or save did
        self.title_label = QLabel(self)
        self.title_label.setObjectName("viewTitle")
        self.kind_label, self.body_label, self.teacher_label, self.language_label = (QLabel(self) for _ in range(4))
        self.kind_filter, self.body_filter, self.teacher_filter = QComboBox(self), QComboBox(self), QComboBox(self)
        self.doc_language = QComboBox(self)
        for combo in (self.body_filter, self.teacher_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18)
        filters = QGridLayout()
        for column, (label, combo) in enumerate(((self.kind_label, self.kind_filter),
                                                 (self.body_label, self.body_filter),
                                                 (self.teacher_label, self.teacher_filter),
                                                 (self.language_label, self.doc_language))):
            filters.addWidget(label, 0, column)
            filters.addWidget(combo, 1, column)
            filters.setColumnStretch(column, 2 if column in (1, 2) else 1)

        self.model: RecordTableModel[CatalogEntry] = RecordTableModel([
            Column(N_("Kind"), lambda e: _(DOCUMENT_KIND_LABELS[e.ref.kind]),
                   sort_key=lambda e: list(DocumentKind).index(e.ref.kind)),
            Column(N_("Document"), lambda e: e.title),
            Column(N_("Association"), lambda e: e.association_name),
            Column(N_("Teacher"), _teachers_text, tooltip=lambda e: ", ".join(e.teacher_names) or None),
            Column(N_("Date"), lambda e: short_date(e.date) if e.date else "",
                   sort_key=lambda e: e.date.isoformat() if e.date else ""),
            Column(N_("Language"), lambda e: _language_name(self.language() or e.language)),
            Column(N_("Ready"), lambda e: _("yes") if e.refusal is None else _("not yet"),
                   tooltip=lambda e: e.refusal.render(_) if e.refusal else None),
        ], self, dimmed=lambda e: not e.printable, batch=FETCH_BATCH)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setStretchLastSection(False)

        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("viewNote")
        self.select_all_button, self.print_button, self.save_button = (QPushButton(self) for _ in range(3))
        bar = QHBoxLayout()
        bar.addWidget(self.counts_label, 1)
        for button in (self.select_all_button, self.print_button, self.save_button):
            bar.addWidget(button)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        self._fill_static_combos()

    def _connect(self) -> None:
        for combo in (self.kind_filter, self.body_filter, self.teacher_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.doc_language.currentIndexChanged.connect(lambda _index: self._retranslate_rows())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.print_selected())
        self.select_all_button.clicked.connect(self.table.selectAll)
        self.print_button.clicked.connect(self.print_selected)
        self.save_button.clicked.connect(self.save_selected)

    def retranslate_ui(self) -> None:
        self.title_label.setText(_("Documents"))
        self.kind_label.setText(_("Kind:"))
        self.body_label.setText(_("Association:"))
        self.teacher_label.setText(_("Teacher:"))
        self.language_label.setText(_("Document language:"))
        self.select_all_button.setText(_("Select all shown"))
        self.print_button.setText(_("Print…"))
        self.print_button.setToolTip(_("Opens the PDF in the system's viewer, which prints it"))
        self.save_button.setText(_("Save as PDF…"))
        self.save_button.setToolTip(_("One document: choose the file. Several: choose a folder; each "
                                      "is saved under its own name"))
        self._fill_static_combos()
        self._retranslate_rows()
        self._update_counts()

    def _fill_static_combos(self) -> None:
        kind = self.kind_filter.currentData()
        self.kind_filter.blockSignals(True)
        self.kind_filter.clear()
        self.kind_filter.addItem(_("all documents"), None)
        for value in DocumentKind:
            self.kind_filter.addItem(_(DOCUMENT_KIND_LABELS[value]), value)
        self.kind_filter.setCurrentIndex(max(self.kind_filter.findData(kind), 0))
        self.kind_filter.blockSignals(False)
        language = self.doc_language.currentData()
        self.doc_language.clear()
        self.doc_language.addItem(_("each in its own language"), None)
        for code in Language:
            self.doc_language.addItem(_language_name(code.value), code.value)
        self.doc_language.setCurrentIndex(max(self.doc_language.findData(language), 0))

    # Loading and filtering ---------------------------------------------------------------------
    def refresh(self) -> None:
        s = self.session
        try:
            self.entries = s.services.documents.catalog(s.actor, s.school, self.year.id) if self.year else []
        except UserError as error:
            self.entries = []
            self.show_message(error.render(_))
        self._fill_owner_combos()
        self._apply_filters()

    def _fill_owner_combos(self) -> None:
        bodies = {e.association: e.association_name for e in self.entries if e.association}
        # Each author's ~8 KTPs a year share their names: each pair of tuples is unpacked once.
        teachers: dict[str, str] = {}
        for ids, names in dict.fromkeys((e.teachers, e.teacher_names) for e in self.entries):
            teachers.update(zip(ids, names, strict=True))
        for combo, choices, everyone in ((self.body_filter, bodies, _("all associations")),
                                         (self.teacher_filter, teachers, _("all teachers"))):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, None)
            for key, name in sorted(choices.items(), key=lambda pair: pair[1]):
                combo.addItem(name, key)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.blockSignals(False)

    def _apply_filters(self) -> None:
        kind, body, teacher = (c.currentData() for c in (self.kind_filter, self.body_filter, self.teacher_filter))
        shown = [e for e in self.entries
                 if (kind is None or e.ref.kind == kind) and (body is None or e.association == body)
                 and (teacher is None or teacher in e.teachers)]
        self.model.set_records(shown)
        self._fit_columns()
        self._update_counts()
        self._update_buttons()

    def _retranslate_rows(self) -> None:
        self.model.retranslate()
        self._fit_columns()

    def _fit_columns(self) -> None:
        """The columns fit the texts of the first rows shown and their titles: measured once per
        list, not cell by cell at every layout (thousands of rows); the document and its association
        share the room left, never narrower than their titles («Методическое объединение»)."""
        keep_fitted(self.table, measure_texts(self.table) or [], _WIDEST, _FILL)

    def set_search(self, text: str) -> None:
        super().set_search(text)
        self.proxy.set_search(text)
        self._update_counts()

    def _update_counts(self) -> None:
        shown, total = len(self.proxy.matching()), len(self.entries)
        self.counts_label.setText(ngettext("{shown} of {total} document shown", "{shown} of {total} documents shown",
                                           total).format(shown=shown, total=total))

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.print_button.setEnabled(bool(chosen))
        self.save_button.setEnabled(bool(chosen))
        refused = [e for e in chosen if e.refusal is not None]
        if len(chosen) == 1 and refused and refused[0].refusal is not None:
            self.show_message(_("Cannot be printed yet: {reason}").format(reason=refused[0].refusal.render(_)))
        elif len(chosen) <= 1:
            self.message.clear()

    def shown(self) -> list[CatalogEntry]:
        return [self.model.record(row) for row in self.proxy.matching()]

    def selected(self) -> list[CatalogEntry]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.record(self.proxy.source_row(r)) for r in rows]

    def select(self, entries: list[CatalogEntry]) -> None:
        """Select these rows (tests and a record opened from elsewhere)."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        wanted = {e.ref for e in entries}
        self.model.fetch_through(max((r for r in self.proxy.matching() if self.model.record(r).ref in wanted),
                                     default=-1))
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in range(self.proxy.rowCount()):
            if self.model.record(self.proxy.source_row(row)).ref in wanted:
                selection.select(self.proxy.index(row, 0), flags)

    def select_record(self, record: str) -> None:
        self.select([e for e in self.shown() if e.ref.record == record])

    def language(self) -> str | None:
        """The language the user forces, or None: each document in its own."""
        value = self.doc_language.currentData()
        return str(value) if value else None

    # Printing and saving -----------------------------------------------------------------------
    def print_selected(self) -> Operation | None:
        """Open each chosen PDF in the system's viewer (from a temporary folder)."""
        language = self.language()
        return self._produce(self.selected(), lambda entry, data: open_for_printing(
            entry.file_name(language), data), printing=True)

    def save_selected(self) -> Operation | None:
        """One document: the save dialog with its default name. Several: a folder, each its own name.
        The documents are built off the GUI thread; ``outcome`` says what was done."""
        chosen, language = self.selected(), self.language()
        if len(chosen) == 1:
            path = ask_path(self, chosen[0].file_name(language))
            return self._produce(chosen, lambda _entry, data: _write(path, data)) if path else None
        folder = ask_folder(self) if chosen else None
        if folder is None:
            return None
        return self._produce(chosen, lambda entry, data: _write(free_path(folder, entry.file_name(language)), data))

    def _produce(self, entries: list[CatalogEntry], deliver: Callable[[CatalogEntry, bytes], Path],
                 printing: bool = False) -> Operation | None:
        """Build each document on the worker (progress shown, Cancel stops after the current one),
        then ``deliver`` each in the GUI thread; a refusal or a failed write is noted, the rest go on."""
        s, language = self.session, self.language()

        def build(progress: Progress) -> list[tuple[CatalogEntry, bytes | str]]:
            built: list[tuple[CatalogEntry, bytes | str]] = []
            for done, entry in enumerate(entries):
                progress.report(done, len(entries))
                if entry.refusal is not None:
                    built.append((entry, entry.refusal.render(_)))
                    continue
                try:
                    built.append((entry, s.services.documents.document(s.actor, s.school, entry.ref, language).data))
                except UserError as error:
                    built.append((entry, error.render(_)))
            return built

        def deliver_all(built: list[tuple[CatalogEntry, bytes | str]]) -> None:
            outcome = Outcome()
            for entry, result in built:
                if isinstance(result, str):
                    outcome.refused.append((entry, result))
                    continue
                try:
                    outcome.written.append(deliver(entry, result))
                except OSError as error:
                    outcome.refused.append((entry, write_failure(error)))
            self.outcome = outcome
            if entries:
                self._report(outcome, printing)

        label = Text(N_("Printing the documents…") if printing else N_("Saving the documents…"))
        return operations.run(build, label=label, parent=self, on_success=deliver_all, cancellable=True,
                              initiator=self)

    def _report(self, outcome: Outcome, printing: bool) -> None:
        """Green: what was written (every name in the tooltip); red: each refusal with its reason."""
        count, done = len(outcome.written), ""
        if printing and count:
            done = ngettext("{count} document opened for printing", "{count} documents opened for printing",
                            count).format(count=count)
        elif count == 1:
            done = _("Saved: {path}").format(path=outcome.written[0])
        elif count:
            done = ngettext("{count} file saved into {folder}", "{count} files saved into {folder}", count).format(
                count=count, folder=outcome.written[0].parent)
        lines = [f'<span style="color:#1b6e20">{escape(done)}</span>'] if done else []
        for entry, reason in outcome.refused:
            text = _("Not printed: {document} — {reason}").format(
                document=f"{_(DOCUMENT_KIND_LABELS[entry.ref.kind])} {entry.title}", reason=reason)
            lines.append(f'<span style="color:#b00020">{escape(text)}</span>')
        self.message.setStyleSheet("")
        self.message.setText("<br>".join(lines))
        self.message.setToolTip("\n".join(p.name for p in outcome.written))
        self.status_message.emit(done or _("Nothing was printed"))

    def show_message(self, text: str, ok: bool = False) -> None:
        self.message.setStyleSheet("color: #1b6e20;" if ok else "color: #b00020;")
        self.message.setText(escape(text))
        self.message.setToolTip("")
        self.status_message.emit(text)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
