"""Accounts: Argon2id hashes, sign-in, lockout with a growing wait, the first administrator."""

from __future__ import annotations

import pytest

from desktop_app.domain.accounts import Role
from desktop_app.domain.errors import DomainError, Rule
from desktop_app.services import Services
from desktop_app.services.accounts import MIN_PASSWORD_LENGTH, SignInError
from tests.services.conftest import ACCOUNTS, ROLES, SCHOOL, Env, FixedClock, password


def _hash_of(env: Env, login: str) -> str:
    rows = env.sql("SELECT password_hash FROM users WHERE login = :login", login=login)
    assert rows
    return str(rows[0][0])


def _sign_in_error(call: object) -> SignInError:
    with pytest.raises(SignInError) as caught:
        call()  # type: ignore[operator]
    assert caught.value.rule is Rule.PERMISSION
    return caught.value


def test_every_role_signed_in_with_its_teacher() -> None:
    assert set(ROLES) == {"admin", "director", "head", "head2", "teacher", "teacher2", "viewer"}


@pytest.mark.parametrize("key", ROLES)
def test_accounts_store_an_argon2id_hash_and_sign_in(env: Env, key: str) -> None:
    login, role, teacher = ACCOUNTS[key]
    stored = _hash_of(env, login)
    assert stored.startswith("$argon2id$")
    assert password(key) not in stored
    actor = env.s.accounts.authenticate(login, password(key))
    assert (actor.login, actor.role, actor.school, actor.teacher) == (login, role, SCHOOL, teacher)
    assert env.actor(key) == actor


def test_wrong_password_and_unknown_login_give_the_same_message(env: Env) -> None:
    wrong = _sign_in_error(lambda: env.s.accounts.authenticate("kim", "not-the-password"))
    unknown = _sign_in_error(lambda: env.s.accounts.authenticate("nobody", "not-the-password"))
    assert str(wrong) == str(unknown) == "Wrong login or password"
    assert wrong.message == unknown.message and wrong.params == unknown.params == {}


def test_lockout_after_three_failures_with_a_growing_wait(env: Env, clock: FixedClock) -> None:
    accounts = env.s.accounts
    right = password("teacher")
    for _ in range(2):
        _sign_in_error(lambda: accounts.authenticate("kim", "wrong-password"))
    # Two failures: no wait yet.
    assert accounts.authenticate("kim", right).login == "kim"
    for _ in range(3):
        _sign_in_error(lambda: accounts.authenticate("kim", "wrong-password"))
    # Locked: even the right password is refused, with the wait.
    locked = _sign_in_error(lambda: accounts.authenticate("kim", right))
    assert "Too many failed attempts" in locked.message
    assert 29 <= locked.params["seconds"] <= 31
    clock.advance(seconds=20)
    assert 9 <= _sign_in_error(lambda: accounts.authenticate("kim", right)).params["seconds"] <= 11
    clock.advance(seconds=11)
    # The lock is over; one more failure locks for twice as long.
    _sign_in_error(lambda: accounts.authenticate("kim", "wrong-password"))
    second = _sign_in_error(lambda: accounts.authenticate("kim", right))
    assert 59 <= second.params["seconds"] <= 61
    clock.advance(seconds=61)
    _sign_in_error(lambda: accounts.authenticate("kim", "wrong-password"))
    third = _sign_in_error(lambda: accounts.authenticate("kim", right))
    assert 119 <= third.params["seconds"] <= 121
    clock.advance(seconds=121)
    assert accounts.authenticate("kim", right).teacher == "t-05"
    # A success resets the count: two failures again do not lock.
    for _ in range(2):
        _sign_in_error(lambda: accounts.authenticate("kim", "wrong-password"))
    assert accounts.authenticate("kim", right).login == "kim"


def test_lockout_of_one_account_leaves_the_others(env: Env) -> None:
    for _ in range(3):
        _sign_in_error(lambda: env.s.accounts.authenticate("kim", "wrong-password"))
    assert env.s.accounts.authenticate("kasymov", password("teacher2")).teacher == "t-02"


def test_failed_sign_in_is_audited(env: Env) -> None:
    _sign_in_error(lambda: env.s.accounts.authenticate("kim", "wrong-password"))
    with env.s.db.transaction() as store:
        last = store.audit_events()[-1]
    assert (last.action, last.actor, last.record_id) == ("user.sign_in_failed", "kim", "kim")


def test_first_account_must_be_an_administrator(empty: Services) -> None:
    assert not empty.accounts.has_users()
    with pytest.raises(DomainError) as caught:
        empty.accounts.create_user(None, "boss", "long-enough-1", Role.VIEWER)
    assert (caught.value.rule, caught.value.field) == (Rule.VALUE, "role")
    assert not empty.accounts.has_users()
    admin = empty.accounts.create_user(None, "boss", "long-enough-1", Role.ADMINISTRATOR)
    assert admin.password_hash.startswith("$argon2id$")
    assert empty.accounts.has_users()
    actor = empty.accounts.authenticate("boss", "long-enough-1")
    assert (actor.role, actor.school) == (Role.ADMINISTRATOR, None)


def test_first_account_only_when_no_accounts_exist(env: Env) -> None:
    env.refused(lambda: env.s.accounts.create_user(None, "intruder", "long-enough-1", Role.ADMINISTRATOR,
                                                   SCHOOL),
                Rule.PERMISSION, "intruder", None)


def test_password_needs_the_minimum_length(env: Env) -> None:
    short = "x" * (MIN_PASSWORD_LENGTH - 1)
    env.refused(lambda: env.s.accounts.create_user(env.actor("admin"), "shorty", short, Role.VIEWER, SCHOOL),
                Rule.VALUE, "shorty", "password")
    created = env.s.accounts.create_user(env.actor("admin"), "shorty", short + "x", Role.VIEWER, SCHOOL)
    assert created.login == "shorty"


def test_duplicate_login_is_refused(env: Env) -> None:
    env.refused(lambda: env.s.accounts.create_user(env.actor("admin"), "kim", "another-password",
                                                   Role.VIEWER, SCHOOL),
                Rule.UNIQUE_ID, "kim", "login")


@pytest.mark.parametrize("login", ["a", "Кирилл", "with space", "x" * 65])
def test_login_pattern(env: Env, login: str) -> None:
    env.refused(lambda: env.s.accounts.create_user(env.actor("admin"), login, "long-enough-1", Role.VIEWER,
                                                   SCHOOL),
                Rule.VALUE, login, "login")


def test_head_and_teacher_accounts_are_linked_to_a_teacher(env: Env) -> None:
    env.refused(lambda: env.s.accounts.create_user(env.actor("admin"), "floating", "long-enough-1",
                                                   Role.TEACHER, SCHOOL),
                Rule.VALUE, "floating", "teacher")
    env.refused(lambda: env.s.accounts.create_user(env.actor("admin"), "ghost", "long-enough-1",
                                                   Role.TEACHER, SCHOOL, "t-99"),
                Rule.REFERENCE, "t-99", None, check_field=False)


def test_change_password(env: Env) -> None:
    actor = env.actor("viewer")
    env.s.accounts.change_password(actor, password("viewer"), "a-brand-new-one")
    _sign_in_error(lambda: env.s.accounts.authenticate("raiono", password("viewer")))
    assert env.s.accounts.authenticate("raiono", "a-brand-new-one") == actor
    _sign_in_error(lambda: env.s.accounts.change_password(actor, "wrong-old-one", "another-new-one"))


def test_people_name_the_teacher_behind_each_login_for_any_user_of_the_school(env: Env) -> None:
    names = {t.id: t.full_name for t in env.s.teachers.list_teachers(env.actor("admin"), SCHOOL)}
    people = env.s.accounts.people(env.actor("teacher"), SCHOOL)  # a teacher may read who did what
    assert people["kim"] == names["t-05"] and people["zavuch"] == names["t-dep"]
    assert people["raiono"] == "raiono"  # an account without a teacher keeps its login
    with pytest.raises(DomainError):
        env.s.accounts.people(env.actor("teacher"), "another-school")
