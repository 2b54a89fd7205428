"""Per-person logins on a school server: group roles, grants, row-level security (issue 17, point 3).

On one PC whoever opens the file can read it; on a server a shared login would let anyone who
finds it bypass the program's roles with any SQL client. So each person signs in to PostgreSQL
as their own login role, named exactly as their account's login, a member of one group role per
program role: ``<database>_administrator``, ``_director``, ``_head``, ``_teacher``, ``_viewer``
(made by ``server init``; group names carry the database's name, so two schools' databases on
one cluster do not share grants). The database itself then refuses what the role may not do:

* everybody reads the records (the program shows them), except password hashes, which only the
  administrator group reads (column grants on ``users``);
* a teacher writes only their own plans, the mentorships they mentor (the mentoring log), their
  own observations, the mutual visits of their mentorships and their own draft methodical
  materials (where they are an author); a head in addition the meetings,
  work plans and visits of the associations they head and the plans on their meetings' agenda;
  the director signs plans and work plans off; the viewer writes nothing;
* nobody but the table owner changes or deletes the audit trail: the groups may only INSERT, and
  a trigger writes the session's login into ``audit_events.db_login`` whatever the client sent;
* only the administrator or director groups set a plan's sign-off (agreed/approved), by trigger;
* failed sign-ins count as on one PC: the program tells the server through the sign-in login
  (``<database>_signin``, which may call ``metodsovet_sign_in_failed`` and nothing else), and a
  login that must wait has its password expired (VALID UNTIL) meanwhile, for any SQL client.

Policies find "who am I" through SECURITY DEFINER functions that map ``session_user`` to the
account (``users.login``) and its teacher. Logins are made and changed through one SECURITY
DEFINER function, ``metodsovet_set_login``, that only the administrator group (or the owner) may
use and that touches only roles of this database's groups, never the owner or a superuser.
Passwords travel as SCRAM-SHA-256 verifiers computed here, never as plain text.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from desktop_app.storage.errors import translated_errors
from desktop_app.storage.models import metadata
from desktop_app.storage.server_functions import FUNCTIONS

ROLES = ("administrator", "director", "head", "teacher", "viewer")
#: The login the program connects as only to count a person's failed sign-in (it cannot connect as
#: them): it may call metodsovet_sign_in_failed and nothing else, so its password is no secret.
SIGN_IN_PASSWORD = "metodsovet-sign-in"
#: The function whose presence says that ``server init`` installed the logins' security.
MARKER = "public.metodsovet_set_login(text,text,text,boolean)"
SCRAM_ITERATIONS = 4096


def group_name(database: str, role: str) -> str:
    """The group role of a program role in ``database``."""
    return f"{database}_{role}"


def sign_in_role(database: str) -> str:
    """The login that counts failed sign-ins in ``database``."""
    return f"{database}_signin"


def scram_verifier(password: str, iterations: int = SCRAM_ITERATIONS) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for ``password`` (RFC 5802/7677), so that
    ``ALTER ROLE ... PASSWORD`` never carries the password itself (it may reach the server's log)."""
    salt = secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    encode = base64.b64encode
    return (f"SCRAM-SHA-256${iterations}:{encode(salt).decode()}"
            f"${encode(stored_key).decode()}:{encode(server_key).decode()}")


# --- who writes what: table -> group -> the rows it may insert, change and delete -----------------

_T = "metodsovet_teacher(school_id)"
_OWN_PLAN = "metodsovet_own_plan(school_id, plan_id)"
_HEAD_PLAN = f"({_OWN_PLAN} OR metodsovet_reviews_plan(school_id, plan_id))"
_MENTORS = "metodsovet_mentors(school_id, mentorship_id)"
_HEADS_MEETING = "metodsovet_heads_meeting(school_id, meeting_id)"
_HEADS_ASSOCIATION = "metodsovet_heads(school_id, association_id)"
_ANY = "true"

_TEACHER: dict[str, str] = {
    "plans": f"teacher_id = {_T}",
    "plan_rows": _OWN_PLAN,
    "plan_events": _OWN_PLAN,
    "mentorships": f"mentor_id = {_T}",
    "mentorship_goals": _MENTORS,
    "mentorship_activities": _MENTORS,
    "mentorship_sessions": _MENTORS,
    "lesson_visits": "metodsovet_mentoring_visit(school_id, kind, teacher_id)",
    "lesson_visit_observations": f"observer_id = {_T}",
}

_HEAD: dict[str, str] = {
    **_TEACHER,
    "plans": f"(teacher_id = {_T} OR metodsovet_reviews_plan(school_id, id))",
    "plan_rows": _HEAD_PLAN,
    "plan_events": _HEAD_PLAN,
    "associations": f"head_id = {_T}",
    "association_subjects": _HEADS_ASSOCIATION,
    "memberships": _HEADS_ASSOCIATION,
    "work_plan_items": _HEADS_ASSOCIATION,
    "work_plan_responsible": _HEADS_ASSOCIATION,
    "meetings": "metodsovet_heads(school_id, body_id)",
    **{table: _HEADS_MEETING for table in (
        "meeting_attendance", "meeting_guests", "agenda_items", "agenda_speeches", "agenda_decisions",
        "agenda_plans", "agenda_lesson_visits", "meeting_versions", "protocol_texts",
        "meeting_guest_attendance")},
    "lesson_visits": ("(metodsovet_mentoring_visit(school_id, kind, teacher_id) OR "
                      "(association_id IS NOT NULL AND metodsovet_heads(school_id, association_id)))"),
    "lesson_visit_observations": f"(observer_id = {_T} OR metodsovet_heads_visit(school_id, lesson_visit_id))",
}

_DIRECTOR: dict[str, str] = {
    **_TEACHER,
    **{table: _ANY for table in ("plans", "plan_rows", "plan_events", "associations",
                                 "association_subjects", "memberships", "work_plan_items",
                                 "work_plan_responsible")},
}

# Methodical materials (п. 27) and events (п. 20): a head writes those of the associations they
# head (the parts through their material or event); the director those they approve. An event of
# the council organised by a member who heads nothing is entered on a server by the deputy director
# (the program's rules allow more on one PC); a teacher's own material: OWN_MATERIALS below.
_HEADS_MATERIAL = ("EXISTS (SELECT 1 FROM materials m WHERE m.school_id = {table}.school_id "
                   "AND m.id = {table}.material_id AND metodsovet_heads(m.school_id, m.association_id))")
_HEADS_EVENT = ("EXISTS (SELECT 1 FROM events e WHERE e.school_id = {table}.school_id AND e.id = {table}.event_id "
                "AND e.organiser_id IS NOT NULL AND metodsovet_heads(e.school_id, e.organiser_id))")
_HEAD.update({
    "materials": _HEADS_ASSOCIATION,
    **{table: _HEADS_MATERIAL.format(table=table) for table in ("material_authors", "material_files")},
    "agenda_materials": _HEADS_MEETING,
    "events": "(organiser_id IS NOT NULL AND metodsovet_heads(school_id, organiser_id))",
    **{table: _HEADS_EVENT.format(table=table)
       for table in ("event_people", "event_guests", "event_programme", "event_agenda")},
})
_DIRECTOR.update({table: _ANY for table in ("materials", "material_authors", "material_files")})
# The annual analysis (issue 20 point 3): a head writes that of an association they head; the
# director approves any (the school's own is the deputy director's, who writes every table).
_HEAD["annual_analyses"] = "(association_id IS NOT NULL AND metodsovet_heads(school_id, association_id))"
_DIRECTOR["annual_analyses"] = _ANY

# A teacher (and a head, beyond their own associations) enters their own material (п. 27) as on one
# PC: a draft they are an author of, nothing reviewed or approved. Per command, since a new row
# cannot be looked up yet: table -> (INSERT check, UPDATE/DELETE using, UPDATE check); the authors
# are checked at COMMIT by metodsovet_check_own_material.
_OWN_MATERIAL = "metodsovet_own_material(school_id, material_id)"
_UNSIGNED = "approved_by IS NULL AND approved_on IS NULL"
OWN_MATERIALS: dict[str, tuple[str, str, str]] = {
    "materials": (f"status = 'draft' AND {_UNSIGNED} AND review_meeting_id IS NULL",
                  "metodsovet_own_material(school_id, id)", f"status IN ('draft', 'returned') AND {_UNSIGNED}"),
    "material_authors": (_OWN_MATERIAL, _OWN_MATERIAL, _OWN_MATERIAL),
    "material_files": (_OWN_MATERIAL, _OWN_MATERIAL, _OWN_MATERIAL),
}
OWN_MATERIAL_GROUPS = ("head", "teacher")

# --- attestation and courses (revision 0012_attestation) ---------------------------------------
# A teacher reads their own records only; a head reads all (a new record's id and number are taken
# from the ones it sees) and writes those of their associations' teachers; the deputy director
# (administrator) writes all; the director records an attestation's result and order (a trigger
# keeps the rest); the viewer reads.
_HEADS_TEACHER = "metodsovet_heads_teacher(school_id, teacher_id)"
_HEADS_COURSE = ("EXISTS (SELECT 1 FROM courses c WHERE c.school_id = course_files.school_id "
                 "AND c.id = course_files.course_id AND metodsovet_heads_teacher(c.school_id, c.teacher_id))")
_OWN_COURSE = ("EXISTS (SELECT 1 FROM courses c WHERE c.school_id = course_files.school_id "
               "AND c.id = course_files.course_id AND c.teacher_id = metodsovet_teacher(c.school_id))")
_HEAD.update({"attestations": _HEADS_TEACHER, "courses": _HEADS_TEACHER, "course_files": _HEADS_COURSE})
#: Tables some groups read only in part: table -> group -> the rows it reads (the others read all).
READS: dict[str, dict[str, str]] = {
    "attestations": {"teacher": f"teacher_id = {_T}"},
    "courses": {"teacher": f"teacher_id = {_T}"},
    "course_files": {"teacher": _OWN_COURSE},
}
#: Tables a group only changes (no INSERT or DELETE), every row; a trigger limits the columns.
UPDATES: dict[str, tuple[str, ...]] = {"attestations": ("director",)}

#: What each group writes beyond reading; the administrator writes every table (but the audit trail).
WRITES: dict[str, dict[str, str]] = {"director": _DIRECTOR, "head": _HEAD, "teacher": _TEACHER, "viewer": {}}

#: Columns of ``users`` everyone reads (all but the hash), and those a person updates on their own row.
USER_COLUMNS = ("login", "role", "school_id", "teacher_id", "active", "failed_attempts", "locked_until",
                "last_sign_in")
OWN_USER_UPDATES = ("password_hash", "failed_attempts", "locked_until", "last_sign_in")
#: Tables the groups only read and append to, never change.
APPEND_ONLY = ("audit_events",)


def _statements(database: str) -> list[str]:
    """The grants and policies of the groups, made anew each time (``server init`` is re-runnable)."""
    def group(role: str) -> str:
        return f'"{group_name(database, role)}"'

    everybody = ", ".join(group(role) for role in ROLES)
    counter = f'"{sign_in_role(database)}"'
    out = [f'REVOKE ALL ON DATABASE "{database}" FROM PUBLIC',
           f'GRANT CONNECT, TEMPORARY ON DATABASE "{database}" TO {everybody}',
           f'GRANT CONNECT ON DATABASE "{database}" TO {counter}',
           "REVOKE ALL ON FUNCTION metodsovet_sign_in_failed(text) FROM PUBLIC",
           f"GRANT EXECUTE ON FUNCTION metodsovet_sign_in_failed(text) TO {counter}",
           "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
           f"GRANT USAGE ON SCHEMA public TO {everybody}",
           f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {everybody}",
           f"GRANT SELECT ON alembic_version TO {everybody}"]
    for table in metadata.sorted_tables:
        name = table.name
        out.append(f'REVOKE ALL ON "{name}" FROM {everybody}')
        out.append(f'ALTER TABLE "{name}" ENABLE ROW LEVEL SECURITY')
        existing = f"SELECT policyname FROM pg_policies WHERE schemaname = 'public' AND tablename = '{name}'"
        out.append(f"DO $$ DECLARE p text; BEGIN FOR p IN {existing} LOOP "
                   f"EXECUTE format('DROP POLICY %I ON \"{name}\"', p); END LOOP; END $$")
        partly = READS.get(name, {})
        whole = ", ".join(group(role) for role in ROLES if role not in partly)
        out.append(f'CREATE POLICY read ON "{name}" FOR SELECT TO {whole} USING (true)')
        out += [f'CREATE POLICY {role}_read ON "{name}" FOR SELECT TO {group(role)} USING ({condition})'
                for role, condition in partly.items()]
        if name == "users":
            columns = ", ".join(USER_COLUMNS)
            out.append(f"GRANT SELECT ({columns}) ON users TO {everybody}")
            out.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON users TO {group('administrator')}")
            out.append(f"GRANT UPDATE ({', '.join(OWN_USER_UPDATES)}) ON users TO {everybody}")
            out.append(f"CREATE POLICY manage ON users FOR ALL TO {group('administrator')} USING (true)")
            out.append(f"CREATE POLICY own ON users FOR UPDATE TO {everybody} "
                       "USING (login = session_user) WITH CHECK (login = session_user)")
            continue
        if name in APPEND_ONLY:
            out.append(f'GRANT SELECT, INSERT ON "{name}" TO {everybody}')
            out.append(f'CREATE POLICY append ON "{name}" FOR INSERT TO {everybody} WITH CHECK (true)')
            continue
        out.append(f'GRANT SELECT ON "{name}" TO {everybody}')
        out.append(f'GRANT INSERT, UPDATE, DELETE ON "{name}" TO {group("administrator")}')
        out.append(f'CREATE POLICY manage ON "{name}" FOR ALL TO {group("administrator")} USING (true)')
        for role, writes in WRITES.items():
            condition = writes.get(name)
            if condition is None:
                continue
            out.append(f'GRANT INSERT, UPDATE, DELETE ON "{name}" TO {group(role)}')
            out.append(f'CREATE POLICY {role}_insert ON "{name}" FOR INSERT TO {group(role)} '
                       f"WITH CHECK ({condition})")
            out.append(f'CREATE POLICY {role}_update ON "{name}" FOR UPDATE TO {group(role)} '
                       f"USING ({condition}) WITH CHECK ({condition})")
            out.append(f'CREATE POLICY {role}_delete ON "{name}" FOR DELETE TO {group(role)} USING ({condition})')
        for role in UPDATES.get(name, ()):
            out.append(f'GRANT UPDATE ON "{name}" TO {group(role)}')
            out.append(f'CREATE POLICY {role}_update ON "{name}" FOR UPDATE TO {group(role)} USING (true)')
        if name in OWN_MATERIALS:
            insert, using, check = OWN_MATERIALS[name]
            for role in OWN_MATERIAL_GROUPS:
                out.append(f'GRANT INSERT, UPDATE, DELETE ON "{name}" TO {group(role)}')
                out.append(f'CREATE POLICY {role}_own_insert ON "{name}" FOR INSERT TO {group(role)} '
                           f"WITH CHECK ({insert})")
                out.append(f'CREATE POLICY {role}_own_update ON "{name}" FOR UPDATE TO {group(role)} '
                           f"USING ({using}) WITH CHECK ({check})")
                out.append(f'CREATE POLICY {role}_own_delete ON "{name}" FOR DELETE TO {group(role)} USING ({using})')
    out += ["DROP TRIGGER IF EXISTS metodsovet_audit_login ON audit_events",
            "CREATE TRIGGER metodsovet_audit_login BEFORE INSERT ON audit_events "
            "FOR EACH ROW EXECUTE FUNCTION metodsovet_audit_login()",
            "DROP TRIGGER IF EXISTS metodsovet_guard_plan ON plans",
            "CREATE TRIGGER metodsovet_guard_plan BEFORE INSERT OR UPDATE ON plans "
            "FOR EACH ROW EXECUTE FUNCTION metodsovet_guard_plan()",
            "DROP TRIGGER IF EXISTS metodsovet_guard_attestation ON attestations",
            "CREATE TRIGGER metodsovet_guard_attestation BEFORE UPDATE ON attestations "
            "FOR EACH ROW EXECUTE FUNCTION metodsovet_guard_attestation()"]
    for name in ("materials", "material_authors"):
        out += [f"DROP TRIGGER IF EXISTS metodsovet_check_own_material ON {name}",
                f"CREATE CONSTRAINT TRIGGER metodsovet_check_own_material AFTER INSERT OR UPDATE OR DELETE "
                f"ON {name} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                "EXECUTE FUNCTION metodsovet_check_own_material()"]
    return out


def install(connection: Connection) -> list[str]:
    """Make the group roles (if missing), the functions, grants, policies and triggers; returns
    the groups made now. Needs the owner of the database with CREATEROLE (in the caller's transaction)."""
    database = str(connection.exec_driver_sql("SELECT current_database()").scalar())
    made: list[str] = []
    for role in ROLES:
        name = group_name(database, role)
        exists = connection.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name}).first()
        if exists is None:
            connection.exec_driver_sql(f'CREATE ROLE "{name}" NOLOGIN')
            made.append(name)
    counter = sign_in_role(database)
    exists = connection.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": counter}).first()
    connection.exec_driver_sql(f'{"ALTER" if exists else "CREATE"} ROLE "{counter}" LOGIN NOINHERIT '
                               f"PASSWORD '{scram_verifier(SIGN_IN_PASSWORD)}'")
    for statement in (FUNCTIONS, *_statements(database)):
        connection.exec_driver_sql(statement.replace("%", "%%"))  # the driver's placeholders: none here
    return made


def installed(connection: Connection) -> bool:
    """Whether ``server init`` installed the per-person logins in this database."""
    if connection.dialect.name != "postgresql":
        return False
    return connection.execute(sa.text("SELECT to_regprocedure(:name) IS NOT NULL"), {"name": MARKER}).scalar() is True


def session_login(connection: Connection) -> tuple[str, bool]:
    """The login of this connection, and whether it is the owner (or a superuser) of the database."""
    row = connection.exec_driver_sql("SELECT session_user, metodsovet_is_owner()").one()
    return str(row[0]), bool(row[1])


def set_login(connection: Connection, login: str, role: str | None = None, password: str | None = None,
              allowed: bool | None = None) -> None:
    """Make or change a person's login role (in the caller's transaction): its group, its password
    (sent as a SCRAM verifier), whether it may sign in."""
    with translated_errors():
        connection.execute(sa.text("SELECT metodsovet_set_login(:login, :role, :verifier, :allowed)"),
                           {"login": login, "role": role, "allowed": allowed,
                            "verifier": scram_verifier(password) if password is not None else None})


def count_failed_sign_in(url: sa.URL) -> int | None:
    """Tell the server that ``url``'s login was refused its password (through the sign-in role).
    Returns the seconds the login now waits (0: none yet), -1 when an earlier wait has just ended
    (try the password once more), or None when the server does not count (no ``server init``)."""
    if not url.username or not url.database:
        return None
    counter = url.set(username=sign_in_role(url.database), password=SIGN_IN_PASSWORD)
    engine = sa.create_engine(counter, poolclass=sa.pool.NullPool)
    try:
        with engine.begin() as connection:
            wait = connection.execute(sa.text("SELECT metodsovet_sign_in_failed(:login)"),
                                      {"login": url.username}).scalar()
        return int(wait) if wait is not None else None
    except sa.exc.DBAPIError:
        return None
    finally:
        engine.dispose()


def change_own_password(connection: Connection, password: str) -> None:
    """The session's own login gets a new password (any role may change its own)."""
    connection.exec_driver_sql(f"ALTER ROLE CURRENT_USER PASSWORD '{scram_verifier(password)}'")


def missing_logins(connection: Connection) -> list[tuple[str, str]]:
    """Accounts (login, role) that have no login role in the server yet (after ``move``)."""
    rows = connection.exec_driver_sql(
        "SELECT login, role FROM users WHERE NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = users.login) "
        "ORDER BY login").all()
    return [(str(login), str(role)) for login, role in rows]
