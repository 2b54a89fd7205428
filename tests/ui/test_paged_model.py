"""The model of a list too long to read whole (``PagedTableModel``): every line of the list is a row,
a line is read when it is asked for (with the pages before it, none twice), and a new list keeps the
rows: those it lacks are removed at the end, those it adds are inserted there, and of the lines
read (the only ones ever painted) those that differ are told changed."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex

from desktop_app.ui.models.paged import PagedTableModel
from desktop_app.ui.models.table import Column

Line = tuple[int, str]
COLUMNS = [Column("N", lambda line: str(line[0])), Column("Text", lambda line: line[1])]
PAGE = 10


class Source:
    """A list read a page at a time, as the Plans section reads its query; ``reads`` records each."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = list(lines)
        self.reads: list[tuple[int, int]] = []

    def __call__(self, offset: int, limit: int) -> list[Line]:
        self.reads.append((offset, limit))
        return self.lines[offset:offset + limit]


def lines(count: int, text: str = "line") -> list[Line]:
    return [(n, f"{text} {n}") for n in range(count)]


class Signals:
    """What the model told its views."""

    def __init__(self, model: PagedTableModel[Line]) -> None:
        self.log: list[tuple[str, int, int]] = []
        model.rowsInserted.connect(lambda _p, first, last: self.log.append(("inserted", first, last)))
        model.rowsRemoved.connect(lambda _p, first, last: self.log.append(("removed", first, last)))
        model.dataChanged.connect(lambda a, b, _r=(): self.log.append(("changed", a.row(), b.row())))
        model.modelReset.connect(lambda: self.log.append(("reset", 0, 0)))


def opened(all_lines: Sequence[Line], first: int = 5) -> tuple[PagedTableModel[Line], Source]:
    source = Source(all_lines)
    model: PagedTableModel[Line] = PagedTableModel(COLUMNS, page=PAGE)
    model.set_page(all_lines[:first], len(all_lines), source)
    return model, source


def test_every_line_is_a_row_and_is_read_when_asked_for(qtbot) -> None:  # type: ignore[no-untyped-def]
    whole = lines(95)
    model, source = opened(whole)
    signals = Signals(model)
    assert model.rowCount() == model.record_count() == 95 and model.lines_read() == 5
    assert model.cell(3, 1) == ("line 3", None, None, False) and source.reads == []
    assert model.cell(7, 1) is not None and source.reads == [(5, PAGE)]  # the page after the first lines
    assert model.index(60, 0).data() == "60"  # through line 60, whole pages, from the first not read
    assert source.reads[-1] == (15, 50) and model.lines_read() == 65
    assert model.record(94) == whole[94] and model.lines_read() == 95
    assert model.records() == whole and len(source.reads) == 3  # no line read twice
    assert signals.log == []  # the rows were there: reading them tells the view nothing
    assert not model.canFetchMore()
    assert model.cell(95, 0) is None and model.cell(-1, 0) is None and model.cell(0, 2) is None
    with pytest.raises(IndexError):
        model.record(95)


def test_qt_finds_the_model_consistent(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model, _source = opened(lines(57))
    qtmodeltester.check(model, force_py=True)


def test_a_new_list_changes_what_it_must_and_no_more(qtbot) -> None:  # type: ignore[no-untyped-def]
    model, source = opened(lines(95))
    model.cell(12, 0)  # painted through line 12: 15 read
    signals = Signals(model)
    shorter = lines(3) + lines(77, "other")[3:]  # the first three lines the same, 80 in all
    model.set_page(shorter[:5], 80, Source(shorter))
    assert signals.log == [("removed", 80, 94), ("changed", 3, 14)]  # the lines read, from the first new one
    assert model.rowCount() == 80 and model.lines_read() == 5 and model.record(40) == shorter[40]

    signals.log.clear()
    longer = shorter[:40] + lines(120, "third")[40:]
    model.set_page(longer[:5], 120, Source(longer))  # the first five the same: lines 5-44 were read
    assert signals.log == [("inserted", 80, 119), ("changed", 5, 44)]  # (not compared: not read anew)
    assert [model.record(n) for n in (4, 39, 40, 119)] == [longer[4], longer[39], longer[40], longer[119]]

    signals.log.clear()
    model.set_page(longer[:5], 120, Source(longer))  # the same list read again: the lines read after
    assert signals.log == [("changed", 5, 119)]  # the first five may have changed (read again if shown)
    signals.log.clear()
    model.set_page(longer[:5], 120, Source(longer))  # only the first lines read: nothing to tell
    assert signals.log == []
    model.set_page([], 0, None)
    assert signals.log == [("removed", 0, 119)] and model.rowCount() == 0 and model.records() == []
    assert source.reads == [(5, PAGE)]


def test_a_list_found_shorter_than_counted_says_so_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    model, source = opened(lines(95))
    source.lines = source.lines[:50]  # plans deleted meanwhile by someone else
    with qtbot.waitSignal(model.outdated, timeout=1000):
        assert model.has_line(40)
        assert not model.has_line(70)  # no such line any more: not shown as another's
    assert model.cell(70, 0) is None and model.index(70, 0).data() is None
    reads = len(source.reads)
    with qtbot.assertNotEmitted(model.outdated, wait=50):
        assert not model.has_line(90)  # said once; nothing more is read from that list
    assert len(source.reads) == reads


def test_a_whole_list_given_at_once_is_all_read(qtbot) -> None:  # type: ignore[no-untyped-def]
    model: PagedTableModel[Line] = PagedTableModel(COLUMNS, page=PAGE)
    model.set_records(lines(30))
    assert model.rowCount() == model.lines_read() == 30 and model.record(29) == (29, "line 29")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 120), st.integers(0, 40), st.integers(0, 3)), min_size=1, max_size=6),
       st.lists(st.integers(0, 130), max_size=8))
def test_rows_always_show_the_current_list(lists: list[tuple[int, int, int]], asked: list[int]) -> None:
    """Whatever lists follow one another and whichever lines are asked for in between, each row
    shows the current list's line at its place, and the rows are as many as its lines."""
    model: PagedTableModel[Line] = PagedTableModel(COLUMNS, page=PAGE)
    rows = [0]
    model.rowsInserted.connect(lambda _p, first, last: rows.__setitem__(0, rows[0] + last - first + 1))
    model.rowsRemoved.connect(lambda _p, first, last: rows.__setitem__(0, rows[0] - (last - first + 1)))
    for (count, first, variant), row in zip(lists, asked + [0] * len(lists), strict=False):
        current = [(n, f"v{variant if n >= 3 else 0} {n}") for n in range(count)]
        model.set_page(current[:first], count, Source(current))
        assert rows[0] == model.rowCount() == count
        model.cell(row, 0)
        assert model.records() == current[:model.lines_read()]
        for n in {0, count // 2, count - 1} if count else ():
            assert model.index(n, 1).data() == current[n][1]
    assert not model.index(0, 0, model.index(0, 0)).isValid() and model.rowCount(QModelIndex()) == rows[0]
