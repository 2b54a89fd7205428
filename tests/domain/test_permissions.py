"""Roles and permissions: Actor.may / require / require_school, and translated refusals."""

from __future__ import annotations

import pytest

from desktop_app.domain.accounts import COMMAND_LINE, ROLE_LABELS, Action, Actor, Role, User
from desktop_app.domain.errors import DomainError, Msg, NotFoundError, PermissionDenied, Rule

A = Action
READING = {A.READ_ALL, A.EXPORT}
#: Actions on records a user owns: the association a head leads, a teacher's own plan, log, observation.
HEAD_OWN = {
    A.EDIT_ASSOCIATION,
    A.EDIT_MEETING,
    A.REVIEW_PLAN,
    A.EDIT_VISIT,
    A.EDIT_PLAN,
    A.LOG_MENTORING,
    A.OBSERVE,
    A.EDIT_MATERIAL,
    A.EDIT_EVENT,  # events of an association the head leads (п. 20)
    A.WRITE_ANALYSIS,  # the annual analysis of the association the head leads
    A.EDIT_ATTESTATION,  # the attestation register of the association's teachers (п. 10.7)
    A.EDIT_COURSES,  # their courses, and the head's own
}
#: EDIT_EVENT on own records: a teacher (or the director) who sits on the methodical council.
TEACHER_OWN = {A.EDIT_PLAN, A.LOG_MENTORING, A.OBSERVE, A.EDIT_MATERIAL, A.EDIT_EVENT, A.EDIT_COURSES}

#: role -> (granted everywhere, granted on own records in addition)
EXPECTED: dict[Role, tuple[set[Action], set[Action]]] = {
    Role.ADMINISTRATOR: (set(Action) - {A.APPROVE_PLAN, A.APPROVE_WORK_PLAN, A.APPROVE_MATERIAL,
                                        A.APPROVE_ANALYSIS}, set()),
    Role.DIRECTOR: ({A.APPROVE_PLAN, A.APPROVE_WORK_PLAN, A.APPROVE_MATERIAL, A.APPROVE_ANALYSIS, *READING},
                    TEACHER_OWN),
    Role.HEAD: (set(), HEAD_OWN),
    Role.TEACHER: (set(), TEACHER_OWN),
    Role.VIEWER: (READING, set()),
}

CASES = [(role, action) for role in Role for action in Action]
IDS = [f"{role.value}-{action.name.lower()}" for role, action in CASES]


def actor(role: Role, teacher: str | None = "t1", school: str | None = "s1") -> Actor:
    return Actor(f"user-{role.value}", role, school, teacher)


@pytest.mark.parametrize(("role", "action"), CASES, ids=IDS)
def test_may_without_ownership(role, action):
    assert actor(role).may(action) == (action in EXPECTED[role][0])
    assert actor(role).may(action, owners={"t2", "t3"}) == (action in EXPECTED[role][0])


@pytest.mark.parametrize(("role", "action"), CASES, ids=IDS)
def test_may_on_own_records(role, action):
    granted, own = EXPECTED[role]
    assert actor(role).may(action, owners={"t1"}) == (action in granted | own)
    assert actor(role).may(action, owners=("t2", "t1")) == (action in granted | own)


@pytest.mark.parametrize(("role", "action"), CASES, ids=IDS)
def test_a_user_without_a_teacher_owns_nothing(role, action):
    assert actor(role, teacher=None).may(action, owners={"t1"}) == (action in EXPECTED[role][0])


@pytest.mark.parametrize(("role", "action"), CASES, ids=IDS)
def test_require_raises_permission_denied_exactly_when_may_is_false(role, action):
    a = actor(role)
    if a.may(action):
        a.require(action, record="p1")
        return
    with pytest.raises(PermissionDenied) as caught:
        a.require(action, record="p1")
    error = caught.value
    assert (error.rule, error.record, error.field) == (Rule.PERMISSION, "p1", None)
    assert isinstance(error, DomainError)
    assert error.params == {"role": ROLE_LABELS[role], "action": action.value}
    assert all(isinstance(v, Msg) for v in error.params.values())


@pytest.mark.parametrize("action", [A.APPROVE_PLAN, A.APPROVE_WORK_PLAN], ids=lambda a: a.name.lower())
def test_the_administrator_does_everything_but_approve(action):
    assert not actor(Role.ADMINISTRATOR).may(action, owners={"t1"})
    assert actor(Role.DIRECTOR, teacher=None).may(action)


def test_head_on_another_association_is_refused():
    head = actor(Role.HEAD)
    head.require(A.EDIT_MEETING, owners={"t1"}, record="a1")
    with pytest.raises(PermissionDenied) as caught:
        head.require(A.EDIT_MEETING, owners={"t7"}, record="a2")
    assert (caught.value.rule, caught.value.record, caught.value.field) == (Rule.PERMISSION, "a2", None)


def test_teacher_writes_only_own_plan():
    teacher = actor(Role.TEACHER)
    teacher.require(A.EDIT_PLAN, owners={"t1"}, record="p1")
    with pytest.raises(PermissionDenied) as caught:
        teacher.require(A.EDIT_PLAN, owners={"t2"}, record="p2")
    assert (caught.value.rule, caught.value.record, caught.value.field) == (Rule.PERMISSION, "p2", None)


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_require_school(role):
    a = actor(role, school="s1")
    a.require_school("s1")
    with pytest.raises(PermissionDenied) as caught:
        a.require_school("s2")
    assert (caught.value.rule, caught.value.record, caught.value.field) == (Rule.PERMISSION, "s2", None)


def test_an_actor_of_every_school_works_in_any_school():
    Actor("cli", Role.ADMINISTRATOR, None).require_school("s9")
    COMMAND_LINE.require_school("s9")
    assert COMMAND_LINE.may(A.MANAGE_ACCOUNTS)
    assert not COMMAND_LINE.may(A.APPROVE_PLAN)


def test_a_user_acts_as_its_actor():
    user = User("aigul", Role.TEACHER, "hash", school="s1", teacher="t1")
    assert user.actor() == Actor("aigul", Role.TEACHER, "s1", "t1")


# --- rendering refusals ------------------------------------------------------------------------------

CATALOGUE = {
    "The role {role} may not {action}": "рөл {role}: {action} рұқсат етілмейді",
    "teacher": "мұғалім",
    "write a calendar-thematic plan": "КТЖ жазу",
    "Not found: {kind} {id}": "{kind} {id} жоқ",
    "meeting": "отырыс",
}


def fake_translate(message: str) -> str:
    return CATALOGUE.get(message, f"<{message}>")


def test_render_translates_the_message_and_its_msg_params():
    with pytest.raises(PermissionDenied) as caught:
        actor(Role.TEACHER).require(A.EDIT_PLAN, owners={"t2"})
    assert caught.value.render(fake_translate) == "рөл мұғалім: КТЖ жазу рұқсат етілмейді"
    assert caught.value.render() == "The role teacher may not write a calendar-thematic plan"
    assert str(caught.value) == caught.value.render()


def test_render_leaves_plain_params_untranslated():
    error = DomainError(Rule.VALUE, "Not found: {kind} {id}", {"kind": Msg("meeting"), "id": "teacher"})
    assert error.render(fake_translate) == "отырыс teacher жоқ"


def test_not_found_error_names_its_record_and_translates_its_kind():
    error = NotFoundError("meeting", "m9")
    assert (error.rule, error.record, error.field, error.kind) == (Rule.REFERENCE, "m9", None, "meeting")
    assert error.render(fake_translate) == "отырыс m9 жоқ"


def test_render_falls_back_to_the_template_when_a_param_is_missing():
    error = DomainError(Rule.VALUE, "row {row} is repeated")
    assert error.render(fake_translate) == "<row {row} is repeated>"
    assert error.render() == "row {row} is repeated"


@pytest.mark.parametrize(
    ("rule", "label"),
    [
        (Rule.ASSOCIATION_COMPOSITION, "rule 1, п. 23"),
        (Rule.MEETING_NUMBERING, "rule 3"),
        (Rule.PLAN_RECORD, "rule 10, п. 26"),
        (Rule.AGREEMENT, "rule 6"),  # school practice: no paragraph of the Rules
        (Rule.HEAD_AND_SECRETARY_ARE_MEMBERS, "rule 2"),  # the program's own rule, not п. 29
        (Rule.PERMISSION, ""),
    ],
    ids=lambda v: v.name.lower() if isinstance(v, Rule) else None,
)
def test_rule_labels(rule, label):
    assert rule.label == label


def test_rules_1_to_10_are_all_in_the_catalogue():
    assert sorted({r.number for r in Rule if r.number}) == list(range(1, 12))
    # rule 6 twice: п. 26's path, and the deputy's agreement (school practice, no paragraph)
    assert [r for r in Rule if r.number == 6] == [Rule.PLAN_WORKFLOW, Rule.AGREEMENT]


def test_rules_that_are_not_rules_of_the_order_are_distinct():
    plain = [Rule.REFERENCE, Rule.UNIQUE_ID, Rule.VALUE, Rule.PERMISSION, Rule.SCHEMA, Rule.CONFLICT]
    assert len(set(plain)) == 6
    assert [r.name for r in plain] == ["REFERENCE", "UNIQUE_ID", "VALUE", "PERMISSION", "SCHEMA", "CONFLICT"]
    assert all(r.number == 0 and r.paragraph == "" and r.label == "" for r in plain)
    assert len(list(Rule)) == 21  # with MATERIAL (п. 27), EVENT (п. 20), AGREEMENT, CONFLICT, ATTESTATION, COURSE
