"""The district section's chart (QtCharts): one figure for every school, a horizontal bar per school,
so that forty schools' names stay readable."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from desktop_app.domain.entities import Category
from desktop_app.i18n import N_, _
from desktop_app.services.district import SchoolFigures
from desktop_app.ui.labels import CATEGORY_LABELS

Value = Callable[[SchoolFigures], int]


@dataclass(frozen=True)
class Chart:
    """A chart the person can choose: its title (msgid), bars stacked or side by side, the sets."""

    title: str
    stacked: bool
    sets: tuple[tuple[str, Value], ...]


def _category(key: str) -> Value:
    return lambda f: f.by_category.get(key, 0)


CHARTS: tuple[Chart, ...] = (
    Chart(N_("Staff by qualification category"), True,
          tuple((CATEGORY_LABELS[c], _category(c.value)) for c in Category)),
    Chart(N_("KTPs: approved before 1 September, late, not yet"), True, (
        (N_("Approved before 1 September"), lambda f: f.approved_on_time),
        (N_("Approved late"), lambda f: f.approved_late),
        (N_("Not approved yet"), lambda f: f.plans - f.approved))),
    Chart(N_("Meetings planned and held"), False, (
        (N_("Meetings planned"), lambda f: f.meetings_planned),
        (N_("Meetings held"), lambda f: f.meetings_held))),
    Chart(N_("Attestations and courses due"), False, (
        (N_("Attestations due"), lambda f: f.attestations_due),
        (N_("Courses due"), lambda f: f.courses_due))),
    Chart(N_("Open lessons and lesson visits"), False, (
        (N_("Open lessons"), lambda f: f.open_lessons),
        (N_("Lesson visits"), lambda f: f.visits))),
    Chart(N_("New teachers and their mentors"), False, (
        (N_("New teachers"), lambda f: f.new_teachers),
        (N_("New teachers with a mentor"), lambda f: f.mentored))),
)

#: Calm colours that stay apart when printed in grey too.
PALETTE = ("#9e9e9e", "#4e79a7", "#59a14f", "#f28e2b", "#e15759", "#76b7b2", "#b07aa1")
#: Height of one school's bar group, in pixels.
ROW_HEIGHT = 26


class DistrictChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("districtChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_ = QChart()
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setChart(self.chart_)
        self.sets: list[QBarSet] = []

    def show_figures(self, chart: Chart, schools: Sequence[tuple[str, SchoolFigures]]) -> None:
        """``schools``: (name, figures) in the order the table shows them (first at the top)."""
        c = self.chart_
        c.removeAllSeries()
        for axis in c.axes():
            c.removeAxis(axis)
        c.setTitle(_(chart.title))
        series = QHorizontalStackedBarSeries() if chart.stacked else QHorizontalBarSeries()
        self.sets = []
        rows = list(reversed(schools))  # the bar axis runs upwards
        top = 0
        for index, (title, value) in enumerate(chart.sets):
            bar = QBarSet(_(title))
            bar.setColor(QColor(PALETTE[index % len(PALETTE)]))
            values = [value(f) for _, f in rows]
            bar.append([float(v) for v in values])
            series.append(bar)
            self.sets.append(bar)
            top = max(top, *values) if values else top
        if chart.stacked and rows:
            top = max(sum(value(f) for _, value in chart.sets) for _, f in rows)
        c.addSeries(series)
        names = QBarCategoryAxis()
        names.append([name[:40] for name, _ in rows])
        counts = QValueAxis()
        counts.setLabelFormat("%d")
        counts.setRange(0, max(top, 1))
        counts.applyNiceNumbers()
        c.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        c.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(counts)
        self.setMinimumHeight(120 + ROW_HEIGHT * max(len(rows), 1))
