"""Settings → Backups: the list of backups, "Back up now", "Restore…" and the backup folder.

Only an administrator (Action.MANAGE_SCHOOL) gets this page. The folder chosen here (a flash
drive is common) is remembered in the window's settings and used by the start-up backup too.
A storage failure (disk full, read-only, locked, damaged) is shown in a message box.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.config.preferences import save_backup_dir
from desktop_app.domain.errors import UserError
from desktop_app.i18n import N_, Text, _
from desktop_app.services.maintenance import BackupEntry, MaintenanceService
from desktop_app.ui import operations
from desktop_app.ui.models.backups import BackupTableModel, taken_at
from desktop_app.ui.operations import EVERYTHING, Change, Operation
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.view import fit_columns, make_table

FIRST_COUNT, COUNT_WIDTH = 4, 90


class BackupsPanel(QWidget):
    """Signal ``restored`` after a backup was put in place (the window reloads everything)."""

    restored = Signal()
    status_message = Signal(object)  # an i18n.Message

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.maintenance = MaintenanceService(session.services)
        self.made: Path | None = None  # the last backup made on demand
        self.title = QLabel(self)
        self.title.setObjectName("viewSubtitle")
        self.folder_caption = QLabel(self)
        self.folder_label = QLabel(self)
        self.folder_label.setObjectName("backupFolder")
        self.folder_label.setWordWrap(True)
        self.folder_button = QPushButton(self)
        self.backup_button = QPushButton(self)
        self.restore_button = QPushButton(self)
        folder_bar = QHBoxLayout()
        folder_bar.addWidget(self.folder_caption)
        folder_bar.addWidget(self.folder_label, 1)
        folder_bar.addWidget(self.folder_button)
        bar = QHBoxLayout()
        bar.addWidget(self.backup_button)
        bar.addWidget(self.restore_button)
        bar.addStretch(1)
        self.model = BackupTableModel(self)
        self.table = make_table(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.note_label = QLabel(self)
        self.note_label.setObjectName("viewNote")
        self.note_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(folder_bar)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note_label)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(self.choose_folder)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(_("Backups"))
        self.folder_caption.setText(_("Backup folder:"))
        self.folder_button.setText(_("Choose another folder…"))
        self.backup_button.setText(_("Back up now"))
        self.restore_button.setText(_("Restore…"))
        self.note_label.setText(_(
            "A backup is made at start when the last one is older than a day, before every update and "
            "before a restore. Old automatic backups are thinned out: every one of the last day, then one "
            "a day for a week, one a week for two months and one a month for a year. Backups made on "
            "demand are kept until you delete them. A flash drive is a good backup folder."))
        self.model.retranslate()

    def refresh(self) -> None:
        folder = self.maintenance.backup_dir
        self.folder_label.setText(str(folder) if folder is not None else "—")
        try:
            entries = self.maintenance.list_backups(self.session.actor)
        except UserError as error:
            self._fail(error)
            entries = []
        self.model.set_records(entries)
        fit_columns(self.table)
        self._fit_counts()
        self._update_buttons()

    def _fit_counts(self) -> None:
        """When the columns are wider than the table, the widest count columns give way (down to
        COUNT_WIDTH; their headers are cut short with "…" and shown whole as a tooltip)."""
        header = self.table.horizontalHeader()
        available = self.table.viewport().width() if self.table.isVisible() else 0
        excess = sum(header.sectionSize(c) for c in range(header.count())) - available
        while available and excess > 0:
            column = max(range(FIRST_COUNT, header.count()), key=header.sectionSize)
            size = header.sectionSize(column)
            if size <= COUNT_WIDTH:
                break
            smaller = max(COUNT_WIDTH, size - excess)
            header.resizeSection(column, smaller)
            excess -= size - smaller

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_counts()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_columns(self.table)
        self._fit_counts()

    def selected(self) -> BackupEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        entry = self.selected()
        self.restore_button.setEnabled(entry is not None and entry.contents is not None)

    def _fail(self, error: UserError) -> None:
        QMessageBox.warning(self, _("Backups"), error.render(_))

    # Actions ---------------------------------------------------------------------------------
    def back_up_now(self) -> Operation | None:
        """A backup on demand, off the GUI thread; a large database shows its progress and can
        be cancelled (nothing is left behind then). ``made`` holds the last backup's path."""
        actor, maintenance = self.session.actor, self.maintenance

        def done(path: Path) -> None:
            self.made = path
            self.refresh()
            self.status_message.emit(Text(N_("Backup made: {path}"), {"path": str(path)}))

        return operations.run(lambda progress: maintenance.backup(actor, kind="manual", progress=progress.report),
                              label=Text(N_("Making a backup…")), changes={Change.BACKUPS}, parent=self,
                              on_success=done, refused=self._fail, cancellable=True, initiator=self,
                              on_cancel=lambda: self.status_message.emit(Text(N_("The backup was cancelled."))))

    def confirm_restore(self, entry: BackupEntry) -> bool:
        """Asks the user; tests replace it."""
        answer = QMessageBox.question(self, _("Restore a backup"), _(
            "Restore the backup made on {date}? The data will be as it was at that time; changes made "
            "after it are replaced. The current state is backed up first, so this can be undone."
        ).format(date=taken_at(entry)))
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> bool:
        entry = self.selected()
        if entry is None or not self.confirm_restore(entry):
            return False
        return self.restore(entry)

    def restore(self, entry: BackupEntry) -> bool:
        """Off the GUI thread with the window disabled (the database file is replaced); not
        cancellable halfway. True when the restore was started."""
        actor, maintenance, backup = self.session.actor, self.maintenance, entry.info.path

        def done(safety: Path) -> None:
            self.refresh()
            self.restored.emit()
            self.status_message.emit(Text(N_("The backup of {date} was restored; the previous state is kept in "
                                             "{path}."), {"date": entry.info.taken_at, "path": safety.name}))

        return operations.run(lambda: maintenance.restore(actor, backup), label=Text(N_("Restoring the backup…")),
                              changes=EVERYTHING, parent=self, on_success=done, refused=self._fail,
                              exclusive=True, initiator=self) is not None

    def choose_folder(self) -> None:
        current = self.maintenance.backup_dir
        chosen = QFileDialog.getExistingDirectory(self, _("Backup folder"), str(current or ""))
        if chosen:
            self.use_folder(Path(chosen))

    def use_folder(self, folder: Path) -> bool:
        """Use ``folder`` from now on and remember it for the next start."""
        try:
            self.maintenance.set_backup_dir(self.session.actor, folder)
        except UserError as error:
            self._fail(error)
            return False
        save_backup_dir(folder)
        self.refresh()
        return True
