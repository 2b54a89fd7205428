"""The Meetings section's selection and its documents: the protocol, an extract of one agenda item
and the body's register, built and written to PDF off the GUI thread (an operation)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QInputDialog, QTableView

from desktop_app.domain.entities import Association, Meeting
from desktop_app.i18n import N_, Message, Text, _
from desktop_app.services.document_catalog import DocumentKind, DocumentRef
from desktop_app.services.documents import PrintedDocument
from desktop_app.ui import operations
from desktop_app.ui.models.table import RecordFilterProxy, RecordTableModel
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.message_label import MessageLabel
from desktop_app.ui.widgets.saving import WriteFailed, ask_document_path, write_failure
from desktop_app.ui.widgets.view import View


class MeetingDocumentsView(View):
    """What is selected in the Meetings section and the printing of its documents; ``MeetingsView``
    builds the rest."""

    bodies: list[Association]
    body_combo: QComboBox
    doc_language: QComboBox
    model: RecordTableModel[Meeting]
    proxy: RecordFilterProxy
    table: QTableView
    message: MessageLabel

    # Selection ---------------------------------------------------------------------------------
    def body(self) -> Association | None:
        body_id = self.body_combo.currentData()
        return next((b for b in self.bodies if b.id == body_id), None)

    def selected(self) -> Meeting | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.record(self.proxy.source_row(index.row()))

    def show_message(self, message: Message, ok: bool = False) -> None:
        """Under the table and in the status bar; a ``Text`` or a refusal follows a language switch."""
        self.message.show_message(message, ok)
        self.status_message.emit(message)

    # Documents ---------------------------------------------------------------------------------
    def language(self) -> str:
        return str(self.doc_language.currentData())

    def write_protocol(self, path: Path, language: str | None = None) -> bool:
        meeting = self.selected()
        assert meeting is not None
        return self._write(path, lambda s: s.services.documents.protocol(
            s.actor, s.school, meeting.id, language or self.language()))

    def write_extract(self, path: Path, item: int, language: str | None = None) -> bool:
        meeting = self.selected()
        assert meeting is not None
        return self._write(path, lambda s: s.services.documents.extract(
            s.actor, s.school, meeting.id, item, language or self.language()))

    def write_register(self, path: Path, language: str | None = None) -> bool:
        body = self.body()
        assert body is not None
        return self._write(path, lambda s: s.services.documents.register(
            s.actor, s.school, body.id, language or self.language()))

    def _write(self, path: Path, build: Callable[[Session], PrintedDocument]) -> bool:
        """Build the PDF and write it off the GUI thread (an operation); a refusal or a failed write
        is shown under the table. True when started."""
        session = self.session

        def work() -> Path:
            data = build(session).data
            try:
                path.write_bytes(data)
            except OSError as error:
                raise WriteFailed(write_failure(error)) from error
            return path

        return operations.run(work, label=Text(N_("Saving the document…")), parent=self,
                              on_success=lambda written: self.show_message(
                                  Text(N_("Saved: {path}"), {"path": str(written)}), ok=True),
                              refused=self.show_message, initiator=self) is not None

    def _ask_path(self, kind: DocumentKind, record: str, item: int | None = None) -> Path | None:
        return ask_document_path(self, self.session, DocumentRef(kind, record, item), self.language(),
                                 self.year.id if self.year else None)

    def ask_print_protocol(self) -> None:
        meeting = self.selected()
        path = self._ask_path(DocumentKind.PROTOCOL, meeting.id) if meeting else None
        if path is not None:
            self.write_protocol(path)

    def ask_print_extract(self) -> None:
        meeting = self.selected()
        if meeting is None or not meeting.agenda:
            return
        titles = [f"{i.number}. {i.title}" for i in meeting.agenda]
        chosen, ok = QInputDialog.getItem(self, _("Extract from the protocol"), _("Agenda item"), titles, 0, False)
        item = meeting.agenda[titles.index(chosen)].number if ok else None
        path = self._ask_path(DocumentKind.EXTRACT, meeting.id, item) if item is not None else None
        if path is not None and item is not None:
            self.write_extract(path, item)

    def ask_print_register(self) -> None:
        body = self.body()
        path = self._ask_path(DocumentKind.REGISTER, body.id) if body else None
        if path is not None:
            self.write_register(path)
