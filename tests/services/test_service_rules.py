"""Rules 1-10 of design/domain.md through the services, on the sample school in a real SQLite file.

Each refusal names its rule, record and field, and leaves the database exactly as it was."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.domain.calendar import Severity
from desktop_app.domain.entities import (
    Approval,
    MeetingStatus,
    MentorshipStatus,
    PlanStatus,
    ReviewOutcome,
    Vote,
    WorkPlan,
)
from desktop_app.domain.errors import Rule
from tests.services.conftest import (
    KAZ_MEMBERS,
    SCHOOL,
    SUBMITTED_AT,
    Env,
    d,
    meeting,
    mentorship,
    plan,
    school_days,
    session,
    work_plan,
)

# ---------------------------------------------------------------------------------------------
# Rule 1: at least 3 teachers of one subject (п. 23)
# ---------------------------------------------------------------------------------------------


def test_rule1_new_association_with_two_teachers_of_its_subject_is_refused(env: Env) -> None:
    kaz = env.s.associations.get(env.actor("admin"), SCHOOL, "mo-kaz-26")
    small = replace(kaz, id="mo-kaz-small", members=kaz.members[:2], head="t-06", secretary="t-07",
                    work_plan=None)
    env.refused(lambda: env.s.associations.save(env.actor("admin"), SCHOOL, small),
                Rule.ASSOCIATION_COMPOSITION, "mo-kaz-small", "members")
    assert "mo-kaz-small" not in {a.id for a in env.s.associations.list(env.actor("admin"), SCHOOL)}


def test_rule1_a_member_leaving_below_three_is_recorded_and_warned_of(env: Env) -> None:
    """п. 23 is a condition of creation: the truth (a teacher left) is recorded, not refused."""
    record = env.s.associations.end_membership(env.actor("head2"), SCHOOL, "mo-kaz-26", "t-06",
                                               d("2026-11-30"))
    assert [m.until for m in record.members if m.teacher == "t-06"] == [d("2026-11-30")]
    kaz = env.s.associations.get(env.actor("admin"), SCHOOL, "mo-kaz-26")
    assert not kaz.is_member("t-06", d("2026-12-01"))
    short = env.s.associations.composition(env.actor("admin"), SCHOOL, kaz, on=d("2026-12-01"))
    assert (short.count, short.satisfied) == (2, False)


def test_rule1_ending_a_membership_that_keeps_three_is_allowed(env: Env) -> None:
    record = env.s.associations.end_membership(env.actor("head"), SCHOOL, "mo-math-26", "t-03",
                                               d("2026-11-30"))
    assert [m.until for m in record.members if m.teacher == "t-03"] == [d("2026-11-30")]
    stored = env.s.associations.get(env.actor("head"), SCHOOL, "mo-math-26")
    assert [m.until for m in stored.members if m.teacher == "t-03"] == [d("2026-11-30")]


# ---------------------------------------------------------------------------------------------
# Rule 2: the head and the secretary are members (п. 29)
# ---------------------------------------------------------------------------------------------


def test_rule2_head_who_is_not_a_member_is_refused(env: Env) -> None:
    kaz = env.s.associations.get(env.actor("admin"), SCHOOL, "mo-kaz-26")
    env.refused(lambda: env.s.associations.save(env.actor("admin"), SCHOOL, replace(kaz, head="t-01")),
                Rule.HEAD_AND_SECRETARY_ARE_MEMBERS, "mo-kaz-26", "head")


def test_rule2_secretary_who_is_not_a_member_is_refused(env: Env) -> None:
    kaz = env.s.associations.get(env.actor("admin"), SCHOOL, "mo-kaz-26")
    env.refused(lambda: env.s.associations.save(env.actor("head2"), SCHOOL, replace(kaz, secretary="t-02")),
                Rule.HEAD_AND_SECRETARY_ARE_MEMBERS, "mo-kaz-26", "secretary")


def test_rule2_ending_the_membership_of_the_secretary_is_refused(env: Env) -> None:
    env.refused(
        lambda: env.s.associations.end_membership(env.actor("head"), SCHOOL, "mo-math-26", "t-05",
                                                  d("2026-11-30")),
        Rule.HEAD_AND_SECRETARY_ARE_MEMBERS, "mo-math-26", "members")


# ---------------------------------------------------------------------------------------------
# Rule 3: numbering without gaps or repeats; dated within 1 August - 31 July
# ---------------------------------------------------------------------------------------------


def test_rule3_proposed_number_is_the_next_and_saves(env: Env) -> None:
    head = env.actor("head")
    assert env.s.meetings.proposed_number(head, SCHOOL, "mo-math-26") == 3
    assert env.s.meetings.proposed_number(head, SCHOOL, "mo-kaz-26") == 1
    saved = env.s.meetings.save(head, SCHOOL, meeting(number=3))
    assert saved.id
    assert [m.number for m in env.s.meetings.list(head, SCHOOL, "mo-math-26")] == [1, 2, 3]
    assert env.s.meetings.proposed_number(head, SCHOOL, "mo-math-26") == 4


def test_rule3_number_that_leaves_a_gap_is_refused(env: Env) -> None:
    env.refused(lambda: env.s.meetings.save(env.actor("head"), SCHOOL, meeting(number=4, meeting_id="m-x")),
                Rule.MEETING_NUMBERING, "m-x", "number")


def test_rule3_repeated_number_is_refused(env: Env) -> None:
    env.refused(lambda: env.s.meetings.save(env.actor("head"), SCHOOL, meeting(number=2, meeting_id="m-x")),
                Rule.MEETING_NUMBERING, "m-x", "number")


def test_rule3_date_after_31_july_is_refused(env: Env) -> None:
    env.refused(lambda: env.s.meetings.save(env.actor("head"), SCHOOL,
                                            meeting(number=3, day="2027-08-02", meeting_id="m-x")),
                Rule.MEETING_NUMBERING, "m-x", "date")


def test_rule3_date_before_1_august_is_refused(env: Env) -> None:
    env.refused(lambda: env.s.meetings.save(env.actor("head2"), SCHOOL,
                                            meeting("mo-kaz-26", 1, "2026-07-31", chair="t-08",
                                                    secretary="t-07", members=KAZ_MEMBERS,
                                                    meeting_id="m-x")),
                Rule.MEETING_NUMBERING, "m-x", "date")


def test_rule3_first_of_august_is_the_first_day_of_the_year(env: Env) -> None:
    kaz = env.s.associations.get(env.actor("admin"), SCHOOL, "mo-kaz-26")
    early = [replace(m, since=d("2026-08-01")) for m in kaz.members]
    env.s.associations.save(env.actor("admin"), SCHOOL, replace(kaz, members=early))
    saved = env.s.meetings.save(env.actor("head2"), SCHOOL,
                                meeting("mo-kaz-26", 1, "2026-08-01", chair="t-08", secretary="t-07",
                                        members=KAZ_MEMBERS))
    assert env.s.meetings.get(env.actor("head2"), SCHOOL, saved.id).date == d("2026-08-01")


# ---------------------------------------------------------------------------------------------
# Rule 4: chair and secretary present members; attendees members; votes <= present
# ---------------------------------------------------------------------------------------------


def test_rule4_absent_chair_is_refused(env: Env) -> None:
    env.refused(lambda: env.s.meetings.save(env.actor("head"), SCHOOL,
                                            meeting(absent=("t-01",), meeting_id="m-x")),
                Rule.MEETING_ATTENDANCE, "m-x", "chair")


def test_rule4_secretary_who_is_not_a_member_is_refused(env: Env) -> None:
    env.refused(lambda: env.s.meetings.save(env.actor("head"), SCHOOL,
                                            meeting(secretary="t-06", meeting_id="m-x")),
                Rule.MEETING_ATTENDANCE, "m-x", "secretary")


def test_rule4_attendee_who_is_not_a_member_is_refused(env: Env) -> None:
    members = ("t-01", "t-02", "t-03", "t-04", "t-05", "t-09")
    env.refused(lambda: env.s.meetings.save(env.actor("head"), SCHOOL,
                                            meeting(members=members, meeting_id="m-x")),
                Rule.MEETING_ATTENDANCE, "m-x", "attendance")


def test_rule4_more_votes_than_present_is_refused(env: Env) -> None:
    env.refused(lambda: env.s.meetings.save(env.actor("head"), SCHOOL,
                                            meeting(absent=("t-03",), vote=Vote(3, 1, 1), meeting_id="m-x")),
                Rule.MEETING_ATTENDANCE, "m-x", "agenda.1.vote")


def test_rule4_votes_equal_to_present_are_allowed(env: Env) -> None:
    saved = env.s.meetings.save(env.actor("head"), SCHOOL, meeting(absent=("t-03",), vote=Vote(3, 0, 1)))
    stored = env.s.meetings.get(env.actor("head"), SCHOOL, saved.id)
    assert stored.agenda[0].vote == Vote(3, 0, 1)


# ---------------------------------------------------------------------------------------------
# Rule 5: finalized protocols and approved plans are locked; corrections are new versions
# ---------------------------------------------------------------------------------------------


def test_rule5_editing_a_finalized_protocol_is_refused(env: Env) -> None:
    head = env.actor("head")
    final = env.s.meetings.get(head, SCHOOL, "m-math-26-1")
    assert final.status is MeetingStatus.FINALIZED
    changed = replace(final, place="Актовый зал", status=MeetingStatus.HELD)
    env.refused(lambda: env.s.meetings.save(head, SCHOOL, changed), Rule.LOCKED_RECORD, "m-math-26-1", None)
    env.refused(lambda: env.s.meetings.save(env.actor("admin"), SCHOOL, changed),
                Rule.LOCKED_RECORD, "m-math-26-1", None)


def test_rule5_finalized_protocol_cannot_be_deleted_or_reopened(env: Env) -> None:
    head = env.actor("head")
    env.refused(lambda: env.s.meetings.delete(head, SCHOOL, "m-math-26-1"), Rule.LOCKED_RECORD,
                "m-math-26-1", None)
    env.refused(lambda: env.s.meetings.set_status(head, SCHOOL, "m-math-26-1", MeetingStatus.HELD),
                Rule.LOCKED_RECORD, "m-math-26-1", None)


def test_rule5_new_version_needs_a_reason(env: Env) -> None:
    env.refused(lambda: env.s.meetings.new_version(env.actor("head"), SCHOOL, "m-math-26-1", "  "),
                Rule.LOCKED_RECORD, "m-math-26-1", "reason")


def test_rule5_new_version_keeps_the_old_one_and_reopens_the_protocol(env: Env) -> None:
    head = env.actor("head")
    old = env.s.meetings.get(head, SCHOOL, "m-math-26-1")
    reopened = env.s.meetings.new_version(head, SCHOOL, "m-math-26-1", "опечатка в решении")
    assert reopened.version == old.version + 1 == 2
    assert reopened.status is MeetingStatus.HELD
    versions = env.s.meetings.versions(head, SCHOOL, "m-math-26-1")
    assert [(v.version, v.reason, v.actor) for v in versions] == [(1, "опечатка в решении", head.login)]
    assert old.place is not None and old.place in versions[0].snapshot
    # The reopened protocol is editable, keeps its version, and is finalized again.
    edited = env.s.meetings.save(head, SCHOOL, replace(reopened, place="Актовый зал", version=1))
    assert edited.version == 2
    env.s.meetings.finalize(head, SCHOOL, "m-math-26-1")
    stored = env.s.meetings.get(head, SCHOOL, "m-math-26-1")
    assert (stored.place, stored.version, stored.status) == ("Актовый зал", 2, MeetingStatus.FINALIZED)
    assert len(env.s.meetings.versions(head, SCHOOL, "m-math-26-1")) == 1


def test_rule5_new_version_of_an_open_protocol_is_refused(env: Env) -> None:
    env.refused(lambda: env.s.meetings.new_version(env.actor("head"), SCHOOL, "m-math-26-2", "ошибка"),
                Rule.LOCKED_RECORD, "m-math-26-2", "status")


def test_rule5_saving_an_approved_plan_is_refused(env: Env) -> None:
    admin = env.actor("admin")
    approved = env.s.plans.get(admin, SCHOOL, "ktp-inf7-26")
    assert approved.status is PlanStatus.APPROVED
    for key in ("teacher", "admin"):
        env.refused(lambda key=key: env.s.plans.save(env.actor(key), SCHOOL, replace(approved, grade=8)),
                    Rule.LOCKED_RECORD, "ktp-inf7-26", None)


def test_rule5_plan_new_version_needs_a_reason_and_an_approved_plan(env: Env) -> None:
    teacher = env.actor("teacher")
    env.refused(lambda: env.s.plans.new_version(teacher, SCHOOL, "ktp-inf7-26", ""),
                Rule.LOCKED_RECORD, "ktp-inf7-26", "reason")
    env.refused(lambda: env.s.plans.new_version(env.actor("teacher2"), SCHOOL, "ktp-alg8-26", "правка"),
                Rule.LOCKED_RECORD, "ktp-alg8-26", "status")


def test_rule5_plan_new_version_runs_the_whole_path_again(env: Env) -> None:
    teacher, head, admin, director = (env.actor(k) for k in ("teacher", "head", "admin", "director"))
    draft = env.s.plans.new_version(teacher, SCHOOL, "ktp-inf7-26", "новая программа")
    assert (draft.status, draft.version, draft.review, draft.agreed, draft.approved) == \
        (PlanStatus.DRAFT, 2, None, None, None)
    # An approval of the new version needs the path again.
    env.refused(lambda: env.s.plans.approve(director, SCHOOL, "ktp-inf7-26"), Rule.PLAN_WORKFLOW,
                "ktp-inf7-26", "status")
    env.submit(teacher, "ktp-inf7-26")
    env.s.plans.consider(head, SCHOOL, "ktp-inf7-26", "m-math-26-2", 1, ReviewOutcome.RECOMMENDED)
    env.s.plans.agree(admin, SCHOOL, "ktp-inf7-26")
    final = env.s.plans.approve(director, SCHOOL, "ktp-inf7-26")
    stored = env.s.plans.get(admin, SCHOOL, "ktp-inf7-26")
    assert stored == final
    assert (stored.status, stored.version) == (PlanStatus.APPROVED, 2)
    assert stored.review is not None and stored.review.meeting == "m-math-26-2"
    history = env.s.plans.history(admin, SCHOOL, "ktp-inf7-26")
    assert [e.action for e in history] == ["new_version", "submit", "consider.recommended", "agree", "approve"]
    assert "новая программа" in (history[0].note or "")


# ---------------------------------------------------------------------------------------------
# Rule 6: draft → submitted → recommended/returned → agreed → approved, nothing skipped
# ---------------------------------------------------------------------------------------------


def _submitted(env: Env, teacher: str = "teacher", subject: str = "informatics") -> str:
    actor = env.actor(teacher)
    created = env.s.plans.save(actor, SCHOOL, plan(actor.teacher or "", subject))
    env.submit(actor, created.id)
    return created.id


def test_rule6_the_whole_path_by_the_right_roles_with_history(env: Env) -> None:
    teacher, head, admin, director = (env.actor(k) for k in ("teacher", "head", "admin", "director"))
    today, env.clock.now = env.clock.now, SUBMITTED_AT  # written and submitted before meeting No. 2
    created = env.s.plans.save(teacher, SCHOOL, plan())
    assert created.status is PlanStatus.DRAFT
    assert env.s.plans.submit(teacher, SCHOOL, created.id).status is PlanStatus.SUBMITTED
    env.clock.now = today
    considered = env.s.plans.consider(head, SCHOOL, created.id, "m-math-26-2", 1, ReviewOutcome.RECOMMENDED)
    assert considered.status is PlanStatus.RECOMMENDED
    env.clock.advance(days=1)
    agreed = env.s.plans.agree(admin, SCHOOL, created.id)
    assert agreed.agreed == Approval("t-dep", d("2026-11-28"))
    env.clock.advance(days=2)
    approved = env.s.plans.approve(director, SCHOOL, created.id)
    assert approved.approved == Approval("t-dir", d("2026-11-30"))
    stored = env.s.plans.get(teacher, SCHOOL, created.id)
    assert stored.status is PlanStatus.APPROVED and stored == approved
    history = env.s.plans.history(teacher, SCHOOL, created.id)
    assert [(e.action, e.from_status, e.to_status, e.actor) for e in history] == [
        ("save", "draft", "draft", teacher.login),
        ("submit", "draft", "submitted", teacher.login),
        ("consider.recommended", "submitted", "recommended", head.login),
        ("agree", "recommended", "agreed", admin.login),
        ("approve", "agreed", "approved", director.login),
    ]
    assert [e.at for e in history] == sorted(e.at for e in history)


def test_rule6_agreeing_a_submitted_plan_is_refused(env: Env) -> None:
    plan_id = _submitted(env)
    env.refused(lambda: env.s.plans.agree(env.actor("admin"), SCHOOL, plan_id), Rule.AGREEMENT,
                plan_id, "status")
    assert env.s.plans.get(env.actor("admin"), SCHOOL, plan_id).status is PlanStatus.SUBMITTED


def test_rule6_approving_a_recommended_plan_is_refused(env: Env) -> None:
    plan_id = _submitted(env)
    env.s.plans.consider(env.actor("head"), SCHOOL, plan_id, "m-math-26-2", 1, ReviewOutcome.RECOMMENDED)
    # waiting for the deputy director's agreement: school practice, no paragraph credited
    env.refused(lambda: env.s.plans.approve(env.actor("director"), SCHOOL, plan_id), Rule.AGREEMENT,
                plan_id, "status")


def test_rule6_bulk_agreement_and_approval_are_all_or_nothing(env: Env) -> None:
    head, admin, director = env.actor("head"), env.actor("admin"), env.actor("director")
    first, second, third = (_submitted(env) for _ in range(3))
    for plan_id in (first, second):
        env.s.plans.consider(head, SCHOOL, plan_id, "m-math-26-2", 1, ReviewOutcome.RECOMMENDED)
    # the third is only submitted: nothing is agreed, the refusal names it
    env.refused(lambda: env.s.plans.agree_many(admin, SCHOOL, [first, second, third]), Rule.AGREEMENT,
                third, "status")
    assert [p.status for p in env.s.plans.agree_many(admin, SCHOOL, [first, second])] == [PlanStatus.AGREED] * 2
    env.s.plans.consider(head, SCHOOL, third, "m-math-26-2", 1, ReviewOutcome.RECOMMENDED)
    env.refused(lambda: env.s.plans.approve_many(director, SCHOOL, [first, second, third]), Rule.AGREEMENT,
                third, "status")
    assert env.s.plans.get(admin, SCHOOL, first).status is PlanStatus.AGREED
    env.denied(lambda: env.s.plans.approve_many(admin, SCHOOL, [first, second]))
    approved = env.s.plans.approve_many(director, SCHOOL, [first, second])
    assert [p.status for p in approved] == [PlanStatus.APPROVED] * 2


def test_rule6_considering_a_draft_is_refused(env: Env) -> None:
    created = env.s.plans.save(env.actor("teacher"), SCHOOL, plan())
    env.refused(lambda: env.s.plans.consider(env.actor("head"), SCHOOL, created.id, "m-math-26-2", 1,
                                             ReviewOutcome.RECOMMENDED),
                Rule.PLAN_WORKFLOW, created.id, "status")


def test_rule6_returned_needs_remarks(env: Env) -> None:
    plan_id = _submitted(env)
    env.refused(lambda: env.s.plans.consider(env.actor("head"), SCHOOL, plan_id, "m-math-26-2", 1,
                                             ReviewOutcome.RETURNED, "   "),
                Rule.PLAN_WORKFLOW, plan_id, "review.remarks")


def test_rule6_returned_goes_back_to_draft_on_revise(env: Env) -> None:
    teacher = env.actor("teacher")
    plan_id = _submitted(env)
    returned = env.s.plans.consider(env.actor("head"), SCHOOL, plan_id, "m-math-26-2", 1,
                                    ReviewOutcome.RETURNED, "Добавить цели обучения")
    assert returned.status is PlanStatus.RETURNED
    assert env.s.plans.revise(teacher, SCHOOL, plan_id).status is PlanStatus.DRAFT
    stored = env.s.plans.get(teacher, SCHOOL, plan_id)
    assert stored.status is PlanStatus.DRAFT
    assert stored.review is not None and stored.review.remarks == "Добавить цели обучения"
    assert env.submit(teacher, plan_id).status is PlanStatus.SUBMITTED


def test_rule6_returned_goes_back_to_draft_on_edit(env: Env) -> None:
    teacher2 = env.actor("teacher2")
    returned = env.s.plans.get(teacher2, SCHOOL, "ktp-alg8-26")
    assert returned.status is PlanStatus.RETURNED
    edited = env.s.plans.save(teacher2, SCHOOL, replace(returned, hours_per_week=2))
    assert edited.status is PlanStatus.DRAFT
    stored = env.s.plans.get(teacher2, SCHOOL, "ktp-alg8-26")
    assert (stored.status, stored.hours_per_week) == (PlanStatus.DRAFT, 2)
    assert [e.action for e in env.s.plans.history(teacher2, SCHOOL, "ktp-alg8-26")] == ["save"]


def test_rule6_submitted_plan_is_not_edited(env: Env) -> None:
    plan_id = _submitted(env)
    teacher = env.actor("teacher")
    current = env.s.plans.get(teacher, SCHOOL, plan_id)
    env.refused(lambda: env.s.plans.save(teacher, SCHOOL, replace(current, grade=9)), Rule.PLAN_WORKFLOW,
                plan_id, "status")


def test_rule6_agreement_dated_before_the_meeting_is_refused(env: Env) -> None:
    plan_id = _submitted(env)
    env.s.plans.consider(env.actor("head"), SCHOOL, plan_id, "m-math-26-2", 1, ReviewOutcome.RECOMMENDED)
    env.refused(lambda: env.s.plans.agree(env.actor("admin"), SCHOOL, plan_id, on=d("2026-11-05")),
                Rule.AGREEMENT, plan_id, "agreed")
    agreed = env.s.plans.agree(env.actor("admin"), SCHOOL, plan_id, on=d("2026-11-06"))
    assert agreed.status is PlanStatus.AGREED


def test_rule6_approval_dated_before_the_agreement_is_refused(env: Env) -> None:
    plan_id = _submitted(env)
    env.s.plans.consider(env.actor("head"), SCHOOL, plan_id, "m-math-26-2", 1, ReviewOutcome.RECOMMENDED)
    env.s.plans.agree(env.actor("admin"), SCHOOL, plan_id, on=d("2026-11-20"))
    env.refused(lambda: env.s.plans.approve(env.actor("director"), SCHOOL, plan_id, on=d("2026-11-19")),
                Rule.AGREEMENT, plan_id, "approved")


def test_rule6_consider_at_a_meeting_that_has_not_taken_place_is_refused(env: Env) -> None:
    plan_id = _submitted(env)
    future = env.s.meetings.save(env.actor("head"), SCHOOL, meeting(number=3, day="2026-12-09"))
    env.refused(lambda: env.s.plans.consider(env.actor("head"), SCHOOL, plan_id, future.id, 1,
                                             ReviewOutcome.RECOMMENDED),
                Rule.PLAN_WORKFLOW, plan_id, "review")


# ---------------------------------------------------------------------------------------------
# Rule 7: lessons on days off block submission; hours are a warning
# ---------------------------------------------------------------------------------------------


def test_rule7_lesson_on_a_saturday_blocks_submission(env: Env) -> None:
    teacher = env.actor("teacher")
    dates: list = [*school_days(3), d("2026-11-28")]
    created = env.s.plans.save(teacher, SCHOOL, plan(dates=dates))
    error = env.refused(lambda: env.submit(teacher, created.id), Rule.PLAN_CALENDAR,
                        created.id, "rows.4.date")
    assert error.params == {"row": 4, "date": d("2026-11-28")}
    assert env.s.plans.get(teacher, SCHOOL, created.id).status is PlanStatus.DRAFT


def test_rule7_lesson_on_independence_day_blocks_submission(env: Env) -> None:
    teacher = env.actor("teacher")
    dates: list = [d("2026-12-16"), *school_days(3)]
    created = env.s.plans.save(teacher, SCHOOL, plan(dates=dates))
    error = env.refused(lambda: env.submit(teacher, created.id), Rule.PLAN_CALENDAR,
                        created.id, "rows.1.date")
    assert "holiday" in error.message and error.params["row"] == 1


def test_rule7_hours_mismatch_is_a_warning_that_does_not_block(env: Env) -> None:
    teacher = env.actor("teacher")
    created = env.s.plans.save(teacher, SCHOOL, plan(hours_per_week=2))
    findings = env.s.plans.calendar_findings(teacher, SCHOOL, created)
    assert findings and all(f.severity is Severity.WARNING for f in findings)
    assert any(f.row is None and "hours" in f.message for f in findings)
    assert env.submit(teacher, created.id).status is PlanStatus.SUBMITTED
    assert env.s.plans.get(teacher, SCHOOL, created.id).status is PlanStatus.SUBMITTED


# ---------------------------------------------------------------------------------------------
# Rule 8: mentorships
# ---------------------------------------------------------------------------------------------


def test_rule8_mentor_who_is_the_mentee_is_refused(env: Env) -> None:
    env.refused(lambda: env.s.mentoring.save(env.actor("admin"), SCHOOL,
                                             mentorship("t-04", "t-04", mentorship_id="ment-x")),
                Rule.MENTORSHIP, "ment-x", "mentee")


def test_rule8_period_outside_the_academic_year_is_refused(env: Env) -> None:
    admin = env.actor("admin")
    env.refused(lambda: env.s.mentoring.save(admin, SCHOOL, mentorship(start="2026-07-15",
                                                                       mentorship_id="ment-x")),
                Rule.MENTORSHIP, "ment-x", "start")
    env.refused(lambda: env.s.mentoring.save(admin, SCHOOL, mentorship(end="2027-08-01",
                                                                       mentorship_id="ment-x")),
                Rule.MENTORSHIP, "ment-x", "end")


def test_rule8_session_outside_the_period_is_refused(env: Env) -> None:
    env.refused(lambda: env.s.mentoring.log_session(env.actor("admin"), SCHOOL, "ment-04",
                                                    session("2026-08-25")),
                Rule.MENTORSHIP, "ment-04", "sessions")


def test_rule8_closing_needs_a_conclusion(env: Env) -> None:
    env.refused(lambda: env.s.mentoring.close(env.actor("admin"), SCHOOL, "ment-04", " "),
                Rule.MENTORSHIP, "ment-04", "conclusion")


def test_rule8_a_closed_mentorship_is_locked(env: Env) -> None:
    admin = env.actor("admin")
    closed = env.s.mentoring.close(admin, SCHOOL, "ment-04", "Цели достигнуты")
    assert closed.status is MentorshipStatus.COMPLETED
    stored = env.s.mentoring.get(admin, SCHOOL, "ment-04")
    assert (stored.status, stored.conclusion) == (MentorshipStatus.COMPLETED, "Цели достигнуты")
    env.refused(lambda: env.s.mentoring.log_session(admin, SCHOOL, "ment-04", session()),
                Rule.LOCKED_RECORD, "ment-04", None)
    env.refused(lambda: env.s.mentoring.save(admin, SCHOOL, replace(stored, goals=["другое"])),
                Rule.LOCKED_RECORD, "ment-04", None)
    env.refused(lambda: env.s.mentoring.close(admin, SCHOOL, "ment-04", "ещё раз"),
                Rule.LOCKED_RECORD, "ment-04", None)


# ---------------------------------------------------------------------------------------------
# Rule 9: the director approves the annual work plan; it is then locked
# ---------------------------------------------------------------------------------------------


def test_rule9_director_approves_and_the_work_plan_is_locked(env: Env) -> None:
    head2, director = env.actor("head2"), env.actor("director")
    env.s.associations.save_work_plan(head2, SCHOOL, "mo-kaz-26", work_plan())
    approved = env.s.associations.approve_work_plan(director, SCHOOL, "mo-kaz-26", d("2026-11-27"))
    assert approved.work_plan is not None
    assert approved.work_plan.approved == Approval("t-dir", d("2026-11-27"))
    stored = env.s.associations.get(head2, SCHOOL, "mo-kaz-26")
    assert stored.work_plan == approved.work_plan
    changed = WorkPlan(work_plan().items * 2)
    env.refused(lambda: env.s.associations.save_work_plan(head2, SCHOOL, "mo-kaz-26", changed),
                Rule.WORK_PLAN_APPROVAL, "mo-kaz-26", "work_plan")
    env.refused(lambda: env.s.associations.save(head2, SCHOOL, replace(stored, work_plan=changed)),
                Rule.WORK_PLAN_APPROVAL, "mo-kaz-26", "work_plan")
    env.refused(lambda: env.s.associations.approve_work_plan(director, SCHOOL, "mo-kaz-26", d("2026-11-28")),
                Rule.WORK_PLAN_APPROVAL, "mo-kaz-26", "work_plan")


def test_rule9_approval_by_a_non_director_is_refused(env: Env) -> None:
    env.s.associations.save_work_plan(env.actor("head2"), SCHOOL, "mo-kaz-26", work_plan())
    for key in ("admin", "head2", "head", "teacher", "viewer"):
        env.denied(lambda key=key: env.s.associations.approve_work_plan(env.actor(key), SCHOOL, "mo-kaz-26",
                                                                        d("2026-11-27")))
    stored = env.s.associations.get(env.actor("admin"), SCHOOL, "mo-kaz-26")
    assert stored.work_plan is not None and stored.work_plan.approved is None


def test_rule9_a_head_cannot_approve_through_save_work_plan(env: Env) -> None:
    approved = replace(work_plan(), approved=Approval("t-dir", d("2026-11-27")))
    env.refused(lambda: env.s.associations.save_work_plan(env.actor("head2"), SCHOOL, "mo-kaz-26", approved),
                Rule.WORK_PLAN_APPROVAL, "mo-kaz-26", "work_plan.approved")


def test_rule9_a_head_cannot_approve_through_save(env: Env) -> None:
    """The approval is the director's step (п. 28): writing it into the association is refused."""
    head2, admin = env.actor("head2"), env.actor("admin")
    kaz = env.s.associations.get(head2, SCHOOL, "mo-kaz-26")
    approved = replace(work_plan(), approved=Approval("t-dir", d("2026-11-27")))
    for actor in (head2, admin):
        env.refused(lambda actor=actor: env.s.associations.save(actor, SCHOOL, replace(kaz, work_plan=approved)),
                    Rule.WORK_PLAN_APPROVAL, "mo-kaz-26", "work_plan.approved")
    new = replace(kaz, id="mo-kaz-new", work_plan=approved)
    env.refused(lambda: env.s.associations.save(admin, SCHOOL, new), Rule.WORK_PLAN_APPROVAL,
                "mo-kaz-new", "work_plan.approved")


def test_rule9_editing_other_fields_keeps_an_approved_work_plan(env: Env) -> None:
    head = env.actor("head")
    math = env.s.associations.get(head, SCHOOL, "mo-math-26")
    assert math.work_plan is not None and math.work_plan.approved is not None
    renamed = replace(math, name=replace(math.name, ru="МО математики"))
    env.s.associations.save(head, SCHOOL, renamed)
    stored = env.s.associations.get(head, SCHOOL, "mo-math-26")
    assert stored.name.ru == "МО математики" and stored.work_plan == math.work_plan


# ---------------------------------------------------------------------------------------------
# Rule 10: the review is of a meeting of the teacher's association whose item lists the plan
# ---------------------------------------------------------------------------------------------


def test_rule10_consider_records_a_review_listed_on_the_agenda_item(env: Env) -> None:
    plan_id = _submitted(env)
    head = env.actor("head")
    before = env.s.meetings.get(head, SCHOOL, "m-math-26-2")
    assert plan_id not in before.agenda[0].plans
    considered = env.s.plans.consider(head, SCHOOL, plan_id, "m-math-26-2", 1, ReviewOutcome.RECOMMENDED)
    assert considered.review is not None
    assert (considered.review.meeting, considered.review.item) == ("m-math-26-2", 1)
    after = env.s.meetings.get(head, SCHOOL, "m-math-26-2")
    assert plan_id in after.agenda[0].plans
    assert env.s.plans.get(head, SCHOOL, plan_id).review == considered.review
    report = env.s.checks.check(env.actor("admin"), SCHOOL)
    assert report.ok and not report.schools[0].errors


def test_rule10_consider_for_a_teacher_outside_the_body_is_refused(env: Env) -> None:
    admin = env.actor("admin")
    created = env.s.plans.save(admin, SCHOOL, plan("t-06", "kazlang"))
    env.submit(admin, created.id)
    for actor in (env.actor("head"), admin):
        env.refused(lambda actor=actor: env.s.plans.consider(actor, SCHOOL, created.id, "m-math-26-2", 1,
                                                             ReviewOutcome.RECOMMENDED),
                    Rule.PLAN_RECORD, created.id, "review.meeting")
    assert created.id not in env.s.meetings.get(admin, SCHOOL, "m-math-26-2").agenda[0].plans
    assert env.s.plans.get(admin, SCHOOL, created.id).status is PlanStatus.SUBMITTED


def test_rule10_consider_at_a_finalized_meeting_that_does_not_list_the_plan_is_refused(env: Env) -> None:
    plan_id = _submitted(env)
    env.refused(lambda: env.s.plans.consider(env.actor("head"), SCHOOL, plan_id, "m-math-26-1", 1,
                                             ReviewOutcome.RECOMMENDED),
                Rule.LOCKED_RECORD, "m-math-26-1", None)


def test_rule10_consider_at_a_missing_agenda_item_is_refused(env: Env) -> None:
    plan_id = _submitted(env)
    env.refused(lambda: env.s.plans.consider(env.actor("head"), SCHOOL, plan_id, "m-math-26-2", 7,
                                             ReviewOutcome.RECOMMENDED),
                Rule.REFERENCE, "m-math-26-2", "agenda")


def test_sample_is_valid_after_import(env: Env) -> None:
    report = env.s.checks.check(COMMAND_LINE)
    assert report.ok


def test_a_plan_out_of_the_exchange_bounds_is_refused_on_save(env: Env) -> None:
    teacher = env.actor("teacher")
    env.refused(lambda: env.s.plans.save(teacher, SCHOOL, replace(plan(), grade=13)), Rule.VALUE, None, "grade")
    env.refused(lambda: env.s.plans.save(teacher, SCHOOL, replace(plan(), hours_per_week=0)), Rule.VALUE, None,
                "hours_per_week")
