"""More of the per-person logins on a real server (issue 17, point 3), as an attacker would try them:
a teacher's own methodical material, the registers of attestation and courses, and the lockout
after failed sign-ins, which holds for any SQL client too."""

from __future__ import annotations

import psycopg
import pytest
from psycopg import errors

from desktop_app.domain.accounts import Role
from desktop_app.domain.entities import LocalizedText, Material, MaterialKind, Person
from desktop_app.domain.errors import DomainError
from desktop_app.services.accounts import lock_duration
from desktop_app.services.materials import Attachment
from desktop_app.storage import server_roles
from desktop_app.storage.database import Database
from desktop_app.storage.errors import ServerSignInError, SignInWaitError
from tests import server
from tests.services.conftest import SCHOOL
from tests.test_server_security import ADMIN, School, changed, refused, school, secret

__all__ = ["school"]  # the module's school on the server (a fixture)

pytestmark = pytest.mark.usefixtures("pg_cluster")

PDF = b"%PDF-1.4\n% a material\n" + bytes(range(256)) * 4


def draft(authors: list[str | Person], association: str = "mo-math-26") -> Material:
    return Material("", MaterialKind.RECOMMENDATIONS,
                    LocalizedText("Функционалдық сауаттылық", "Функциональная грамотность"),
                    association, "2026-2027", authors)


# --- a teacher's own methodical material (п. 27) --------------------------------------------------


def test_a_teacher_enters_and_edits_their_own_material_through_the_program(school: School) -> None:
    services, kim = school.services("teacher")
    try:
        created = services.materials.save(kim, SCHOOL, draft([Person("Ахметова Г.", None), "t-05"]),
                                          Attachment("gramotnost.pdf", PDF))
        edited = services.materials.save(kim, SCHOOL, Material(
            created.id, MaterialKind.MANUAL, created.title, created.association, created.academic_year,
            ["t-05"], file=created.file))
        assert edited.kind is MaterialKind.MANUAL and services.materials.content(kim, SCHOOL, created.id)[1] == PDF
    finally:
        services.close()
    with school.connect("teacher") as connection:
        assert connection.execute("SELECT status FROM materials WHERE id = %s", (created.id,)).fetchone() == ("draft",)
    # Another teacher of the association is no author: the database refuses them too.
    assert changed(school, "teacher2", "UPDATE materials SET kind = 'other' WHERE id = %s", created.id) == 0
    assert changed(school, "teacher2", "DELETE FROM material_files WHERE material_id = %s", created.id) == 0
    assert refused(school, "teacher2", "INSERT INTO material_authors (school_id, material_id, position, teacher_id) "
                   "VALUES (%s, %s, 5, 't-02')", SCHOOL, created.id) is errors.InsufficientPrivilege


def test_a_teacher_cannot_approve_or_take_over_materials(school: School) -> None:
    services, admin = school.services(ADMIN)
    try:
        theirs = services.materials.save(admin, SCHOOL, draft(["t-02"])).id
        mine = services.materials.save(admin, SCHOOL, draft(["t-05"])).id
    finally:
        services.close()
    # Approving their own material, or writing it as reviewed, is refused.
    assert changed(school, "teacher", "UPDATE materials SET kind = 'other' WHERE id = %s", mine) == 1
    assert refused(school, "teacher", "UPDATE materials SET status = 'approved', approved_by = 't-dir', "
                   "approved_on = current_date WHERE id = %s", mine) is errors.InsufficientPrivilege
    assert refused(school, "teacher", "INSERT INTO materials (school_id, id, seq, kind, title_kk, association_id, "
                   "academic_year_id, status, acting) VALUES (%s, 'mat-forged', 900, 'other', 'x', 'mo-math-26', "
                   "'2026-2027', 'approved', false)", SCHOOL) is errors.InsufficientPrivilege
    # Another's material: not changed, not deleted, no author added to it.
    assert changed(school, "teacher", "UPDATE materials SET kind = 'other' WHERE id = %s", theirs) == 0
    assert changed(school, "teacher", "DELETE FROM materials WHERE id = %s", theirs) == 0
    assert refused(school, "teacher", "INSERT INTO material_authors (school_id, material_id, position, teacher_id) "
                   "VALUES (%s, %s, 5, 't-05')", SCHOOL, theirs) is errors.InsufficientPrivilege
    # A new draft made by hand in someone else's name only is refused when it is committed.
    with school.connect("teacher") as connection, pytest.raises(psycopg.Error) as caught, connection.transaction():
        connection.execute("INSERT INTO materials (school_id, id, seq, kind, title_kk, association_id, "
                           "academic_year_id, status, acting) VALUES (%s, 'mat-fake', 901, 'other', 'x', "
                           "'mo-math-26', '2026-2027', 'draft', false)", (SCHOOL,))
        connection.execute("INSERT INTO material_authors (school_id, material_id, position, teacher_id) "
                           "VALUES (%s, 'mat-fake', 0, 't-02')", (SCHOOL,))
    assert "author" in str(caught.value)
    with school.connect(ADMIN) as connection:
        assert connection.execute("SELECT count(*) FROM materials WHERE id = 'mat-fake'").fetchone() == (0,)
    # Through the program the same is a clear refusal, not a crash.
    services, kim = school.services("teacher")
    try:
        with pytest.raises(DomainError):  # the program refuses first, as on one PC
            services.materials.save(kim, SCHOOL, draft(["t-02"]))
    finally:
        services.close()


# --- attestation and courses ---------------------------------------------------------------------


def _attestation(school: School, record: str, teacher: str) -> None:
    with school.connect(ADMIN) as connection:
        connection.execute(
            "INSERT INTO attestations (school_id, id, seq, academic_year_id, teacher_id, current_category, "
            "sought_category) VALUES (%s, %s, (SELECT count(*) + 1 FROM attestations), '2026-2027', %s, "
            "'pedagog', 'expert')", (SCHOOL, record, teacher))
        connection.execute(
            "INSERT INTO courses (school_id, id, seq, academic_year_id, teacher_id, kind, title, provider, "
            "starts_on, ends_on) VALUES (%s, %s, (SELECT count(*) + 1 FROM courses), '2026-2027', %s, 'course', "
            "'Курс', 'Өрлеу', '2026-10-01', '2026-10-10')", (SCHOOL, f"c-{record}", teacher))


def test_attestations_and_courses_by_role(school: School) -> None:
    _attestation(school, "att-kim", "t-05")  # a teacher of mathematics
    _attestation(school, "att-kaz", "t-06")  # of the Kazakh association
    with school.connect("teacher") as connection:  # a teacher reads their own records only
        assert connection.execute("SELECT id FROM attestations WHERE id LIKE 'att-%'").fetchall() == [("att-kim",)]
        assert connection.execute("SELECT id FROM courses WHERE id LIKE 'c-att-%'").fetchall() == [("c-att-kim",)]
    assert refused(school, "teacher", "UPDATE attestations SET result = 'awarded' WHERE id = 'att-kim'"
                   ) is errors.InsufficientPrivilege
    assert refused(school, "teacher", "DELETE FROM courses") is errors.InsufficientPrivilege
    # The head of mathematics reads all, keeps their teachers' records, not the Kazakh association's.
    with school.connect("head") as connection:
        assert len(connection.execute("SELECT id FROM attestations WHERE id LIKE 'att-%'").fetchall()) == 2
    assert changed(school, "head", "UPDATE attestations SET applied_on = '2026-10-01' WHERE id = 'att-kim'") == 1
    assert changed(school, "head", "UPDATE attestations SET applied_on = '2026-10-01' WHERE id = 'att-kaz'") == 0
    assert changed(school, "head", "UPDATE courses SET hours = 72 WHERE id = 'c-att-kim'") == 1
    assert changed(school, "head", "DELETE FROM courses WHERE id = 'c-att-kaz'") == 0
    # The director records the result and the order, nothing else; the viewer nothing.
    assert changed(school, "director", "UPDATE attestations SET result = 'awarded', order_number = '15-ж', "
                   "order_date = '2026-12-20' WHERE id = 'att-kaz'") == 1
    assert refused(school, "director", "UPDATE attestations SET sought_category = 'master' WHERE id = 'att-kaz'"
                   ) is errors.InsufficientPrivilege
    assert refused(school, "director", "DELETE FROM attestations") is errors.InsufficientPrivilege
    assert refused(school, "viewer", "UPDATE attestations SET result = 'awarded'") is errors.InsufficientPrivilege
    with school.connect("viewer") as connection:
        assert len(connection.execute("SELECT id FROM attestations WHERE id LIKE 'att-%'").fetchall()) == 2
    assert changed(school, ADMIN, "DELETE FROM courses WHERE id LIKE 'c-att-%'") == 2


# --- lockout after failed sign-ins ----------------------------------------------------------------


def test_failed_sign_ins_lock_the_login_for_any_client_until_the_administrator_unlocks(school: School) -> None:
    services, admin = school.services(ADMIN)
    try:
        services.accounts.create_user(admin, "sec-guess", secret("sec-guess"), Role.TEACHER, SCHOOL, "t-04")
    finally:
        services.close()
    for _ in range(2):  # the first failures are free
        with pytest.raises(ServerSignInError) as caught:
            Database.open(school.url("sec-guess", "guessed-password"))
        assert not isinstance(caught.value, SignInWaitError)
    with pytest.raises(SignInWaitError) as waiting:
        Database.open(school.url("sec-guess", "guessed-password"))
    assert 0 < waiting.value.params["seconds"] <= lock_duration(3).total_seconds()
    # The right password waits too, in the program and with any SQL client.
    with pytest.raises(SignInWaitError):
        Database.open(school.url("sec-guess"))
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        school.connect("sec-guess")
    with school.connect(ADMIN) as connection:
        assert connection.execute("SELECT failed_attempts, locked_until > now() AT TIME ZONE 'UTC' FROM users "
                                  "WHERE login = 'sec-guess'").fetchone() == (3, True)
    # The sign-in role counts failures and does nothing else.
    with psycopg.connect(host="127.0.0.1", port=school.cluster.port, dbname=school.database,
                         user=server_roles.sign_in_role(school.database), password=server_roles.SIGN_IN_PASSWORD,
                         autocommit=True) as connection:
        for statement in ("SELECT login FROM users", "SELECT * FROM plans",
                          "SELECT metodsovet_set_login('sec-guess', 'administrator', NULL, true)"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(statement)
    # Nor can a person's login lock a colleague by calling the counter directly.
    assert refused(school, "teacher", "SELECT metodsovet_sign_in_failed(%s)", ADMIN) is errors.InsufficientPrivilege
    # The administrator unlocks it in the accounts panel's service: the password works at once.
    services, admin = school.services(ADMIN)
    try:
        user = next(u for u in services.accounts.list_users(admin) if u.login == "sec-guess")
        assert not user.locked and user.locked_until is not None
        services.accounts.set_locked(admin, "sec-guess", False)
    finally:
        services.close()
    school.connect("sec-guess").close()
    services, _ = school.services("sec-guess")
    services.close()
    with school.connect(ADMIN) as connection:
        assert connection.execute("SELECT failed_attempts, locked_until FROM users WHERE login = 'sec-guess'"
                                  ).fetchone() == (0, None)


def test_failed_sign_ins_on_the_server_go_to_the_audit_trail_as_on_one_pc(school: School) -> None:
    """Each failure counted is an audit entry with the action and fields a PC writes (the login as
    actor, the count as summary), in the one chain `check` verifies; a try while the login waits is
    not counted, so not written either."""
    services, admin = school.services(ADMIN)
    try:
        services.accounts.create_user(admin, "sec-audit", secret("sec-audit"), Role.TEACHER, SCHOOL, "t-04")
    finally:
        services.close()
    for _ in range(4):  # the third failure makes the login wait; the fourth falls in the wait
        with pytest.raises(ServerSignInError):
            Database.open(school.url("sec-audit", "guessed-пароль"))
    services, admin = school.services(ADMIN)
    try:
        services.accounts.reset_password(admin, "sec-audit", "сброшен-2026")  # an entry after them
        report = services.checks.check(admin)
    finally:
        services.close()
    assert report.audit_breaks == [] and report.ok, report
    with school.connect(ADMIN) as connection:
        failed = connection.execute(
            "SELECT actor, action, school_id, record_kind, summary, db_login FROM audit_events "
            "WHERE record_id = 'sec-audit' AND action <> 'user.create' ORDER BY id").fetchall()
    signin = server_roles.sign_in_role(school.database)  # written by the sign-in role, not the person's login
    assert failed[:3] == [("sec-audit", "user.sign_in_failed", SCHOOL, "user", str(n), signin) for n in (1, 2, 3)]
    assert [row[1] for row in failed[3:]] == ["user.password_reset"]


def test_the_wait_ends_by_itself(school: School) -> None:
    services, admin = school.services(ADMIN)
    try:
        services.accounts.create_user(admin, "sec-wait", secret("sec-wait"), Role.VIEWER, SCHOOL)
    finally:
        services.close()
    for _ in range(3):
        with pytest.raises(ServerSignInError):
            Database.open(school.url("sec-wait", "guessed-password"))
    with school.connect(ADMIN) as connection:  # time passes: the wait is over
        connection.execute("UPDATE users SET locked_until = now() AT TIME ZONE 'UTC' - interval '1 second' "
                           "WHERE login = 'sec-wait'")
    db = Database.open(school.url("sec-wait"))  # the password works again (the expired wait is lifted)
    db.engine.dispose()
    services, viewer = school.services("sec-wait")
    services.close()
    assert viewer.login == "sec-wait"


def test_a_role_of_another_database_is_not_counted(school: School, pg_cluster: server.Cluster) -> None:
    pg_cluster.execute('DROP ROLE IF EXISTS "sec-outsider"', "CREATE ROLE \"sec-outsider\" LOGIN PASSWORD 'x-x-x-x'")
    try:
        for _ in range(4):
            with pytest.raises(ServerSignInError) as caught:
                Database.open(school.url("sec-outsider", "wrong"))
            assert not isinstance(caught.value, SignInWaitError)
        assert pg_cluster.admin().connect().exec_driver_sql(
            "SELECT rolvaliduntil FROM pg_roles WHERE rolname = 'sec-outsider'").scalar() is None
    finally:
        pg_cluster.execute('DROP ROLE IF EXISTS "sec-outsider"')


def test_the_check_finds_a_server_that_does_not_count_failed_sign_ins(school: School) -> None:
    owner = Database.open(school.owner_url)
    try:
        assert owner.integrity_problems() == []
        with owner.engine.begin() as connection:  # as after a server init of an older version
            connection.exec_driver_sql("ALTER FUNCTION metodsovet_sign_in_failed(text) RENAME TO older_counter")
        try:
            problems = owner.integrity_problems()
        finally:
            with owner.engine.begin() as connection:
                connection.exec_driver_sql("ALTER FUNCTION older_counter(text) RENAME TO metodsovet_sign_in_failed")
        assert len(problems) == 1 and "server init" in problems[0] and "sign-in" in problems[0]
    finally:
        owner.engine.dispose()
