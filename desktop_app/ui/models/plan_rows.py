"""The rows of a KTP as an editable table: cells keep what was typed, even when it is not valid yet.

Every cell holds its text, so a mistyped date or number of hours stays on screen (red, with the
reason as a tooltip) instead of being thrown away; ``parse()`` turns the texts into plan rows and
names each problem by row and column. A cell is read, and refused, by ``domain.plan_cells`` with
the message the import and the save give. The number column is the row's position: it follows
inserts, deletions and moves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from desktop_app.domain import plan_cells
from desktop_app.domain.calendar import CalendarFinding, Severity
from desktop_app.domain.entities import PlanRow
from desktop_app.domain.errors import N_, DomainError
from desktop_app.domain.plan_cells import NO_TOPIC, CellError, academic_start_year
from desktop_app.i18n import _, format_number
from desktop_app.ui.labels import short_date
from desktop_app.ui.models.table import AnyIndex

OBJECTIVE_SEPARATOR = "; "
ERROR_COLOUR = QColor("#f8d7da")
WARNING_COLOUR = QColor("#fff3cd")


class Col(IntEnum):
    NUMBER = 0
    TERM = 1
    SECTION = 2
    TOPIC = 3
    OBJECTIVES = 4
    HOURS = 5
    DATE = 6
    NOTE = 7


HEADERS = {
    Col.NUMBER: N_("No."),
    Col.TERM: N_("Term"),
    Col.SECTION: N_("Section / cross-cutting theme"),
    Col.TOPIC: N_("Lesson topic"),
    Col.OBJECTIVES: N_("Learning objectives"),
    Col.HOURS: N_("Number of hours"),
    Col.DATE: N_("Date"),
    Col.NOTE: N_("Note"),
}


@dataclass
class RowText:
    """One row as typed: a text per column (the number column is not stored)."""

    cells: dict[Col, str] = field(default_factory=dict)

    def text(self, column: Col) -> str:
        return self.cells.get(column, "")

    def blank(self) -> bool:
        return not any(self.text(c).strip() for c in Col if c not in (Col.HOURS, Col.TERM))


def row_text(row: PlanRow) -> RowText:
    return RowText({
        Col.TERM: str(row.term) if row.term is not None else "",
        Col.SECTION: row.section or "",
        Col.TOPIC: row.topic,
        Col.OBJECTIVES: OBJECTIVE_SEPARATOR.join(row.objectives),
        Col.HOURS: format_hours(row.hours),
        Col.DATE: short_date(row.date) if row.date else "",
        Col.NOTE: row.note or "",
    })


def format_hours(hours: float) -> str:
    """4 or 0,5: hours as the language writes them."""
    return format_number(hours)


def parse_date(text: str, start_year: int | None = None) -> date | None:
    """A date typed in the editor, read as the import reads it (``plan_cells.parse_date``): dd.mm takes
    the year of the school year starting in ``start_year`` (by default the one under way today)."""
    return plan_cells.parse_date(text, academic_start_year(date.today()) if start_year is None else start_year)


def start_year_of(rows: Sequence[PlanRow]) -> int:
    """The school year a plan's dd.mm dates belong to: that of its first dated lesson, else today's."""
    day = next((r.date for r in rows if r.date is not None), None)
    return academic_start_year(day or date.today())


class PlanRowsModel(QAbstractTableModel):
    """``edited`` after every change of the rows (typing, inserting, moving, deleting)."""

    edited = Signal()

    def __init__(self, rows: Sequence[PlanRow] = (), parent: QObject | None = None,
                 start_year: int | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowText] = [row_text(r) for r in rows]
        self._findings: dict[int, list[tuple[CalendarFinding, str]]] = {}
        self._read_only = False
        #: The calendar year the plan's school year starts in: dd.mm dates take their year from it.
        self._start_year = start_year_of(rows) if start_year is None else start_year

    # Qt interface --------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = Col(index.column())
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return str(index.row() + 1) if column is Col.NUMBER else row.text(column)
        findings = self._findings.get(index.row() + 1, []) if column is Col.DATE else []
        if role == Qt.ItemDataRole.BackgroundRole:
            if self._cell_error(index.row(), column) is not None or any(
                    f.severity is Severity.ERROR for f, _text in findings):
                return QBrush(ERROR_COLOUR)
            return QBrush(WARNING_COLOUR) if findings else None
        if role == Qt.ItemDataRole.ToolTipRole:
            problem = self.cell_problem(index.row(), column)
            lines = ([problem] if problem else []) + [text for _f, text in findings]
            return "\n".join(lines) if lines else (row.text(column) or None)
        if role == Qt.ItemDataRole.DecorationRole and column is Col.DATE and findings:
            return QColor("#b00020") if any(f.severity is Severity.ERROR for f, _t in findings) else QColor("#c98a00")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Col.NUMBER, Col.TERM, Col.HOURS, Col.DATE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._read_only:
            return False
        column = Col(index.column())
        if column is Col.NUMBER or not 0 <= index.row() < len(self._rows):
            return False
        text = "" if value is None else str(value)
        if column is Col.TERM and text.strip():
            term = _or(plan_cells.parse_term, text, None)  # a term that is not one is kept as typed
            text = str(term) if term is not None else text
        row = self._rows[index.row()]
        if row.text(column) == text:
            return True
        row.cells[column] = text
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._read_only and index.column() != Col.NUMBER:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Col):
            return _(HEADERS[Col(section)])
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def insertRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or not 0 <= row <= len(self._rows) or self._read_only:
            return False
        self.beginInsertRows(QModelIndex(), row, row + count - 1)
        for offset in range(count):
            self._rows.insert(row + offset, self._new_row(row + offset))
        self.endInsertRows()
        self._renumbered(row)
        self.edited.emit()
        return True

    def removeRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._rows) or self._read_only:
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._rows[row:row + count]
        self.endRemoveRows()
        self._renumbered(row)
        self.edited.emit()
        return True

    # Ours ----------------------------------------------------------------------------------
    def _new_row(self, position: int) -> RowText:
        """A new row takes the term of the row above it and one hour (a row with nothing else typed
        is blank, and blank rows at the end are not saved)."""
        above = self._rows[position - 1] if position > 0 else None
        return RowText({Col.TERM: above.text(Col.TERM) if above else "1", Col.HOURS: "1"})

    def _renumbered(self, first: int) -> None:
        if first < len(self._rows):
            self.dataChanged.emit(self.index(first, Col.NUMBER), self.index(len(self._rows) - 1, Col.NUMBER))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, max(len(self._rows) - 1, 0))

    def set_start_year(self, start_year: int) -> None:
        """The school year of the plan (from its academic year), for dates typed as dd.mm."""
        self._start_year = start_year
        if self._rows:
            self.dataChanged.emit(self.index(0, Col.DATE), self.index(len(self._rows) - 1, Col.DATE))

    def set_rows(self, rows: Sequence[PlanRow]) -> None:
        self.beginResetModel()
        self._rows = [row_text(r) for r in rows]
        self._findings = {}
        self.endResetModel()
        self.edited.emit()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only

    @property
    def read_only(self) -> bool:
        return self._read_only

    def append_row(self) -> int:
        """A new row at the end; its position."""
        self.insertRows(len(self._rows), 1)
        return len(self._rows) - 1

    def remove_rows(self, rows: Sequence[int]) -> None:
        """Remove the given rows (any order), each block at once."""
        for row in sorted(set(rows), reverse=True):
            self.removeRows(row, 1)

    def move_row(self, row: int, delta: int) -> bool:
        """Move one row up (-1) or down (+1); the numbers follow the new order."""
        target = row + delta
        if self._read_only or not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return False
        destination = target + 1 if delta > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        self._renumbered(min(row, target))
        self.edited.emit()
        return True

    def clear_cells(self, indexes: Sequence[QModelIndex]) -> int:
        """Empty the given cells, as Delete does in a spreadsheet (the rows stay); how many changed.

        The number column is the row's position and is left alone; one ``dataChanged`` covers the
        cells cleared, then ``edited`` once."""
        if self._read_only:
            return 0
        changed: list[tuple[int, int]] = []
        for index in indexes:
            if not index.isValid() or index.column() == Col.NUMBER or not 0 <= index.row() < len(self._rows):
                continue
            cells = self._rows[index.row()].cells
            column = Col(index.column())
            if cells.get(column, ""):
                cells[column] = ""
                changed.append((index.row(), index.column()))
        if not changed:
            return 0
        rows, columns = [r for r, _c in changed], [c for _r, c in changed]
        self.dataChanged.emit(self.index(min(rows), min(columns)), self.index(max(rows), max(columns)))
        self.edited.emit()
        return len(changed)

    def set_dates(self, dates: Sequence[date | None]) -> None:
        """The date column of the first ``len(dates)`` rows (from filling by the timetable)."""
        for position, day in enumerate(dates[:len(self._rows)]):
            self._rows[position].cells[Col.DATE] = short_date(day) if day else ""
        if self._rows:
            self.dataChanged.emit(self.index(0, Col.DATE), self.index(len(self._rows) - 1, Col.DATE))
        self.edited.emit()

    def set_findings(self, findings: Sequence[CalendarFinding], texts: Sequence[str]) -> None:
        """Rule 7 findings (with their texts in the window's language) shown in the date cells."""
        self._findings = {}
        for finding, text in zip(findings, texts, strict=True):
            if finding.row is not None:
                self._findings.setdefault(finding.row, []).append((finding, text))
        if self._rows:
            self.dataChanged.emit(self.index(0, Col.DATE), self.index(len(self._rows) - 1, Col.DATE))

    def cell_problem(self, row: int, column: Col) -> str | None:
        """Why the cell's text cannot be saved, in the window's language; None when it can."""
        error = self._cell_error(row, column)
        return error.render(_) if error is not None else None

    def _cell_error(self, row: int, column: Col) -> DomainError | None:
        """The refusal of the cell, with the message the import and the save give (``plan_cells``)."""
        text = self._rows[row].text(column)
        number = row + 1
        field_name = f"rows.{number}.{column.name.lower()}"
        try:
            self._value(column, text)
        except CellError as error:
            return error.at(number, field=field_name)
        if column is Col.TOPIC and not text.strip() and not self._trailing_blank(row):
            return CellError("topic", NO_TOPIC).at(number, field=field_name)
        return None

    def _value(self, column: Col, text: str) -> object:
        """The value of a term, hours or date cell; ``CellError`` when it cannot be saved."""
        if column is Col.DATE:
            return plan_cells.parse_date(text, self._start_year)
        if column is Col.HOURS:
            return plan_cells.parse_hours(text)
        if column is Col.TERM:
            return plan_cells.parse_term(text)
        return text

    def _trailing_blank(self, row: int) -> bool:
        return all(r.blank() for r in self._rows[row:])

    def parse(self) -> tuple[list[PlanRow], list[DomainError]]:
        """The rows as a plan holds them (blank rows at the end left out) and every problem found.

        A cell that does not parse is read as empty (hours as 0), so the calendar check can still
        run on the rest while the user corrects it."""
        rows: list[PlanRow] = []
        errors: list[DomainError] = []
        for position, typed in enumerate(self._rows):
            if self._trailing_blank(position):
                break
            for column in (Col.TERM, Col.TOPIC, Col.HOURS, Col.DATE):
                error = self._cell_error(position, column)
                if error is not None:
                    errors.append(error)
            rows.append(PlanRow(
                number=position + 1,
                topic=typed.text(Col.TOPIC).strip(),
                hours=_or(plan_cells.parse_hours, typed.text(Col.HOURS), 0.0),
                term=_or(plan_cells.parse_term, typed.text(Col.TERM), None),
                section=typed.text(Col.SECTION).strip() or None,
                objectives=[o.strip() for o in typed.text(Col.OBJECTIVES).split(";") if o.strip()],
                date=_or(lambda text: plan_cells.parse_date(text, self._start_year), typed.text(Col.DATE), None),
                note=typed.text(Col.NOTE).strip() or None,
            ))
        return rows, errors

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Col) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Col) - 1))


def _or(parse: Any, text: str, default: Any) -> Any:
    try:
        return parse(text)
    except ValueError:
        return default
