"""What may be printed now, and why not: the rules the documents section shows before a refusal."""

from __future__ import annotations

from desktop_app.domain.entities import Association, Meeting, MeetingStatus
from desktop_app.domain.errors import N_, DomainError, Rule


def extract_refusal(meeting: Meeting) -> DomainError | None:
    """An extract certifies «Выписка верна» / «Үзінді дұрыс»: only a finalized protocol has one."""
    if meeting.status is MeetingStatus.FINALIZED:
        return None
    return DomainError(Rule.LOCKED_RECORD,
                       N_("The protocol No. {number} of {date} is not finalized: an extract is issued only "
                          "from a finalized protocol"),
                       {"number": meeting.number, "date": meeting.date}, record=meeting.id, field="status")


def work_plan_refusal(body: Association) -> DomainError | None:
    """A work plan without items has nothing to approve (п. 28)."""
    if body.work_plan is not None and body.work_plan.items:
        return None
    return DomainError(Rule.WORK_PLAN_APPROVAL, N_("The work plan of the association has no items yet"),
                       record=body.id, field="work_plan")
