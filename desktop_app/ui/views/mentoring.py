"""Mentorships of the academic year (read-only in this version)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.domain.entities import Mentorship
from desktop_app.i18n import N_
from desktop_app.ui.labels import MENTORSHIP_STATUS_LABELS, label, short_date
from desktop_app.ui.models.table import Column
from desktop_app.ui.views.records import RecordsView


@dataclass(frozen=True)
class MentorshipRow:
    mentorship: Mentorship
    mentor: str
    mentee: str


def _order(m: Mentorship) -> str:
    if m.order is None:
        return ""
    return f"№ {m.order.number}, {short_date(m.order.date)}"


class MentoringView(RecordsView):
    title = N_("Mentoring")
    note = N_("Mentors and young specialists of the selected academic year.")

    def columns(self) -> Sequence[Column[MentorshipRow]]:
        return [
            Column(N_("Mentor"), lambda r: r.mentor),
            Column(N_("Mentee"), lambda r: r.mentee),
            Column(N_("Period"), lambda r: f"{short_date(r.mentorship.start)} – {short_date(r.mentorship.end)}",
                   sort_key=lambda r: r.mentorship.start.isoformat()),
            Column(N_("Director's order"), _order_text),
            Column(N_("Sessions"), lambda r: str(len(r.mentorship.sessions)),
                   sort_key=lambda r: len(r.mentorship.sessions), align_center=True),
            Column(N_("Status"), lambda r: label(MENTORSHIP_STATUS_LABELS, r.mentorship.status)),
        ]

    def load(self) -> Sequence[MentorshipRow]:
        assert self.year is not None
        s = self.session
        teachers = s.teachers_by_id()

        def name(teacher: str) -> str:
            return teachers[teacher].short_name if teacher in teachers else teacher

        return [MentorshipRow(m, name(m.mentor), name(m.mentee))
                for m in s.services.mentoring.list(s.actor, s.school, self.year.id)]


def _order_text(row: MentorshipRow) -> str:
    return _order(row.mentorship)
