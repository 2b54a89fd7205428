"""Users, roles and what each role may do; the history records kept beside the records."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop_app.domain.errors import N_, DomainError, PermissionDenied, Rule


class Role(StrEnum):
    ADMINISTRATOR = "administrator"  # the deputy director for academic work (п. 25)
    DIRECTOR = "director"
    HEAD = "head"  # head of one or more associations (п. 29)
    TEACHER = "teacher"
    VIEWER = "viewer"  # e.g. the district methodical cabinet (п. 16, 17)


ROLE_LABELS = {
    Role.ADMINISTRATOR: N_("administrator"),
    Role.DIRECTOR: N_("director"),
    Role.HEAD: N_("association head"),
    Role.TEACHER: N_("teacher"),
    Role.VIEWER: N_("viewer"),
}


class Action(StrEnum):
    """Use cases that need a permission; the value is the msgid shown in a refusal."""

    MANAGE_ACCOUNTS = N_("manage accounts")
    MANAGE_SCHOOL = N_("change the school and its academic years")
    MANAGE_TEACHERS = N_("change the staff list")
    MANAGE_ASSOCIATIONS = N_("create or delete associations")
    EDIT_ASSOCIATION = N_("change an association's members and work plan")
    APPROVE_WORK_PLAN = N_("approve an annual work plan")
    EDIT_MEETING = N_("record meetings and protocols")
    EDIT_PLAN = N_("write a calendar-thematic plan")
    REVIEW_PLAN = N_("record the association's review of a plan")
    AGREE_PLAN = N_("agree a plan")
    APPROVE_PLAN = N_("approve a plan")
    EDIT_MENTORSHIP = N_("assign mentors")
    LOG_MENTORING = N_("keep a mentoring log")
    EDIT_VISIT = N_("schedule lesson visits")
    OBSERVE = N_("record a lesson observation")
    EDIT_EVENT = N_("organise events of methodical work")
    EDIT_OLYMPIADS = N_("keep the register of pupils' olympiads and contests")
    READ_ALL = N_("see all records of the school")
    IMPORT = N_("import an exchange document")
    EXPORT = N_("export the school")
    EDIT_MATERIAL = N_("write a methodical material")
    APPROVE_MATERIAL = N_("approve a methodical material")
    EDIT_ATTESTATION = N_("keep the attestation register")
    RECORD_ATTESTATION = N_("record the result of an attestation")
    EDIT_COURSES = N_("record professional development courses")
    WRITE_ANALYSIS = N_("write the annual analysis of methodical work")
    APPROVE_ANALYSIS = N_("approve the annual analysis of methodical work")


#: What only an account of every school (the district's, ``Actor.school`` None) may do, named in
#: its refusal to an account of one school (issue 20).
SEE_DISTRICT = N_("see the figures of every school of the district")
IMPORT_DISTRICT = N_("import the schools of the district")
ADD_GUEST_MEMBERS = N_("add members from other schools")

#: What a role may do everywhere in its school.
_GRANTED: dict[Role, frozenset[Action]] = {
    Role.ADMINISTRATOR: frozenset(Action) - {Action.APPROVE_PLAN, Action.APPROVE_WORK_PLAN,
                                             Action.APPROVE_MATERIAL, Action.APPROVE_ANALYSIS},
    Role.DIRECTOR: frozenset({Action.APPROVE_PLAN, Action.APPROVE_WORK_PLAN, Action.READ_ALL,
                              Action.EXPORT, Action.APPROVE_MATERIAL, Action.APPROVE_ANALYSIS}),
    Role.HEAD: frozenset(),
    Role.TEACHER: frozenset(),
    Role.VIEWER: frozenset({Action.READ_ALL, Action.EXPORT}),
}

#: What a role may do on records it owns: its own association (heads), its own plan, log,
#: observation (anyone linked to a teacher).
_OWN: dict[Role, frozenset[Action]] = {
    Role.ADMINISTRATOR: frozenset(),
    Role.DIRECTOR: frozenset({Action.EDIT_PLAN, Action.LOG_MENTORING, Action.OBSERVE, Action.EDIT_MATERIAL,
                              Action.EDIT_EVENT, Action.EDIT_COURSES}),
    Role.HEAD: frozenset({Action.EDIT_ASSOCIATION, Action.EDIT_MEETING, Action.REVIEW_PLAN,
                          Action.EDIT_VISIT, Action.EDIT_PLAN, Action.LOG_MENTORING, Action.OBSERVE,
                          Action.EDIT_MATERIAL, Action.EDIT_EVENT, Action.EDIT_ATTESTATION,
                          Action.EDIT_COURSES, Action.WRITE_ANALYSIS}),
    Role.TEACHER: frozenset({Action.EDIT_PLAN, Action.LOG_MENTORING, Action.OBSERVE, Action.EDIT_MATERIAL,
                             Action.EDIT_EVENT, Action.EDIT_COURSES}),
    Role.VIEWER: frozenset(),
}


@dataclass(frozen=True)
class Actor:
    """The signed-in user on whose behalf a service acts."""

    login: str
    role: Role
    school: str | None = None  # None: every school of the database (the command line)
    teacher: str | None = None

    def may(self, action: Action, owners: frozenset[str] | set[str] | tuple[str, ...] = ()) -> bool:
        """True when the role grants ``action``, or when this user's teacher is among ``owners``."""
        if action in _GRANTED[self.role]:
            return True
        return self.teacher is not None and self.teacher in owners and action in _OWN[self.role]

    def require(self, action: Action, owners: frozenset[str] | set[str] | tuple[str, ...] = (),
                record: str | None = None) -> None:
        if not self.may(action, owners):
            raise PermissionDenied(action.value, ROLE_LABELS[self.role], record)

    def require_school(self, school: str) -> None:
        if self.school is not None and self.school != school:
            raise PermissionDenied(N_("work in another school"), ROLE_LABELS[self.role], school)


#: The command line acts as the administrator of every school: it runs on the PC that holds the
#: database file, where the file itself is already within reach.
COMMAND_LINE = Actor("cli", Role.ADMINISTRATOR)


#: The rules of a new account's login and password, here once: the services refuse by them and the
#: window shows them before anything is typed.
MIN_PASSWORD_LENGTH = 8
LOGIN_PATTERN = re.compile(r"^[A-Za-z0-9._-]{2,64}$")
LOGIN_RULE = N_("Latin letters, digits, dot, dash and underscore; 2 to 64 characters.")
PASSWORD_RULE = N_("At least {count} characters: letters of any alphabet, digits, signs.")


def login_is_valid(login: str) -> bool:
    return bool(LOGIN_PATTERN.match(login))


def password_shortfall(password: str) -> int:
    """How many characters the password still lacks (0: long enough)."""
    return max(0, MIN_PASSWORD_LENGTH - len(password))


def check_login_and_password(login: str, password: str) -> None:
    """Refuse a new account's login or password that breaks the rules above."""
    check_login(login)
    check_password(login, password)


@dataclass
class User:
    login: str
    role: Role
    password_hash: str
    school: str | None = None
    teacher: str | None = None
    active: bool = True
    failed_attempts: int = 0
    locked_until: datetime | None = None

    last_sign_in: datetime | None = None

    def actor(self) -> Actor:
        return Actor(self.login, self.role, self.school, self.teacher)

    @property
    def locked(self) -> bool:
        """Locked by the administrator (not the short wait after failed attempts)."""
        return not self.active

    def waiting(self, now: datetime) -> bool:
        """Whether the account waits after failed sign-ins (until ``locked_until``)."""
        return self.locked_until is not None and self.locked_until > now


#: Roles whose account acts for a teacher of the school (their plans, their association).
ROLES_WITH_TEACHER = frozenset({Role.HEAD, Role.TEACHER})


def check_login(login: str) -> None:
    """The login rule (``LOGIN_RULE``)."""
    if not login_is_valid(login):
        raise DomainError(Rule.VALUE, N_("the login {login} may use only Latin letters, digits, "
                                         "dot, dash and underscore (2 to 64)"),
                          {"login": login}, record=login, field="login")


def check_password(login: str, password: str) -> None:
    """The password rule (``PASSWORD_RULE``)."""
    if password_shortfall(password):
        raise DomainError(Rule.VALUE, N_("the password needs at least {count} characters"),
                          {"count": MIN_PASSWORD_LENGTH}, record=login, field="password")


def check_teacher_link(login: str, role: Role, teacher: str | None) -> None:
    if role in ROLES_WITH_TEACHER and teacher is None:
        raise DomainError(Rule.VALUE, N_("an account of a head or a teacher is linked to a teacher"),
                          record=login, field="teacher")


def check_administrator_kept(users: Iterable[User], changed: User, field: str | None = None) -> None:
    """The school must never lose its last administrator: refuse a change (role, lock) after which
    no administrator who can sign in would be left among ``users``."""
    def signs_in_as_administrator(user: User) -> bool:
        return user.role is Role.ADMINISTRATOR and user.active

    if signs_in_as_administrator(changed):
        return
    if any(signs_in_as_administrator(u) for u in users if u.login != changed.login):
        return
    raise DomainError(Rule.PERMISSION, N_("{login} is the last administrator who can sign in; make "
                                          "another account an administrator first"),
                      {"login": changed.login}, record=changed.login, field=field)


@dataclass
class AuditEvent:
    """Who changed what and when; ``hash`` chains the events (SHA-256 over the previous hash)."""

    at: datetime
    actor: str
    action: str
    school: str | None
    record_kind: str
    record_id: str
    summary: str
    previous_hash: str = ""
    hash: str = ""


@dataclass
class PlanEvent:
    """One step in the history of a KTP (rule 6): who did what, when, with which remarks."""

    plan: str
    at: datetime
    actor: str
    action: str
    from_status: str
    to_status: str
    note: str | None = None


@dataclass
class MeetingVersion:
    """A superseded version of a finalized protocol, kept readable (rule 5)."""

    meeting: str
    version: int
    snapshot: str  # the exchange-format JSON of the meeting as it was
    reason: str
    actor: str
    at: datetime
