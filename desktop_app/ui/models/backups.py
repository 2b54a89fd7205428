"""The backups of Settings → Backups as a table: when, how big, which kind, which school, how many records."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from desktop_app.i18n import N_, _, current_language, format_size
from desktop_app.services.maintenance import BACKUP_KIND_LABELS, BackupEntry
from desktop_app.ui.labels import local_time
from desktop_app.ui.models.table import Column, RecordTableModel

KIND_LABELS = BACKUP_KIND_LABELS
UNREADABLE = QColor("#f8d7da")


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
