"""The protocol editor reads what it shows in one service call (``MeetingService.editor``): the
same plans, visits, materials, events, guests and next number as the separate calls it replaces,
for every role, every body of the demo school and each of its meetings (and a new one), on both
databases."""

from __future__ import annotations

import pytest

from desktop_app.domain.accounts import COMMAND_LINE as CLI
from desktop_app.domain.entities import AssociationKind
from desktop_app.domain.event_records import AgendaReference
from tests.services.conftest import SCHOOL, Env
from tests.services.test_events import seminar

ROLES = ["admin", "head", "teacher", "director"]


@pytest.mark.parametrize("role", ROLES)
def test_the_editors_one_read_is_what_each_service_gave(env: Env, role: str) -> None:
    actor, s = env.actor(role), env.s
    admin = env.actor("admin")
    listed = s.events.save(CLI, SCHOOL, seminar(agenda=[AgendaReference("m-math-26-2", 1)]))
    assert [e.id for e in s.meetings.editor(actor, SCHOOL, "mo-math-26", "m-math-26-2").events] == [listed.id]
    for body in s.associations.list(admin, SCHOOL, None):
        year = next(y for y in s.schools.list_years(admin, SCHOOL) if y.id == body.academic_year)
        meetings = [m.id for m in s.meetings.list(admin, SCHOOL, body.id)]
        for meeting in [None, *meetings]:
            read = s.meetings.editor(actor, SCHOOL, body.id, meeting)
            assert read.plans == s.meetings.reviewable_plans(actor, SCHOOL, body.id, meeting)
            assert read.visits == [v for v in s.visits.list(actor, SCHOOL, association=body.id)
                                   if year.window[0] <= v.date <= year.window[1]]
            assert read.materials == s.materials.considerable(actor, SCHOOL, body.id, meeting)
            assert read.events == (s.events.for_meeting(actor, SCHOOL, meeting) if meeting else [])
            assert read.guests == (s.guest_members.list(actor, SCHOOL, body.id)
                                   if body.kind is AssociationKind.INTER_SCHOOL else [])
            assert read.teachers == s.teachers.list_teachers(actor, SCHOOL, include_archived=True)
            assert read.subjects == s.teachers.list_subjects(actor, SCHOOL)
            if meeting is None:
                assert read.number == s.meetings.proposed_number(actor, SCHOOL, body.id)
