"""The Plans section's teacher, subject and grade filters read their choices when the user reaches for
one (its list opened, a key or the wheel over it), not each time the list opens; the search and the
order that need the year's values read them themselves, and a chosen filter is still checked against
a new year (real SQLite in tmp_path, demo school, the main window at 1366×768)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop_app import i18n
from desktop_app.domain.accounts import Actor
from desktop_app.services import Services
from desktop_app.services.plans import CHOICES, FACETS, VALUES, PlanService
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.plan_query import ORDER_KEYS
from desktop_app.ui.models.sorting import kazakh_key
from tests.ui.conftest import choices, type_text
from tests.ui.test_plans_painted import OTHER, OTHER_YEAR, add_other_year, plans_window, shown


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """Each read of the year's distinct values, by kind: with the list (``section``) or alone."""
    done: list[tuple[str, ...]] = []
    section, facets = PlanService.section, PlanService.facets

    def counted_section(self: PlanService, *args: Any, facets: Collection[str] = FACETS, **kwargs: Any) -> Any:
        if facets:
            done.append(("section", *facets))
        return section(self, *args, facets=facets, **kwargs)

    def counted_facets(self: PlanService, actor: Actor, school: str, year: str, kinds: Collection[str] = FACETS) -> Any:
        done.append(tuple(kinds))
        return facets(self, actor, school, year, kinds)

    monkeypatch.setattr(PlanService, "section", counted_section)
    monkeypatch.setattr(PlanService, "facets", counted_facets)
    return done


def teachers_of(view: Any) -> list[str]:
    names = view.session_names()
    return sorted({names[line.plan.teacher] for line in view.pages.records()}, key=kazakh_key)


def test_the_choices_are_read_when_a_filter_is_opened(window: MainWindow, reads: list[tuple[str, ...]]) -> None:
    i18n.set_language("ru")
    view = plans_window(window)
    assert reads == [] and view.facets is None  # the list opened without them
    assert [view.teacher_filter.itemText(i) for i in range(view.teacher_filter.count())] == ["все"]
    expected = teachers_of(view)
    assert choices(view.teacher_filter) == expected  # opened: the year's teachers, in Kazakh order
    assert reads == [CHOICES]  # the filters' alone: the list needs no other
    assert choices(view.subject_filter) and choices(view.grade_filter)
    assert reads == [CHOICES]  # read once for the three filters

    view.refresh()  # read again (another user may have changed the plans): stale until opened
    assert reads == [CHOICES] and view.filter_bar.stale
    assert choices(view.teacher_filter) == expected
    assert reads == [CHOICES, CHOICES] and not view.filter_bar.stale


def test_a_key_or_the_wheel_over_a_closed_filter_chooses_among_the_read_choices(window: MainWindow,
                                                                              reads: list[tuple[str, ...]]) -> None:
    view = plans_window(window)
    first = teachers_of(view)[0]
    view.teacher_filter.setFocus()
    QApplication.processEvents()
    QTest.keyClick(view.teacher_filter, Qt.Key.Key_Down)
    QApplication.processEvents()
    assert reads == [CHOICES]
    assert view.teacher_filter.currentText() == first  # not "all" → nothing else to go to
    assert set(shown(view)) == {first}  # the list follows the filter

    view.set_filter(view.teacher_filter, "")
    view.refresh()
    assert view.filter_bar.stale
    grade = view.grade_filter
    wheel = QWheelEvent(QPointF(5, 5), QPointF(grade.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(grade, wheel)
    assert reads == [CHOICES, CHOICES]  # nothing chosen at the refresh: read again when reached for
    assert grade.currentIndex() == 1 and grade.currentData()  # the lowest grade of the year


def test_a_search_reads_the_values_it_matches(window: MainWindow, reads: list[tuple[str, ...]]) -> None:
    view = plans_window(window)
    wanted = teachers_of(view)[-1]
    type_text(window.search, wanted.split()[0])
    QApplication.processEvents()
    assert set(shown(view)) == {wanted}
    assert reads == [VALUES]  # the year's classes and hours: names are the school's
    assert choices(view.teacher_filter)
    assert reads == [VALUES, CHOICES]  # the filters' when one is opened, not read again
    window.search.clear()
    QApplication.processEvents()
    view.refresh()
    assert reads == [VALUES, CHOICES]  # nothing searched, nothing chosen: the list alone


@pytest.mark.parametrize("key", ["hours", "classes"])
def test_an_order_of_values_ranked_among_the_years_reads_them(window: MainWindow, reads: list[tuple[str, ...]],
                                                             key: str) -> None:
    view = plans_window(window)
    view.table.sortByColumn(ORDER_KEYS.index(key), Qt.SortOrder.DescendingOrder)
    QApplication.processEvents()
    assert reads == [VALUES]
    view.refresh()  # the order stays: the values come with the list, in the same read
    assert reads == [VALUES, ("section", *VALUES)]
    values = [line.plan.hours_per_week if key == "hours" else ", ".join(line.plan.classes)
              for line in view.pages.records()]
    if key == "hours":
        assert values == sorted(values, reverse=True)
    else:
        assert values == sorted(values, key=kazakh_key, reverse=True)


def test_a_chosen_teacher_is_checked_against_a_new_year(window: MainWindow, services: Services,
                                                        reads: list[tuple[str, ...]]) -> None:
    add_other_year(services, window.session.school)
    view = plans_window(window)
    year = window.year_combo.currentData()
    here = {line.plan.teacher for line in view.pages.records()}
    window.select_year(OTHER_YEAR)
    QApplication.processEvents()
    [gone, *_] = sorted({t for _, t, _, _ in OTHER} - here)  # plans in the other year only
    [both, *_] = sorted({t for _, t, _, _ in OTHER} & here)
    view.set_filter(view.teacher_filter, gone)
    assert view.teacher_filter.currentData() == gone and reads == [CHOICES]
    window.select_year(year)
    QApplication.processEvents()
    assert reads == [CHOICES, ("section", *CHOICES)]  # chosen: the new year's choices come with its list
    assert view.teacher_filter.currentData() == ""  # she has no plan there: back to "all"
    assert sorted(line.plan.teacher for line in view.pages.records()) == sorted(here)
    view.set_filter(view.teacher_filter, both)
    window.select_year(OTHER_YEAR)
    QApplication.processEvents()
    assert view.teacher_filter.currentData() == both  # she has plans in both: the filter keeps her
    assert {line.plan.teacher for line in view.pages.records()} == {both}
