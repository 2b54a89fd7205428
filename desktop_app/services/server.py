"""A school server: preparing a PostgreSQL database once, and moving a whole database to or from it.

``init_server`` is run once by whoever administers the server, with the login that owns the
database (no superuser): it checks what the program needs and says exactly what is missing, then
makes the ICU collation and the schema and creates the first administrator. ``move_database``
copies a whole database (SQLite file -> server, or back) into an empty one and verifies it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.domain.accounts import COMMAND_LINE, Role
from desktop_app.domain.errors import N_
from desktop_app.i18n import _
from desktop_app.services import Services
from desktop_app.storage import dialect, server_roles, transfer
from desktop_app.storage.database import Database, to_url
from desktop_app.storage.errors import StorageError, translated_errors
from desktop_app.storage.server import Readiness, readiness

#: The oldest PostgreSQL the program supports (ICU collations, trusted extensions, lookbehind).
MIN_SERVER_VERSION = 14
#: Byte-wise collations of the database: plain ``ORDER BY`` of ids as in SQLite (names are
#: ordered by the program's ICU collation whatever this is).
C_COLLATIONS = {"C", "POSIX", "C.UTF-8", "C.utf8", "ucs_basic"}


class ServerNotReadyError(StorageError):
    message = N_("The server is not ready for Metodsovet:\n{detail}")


class NotAServerError(StorageError):
    message = N_("This command needs the URL of a PostgreSQL database "
                 "(postgresql+psycopg://login@server:5432/metodsovet), not {detail}")


class SourceMissingError(StorageError):
    message = N_("There is no database to move at {detail}; give its file or URL with --db")


class TargetNotEmptyError(StorageError):
    message = N_("The target database already holds records ({detail}); a move needs an empty one")


class MoveMismatchError(StorageError):
    message = N_("The copy does not match the original, nothing was kept: {detail}")


@dataclass(frozen=True)
class InitReport:
    """What ``server init`` did."""

    server_version: str
    revision: str | None
    administrator: str | None  #: the login created, None when accounts existed already
    groups: list[str] = field(default_factory=list)  #: the group roles made now
    logins: list[str] = field(default_factory=list)  #: login roles made now for existing accounts
    password_set: str | None = None  #: the existing administrator whose password was set


def server_problems(facts: Readiness) -> list[str]:
    """What keeps this PostgreSQL database from serving the program, in the user's language."""
    problems: list[str] = []
    name, user = facts.database, facts.login
    if facts.version_number < MIN_SERVER_VERSION * 10000:
        problems.append(_("PostgreSQL {version} is too old: version {needed} or newer is needed.").format(
            version=facts.version, needed=MIN_SERVER_VERSION))
    fix = _("Make it anew as the server's superuser: CREATE DATABASE {name} OWNER {user} ENCODING 'UTF8' "
            "LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;").format(name=name, user=user)
    if facts.encoding != "UTF8":
        problems.append(_("The database {name} is in the encoding {encoding}, not UTF8.").format(
            name=name, encoding=facts.encoding) + " " + fix)
    elif facts.collate not in C_COLLATIONS:
        problems.append(_("The database {name} sorts by the locale {locale}; the program needs the locale C "
                          "(it sorts names itself, in Kazakh order).").format(name=name, locale=facts.collate)
                        + " " + fix)
    if not facts.icu:
        problems.append(_("This PostgreSQL was built without ICU, so it cannot sort in Kazakh order; "
                          "install a PostgreSQL with ICU (the PostgreSQL installer for Windows and "
                          "Debian's and Ubuntu's packages have it)."))
    if not facts.may_create:
        problems.append(_("The login {user} may not create tables in the database {name}; run "
                          "server init with the login that owns it, or as the superuser: "
                          "ALTER DATABASE {name} OWNER TO {user}; ALTER SCHEMA public OWNER TO {user};").format(
            user=user, name=name))
    if not facts.may_create_roles:
        problems.append(_("The login {user} may not create the people's logins; as the superuser: "
                          "ALTER ROLE {user} CREATEROLE;").format(user=user))
    if facts.collation_error is not None:
        problems.append(_("The collation of Kazakh order could not be made: {error}").format(
            error=facts.collation_error))
    return problems


def init_server(url_text: str, login: str, password: str) -> InitReport:
    """Check the server, make the collation and the schema, create the first administrator.

    Run again on a prepared database it changes nothing and creates no second administrator."""
    url = to_url(url_text)
    if url.get_backend_name() != "postgresql":
        raise NotAServerError(url.render_as_string(hide_password=True))
    with translated_errors():
        facts = readiness(url, make_collation=True)
    problems = server_problems(facts)
    if problems:
        raise ServerNotReadyError("\n".join(f"- {problem}" for problem in problems))
    services = Services.open(url_text)
    try:
        with translated_errors(), services.db.engine.begin() as connection:
            groups = server_roles.install(connection)
            missing = server_roles.missing_logins(connection)
            for account, role in missing:  # accounts moved from a file: logins without a password yet
                server_roles.set_login(connection, account, role, None, allowed=False)
        services.db.login_roles = True
        created = password_set = None
        if not services.accounts.has_users():
            created = services.accounts.create_user(None, login, password, Role.ADMINISTRATOR).login
        elif _is_administrator(services, login):  # after a move, or a forgotten password: the owner sets it
            services.accounts.reset_password(COMMAND_LINE, login, password)
            password_set = login
        return InitReport(facts.version, services.db.revision(), created, groups,
                          [account for account, _role in missing], password_set)
    finally:
        services.close()


def _is_administrator(services: Services, login: str) -> bool:
    with services.db.transaction() as store:
        user = store.get_user(login, with_hash=False)
    return user is not None and user.role is Role.ADMINISTRATOR


def move_database(source: str, target: str) -> transfer.TransferReport:
    """Copy every record of ``source`` into the empty ``target`` and verify the copy row for row.

    Both are brought to the current schema first (the source backed up, as always, if it is
    migrated). A target that holds any record is refused; a copy that does not match is rolled back."""
    if to_url(source) == to_url(target):
        raise TargetNotEmptyError(_("it is the same database"))
    with Database.open(source) as origin, Database.open(target) as destination, translated_errors():
        with origin.engine.connect() as reading, destination.engine.connect() as connection:
            writing = connection.execution_options(**{dialect.WRITE_OPTION: True})
            with writing.begin():  # rolled back by any refusal below
                filled = transfer.non_empty_tables(writing)
                if filled:
                    raise TargetNotEmptyError(", ".join(filled))
                report = transfer.TransferReport(rows=transfer.copy_rows(reading, writing))
                mismatches = transfer.compare(reading, writing)
                if mismatches:
                    raise MoveMismatchError("; ".join(mismatches))
            reading.rollback()
        # Read back through new connections: what was committed is what was copied.
        with origin.engine.connect() as reading, destination.engine.connect() as writing:
            report.mismatches = transfer.compare(reading, writing)
            reading.rollback()
            writing.rollback()
        if report.mismatches:
            raise MoveMismatchError("; ".join(report.mismatches))
        dialect.refresh_statistics(destination.engine)
    return report
