"""The annual analysis's charts drawn with QtCharts from the same values as the PDF's
(documents/analysis_tables.Chart): bars per category for each series; the months' chart marks
1 September with a dashed line."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from desktop_app.documents.analysis_tables import Chart

#: The PDF's two colours (documents/analysis.py), so the window and the paper look alike.
COLOURS = (QColor(140, 158, 191), QColor(41, 82, 140))


def _axis_max(chart: Chart) -> int:
    top = max((max(values, default=0) for _name, values in chart.series), default=0)
    return max(top, 1) + 1


def chart_view(chart: Chart, parent: QWidget | None = None) -> QChartView:
    """A chart view named ``chart-<key>``; its series hold the chart's values in order."""
    qchart = QChart()
    qchart.setTitle(chart.title)
    qchart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    qchart.setMargins(QMargins(4, 4, 4, 4))
    qchart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    horizontal = chart.marker is None
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    # Top to bottom as the table reads (a horizontal chart draws its first category at the bottom).
    rows = [(name, list(reversed(values)) if horizontal else values) for name, values in chart.series]
    for index, (name, values) in enumerate(rows):
        bars = QBarSet(name)
        bars.append([float(v) for v in values])
        bars.setColor(COLOURS[index % 2] if len(chart.series) > 1 else COLOURS[1])
        bars.setLabelColor(QColor(255, 255, 255))
        series.append(bars)
    qchart.addSeries(series)
    series.setLabelsFormat("@value")
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsInsideEnd)
    series.setLabelsVisible(True)
    categories = QBarCategoryAxis()
    categories.append(list(reversed(chart.labels)) if horizontal else chart.labels)
    values_axis = QValueAxis()
    values_axis.setRange(0, _axis_max(chart))
    values_axis.setLabelFormat("%d")
    values_axis.setTickCount(min(_axis_max(chart), 10) + 1)
    qchart.addAxis(categories, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
    qchart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    series.attachAxis(values_axis)
    if chart.marker is not None:
        index, text = chart.marker
        line = QLineSeries()
        line.setName(text)
        line.append(index - 0.5, 0)
        line.append(index - 0.5, _axis_max(chart))
        pen = QPen(QColor(200, 30, 30))
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setWidth(2)
        line.setPen(pen)
        qchart.addSeries(line)
        line.attachAxis(categories)
        line.attachAxis(values_axis)
    view = QChartView(qchart, parent)
    view.setObjectName(f"chart-{chart.key}")
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(260)
    return view


def bar_values(view: QChartView) -> list[tuple[str, list[int]]]:
    """The series a chart view draws, top to bottom as the table reads (for tests and checks)."""
    out = []
    for series in view.chart().series():
        if isinstance(series, QBarSeries | QHorizontalBarSeries):
            horizontal = isinstance(series, QHorizontalBarSeries)
            for bars in series.barSets():
                values = [int(bars.at(i)) for i in range(bars.count())]
                out.append((bars.label(), list(reversed(values)) if horizontal else values))
    return out
