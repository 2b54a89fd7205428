"""The attestation register (п. 10.7) and professional development: the rules, the result that
changes a teacher's category, the roles, the certificate's file, the needs summary."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date

import pytest

from desktop_app.domain.accounts import COMMAND_LINE as CLI
from desktop_app.domain.entities import Category
from desktop_app.domain.errors import Rule
from desktop_app.domain.staff_records import (
    MAX_FILE_BYTES,
    Attestation,
    AttestationResult,
    Course,
    CourseKind,
    CourseNeed,
    Hearing,
)
from desktop_app.services.staff import Attachment
from tests.services.conftest import SCHOOL, Env, d

YEAR = "2026-2027"


def application(**changes: object) -> Attestation:
    values: dict[str, object] = dict(
        id="", academic_year=YEAR, teacher="t-02", current_category=Category.NONE,
        sought_category=Category.EXPERT, applied_on=d("2026-10-01"), hearing=Hearing("m-math-26-2", 1),
        portfolio=["diploma", "application"])
    values.update(changes)
    return Attestation(**values)  # type: ignore[arg-type]


def course(**changes: object) -> Course:
    values: dict[str, object] = dict(
        id="", academic_year=YEAR, teacher="t-05", kind=CourseKind.COURSE,
        title="Жаңартылған білім беру мазмұны", provider="«Өрлеу» БАҰО", starts_on=d("2026-10-05"),
        ends_on=d("2026-10-16"), hours=72, certificate_number="№ 0457")
    values.update(changes)
    return Course(**values)  # type: ignore[arg-type]


def test_an_award_changes_the_teachers_category_and_the_next_attestation(env: Env) -> None:
    saved = env.s.attestations.save(env.actor("head"), SCHOOL, application())
    assert saved.current_category is Category.MODERATOR  # the category held is the teacher's
    assert saved.portfolio == ["application", "diploma"]  # in the checklist's order
    closed = env.s.attestations.record_result(env.actor("admin"), SCHOOL, saved.id, AttestationResult.AWARDED,
                                              "№ 112-ж", d("2026-12-20"))
    assert closed.next_due == date(2031, 12, 20)
    teacher = env.s.teachers.get(CLI, SCHOOL, "t-02")
    assert (teacher.category, teacher.category_awarded) == (Category.EXPERT, d("2026-12-20"))
    assert env.s.attestations.due(CLI, SCHOOL)["t-02"] == date(2031, 12, 20)
    assert env.s.attestations.get(CLI, SCHOOL, saved.id) == closed
    env.refused(lambda: env.s.attestations.save(CLI, SCHOOL, application(id=saved.id)), Rule.ATTESTATION,
                saved.id, "result")


def test_a_category_not_awarded_leaves_the_teacher_as_they_were(env: Env) -> None:
    saved = env.s.attestations.save(CLI, SCHOOL, application())
    env.s.attestations.record_result(CLI, SCHOOL, saved.id, AttestationResult.NOT_AWARDED, "15", d("2026-12-20"))
    teacher = env.s.teachers.get(CLI, SCHOOL, "t-02")
    assert (teacher.category, teacher.category_awarded) == (Category.MODERATOR, d("2024-05-28"))
    assert "t-02" not in env.s.attestations.due(CLI, SCHOOL)


def test_a_confirmation_keeps_the_category_from_the_orders_date(env: Env) -> None:
    saved = env.s.attestations.save(CLI, SCHOOL, application(sought_category=Category.MODERATOR))
    env.refused(lambda: env.s.attestations.record_result(CLI, SCHOOL, saved.id, AttestationResult.AWARDED,
                                                         "15", d("2026-12-20")), Rule.ATTESTATION, saved.id, "result")
    env.s.attestations.record_result(CLI, SCHOOL, saved.id, AttestationResult.CONFIRMED, "15", d("2026-12-20"))
    teacher = env.s.teachers.get(CLI, SCHOOL, "t-02")
    assert (teacher.category, teacher.category_awarded) == (Category.MODERATOR, d("2026-12-20"))


def test_a_category_below_the_one_held_is_refused(env: Env) -> None:
    error = env.refused(lambda: env.s.attestations.save(CLI, SCHOOL, application(sought_category=Category.PEDAGOG)),
                        Rule.ATTESTATION, None, "sought_category")
    assert "п. 10.7" in error.rule.paragraph


def test_one_open_attestation_per_teacher_and_year(env: Env) -> None:
    first = env.s.attestations.save(CLI, SCHOOL, application())
    error = env.refused(lambda: env.s.attestations.save(CLI, SCHOOL, application()), Rule.ATTESTATION,
                        check_field=False)
    assert (error.field, error.params["other"]) == ("teacher", first.id)
    env.s.attestations.save(CLI, SCHOOL, application(id=first.id, applied_on=d("2026-10-02")))  # itself: fine


def test_the_hearing_is_a_meeting_of_the_teachers_association(env: Env) -> None:
    # t-06 is of mo-kaz-26, not of the mathematics association whose meeting this is.
    env.refused(lambda: env.s.attestations.save(CLI, SCHOOL, application(teacher="t-06",
                                                                         sought_category=Category.RESEARCHER)),
                Rule.ATTESTATION, None, "hearing.meeting")
    env.refused(lambda: env.s.attestations.save(CLI, SCHOOL, application(hearing=Hearing("m-math-26-2", 9))),
                Rule.ATTESTATION, None, "hearing.item")
    choices = env.s.attestations.hearings(CLI, SCHOOL, YEAR, "t-02")
    assert [c.meeting.id for c in choices] == ["m-math-26-1", "m-math-26-2"]
    # A list of attestations shows each hearing's number and date, read without the protocol.
    saved = env.s.attestations.save(CLI, SCHOOL, application())
    meeting = env.s.meetings.get(CLI, SCHOOL, "m-math-26-2")
    assert env.s.attestations.hearing_meetings(CLI, SCHOOL, [saved, replace(saved, hearing=None)]) == {
        "m-math-26-2": (meeting.number, meeting.date)}


@pytest.mark.parametrize(("number", "field"), [("", "order_number"), ("12", "order_date")])
def test_a_result_needs_the_orders_number_and_date(env: Env, number: str, field: str) -> None:
    saved = env.s.attestations.save(CLI, SCHOOL, application())
    on = d("2026-09-01") if field == "order_date" else d("2026-12-20")  # before the application
    env.refused(lambda: env.s.attestations.record_result(CLI, SCHOOL, saved.id, AttestationResult.AWARDED,
                                                         number, on), Rule.ATTESTATION, saved.id, field)


def test_roles_a_teacher_sees_their_own_a_head_their_members(env: Env) -> None:
    mine = env.s.attestations.save(CLI, SCHOOL, application(teacher="t-05"))
    other = env.s.attestations.save(CLI, SCHOOL, application())
    kaz = env.s.attestations.save(CLI, SCHOOL, application(teacher="t-07", hearing=None,
                                                           sought_category=Category.MODERATOR))
    assert [a.id for a in env.s.attestations.list(env.actor("teacher"), SCHOOL, YEAR)] == [mine.id]
    assert {a.id for a in env.s.attestations.list(env.actor("head"), SCHOOL, YEAR)} == {mine.id, other.id}
    assert {a.id for a in env.s.attestations.list(env.actor("viewer"), SCHOOL, YEAR)} == {mine.id, other.id, kaz.id}
    env.denied(lambda: env.s.attestations.get(env.actor("teacher"), SCHOOL, other.id))
    env.denied(lambda: env.s.attestations.save(env.actor("head2"), SCHOOL, application(teacher="t-03")))
    env.denied(lambda: env.s.attestations.save(env.actor("viewer"), SCHOOL, application(teacher="t-03")))
    env.denied(lambda: env.s.attestations.record_result(env.actor("head"), SCHOOL, other.id,
                                                        AttestationResult.AWARDED, "1", d("2026-12-20")))
    env.denied(lambda: env.s.courses.save(env.actor("teacher"), SCHOOL, course(teacher="t-02")))
    own = env.s.courses.save(env.actor("teacher"), SCHOOL, course())
    assert [c.id for c in env.s.courses.list(env.actor("teacher2"), SCHOOL)] == []
    assert [c.id for c in env.s.courses.list(env.actor("head"), SCHOOL)] == [own.id]


def test_a_course_keeps_its_certificate_with_its_sha256(env: Env) -> None:
    data = b"%PDF-1.4 certificate"
    saved = env.s.courses.save(env.actor("head"), SCHOOL, course(), Attachment("сертификат.pdf", data))
    assert saved.file is not None and saved.file.sha256 == hashlib.sha256(data).hexdigest()
    file, content = env.s.courses.content(CLI, SCHOOL, saved.id)
    assert (file.name, content) == ("сертификат.pdf", data)
    env.s.courses.save(CLI, SCHOOL, course(id=saved.id, hours=80, file=saved.file))  # the file stays
    assert env.s.courses.content(CLI, SCHOOL, saved.id)[1] == data
    env.refused(lambda: env.s.courses.save(CLI, SCHOOL, course(), Attachment("big.pdf", b"x" * (MAX_FILE_BYTES + 1))),
                Rule.COURSE, None, "file")
    env.refused(lambda: env.s.courses.save(CLI, SCHOOL, course(ends_on=d("2026-10-01"))), Rule.COURSE, None,
                "ends_on")
    env.refused(lambda: env.s.courses.save(CLI, SCHOOL, course(hours=0)), Rule.COURSE, None, "hours")
    env.s.courses.delete(CLI, SCHOOL, saved.id)
    assert env.sql("SELECT count(*) FROM course_files") == [(0,)]


def test_the_needs_summary_follows_the_schools_period(env: Env) -> None:
    env.s.courses.save(CLI, SCHOOL, course(teacher="t-01", academic_year="2025-2026", starts_on=d("2025-09-01"),
                                           ends_on=d("2025-09-10")))
    env.s.courses.save(CLI, SCHOOL, course(teacher="t-02", academic_year="2025-2026", starts_on=d("2025-11-01"),
                                           ends_on=d("2025-11-10")))
    assert env.s.courses.period(CLI, SCHOOL) == 3

    def needs() -> dict[str, CourseNeed]:
        summary = {n.body.id: n for n in env.s.courses.needs(CLI, SCHOOL, YEAR)}
        return {t.teacher.id: t.need for t in summary["mo-math-26"].teachers}

    assert needs()["t-01"] is CourseNeed.COVERED and needs()["t-04"] is CourseNeed.NEVER
    env.s.courses.set_period(env.actor("admin"), SCHOOL, 1)
    assert (needs()["t-01"], needs()["t-02"]) == (CourseNeed.DUE, CourseNeed.DUE)
    env.refused(lambda: env.s.courses.set_period(CLI, SCHOOL, 0), Rule.VALUE, SCHOOL, "course_period_years")
    env.denied(lambda: env.s.courses.set_period(env.actor("head"), SCHOOL, 2))
    summary = env.s.courses.needs(env.actor("head2"), SCHOOL, YEAR)
    seen = {n.body.id: {t.teacher.id for t in n.teachers} for n in summary}
    assert seen == {"mo-kaz-26": {"t-06", "t-07", "t-08"}, "council-26": {"t-06", "t-08"}}  # her members only


def test_the_overview_counts_heard_attestations_without_a_result_and_overdue_courses(env: Env) -> None:
    from desktop_app.services.attention import AttentionKind

    def lines(key: str = "admin", today: date = date(2026, 11, 27)) -> dict[AttentionKind, dict[str, object]]:
        return {i.kind: i.params for i in env.s.attention.items(env.actor(key), SCHOOL, YEAR, today)
                if i.kind in (AttentionKind.ATTESTATION_OPEN, AttentionKind.COURSES_OVERDUE)}

    assert lines() == {}
    heard = env.s.attestations.save(CLI, SCHOOL, application())  # heard on 06.11.2026
    env.s.attestations.save(CLI, SCHOOL, application(teacher="t-03", hearing=None,
                                                     sought_category=Category.MASTER))  # not heard yet
    env.s.courses.save(CLI, SCHOOL, course(teacher="t-01", academic_year="2025-2026", starts_on=d("2025-09-01"),
                                           ends_on=d("2025-09-10")))
    assert lines() == {AttentionKind.ATTESTATION_OPEN: {"count": 1}}
    assert lines(today=d("2026-11-06")) == {}  # the hearing is today: not past yet
    env.s.courses.set_period(CLI, SCHOOL, 1)
    assert lines()[AttentionKind.COURSES_OVERDUE] == {"count": 1, "years": 1}
    assert lines("teacher") == {}  # the counts are the deputy's, the director's and a viewer's
    env.s.attestations.record_result(CLI, SCHOOL, heard.id, AttestationResult.AWARDED, "7", d("2026-11-20"))
    assert AttentionKind.ATTESTATION_OPEN not in lines()
