"""The cells of an attendance table (the own members', and those from other schools): a name, a
"present" check box and the reason of absence beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem


def cell(text: str, editable: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags)
    return item


def present_cell(present: bool) -> QTableWidgetItem:
    item = cell("")
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if present else Qt.CheckState.Unchecked)
    return item


def mark_of(table: QTableWidget, row: int, column: int) -> tuple[bool, str | None]:
    """Present, and the reason (None when present or left empty), from ``column`` and the next one."""
    box, text = table.item(row, column), table.item(row, column + 1)
    present = box is not None and box.checkState() == Qt.CheckState.Checked
    reason = text.text().strip() if text is not None else ""
    return present, None if present or not reason else reason
