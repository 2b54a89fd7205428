"""The cells of a KTP file before import, as the file has them: bad cells red with the problem in
their tooltip, rows that are not lessons (title, header, term headings, totals) grey."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop_app.i18n import N_, _
from desktop_app.services.plan_import import ImportedRow, PlanFile, PlanTable

BAD = QColor("#f8d0d0")
GREY = QColor("#808080")

#: The fields a file column can be read as, with their glossary names ("" ignores the column).
FIELD_LABELS: dict[str, str] = {
    "": N_("— not imported —"),
    "number": N_("No."),
    "term": N_("Term"),
    "section": N_("Section / cross-cutting theme"),
    "topic": N_("Lesson topic"),
    "objectives": N_("Learning objectives"),
    "hours": N_("Number of hours"),
    "date": N_("Date"),
    "note": N_("Note"),
}

#: Columns before the file's own: the row number the user sees in the file, and the term read.
LEADING = 2

AnyIndex = QModelIndex | QPersistentModelIndex


def column_letter(column: int) -> str:
    """A, B, ... Z, AA, AB ... as Excel names its columns."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def one_line(text: str) -> str:
    return " ".join(text.split())


class PlanPreviewModel(QAbstractTableModel):
    """Every row of the table from its first one; a lesson row shows its term in column 1."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table: PlanTable | None = None
        self.parsed: PlanFile | None = None
        self.columns: dict[int, str] = {}
        self._lessons: dict[int, ImportedRow] = {}

    def set_preview(self, table: PlanTable | None, parsed: PlanFile | None, columns: dict[int, str]) -> None:
        self.beginResetModel()
        self.table, self.parsed, self.columns = table, parsed, dict(columns)
        self._lessons = {r.source: r for r in parsed.rows} if parsed is not None else {}
        self.endResetModel()

    def lesson(self, row: int) -> ImportedRow | None:
        return self._lessons.get(row)

    def file_column(self, name: str) -> int | None:
        """The view column showing the file column read as the field ``name``."""
        found = [c for c, f in sorted(self.columns.items()) if f == name]
        return found[0] + LEADING if found else None

    def retranslate(self) -> None:
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), self.index(max(self.rowCount() - 1, 0), self.columnCount() - 1))

    # Qt interface --------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.table is None else len(self.table.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.table is None else self.table.width + LEADING

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or self.table is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return _("Row")
            if section == 1:
                return _("Term")
            heading = one_line(self.table.heading(section - LEADING))
            letter = column_letter(section - LEADING)
            return f"{letter}: {heading[:40]}" if heading else letter
        if role == Qt.ItemDataRole.ToolTipRole and section >= LEADING:
            return self.table.heading(section - LEADING) or None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.table is None or not index.isValid() or not 0 <= index.row() < len(self.table.rows):
            return None
        row, column = index.row(), index.column()
        lesson = self._lessons.get(row)
        field = self.columns.get(column - LEADING, "")
        problem = lesson.problems.get(field) if lesson is not None and field else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(self.table.lines[row])
            if column == 1:
                return str(lesson.row.term) if lesson is not None and lesson.row.term else ""
            if column - LEADING in self.table.spans[row]:
                return ""  # a cell merged from the left shows its text once
            return one_line(self.table.text(row, column - LEADING))
        if role == Qt.ItemDataRole.ToolTipRole:
            if problem is not None:
                return problem.render(_)
            return self.table.text(row, column - LEADING) or None if column >= LEADING else None
        if role == Qt.ItemDataRole.BackgroundRole and problem is not None:
            return QBrush(BAD)
        if role == Qt.ItemDataRole.ForegroundRole and lesson is None:
            return QBrush(GREY)
        if role == Qt.ItemDataRole.TextAlignmentRole and column < LEADING:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
