"""Per-person logins on a real PostgreSQL server (issue 17, point 3), tried as an attacker would:
each person's own login, connected directly with psycopg (any SQL client), is refused what the
program's role does not allow; the program itself still works for every role over the server."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
import sqlalchemy as sa
from psycopg import errors

from desktop_app.domain.accounts import COMMAND_LINE, Actor, Role
from desktop_app.domain.entities import Observation, ReviewOutcome
from desktop_app.domain.errors import DomainError
from desktop_app.services import Services
from desktop_app.services.maintenance import MaintenanceService
from desktop_app.services.server import init_server
from desktop_app.storage.database import HEAD_REVISION, Database
from desktop_app.storage.errors import LoginLockedError, LoginTakenError, OlderServerSchemaError
from tests import server
from tests.services.conftest import (
    KAZ_MEMBERS,
    NOW,
    SAMPLE_BYTES,
    SCHOOL,
    SUBMITTED_AT,
    FixedClock,
    meeting,
    mentorship,
    plan,
    session,
    visit,
)

pytestmark = pytest.mark.usefixtures("pg_cluster")

#: key -> (login, role, teacher): logins of their own (login roles are cluster-wide).
PEOPLE: dict[str, tuple[str, Role, str | None]] = {
    "director": ("sec-director", Role.DIRECTOR, "t-dir"),
    "head": ("sec-abenova", Role.HEAD, "t-01"),  # heads mo-math-26
    "head2": ("sec-usenova", Role.HEAD, "t-08"),  # heads mo-kaz-26
    "teacher": ("sec-kim", Role.TEACHER, "t-05"),  # a member of mo-math-26
    "teacher2": ("sec-kasymov", Role.TEACHER, "t-02"),
    "viewer": ("sec-raiono", Role.VIEWER, None),
}
ADMIN = "sec-zavuch"


def secret(login: str) -> str:
    return f"{login}-Құпия-2026"


@dataclass
class School:
    cluster: server.Cluster
    database: str
    owner_url: str
    own_plan: str  #: the teacher's submitted plan
    other_plan: str  #: teacher2's plan
    kaz_meeting: str  #: a meeting of mo-kaz-26 (head2's association)
    visit: str  #: an open lesson of t-04 in mo-math-26

    def url(self, login: str, password: str | None = None) -> str:
        password = secret(login) if password is None else password
        return sa.URL.create("postgresql+psycopg", login, password, "127.0.0.1", self.cluster.port,
                             self.database).render_as_string(hide_password=False)

    def connect(self, key_or_login: str, password: str | None = None) -> psycopg.Connection[Any]:
        """A plain psycopg connection as that person's own login: the attacker's SQL client."""
        login = PEOPLE[key_or_login][0] if key_or_login in PEOPLE else key_or_login
        return psycopg.connect(host="127.0.0.1", port=self.cluster.port, dbname=self.database, user=login,
                               password=secret(login) if password is None else password, autocommit=True)

    def services(self, key: str, clock: FixedClock | None = None) -> tuple[Services, Actor]:
        """The program over the server as that person: their login connects, then signs in."""
        login = PEOPLE[key][0] if key in PEOPLE else key
        services = Services.over(Database.open(self.url(login)), clock=clock or FixedClock())
        return services, services.accounts.authenticate(login, secret(login))


@pytest.fixture(scope="module")
def school(pg_cluster: server.Cluster) -> Iterator[School]:
    """The sample school on a server prepared by ``server init``, one login per person."""
    name = pg_cluster.create_database()
    owner_url = pg_cluster.url(name, server.OWNER)
    init_server(owner_url, ADMIN, secret(ADMIN))
    setup = Services.over(Database.open(owner_url), clock=FixedClock(SUBMITTED_AT))
    try:
        setup.exchange.import_document(COMMAND_LINE, SAMPLE_BYTES)
        for login, role, teacher in PEOPLE.values():
            setup.accounts.create_user(COMMAND_LINE, login, secret(login), role, SCHOOL, teacher)
        kim = setup.accounts.authenticate("sec-kim", secret("sec-kim"))  # the owner's path: the hash
        own = setup.plans.save(kim, SCHOOL, plan("t-05")).id
        setup.plans.submit(kim, SCHOOL, own)
        other = setup.plans.save(COMMAND_LINE, SCHOOL, plan("t-02", grade=9)).id
        kaz = setup.meetings.save(COMMAND_LINE, SCHOOL, meeting(
            "mo-kaz-26", 1, chair="t-08", secretary="t-06", members=KAZ_MEMBERS)).id
        seen = setup.visits.save(COMMAND_LINE, SCHOOL, visit()).id
    finally:
        setup.close()
    yield School(pg_cluster, name, owner_url, own, other, kaz, seen)
    pg_cluster.drop_database(name)


def refused(school: School, key: str, statement: str, *params: Any) -> type[BaseException]:
    """Runs ``statement`` as ``key``'s login; returns the class of the refusal (fails if it ran)."""
    with school.connect(key) as connection, pytest.raises(psycopg.Error) as caught:
        connection.execute(statement, params or None)
    return type(caught.value)


def changed(school: School, key: str, statement: str, *params: Any) -> int:
    """Runs ``statement`` as ``key``'s login and returns how many rows it changed."""
    with school.connect(key) as connection:
        return connection.execute(statement, params or None).rowcount


# --- the attacker: a teacher's login with an SQL client -------------------------------------------


def test_a_wrong_password_does_not_connect(school: School) -> None:
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        school.connect("teacher", "guessed-password")


def test_a_teacher_cannot_approve_their_own_plan(school: School) -> None:
    assert refused(school, "teacher", "UPDATE plans SET status = 'approved', approved_by = 't-05', "
                   "approved_on = current_date WHERE id = %s", school.own_plan) is errors.InsufficientPrivilege
    assert refused(school, "teacher", "UPDATE plans SET agreed_by = 't-dep', agreed_on = current_date "
                   "WHERE id = %s", school.own_plan) is errors.InsufficientPrivilege
    assert refused(school, "teacher", "INSERT INTO plans SELECT school_id, 'p-forged', seq + 100, teacher_id, "
                   "subject_id, academic_year_id, grade, language, hours_per_week, 'approved', classes, "
                   "NULL, NULL, NULL, NULL, NULL, NULL, 't-dir', current_date, 1 FROM plans WHERE id = %s",
                   school.own_plan) is errors.InsufficientPrivilege
    with school.connect("teacher") as connection:
        assert connection.execute("SELECT status, approved_by FROM plans WHERE id = %s",
                                  (school.own_plan,)).fetchone() == ("submitted", None)


def test_a_teacher_writes_only_their_own_plans(school: School) -> None:
    assert changed(school, "teacher", "UPDATE plans SET grade = 11 WHERE id = %s", school.other_plan) == 0
    assert changed(school, "teacher", "DELETE FROM plan_rows WHERE plan_id = %s", school.other_plan) == 0
    assert refused(school, "teacher", "INSERT INTO plans SELECT school_id, 'p-theirs', seq + 100, 't-02', "
                   "subject_id, academic_year_id, grade, language, hours_per_week, 'draft', classes, "
                   "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1 FROM plans WHERE id = %s",
                   school.own_plan) is errors.InsufficientPrivilege  # new row violates row-level security
    assert changed(school, "teacher", "UPDATE plans SET hours_per_week = 2 WHERE id = %s", school.own_plan) == 1


def test_nobody_edits_another_associations_protocol(school: School) -> None:
    assert refused(school, "teacher", "UPDATE meetings SET place = 'x' WHERE id = %s",
                   school.kaz_meeting) is errors.InsufficientPrivilege  # no right to any protocol
    assert refused(school, "teacher", "DELETE FROM agenda_decisions") is errors.InsufficientPrivilege
    # The head of mathematics does not reach the Kazakh association's protocol.
    assert changed(school, "head", "UPDATE meetings SET place = 'x' WHERE id = %s", school.kaz_meeting) == 0
    assert changed(school, "head", "DELETE FROM agenda_decisions WHERE meeting_id = %s", school.kaz_meeting) == 0
    assert changed(school, "head2", "UPDATE meetings SET place = place WHERE id = %s", school.kaz_meeting) == 1


def test_password_hashes_are_read_by_the_administrator_group_only(school: School) -> None:
    for key in ("teacher", "head", "director", "viewer"):
        assert refused(school, key, "SELECT password_hash FROM users") is errors.InsufficientPrivilege
        assert refused(school, key, "SELECT * FROM users") is errors.InsufficientPrivilege
    with school.connect("teacher") as connection:  # the rest of the accounts is readable (names in histories)
        assert ("sec-kim", "teacher") in connection.execute("SELECT login, role FROM users").fetchall()
    with school.connect(ADMIN) as connection:
        hashes = connection.execute("SELECT password_hash FROM users WHERE login = 'sec-kim'").fetchone()
    assert hashes is not None and hashes[0].startswith("$argon2id$")
    # Nor can a teacher change another's account.
    assert changed(school, "teacher", "UPDATE users SET failed_attempts = 0 WHERE login = %s", ADMIN) == 0


def test_the_audit_trail_cannot_be_rewritten(school: School) -> None:
    for key in ("teacher", "head", "director"):
        assert refused(school, key, "UPDATE audit_events SET summary = 'nothing'") is errors.InsufficientPrivilege
        assert refused(school, key, "DELETE FROM audit_events") is errors.InsufficientPrivilege
        assert refused(school, key, "TRUNCATE audit_events") is errors.InsufficientPrivilege
    for key in (ADMIN,):  # not even the administrator's group: only the owner
        assert refused(school, key, "DELETE FROM audit_events") is errors.InsufficientPrivilege
    with school.connect("teacher") as connection:  # an event added by hand names its real login
        connection.execute("INSERT INTO audit_events (at, actor, action, record_kind, record_id, summary, "
                           "previous_hash, hash, db_login) VALUES (now(), 'sec-zavuch', 'x', 'plan', 'p', '', "
                           "'', '', 'sec-zavuch') ")
        forged = connection.execute("SELECT actor, db_login FROM audit_events WHERE action = 'x'").fetchone()
        connection.execute("SELECT 1")
    assert forged == ("sec-zavuch", "sec-kim")


def test_a_teacher_cannot_make_or_raise_logins(school: School) -> None:
    assert refused(school, "teacher", "SELECT metodsovet_set_login('sec-kim', 'administrator', NULL, true)"
                   ) is errors.InsufficientPrivilege
    assert refused(school, "teacher", f'GRANT "{school.database}_administrator" TO "sec-kim"'
                   ) is errors.InsufficientPrivilege
    assert refused(school, "teacher", "CREATE ROLE intruder LOGIN") is errors.InsufficientPrivilege
    assert refused(school, "teacher", "CREATE TABLE mine (x int)") is errors.InsufficientPrivilege
    # The administrator's group manages people's logins, but never the owner's or a superuser's.
    assert refused(school, ADMIN, "SELECT metodsovet_set_login(%s, 'teacher', NULL, true)",
                   server.OWNER) is errors.DuplicateObject
    assert refused(school, ADMIN, "SELECT metodsovet_set_login('postgres', 'teacher', NULL, true)"
                   ) is errors.DuplicateObject


def test_the_viewer_writes_nothing(school: School) -> None:
    for statement in ("UPDATE teachers SET last_name = 'x'", "DELETE FROM plans",
                      "UPDATE associations SET name_kk = 'x'", "DELETE FROM lesson_visits"):
        assert refused(school, "viewer", statement) is errors.InsufficientPrivilege


# --- the program over the server, as each person ----------------------------------------------


def test_the_program_works_for_each_role_over_the_server(school: School) -> None:
    clock = FixedClock(SUBMITTED_AT)
    services, kim = school.services("teacher", clock)
    try:
        assert services.db.personal_login == "sec-kim" and kim.teacher == "t-05"
        draft = services.plans.save(kim, SCHOOL, plan("t-05", grade=7))
        services.plans.submit(kim, SCHOOL, draft.id)
        with pytest.raises(DomainError):  # the program refuses first, as on one PC
            services.plans.save(kim, SCHOOL, plan("t-02", grade=6))
        services.visits.observe(kim, SCHOOL, school.visit, Observation("t-05", "Жақсы", "Көбірек"))
    finally:
        services.close()
    clock.now = NOW
    services, head = school.services("head", clock)
    try:
        reviewed = services.plans.consider(head, SCHOOL, draft.id, "m-math-26-2", 1, ReviewOutcome.RECOMMENDED)
        assert reviewed.status.value == "recommended"
    finally:
        services.close()
    services, admin = school.services(ADMIN, clock)
    try:
        services.plans.agree(admin, SCHOOL, draft.id)
        mentoring = services.mentoring.save(admin, SCHOOL, mentorship("t-05", "t-11"))
        created = services.accounts.create_user(admin, "sec-new", secret("sec-new"), Role.TEACHER, SCHOOL, "t-03")
        assert created.login == "sec-new"
        # One chain, whoever wrote it; only the event forged by hand (an attack above) breaks it.
        assert [b for b in services.checks.check(admin).audit_breaks if " x p" not in b] == []
    finally:
        services.close()
    services, director = school.services("director", clock)
    try:
        assert services.plans.approve(director, SCHOOL, draft.id).status.value == "approved"
    finally:
        services.close()
    services, kim = school.services("teacher", clock)
    try:
        services.mentoring.log_session(kim, SCHOOL, mentoring.id, session())
    finally:
        services.close()
    services, newcomer = school.services("sec-new", clock)  # the account made in the program can sign in
    services.close()
    assert newcomer.teacher == "t-03"
    with school.connect(ADMIN) as connection:
        logins = dict(connection.execute(
            "SELECT action, db_login FROM audit_events WHERE db_login IS NOT NULL ORDER BY id").fetchall())
    assert logins["plan.submit"] == "sec-kim" and logins["plan.approve"] == "sec-director"
    assert logins["user.create"] == ADMIN and logins["mentorship.session"] == "sec-kim"


def test_locking_and_password_changes_act_on_the_login(school: School) -> None:
    services, admin = school.services(ADMIN)
    try:
        services.accounts.create_user(admin, "sec-lock", secret("sec-lock"), Role.VIEWER, SCHOOL)
        services.accounts.set_locked(admin, "sec-lock", True)
        with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
            school.connect("sec-lock")
        with pytest.raises(LoginLockedError):
            Database.open(school.url("sec-lock"))
        services.accounts.set_locked(admin, "sec-lock", False)
        services.accounts.reset_password(admin, "sec-lock", "сброшен-2026")
        school.connect("sec-lock", "сброшен-2026").close()
    finally:
        services.close()
    db = Database.open(school.url("sec-lock", "сброшен-2026"))
    services = Services.over(db)
    try:
        viewer = services.accounts.authenticate("sec-lock", "сброшен-2026")
        with pytest.raises(DomainError):
            services.accounts.change_password(viewer, "wrong-password", "жаңа-құпия-2026")
        services.accounts.change_password(viewer, "сброшен-2026", "жаңа-құпия-2026")
        assert services.accounts.people(viewer, SCHOOL)["sec-lock"] == "sec-lock"  # still connected
    finally:
        services.close()
    school.connect("sec-lock", "жаңа-құпия-2026").close()
    with pytest.raises(psycopg.OperationalError):
        school.connect("sec-lock", "сброшен-2026")


def test_a_login_of_another_database_is_not_taken_over(school: School, pg_cluster: server.Cluster) -> None:
    pg_cluster.execute('DROP ROLE IF EXISTS "sec-stranger"', 'CREATE ROLE "sec-stranger" LOGIN')
    services = Services.over(Database.open(school.owner_url))
    try:
        with pytest.raises(LoginTakenError):
            services.accounts.create_user(COMMAND_LINE, "sec-stranger", secret("x"), Role.TEACHER, SCHOOL, "t-04")
        assert "sec-stranger" not in [u.login for u in services.accounts.list_users(COMMAND_LINE)]
    finally:
        services.close()
        pg_cluster.execute('DROP ROLE IF EXISTS "sec-stranger"')


def test_the_administrator_backs_the_server_up_through_their_own_login(school: School, tmp_path: Path) -> None:
    services, admin = school.services(ADMIN)
    try:
        path = MaintenanceService(services).backup(admin, tmp_path)
    finally:
        services.close()
    copy = Services.open(str(path))  # on a PC without the server: people sign in with their passwords
    try:
        kim = copy.accounts.authenticate("sec-kim", secret("sec-kim"))
        assert kim.teacher == "t-05" and copy.db.integrity_check() == "ok"
        with copy.db.transaction() as store:
            logins = {event.actor for event in store.audit_events()}
        assert "sec-kim" in logins
    finally:
        copy.close()


def test_a_persons_login_does_not_migrate_an_older_server_and_says_who_can(school: School) -> None:
    owner = sa.create_engine(school.owner_url, poolclass=sa.pool.NullPool)
    try:
        with owner.begin() as connection:
            connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0005_list_indexes'")
        with pytest.raises(OlderServerSchemaError) as caught:
            Database.open(school.url("sec-kim"))
        assert "server init" in caught.value.render()
    finally:
        with owner.begin() as connection:
            connection.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{HEAD_REVISION}'")
        owner.dispose()


def test_the_check_on_a_server_finds_a_table_without_row_level_security(school: School) -> None:
    owner = sa.create_engine(school.owner_url, poolclass=sa.pool.NullPool)
    services = Services.over(Database.open(school.owner_url))
    try:
        assert services.db.integrity_problems() == []
        with owner.begin() as connection:
            connection.exec_driver_sql("ALTER TABLE meetings DISABLE ROW LEVEL SECURITY")
        problems = services.checks.check(COMMAND_LINE).integrity
        assert len(problems) == 1 and problems[0].startswith("meetings:") and "server init" in problems[0]
    finally:
        with owner.begin() as connection:
            connection.exec_driver_sql("ALTER TABLE meetings ENABLE ROW LEVEL SECURITY")
        owner.dispose()
        services.close()
