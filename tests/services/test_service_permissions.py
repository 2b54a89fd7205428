"""Role × action: every account of the sample school against every use case that needs a permission.

An allowed call persists (read back as the command line); a refused one is a PermissionDenied
(Rule.PERMISSION) that leaves the database unchanged. An actor of another school is refused
everywhere, and the lists show each role only what it may see."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pytest

from desktop_app.domain.accounts import COMMAND_LINE, Actor, Role
from desktop_app.domain.entities import (
    Association,
    AssociationKind,
    LocalizedText,
    MeetingStatus,
    Membership,
    Observation,
    PlanStatus,
    ReviewOutcome,
)
from desktop_app.domain.errors import Rule
from tests.services.conftest import (
    ACCOUNTS,
    ROLES,
    SAMPLE_BYTES,
    SCHOOL,
    Env,
    d,
    meeting,
    mentorship,
    plan,
    session,
    teacher,
    visit,
    work_plan,
    year_2027,
)

CLI = COMMAND_LINE


@dataclass(frozen=True)
class Case:
    """``act`` runs the call for an actor on what ``setup`` prepared; ``persisted`` reads it back."""

    name: str
    allowed: frozenset[str]
    act: Callable[[Env, Actor, Any], Any]
    persisted: Callable[[Env, Any, Any], None]
    setup: Callable[[Env], Any] = lambda env: None


CASES: list[Case] = []


def case(name: str, *allowed: str, setup: Callable[[Env], Any] = lambda env: None) -> Callable[..., Any]:
    """Register ``act`` (the decorated function); its ``persisted`` check is given as its attribute."""
    def register(act: Callable[[Env, Actor, Any], Any]) -> Callable[..., Any]:
        def with_check(persisted: Callable[[Env, Any, Any], None]) -> Callable[..., Any]:
            CASES.append(Case(name, frozenset(allowed), act, persisted, setup))
            return persisted
        act.check = with_check  # type: ignore[attr-defined]
        return act
    return register


# --- the school, its staff and its years -----------------------------------------------------

@case("create teacher", "admin")
def _create_teacher(env: Env, actor: Actor, _: Any) -> Any:
    return env.s.teachers.save(actor, SCHOOL, teacher())


@_create_teacher.check
def _(env: Env, _: Any, result: Any) -> None:
    assert env.s.teachers.get(CLI, SCHOOL, result.id).last_name == "Сейітова"


@case("archive teacher", "admin")
def _archive_teacher(env: Env, actor: Actor, _: Any) -> Any:
    return env.s.teachers.archive(actor, SCHOOL, "t-11")


@_archive_teacher.check
def _(env: Env, _: Any, result: Any) -> None:
    assert env.s.teachers.get(CLI, SCHOOL, "t-11").active is False


def _without_2025(env: Env) -> None:
    """Make room for the 2025-2026 preset: drop last year's association and the year itself."""
    with env.s.db.transaction(write=True) as store:
        store.delete_association(SCHOOL, "mo-math-25")
        store.delete_academic_year(SCHOOL, "2025-2026")


@case("create school year from preset", "admin", setup=_without_2025)
def _year_from_preset(env: Env, actor: Actor, _: Any) -> Any:
    return env.s.schools.create_year_from_preset(actor, SCHOOL, "2025-2026")


@_year_from_preset.check
def _(env: Env, _: Any, result: Any) -> None:
    year = env.s.schools.get_year(CLI, SCHOOL, "2025-2026")
    assert (year.start, len(year.terms)) == (d("2025-09-02"), 4)


@case("save school year", "admin")
def _save_year(env: Env, actor: Actor, _: Any) -> Any:
    return env.s.schools.save_year(actor, SCHOOL, year_2027())


@_save_year.check
def _(env: Env, _: Any, result: Any) -> None:
    assert env.s.schools.get_year(CLI, SCHOOL, "2027-2028") == year_2027()


# --- associations ----------------------------------------------------------------------------

def _new_association() -> Association:
    return Association(
        id="mo-lit-26", kind=AssociationKind.SUBJECT, name=LocalizedText("Сөз шеберлері", "МО словесников"),
        academic_year="2026-2027",
        head="t-06", secretary="t-07", subjects=["kazlang", "kazlit"],
        members=[Membership(t, d("2026-08-20")) for t in ("t-06", "t-07", "t-08")],
    )


@case("create association", "admin")
def _create_association(env: Env, actor: Actor, _: Any) -> Any:
    return env.s.associations.save(actor, SCHOOL, _new_association())


@_create_association.check
def _(env: Env, _: Any, result: Any) -> None:
    assert env.s.associations.get(CLI, SCHOOL, "mo-lit-26") == _new_association()


def _renamed(env: Env, actor: Actor, association: str) -> Any:
    record = env.s.associations.get(actor, SCHOOL, association)
    return env.s.associations.save(actor, SCHOOL, replace(record, name=replace(record.name, ru="Новое имя")))


def _is_renamed(association: str) -> Callable[[Env, Any, Any], None]:
    def check(env: Env, _: Any, result: Any) -> None:
        assert env.s.associations.get(CLI, SCHOOL, association).name.ru == "Новое имя"
    return check


@case("edit own association (mo-math-26)", "admin", "head")
def _edit_math(env: Env, actor: Actor, _: Any) -> Any:
    return _renamed(env, actor, "mo-math-26")


_edit_math.check(_is_renamed("mo-math-26"))


@case("edit another's association (mo-kaz-26)", "admin", "head2")
def _edit_kaz(env: Env, actor: Actor, _: Any) -> Any:
    return _renamed(env, actor, "mo-kaz-26")


_edit_kaz.check(_is_renamed("mo-kaz-26"))


@case("add member", "admin", "head")
def _add_member(env: Env, actor: Actor, _: Any) -> Any:
    return env.s.associations.add_member(actor, SCHOOL, "mo-math-26", "t-11")


@_add_member.check
def _(env: Env, _: Any, result: Any) -> None:
    record = env.s.associations.get(CLI, SCHOOL, "mo-math-26")
    assert record.is_member("t-11", d("2026-11-27"))


def _kaz_work_plan(env: Env) -> None:
    env.s.associations.save_work_plan(CLI, SCHOOL, "mo-kaz-26", work_plan())


@case("save work plan (mo-kaz-26)", "admin", "head2")
def _save_work_plan(env: Env, actor: Actor, _: Any) -> Any:
    return env.s.associations.save_work_plan(actor, SCHOOL, "mo-kaz-26", work_plan())


@_save_work_plan.check
def _(env: Env, _: Any, result: Any) -> None:
    assert env.s.associations.get(CLI, SCHOOL, "mo-kaz-26").work_plan == work_plan()


@case("approve work plan", "director", setup=_kaz_work_plan)
def _approve_work_plan(env: Env, actor: Actor, _: Any) -> Any:
    return env.s.associations.approve_work_plan(actor, SCHOOL, "mo-kaz-26", d("2026-11-27"))


@_approve_work_plan.check
def _(env: Env, _: Any, result: Any) -> None:
    stored = env.s.associations.get(CLI, SCHOOL, "mo-kaz-26").work_plan
    assert stored is not None and stored.approved is not None and stored.approved.by == "t-dir"


# --- meetings --------------------------------------------------------------------------------

@case("record a meeting in own body (mo-math-26)", "admin", "head")
def _meeting_math(env: Env, actor: Actor, _: Any) -> Any:
    return env.s.meetings.save(actor, SCHOOL, meeting(number=3))


@_meeting_math.check
def _(env: Env, _: Any, result: Any) -> None:
    assert [m.number for m in env.s.meetings.list(CLI, SCHOOL, "mo-math-26")] == [1, 2, 3]


@case("record a meeting in another body (mo-kaz-26)", "admin", "head2")
def _meeting_kaz(env: Env, actor: Actor, _: Any) -> Any:
    return env.s.meetings.save(actor, SCHOOL, meeting("mo-kaz-26", 1, chair="t-08", secretary="t-07",
                                                      members=("t-06", "t-07", "t-08")))


@_meeting_kaz.check
def _(env: Env, _: Any, result: Any) -> None:
    assert [m.id for m in env.s.meetings.list(CLI, SCHOOL, "mo-kaz-26")] == [result.id]


@case("finalize a protocol", "admin", "head")
def _finalize(env: Env, actor: Actor, _: Any) -> Any:
    return env.s.meetings.finalize(actor, SCHOOL, "m-math-26-2")


@_finalize.check
def _(env: Env, _: Any, result: Any) -> None:
    assert env.s.meetings.get(CLI, SCHOOL, "m-math-26-2").status is MeetingStatus.FINALIZED


# --- plans -----------------------------------------------------------------------------------

@case("create own plan (of t-05)", "admin", "teacher")
def _plan_t05(env: Env, actor: Actor, _: Any) -> Any:
    return env.s.plans.save(actor, SCHOOL, plan("t-05", "informatics"))


@case("create someone else's plan (of t-01)", "admin", "head")
def _plan_t01(env: Env, actor: Actor, _: Any) -> Any:
    return env.s.plans.save(actor, SCHOOL, plan("t-01", "math"))


def _plan_saved(env: Env, _: Any, result: Any) -> None:
    stored = env.s.plans.get(CLI, SCHOOL, result.id)
    assert (stored.teacher, stored.status, len(stored.rows)) == (result.teacher, PlanStatus.DRAFT, 4)


_plan_t05.check(_plan_saved)
_plan_t01.check(_plan_saved)


def _draft(env: Env) -> str:
    return str(env.s.plans.save(CLI, SCHOOL, plan()).id)


def _submitted(env: Env) -> str:
    plan_id = _draft(env)
    env.submit(CLI, plan_id)
    return plan_id


def _recommended(env: Env) -> str:
    plan_id = _submitted(env)
    env.s.plans.consider(CLI, SCHOOL, plan_id, "m-math-26-2", 1, ReviewOutcome.RECOMMENDED)
    return plan_id


def _agreed(env: Env) -> str:
    plan_id = _recommended(env)
    env.s.plans.agree(CLI, SCHOOL, plan_id)
    return plan_id


def _status_is(status: PlanStatus) -> Callable[[Env, Any, Any], None]:
    def check(env: Env, plan_id: Any, result: Any) -> None:
        assert env.s.plans.get(CLI, SCHOOL, plan_id).status is status
    return check


@case("submit own plan", "admin", "teacher", setup=_draft)
def _submit(env: Env, actor: Actor, plan_id: Any) -> Any:
    return env.submit(actor, plan_id)


_submit.check(_status_is(PlanStatus.SUBMITTED))


@case("consider a plan (head of its association)", "admin", "head", setup=_submitted)
def _consider(env: Env, actor: Actor, plan_id: Any) -> Any:
    return env.s.plans.consider(actor, SCHOOL, plan_id, "m-math-26-2", 1, ReviewOutcome.RECOMMENDED)


_consider.check(_status_is(PlanStatus.RECOMMENDED))


@case("agree a plan", "admin", setup=_recommended)
def _agree(env: Env, actor: Actor, plan_id: Any) -> Any:
    return env.s.plans.agree(actor, SCHOOL, plan_id)


_agree.check(_status_is(PlanStatus.AGREED))


@case("approve a plan", "director", setup=_agreed)
def _approve(env: Env, actor: Actor, plan_id: Any) -> Any:
    return env.s.plans.approve(actor, SCHOOL, plan_id)


_approve.check(_status_is(PlanStatus.APPROVED))


# --- mentoring and visits --------------------------------------------------------------------

@case("assign a mentor", "admin")
def _assign(env: Env, actor: Actor, _: Any) -> Any:
    return env.s.mentoring.save(actor, SCHOOL, mentorship("t-01", "t-11"))


@_assign.check
def _(env: Env, _: Any, result: Any) -> None:
    assert env.s.mentoring.get(CLI, SCHOOL, result.id).mentee == "t-11"


def _mentored_by_t02(env: Env) -> str:
    return str(env.s.mentoring.save(CLI, SCHOOL, mentorship("t-02", "t-11")).id)


@case("log a mentoring session (mentor t-02)", "admin", "teacher2", setup=_mentored_by_t02)
def _log(env: Env, actor: Actor, mentorship_id: Any) -> Any:
    return env.s.mentoring.log_session(actor, SCHOOL, mentorship_id, session())


@_log.check
def _(env: Env, mentorship_id: Any, result: Any) -> None:
    assert [s.date for s in env.s.mentoring.get(CLI, SCHOOL, mentorship_id).sessions] == [d("2026-11-25")]


@case("schedule a lesson visit (mo-math-26)", "admin", "head")
def _schedule(env: Env, actor: Actor, _: Any) -> Any:
    return env.s.visits.save(actor, SCHOOL, visit())


@_schedule.check
def _(env: Env, _: Any, result: Any) -> None:
    assert env.s.visits.get(CLI, SCHOOL, result.id).teacher == "t-04"


def _observed(observer: str) -> Callable[[Env, Any, Any], None]:
    def check(env: Env, _: Any, result: Any) -> None:
        stored = env.s.visits.get(CLI, SCHOOL, "v-2")
        assert [o.recommendations for o in stored.observations if o.observer == observer] == ["Больше практики"]
    return check


@case("record own observation (t-05 on v-2)", "admin", "head", "teacher")
def _observe_own(env: Env, actor: Actor, _: Any) -> Any:
    return env.s.visits.observe(actor, SCHOOL, "v-2", Observation("t-05", "Темп", "Больше практики"))


_observe_own.check(_observed("t-05"))


@case("record an observation for someone else (t-03 on v-2)", "admin", "head")
def _observe_other(env: Env, actor: Actor, _: Any) -> Any:
    return env.s.visits.observe(actor, SCHOOL, "v-2", Observation("t-03", "Темп", "Больше практики"))


_observe_other.check(_observed("t-03"))


# --- exchange and accounts -------------------------------------------------------------------

@case("import", "admin")
def _import(env: Env, actor: Actor, _: Any) -> Any:
    return env.s.exchange.import_document(actor, SAMPLE_BYTES, replace=True)


@_import.check
def _(env: Env, _: Any, result: Any) -> None:
    assert result.replaced
    with env.s.db.transaction() as store:
        assert store.audit_events()[-1].action == "school.replace"


@case("export", "admin", "director", "viewer")
def _export(env: Env, actor: Actor, _: Any) -> Any:
    return env.s.exchange.export_document(actor, SCHOOL)


@_export.check
def _(env: Env, _: Any, result: Any) -> None:
    assert result["school"]["id"] == SCHOOL and len(result["teachers"]) == 13


@case("list users", "admin")
def _list_users(env: Env, actor: Actor, _: Any) -> Any:
    return env.s.accounts.list_users(actor)


@_list_users.check
def _(env: Env, _: Any, result: Any) -> None:
    assert len(result) == len(ROLES)


@case("create user", "admin")
def _create_user(env: Env, actor: Actor, _: Any) -> Any:
    return env.s.accounts.create_user(actor, "newbie", "newbie-password", Role.TEACHER, SCHOOL, "t-03")


@_create_user.check
def _(env: Env, _: Any, result: Any) -> None:
    assert env.s.accounts.authenticate("newbie", "newbie-password").teacher == "t-03"


# ---------------------------------------------------------------------------------------------

MATRIX = [pytest.param(c, role, id=f"{c.name} | {role}") for c in CASES for role in ROLES]


@pytest.mark.parametrize(("case_", "role"), MATRIX)
def test_role_may_or_may_not(env: Env, case_: Case, role: str) -> None:
    prepared = case_.setup(env)
    actor = env.actor(role)
    if role in case_.allowed:
        result = case_.act(env, actor, prepared)
        case_.persisted(env, prepared, result)
    else:
        error = env.denied(lambda: case_.act(env, actor, prepared))
        assert error.rule is Rule.PERMISSION


def test_the_matrix_covers_every_case_and_role() -> None:
    assert len(CASES) >= 26
    assert len({c.name for c in CASES}) == len(CASES)
    assert all(c.allowed <= set(ROLES) for c in CASES)


def _stranger(case_: Case) -> Actor:
    """The most powerful account the case allows, moved to another school."""
    allowed = sorted(case_.allowed, key=ROLES.index)[0]
    return replace_actor(allowed)


def replace_actor(key: str) -> Actor:
    login, role, teacher_id = ACCOUNTS[key]
    return Actor(f"{login}-elsewhere", role, "other", teacher_id)


OTHER_SCHOOL = [pytest.param(c, id=c.name) for c in CASES if c.name != "list users"]


@pytest.mark.parametrize("case_", OTHER_SCHOOL)
def test_actor_of_another_school_is_refused(env: Env, case_: Case) -> None:
    prepared = case_.setup(env)
    env.denied(lambda: case_.act(env, _stranger(case_), prepared))


def test_administrator_of_another_school_lists_none_of_these_users(env: Env) -> None:
    assert env.s.accounts.list_users(replace_actor("admin")) == []


@pytest.mark.parametrize("role", ROLES)
def test_actor_of_another_school_reads_nothing(env: Env, role: str) -> None:
    stranger = replace_actor(role)
    reads: list[Callable[[], object]] = [
        lambda: env.s.plans.list(stranger, SCHOOL),
        lambda: env.s.teachers.list_teachers(stranger, SCHOOL),
        lambda: env.s.associations.list(stranger, SCHOOL),
        lambda: env.s.meetings.get(stranger, SCHOOL, "m-math-26-1"),
        lambda: env.s.mentoring.list(stranger, SCHOOL),
        lambda: env.s.visits.list(stranger, SCHOOL),
        lambda: env.s.schools.get_school(stranger, SCHOOL),
    ]
    for read in reads:
        env.denied(read)
    assert env.s.schools.list_schools(stranger) == []


# --- what each role sees ---------------------------------------------------------------------

@pytest.mark.parametrize(("role", "expected"), [
    ("admin", {"ktp-inf7-26", "ktp-alg8-26"}),
    ("director", {"ktp-inf7-26", "ktp-alg8-26"}),
    ("viewer", {"ktp-inf7-26", "ktp-alg8-26"}),
    ("head", {"ktp-inf7-26", "ktp-alg8-26"}),  # both teachers are members of mo-math-26
    ("head2", set()),
    ("teacher", {"ktp-inf7-26"}),
    ("teacher2", {"ktp-alg8-26"}),
])
def test_plans_list_shows_what_the_role_may_see(env: Env, role: str, expected: set[str]) -> None:
    assert {p.id for p in env.s.plans.list(env.actor(role), SCHOOL)} == expected


def test_a_heads_list_follows_membership_and_a_teachers_list_only_own(env: Env) -> None:
    kaz_plan = env.s.plans.save(CLI, SCHOOL, plan("t-06", "kazlang"))
    own = env.s.plans.save(CLI, SCHOOL, plan("t-05", "informatics"))
    assert kaz_plan.id in {p.id for p in env.s.plans.list(env.actor("head2"), SCHOOL)}
    assert kaz_plan.id not in {p.id for p in env.s.plans.list(env.actor("head"), SCHOOL)}
    assert {p.id for p in env.s.plans.list(env.actor("teacher"), SCHOOL)} == {"ktp-inf7-26", own.id}
    assert {p.id for p in env.s.plans.list(env.actor("director"), SCHOOL)} >= {kaz_plan.id, own.id}


@pytest.mark.parametrize(("role", "plan_id", "visible"), [
    ("teacher", "ktp-alg8-26", False),
    ("teacher2", "ktp-inf7-26", False),
    ("head2", "ktp-inf7-26", False),
    ("teacher", "ktp-inf7-26", True),
    ("head", "ktp-alg8-26", True),
    ("viewer", "ktp-alg8-26", True),
])
def test_plan_get_and_history_follow_the_same_visibility(env: Env, role: str, plan_id: str,
                                                          visible: bool) -> None:
    actor = env.actor(role)
    if visible:
        assert env.s.plans.get(actor, SCHOOL, plan_id).id == plan_id
        env.s.plans.history(actor, SCHOOL, plan_id)
    else:
        env.denied(lambda: env.s.plans.get(actor, SCHOOL, plan_id))
        env.denied(lambda: env.s.plans.history(actor, SCHOOL, plan_id))


def test_mentoring_list_shows_own_mentorships_to_teachers(env: Env) -> None:
    mine = env.s.mentoring.save(CLI, SCHOOL, mentorship("t-02", "t-11"))
    assert {m.id for m in env.s.mentoring.list(env.actor("teacher2"), SCHOOL)} == {mine.id}
    assert env.s.mentoring.list(env.actor("teacher"), SCHOOL) == []
    assert {m.id for m in env.s.mentoring.list(env.actor("viewer"), SCHOOL)} == {"ment-04", mine.id}
    env.denied(lambda: env.s.mentoring.get(env.actor("teacher"), SCHOOL, mine.id))


def test_viewer_changes_nothing_through_the_administrators_paths(env: Env) -> None:
    viewer = env.actor("viewer")
    assert viewer.role is Role.VIEWER
    env.denied(lambda: env.s.meetings.delete(viewer, SCHOOL, "m-math-26-2"))
    env.denied(lambda: env.s.mentoring.close(viewer, SCHOOL, "ment-04", "итог"))
    env.denied(lambda: env.s.checks.check(env.actor("teacher")))
