"""The rows of a KTP typed from the keyboard, as a teacher types them from a paper plan.

Typing starts editing, Enter and Tab move on, going past the last cell adds a row, Delete and
Backspace empty the selected cells as in a spreadsheet; the row commands (insert, delete, move)
are here, the dialog that holds the table gives them their buttons and keys (Ctrl+Insert,
Ctrl+Delete, Alt+Up, Alt+Down).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QApplication, QHeaderView, QTableView, QWidget

from desktop_app.ui.models.plan_rows import Col, PlanRowsModel


class PlanRowsView(QTableView):
    """Fast entry: typing starts editing, Enter and Tab move on, going past the last cell adds a row."""

    def __init__(self, model: PlanRowsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = model
        self.setModel(model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(True)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        for column, width in ((Col.NUMBER, 36), (Col.TERM, 70), (Col.SECTION, 150), (Col.OBJECTIVES, 170),
                              (Col.HOURS, 120), (Col.DATE, 110), (Col.NOTE, 120)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(Col.TOPIC, QHeaderView.ResizeMode.Stretch)

    def moveCursor(self, action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        current = self.currentIndex()
        if action is QAbstractItemView.CursorAction.MoveNext and current.isValid() \
                and current.row() == self.rows.rowCount() - 1 and current.column() == Col.NOTE \
                and not self.rows.read_only:
            return self.rows.index(self.rows.append_row(), Col.TERM)
        index = super().moveCursor(action, modifiers)
        if action is QAbstractItemView.CursorAction.MoveNext and index.column() == Col.NUMBER:
            index = self.rows.index(index.row(), Col.TERM)
        return index

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if hint is QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter moves on, as Tab does
            hint = QAbstractItemDelegate.EndEditHint.EditNextItem
        super().closeEditor(editor, hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) \
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier) \
                and self.state() is not QAbstractItemView.State.EditingState:
            self.clear_selected_cells()  # Ctrl+Delete, which deletes rows, is the dialog's shortcut
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and self.state() is not QAbstractItemView.State.EditingState:
            self.setCurrentIndex(self.moveCursor(QAbstractItemView.CursorAction.MoveNext,
                                                 Qt.KeyboardModifier.NoModifier))
            return
        super().keyPressEvent(event)

    def clear_selected_cells(self) -> int:
        """Delete and Backspace empty the selected cells (or the current one), not the rows."""
        indexes = self.selectionModel().selectedIndexes()
        if not indexes and self.currentIndex().isValid():
            indexes = [self.currentIndex()]
        return self.rows.clear_cells(indexes)

    def finish_editing(self) -> None:
        """Keep the cell being typed and close its editor (before saving or jumping to a row)."""
        editor = QApplication.focusWidget()
        if self.state() is QAbstractItemView.State.EditingState and editor is not None \
                and self.isAncestorOf(editor):
            delegate = self.itemDelegate()
            delegate.commitData.emit(editor)
            delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def selected_rows(self) -> list[int]:
        rows = {i.row() for i in self.selectionModel().selectedIndexes()}
        if not rows and self.currentIndex().isValid():
            rows = {self.currentIndex().row()}
        return sorted(rows)

    # The row commands of the dialog's buttons and keys ----------------------------------------
    def insert_row(self) -> None:
        """An empty row before the current one (at the end without one), the cursor in its topic."""
        if self.rows.read_only:
            return
        current = self.currentIndex()
        position = current.row() if current.isValid() else self.rows.rowCount()
        self.rows.insertRows(position, 1)
        self.setCurrentIndex(self.rows.index(position, Col.TOPIC))
        self.setFocus()

    def delete_rows(self) -> None:
        rows = self.selected_rows()
        if not rows or self.rows.read_only:
            return
        self.rows.remove_rows(rows)
        if self.rows.rowCount():
            self.setCurrentIndex(self.rows.index(min(rows[0], self.rows.rowCount() - 1), Col.TOPIC))

    def move_row(self, delta: int) -> None:
        current = self.currentIndex()
        if current.isValid() and self.rows.move_row(current.row(), delta):
            self.setCurrentIndex(self.rows.index(current.row() + delta, current.column()))
