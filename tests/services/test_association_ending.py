"""Saving an association that ends a membership: rule 1 (п. 23) is a condition of creation, so an
association left short is saved and warned of, as end_membership does."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop_app.domain.errors import Rule
from tests.services.conftest import SCHOOL, Env


def test_a_save_that_ends_a_membership_below_three_is_saved(env: Env) -> None:
    admin = env.actor("admin")
    body = env.s.associations.get(admin, SCHOOL, "mo-kaz-26")
    assert len(body.members) == 3
    leaving = next(m for m in body.members if m.teacher not in (body.head, body.secretary))
    members = [replace(m, until=date(2026, 12, 31)) if m is leaving else m for m in body.members]
    saved = env.s.associations.save(admin, SCHOOL, replace(body, members=members))
    assert [m.until for m in saved.members if m.teacher == leaving.teacher] == [date(2026, 12, 31)]
    assert env.s.associations.composition(admin, SCHOOL, saved, on=date(2027, 1, 4)).count == 2


def test_an_unchanged_past_ending_does_not_block_other_edits(env: Env) -> None:
    admin = env.actor("admin")
    body = env.s.associations.get(admin, SCHOOL, "mo-math-26")
    leaving = next(m for m in body.members if m.teacher not in (body.head, body.secretary))
    env.s.associations.end_membership(admin, SCHOOL, "mo-math-26", leaving.teacher, date(2026, 12, 31))
    body = env.s.associations.get(admin, SCHOOL, "mo-math-26")
    saved = env.s.associations.save(admin, SCHOOL, replace(body, name=replace(body.name, ru="МО математики")))
    assert saved.name.ru == "МО математики"


def _recorded(env: Env, body: str) -> tuple[str, date]:
    """A member (not head or secretary) who is in the attendance of the body's latest meeting, and its date."""
    admin = env.actor("admin")
    association = env.s.associations.get(admin, SCHOOL, body)
    meeting = max(env.s.meetings.list(admin, SCHOOL, body), key=lambda m: m.date)
    teacher = next(a.teacher for a in meeting.attendance
                   if a.teacher not in (association.head, association.secretary))
    return teacher, meeting.date


def test_a_member_recorded_in_a_protocol_cannot_be_removed(env: Env) -> None:
    admin = env.actor("admin")
    body = env.s.associations.get(admin, SCHOOL, "mo-math-26")
    teacher, _day = _recorded(env, "mo-math-26")
    members = [m for m in body.members if m.teacher != teacher]
    env.refused(lambda: env.s.associations.save(admin, SCHOOL, replace(body, members=members)),
                Rule.MEETING_ATTENDANCE, "mo-math-26", "members")
    assert env.s.associations.get(admin, SCHOOL, "mo-math-26").is_member(teacher)


def test_a_membership_cannot_end_before_a_meeting_that_records_the_teacher(env: Env) -> None:
    admin = env.actor("admin")
    teacher, day = _recorded(env, "mo-math-26")
    before = date.fromordinal(day.toordinal() - 1)
    env.refused(lambda: env.s.associations.end_membership(admin, SCHOOL, "mo-math-26", teacher, before),
                Rule.MEETING_ATTENDANCE, "mo-math-26", "members")
    ended = env.s.associations.end_membership(admin, SCHOOL, "mo-math-26", teacher, day)  # on the day: fine
    assert not ended.is_member(teacher, date.fromordinal(day.toordinal() + 1))


def test_a_membership_added_by_mistake_is_removed(env: Env) -> None:
    admin = env.actor("admin")
    body = env.s.associations.get(admin, SCHOOL, "mo-math-26")
    stranger = next(t.id for t in env.s.teachers.list_teachers(admin, SCHOOL) if not body.is_member(t.id))
    added = env.s.associations.add_member(admin, SCHOOL, "mo-math-26", stranger, date(2026, 9, 1))
    members = [m for m in added.members if m.teacher != stranger]
    saved = env.s.associations.save(admin, SCHOOL, replace(added, members=members))
    assert not saved.is_member(stranger)
