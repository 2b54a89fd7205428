"""The annual analysis of methodical work (issue 20 point 3), kk/ru: approval stamp, the figures'
tables, the charts drawn with ReportLab graphics from the same values as the window's, the texts,
signatures and the verification block."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether

from desktop_app.documents.analysis_tables import Chart, FigureTable, Names, analysis_charts, analysis_tables
from desktop_app.documents.common import (
    CELL_PADDING,
    TEXT_WIDTH,
    Paragraph,
    blank_date,
    bold,
    esc,
    grid,
    long_date,
    make_styles,
    plain_table,
    signature_rows,
    spacer,
    translator,
    year_span,
)
from desktop_app.documents.fonts import SERIF, SERIF_BOLD, register_fonts
from desktop_app.documents.frame import DocumentMeta, render
from desktop_app.documents.ktp import BLANK_NAME, approval_cell
from desktop_app.documents.verification import Verification
from desktop_app.domain.year_figures import YearFigures

#: Two series, printable in black and white too.
SERIES_COLOURS = (colors.Color(0.55, 0.62, 0.75), colors.Color(0.16, 0.32, 0.55))
CHART_FONT = 9


@dataclass(frozen=True)
class AnalysisDocument:
    figures: YearFigures
    names: Names
    language: str
    school: str
    scope: str | None  # the association's name; None: the school's analysis
    conclusions: str
    tasks: str
    approved: bool
    approved_on: date | None
    approver: str
    acting: bool
    deputy: str
    record_id: str
    revision: int


def _header_style(table: FigureTable, widths: list[float]) -> ParagraphStyle:
    """The grid's header at 11 pt, or smaller until every word of every heading fits its column."""
    st = make_styles()
    for size in (11, 10, 9):
        if all(stringWidth(word, SERIF_BOLD, size) <= width - CELL_PADDING
               for heading, width in zip(table.headers, widths, strict=True) for word in heading.split()):
            break
    return ParagraphStyle(f"head{size}", parent=st.cell_head, fontSize=size, leading=size + 2)


def _table(table: FigureTable) -> list[Flowable]:
    """A table of counts; one of a single row is printed standing (heading | value), easier to read."""
    st = make_styles()
    out: list[Flowable] = [Paragraph(esc(table.title), st.heading)]
    if len(table.rows) == 1 and not isinstance(table.rows[0][0], str):
        widths = [TEXT_WIDTH * 0.7, TEXT_WIDTH * 0.3]
        rows: list[list[object]] = [[Paragraph(esc(h), st.cell), Paragraph(esc(str(v)), st.cell_centre)]
                                    for h, v in zip(table.headers, table.rows[0], strict=True)]
        out.append(grid(rows, widths, header_rows=0))
    else:
        count = len(table.headers)
        labelled = bool(table.rows) and isinstance(table.rows[0][0], str)
        first = TEXT_WIDTH * (0.3 if count > 3 else 0.4) if labelled else 0
        rest = (TEXT_WIDTH - first) / (count - (1 if first else 0))
        widths = ([first] if first else []) + [rest] * (count - (1 if first else 0))
        head = _header_style(table, widths)
        rows = [[Paragraph(esc(h), head) for h in table.headers]]
        for row in table.rows:
            rows.append([Paragraph(esc(str(v)), st.cell if i == 0 and labelled else st.cell_centre)
                         for i, v in enumerate(row)])
        if len(rows) == 1:
            rows.append([Paragraph("—", st.cell_centre) for _ in table.headers])
        out.append(grid(rows, widths))
    if table.note:
        out.append(Paragraph(esc(table.note), st.small))
    return out


def _legend(chart: Chart, x: float, y: float) -> Legend:
    """The series' names in a row under the chart, from its left edge."""
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = SERIF, CHART_FONT
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = max(stringWidth(name, SERIF, CHART_FONT) for name, _ in chart.series) + 30
    legend.colorNamePairs = [(SERIES_COLOURS[i % 2] if len(chart.series) > 1 else SERIES_COLOURS[1], name)
                             for i, (name, _) in enumerate(chart.series)]
    return legend


def chart_drawing(chart: Chart) -> Drawing:
    """Horizontal bars for named categories (long names read on the left), vertical bars by month with
    the deadline marked (``chart.marker``)."""
    width = TEXT_WIDTH
    labels = chart.labels or ["—"]
    data = [values or [0] for _, values in chart.series]
    top = max((max(v) for v in data), default=0)
    if chart.marker is None:
        height = 22 * mm + len(labels) * len(data) * 5.5 * mm
        drawing = Drawing(width, height)
        bars = HorizontalBarChart()
        room = width * 0.45  # the names on the left take at most this much; longer ones are cut
        labels = [_fit(label, room - 8) for label in labels]
        bars.x = min(max(stringWidth(label, SERIF, CHART_FONT) for label in labels) + 8, room)
        bars.y = 14 * mm
        bars.width, bars.height = width - bars.x - 6 * mm, height - 22 * mm
        bars.categoryAxis.labels.boxAnchor = "e"
        bars.categoryAxis.labels.dx = -3
        bars.categoryAxis.reverseDirection = 1
        bars.valueAxis.labels.fontName = SERIF
    else:
        height = 62 * mm
        drawing = Drawing(width, height)
        bars = VerticalBarChart()
        bars.x, bars.y = 12 * mm, 22 * mm
        bars.width, bars.height = width - 18 * mm, height - 30 * mm
        bars.categoryAxis.labels.boxAnchor = "ne"
        bars.categoryAxis.labels.angle = 30
        bars.categoryAxis.labels.dy = -2
    bars.data = data
    bars.categoryAxis.categoryNames = labels
    bars.categoryAxis.labels.fontName = SERIF
    bars.categoryAxis.labels.fontSize = CHART_FONT
    bars.valueAxis.labels.fontName = SERIF
    bars.valueAxis.labels.fontSize = CHART_FONT
    bars.valueAxis.valueMin = 0
    bars.valueAxis.valueMax = max(top, 1) + 1
    bars.valueAxis.valueStep = max(1, (top + 4) // 5)
    bars.barLabelFormat = "%d"
    bars.barLabels.fontName = SERIF
    bars.barLabels.fontSize = CHART_FONT - 1
    bars.barLabels.nudge = 6
    for i in range(len(data)):
        bars.bars[i].fillColor = SERIES_COLOURS[i % 2] if len(data) > 1 else SERIES_COLOURS[1]
    drawing.add(bars)
    if chart.marker is not None:
        index, text = chart.marker
        x = bars.x + bars.width * index / len(labels)
        drawing.add(Line(x, bars.y, x, bars.y + bars.height, strokeColor=colors.red, strokeDashArray=[3, 2]))
        drawing.add(String(x + 2, bars.y + bars.height - CHART_FONT, text, fontName=SERIF, fontSize=CHART_FONT,
                           fillColor=colors.red))
    drawing.add(_legend(chart, bars.x, 4))
    return drawing


def _fit(label: str, room: float) -> str:
    """The label, cut with «…» to ``room`` points."""
    if stringWidth(label, SERIF, CHART_FONT) <= room:
        return label
    while label and stringWidth(label + "…", SERIF, CHART_FONT) > room:
        label = label[:-1]
    return label.rstrip() + "…"


def _chart(chart: Chart, after: str) -> list[Flowable]:
    """The chart under its title, unless the table just above has the same title."""
    st = make_styles()
    title = [] if chart.title == after else [Paragraph(esc(chart.title), st.heading)]
    return [KeepTogether([*title, spacer(2), chart_drawing(chart)])]


def _text(title: str, text: str) -> list[Flowable]:
    st = make_styles()
    paragraphs = [p for p in text.split("\n") if p.strip()] or ["—"]
    return [Paragraph(esc(title), st.heading), *(Paragraph(esc(p), st.body) for p in paragraphs)]


def build_analysis(doc: AnalysisDocument, check: Verification) -> bytes:
    register_fonts()
    _ = translator(doc.language)
    st = make_styles()
    figures = doc.figures
    day = long_date(doc.approved_on, doc.language) if doc.approved and doc.approved_on else blank_date(_)
    name = f"{'_' * 12} {doc.approver}" if doc.approver else BLANK_NAME
    block = approval_cell([bold(_("I APPROVE")), esc(_("Acting director") if doc.acting else _("Director"))],
                          name, day, st)
    title = _("ANALYSIS OF METHODICAL WORK")
    scope = doc.scope or _("the school")
    story: list[Flowable] = [
        Paragraph(esc(doc.school), st.organization),
        plain_table([["", block]], [TEXT_WIDTH * 0.6, TEXT_WIDTH * 0.4]),
        spacer(8),
        Paragraph(esc(title), st.title),
        Paragraph(esc(scope), st.centre),
        Paragraph(esc(_("{year} academic year").format(year=year_span(figures.academic_year))), st.centre),
        spacer(4),
    ]
    charts = {c.key: c for c in analysis_charts(figures, doc.names, doc.language)}
    after = {"staff": "categories", "approvals": "approvals", "visits": "visits"}
    for table in analysis_tables(figures, doc.names, doc.language):
        story += _table(table)
        if table.key in after:
            story += _chart(charts[after[table.key]], table.title)
    story += _text(_("Conclusions"), doc.conclusions)
    story += _text(_("Tasks for the next academic year"), doc.tasks)
    closing = [spacer(4), signature_rows([(_("Deputy director"), doc.deputy)], st)]
    meta = DocumentMeta(title=title, subject=f"{scope} {year_span(figures.academic_year)}", author=doc.school,
                        language=doc.language, created=doc.approved_on or figures.end,
                        draft_mark=None if doc.approved else _("DRAFT"))
    return render(story, meta, check, closing)
