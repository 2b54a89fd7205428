"""Rules 1, 2 and 9: who an association is made of, its officers, its annual work plan.

п. 23 is a condition of creating an association («создаются при наличии не менее 3-х педагогов
одного предмета»), not a rule of every day: creation with fewer is refused; a member who leaves
mid-year is recorded, and the association then carries a warning (``short_today``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from desktop_app.domain.entities import Association, AssociationKind, HeadBasis, School, Teacher
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.domain.rules_253 import cite

#: п. 23: an association is formed when a school has at least three teachers of one subject.
MINIMUM_TEACHERS = 3
#: п. 21, 24, 31: inter-school and by-direction associations serve small schools; the council
#: coordinates the associations. None of them has the minimum.
NO_MINIMUM = frozenset({AssociationKind.INTER_SCHOOL, AssociationKind.DIRECTION, AssociationKind.COUNCIL})
#: Only these may have members from other organizations (п. 21, 24).
EXTERNAL_MEMBERS_ALLOWED = frozenset({AssociationKind.INTER_SCHOOL, AssociationKind.DIRECTION})


@dataclass(frozen=True)
class Composition:
    """How far an association is from rule 1: ``count`` of ``required`` (for a live display)."""

    count: int
    required: int
    subject: str | None

    @property
    def satisfied(self) -> bool:
        return self.count >= self.required


def _members(association: Association, window: tuple[date, date], on: date | None) -> list[str]:
    chosen = (
        m for m in association.members
        if (m.active_on(on) if on is not None else m.overlaps(*window))
    )
    return list(dict.fromkeys(m.teacher for m in chosen))


def composition(
    association: Association,
    teachers: Mapping[str, Teacher],
    window: tuple[date, date],
    on: date | None = None,
) -> Composition:
    """Members counted on ``on``, or over the academic year window when ``on`` is None."""
    members = _members(association, window, on)
    required = 0 if association.kind in NO_MINIMUM else MINIMUM_TEACHERS
    if not association.subjects:
        return Composition(len(members), required, None)
    best_subject, best = association.subjects[0], -1
    for subject in association.subjects:
        count = sum(1 for t in members if t in teachers and subject in teachers[t].subjects)
        if count > best:
            best_subject, best = subject, count
    return Composition(best, required, best_subject)


def composition_errors(
    association: Association,
    teachers: Mapping[str, Teacher],
    window: tuple[date, date],
    on: date | None = None,
) -> list[DomainError]:
    """Rule 1 when an association is created or imported (п. 23; п. 21, 24 for members of other
    organizations). Members are counted on ``on``, or over the year when None (an imported
    association whose member left mid-year was created with them)."""
    errors: list[DomainError] = []
    if association.kind not in EXTERNAL_MEMBERS_ALLOWED:
        for teacher_id in _members(association, window, on):
            teacher = teachers.get(teacher_id)
            if teacher is not None and teacher.organization is not None:
                errors.append(DomainError(
                    Rule.ASSOCIATION_COMPOSITION,
                    N_("{teacher} is from another organization; only inter-school and "
                       "by-direction associations may have such members ({paragraph})"),
                    {"teacher": teacher_id, "paragraph": cite("21", "24")}, record=association.id, field="members",
                ))
    found = composition(association, teachers, window, on)
    if not found.satisfied:
        if found.subject is None:
            message = N_("Fewer than {required} members: {count} of {required}")
        else:
            message = N_("Fewer than {required} teachers of one subject: {count} of {required}")
        errors.append(DomainError(
            Rule.ASSOCIATION_COMPOSITION, message,
            {"count": found.count, "required": found.required, "subject": found.subject or ""},
            record=association.id, field="members",
        ))
    return errors


def creation_errors(
    association: Association, teachers: Mapping[str, Teacher], window: tuple[date, date]
) -> list[DomainError]:
    """Rule 1 as the window refuses a new association: the message itself cites п. 23 (the window
    shows no rule label, the command line and the import do)."""
    errors = composition_errors(association, teachers, window)
    for error in errors:
        if error.field == "members" and "count" in error.params:
            error.message = (N_("An association is created with at least {required} teachers of one "
                                "subject ({paragraph}): {count} of {required}") if error.params["subject"]
                             else N_("An association is created with at least {required} members "
                                     "({paragraph}): {count} of {required}"))
            error.params["paragraph"] = cite("23")
    return errors


def short_today(association: Association, teachers: Mapping[str, Teacher], window: tuple[date, date],
                today: date) -> Composition | None:
    """The composition on ``today`` (kept inside the year) when it has fallen short of rule 1 since
    the association was created, else None: a warning to show, never a refusal (п. 23)."""
    day = min(max(today, window[0]), window[1])
    found = composition(association, teachers, window, day)
    return None if found.satisfied else found


def officer_errors(association: Association, window: tuple[date, date]) -> list[DomainError]:
    """Rule 2, the program's own: the head and the secretary are members of the association (п. 29
    says only that the head is elected or appointed; see ``head_choice_errors``)."""
    members = set(_members(association, window, None))
    errors = []
    if association.head not in members:
        errors.append(DomainError(
            Rule.HEAD_AND_SECRETARY_ARE_MEMBERS, N_("The head {teacher} is not a member"),
            {"teacher": association.head}, record=association.id, field="head",
        ))
    if association.secretary is not None and association.secretary not in members:
        errors.append(DomainError(
            Rule.HEAD_AND_SECRETARY_ARE_MEMBERS, N_("The secretary {teacher} is not a member"),
            {"teacher": association.secretary}, record=association.id, field="secretary",
        ))
    return errors


def head_choice_errors(association: Association) -> list[DomainError]:
    """п. 29: an elected head names the meeting and its agenda item, an appointed one the order."""
    choice = association.head_choice
    if choice is None:
        return []

    def fail(message: str, field: str) -> DomainError:
        return DomainError(Rule.VALUE, message, {"paragraph": cite("29")}, record=association.id,
                           field=f"head_choice.{field}")

    if choice.basis is HeadBasis.ELECTED and (choice.meeting is None or choice.item is None):
        return [fail(N_("An elected head names the meeting and its agenda item that elected them "
                        "({paragraph})"), "meeting")]
    if choice.basis is HeadBasis.APPOINTED and (not (choice.order_number or "").strip()
                                                or choice.order_date is None):
        return [fail(N_("An appointed head names the order: its number and date ({paragraph})"),
                     "order_number")]
    return []


def membership_errors(association: Association) -> list[DomainError]:
    """A membership ends after it starts, and a teacher's periods in one body do not overlap."""
    errors = []
    for m in association.members:
        if m.since and m.until and m.until < m.since:
            errors.append(DomainError(
                Rule.VALUE, N_("Membership of {teacher} ends before it starts"),
                {"teacher": m.teacher}, record=association.id, field="members",
            ))
    by_teacher: dict[str, list[tuple[date, date]]] = {}
    for m in association.members:
        span = (m.since or date.min, m.until or date.max)
        for other in by_teacher.get(m.teacher, []):
            if span[0] <= other[1] and other[0] <= span[1]:
                errors.append(DomainError(
                    Rule.VALUE, N_("{teacher} is listed twice among the members"),
                    {"teacher": m.teacher}, record=association.id, field="members",
                ))
        by_teacher.setdefault(m.teacher, []).append(span)
    return errors


def work_plan_errors(
    association: Association, school: School, window: tuple[date, date]
) -> list[DomainError]:
    """Rule 9: the annual work plan is approved by the director (п. 28), within its year."""
    plan = association.work_plan
    if plan is None:
        return []
    errors = []
    first, last = window[0].strftime("%Y-%m"), window[1].strftime("%Y-%m")
    for index, item in enumerate(plan.items, start=1):
        if not first <= item.month <= last:
            errors.append(DomainError(
                Rule.VALUE, N_("Work plan item {item}: month {month} is outside the academic year"),
                {"item": index, "month": item.month}, record=association.id, field="work_plan",
            ))
    if plan.approved is not None and not plan.items:
        errors.append(_empty_work_plan(association, "work_plan.approved"))
    if plan.approved is not None and not plan.approved.acting and school.director \
            and plan.approved.by != school.director:
        errors.append(DomainError(
            Rule.WORK_PLAN_APPROVAL,
            N_("The work plan is approved by {teacher}, who is not the director"),
            {"teacher": plan.approved.by}, record=association.id, field="work_plan.approved",
        ))
    return errors


def ensure_work_plan_editable(association: Association) -> None:
    """Rule 9: an approved work plan is locked like a finalized protocol."""
    if association.work_plan is not None and association.work_plan.approved is not None:
        raise DomainError(
            Rule.WORK_PLAN_APPROVAL,
            N_("The work plan of {association} is approved and can no longer be changed"),
            {"association": association.id}, record=association.id, field="work_plan",
        )


def _empty_work_plan(association: Association, field: str) -> DomainError:
    return DomainError(
        Rule.WORK_PLAN_APPROVAL,
        N_("The work plan of {association} has no items; the head adds them before the director "
           "approves it or it is printed"),
        {"association": association.id}, record=association.id, field=field,
    )


def ensure_work_plan_approvable(association: Association) -> None:
    """Rule 9 (п. 28): the director approves a plan of work, not an empty sheet."""
    ensure_work_plan_editable(association)
    if association.work_plan is None or not association.work_plan.items:
        raise _empty_work_plan(association, "work_plan")


def ensure_work_plan_printable(association: Association) -> None:
    """An empty work plan is refused, not printed.

    The printed plan exists to be signed under БЕКІТЕМІН / УТВЕРЖДАЮ and filed; a deputy director
    who prints an empty one wants to know that it is empty and who fills it in, not a sheet with
    the director's approval block over an empty table (which could even be signed by mistake).
    So the refusal names the association and says the head adds the items first."""
    if association.work_plan is None or not association.work_plan.items:
        raise _empty_work_plan(association, "work_plan")
