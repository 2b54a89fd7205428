"""Settings → Backups: the list of backups, "Back up now", "Restore…" and the backup folder.

Only an administrator (Action.MANAGE_SCHOOL) gets this page. The folder chosen here (a flash
drive is common) is remembered in the window's settings and used by the start-up backup too.
A storage failure (disk full, read-only, locked, damaged) is shown in a message box.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QResizeEvent, QShowEvent
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
from desktop_app.i18n import N_, Text, _, current_language, format_size
from desktop_app.services.maintenance import BACKUP_KIND_LABELS, BackupEntry, MaintenanceService
from desktop_app.ui.labels import local_time
from desktop_app.ui.models.table import Column, RecordTableModel
from desktop_app.ui.session import Session
from desktop_app.ui.views.base import fit_columns, make_table

KIND_LABELS = BACKUP_KIND_LABELS
UNREADABLE = QColor("#f8d7da")
FIRST_COUNT, COUNT_WIDTH = 4, 90


def taken_at(entry: BackupEntry) -> str:
    """The moment of the backup in the computer's local time."""
    return local_time(entry.info.taken_at)


def size_mb(entry: BackupEntry) -> str:
    """Megabytes with two digits as the language writes them: 0,38."""
    return format_size(entry.info.size)


def schools(entry: BackupEntry) -> str:
    """The schools' short names in the window's language (else the other one, else the name)."""
    if entry.contents is None:
        return _("cannot be read")
    language = current_language()
    names = []
    for school_id, name in entry.contents.schools:
        short = entry.contents.short_names.get(school_id, {})
        names.append(short.get(language) or next((n for n in short.values() if n), "") or name or school_id)
    return ", ".join(names)


def full_names(entry: BackupEntry) -> str | None:
    return "\n".join(name for _id, name in entry.contents.schools) if entry.contents else None


def _count(table: str) -> Callable[[BackupEntry], str]:
    return lambda e: "—" if e.contents is None else str(e.contents.counts.get(table, 0))


def _count_key(table: str) -> Callable[[BackupEntry], int]:
    return lambda e: -1 if e.contents is None else e.contents.counts.get(table, 0)


def _unreadable(entry: BackupEntry) -> QColor | None:
    return UNREADABLE if entry.contents is None else None


class BackupTableModel(RecordTableModel[BackupEntry]):
    def __init__(self, parent: QObject | None = None) -> None:
        counted = [(N_("Teachers"), "teachers"), (N_("Associations"), "associations"),
                   (N_("Meetings"), "meetings"), (N_("Plans"), "plans"),
                   (N_("Mentorships"), "mentorships"), (N_("Lesson visits"), "lesson_visits")]
        super().__init__([
            Column(N_("Date and time"), taken_at, sort_key=lambda e: e.info.taken_at.isoformat()),
            Column(N_("Size, MB"), size_mb, sort_key=lambda e: e.info.size, align_center=True),
            Column(N_("Kind"), lambda e: _(KIND_LABELS.get(e.info.kind, e.info.kind))),
            Column(N_("School"), schools, background=_unreadable, tooltip=full_names),
            *(Column(title, _count(table), sort_key=_count_key(table), align_center=True)
              for title, table in counted),
        ], parent)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The whole header as a tooltip: the count columns are narrow and cut long names short."""
        if role == Qt.ItemDataRole.ToolTipRole:
            role = Qt.ItemDataRole.DisplayRole
        return super().headerData(section, orientation, role)


class BackupsPanel(QWidget):
    """Signal ``restored`` after a backup was put in place (the window reloads everything)."""

    restored = Signal()
    status_message = Signal(object)  # an i18n.Message

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.maintenance = MaintenanceService(session.services)
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
    def back_up_now(self) -> Path | None:
        try:
            path = self.maintenance.backup(self.session.actor, kind="manual")
        except UserError as error:
            self._fail(error)
            return None
        self.refresh()
        self.status_message.emit(Text(N_("Backup made: {path}"), {"path": str(path)}))
        return path

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
        try:
            safety = self.maintenance.restore(self.session.actor, entry.info.path)
        except UserError as error:
            self._fail(error)
            return False
        self.refresh()
        self.restored.emit()
        self.status_message.emit(Text(N_("The backup of {date} was restored; the previous state is kept in "
                                         "{path}."), {"date": entry.info.taken_at, "path": safety.name}))
        return True

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
