"""Meetings of the year's associations and of the council (read-only in this version)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.domain.entities import Meeting
from desktop_app.i18n import N_
from desktop_app.ui.labels import MEETING_STATUS_LABELS, label, short_date
from desktop_app.ui.models.table import Column
from desktop_app.ui.session import local
from desktop_app.ui.views.records import RecordsView


@dataclass(frozen=True)
class MeetingRow:
    meeting: Meeting
    body: str
    chair: str


class MeetingsView(RecordsView):
    title = N_("Meetings")
    note = N_("Meetings of the associations and of the methodical council in the selected academic year.")

    def columns(self) -> Sequence[Column[MeetingRow]]:
        return [
            Column(N_("Association"), lambda r: r.body),
            Column(N_("No."), lambda r: str(r.meeting.number), sort_key=lambda r: r.meeting.number,
                   align_center=True),
            Column(N_("Date"), lambda r: short_date(r.meeting.date),
                   sort_key=lambda r: r.meeting.date.isoformat()),
            Column(N_("Chair"), lambda r: r.chair),
            Column(N_("Agenda items"), lambda r: str(len(r.meeting.agenda)),
                   sort_key=lambda r: len(r.meeting.agenda), align_center=True),
            Column(N_("Status"), lambda r: label(MEETING_STATUS_LABELS, r.meeting.status)),
        ]

    def load(self) -> Sequence[MeetingRow]:
        assert self.year is not None
        s = self.session
        teachers = s.teachers_by_id()
        rows = []
        for body in s.services.associations.list(s.actor, s.school, self.year.id):
            for meeting in s.services.meetings.list(s.actor, s.school, body.id):
                chair = teachers[meeting.chair].short_name if meeting.chair in teachers else meeting.chair
                rows.append(MeetingRow(meeting, local(body.name), chair))
        return rows
