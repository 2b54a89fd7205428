"""The Meetings section's table: one line per protocol of the chosen body, its agenda in one line."""

from __future__ import annotations

from desktop_app.domain.entities import Meeting
from desktop_app.i18n import N_
from desktop_app.ui.labels import MEETING_STATUS_LABELS, label, short_date
from desktop_app.ui.models.table import Column


def agenda_summary(meeting: Meeting) -> str:
    return "; ".join(f"{i.number}. {i.title}" for i in meeting.agenda)


def meeting_columns() -> list[Column[Meeting]]:
    return [
        Column(N_("No."), lambda m: str(m.number), sort_key=lambda m: m.number, align_center=True),
        Column(N_("Date"), lambda m: short_date(m.date), sort_key=lambda m: m.date.isoformat()),
        Column(N_("Status"), lambda m: label(MEETING_STATUS_LABELS, m.status)),
        Column(N_("Version"), lambda m: str(m.version), sort_key=lambda m: m.version, align_center=True),
        Column(N_("Agenda"), agenda_summary),
    ]
