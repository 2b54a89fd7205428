"""Saving a printed document or a spreadsheet that a service builds: ask for the path, write, report.

Every place that saves a document comes here, so the dialog always starts in the folder used last
(else the user's Documents folder) with the document's default file name, and "Print" always means
the same thing: the PDF opened in the system's viewer, which prints it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop_app.config.paths import documents_dir
from desktop_app.domain.errors import UserError
from desktop_app.i18n import N_, Text, _
from desktop_app.services.document_catalog import DocumentRef
from desktop_app.ui import operations
from desktop_app.ui.operations import Operation
from desktop_app.ui.session import Session
from desktop_app.ui.settings import settings

LAST_FOLDER = "documents/last_folder"


def start_folder() -> Path:
    """The folder a document was last saved to, if it still exists; else the Documents folder."""
    value = settings().value(LAST_FOLDER)
    if value and Path(str(value)).is_dir():
        return Path(str(value))
    return documents_dir()


def remember_folder(folder: Path) -> None:
    store = settings()
    store.setValue(LAST_FOLDER, str(folder))
    store.sync()


def ask_path(parent: QWidget, name: str, pdf: bool = True) -> Path | None:
    """The save dialog, opened in ``start_folder()`` with ``name`` (a document's default file name)."""
    title, pattern = (_("Save as PDF"), "PDF (*.pdf)") if pdf else (_("Export to Excel"), "Excel (*.xlsx)")
    path, _filter = QFileDialog.getSaveFileName(parent, title, str(start_folder() / name), pattern)
    if not path:
        return None
    remember_folder(Path(path).parent)
    return Path(path)


def ask_folder(parent: QWidget) -> Path | None:
    """The folder that several documents are saved into, each under its default name."""
    folder = QFileDialog.getExistingDirectory(parent, _("Save the documents into a folder"), str(start_folder()))
    if not folder:
        return None
    remember_folder(Path(folder))
    return Path(folder)


def free_path(folder: Path, name: str) -> Path:
    """``folder/name``, or «name (2).pdf» … when a file of that name is already there."""
    path = folder / name
    number = 2
    while path.exists():
        path = folder / f"{Path(name).stem} ({number}){Path(name).suffix}"
        number += 1
    return path


def open_for_printing(name: str, data: bytes) -> Path:
    """Write the PDF to a temporary folder and open it in the system's viewer (which prints it)."""
    folder = Path(tempfile.gettempdir()) / "metodsovet-print"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path


def write_built(parent: QWidget, path: Path, build: Callable[[], bytes]) -> bool:
    """Build and write; a refusal or a failed write is shown in a message box, not raised."""
    try:
        path.write_bytes(build())
    except UserError as error:
        QMessageBox.warning(parent, _("Not saved"), error.render(_))
        return False
    except OSError as error:
        QMessageBox.warning(parent, _("Not saved"), write_failure(error))
        return False
    return True


def write_in_background(parent: QWidget, path: Path, build: Callable[[], bytes],
                        done: Callable[[Path], None] | None = None) -> Operation | None:
    """``write_built`` as an operation: the document is built and written off the GUI thread; a
    refusal or a failed write is shown in a message box; ``done(path)`` once it is written."""
    def work() -> Path:
        data = build()
        try:
            path.write_bytes(data)
        except OSError as error:
            raise WriteFailed(write_failure(error)) from error
        return path

    return operations.run(work, label=Text(N_("Saving the document…")), parent=parent, on_success=done,
                          refused=lambda error: QMessageBox.warning(parent, _("Not saved"), error.render(_)))


class WriteFailed(UserError):
    """The file could not be written (a full disk, a read-only folder): a message, not a crash."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def render(self, translate: object = None) -> str:
        return self.text


def write_failure(error: OSError) -> str:
    return _("The file could not be written: {reason}").format(reason=error.strerror or error)


def ask_document_path(parent: QWidget, session: Session, ref: DocumentRef, language: str | None,
                      academic_year: str | None = None) -> Path | None:
    """The save dialog for one printed document, named by the documents' naming rule (give the
    document's ``academic_year`` where it is known: only that year is read for the name)."""
    name = session.services.documents.file_name(session.actor, session.school, ref, language, academic_year)
    return ask_path(parent, name)
