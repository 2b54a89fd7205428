"""Calendar-thematic plans (KTP) of the academic year (read-only in this version)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.domain.entities import CalendarPlan
from desktop_app.i18n import N_
from desktop_app.ui.labels import PLAN_STATUS_LABELS, label
from desktop_app.ui.models.table import Column
from desktop_app.ui.views.records import RecordsView


@dataclass(frozen=True)
class PlanRow:
    plan: CalendarPlan
    teacher: str
    subject: str


class PlansView(RecordsView):
    title = N_("Calendar-thematic plans")
    note = N_("The KTPs of the selected academic year and where each stands on the way to approval.")

    def columns(self) -> Sequence[Column[PlanRow]]:
        return [
            Column(N_("Teacher"), lambda r: r.teacher),
            Column(N_("Subject"), lambda r: r.subject),
            Column(N_("Grade"), lambda r: str(r.plan.grade), sort_key=lambda r: r.plan.grade,
                   align_center=True),
            Column(N_("Classes"), lambda r: ", ".join(r.plan.classes)),
            Column(N_("Hours per week"), lambda r: f"{r.plan.hours_per_week:g}",
                   sort_key=lambda r: int(r.plan.hours_per_week * 10), align_center=True),
            Column(N_("Lessons"), lambda r: str(len(r.plan.rows)), sort_key=lambda r: len(r.plan.rows),
                   align_center=True),
            Column(N_("Status"), lambda r: label(PLAN_STATUS_LABELS, r.plan.status),
                   sort_key=lambda r: list(PLAN_STATUS_LABELS).index(r.plan.status)),
        ]

    def load(self) -> Sequence[PlanRow]:
        assert self.year is not None
        s = self.session
        teachers = s.teachers_by_id()
        subjects = s.subject_names()
        return [
            PlanRow(plan, teachers[plan.teacher].short_name if plan.teacher in teachers else plan.teacher,
                    subjects.get(plan.subject, plan.subject))
            for plan in s.services.plans.list(s.actor, s.school, self.year.id)
        ]
