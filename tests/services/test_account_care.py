"""The administrator's care of accounts (password reset, lock, role), a user's own password, the
last sign-in, and subjects added and renamed: every refusal, every audit entry."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop_app.domain.accounts import COMMAND_LINE, Role
from desktop_app.domain.entities import LocalizedText, Subject
from desktop_app.domain.errors import DomainError, Rule
from desktop_app.services.accounts import SignInError
from tests.services.conftest import NOW, SCHOOL, Env, FixedClock, password

NEW = "brand-new-pass-1"


def _last_audit(env: Env) -> tuple[str, str, str, str]:
    with env.s.db.transaction() as store:
        event = store.audit_events()[-1]
    return event.action, event.actor, event.record_id, event.summary


def _user(env: Env, login: str):  # type: ignore[no-untyped-def]
    with env.s.db.transaction() as store:
        return store.get_user(login)


# --- password reset ---------------------------------------------------------------------------


def test_the_administrator_resets_a_forgotten_password(env: Env) -> None:
    for _ in range(4):  # a wait after failed attempts ends with the reset
        with pytest.raises(SignInError):
            env.s.accounts.authenticate("kim", "not-it-at-all")
    env.s.accounts.reset_password(env.actor("admin"), "kim", NEW)
    assert _last_audit(env)[:3] == ("user.password_reset", "zavuch", "kim")
    assert env.s.accounts.authenticate("kim", NEW).login == "kim"
    with pytest.raises(SignInError):
        env.s.accounts.authenticate("kim", password("teacher"))


@pytest.mark.parametrize("key", ["director", "head", "teacher", "viewer"])
def test_only_the_administrator_resets_a_password(env: Env, key: str) -> None:
    env.denied(lambda: env.s.accounts.reset_password(env.actor(key), "raiono", NEW))
    env.denied(lambda: env.s.accounts.reset_password(env.actor(key), "raiono", "short"))  # permission first


def test_a_reset_password_follows_the_rule(env: Env) -> None:
    env.refused(lambda: env.s.accounts.reset_password(env.actor("admin"), "kim", "short"),
                Rule.VALUE, "kim", "password")


def test_a_reset_of_an_unknown_account_is_refused(env: Env) -> None:
    env.refused(lambda: env.s.accounts.reset_password(env.actor("admin"), "nobody", NEW),
                Rule.REFERENCE, "nobody", None)


# --- lock and unlock --------------------------------------------------------------------------


def test_a_locked_account_cannot_sign_in_and_is_told_so(env: Env) -> None:
    env.s.accounts.set_locked(env.actor("admin"), "kim", True)
    assert _last_audit(env)[:3] == ("user.lock", "zavuch", "kim")
    assert _user(env, "kim").locked
    with pytest.raises(SignInError) as caught:
        env.s.accounts.authenticate("kim", password("teacher"))
    assert caught.value.message.startswith("The account {login} is locked")
    assert caught.value.params == {"login": "kim"}
    # A wrong password tells nothing about the lock.
    with pytest.raises(SignInError) as wrong:
        env.s.accounts.authenticate("kim", "not-the-password")
    assert str(wrong.value) == "Wrong login or password"
    env.s.accounts.set_locked(env.actor("admin"), "kim", False)
    assert _last_audit(env)[:3] == ("user.unlock", "zavuch", "kim")
    assert env.s.accounts.authenticate("kim", password("teacher")).login == "kim"


@pytest.mark.parametrize("key", ["director", "head", "teacher", "viewer"])
def test_only_the_administrator_locks(env: Env, key: str) -> None:
    env.denied(lambda: env.s.accounts.set_locked(env.actor(key), "kasymov", True))


def test_the_administrator_cannot_lock_themself(env: Env) -> None:
    error = env.refused(lambda: env.s.accounts.set_locked(env.actor("admin"), "zavuch", True),
                        Rule.PERMISSION, "zavuch", None)
    assert "your own account" in error.message


def test_the_last_administrator_stays_unlocked(env: Env) -> None:
    # The command line is no account: locking the only administrator would leave the school without one.
    error = env.refused(lambda: env.s.accounts.set_locked(COMMAND_LINE, "zavuch", True),
                        Rule.PERMISSION, "zavuch", None)
    assert "last administrator" in error.message
    env.s.accounts.change_role(env.actor("admin"), "director", Role.ADMINISTRATOR, "t-dir")
    env.s.accounts.set_locked(COMMAND_LINE, "zavuch", True)  # another administrator is left
    assert _user(env, "zavuch").locked


def test_an_account_of_another_school_is_not_changed(env: Env) -> None:
    env.s.accounts.create_user(COMMAND_LINE, "elsewhere", NEW, Role.VIEWER)
    with env.s.db.transaction(write=True) as store:
        user = store.get_user("elsewhere")
        assert user is not None
        user.school = "another-school"
        store.save_user(user)
    env.denied(lambda: env.s.accounts.set_locked(env.actor("admin"), "elsewhere", True))


# --- role -------------------------------------------------------------------------------------


def test_the_administrator_changes_a_role_and_its_teacher(env: Env) -> None:
    env.s.accounts.change_role(env.actor("admin"), "raiono", Role.HEAD, "t-03")
    assert _last_audit(env) == ("user.role", "zavuch", "raiono", "viewer/ -> head/t-03")
    actor = env.s.accounts.authenticate("raiono", password("viewer"))
    assert (actor.role, actor.teacher) == (Role.HEAD, "t-03")


def test_a_head_or_teacher_role_needs_a_teacher(env: Env) -> None:
    env.refused(lambda: env.s.accounts.change_role(env.actor("admin"), "raiono", Role.TEACHER, None),
                Rule.VALUE, "raiono", "teacher")
    env.refused(lambda: env.s.accounts.change_role(env.actor("admin"), "raiono", Role.TEACHER, "t-99"),
                Rule.REFERENCE, "t-99", None, check_field=False)


@pytest.mark.parametrize("key", ["director", "head", "teacher", "viewer"])
def test_only_the_administrator_changes_a_role(env: Env, key: str) -> None:
    env.denied(lambda: env.s.accounts.change_role(env.actor(key), env.actor(key).login,
                                                  Role.ADMINISTRATOR, None))
    env.denied(lambda: env.s.accounts.change_role(env.actor(key), "raiono", Role.TEACHER, None))


def test_the_last_administrator_keeps_the_role(env: Env) -> None:
    error = env.refused(lambda: env.s.accounts.change_role(env.actor("admin"), "zavuch", Role.TEACHER, "t-dep"),
                        Rule.PERMISSION, "zavuch", "role")
    assert error.params == {"login": "zavuch"}
    env.s.accounts.change_role(env.actor("admin"), "director", Role.ADMINISTRATOR, "t-dir")
    env.s.accounts.set_locked(env.actor("admin"), "director", True)
    # A locked administrator does not count: zavuch is still the last one who can sign in.
    env.refused(lambda: env.s.accounts.change_role(env.actor("admin"), "zavuch", Role.VIEWER, None),
                Rule.PERMISSION, "zavuch", "role")
    env.s.accounts.set_locked(env.actor("admin"), "director", False)
    env.s.accounts.change_role(env.actor("admin"), "zavuch", Role.TEACHER, "t-dep")
    assert _user(env, "zavuch").role is Role.TEACHER


# --- own password and last sign-in ------------------------------------------------------------


def test_any_user_changes_their_own_password(env: Env) -> None:
    actor = env.actor("teacher")
    with pytest.raises(SignInError) as wrong:
        env.s.accounts.change_password(actor, "not-the-current", NEW)
    assert (wrong.value.field, wrong.value.message) == ("current", "The current password is wrong")
    env.refused(lambda: env.s.accounts.change_password(actor, password("teacher"), "short"),
                Rule.VALUE, "kim", "password")
    env.s.accounts.change_password(actor, password("teacher"), NEW)
    assert _last_audit(env)[:3] == ("user.password", "kim", "kim")
    assert env.s.accounts.authenticate("kim", NEW) == actor


def test_the_last_sign_in_is_recorded(env: Env, clock: FixedClock) -> None:
    clock.advance(hours=3)
    env.s.accounts.authenticate("kim", password("teacher"))
    assert _user(env, "kim").last_sign_in == NOW + timedelta(hours=3)
    clock.advance(hours=1)
    with pytest.raises(SignInError):
        env.s.accounts.authenticate("kim", "wrong-password")
    assert _user(env, "kim").last_sign_in == NOW + timedelta(hours=3)
    listed = {u.login: u for u in env.s.accounts.list_users(env.actor("admin"))}
    assert listed["kim"].last_sign_in == NOW + timedelta(hours=3)


# --- subjects ---------------------------------------------------------------------------------


def test_a_subject_is_added_and_renamed(env: Env) -> None:
    admin = env.actor("admin")
    added = env.s.teachers.save_subject(admin, SCHOOL, Subject("", LocalizedText(" Химия ", "Химия")))
    assert added.id and added.name == LocalizedText("Химия", "Химия")
    assert _last_audit(env)[:3] == ("subject.create", "zavuch", added.id)
    env.s.teachers.save_subject(admin, SCHOOL, Subject(added.id, LocalizedText("Химия пәні", "Химия")))
    assert _last_audit(env)[:3] == ("subject.rename", "zavuch", added.id)
    names = {s.id: s.name for s in env.s.teachers.list_subjects(admin, SCHOOL)}
    assert names[added.id].kk == "Химия пәні"
    assert len(names) == 7


@pytest.mark.parametrize(("kk", "ru", "field", "existing"), [
    ("МАТЕМАТИКА", "Математика 2", "name_kk", "Математика"),
    ("Физика", "казахская  литература", "name_ru", "Казахская литература"),
    ("ҚАЗАҚ ӘДЕБИЕТІ", None, "name_kk", "Қазақ әдебиеті"),
    ("Қазақ Əдебиеті", None, "name_kk", "Қазақ әдебиеті"),  # Latin schwa typed for Ә
    (None, "Информатика", "name_ru", "Информатика"),  # the Kazakh name of another subject
])
def test_a_duplicate_subject_name_is_refused(env: Env, kk: str | None, ru: str | None, field: str,
                                             existing: str) -> None:
    error = env.refused(lambda: env.s.teachers.save_subject(env.actor("admin"), SCHOOL,
                                                            Subject("", LocalizedText(kk, ru))),
                        Rule.UNIQUE_ID, None, field)
    assert error.params == {"name": existing}


def test_a_subject_keeps_its_own_name_when_renamed(env: Env) -> None:
    admin = env.actor("admin")
    renamed = env.s.teachers.save_subject(admin, SCHOOL, Subject("math", LocalizedText("МАТЕМАТИКА", "Математика")))
    assert renamed.name.kk == "МАТЕМАТИКА"


def test_a_subject_without_a_name_or_by_others_is_refused(env: Env) -> None:
    env.refused(lambda: env.s.teachers.save_subject(env.actor("admin"), SCHOOL, Subject("", LocalizedText(" ", None))),
                Rule.VALUE, None, "name_kk")
    physics = Subject("", LocalizedText("Физика", None))
    env.denied(lambda: env.s.teachers.save_subject(env.actor("head"), SCHOOL, physics))
    with pytest.raises(DomainError):
        env.s.teachers.save_subject(env.actor("admin"), SCHOOL, Subject("no-such", LocalizedText("Физика", None)))
