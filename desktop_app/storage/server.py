"""What a PostgreSQL database offers the program: read once by ``server init`` (services.server)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import sqlalchemy as sa

from desktop_app.storage import dialect


@dataclass(frozen=True)
class Readiness:
    """The facts ``server init`` checks, as the server reports them."""

    version: str
    version_number: int  #: e.g. 150018 for 15.18
    database: str
    encoding: str
    collate: str
    login: str
    may_create: bool  #: the login may create tables (in the database and its schema public)
    icu: bool  #: the server was built with ICU
    may_create_roles: bool = True  #: the login may create the group and login roles (CREATEROLE)
    collation_error: str | None = None  #: why the Kazakh collation could not be made


def readiness(url: sa.URL, make_collation: bool = True) -> Readiness:
    """Connects to ``url`` and reads :class:`Readiness`; with ``make_collation`` and nothing else
    missing, makes the collation of Kazakh order (committed). Connection errors propagate."""
    engine = dialect.create_engine(url)
    try:
        with engine.connect() as connection:
            row = connection.exec_driver_sql(
                "SELECT current_setting('server_version'), current_setting('server_version_num')::int, "
                "current_database(), pg_encoding_to_char(encoding), datcollate, current_user, "
                "has_database_privilege(current_database(), 'CREATE') "
                "AND has_schema_privilege('public', 'CREATE'), "
                "EXISTS (SELECT 1 FROM pg_collation WHERE collprovider = 'i'), "
                "(SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user) "
                "FROM pg_database WHERE datname = current_database()").one()
            connection.rollback()
            version, number, database, encoding, collate, login, may_create, icu, roles = row
            facts = Readiness(str(version), int(number), str(database), str(encoding), str(collate), str(login),
                              bool(may_create), bool(icu), bool(roles))
            if make_collation and facts.may_create and facts.icu:
                try:
                    with connection.begin():
                        dialect.ensure_collation(connection)
                except sa.exc.DBAPIError as error:
                    return replace(facts, collation_error=str(error.orig).strip())
            return facts
    finally:
        engine.dispose()


def schema_problems(connection: sa.Connection) -> list[str]:
    """The checks of a server database that make sense there (PostgreSQL keeps its own pages and
    references sound): the collation of Kazakh order, and, where people have their own logins,
    row-level security on every table (a table added by a newer version needs ``server init`` again)."""
    from desktop_app.storage import server_roles
    from desktop_app.storage.models import metadata

    problems: list[str] = []
    collation = connection.execute(sa.text("SELECT 1 FROM pg_collation WHERE collname = :name"),
                                   {"name": dialect.POSTGRESQL_COLLATION}).first()
    if collation is None:
        problems.append(f"the collation {dialect.POSTGRESQL_COLLATION} is missing: run server init")
    if server_roles.installed(connection):
        unguarded = connection.execute(sa.text(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT c.relrowsecurity "
            "AND c.relname = ANY(:tables) ORDER BY c.relname"),
            {"tables": [table.name for table in metadata.sorted_tables]}).scalars().all()
        problems += [f"{name}: no row-level security for the people's logins: run server init again"
                     for name in unguarded]
        counted = connection.execute(sa.text(
            "SELECT to_regprocedure('public.metodsovet_sign_in_failed(text)') IS NOT NULL "
            "AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :name)"),
            {"name": server_roles.sign_in_role(str(connection.exec_driver_sql("SELECT current_database()").scalar()))}
        ).scalar()
        if not counted:
            problems.append("failed sign-ins are not counted (no sign-in login): run server init again")
    return problems
