"""What an agenda item may list: the plans the meeting may consider and the body's open lessons
and visits, with the captions the editor shows. Which plans qualify is the domain's rule
(domain.meetings.reviewable_plans), read with the rest of what the editor needs in one service
call (``MeetingService.editor``)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.entities import CalendarPlan, Teacher
from desktop_app.domain.event_records import Event
from desktop_app.services.meetings import EditorChoices
from desktop_app.ui.session import local


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


def plan_choices(choices: EditorChoices, teachers: dict[str, Teacher]) -> list[PlanChoice]:
    subjects = {subject.id: local(subject.name) for subject in choices.subjects}
    found = []
    for plan in choices.plans:
        teacher = teachers.get(plan.teacher)
        caption = (f"{teacher.short_name if teacher else plan.teacher} — "
                   f"{subjects.get(plan.subject, plan.subject)}, {plan.grade}")
        found.append(PlanChoice(plan, caption))
    return found


def visit_choices(choices: EditorChoices, teachers: dict[str, Teacher]) -> list[VisitChoice]:
    """Open lessons, master classes and visits of this body in its academic year."""
    found = []
    for visit in choices.visits:
        teacher = teachers.get(visit.teacher)
        who = teacher.short_name if teacher else visit.teacher
        found.append(VisitChoice(visit.id, f"{visit.date:%d.%m.%Y} — {who}: {visit.topic}"))
    return found


def event_captions(events: list[Event], meeting: str) -> dict[int, list[Event]]:
    """The events of methodical work (п. 20) that list an item of ``meeting``, by item number:
    the item shows them (they are recorded in the events' register, not in the protocol)."""
    listed: dict[int, list[Event]] = {}
    for event in events:
        for reference in event.agenda:
            if reference.meeting == meeting:
                listed.setdefault(reference.item, []).append(event)
    return listed
