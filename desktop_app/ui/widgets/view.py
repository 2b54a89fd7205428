"""What every section shares: the session, the selected academic year, search and retranslation."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QWidget

from desktop_app.domain.entities import AcademicYear
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.cells import RecordCellDelegate
from desktop_app.ui.widgets.columns import STRETCH, fit_to_width, readable_titles


class View(QWidget):
    """A section: builds itself in ``_build_ui``, wires in ``_connect``, renames in ``retranslate_ui``.

    The main window calls ``set_year`` when the academic year changes and ``set_search`` with the
    toolbar's search text; ``refresh`` reloads from the services.
    """

    #: A record was saved through this view (other views may need to reload).
    records_changed = Signal()
    #: For the window's status bar: an i18n.Message (a lazy ``Text`` or a refusal, shown again in
    #: the new language after a switch; a plain string only if nothing else will do).
    status_message = Signal(object)

    searchable = True

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.year: AcademicYear | None = None
        self.search_text = ""
        self._build_ui()
        self._connect()
        self.retranslate_ui()

    def _build_ui(self) -> None:
        raise NotImplementedError

    def _connect(self) -> None:
        """Views without signals of their own need nothing here."""

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        """Reload from the services."""

    def set_year(self, year: AcademicYear | None) -> None:
        self.year = year
        self.refresh()

    def set_search(self, text: str) -> None:
        self.search_text = text

    def select_record(self, record: str) -> None:
        """Select the record with this id if the section lists it (an Overview line was opened)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.refresh()  # reference values (subjects, kinds) are shown in the new language too
        super().changeEvent(event)


def make_table(parent: QWidget | None = None) -> QTableView:
    """A read-only, sortable table with whole-row selection, as every list of records uses."""
    table = QTableView(parent)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(True)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    table.setItemDelegate(RecordCellDelegate(table))  # a list of records: one call per painted cell
    header = table.horizontalHeader()
    table.setProperty(STRETCH, True)  # once fitted (``fit_columns``)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    readable_titles(table)
    return table


def fit_columns(table: QTableView, maximum: int = 360, more: Mapping[int, Iterable[str]] | None = None) -> None:
    """Size columns to their contents, no column wider than ``maximum`` pixels, and the widest
    narrowed when the table is narrower than their sum (no sideways scrolling at 1366×768).

    The table is painted once with its new lines: the widgets around it are laid out first and the
    table's own rows too (a list longer than the screen gets its scroll bar now, not after the
    first paint, which a second one would follow), and it is not told of each column's new width
    (it would repaint the columns again at Qt's next turn)."""
    header = table.horizontalHeader()
    blocked = header.blockSignals(True)  # also while a scroll bar appearing narrows the table
    try:
        if table.isVisible():
            _lay_out_around(table)
        table.doItemsLayout()
        # The scroll area shows or hides its scroll bars on a queued call: now, while the header is quiet.
        QApplication.sendEvent(table, QEvent(QEvent.Type.LayoutRequest))
        fit_to_width(table, maximum, more)
    finally:
        header.blockSignals(blocked)
    table.updateGeometries()
    table.viewport().update()


def _lay_out_around(widget: QWidget) -> None:
    """Lay out the widgets holding ``widget`` now, the outermost first (as they would be before
    the next paint), so that it has the size it will be painted at."""
    holders = []
    parent = widget.parentWidget()
    while parent is not None:
        holders.append(parent)
        parent = None if parent.isWindow() else parent.parentWidget()
    for holder in reversed(holders):
        layout = holder.layout()
        if layout is not None:
            layout.activate()
