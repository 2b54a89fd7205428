"""Rules 6 and 10: the path of a KTP from draft to approval, and a status that matches its record.

п. 26: considered at the association's meeting, approved by the director. The deputy director's
agreement between the two is school practice (``School.deputy_agreement``, on by default): its
refusals cite no paragraph (``Rule.AGREEMENT``)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum

from desktop_app.domain.accounts import Action, Actor, Role
from desktop_app.domain.entities import (
    Approval,
    Association,
    CalendarPlan,
    Meeting,
    PlanStatus,
    Review,
    ReviewOutcome,
    School,
    Teacher,
)
from desktop_app.domain.errors import N_, DomainError, Msg, Rule
from desktop_app.domain.labels import PLAN_STATUS_LABELS, REVIEW_OUTCOME_LABELS
from desktop_app.domain.plan_cells import lesson_errors

#: Statuses in which the teacher may change the plan's rows.
EDITABLE = frozenset({PlanStatus.DRAFT, PlanStatus.RETURNED})


class Step(StrEnum):
    """A step on the path to approval that a user takes on a plan."""

    SUBMIT = "submit"
    CONSIDER = "consider"
    REVISE = "revise"
    AGREE = "agree"
    APPROVE = "approve"
    NEW_VERSION = "new_version"


#: The statuses each step starts from (a returned plan is submitted by way of revising it).
STEP_FROM: dict[Step, frozenset[PlanStatus]] = {
    Step.SUBMIT: EDITABLE,
    Step.CONSIDER: frozenset({PlanStatus.SUBMITTED}),
    Step.REVISE: frozenset({PlanStatus.RETURNED}),
    Step.AGREE: frozenset({PlanStatus.RECOMMENDED}),
    Step.APPROVE: frozenset({PlanStatus.AGREED}),
    Step.NEW_VERSION: frozenset({PlanStatus.APPROVED}),
}


def step_from(step: Step, agreement: bool = True) -> frozenset[PlanStatus]:
    """The statuses ``step`` starts from; without the deputy's agreement (a school setting) the
    director approves a recommended plan and nobody agrees."""
    if agreement:
        return STEP_FROM[step]
    if step is Step.AGREE:
        return frozenset()
    if step is Step.APPROVE:
        return frozenset({PlanStatus.RECOMMENDED, PlanStatus.AGREED})
    return STEP_FROM[step]

#: The permission each step needs.
STEP_ACTION: dict[Step, Action] = {
    Step.SUBMIT: Action.EDIT_PLAN,
    Step.CONSIDER: Action.REVIEW_PLAN,
    Step.REVISE: Action.EDIT_PLAN,
    Step.AGREE: Action.AGREE_PLAN,
    Step.APPROVE: Action.APPROVE_PLAN,
    Step.NEW_VERSION: Action.EDIT_PLAN,
}


def reviewers_of(plan: CalendarPlan, associations: Iterable[Association]) -> set[str]:
    """Heads of the associations the plan's teacher belongs to: who may record its review (п. 26)."""
    return {body.head for body in associations if body.is_member(plan.teacher)}


def may_edit(actor: Actor, plan: CalendarPlan) -> bool:
    """Rule 5 and the roles: the plan is still editable and ``actor`` is its teacher or the deputy."""
    owners = {plan.teacher} if plan.teacher else set()
    return plan.status in EDITABLE and actor.may(Action.EDIT_PLAN, owners)


def may_write_plans(actor: Actor) -> bool:
    """Whether ``actor`` may start a KTP (new, copied or imported from a file): the deputy director
    for every teacher, a teacher (head, director) for their own; a viewer never."""
    return actor.may(Action.EDIT_PLAN) or (actor.teacher is not None
                                           and actor.may(Action.EDIT_PLAN, {actor.teacher}))


def plan_teachers(actor: Actor, teachers: Iterable[Teacher]) -> list[Teacher]:
    """The teachers ``actor`` may write (import) a plan for: any for whoever writes every plan (the
    deputy director), else only the signed-in user's own teacher."""
    if actor.may(Action.EDIT_PLAN):
        return list(teachers)
    return [t for t in teachers if t.id == actor.teacher]


def may_review_plans(actor: Actor) -> bool:
    """Whether ``actor`` records associations' outcomes on plans at all (п. 26): a role granted the
    review, or a head (of the plans of their own association's members, see ``reviewers_of``)."""
    return actor.may(Action.REVIEW_PLAN) or actor.role is Role.HEAD


def draft_gap(plan: CalendarPlan) -> str | None:
    """What ``plan`` lacks before the editor saves it as a draft on its own (an untranslated
    message, the first gap only), or None when it may be saved: the teacher, the subject, the
    classes and one row."""
    if not plan.teacher:
        return N_("Choose the teacher")
    if not plan.subject:
        return N_("Choose the subject")
    if not plan.classes:
        return N_("Type the classes")
    if not plan.rows:
        return N_("Type the first row")
    return None


def allowed_steps(actor: Actor, plan: CalendarPlan, reviewers: Iterable[str] = (),
                  agreement: bool = True) -> set[Step]:
    """The steps ``actor`` may take on ``plan`` now: the status allows them and the role grants them.

    The teacher owns submitting, revising and a new version; the heads in ``reviewers`` (see
    ``reviewers_of``) own the review; agreeing and approving belong to a role, never to an owner.
    A list shows this ahead of time; the service checks again when the step is taken."""
    owners: dict[Step, frozenset[str]] = {Step.CONSIDER: frozenset(reviewers), Step.AGREE: frozenset(),
                                          Step.APPROVE: frozenset()}
    return {step for step in STEP_FROM
            if plan.status in step_from(step, agreement)
            and actor.may(STEP_ACTION[step], owners.get(step, frozenset({plan.teacher})))}


def _refuse(plan: CalendarPlan, message: str, field: str = "status", rule: Rule = Rule.PLAN_WORKFLOW,
            **params: object) -> DomainError:
    return DomainError(rule, message, {"id": plan.id, **params}, record=plan.id, field=field)


def _expect(plan: CalendarPlan, *allowed: PlanStatus) -> None:
    if plan.status not in allowed:
        raise _refuse(
            plan, N_("The plan {id} is {status}; this step needs it to be {allowed}"),
            status=Msg(PLAN_STATUS_LABELS[plan.status]),
            allowed=Msg(PLAN_STATUS_LABELS[allowed[0]]) if len(allowed) == 1
            else " / ".join(s.value for s in allowed),
        )


def ensure_editable(plan: CalendarPlan) -> None:
    """Rule 5: an approved plan is locked; while it is on its way it is not edited either."""
    if plan.status is PlanStatus.APPROVED:
        raise DomainError(
            Rule.LOCKED_RECORD,
            N_("The plan {id} is approved and locked; make a new version to change it"),
            {"id": plan.id}, record=plan.id,
        )
    if plan.status not in EDITABLE:
        raise _refuse(plan, N_("The plan {id} is {status} and cannot be edited now"),
                      status=Msg(PLAN_STATUS_LABELS[plan.status]))


def submit(plan: CalendarPlan) -> None:
    """Teacher: draft → submitted (calendar blockers are checked by the caller, rule 7)."""
    if plan.status is PlanStatus.RETURNED:
        revise(plan)
    _expect(plan, PlanStatus.DRAFT)
    if not plan.rows:
        raise _refuse(plan, N_("The plan {id} has no rows"), field="rows")
    plan.status = PlanStatus.SUBMITTED


def consider(
    plan: CalendarPlan,
    meeting: Meeting,
    body: Association,
    item: int,
    outcome: ReviewOutcome,
    remarks: str | None = None,
    submitted_on: date | None = None,
) -> None:
    """Association meeting: submitted → recommended, or returned with remarks (п. 26).

    Dates never go backwards (rule 6): the meeting is not held before ``submitted_on``, the day
    the plan was submitted (the service reads it from the plan's history)."""
    _expect(plan, *STEP_FROM[Step.CONSIDER])
    if submitted_on is not None and meeting.date < submitted_on:
        raise _refuse(plan, N_("The plan {id} was submitted on {submitted}; the meeting of {date} is "
                               "earlier, so it cannot have considered the plan"),
                      field="review.meeting", submitted=submitted_on, date=meeting.date)
    review = Review(meeting.id, item, outcome, remarks)
    if outcome is ReviewOutcome.RETURNED and not (remarks or "").strip():
        raise _refuse(plan, N_("A plan returned for revision needs remarks"), field="review.remarks")
    errors = review_errors(plan, review, {meeting.id: meeting}, {body.id: body})
    if errors:
        raise errors[0]
    plan.review = review
    plan.status = (
        PlanStatus.RECOMMENDED if outcome is ReviewOutcome.RECOMMENDED else PlanStatus.RETURNED
    )


def revise(plan: CalendarPlan) -> None:
    """Teacher: a returned plan goes back to draft; the review stays as its history."""
    _expect(plan, *STEP_FROM[Step.REVISE])
    plan.status = PlanStatus.DRAFT


def agree(plan: CalendarPlan, approval: Approval, meeting_date: date, agreement: bool = True) -> None:
    """Deputy director: recommended → agreed, not before the meeting that recommended it; only in a
    school that keeps this step (school practice, no paragraph of the Rules)."""
    if not agreement:
        raise DomainError(Rule.AGREEMENT, N_("The school does not keep the deputy director's agreement "
                                             "of plans; the director approves the plan {id} directly"),
                          {"id": plan.id}, record=plan.id, field="agreed")
    if plan.status not in STEP_FROM[Step.AGREE]:
        raise _refuse(plan, N_("The plan {id} is {status}; this step needs it to be {allowed}"),
                      rule=Rule.AGREEMENT, status=Msg(PLAN_STATUS_LABELS[plan.status]),
                      allowed=Msg(PLAN_STATUS_LABELS[PlanStatus.RECOMMENDED]))
    if approval.on < meeting_date:
        raise _refuse(plan, N_("The agreement date {date} is before the meeting of {previous}"),
                      field="agreed", rule=Rule.AGREEMENT, date=approval.on, previous=meeting_date)
    plan.agreed = approval
    plan.status = PlanStatus.AGREED


def approve(plan: CalendarPlan, approval: Approval, review_date: date | None = None,
            agreement: bool = True) -> None:
    """Director (п. 26): agreed → approved, or recommended → approved where the school keeps no
    agreement; not before the review (held on ``review_date``) nor the agreement; then locked."""
    if agreement and plan.status is PlanStatus.RECOMMENDED:  # waiting for the deputy: school practice
        raise _refuse(plan, N_("The plan {id} is {status}; this step needs it to be {allowed}"),
                      rule=Rule.AGREEMENT, status=Msg(PLAN_STATUS_LABELS[plan.status]),
                      allowed=Msg(PLAN_STATUS_LABELS[PlanStatus.AGREED]))
    if plan.status not in step_from(Step.APPROVE, agreement):
        _expect(plan, PlanStatus.AGREED if agreement else PlanStatus.RECOMMENDED)
    if review_date is not None and approval.on < review_date:
        raise _refuse(plan, N_("The approval date {date} is before the meeting of {previous}"),
                      field="approved", date=approval.on, previous=review_date)
    if plan.agreed is not None and approval.on < plan.agreed.on:
        raise _refuse(plan, N_("The approval date {date} is before the agreement of {previous}"),
                      field="approved", rule=Rule.AGREEMENT, date=approval.on, previous=plan.agreed.on)
    plan.approved = approval
    plan.status = PlanStatus.APPROVED


def review_errors(
    plan: CalendarPlan,
    review: Review,
    meetings: Mapping[str, Meeting],
    associations: Mapping[str, Association],
) -> list[DomainError]:
    """Rule 10: the review is of a meeting of the teacher's association whose item lists the plan."""
    meeting = meetings.get(review.meeting)
    if meeting is None:
        return [DomainError(Rule.REFERENCE, N_("Not found: {kind} {id}"),
                            {"kind": Msg("meeting"), "id": review.meeting}, record=plan.id,
                            field="review.meeting")]
    body = associations.get(meeting.body)
    errors = []
    if body is None or not body.is_member(plan.teacher, meeting.date):
        errors.append(DomainError(
            Rule.PLAN_RECORD,
            N_("The plan was reviewed at {meeting}, but {teacher} is not a member of that body"),
            {"meeting": meeting.id, "teacher": plan.teacher}, record=plan.id, field="review.meeting",
        ))
    item = meeting.item(review.item)
    if item is None or plan.id not in item.plans:
        errors.append(DomainError(
            Rule.PLAN_RECORD,
            N_("Item {item} of meeting {meeting} does not list the plan {id}"),
            {"item": review.item, "meeting": meeting.id, "id": plan.id},
            record=plan.id, field="review.item",
        ))
    return errors


_NEEDS_REVIEW = {
    PlanStatus.RETURNED: ReviewOutcome.RETURNED,
    PlanStatus.RECOMMENDED: ReviewOutcome.RECOMMENDED,
    PlanStatus.AGREED: ReviewOutcome.RECOMMENDED,
    PlanStatus.APPROVED: ReviewOutcome.RECOMMENDED,
}


def record_errors(
    plan: CalendarPlan,
    school: School,
    meetings: Mapping[str, Meeting],
    associations: Mapping[str, Association],
) -> list[DomainError]:
    """Rule 10: the status is backed by the review, the agreement and the approval, in date order."""
    errors: list[DomainError] = []

    def fail(message: str, field: str, rule: Rule = Rule.PLAN_RECORD, **params: object) -> None:
        values = {"id": plan.id, "status": Msg(PLAN_STATUS_LABELS[plan.status]), **params}
        errors.append(DomainError(rule, message, values, record=plan.id, field=field))

    status = plan.status
    wanted = _NEEDS_REVIEW.get(status)
    if wanted is not None:
        if plan.review is None:
            fail(N_("The plan {id} is {status} but has no review of an association meeting"), "review")
        elif plan.review.outcome is not wanted:
            fail(N_("The plan {id} is {status} but its review says {outcome}"), "review.outcome",
                 outcome=Msg(REVIEW_OUTCOME_LABELS[plan.review.outcome]))
    elif plan.review is not None and plan.review.outcome is ReviewOutcome.RECOMMENDED:
        fail(N_("The plan {id} is {status} but its review already recommended it"), "review.outcome")
    if plan.review is not None:
        errors.extend(review_errors(plan, plan.review, meetings, associations))
    # The agreement is school practice: needed where the school keeps it, never credited to п. 26;
    # an approved plan may carry one from before the school stopped keeping the step.
    needs_agreed = status is PlanStatus.AGREED or (status is PlanStatus.APPROVED and school.deputy_agreement)
    may_carry_agreed = status in (PlanStatus.AGREED, PlanStatus.APPROVED)
    needs_approved = status is PlanStatus.APPROVED
    if needs_agreed and plan.agreed is None:
        fail(N_("The plan {id} is {status} but has no agreement of the deputy director"), "agreed",
             rule=Rule.AGREEMENT)
    if not may_carry_agreed and plan.agreed is not None:
        fail(N_("The plan {id} is {status} but carries an agreement"), "agreed", rule=Rule.AGREEMENT)
    if needs_approved and plan.approved is None:
        fail(N_("The plan {id} is {status} but has no approval of the director"), "approved")
    if not needs_approved and plan.approved is not None:
        fail(N_("The plan {id} is {status} but carries an approval"), "approved")
    # Who signed (issue 18): the official, or someone recorded as acting in their stead.
    if plan.agreed is not None and not plan.agreed.acting and school.deputy_director \
            and plan.agreed.by != school.deputy_director:
        fail(N_("The plan {id} is agreed by {teacher}, who is not the deputy director"), "agreed.by",
             rule=Rule.AGREEMENT, teacher=plan.agreed.by)
    if plan.approved is not None and not plan.approved.acting and school.director \
            and plan.approved.by != school.director:
        fail(N_("The plan {id} is approved by {teacher}, who is not the director"), "approved.by",
             teacher=plan.approved.by)
    dates: list[tuple[str, date]] = []
    if plan.review is not None and plan.review.meeting in meetings:
        dates.append(("review", meetings[plan.review.meeting].date))
    if plan.agreed is not None:
        dates.append(("agreed.on", plan.agreed.on))
    if plan.approved is not None:
        dates.append(("approved.on", plan.approved.on))
    for (_, before), (field, after) in itertools.pairwise(dates):
        if after < before:
            fail(N_("The plan {id}: {date} is before the previous step of {previous}"), field,
                 date=after, previous=before)
    return errors


#: The bounds of the exchange format (exchange-v1.schema.json), so a plan typed in the window can
#: always be exported and imported again (a row's bounds are in ``plan_cells``).
GRADES = range(0, 13)
MAX_HOURS_PER_WEEK = 40


def row_errors(plan: CalendarPlan) -> list[DomainError]:
    """The header's grade and hours per week within bounds; row numbers unique; each row with a topic,
    its hours and term within bounds (``plan_cells``, the messages the editor and the import give)."""
    errors = []

    def fail(message: str, field: str, **params: object) -> None:
        errors.append(DomainError(Rule.VALUE, message, params, record=plan.id or None, field=field))

    if plan.grade not in GRADES:
        fail(N_("The grade must be from {low} to {high}"), "grade", low=GRADES[0], high=GRADES[-1])
    if not 0 < plan.hours_per_week <= MAX_HOURS_PER_WEEK:
        fail(N_("The hours per week must be more than 0 and at most {high}"), "hours_per_week",
             high=MAX_HOURS_PER_WEEK)
    seen: set[int] = set()
    for row in plan.rows:
        if row.number in seen:
            fail(N_("Row number {row} is repeated"), "rows", row=row.number)
        seen.add(row.number)
        errors.extend(problem.at(row.number, record=plan.id or None, field=f"rows.{row.number}.{problem.column}")
                      for problem in lesson_errors(row))
    return errors
