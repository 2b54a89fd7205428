"""Accounts: Argon2id password hashes, sign-in with lockout, the first administrator."""

from __future__ import annotations

import re
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from desktop_app.domain.accounts import Action, Actor, Role, User
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.services.base import Service, found

MIN_PASSWORD_LENGTH = 8
#: Failures allowed before the first lock; each further failure doubles the wait.
FREE_ATTEMPTS = 3
FIRST_LOCK = timedelta(seconds=30)
MAX_LOCK = timedelta(minutes=30)
LOGIN_PATTERN = re.compile(r"^[A-Za-z0-9._-]{2,64}$")

_hasher = PasswordHasher()  # Argon2id with the library's current recommended parameters


class SignInError(DomainError):
    """Wrong login or password, or a locked account; says nothing about which."""


def lock_duration(failures: int) -> timedelta:
    """No wait for the first few failures, then 30 s, 60 s, 120 s ... up to 30 minutes."""
    if failures < FREE_ATTEMPTS:
        return timedelta(0)
    wait: timedelta = FIRST_LOCK * (2 ** (failures - FREE_ATTEMPTS))
    return min(wait, MAX_LOCK)


def check_login_and_password(login: str, password: str) -> None:
    """The rules of a new account's login and password (shared with the first-start set-up)."""
    if not LOGIN_PATTERN.match(login):
        raise DomainError(Rule.VALUE, N_("The login {login} may use only Latin letters, digits, "
                                         "dot, dash and underscore (2 to 64)"),
                          {"login": login}, record=login, field="login")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DomainError(Rule.VALUE, N_("The password needs at least {count} characters"),
                          {"count": MIN_PASSWORD_LENGTH}, record=login, field="password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


class AccountService(Service):
    def create_user(self, actor: Actor | None, login: str, password: str, role: Role,
                    school: str | None = None, teacher: str | None = None) -> User:
        """The administrator creates accounts; ``actor`` None is allowed only for the first one."""
        check_login_and_password(login, password)
        if role in (Role.HEAD, Role.TEACHER) and teacher is None:
            raise DomainError(Rule.VALUE, N_("An account of a head or a teacher is linked to a teacher"),
                              record=login, field="teacher")
        with self._db.transaction(write=True) as store:
            if actor is None:
                if store.count_users():
                    raise DomainError(Rule.PERMISSION, N_("Accounts exist; sign in as an administrator"),
                                      record=login)
                if role is not Role.ADMINISTRATOR:
                    raise DomainError(Rule.VALUE, N_("The first account is an administrator"),
                                      record=login, field="role")
                acting = Actor(login, Role.ADMINISTRATOR, school, teacher)
            else:
                actor.require(Action.MANAGE_ACCOUNTS)
                if school is not None:
                    actor.require_school(school)
                acting = actor
            if store.get_user(login) is not None:
                raise DomainError(Rule.UNIQUE_ID, N_("The login {login} is taken"), {"login": login},
                                  record=login, field="login")
            if school is not None:
                found(store.get_school(school), "school", school)
                if teacher is not None:
                    found(store.get_teacher(school, teacher), "teacher", teacher)
            elif teacher is not None:
                raise DomainError(Rule.VALUE, N_("A teacher is linked within a school"),
                                  record=login, field="school")
            user = User(login, role, _hasher.hash(password), school, teacher)
            store.add_user(user)
            self._audit(store, acting, "user.create", school, "user", login, role.value)
            return user

    def authenticate(self, login: str, password: str) -> Actor:
        """Check a password; repeated failures lock the account for a growing time."""
        refused = SignInError(Rule.PERMISSION, N_("Wrong login or password"), record=login)
        with self._db.transaction(write=True) as store:
            user = store.get_user(login)
            if user is None or not user.active:
                _hasher.hash(password)  # same work either way: no hint whether the login exists
                raise refused
            now = self._clock()
            if user.locked_until is not None and user.locked_until > now:
                seconds = int((user.locked_until - now).total_seconds()) + 1
                raise SignInError(Rule.PERMISSION,
                                  N_("Too many failed attempts; try again in {seconds} s"),
                                  {"seconds": seconds}, record=login)
            try:
                _hasher.verify(user.password_hash, password)
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                user.failed_attempts += 1
                wait = lock_duration(user.failed_attempts)
                user.locked_until = now + wait if wait else None
                store.save_user(user)
                self._audit(store, Actor(login, user.role, user.school), "user.sign_in_failed",
                            user.school, "user", login, str(user.failed_attempts))
                failed: SignInError | None = refused
            else:
                failed = None
                if user.failed_attempts or user.locked_until or _hasher.check_needs_rehash(user.password_hash):
                    user.failed_attempts = 0
                    user.locked_until = None
                    if _hasher.check_needs_rehash(user.password_hash):
                        user.password_hash = _hasher.hash(password)
                    store.save_user(user)
        if failed is not None:
            raise failed
        return user.actor()

    def change_password(self, actor: Actor, old: str, new: str) -> None:
        self.authenticate(actor.login, old)
        if len(new) < MIN_PASSWORD_LENGTH:
            raise DomainError(Rule.VALUE, N_("The password needs at least {count} characters"),
                              {"count": MIN_PASSWORD_LENGTH}, record=actor.login, field="password")
        with self._db.transaction(write=True) as store:
            user = found(store.get_user(actor.login), "user", actor.login)
            user.password_hash = _hasher.hash(new)
            store.save_user(user)
            self._audit(store, actor, "user.password", user.school, "user", actor.login, "")

    def list_users(self, actor: Actor) -> list[User]:
        actor.require(Action.MANAGE_ACCOUNTS)
        with self._db.transaction() as store:
            return store.list_users(actor.school)

    def people(self, actor: Actor, school: str) -> dict[str, str]:
        """Login → the full name of the teacher behind it, for the school's users: histories and
        audit lines name people, not accounts. Logins without a teacher map to themselves."""
        with self._read(actor, school) as store:
            teachers = {t.id: t.full_name for t in store.list_teachers(school)}
            return {u.login: teachers.get(u.teacher, u.login) if u.teacher else u.login
                    for u in store.list_users(school)}

    def has_users(self) -> bool:
        with self._db.transaction() as store:
            return store.count_users() > 0
