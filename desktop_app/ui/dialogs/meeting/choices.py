"""What an agenda item may list: the plans the meeting may consider and the body's open lessons
and visits, with the captions the editor shows. Which plans qualify is the domain's rule
(domain.meetings.reviewable_plans, asked through the meeting service)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.entities import Association, CalendarPlan, Teacher
from desktop_app.domain.event_records import Event
from desktop_app.ui.session import Session


@dataclass(frozen=True)
class PlanChoice:
    """A plan that may be considered under an item, and how it is shown."""

    plan: CalendarPlan
    caption: str


@dataclass(frozen=True)
class VisitChoice:
    """An open lesson or visit of the body that an item may discuss (п. 10.4), and how it is shown."""

    visit: str
    caption: str


def plan_choices(session: Session, body: Association, meeting: str,
                 teachers: dict[str, Teacher]) -> list[PlanChoice]:
    s = session
    subjects = s.subject_names()
    choices = []
    for plan in s.services.meetings.reviewable_plans(s.actor, s.school, body.id, meeting or None):
        teacher = teachers.get(plan.teacher)
        caption = (f"{teacher.short_name if teacher else plan.teacher} — "
                   f"{subjects.get(plan.subject, plan.subject)}, {plan.grade}")
        choices.append(PlanChoice(plan, caption))
    return choices


def visit_choices(session: Session, body: Association, teachers: dict[str, Teacher]) -> list[VisitChoice]:
    """Open lessons, master classes and visits of this body in its academic year."""
    s = session
    year = next((y for y in s.services.schools.list_years(s.actor, s.school)
                 if y.id == body.academic_year), None)
    choices = []
    for visit in s.services.visits.list(s.actor, s.school, association=body.id):
        if year is not None and not year.window[0] <= visit.date <= year.window[1]:
            continue
        teacher = teachers.get(visit.teacher)
        who = teacher.short_name if teacher else visit.teacher
        choices.append(VisitChoice(visit.id, f"{visit.date:%d.%m.%Y} — {who}: {visit.topic}"))
    return choices


def event_captions(session: Session, meeting: str) -> dict[int, list[Event]]:
    """The events of methodical work (п. 20) that list an item of ``meeting``, by item number:
    the item shows them (they are recorded in the events' register, not in the protocol)."""
    if not meeting:
        return {}
    s = session
    listed: dict[int, list[Event]] = {}
    for event in s.services.events.for_meeting(s.actor, s.school, meeting):
        for reference in event.agenda:
            if reference.meeting == meeting:
                listed.setdefault(reference.item, []).append(event)
    return listed
