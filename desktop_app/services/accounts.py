"""Accounts: Argon2id password hashes, sign-in with lockout, the first administrator, and the
administrator's care of accounts (password reset, lock, role); each change is in the audit trail."""

from __future__ import annotations

from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from desktop_app.domain.accounts import (
    MIN_PASSWORD_LENGTH,
    Action,
    Actor,
    Role,
    User,
    check_administrator_kept,
    check_login_and_password,
    check_password,
    check_teacher_link,
)
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.services.base import Service, found
from desktop_app.storage import server_roles
from desktop_app.storage.store import Store

__all__ = ["MIN_PASSWORD_LENGTH", "AccountService", "SignInError", "check_login_and_password",
           "hash_password", "lock_duration"]

#: Failures allowed before the first lock; each further failure doubles the wait.
FREE_ATTEMPTS = 3
FIRST_LOCK = timedelta(seconds=30)
MAX_LOCK = timedelta(minutes=30)

WRONG_PASSWORD = N_("Wrong login or password")

_hasher = PasswordHasher()  # Argon2id with the library's current recommended parameters


class SignInError(DomainError):
    """Wrong login or password, or a locked account; says nothing about which."""


def lock_duration(failures: int) -> timedelta:
    """No wait for the first few failures, then 30 s, 60 s, 120 s ... up to 30 minutes."""
    if failures < FREE_ATTEMPTS:
        return timedelta(0)
    wait: timedelta = FIRST_LOCK * (2 ** (failures - FREE_ATTEMPTS))
    return min(wait, MAX_LOCK)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


class AccountService(Service):
    def create_user(self, actor: Actor | None, login: str, password: str, role: Role,
                    school: str | None = None, teacher: str | None = None) -> User:
        """The administrator creates accounts; ``actor`` None is allowed only for the first one."""
        check_login_and_password(login, password)
        check_teacher_link(login, role, teacher)
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
            if self._db.login_roles:  # on a school server the person gets their own database login
                server_roles.set_login(store.session.connection(), login, role.value, password, allowed=True)
            self._audit(store, acting, "user.create", school, "user", login, role.value)
            return user

    def authenticate(self, login: str, password: str) -> Actor:
        """Check a password; repeated failures lock the account for a growing time. An account
        locked by the administrator is told so only to whoever knows its password."""
        if self._db.personal_login is not None:
            return self._server_sign_in(login)
        refused = SignInError(Rule.PERMISSION, WRONG_PASSWORD, record=login)
        with self._db.transaction(write=True) as store:
            user = store.get_user(login)
            if user is None:
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
                user.failed_attempts = 0
                user.locked_until = None
                if _hasher.check_needs_rehash(user.password_hash):
                    user.password_hash = _hasher.hash(password)
                if user.locked:
                    failed = SignInError(Rule.PERMISSION, N_("The account {login} is locked; ask the "
                                                             "administrator to unlock it"),
                                         {"login": login}, record=login)
                else:
                    user.last_sign_in = now
                store.save_user(user)
        if failed is not None:
            raise failed
        return user.actor()

    def _server_sign_in(self, login: str) -> Actor:
        """On a school server the server checked the password when the person's login connected:
        the account is the one of that login, if the administrator has not locked it."""
        if login != self._db.personal_login:
            raise SignInError(Rule.PERMISSION, WRONG_PASSWORD, record=login)
        with self._db.transaction(write=True) as store:
            user = store.get_user(login, with_hash=False)
            if user is None:
                raise SignInError(Rule.PERMISSION, N_("The server login {login} has no account in Metodsovet; "
                                                      "ask the administrator"), {"login": login}, record=login)
            if user.locked:
                raise SignInError(Rule.PERMISSION, N_("The account {login} is locked; ask the "
                                                      "administrator to unlock it"), {"login": login}, record=login)
            store.mark_signed_in(login, self._clock())
        return user.actor()

    def _change_server_password(self, actor: Actor, old: str, new: str) -> None:
        """On a server: the person's own login role gets the new password (and the account's hash,
        so that a backup opened on a PC signs in with it too)."""
        if not self._db.password_works(old):
            server_roles.count_failed_sign_in(self._db.url.set(password=old))  # counts as on one PC
            raise SignInError(Rule.PERMISSION, N_("The current password is wrong"),
                              record=actor.login, field="current")
        with self._db.transaction(write=True) as store:
            server_roles.change_own_password(store.session.connection(), new)
            store.set_password_hash(actor.login, _hasher.hash(new))
            self._audit(store, actor, "user.password", actor.school, "user", actor.login, "")
        self._db.use_password(new)

    def change_password(self, actor: Actor, old: str, new: str) -> None:
        """Any signed-in user changes their own password, proving the current one."""
        check_password(actor.login, new)
        if self._db.personal_login is not None:
            self._change_server_password(actor, old, new)
            return
        try:
            self.authenticate(actor.login, old)
        except SignInError as error:  # a wrong one counts as a failed sign-in (and may lock)
            if error.message == WRONG_PASSWORD:
                raise SignInError(Rule.PERMISSION, N_("The current password is wrong"),
                                  record=actor.login, field="current") from None
            error.field = "current"
            raise
        with self._db.transaction(write=True) as store:
            user = found(store.get_user(actor.login), "user", actor.login)
            user.password_hash = _hasher.hash(new)
            store.save_user(user)
            self._audit(store, actor, "user.password", user.school, "user", actor.login, "")

    def reset_password(self, actor: Actor, login: str, new: str) -> User:
        """The administrator sets a new password for another account (a forgotten one); the wait
        after failed attempts ends with it."""
        actor.require(Action.MANAGE_ACCOUNTS, record=login)
        check_password(login, new)
        with self._db.transaction(write=True) as store:
            user = self._managed(store, actor, login)
            user.password_hash = _hasher.hash(new)
            user.failed_attempts = 0
            user.locked_until = None
            store.save_user(user)
            self._server_login(store, user, password=new)
            self._audit(store, actor, "user.password_reset", user.school, "user", login, "")
            return user

    def set_locked(self, actor: Actor, login: str, locked: bool) -> User:
        """Lock an account (it cannot sign in) or unlock it (also from the wait after failed
        sign-ins). Nobody locks themself, and the last administrator who can sign in stays unlocked."""
        with self._db.transaction(write=True) as store:
            user = self._managed(store, actor, login)
            if locked and login == actor.login:
                raise DomainError(Rule.PERMISSION, N_("You cannot lock your own account {login}"),
                                  {"login": login}, record=login)
            user.active = not locked
            if not locked:  # unlocking ends the wait after failed sign-ins too
                user.failed_attempts, user.locked_until = 0, None
            check_administrator_kept(self._colleagues(store, user), user)
            store.save_user(user)
            self._server_login(store, user)
            self._audit(store, actor, "user.lock" if locked else "user.unlock", user.school, "user",
                        login, "")
            return user

    def change_role(self, actor: Actor, login: str, role: Role, teacher: str | None) -> User:
        """A new role and linked teacher (a head's or a teacher's account needs one); the last
        administrator who can sign in keeps the role."""
        actor.require(Action.MANAGE_ACCOUNTS, record=login)
        check_teacher_link(login, role, teacher)
        with self._db.transaction(write=True) as store:
            user = self._managed(store, actor, login)
            if teacher is not None:
                if user.school is None:
                    raise DomainError(Rule.VALUE, N_("A teacher is linked within a school"),
                                      record=login, field="teacher")
                found(store.get_teacher(user.school, teacher), "teacher", teacher)
            before = f"{user.role.value}/{user.teacher or ''}"
            user.role, user.teacher = role, teacher
            check_administrator_kept(self._colleagues(store, user), user, field="role")
            store.save_user(user)
            self._server_login(store, user)
            self._audit(store, actor, "user.role", user.school, "user", login,
                        f"{before} -> {role.value}/{teacher or ''}")
            return user

    def _server_login(self, store: Store, user: User, password: str | None = None) -> None:
        """On a school server the account's login role follows it: group, password, locked or not."""
        if self._db.login_roles:
            server_roles.set_login(store.session.connection(), user.login, user.role.value, password,
                                   allowed=not user.locked)

    @staticmethod
    def _managed(store: Store, actor: Actor, login: str) -> User:
        """The account ``login`` that ``actor`` (an administrator of its school) may change."""
        actor.require(Action.MANAGE_ACCOUNTS, record=login)
        user = found(store.get_user(login), "user", login)
        if user.school is not None:
            actor.require_school(user.school)
        return user

    @staticmethod
    def _colleagues(store: Store, user: User) -> list[User]:
        """The accounts that administer ``user``'s school: its own and those of every school."""
        return [u for u in store.list_users() if u.school in (user.school, None)]

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
