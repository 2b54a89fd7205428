"""The Plans section's table: one line per KTP with its teacher's and subject's names, coloured by status."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

from desktop_app.domain.entities import CalendarPlan, PlanStatus
from desktop_app.i18n import N_, _, format_number
from desktop_app.ui.labels import PLAN_STATUS_LABELS, label
from desktop_app.ui.models.table import Column

STATUS_COLOURS = {PlanStatus.RETURNED: "#fde2e2", PlanStatus.SUBMITTED: "#fff4d6",
                  PlanStatus.RECOMMENDED: "#e3effd", PlanStatus.AGREED: "#e6f4ea", PlanStatus.APPROVED: "#d4edda"}


@dataclass(frozen=True)
class PlanListEntry:
    """A plan as the list shows it: the plan and the names of its teacher and subject (not a lesson
    row of a plan: that is the domain's ``PlanRow``)."""

    plan: CalendarPlan  # the header: its rows are read when it is opened
    teacher: str
    subject: str
    lessons: int

    @property
    def id(self) -> str:
        return self.plan.id


def caption(entry: PlanListEntry) -> str:
    """"Teacher — subject, grade N (classes)" in the window's language (dialog titles, details)."""
    plan = entry.plan
    classes = f" ({', '.join(plan.classes)})" if plan.classes else ""
    return _("{teacher} — {subject}, grade {grade}{classes}").format(
        teacher=entry.teacher, subject=entry.subject, grade=plan.grade, classes=classes)


#: Where ``plan_columns`` puts the teacher's and the subject's names.
TEACHER_COLUMN, SUBJECT_COLUMN = 0, 1


def plan_columns() -> list[Column[PlanListEntry]]:
    return [
        Column(N_("Teacher"), lambda r: r.teacher),
        Column(N_("Subject"), lambda r: r.subject),
        Column(N_("Grade"), lambda r: str(r.plan.grade), sort_key=lambda r: r.plan.grade,
               align_center=True),
        Column(N_("Classes"), lambda r: ", ".join(r.plan.classes)),
        Column(N_("Hours per week"), lambda r: format_number(r.plan.hours_per_week),
               sort_key=lambda r: int(r.plan.hours_per_week * 10), align_center=True),
        Column(N_("Lessons"), lambda r: str(r.lessons), sort_key=lambda r: r.lessons,
               align_center=True),
        Column(N_("Version"), lambda r: str(r.plan.version), sort_key=lambda r: r.plan.version,
               align_center=True),
        Column(N_("Status"), lambda r: label(PLAN_STATUS_LABELS, r.plan.status),
               sort_key=lambda r: list(PLAN_STATUS_LABELS).index(r.plan.status),
               background=lambda r: QColor(STATUS_COLOURS[r.plan.status])
               if r.plan.status in STATUS_COLOURS else None),
    ]
