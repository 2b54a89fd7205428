"""Issue 13, point 3: refusals that keep a protocol, a KTP and a work plan from contradicting
themselves, enforced by the services on the sample school (real SQLite file)."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.domain.entities import MeetingStatus, Person, ReviewOutcome
from desktop_app.domain.errors import DomainError, Rule
from desktop_app.i18n import gettext_for
from tests.services.conftest import SCHOOL, Env, d, plan


def _in_both_languages(error: DomainError, *names: str) -> None:
    """The refusal reads in Kazakh and in Russian, differently, and names the record."""
    kazakh, russian = (error.render(gettext_for(lang)) for lang in ("kk", "ru"))
    assert kazakh != russian and kazakh != error.render() and russian != error.render()
    for name in names:
        assert name in kazakh and name in russian


def test_a_member_marked_absent_cannot_be_recorded_as_a_speaker(env: Env) -> None:
    head = env.actor("head")
    held = env.s.meetings.get(head, SCHOOL, "m-math-26-2")
    assert [s.speaker for s in held.agenda[0].spoke] == ["t-03"]
    absent = replace(held, attendance=[replace(a, present=a.teacher != "t-03") for a in held.attendance])
    error = env.refused(lambda: env.s.meetings.save(head, SCHOOL, absent), Rule.MEETING_ATTENDANCE,
                        "m-math-26-2", "agenda.1.spoke")
    _in_both_languages(error, "t-03")
    # An invited guest speaks in her place: accepted (guests are not members, rule 4 allows it).
    absent.agenda[0].spoke[0].speaker = Person("Жұмабекова А. М.", "Директордың орынбасары")
    saved = env.s.meetings.save(head, SCHOOL, absent)
    assert saved.agenda[0].spoke[0].speaker == Person("Жұмабекова А. М.", "Директордың орынбасары")


def test_a_review_cannot_precede_the_submission(env: Env) -> None:
    teacher, head = env.actor("teacher"), env.actor("head")
    created = env.s.plans.save(teacher, SCHOOL, plan("t-05", "informatics"))
    env.s.plans.submit(teacher, SCHOOL, created.id)  # today: 27.11.2026, after meeting No. 2 of 06.11
    error = env.refused(lambda: env.s.plans.consider(head, SCHOOL, created.id, "m-math-26-2", 1,
                                                     ReviewOutcome.RECOMMENDED),
                        Rule.PLAN_WORKFLOW, created.id, "review.meeting")
    assert error.params["submitted"] == d("2026-11-27") and error.params["date"] == d("2026-11-06")
    _in_both_languages(error, created.id, "27.11.2026", "06.11.2026")


def test_an_extract_is_issued_only_from_a_finalized_protocol(env: Env) -> None:
    admin = env.actor("admin")
    assert env.s.meetings.get(admin, SCHOOL, "m-math-26-2").status is MeetingStatus.HELD
    error = env.refused(lambda: env.s.documents.extract(admin, SCHOOL, "m-math-26-2", 1),
                        Rule.LOCKED_RECORD, "m-math-26-2", "status")
    _in_both_languages(error, "m-math-26-2")
    assert env.s.documents.extract(admin, SCHOOL, "m-math-26-1", 1).data.startswith(b"%PDF")


def test_an_empty_work_plan_is_neither_approved_nor_printed(env: Env) -> None:
    director = env.actor("director")
    assert env.s.associations.get(director, SCHOOL, "mo-kaz-26").work_plan is None
    error = env.refused(lambda: env.s.documents.work_plan(director, SCHOOL, "mo-kaz-26"),
                        Rule.WORK_PLAN_APPROVAL, "mo-kaz-26", "work_plan")
    _in_both_languages(error, "mo-kaz-26")
    error = env.refused(lambda: env.s.associations.approve_work_plan(director, SCHOOL, "mo-kaz-26",
                                                                     d("2026-11-27")),
                        Rule.WORK_PLAN_APPROVAL, "mo-kaz-26", "work_plan")
    _in_both_languages(error, "mo-kaz-26")
    assert env.s.documents.work_plan(director, SCHOOL, "mo-math-26").data.startswith(b"%PDF")
