"""Numbers and dates in the window as Kazakh and Russian write them: «0,38», «06.12.2026»."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QWidget

from desktop_app import i18n
from desktop_app.domain.calendar import plan_calendar_findings
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.plan_rows import format_hours
from desktop_app.ui.views.plans import PlansView
from desktop_app.ui.views.settings import SettingsView
from tests.ui.conftest import finish

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
SPACED_DATE = re.compile(r"\b\d{1,2} \d{1,2} \d{4}\b")


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_backup_sizes_use_a_decimal_comma(qtbot, window: MainWindow, language: str) -> None:  # type: ignore[no-untyped-def]
    window.set_language(language)
    window.show_section("settings")
    view = window.views["settings"]
    assert isinstance(view, SettingsView) and view.backups is not None
    panel = view.backups
    panel.back_up_now()
    finish(qtbot)
    view.tabs.setCurrentWidget(panel)
    sizes = [panel.model.index(row, 1).data() for row in range(panel.model.rowCount())]
    assert sizes and all(re.fullmatch(r"\d+,\d\d", size) for size in sizes), sizes
    entry = panel.model.record(0)
    assert sizes[0] == i18n.format_number(entry.info.size / 1_000_000, language, decimals=2)
    moments = [panel.model.index(row, 0).data() for row in range(panel.model.rowCount())]
    assert all(re.fullmatch(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", moment) for moment in moments), moments
    window.grab().save(f"/tmp/e_backups_{language}.png")


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_hours_and_dates_of_plans(window: MainWindow, language: str) -> None:
    window.set_language(language)
    assert format_hours(0.5) == "0,5" and format_hours(2.0) == "2"
    window.show_section("plans")
    view = window.views["plans"]
    assert isinstance(view, PlansView)
    model = view.model
    texts = [str(model.index(row, column).data() or "") for row in range(model.rowCount())
             for column in range(model.columnCount())]
    assert texts
    assert not [t for t in texts if ISO_DATE.search(t) or SPACED_DATE.search(t) or re.search(r"\d\.\d\b", t)]


def test_calendar_finding_hours_in_the_window_language(window: MainWindow) -> None:
    """A calendar finding of a plan with half hours says «0,5» and «16,5» in both languages."""
    s = window.session
    plan = next(p for p in s.services.plans.list(s.actor, s.school) if p.rows)
    half = replace(plan, hours_per_week=0.5, rows=[replace(r, hours=0.5) for r in plan.rows[:33]])
    year = next(y for y in s.services.schools.list_years(s.actor, s.school) if y.id == plan.academic_year)
    findings = plan_calendar_findings(half, year)
    assert findings
    for language in ("kk", "ru"):
        window.set_language(language)
        texts = [f.as_error().render(i18n._) for f in findings]
        assert any("0,5" in t or "16,5" in t for t in texts), texts
        assert not any(re.search(r"\d\.\d", t) for t in texts), texts
    assert date(2026, 12, 6).strftime("%d.%m.%Y") == i18n.format_short_date(date(2026, 12, 6))


def shown_texts(widget: QWidget) -> list[str]:
    """Labels, buttons and every cell of every table under ``widget``."""
    texts = [w.text() for w in widget.findChildren(QLabel)] + [w.text() for w in widget.findChildren(QAbstractButton)]
    for table in widget.findChildren(QAbstractItemView):
        model = table.model()
        if model is None:
            continue
        root = QModelIndex()
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
        texts += [str(model.index(row, column).data() or "") for row in range(min(model.rowCount(root), 50))
                  for column in range(columns)]
    return texts


#: A decimal point; not a paragraph of the Rules («п. 10.7», «10.7-т.»), which is written with one.
DECIMAL = re.compile(r"(?<![\d.])(?<!п\. )\d+\.\d+(?![\d.])(?!-т)")


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_no_section_shows_an_iso_or_spaced_date_or_a_decimal_point(window: MainWindow, language: str) -> None:
    window.set_language(language)
    found, dated = [], set()
    for key, view in window.views.items():
        window.show_section(key)
        texts = shown_texts(view)
        dated |= {key for t in texts if re.search(r"\b\d\d\.\d\d\.\d{4}\b", t)}
        found += [(key, t) for t in texts
                  if ISO_DATE.search(t) or SPACED_DATE.search(t) or DECIMAL.search(t)]
    assert found == []
    assert {"meetings", "visits", "settings"} <= dated  # the walk reads the tables
