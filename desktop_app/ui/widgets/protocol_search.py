"""Search over all protocols of the school (all years), the hit highlighted in its text."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import N_, _
from desktop_app.services.search import Hit, match_span
from desktop_app.ui.labels import short_date
from desktop_app.ui.language import Retranslating
from desktop_app.ui.models.table import Column, RecordTableModel
from desktop_app.ui.session import Session, local
from desktop_app.ui.widgets.view import fit_columns, make_table

HIGHLIGHT_COLOR = "#ffe066"
HIGHLIGHT = f"background-color: {HIGHLIGHT_COLOR};"
TEXT_COLUMN = 6
#: Characters kept before a match that would otherwise fall beyond the cell's right edge.
LEAD = 12
PLACE_NAMES = {"title": N_("Agenda item"), "heard": N_("HEARD"), "spoke": N_("SPOKE"),
               "decision": N_("RESOLVED"), "place": N_("Place")}


def highlighted(hit: Hit) -> str:
    """The hit's text as HTML with the match marked."""
    before, match, after = hit.text[:hit.start], hit.text[hit.start:hit.end], hit.text[hit.end:]
    return f'{html.escape(before)}<span style="{HIGHLIGHT}">{html.escape(match)}</span>{html.escape(after)}'


class HitDelegate(QStyledItemDelegate):
    """Paints the searched words on a highlight in a cell's text, found again in the text as
    shown (any case, Kazakh letters too). A match beyond the cell's width is brought into view:
    the text then starts with "…" a few characters before it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.query = ""

    def span(self, text: str) -> tuple[int, int] | None:
        """Where the query is in ``text``, or None."""
        if not self.query:
            return None
        start, end = match_span(text, self.query)
        return (start, end) if end > start else None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        span = self.span(text)
        if span is None:
            super().paint(painter, option, index)
            return
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget).adjusted(
            margin, 0, -margin, 0)
        shown, start, end = self.visible(text, span, area.width(), opt.fontMetrics)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        normal = opt.palette.color(group)
        metrics = opt.fontMetrics
        painter.save()
        painter.setFont(opt.font)
        painter.setClipRect(area)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) | int(Qt.TextFlag.TextSingleLine)
        x = area.left()
        for piece, marked in ((shown[:start], False), (shown[start:end], True), (shown[end:], False)):
            width = metrics.horizontalAdvance(piece)
            box = QRect(x, area.top(), max(area.right() - x + 1, 0), area.height())
            if marked:
                painter.fillRect(QRect(x, area.center().y() - metrics.height() // 2, width, metrics.height()),
                                 QColor(HIGHLIGHT_COLOR))
            painter.setPen(QColor("black") if marked else normal)
            painter.drawText(box, flags, piece)
            x += width
        painter.restore()

    @staticmethod
    def visible(text: str, span: tuple[int, int], width: int, metrics: QFontMetrics) -> tuple[str, int, int]:
        """The text as it fits ``width``, with the match's start and end in it."""
        start, end = span
        cut_short = metrics.horizontalAdvance(text) > width
        if cut_short and metrics.horizontalAdvance(text[:end] + "…") > width and start > LEAD:
            cut = start - LEAD
            text, start, end = "…" + text[cut:], LEAD + 1, end - cut + 1
        if metrics.horizontalAdvance(text) > width:
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        return text, min(start, len(text)), min(end, len(text))


class ProtocolSearchPanel(Retranslating, QWidget):
    """``open_meeting(id)`` when the user asks to open the protocol of a hit."""

    open_meeting = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        #: The names of every year's associations for the hits' column, read when a hit is first shown
        #: after a reload (not when the section opens: a school of ten years has ~150 of them).
        self.bodies: dict[str, str] = {}
        self._build_ui()
        self._connect()
        self.retranslate_ui()

    def _build_ui(self) -> None:
        self.query = QLineEdit(self)
        self.query.setClearButtonEnabled(True)
        self.find_button = QPushButton(self)
        self.open_button = QPushButton(self)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.find_button)
        row.addWidget(self.open_button)
        self.model: RecordTableModel[Hit] = RecordTableModel([
            Column(N_("Academic year"), lambda h: h.academic_year),
            Column(N_("Body"), lambda h: self.body_name(h.body)),
            Column(N_("No."), lambda h: str(h.number), sort_key=lambda h: h.number, align_center=True),
            Column(N_("Date"), lambda h: short_date(h.date), sort_key=lambda h: h.date.isoformat()),
            Column(N_("Item"), lambda h: str(h.item or ""), sort_key=lambda h: h.item or 0, align_center=True),
            Column(N_("Where"), lambda h: _(PLACE_NAMES.get(h.place, h.place))),
            Column(N_("Text"), lambda h: h.text),
        ], self)
        self.table = make_table(self)
        self.table.setSortingEnabled(False)
        self.table.setModel(self.model)
        self.highlighter = HitDelegate(self.table)
        self.table.setItemDelegateForColumn(TEXT_COLUMN, self.highlighter)
        self.preview = QTextBrowser(self)
        self.preview.setMaximumHeight(120)
        self.summary = QLabel(self)
        self.summary.setObjectName("viewNote")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.preview)

    def _connect(self) -> None:
        self.query.returnPressed.connect(self.run)
        self.find_button.clicked.connect(self.run)
        self.open_button.clicked.connect(self._open)
        self.table.doubleClicked.connect(lambda _index: self._open())
        self.table.selectionModel().currentRowChanged.connect(lambda current, _p: self.show_hit(current.row()))

    def retranslate_ui(self) -> None:
        self.query.setPlaceholderText(_("A word from a title, a speech or a decision, in any case"))
        self.find_button.setText(_("Find"))
        self.open_button.setText(_("Open the protocol"))
        self.model.retranslate()

    def body_name(self, body: str) -> str:
        if not self.bodies:
            s = self.session
            self.bodies = {b.id: local(b.name) for b in s.services.associations.list(s.actor, s.school)}
        return self.bodies.get(body, body)

    def run(self) -> list[Hit]:
        s = self.session
        hits = s.services.search.search(s.actor, s.school, self.query.text())
        self.highlighter.query = self.query.text().strip()
        self.model.set_records(hits)
        fit_columns(self.table, 260)  # the text, last, takes the rest
        self.summary.setText(_("Found: {count}").format(count=len(hits)) if self.query.text().strip() else "")
        if hits:
            self.table.selectRow(0)
            self.show_hit(0)
        else:
            self.preview.clear()
        return hits

    def show_hit(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.preview.setHtml(highlighted(self.model.record(row)))

    def _open(self) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            self.open_meeting.emit(self.model.record(row).meeting)
