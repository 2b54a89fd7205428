"""A form dialog with a record's attached file (a methodical material's, a course certificate's):
the file's name and size or «No file», Choose a file… (its kind and size checked at once, a refusal
said under the field) and Remove the file. A chosen file is read only when the form is saved."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.domain.errors import DomainError
from desktop_app.i18n import _
from desktop_app.ui.widgets.fields import show_field_error
from desktop_app.ui.widgets.form_dialog import FormDialog


class StoredFile(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def size(self) -> int: ...


class AttachmentForm(FormDialog):
    """Subclasses give the endings offered, the stored file and the rule on a chosen one; they add
    ``file_row()`` as their "file" field and call ``retranslate_file()`` from ``retranslate_ui``."""

    #: The endings the file chooser offers.
    SUFFIXES: tuple[str, ...] = ()

    def stored_file(self) -> StoredFile | None:
        """The file the record has in the database (None: none, or a new record)."""
        raise NotImplementedError

    def file_problems(self, name: str, size: int) -> list[DomainError]:
        """Why a file of this name and size may not be attached (the domain's rule)."""
        raise NotImplementedError

    def file_row(self) -> QWidget:
        self.chosen_file: Path | None = None
        self.file_dropped = False
        self.file_label = QLabel(self)
        self.choose_button = QPushButton(self)
        self.drop_button = QPushButton(self)
        row_widget = QWidget(self)
        row = QHBoxLayout(row_widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file_label, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.drop_button)
        self.choose_button.clicked.connect(self.ask_file)
        self.drop_button.clicked.connect(self.drop_file)
        return row_widget

    def retranslate_file(self) -> None:
        self.choose_button.setText(_("Choose a file…"))
        self.drop_button.setText(_("Remove the file"))
        self._show_file()

    def kept_file(self) -> StoredFile | None:
        """The stored file, unless the user removed it."""
        return None if self.file_dropped else self.stored_file()

    def _show_file(self) -> None:
        kept = self.kept_file()
        if self.chosen_file is not None:
            self.file_label.setText(self.chosen_file.name)
        elif kept is not None:
            self.file_label.setText(_("{name} ({size} KB)").format(name=kept.name, size=max(1, kept.size // 1024)))
        else:
            self.file_label.setText(_("No file"))
        self.drop_button.setEnabled(self.chosen_file is not None or kept is not None)

    def ask_file(self) -> None:
        pattern = _("Documents ({patterns})").format(patterns=" ".join(f"*{s}" for s in self.SUFFIXES))
        path, _filter = QFileDialog.getOpenFileName(self, _("Choose a file"), "", pattern)
        if path:
            self.choose_file(Path(path))

    def choose_file(self, path: Path) -> None:
        """Take ``path`` if the rule allows it; else say why under the field."""
        self.refuse(None)
        errors = self.file_problems(path.name, path.stat().st_size)
        if errors:
            show_field_error(self.errors["file"], errors[0].render(_))
            return
        self.chosen_file = path
        self.typed = True
        self._show_file()

    def drop_file(self) -> None:
        self.chosen_file = None
        self.file_dropped = True
        self.typed = True
        self._show_file()
