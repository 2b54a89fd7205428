"""The SQL functions and trigger functions of the per-person logins on a school server (issue 17):
who the session is, what it may write, the audit login, the sign-off and sign-in guards; installed
by ``server init`` through server_roles.install."""

# --- who am I: functions the policies use --------------------------------------------------------

FUNCTIONS = r"""
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

-- A material the session's teacher may write (п. 27): still a draft (or returned) and not approved,
-- and they are among its authors, or its authors are being written now (its row was written in
-- this very transaction, or its authors were just removed to be written anew); the deferred check
-- below then wants them among the authors at COMMIT.
CREATE OR REPLACE FUNCTION metodsovet_own_material(school text, material text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM materials m WHERE m.school_id = school AND m.id = material
                 AND m.status IN ('draft', 'returned') AND m.approved_by IS NULL
                 AND (m.xmin::text::bigint = txid_current() % 4294967296
                      OR EXISTS (SELECT 1 FROM material_authors a WHERE a.school_id = school
                                 AND a.material_id = material AND a.teacher_id = metodsovet_teacher(school))
                      OR NOT EXISTS (SELECT 1 FROM material_authors a WHERE a.school_id = school
                                     AND a.material_id = material))) $$;

-- At COMMIT: a material written by someone who neither administers, approves nor heads its
-- association has them among its authors (a teacher enters their own material, nobody else's).
CREATE OR REPLACE FUNCTION metodsovet_check_own_material() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  school text;
  material text;
BEGIN
  IF TG_TABLE_NAME = 'materials' THEN
    school := NEW.school_id; material := NEW.id;
  ELSIF TG_OP = 'DELETE' THEN
    school := OLD.school_id; material := OLD.material_id;
  ELSE
    school := NEW.school_id; material := NEW.material_id;
  END IF;
  IF metodsovet_is_owner() OR metodsovet_in_group('administrator') OR metodsovet_in_group('director') THEN
    RETURN NULL;
  END IF;
  IF EXISTS (SELECT 1 FROM materials m WHERE m.school_id = school AND m.id = material
             AND NOT metodsovet_heads(school, m.association_id)
             AND NOT EXISTS (SELECT 1 FROM material_authors a WHERE a.school_id = school
                             AND a.material_id = material AND a.teacher_id = metodsovet_teacher(school))) THEN
    RAISE EXCEPTION 'a teacher writes only the materials they are an author of (material %)', material
      USING ERRCODE = '42501';
  END IF;
  RETURN NULL;
END $$;

-- A teacher of an association the session heads (or the session's own teacher): their attestation
-- and courses are the head's to keep.
CREATE OR REPLACE FUNCTION metodsovet_heads_teacher(school text, teacher text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT teacher = metodsovet_teacher(school) OR EXISTS (
    SELECT 1 FROM memberships m JOIN associations a ON a.school_id = m.school_id AND a.id = m.association_id
    WHERE m.school_id = school AND m.teacher_id = teacher AND a.head_id = metodsovet_teacher(school)) $$;

-- The director records an attestation's result and order only (the deputy director keeps the rest).
CREATE OR REPLACE FUNCTION metodsovet_guard_attestation() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF metodsovet_in_group('director') AND NOT metodsovet_is_owner() AND (
       NEW.school_id, NEW.id, NEW.seq, NEW.academic_year_id, NEW.teacher_id, NEW.current_category,
       NEW.sought_category, NEW.applied_on, NEW.hearing_meeting_id, NEW.hearing_item, NEW.portfolio)
     IS DISTINCT FROM (
       OLD.school_id, OLD.id, OLD.seq, OLD.academic_year_id, OLD.teacher_id, OLD.current_category,
       OLD.sought_category, OLD.applied_on, OLD.hearing_meeting_id, OLD.hearing_item, OLD.portfolio) THEN
    RAISE EXCEPTION 'the director records only the result and the order of an attestation (%)', NEW.id
      USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;

-- A failed sign-in of a person's login, told by the program through the sign-in role (it cannot
-- connect as the person): as on one PC, 3 failures are free, then the login waits 30 s, 60 s …
-- up to 30 minutes (services.accounts.lock_duration). The wait is the login's password expiring
-- (VALID UNTIL), so a locked person cannot connect with any SQL client either. Returns the seconds
-- to wait (0: none), or -1 when an earlier wait has ended and the password works again. Each
-- failure counted goes to the audit trail as on one PC (services.accounts.authenticate: the action
-- user.sign_in_failed by the login, on the user record, the count as its summary), chained as
-- services.base.chain_hash chains it: SHA-256 over the JSON array of the previous hash and the fields.
CREATE OR REPLACE FUNCTION metodsovet_sign_in_failed(who text) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  account users%ROWTYPE;
  utc timestamp := now() AT TIME ZONE 'UTC';
  wait interval;
  previous text;
  fields text[];
BEGIN
  SELECT * INTO account FROM users WHERE login = who FOR UPDATE;
  IF NOT FOUND OR NOT EXISTS (
      SELECT 1 FROM unnest(ARRAY['administrator', 'director', 'head', 'teacher', 'viewer']) g
      JOIN pg_roles r ON r.rolname = metodsovet_group(g)
      JOIN pg_auth_members m ON m.roleid = r.oid JOIN pg_roles p ON p.oid = m.member AND p.rolname = who) THEN
    RETURN 0;  -- not one of this database's people: nothing to count
  END IF;
  IF account.locked_until IS NOT NULL AND account.locked_until > utc THEN
    RETURN ceil(extract(epoch FROM account.locked_until - utc))::integer;
  END IF;
  IF account.locked_until IS NOT NULL AND (SELECT rolvaliduntil FROM pg_roles WHERE rolname = who) <= now() THEN
    EXECUTE format('ALTER ROLE %I VALID UNTIL %L', who, 'infinity');
    UPDATE users SET locked_until = NULL WHERE login = who;
    RETURN -1;
  END IF;
  account.failed_attempts := account.failed_attempts + 1;
  wait := CASE WHEN account.failed_attempts < 3 THEN interval '0'
               ELSE least(interval '30 seconds' * 2 ^ least(account.failed_attempts - 3, 6), interval '30 minutes') END;
  UPDATE users SET failed_attempts = account.failed_attempts,
                   locked_until = CASE WHEN wait > interval '0' THEN utc + wait END WHERE login = who;
  PERFORM pg_advisory_xact_lock(1297305430);  -- storage.dialect.WRITER_LOCK: one audit chain
  previous := COALESCE((SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1), '');
  fields := ARRAY[previous,  -- datetime.isoformat() of an aware UTC moment
                  to_char(utc, 'YYYY-MM-DD"T"HH24:MI:SS')
                    || CASE WHEN extract(microseconds FROM utc)::bigint % 1000000 = 0 THEN ''
                            ELSE to_char(utc, '.US') END || '+00:00',
                  who, 'user.sign_in_failed', account.school_id, 'user', who, account.failed_attempts::text];
  INSERT INTO audit_events (at, actor, action, school_id, record_kind, record_id, summary, previous_hash, hash)
    VALUES (utc, who, 'user.sign_in_failed', account.school_id, 'user', who, account.failed_attempts::text,
            previous, encode(sha256(convert_to(
              '[' || (SELECT string_agg(COALESCE(to_json(f)::text, 'null'), ',' ORDER BY n)
                      FROM unnest(fields) WITH ORDINALITY AS u(f, n)) || ']', 'UTF8')), 'hex'));
  IF wait > interval '0' THEN
    EXECUTE format('ALTER ROLE %I VALID UNTIL %L', who, '-infinity');
  END IF;
  RETURN ceil(extract(epoch FROM wait))::integer;
END $$;

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
  IF allowed THEN  -- unlocked (or a new password): the wait after failed sign-ins ends too
    EXECUTE format('ALTER ROLE %I VALID UNTIL %L', login, 'infinity');
    UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE users.login = metodsovet_set_login.login;
  END IF;
END $$;
"""
