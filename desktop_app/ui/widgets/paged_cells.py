"""The cells of a list read a page at a time, painted from what each line showed when it was fetched
(``PagedTableModel.cell``, a lookup), by the shared delegate of lists (``widgets.cells``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QWidget

from desktop_app.ui.models.paged import PagedTableModel
from desktop_app.ui.models.table import Cell
from desktop_app.ui.widgets.cells import CellDelegate


class PagedCellDelegate(CellDelegate):
    """Paints the cells of ``model`` (the table's own model: no proxy between them)."""

    def __init__(self, model: PagedTableModel[Any], parent: QWidget) -> None:
        super().__init__(parent)
        self._model = model

    def cell(self, index: QModelIndex | QPersistentModelIndex) -> Cell | None:
        return self._model.cell(index.row(), index.column())
