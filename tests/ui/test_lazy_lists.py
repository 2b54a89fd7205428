"""A long list hands its rows to the view as it is scrolled (canFetchMore/fetchMore), sorts all of
them, not only those fetched, and the Documents section counts and selects the unfetched too."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.ui.models.sorting import fold
from desktop_app.ui.models.table import Column, RecordFilterProxy, RecordTableModel
from desktop_app.ui.views import documents
from desktop_app.ui.views.documents import DocumentsView
from desktop_app.ui.widgets.columns import FIRST_ROWS, WANTED
from desktop_app.ui.widgets.view import fit_columns, make_table


@dataclass(frozen=True)
class Line:
    number: int
    name: str


def _table(qtbot, count: int, batch: int):  # type: ignore[no-untyped-def]
    model: RecordTableModel[Line] = RecordTableModel(
        [Column("Number", lambda r: str(r.number), sort_key=lambda r: r.number), Column("Name", lambda r: r.name)],
        batch=batch)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    table = make_table()
    table.setModel(proxy)
    qtbot.addWidget(table)
    table.resize(400, 300)
    table.show()
    model.set_records([Line(n, f"Мұғалім {n:04d}") for n in range(count)])
    QApplication.processEvents()
    return table, proxy, model


def test_a_long_list_fetches_more_on_scroll(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    table, proxy, model = _table(qtbot, 1000, 50)
    assert proxy.rowCount() == 50 and model.record_count() == 1000
    bar = table.verticalScrollBar()
    for expected in (100, 150):
        bar.setValue(bar.maximum())  # the user scrolls to the end of what is there
        QApplication.processEvents()
        assert proxy.rowCount() == expected
    table.scrollToTop()
    QApplication.processEvents()
    assert proxy.rowCount() == 150  # scrolling back fetches nothing
    qtmodeltester.check(model)


def test_sorting_orders_every_row_not_only_the_fetched(qtbot) -> None:  # type: ignore[no-untyped-def]
    table, proxy, model = _table(qtbot, 1000, 50)
    table.selectRow(3)
    chosen = model.record(proxy.source_row(3))
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    QApplication.processEvents()
    assert [model.record(proxy.source_row(r)).number for r in range(3)] == [999, 998, 997]
    rows = table.selectionModel().selectedRows()
    assert [model.record(proxy.source_row(i.row())) for i in rows] == [chosen]  # the selection follows
    proxy.set_search("0999")
    assert proxy.rowCount() == 1 and proxy.matching() == [0]


def test_documents_count_and_select_beyond_what_is_fetched(qtbot, sign_in, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(documents, "FETCH_BATCH", 3)
    session = sign_in("administrator")
    view = DocumentsView(session)
    qtbot.addWidget(view)
    view.resize(1000, 150)
    view.show()
    year = next(y for y in session.services.schools.list_years(session.actor, session.school) if y.id == "2026-2027")
    view.set_year(year)
    QApplication.processEvents()
    total = len(view.entries)
    assert total > 3 and view.model.record_count() == total and view.proxy.rowCount() < total
    assert len(view.shown()) == total and f"{total}" in view.counts_label.text()
    last = view.model.record(total - 1)
    view.select([last])
    assert view.selected() == [last]


@settings(max_examples=60, deadline=None)
@given(names=st.lists(st.text(alphabet="аәбғқңөұүһіАӘБҒҚҢӨҰҮҺІ ёЁ:*\t\n\0xyzXYZ", max_size=12), min_size=1, max_size=8),
       needle=st.text(alphabet="аәбғқңөұүһіАӘБҒҚҢӨҰҮҺІ ёЁxyzXYZ", min_size=1, max_size=4))
def test_the_search_finds_what_folding_each_row_finds(names: list[str], needle: str) -> None:
    """The rows' search texts are folded in one pass; a search finds the same rows as folding each
    row alone (Kazakh capitals too: «ҚАЗ» finds «қаз»)."""
    model: RecordTableModel[Line] = RecordTableModel(
        [Column("Number", lambda r: str(r.number)), Column("Name", lambda r: r.name)])
    model.set_records([Line(n, name) for n, name in enumerate(names)])
    wanted = fold(needle.strip())
    assume(wanted)
    alone = [wanted in fold(f"{n} {name}".replace("\0", " ")) for n, name in enumerate(names)]
    assert [wanted in model.search_text(row) for row in range(len(names))] == alone


def test_columns_are_as_wide_as_their_shown_texts(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The widths come from the first screen of rows (not from every row) and match Qt's own measure
    of those rows within a pixel."""
    table, _proxy, model = _table(qtbot, 1000, 50)
    model.set_records([Line(n, "Мұғалім " + "ә" * (n % 30)) for n in range(1000)])
    fit_columns(table, maximum=2000)
    ours = [table.property(WANTED)[c] for c in range(2)]
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(FIRST_ROWS - 1)
    table.resizeColumnsToContents()
    qt = [header.sectionSize(c) for c in range(2)]
    assert all(0 <= a - b <= 1 for a, b in zip(ours, qt, strict=True)), (ours, qt)
