"""The Plans section as the window shows it after a year switch and a keystroke: the table shows the
paged model itself (no proxy), its lines in the Kazakh order of the teachers' names, each cell what
the column says, painted pixel for pixel as Qt's own delegate paints it (real SQLite in tmp_path,
demo school, the main window at 1366×768)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QStyledItemDelegate

from desktop_app import i18n
from desktop_app.domain.entities import PlanStatus
from desktop_app.services import Services
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.paged import PagedTableModel
from desktop_app.ui.models.plan_list import STATUS_COLOURS
from desktop_app.ui.models.sorting import kazakh_key
from desktop_app.ui.views.plans import PlansView
from desktop_app.ui.widgets.paged_cells import PagedCellDelegate
from tests.ui.conftest import PaintCounter, choices, type_text
from tests.ui.test_plans_view import APPROVED

OTHER_YEAR = "2025-2026"  # the demo has no plans there
#: (id, teacher, grade, status) of the plans written into the other year.
OTHER = [("ktp-old-1", "t-05", 9, PlanStatus.APPROVED), ("ktp-old-2", "t-01", 8, PlanStatus.DRAFT),
         ("ktp-old-3", "t-07", 6, PlanStatus.SUBMITTED), ("ktp-old-4", "t-02", 7, PlanStatus.APPROVED)]


def add_other_year(services: Services, school: str) -> None:
    """Four plans of the year before, written as they stand (a school's history, imported)."""
    with services.db.transaction(write=True) as store:
        plan = store.get_plan(school, APPROVED)
        assert plan is not None
        for plan_id, teacher, grade, status in OTHER:
            store.save_plan(school, replace(plan, id=plan_id, teacher=teacher, grade=grade, academic_year=OTHER_YEAR,
                                            status=status, review=None, agreed=None, approved=None))


def shown(view: PlansView, column: int = 0) -> list[str]:
    """The texts of a column as the table's own model gives them to be painted."""
    model = view.table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def plans_window(window: MainWindow) -> PlansView:
    window.show_section("plans")
    QApplication.processEvents()
    view = window.views["plans"]
    assert isinstance(view, PlansView)
    return view


def test_a_year_switch_and_a_keystroke_show_the_right_lines_in_order(window: MainWindow, services: Services) -> None:
    i18n.set_language("kk")
    school = window.session.school
    add_other_year(services, school)
    view = plans_window(window)
    assert view.table.model() is view.pages and isinstance(view.table.itemDelegate(), PagedCellDelegate)
    first = shown(view)
    assert first and first == sorted(first, key=kazakh_key)

    window.select_year(OTHER_YEAR)
    QApplication.processEvents()
    names = view.session_names()
    expected = sorted((names[teacher] for _, teacher, _, _ in OTHER), key=kazakh_key)
    assert shown(view) == expected
    assert [int(g) for g in shown(view, 2)] == [grade for name in expected
                                                 for _, teacher, grade, _ in OTHER if names[teacher] == name]
    teachers = choices(view.teacher_filter)
    assert teachers == expected  # the filter offers that year's teachers, in the same order
    assert sum(view.counts().values()) == len(OTHER)

    wanted = names["t-05"]
    type_text(window.search, wanted.split()[0])
    QApplication.processEvents()
    assert shown(view) == [wanted]
    window.search.clear()
    QApplication.processEvents()
    assert shown(view) == expected


def test_each_cell_shows_what_its_column_says(window: MainWindow, services: Services) -> None:
    i18n.set_language("ru")
    add_other_year(services, window.session.school)
    view = plans_window(window)
    window.select_year(OTHER_YEAR)
    QApplication.processEvents()
    model = view.pages
    assert isinstance(model, PagedTableModel)
    columns = model.columns()
    for row in range(model.rowCount()):
        record = model.record(row)
        for column, spec in enumerate(columns):
            index = model.index(row, column)
            assert index.data() == spec.text(record)
            centred = index.data(Qt.ItemDataRole.TextAlignmentRole)
            assert (centred == int(Qt.AlignmentFlag.AlignCenter)) == spec.align_center
        status = model.index(row, len(columns) - 1)
        brush = status.data(Qt.ItemDataRole.BackgroundRole)
        colour = STATUS_COLOURS.get(record.plan.status)
        assert (brush.color().name() if brush is not None else None) == colour
    before = shown(view, len(columns) - 1)
    i18n.set_language("kk")
    window.retranslate_ui()
    view.retranslate_ui()
    after = shown(view, len(columns) - 1)
    assert after != before and after == [columns[-1].text(model.record(r)) for r in range(model.rowCount())]


def _painted(view: PlansView) -> QImage:
    QApplication.processEvents()
    return view.table.viewport().grab().toImage()


def test_cells_are_painted_as_qts_own_delegate_paints_them(window: MainWindow) -> None:
    for language in ("kk", "ru"):
        i18n.set_language(language)
        view = plans_window(window)
        view.retranslate_ui()
        view.table.setFocus()
        view.table.selectRow(0)  # a selected line, the current cell framed
        quick = _painted(view)
        view.table.setItemDelegate(QStyledItemDelegate(view.table))
        standard = _painted(view)
        view.table.setItemDelegate(PagedCellDelegate(view.pages, view.table))
        assert not quick.isNull() and quick == standard


def test_the_first_open_paints_the_list_once_and_its_last_column_fills_the_table(window: MainWindow) -> None:
    QApplication.processEvents()
    view = window.views["plans"]
    assert isinstance(view, PlansView)
    paints = PaintCounter()
    view.table.viewport().installEventFilter(paints)
    view = plans_window(window)
    for _ in range(3):  # Qt's next turns: nothing left to paint again
        QApplication.processEvents()
    view.table.viewport().removeEventFilter(paints)
    header = view.table.horizontalHeader()
    assert view.pages.rowCount() > 0 and paints.count == 1
    assert header.stretchLastSection() and header.length() == view.table.viewport().width()
