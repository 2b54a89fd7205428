"""The academic year at a glance: how many of each record the services hold for it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.domain.entities import PlanStatus
from desktop_app.i18n import N_, _, ngettext
from desktop_app.ui.labels import PLAN_STATUS_LABELS, label
from desktop_app.ui.session import local
from desktop_app.ui.views.base import View


@dataclass
class YearFigures:
    associations: int = 0
    associations_short: int = 0
    meetings: int = 0
    meetings_finalized: int = 0
    plans: Counter[PlanStatus] = field(default_factory=Counter)
    mentorships: int = 0
    visits: int = 0


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


class OverviewView(View):
    searchable = False

    def _build_ui(self) -> None:
        self.figures = YearFigures()
        self.title_label = QLabel(self)
        self.title_label.setObjectName("viewTitle")
        self.school_label = QLabel(self)
        self.school_label.setWordWrap(True)
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
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.school_label.setAlignment(Qt.AlignmentFlag.AlignLeft)

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
        self._set("associations", f.associations,
                  _("{count} short of the minimum of rule 1 (п. 23)").format(count=f.associations_short)
                  if f.associations_short else _("all meet rule 1 (п. 23)"))
        finalized = ngettext("{count} protocol finalized", "{count} protocols finalized",
                             f.meetings_finalized).format(count=f.meetings_finalized)
        self._set("meetings", f.meetings, finalized)
        plans = "\n".join(f"{label(PLAN_STATUS_LABELS, status)}: {f.plans[status]}"
                          for status in PlanStatus if f.plans[status])
        self._set("plans", sum(f.plans.values()), plans)
        self._set("mentorships", f.mentorships, "")
        self._set("visits", f.visits, _("open lessons, master classes and mutual visits"))

    def _set(self, key: str, number: int, detail: str) -> None:
        tile = self.tiles[key]
        tile.number.setText(str(number) if self.year is not None else "–")
        tile.detail.setText(detail if self.year is not None else "")

    def refresh(self) -> None:
        self.figures = self._count() if self.year is not None else YearFigures()
        self.retranslate_ui()

    def _count(self) -> YearFigures:
        assert self.year is not None
        s, services, year = self.session, self.session.services, self.year.id
        figures = YearFigures()
        bodies = services.associations.list(s.actor, s.school, year)
        figures.associations = len(bodies)
        for body in bodies:
            if not services.associations.composition(s.actor, s.school, body).satisfied:
                figures.associations_short += 1
            meetings = services.meetings.list(s.actor, s.school, body.id)
            figures.meetings += len(meetings)
            figures.meetings_finalized += sum(1 for m in meetings if m.status == "finalized")
        figures.plans = Counter(p.status for p in services.plans.list(s.actor, s.school, year))
        figures.mentorships = len(services.mentoring.list(s.actor, s.school, year))
        first, last = self.year.window
        figures.visits = sum(1 for v in services.visits.list(s.actor, s.school) if first <= v.date <= last)
        return figures
