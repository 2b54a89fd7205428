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
  own observations and the mutual visits of their mentorships; a head in addition the meetings,
  work plans and visits of the associations they head and the plans on their meetings' agenda;
  the director signs plans and work plans off; the viewer writes nothing;
* nobody but the table owner changes or deletes the audit trail: the groups may only INSERT, and
  a trigger writes the session's login into ``audit_events.db_login`` whatever the client sent;
* only the administrator or director groups set a plan's sign-off (agreed/approved), by trigger.

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

ROLES = ("administrator", "director", "head", "teacher", "viewer")
#: The function whose presence says that ``server init`` installed the logins' security.
MARKER = "public.metodsovet_set_login(text,text,text,boolean)"
SCRAM_ITERATIONS = 4096


def group_name(database: str, role: str) -> str:
    """The group role of a program role in ``database``."""
    return f"{database}_{role}"


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


# --- who am I: functions the policies use --------------------------------------------------------

_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION metodsovet_group(program_role text) RETURNS name
  LANGUAGE sql STABLE AS $$ SELECT (current_database() || '_' || program_role)::name $$;

CREATE OR REPLACE FUNCTION metodsovet_is_owner() RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT session_user = (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'public.users'::regclass)
      OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) $$;

CREATE OR REPLACE FUNCTION metodsovet_in_group(program_role text) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = metodsovet_group(program_role))
     AND pg_has_role(session_user, metodsovet_group(program_role), 'MEMBER') $$;

CREATE OR REPLACE FUNCTION metodsovet_may_sign_off() RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT metodsovet_is_owner() OR metodsovet_in_group('administrator') OR metodsovet_in_group('director') $$;

-- The teacher behind the session's account in a school (NULL: none, or the account is locked).
CREATE OR REPLACE FUNCTION metodsovet_teacher(school text) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT teacher_id FROM users WHERE login = session_user AND active AND school_id = school $$;

CREATE OR REPLACE FUNCTION metodsovet_heads(school text, association text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM associations a WHERE a.school_id = school AND a.id = association
                 AND a.head_id = metodsovet_teacher(school)) $$;

CREATE OR REPLACE FUNCTION metodsovet_heads_meeting(school text, meeting text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM meetings m WHERE m.school_id = school AND m.id = meeting
                 AND metodsovet_heads(school, m.body_id)) $$;

CREATE OR REPLACE FUNCTION metodsovet_own_plan(school text, plan text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM plans p WHERE p.school_id = school AND p.id = plan
                 AND p.teacher_id = metodsovet_teacher(school)) $$;

-- A plan on the agenda of a meeting of an association the session heads (its review).
CREATE OR REPLACE FUNCTION metodsovet_reviews_plan(school text, plan text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM agenda_plans ap WHERE ap.school_id = school AND ap.plan_id = plan
                 AND metodsovet_heads_meeting(school, ap.meeting_id)) $$;

CREATE OR REPLACE FUNCTION metodsovet_mentors(school text, mentorship text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM mentorships m WHERE m.school_id = school AND m.id = mentorship
                 AND m.mentor_id = metodsovet_teacher(school)) $$;

-- A mutual visit within a mentorship the session is part of (logged with the mentoring log).
CREATE OR REPLACE FUNCTION metodsovet_mentoring_visit(school text, kind text, teacher text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT kind = 'mutual_visit' AND EXISTS (
    SELECT 1 FROM mentorships m WHERE m.school_id = school
      AND metodsovet_teacher(school) IN (m.mentor_id, m.mentee_id) AND teacher IN (m.mentor_id, m.mentee_id)) $$;

CREATE OR REPLACE FUNCTION metodsovet_heads_visit(school text, visit text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM lesson_visits v WHERE v.school_id = school AND v.id = visit
                 AND v.association_id IS NOT NULL AND metodsovet_heads(school, v.association_id)) $$;

-- The audit trail records the database login; only the owner (a move, a restore) keeps its own.
CREATE OR REPLACE FUNCTION metodsovet_audit_login() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF metodsovet_is_owner() THEN
    NEW.db_login := COALESCE(NEW.db_login, session_user);
  ELSE
    NEW.db_login := session_user;
  END IF;
  RETURN NEW;
END $$;

-- A plan's sign-off (agreed, approved) is set only by the deputy's and the director's groups.
CREATE OR REPLACE FUNCTION metodsovet_guard_plan() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF metodsovet_may_sign_off() THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status IN ('agreed', 'approved') OR NEW.agreed_by IS NOT NULL OR NEW.approved_by IS NOT NULL THEN
      RAISE EXCEPTION 'only the deputy director or the director signs a plan off (plan %)', NEW.id
        USING ERRCODE = '42501';
    END IF;
  ELSIF (NEW.status IS DISTINCT FROM OLD.status AND NEW.status IN ('agreed', 'approved'))
     OR NEW.agreed_by IS DISTINCT FROM OLD.agreed_by OR NEW.agreed_on IS DISTINCT FROM OLD.agreed_on
     OR NEW.approved_by IS DISTINCT FROM OLD.approved_by OR NEW.approved_on IS DISTINCT FROM OLD.approved_on THEN
    RAISE EXCEPTION 'only the deputy director or the director signs a plan off (plan %)', NEW.id
      USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;

-- Make or change the login role of an account: only the administrator group or the owner, and
-- only roles of this database's groups (never the owner, a superuser or someone else's role).
CREATE OR REPLACE FUNCTION metodsovet_set_login(login text, program_role text, verifier text, allowed boolean)
  RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  r text;
  ours boolean;
BEGIN
  IF NOT (metodsovet_is_owner() OR metodsovet_in_group('administrator')) THEN
    RAISE EXCEPTION 'only the administrator manages the logins' USING ERRCODE = '42501';
  END IF;
  IF program_role IS NOT NULL AND program_role NOT IN ('administrator', 'director', 'head', 'teacher', 'viewer') THEN
    RAISE EXCEPTION 'unknown role %', program_role USING ERRCODE = '22023';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
    SELECT bool_or(pg_has_role(login, metodsovet_group(g), 'MEMBER'))
      INTO ours FROM unnest(ARRAY['administrator', 'director', 'head', 'teacher', 'viewer']) g
      WHERE EXISTS (SELECT 1 FROM pg_roles WHERE rolname = metodsovet_group(g));
    IF NOT COALESCE(ours, false) OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login
        AND (rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls OR rolreplication)) THEN
      RAISE EXCEPTION 'the database login % exists already and is not one of this database''s people', login
        USING ERRCODE = '42710';
    END IF;
  ELSE
    EXECUTE format('CREATE ROLE %I NOLOGIN', login);
  END IF;
  IF program_role IS NOT NULL THEN
    FOREACH r IN ARRAY ARRAY['administrator', 'director', 'head', 'teacher', 'viewer'] LOOP
      IF r = program_role THEN
        EXECUTE format('GRANT %I TO %I', metodsovet_group(r), login);
      ELSIF EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = metodsovet_group(r)::regrole
                    AND m.member = login::regrole) THEN
        EXECUTE format('REVOKE %I FROM %I', metodsovet_group(r), login);
      END IF;
    END LOOP;
  END IF;
  IF verifier IS NOT NULL THEN
    EXECUTE format('ALTER ROLE %I PASSWORD %L', login, verifier);
  END IF;
  IF allowed IS NOT NULL THEN
    EXECUTE format('ALTER ROLE %I %s', login, CASE WHEN allowed THEN 'LOGIN' ELSE 'NOLOGIN' END);
  END IF;
END $$;
"""

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
        "agenda_plans", "agenda_lesson_visits", "meeting_versions", "protocol_texts")},
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
# head (the parts through their material or event); the director those they approve. A teacher's
# own material, and an event of the council organised by a member who heads nothing, are entered
# on a server by the head or the deputy director (the program's rules allow more on one PC).
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
    out = [f'REVOKE ALL ON DATABASE "{database}" FROM PUBLIC',
           f'GRANT CONNECT, TEMPORARY ON DATABASE "{database}" TO {everybody}',
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
        out.append(f'CREATE POLICY read ON "{name}" FOR SELECT TO {everybody} USING (true)')
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
    out += ["DROP TRIGGER IF EXISTS metodsovet_audit_login ON audit_events",
            "CREATE TRIGGER metodsovet_audit_login BEFORE INSERT ON audit_events "
            "FOR EACH ROW EXECUTE FUNCTION metodsovet_audit_login()",
            "DROP TRIGGER IF EXISTS metodsovet_guard_plan ON plans",
            "CREATE TRIGGER metodsovet_guard_plan BEFORE INSERT OR UPDATE ON plans "
            "FOR EACH ROW EXECUTE FUNCTION metodsovet_guard_plan()"]
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
    for statement in (_FUNCTIONS, *_statements(database)):
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


def change_own_password(connection: Connection, password: str) -> None:
    """The session's own login gets a new password (any role may change its own)."""
    connection.exec_driver_sql(f"ALTER ROLE CURRENT_USER PASSWORD '{scram_verifier(password)}'")


def missing_logins(connection: Connection) -> list[tuple[str, str]]:
    """Accounts (login, role) that have no login role in the server yet (after ``move``)."""
    rows = connection.exec_driver_sql(
        "SELECT login, role FROM users WHERE NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = users.login) "
        "ORDER BY login").all()
    return [(str(login), str(role)) for login, role in rows]
