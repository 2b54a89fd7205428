"""The academic year at a glance: how many of each record the services hold for it (counted by
``AttentionService.figures``, in SQL)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop_app.domain.entities import LocalizedText, PlanStatus
from desktop_app.i18n import N_, _, ngettext
from desktop_app.services.attention import (
    ATTENTION_KIND_LABELS,
    AttentionItem,
    AttentionKind,
    Param,
    YearFigures,
)
from desktop_app.ui.labels import PLAN_STATUS_LABELS, label, short_date
from desktop_app.ui.session import local
from desktop_app.ui.widgets.first_steps import FirstStepsPanel
from desktop_app.ui.widgets.view import View


class Tile(QFrame):
    """A number with its caption and a line of detail."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = caption
        self.setObjectName("tile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = QLabel("–", self)
        self.number.setObjectName("tileNumber")
        self.title = QLabel(self)
        self.title.setObjectName("tileTitle")
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setObjectName("viewNote")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.number)
        layout.addWidget(self.detail)
        layout.addStretch(1)


#: The section that holds the record of each kind of line.
ATTENTION_SECTIONS = {
    AttentionKind.PLAN_SUBMITTED: "plans",
    AttentionKind.PLAN_RECOMMENDED: "plans",
    AttentionKind.PLAN_AGREED: "plans",
    AttentionKind.MEETING_OPEN: "meetings",
    AttentionKind.ATTESTATION_DUE: "teachers",
    AttentionKind.MENTORSHIP_IDLE: "mentoring",
    AttentionKind.ASSOCIATION_SHORT: "associations",
    AttentionKind.MATERIAL_CONSIDERED: "materials",
    AttentionKind.WORK_PLAN_UNAPPROVED: "associations",
    AttentionKind.WORK_PLAN_UNMARKED: "associations",
    AttentionKind.ATTESTATION_OPEN: "staff_records",
    AttentionKind.COURSES_OVERDUE: "staff_records",
    AttentionKind.ANALYSIS_UNAPPROVED: "analysis",
}

#: What the date of a line means, by kind (attestation and meeting lines name their date already).
ATTENTION_DAYS = {
    AttentionKind.PLAN_SUBMITTED: N_("since {date}"),
    AttentionKind.PLAN_RECOMMENDED: N_("since {date}"),
    AttentionKind.PLAN_AGREED: N_("since {date}"),
    AttentionKind.MENTORSHIP_IDLE: N_("last session {date}"),
    AttentionKind.MATERIAL_CONSIDERED: N_("since {date}"),
}


def _param(value: Param) -> str:
    if isinstance(value, LocalizedText):
        return local(value)
    if isinstance(value, date):
        return short_date(value)
    return str(value)


def attention_text(item: AttentionItem) -> str:
    """One line of the list in the window's language."""
    text = _(item.title).format(**{key: _param(value) for key, value in item.params.items()})
    tail = ATTENTION_DAYS.get(item.kind)
    if tail and item.day is not None:
        text = f"{text} — {_(tail).format(date=short_date(item.day))}"
    elif item.kind is AttentionKind.MENTORSHIP_IDLE:
        text = "{text} — {tail}".format(text=text, tail=_("no session logged yet"))
    return text


class OverviewView(View):
    """Signals: ``record_requested(section, record)`` when a line of "Needs attention" is opened;
    ``step_requested(section, action)`` when a button of the first steps asks for a section's dialog."""

    searchable = False
    record_requested = Signal(str, str)
    step_requested = Signal(str, str)

    def _build_ui(self) -> None:
        self.figures = YearFigures()
        self.attention: list[AttentionItem] = []
        self.title_label = QLabel(self)
        self.title_label.setObjectName("viewTitle")
        self.school_label = QLabel(self)
        self.school_label.setWordWrap(True)
        self.first_steps = FirstStepsPanel(self.session.actor, self)
        self.first_steps.setVisible(False)
        self.tiles = {
            "associations": Tile(N_("Associations"), self),
            "meetings": Tile(N_("Meetings"), self),
            "plans": Tile(N_("Calendar-thematic plans"), self),
            "mentorships": Tile(N_("Mentorships"), self),
            "visits": Tile(N_("Lesson visits"), self),
        }
        grid = QGridLayout()
        grid.setSpacing(12)
        for index, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, index // 3, index % 3)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.school_label)
        layout.addWidget(self.first_steps)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addSpacing(8)
        self.attention_label = QLabel(self)
        heading = self.attention_label.font()
        heading.setBold(True)
        heading.setPointSizeF(heading.pointSizeF() * 1.15)
        self.attention_label.setFont(heading)
        self.attention_tree = QTreeWidget(self)
        self.attention_tree.setObjectName("attention")
        self.attention_tree.setHeaderHidden(True)
        self.attention_tree.setRootIsDecorated(True)
        self.attention_tree.setUniformRowHeights(True)
        layout.addWidget(self.attention_label)
        layout.addWidget(self.attention_tree, 1)
        self.school_label.setAlignment(Qt.AlignmentFlag.AlignLeft)

    def _connect(self) -> None:
        self.attention_tree.itemActivated.connect(self._on_attention)
        self.first_steps.step_requested.connect(self.step_requested)

    def _on_attention(self, item: QTreeWidgetItem, _column: int) -> None:
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if data:
            section, record = data
            self.record_requested.emit(section, record)

    def retranslate_ui(self) -> None:
        s = self.session
        if self.year is None:
            self.title_label.setText(_("Overview"))
        else:
            self.title_label.setText(_("Overview of the academic year {year}").format(year=self.year.id))
        school = s.services.schools.get_school(s.actor, s.school)
        self.school_label.setText(local(school.name))
        f = self.figures
        for tile in self.tiles.values():
            tile.title.setText(_(tile.caption))
        if not f.associations:
            bodies = _("none created yet")
        elif f.associations_short:
            bodies = _("{count} left short of 3 teachers since created (п. 23)").format(
                count=f.associations_short)
        else:
            bodies = _("all meet rule 1 (п. 23)")
        self._set("associations", f.associations, bodies)
        finalized = ngettext("{count} protocol finalized", "{count} protocols finalized",
                             f.meetings_finalized).format(count=f.meetings_finalized)
        self._set("meetings", f.meetings, finalized)
        plans = "\n".join(f"{label(PLAN_STATUS_LABELS, status)}: {f.plans[status]}"
                          for status in PlanStatus if f.plans[status])
        self._set("plans", sum(f.plans.values()), plans)
        self._set("mentorships", f.mentorships, "")
        self._set("visits", f.visits, _("open lessons, master classes and mutual visits"))
        self.first_steps.retranslate_ui()
        self._fill_attention()

    def _fill_attention(self) -> None:
        self.attention_label.setText(_("Needs attention"))
        tree = self.attention_tree
        tree.clear()
        if self.year is None:
            return
        if not self.attention:
            QTreeWidgetItem(tree, [_("Nothing needs attention.")])
            return
        for kind in AttentionKind:
            lines = [i for i in self.attention if i.kind is kind]
            if not lines:
                continue
            group = QTreeWidgetItem(tree, [f"{_(ATTENTION_KIND_LABELS[kind])} ({len(lines)})"])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for line in lines:
                child = QTreeWidgetItem(group, [attention_text(line)])
                child.setData(0, Qt.ItemDataRole.UserRole, (ATTENTION_SECTIONS[kind], line.record))
                child.setToolTip(0, child.text(0))
        tree.expandAll()

    def _set(self, key: str, number: int, detail: str) -> None:
        tile = self.tiles[key]
        tile.number.setText(str(number) if self.year is not None else "–")
        tile.detail.setText(detail if self.year is not None else "")

    def refresh(self) -> None:
        attention = self.session.services.attention
        self.figures = (attention.figures(self.session.actor, self.session.school, self.year.id)
                        if self.year is not None else YearFigures())
        steps = attention.first_steps(self.session.actor, self.session.school, self.year.id if self.year else None)
        self.first_steps.show_steps(steps, self.year.id if self.year else "")
        self.attention = ([] if self.year is None else
                          attention.items(self.session.actor, self.session.school, self.year.id, attention.today()))
        self.retranslate_ui()
