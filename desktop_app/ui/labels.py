"""Display names of the domain's enumerations (glossary terms, translated where shown)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from desktop_app.domain.accounts import ROLE_LABELS, Role
from desktop_app.domain.entities import WorkPlanForm
from desktop_app.domain.labels import (  # noqa: F401 - the window's labels are the domain's
    CATEGORY_LABELS,
    KIND_LABELS,
    MEETING_STATUS_LABELS,
    MENTORSHIP_STATUS_LABELS,
    PLAN_STATUS_LABELS,
    REVIEW_OUTCOME_LABELS,
    VISIT_KIND_LABELS,
)
from desktop_app.i18n import N_, _

#: Forms of the items of an association's annual work plan (п. 28).
WORK_PLAN_FORM_LABELS = {
    WorkPlanForm.MEETING: N_("meeting"),
    WorkPlanForm.SEMINAR: N_("seminar"),
    WorkPlanForm.MASTER_CLASS: N_("master class"),
    WorkPlanForm.OPEN_LESSON: N_("open lesson"),
    WorkPlanForm.ROUND_TABLE: N_("round table"),
    WorkPlanForm.CONFERENCE: N_("conference"),
    WorkPlanForm.WORKSHOP: N_("workshop"),
    WorkPlanForm.OTHER: N_("other"),
}


def label(labels: dict[StrEnum, str] | dict[Role, str], value: StrEnum) -> str:
    """The translated label of an enum value; an unknown value shows as itself."""
    return _(labels.get(value, str(value)))  # type: ignore[call-overload]


def role_label(role: Role) -> str:
    return _(ROLE_LABELS[role])


def short_date(day: date) -> str:
    """27.11.2026: the numeric form both languages use in paperwork (Babel's kk short form has a
    two-digit year)."""
    return day.strftime("%d.%m.%Y")
