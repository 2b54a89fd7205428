"""Saving a printed document or a spreadsheet that a service builds: ask for the path, write, report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop_app.domain.errors import UserError
from desktop_app.i18n import _


def ask_path(parent: QWidget, name: str, pdf: bool = True) -> Path | None:
    title, pattern = (_("Save as PDF"), "PDF (*.pdf)") if pdf else (_("Export to Excel"), "Excel (*.xlsx)")
    path, _filter = QFileDialog.getSaveFileName(parent, title, name, pattern)
    return Path(path) if path else None


def write_built(parent: QWidget, path: Path, build: Callable[[], bytes]) -> bool:
    """Build and write; a refusal or a failed write is shown in a message box, not raised."""
    try:
        path.write_bytes(build())
    except UserError as error:
        QMessageBox.warning(parent, _("Not saved"), error.render(_))
        return False
    except OSError as error:
        QMessageBox.warning(parent, _("Not saved"),
                            _("The file could not be written: {reason}").format(reason=error.strerror or error))
        return False
    return True
