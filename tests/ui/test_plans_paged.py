"""The Plans section on a long year: every line is a row of the table (the scroll bar is the whole
list's), each read a page at a time when it is shown; a plan chosen by id (an Overview line, a step,
a refresh) is selected even when its page was not read yet, and a filter or a new order reads the
list again (real SQLite in tmp_path, demo school)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.domain.entities import PlanStatus
from desktop_app.services import Services
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.session import Session
from desktop_app.ui.views.plans import PlansView
from desktop_app.ui.views.plans.section import AHEAD, PAGE
from tests.ui.conftest import type_text
from tests.ui.test_plans_view import APPROVED
from tests.ui.test_plans_workflow import YEAR as YEAR_OF_VIEW
from tests.ui.test_plans_workflow import plans_view

TEACHERS = ["t-01", "t-02", "t-05", "t-06", "t-07"]


def add_many(services: Services, session: Session, count: int) -> list[str]:
    """``count`` more drafts of the year, written in one transaction (a large school's year)."""
    base = services.plans.get(session.actor, session.school, APPROVED)
    made = []
    with services.db.transaction(write=True) as store:
        for n in range(count):
            plan = replace(base, id=f"ktp-many-{n:03d}", teacher=TEACHERS[n % len(TEACHERS)], grade=n % 11 + 1,
                           status=PlanStatus.DRAFT, review=None, agreed=None, approved=None, version=n % 4 + 1)
            store.save_plan(session.school, plan)
            made.append(plan.id)
    return made


def shown_ids(view) -> list[str]:  # type: ignore[no-untyped-def]
    """The plans of the lines read so far, in the list's order."""
    return [record.plan.id for record in view.pages.records()]


def painted(view) -> None:  # type: ignore[no-untyped-def]
    """The table painted now, as the screen shows it (what a paint asks for is read)."""
    QApplication.processEvents()
    view.table.viewport().repaint()


def test_every_line_is_a_row_and_is_read_when_shown(qtbot, sign_in, services: Services) -> None:  # type: ignore[no-untyped-def]
    session = sign_in("administrator")
    add_many(services, session, 2 * PAGE + 30)
    view = plans_view(qtbot, session)
    painted(view)
    pages, table = view.pages, view.table
    total = pages.record_count()
    assert total >= 2 * PAGE + 30 and pages.rowCount() == total and pages.lines_read() == PAGE
    assert view.counts_label.text().split("—")[0].strip().endswith(str(total))  # the whole year is counted
    bar = table.verticalScrollBar()
    on_screen = table.rowAt(table.viewport().height() - 1) - table.rowAt(0) + 1
    assert bar.maximum() + on_screen >= total  # the scroll bar is the whole list's, not the lines read
    bar.setValue(PAGE + 2)  # a little further down: the page below is read, not the rest
    painted(view)
    assert pages.lines_read() == 2 * PAGE
    bar.setValue(bar.maximum())  # the handle dragged to the end: the end is shown
    painted(view)
    assert pages.lines_read() == total
    last = table.rowAt(table.viewport().height() - 1)
    assert last in (total - 1, -1) and table.indexAt(table.viewport().rect().center()).data()
    assert len(set(shown_ids(view))) == total  # no line twice, none missing
    assert not pages.canFetchMore()


def test_a_list_found_shorter_than_counted_is_read_again(qtbot, sign_in, services: Services) -> None:  # type: ignore[no-untyped-def]
    """Someone deletes plans after the list was counted: the lines that are gone are not shown as
    someone else's, and the list is read again a turn later."""
    session = sign_in("administrator")
    made = add_many(services, session, 2 * PAGE + 30)
    view = plans_view(qtbot, session)
    painted(view)
    total = view.pages.record_count()
    with services.db.transaction(write=True) as store:
        for plan in made[-50:]:
            store.delete_plan(session.school, plan)
    assert view.pages.has_line(PAGE + 1)  # still there
    assert not view.pages.has_line(total - 1)  # gone meanwhile
    with qtbot.waitSignal(view.pages.outdated, timeout=2000):
        pass
    QApplication.processEvents()
    assert view.pages.record_count() == total - 50
    assert view.counts_label.text().split("—")[0].strip().endswith(str(total - 50))


def test_a_plan_beyond_the_first_page_is_selected_by_id(qtbot, sign_in, services: Services) -> None:  # type: ignore[no-untyped-def]
    session = sign_in("administrator")
    add_many(services, session, 2 * PAGE + 30)
    whole = plans_view(qtbot, session)
    whole.pages.fetch_through(whole.pages.record_count() - 1)
    order = shown_ids(whole)
    assert len(order) == whole.pages.record_count()
    target = order[-1]  # on the last page

    view = plans_view(qtbot, session)
    assert target not in shown_ids(view)
    view.set_filter(view.grade_filter, "3")  # a filter that hides it: an Overview link clears the filters
    view.select_record(target)
    assert view.grade_filter.currentData() == ""
    assert [p.id for p in view.selected_plans()] == [target]
    assert view.details.isVisibleTo(view) and shown_ids(view)[:PAGE] == order[:PAGE]

    # Kept after a reload (a step elsewhere), though the reload reads the first page only.
    view.refresh()
    assert [p.id for p in view.selected_plans()] == [target]
    # Several chosen, one far down: both kept after a new order.
    view.select_plans([order[1], target])
    view.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)
    assert {p.id for p in view.selected_plans()} == {order[1], target}
    versions = [record.plan.version for record in view.pages.records()]
    assert versions == sorted(versions, reverse=True)


def test_a_filter_or_a_search_reads_the_list_again(qtbot, sign_in, services: Services) -> None:  # type: ignore[no-untyped-def]
    session = sign_in("administrator")
    made = add_many(services, session, 2 * PAGE + 30)
    view = plans_view(qtbot, session)
    view.set_filter(view.grade_filter, "3")
    grade_3 = [p for p in made if int(p[-3:]) % 11 + 1 == 3]
    assert view.model.record_count() >= len(grade_3) and all(
        r.plan.grade == 3 for r in view.model.records())
    assert view.pages.lines_read() == view.pages.record_count()  # a page: all of it read
    view.set_filter(view.grade_filter, "")
    view.set_filter(view.teacher_filter, "t-06")
    assert {r.plan.teacher for r in view.model.records()} == {"t-06"}
    view.set_filter(view.teacher_filter, "")
    before = view.model.record_count()
    view.set_search("жоқ-мұндай")
    assert view.model.record_count() == 0 and view.empty_label.isVisibleTo(view)
    view.set_search("")
    assert view.model.record_count() == before and not view.empty_label.isVisibleTo(view)


def test_a_year_switch_does_not_look_for_the_other_years_plan(qtbot, sign_in, services: Services,  # type: ignore[no-untyped-def]
                                                              monkeypatch) -> None:
    """A plan chosen in one year is not in another year's list: the switch reads the new (long)
    list and selects nothing, without asking where the old plan stands (one query less per switch)."""
    session = sign_in("administrator")
    add_many(services, session, PAGE + 10)
    view = plans_view(qtbot, session)
    years = services.schools.list_years(session.actor, session.school)
    long_year = next(y for y in years if y.id == YEAR_OF_VIEW)
    other = next(y for y in years if y.id != YEAR_OF_VIEW)
    base = services.plans.get(session.actor, session.school, APPROVED)
    with services.db.transaction(write=True) as store:  # a plan of that year to choose there
        store.save_plan(session.school, replace(base, id="ktp-other-year", academic_year=other.id))
    view.set_year(other)
    chosen = "ktp-other-year"
    view.select_plans([chosen])
    assert [p.id for p in view.selected_plans()] == [chosen]
    asked: list[list[str]] = []
    real = type(services.plans).positions
    monkeypatch.setattr(type(services.plans), "positions",
                        lambda self, actor, school, query, plans: asked.append(plans) or real(
                            self, actor, school, query, plans))
    view.set_year(long_year)
    assert view.pages.lines_read() < view.pages.record_count()  # the long year: a plan not read would be looked for
    assert view.selected_plans() == [] and asked == []
    assert all(r.plan.academic_year == YEAR_OF_VIEW for r in view.model.records())
    view.select_plans([APPROVED])
    view.refresh()  # the same year: the chosen plan is kept
    assert [p.id for p in view.selected_plans()] == [APPROVED]


def test_the_first_read_is_what_the_table_shows_and_a_few_more(window: MainWindow, services: Services) -> None:
    """In the window at 1366×768 the list opens with a screenful of lines and ``AHEAD`` more, not
    ``PAGE``: what is painted at once. A search keeps that count (no line added below the table to
    repaint it), scrolling reads ``PAGE`` more, and the lines always fill the table."""
    add_many(services, window.session, 2 * PAGE + 30)
    window.show_section("plans")
    QApplication.processEvents()
    view = window.views["plans"]
    assert isinstance(view, PlansView)
    table = view.table
    visible = table.rowAt(table.viewport().height() - 1) + 1  # the lines on screen, the last one cut
    first = view.pages.lines_read()
    assert 0 < visible < first <= visible + AHEAD + 1 < PAGE
    type_text(window.search, "2")  # grades, versions and lessons with a 2: still more than a screen
    QApplication.processEvents()
    assert view.pages.lines_read() == first
    window.search.clear()
    QApplication.processEvents()
    bar = table.verticalScrollBar()
    bar.setValue(first)  # the next screenful: one page more read
    QApplication.processEvents()
    assert view.pages.lines_read() == first + PAGE
    window.resize(1366, 1000)  # a taller table: a new screenful at the next read
    QApplication.processEvents()
    view.refresh()
    QApplication.processEvents()
    assert view.pages.lines_read() > first
    assert table.rowAt(table.viewport().height() - 1) < view.pages.lines_read() - 1


def test_all_chosen_reads_the_rest_of_the_list_once(qtbot, sign_in, services: Services,  # type: ignore[no-untyped-def]
                                                    monkeypatch) -> None:
    """Ctrl+A over a long year chooses every plan, read in one read, not a page at a time."""
    session = sign_in("administrator")
    add_many(services, session, 2 * PAGE + 30)
    view = plans_view(qtbot, session)
    painted(view)
    reads: list[tuple[int, int]] = []
    real = type(services.plans).page
    monkeypatch.setattr(type(services.plans), "page", lambda self, actor, school, query, offset, limit: reads.append(
        (offset, limit)) or real(self, actor, school, query, offset, limit))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    chosen = view.selected_plans()
    assert len(chosen) == view.pages.record_count() and len({p.id for p in chosen}) == len(chosen)
    assert len(reads) == 1 and reads[0][0] == PAGE


def test_a_long_name_further_down_is_not_cut_short(qtbot, sign_in, services: Services) -> None:  # type: ignore[no-untyped-def]
    """The columns are fitted to the first lines read and to every name of the school: a teacher
    with a long name whose plans come last in the Kazakh order is shown whole when scrolled to."""
    session = sign_in("administrator")
    add_many(services, session, PAGE + 10)
    base = services.plans.get(session.actor, session.school, APPROVED)
    with services.db.transaction(write=True) as store:
        teacher = replace(store.get_teacher(session.school, "t-05"), id="t-long",
                          last_name="Ыбырайқызы-Іскакова-Жұмабекова", first_name="Әйгерім", patronymic="Ғалымқызы")
        store.save_teacher(session.school, teacher)
        store.save_plan(session.school, replace(base, id="ktp-long-name", teacher="t-long", status=PlanStatus.DRAFT,
                                                review=None, agreed=None, approved=None))
    view = plans_view(qtbot, session)
    painted(view)
    assert "ktp-long-name" not in shown_ids(view)  # not among the lines the columns were fitted to
    name = teacher.short_name
    bar = view.table.verticalScrollBar()
    bar.setValue(bar.maximum())
    painted(view)
    row = next(r for r in range(view.pages.lines_read()) if view.pages.record(r).plan.id == "ktp-long-name")
    assert view.pages.index(row, 0).data() == name
    text_room = view.table.columnWidth(0) - 2 * (view.table.style().pixelMetric(
        view.table.style().PixelMetric.PM_FocusFrameHMargin, None, view.table) + 1)
    assert view.table.fontMetrics().horizontalAdvance(name) <= text_room  # whole, no "…"
