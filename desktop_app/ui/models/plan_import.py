"""The cells of a KTP file before import, as the file has them: bad cells red with the problem in
their tooltip, rows that are not lessons (title, header, term headings, totals) grey.

A cell of a row from the first lesson row on can be corrected in place: the model only reports the
new text (``cell_edited``); the dialog keeps it in its copy of the table, reads the rows again and
gives the model the cells corrected so far, shown italic on a pale blue (the file is never written)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_app.i18n import N_, _
from desktop_app.services.plan_import import ImportedRow, PlanFile, PlanTable

BAD = QColor("#f8d0d0")
GREY = QColor("#808080")
#: A cell corrected in the preview (a bad one stays red until it reads well).
EDITED = QColor("#e3ecfa")

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

    #: A cell was given a new text: the row of ``table.rows``, the file column, the text.
    cell_edited = Signal(int, int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table: PlanTable | None = None
        self.parsed: PlanFile | None = None
        self.columns: dict[int, str] = {}
        #: The cells corrected here (row, file column) → the text the file has.
        self.edited: dict[tuple[int, int], str] = {}
        #: Rows before this one (title, header) cannot be corrected.
        self.first = 0
        self._lessons: dict[int, ImportedRow] = {}

    def set_preview(self, table: PlanTable | None, parsed: PlanFile | None, columns: dict[int, str],
                    edited: dict[tuple[int, int], str] | None = None, first: int = 0) -> None:
        """A table of the same shape is shown again in place (the current cell and the editor stay);
        another one resets the model."""
        same = table is not None and self.table is not None and len(table.rows) == len(self.table.rows) \
            and table.width == self.table.width
        if not same:
            self.beginResetModel()
        self.table, self.parsed, self.columns = table, parsed, dict(columns)
        self.edited, self.first = dict(edited or {}), first
        self._lessons = {r.source: r for r in parsed.rows} if parsed is not None else {}
        if not same:
            self.endResetModel()
        elif self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def editable(self, row: int, column: int) -> bool:
        """A cell of the file (not the row number or term shown before them) in a row that is or could be
        a lesson: from the first lesson row on, not the header row nor a cell merged from the left."""
        table = self.table
        return table is not None and LEADING <= column < table.width + LEADING and self.first <= row < \
            len(table.rows) and row != table.header and column - LEADING not in table.spans[row]

    def edit_text(self, row: int, column: int) -> str:
        """The cell's text in one line, as the editor shows it: learning objectives one per line in the
        file are separated by "; ", which reads as the same objectives."""
        if self.table is None:
            return ""
        text = self.table.text(row, column - LEADING)
        if self.columns.get(column - LEADING) == "objectives":
            lines = (line.strip().rstrip(";").strip() for line in text.splitlines())
            return "; ".join(line for line in lines if line)
        return one_line(text)

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
        edited = (row, column - LEADING) in self.edited
        if role == Qt.ItemDataRole.EditRole:
            return self.edit_text(row, column) if self.editable(row, column) else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(self.table.lines[row])
            if column == 1:
                return str(lesson.row.term) if lesson is not None and lesson.row.term else ""
            if column - LEADING in self.table.spans[row]:
                return ""  # a cell merged from the left shows its text once
            return one_line(self.table.text(row, column - LEADING))
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = problem.render(_) if problem is not None else \
                self.table.text(row, column - LEADING) or None if column >= LEADING else None
            if edited:
                note = _("Edited here; the file is not changed (it has «{value}»).").format(
                    value=one_line(self.edited[row, column - LEADING]))
                return f"{tip}\n{note}" if tip else note
            return tip
        if role == Qt.ItemDataRole.BackgroundRole and problem is not None:
            return QBrush(BAD)
        if role == Qt.ItemDataRole.BackgroundRole and edited:
            return QBrush(EDITED)
        if role == Qt.ItemDataRole.FontRole and edited:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and lesson is None:
            return QBrush(GREY)
        if role == Qt.ItemDataRole.TextAlignmentRole and column < LEADING:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.editable(index.row(), index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Reports the new text of a cell that can be corrected (``cell_edited``); the same text is no
        change. The dialog shows the cells read again (``set_preview``)."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or \
                not self.editable(index.row(), index.column()):
            return False
        text = "" if value is None else str(value).strip()
        if text == self.edit_text(index.row(), index.column()):
            return True
        self.cell_edited.emit(index.row(), index.column() - LEADING, text)
        return True
