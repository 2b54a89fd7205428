"""The KTP editor's status line: where the plan stands and why it may or may not be changed, and
what "Copy from…" took from which plan; in the window's language."""

from __future__ import annotations

from desktop_app.domain.entities import CalendarPlan, PlanStatus, Teacher
from desktop_app.domain.plans import EDITABLE
from desktop_app.i18n import _
from desktop_app.ui.labels import PLAN_STATUS_LABELS, label
from desktop_app.ui.models.plan_rows import format_hours


def status_text(plan: CalendarPlan, year: str, editable: bool) -> str:
    """The plan's status and what it means for editing (``editable``: the domain's ``may_edit``)."""
    status = label(PLAN_STATUS_LABELS, plan.status)
    if not plan.id:
        text = _("New plan for the {year} academic year; it is saved as a draft.").format(year=year)
    elif plan.status is PlanStatus.APPROVED:
        text = _("Status: {status} — the plan is locked; make a new version to change it.").format(status=status)
    elif plan.status not in EDITABLE:
        text = _("Status: {status} — the plan is on its way to approval and cannot be edited now.").format(
            status=status)
    elif not editable:
        text = _("Status: {status} — only its teacher or the deputy director may change this plan.").format(
            status=status)
    elif plan.status is PlanStatus.RETURNED:
        text = _("Status: {status} — saving a change takes the plan back to draft.").format(status=status)
    else:
        text = _("Status: {status}").format(status=status)
    version = _(", version {number}").format(number=plan.version) if plan.version > 1 else ""
    return text + version


def copy_note(source: CalendarPlan, classes: bool, teachers: dict[str, Teacher]) -> str:
    """What "Copy from…" took from ``source`` (its rows, hours and, when ``classes``, its classes)."""
    person = teachers.get(source.teacher)
    values = {"teacher": person.short_name if person else source.teacher, "year": source.academic_year,
              "grade": source.grade, "count": len(source.rows), "hours": format_hours(source.hours_per_week),
              "classes": ", ".join(source.classes)}
    if classes:
        return _("Copied from the plan of {teacher} ({year}, grade {grade}): the rows ({count}) without "
                 "dates, {hours} hours per week and the classes {classes}.").format(**values)
    return _("Copied from the plan of {teacher} ({year}, grade {grade}): the rows ({count}) without dates "
             "and {hours} hours per week.").format(**values)
