"""PlanRowsModel: typed cells are kept, rows are inserted, moved and removed, numbers follow."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt

from desktop_app import i18n
from desktop_app.domain.calendar import CalendarFinding, Severity
from desktop_app.domain.entities import PlanRow
from desktop_app.ui.models.plan_rows import ERROR_COLOUR, WARNING_COLOUR, Col, PlanRowsModel, parse_date

ROWS = [
    PlanRow(1, "Компьютер", 1, term=1, section="7.1", objectives=["7.1.1.1", "7.1.1.2"], date=date(2026, 9, 2)),
    PlanRow(2, "Ақпарат", 0.5, term=1, section="7.1"),
    PlanRow(3, "Алгоритм", 2, term=2, note="БЖБ"),
]


def _set(model: PlanRowsModel, row: int, column: Col, text: str) -> bool:
    return model.setData(model.index(row, column), text)


def _text(model: PlanRowsModel, row: int, column: Col) -> str:
    return str(model.data(model.index(row, column)))


def test_the_model_passes_qt_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = PlanRowsModel(ROWS)
    model.append_row()
    model.move_row(0, 1)
    model.remove_rows([1])
    model.set_findings([CalendarFinding("p", 1, None, Severity.ERROR, "x")], ["x"])
    qtmodeltester.check(model)


def test_rows_read_back_as_they_were_given() -> None:
    model = PlanRowsModel(ROWS)
    assert model.rowCount() == 3 and model.columnCount() == len(Col)
    assert _text(model, 0, Col.OBJECTIVES) == "7.1.1.1; 7.1.1.2"
    assert _text(model, 1, Col.HOURS) == "0,5" and _text(model, 0, Col.DATE) == "02.09.2026"
    rows, errors = model.parse()
    assert errors == [] and rows == ROWS


def test_inserted_moved_and_removed_rows_are_renumbered() -> None:
    model = PlanRowsModel(ROWS)
    changes: list[int] = []
    model.edited.connect(lambda: changes.append(1))
    assert model.insertRows(1, 1)
    assert _text(model, 1, Col.TERM) == "1" and _text(model, 1, Col.HOURS) == "1"
    _set(model, 1, Col.TOPIC, "Жаңа")
    assert [_text(model, r, Col.NUMBER) for r in range(4)] == ["1", "2", "3", "4"]
    assert model.move_row(1, -1) and _text(model, 0, Col.TOPIC) == "Жаңа"
    assert model.move_row(3, 1) is False and model.move_row(0, -1) is False
    assert model.move_row(0, 1) and _text(model, 1, Col.TOPIC) == "Жаңа"
    model.remove_rows([0, 2])
    rows, errors = model.parse()
    assert errors == [] and [(r.number, r.topic) for r in rows] == [(1, "Жаңа"), (2, "Алгоритм")]
    assert changes


def test_a_mistyped_cell_is_kept_and_named() -> None:
    i18n.set_language("ru")
    model = PlanRowsModel(ROWS)
    assert _set(model, 0, Col.DATE, "31.02.2026") and _text(model, 0, Col.DATE) == "31.02.2026"
    assert _set(model, 1, Col.HOURS, "много")
    assert _set(model, 2, Col.TERM, "V")
    assert model.data(model.index(0, Col.DATE), Qt.ItemDataRole.BackgroundRole).color() == ERROR_COLOUR
    assert "31.02.2026" in model.data(model.index(0, Col.DATE), Qt.ItemDataRole.ToolTipRole)
    rows, errors = model.parse()
    assert [e.field for e in errors] == ["rows.1.date", "rows.2.hours", "rows.3.term"]
    assert rows[0].date is None and rows[1].hours == 0 and rows[2].term is None
    assert "Строка 1" in errors[0].render(i18n._)


def test_terms_dates_and_hours_are_read_the_way_teachers_type_them() -> None:
    model = PlanRowsModel([])
    row = model.append_row()
    for column, text in ((Col.TERM, "III"), (Col.TOPIC, "Тема"), (Col.HOURS, "0.5"), (Col.DATE, "9.1.27")):
        _set(model, row, column, text)
    assert _text(model, row, Col.TERM) == "3"
    rows, errors = model.parse()
    assert errors == [] and (rows[0].term, rows[0].hours, rows[0].date) == (3, 0.5, date(2027, 1, 9))
    assert parse_date("2026-09-02") == date(2026, 9, 2) and parse_date(" ") is None


def test_blank_rows_at_the_end_are_left_out_but_not_in_the_middle() -> None:
    model = PlanRowsModel(ROWS[:1])
    model.append_row()
    model.append_row()
    rows, errors = model.parse()
    assert len(rows) == 1 and errors == []
    _set(model, 2, Col.TOPIC, "Соңғы")
    rows, errors = model.parse()
    assert len(rows) == 3 and [e.field for e in errors] == ["rows.2.topic"]


def test_findings_colour_the_date_cell_of_their_row() -> None:
    model = PlanRowsModel(ROWS)
    holiday = CalendarFinding("p", 1, date(2026, 9, 2), Severity.ERROR, "Row {row}: {date} is a holiday")
    term = CalendarFinding("p", 3, None, Severity.WARNING, "w")
    plan_wide = CalendarFinding("p", None, None, Severity.WARNING, "hours")
    model.set_findings([holiday, term, plan_wide], ["holiday!", "term!", "hours!"])
    index = model.index(0, Col.DATE)
    assert model.data(index, Qt.ItemDataRole.BackgroundRole).color() == ERROR_COLOUR
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "holiday!"
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(model.index(2, Col.DATE), Qt.ItemDataRole.BackgroundRole).color() == WARNING_COLOUR
    assert model.data(model.index(1, Col.DATE), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(0, Col.TOPIC), Qt.ItemDataRole.BackgroundRole) is None


def test_a_read_only_model_refuses_every_change() -> None:
    model = PlanRowsModel(ROWS)
    model.set_read_only(True)
    assert not model.flags(model.index(0, Col.TOPIC)) & Qt.ItemFlag.ItemIsEditable
    assert not _set(model, 0, Col.TOPIC, "x")
    assert not model.insertRows(0, 1) and not model.removeRows(0, 1) and not model.move_row(0, 1)
    assert model.rowCount() == 3 and not model.flags(QModelIndex())


def test_headers_follow_the_language() -> None:
    model = PlanRowsModel(ROWS)
    i18n.set_language("kk")
    kk = model.headerData(Col.TOPIC, Qt.Orientation.Horizontal)
    i18n.set_language("ru")
    assert (kk, model.headerData(Col.TOPIC, Qt.Orientation.Horizontal)) == ("Сабақтың тақырыбы", "Тема урока")


def test_clear_cells_empties_text_but_keeps_rows_and_numbers() -> None:
    model = PlanRowsModel(ROWS)
    changed: list[tuple[int, int, int, int]] = []
    edits: list[int] = []
    model.dataChanged.connect(lambda a, b, *_: changed.append((a.row(), a.column(), b.row(), b.column())))
    model.edited.connect(lambda: edits.append(1))
    cells = [model.index(0, Col.NUMBER), model.index(0, Col.OBJECTIVES), model.index(2, Col.NOTE),
             model.index(1, Col.DATE)]  # the date of row 2 is already empty
    assert model.clear_cells(cells) == 2
    assert changed == [(0, Col.OBJECTIVES, 2, Col.NOTE)] and edits == [1]
    assert model.rowCount() == 3 and _text(model, 0, Col.NUMBER) == "1"
    assert _text(model, 0, Col.OBJECTIVES) == "" and _text(model, 2, Col.NOTE) == ""
    assert model.clear_cells([model.index(2, Col.NOTE)]) == 0 and edits == [1]  # nothing to clear: no signal
    model.set_read_only(True)
    assert model.clear_cells([model.index(0, Col.TOPIC)]) == 0 and _text(model, 0, Col.TOPIC) == "Компьютер"
