"""Open lessons, master classes and mutual visits dated in the academic year (read-only for now)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.domain.entities import LessonVisit
from desktop_app.i18n import N_
from desktop_app.ui.labels import VISIT_KIND_LABELS, label, short_date
from desktop_app.ui.models.table import Column
from desktop_app.ui.views.records import RecordsView


@dataclass(frozen=True)
class VisitRow:
    visit: LessonVisit
    teacher: str
    subject: str
    observers: str


class VisitsView(RecordsView):
    title = N_("Lesson visits")
    note = N_("Open lessons, master classes and mutual lesson visits dated in the selected academic year.")

    def columns(self) -> Sequence[Column[VisitRow]]:
        return [
            Column(N_("Date"), lambda r: short_date(r.visit.date),
                   sort_key=lambda r: r.visit.date.isoformat()),
            Column(N_("Kind"), lambda r: label(VISIT_KIND_LABELS, r.visit.kind)),
            Column(N_("Teacher"), lambda r: r.teacher),
            Column(N_("Subject"), lambda r: r.subject),
            Column(N_("Class"), lambda r: r.visit.class_name or "", align_center=True),
            Column(N_("Lesson topic"), lambda r: r.visit.topic),
            Column(N_("Observers"), lambda r: r.observers),
        ]

    def load(self) -> Sequence[VisitRow]:
        assert self.year is not None
        s = self.session
        teachers = s.teachers_by_id()
        subjects = s.subject_names()
        first, last = self.year.window

        def name(teacher: str) -> str:
            return teachers[teacher].short_name if teacher in teachers else teacher

        return [
            VisitRow(v, name(v.teacher), subjects.get(v.subject, v.subject),
                     ", ".join(name(o.observer) for o in v.observations))
            for v in s.services.visits.list(s.actor, s.school)
            if first <= v.date <= last
        ]
