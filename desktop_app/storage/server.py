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
