"""The commands of a school server: ``server init``, ``move --to`` and ``restore`` (a thin layer over
services.server)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.cli.arguments import EXIT_OK, Commands, Parser
from desktop_app.i18n import _, ngettext


def add_commands(commands: Commands) -> None:
    """Adds ``server init`` and ``move`` to the subcommands of the ``metodsovet`` parser."""
    server = commands.add_parser("server", help=_("prepare a PostgreSQL database as the school server"))
    server_commands = server.add_subparsers(dest="server_command", required=True, parser_class=Parser)
    p = server_commands.add_parser(
        "init", help=_("check the server, make the schema and the first administrator (run once)"),
        description=_("Run once by whoever administers the server, with the login that owns the database "
                      "given by --db: checks the server, makes the Kazakh collation and the tables, and "
                      "creates the first administrator account (its password is read from standard input). "
                      "Run again, it changes nothing."))
    p.add_argument("--admin", required=True, metavar="LOGIN", help=_("login of the first administrator"))
    p.set_defaults(handler=run)
    p = commands.add_parser(
        "move", help=_("copy the whole database into an empty one (a file to the server, or back)"),
        description=_("Copy every school, account, audit event, protocol version and plan history of the "
                      "database given by --db into the empty database at --to (an SQLite file or a "
                      "PostgreSQL URL) and verify the copy record for record. The original is not changed."))
    p.add_argument("--to", required=True, metavar="URL_OR_FILE", help=_("the empty database to copy into"))
    p.set_defaults(handler=run)
    p = commands.add_parser(
        "restore", help=_("restore a backup file into an empty database (a school server, say)"),
        description=_("Copy every record of the backup FILE (made by backup, on a PC or from the server) into "
                      "the empty database at --to, else the one given by --db, and verify it record for record. "
                      "On a server, run server init afterwards: it gives the people their logins again."))
    p.add_argument("file", metavar="FILE", help=_("the backup file"))
    p.add_argument("--to", metavar="URL_OR_FILE", help=_("the empty database to restore into (default: --db)"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, database: str) -> int:
    """Runs ``server init`` or ``move``; refusals are raised as StorageError for ``cli.main`` to print."""
    from desktop_app.services import server

    if args.command == "server":
        password = sys.stdin.readline().rstrip("\r\n")
        report = server.init_server(database, args.admin, password)
        print(_("The server is ready: PostgreSQL {version}, schema {revision}.").format(
            version=report.server_version, revision=report.revision))
        if report.groups:
            print(_("Group roles made: {names}").format(names=", ".join(report.groups)))
        if report.administrator is not None:
            print(_("Administrator account {login} created.").format(login=report.administrator))
        else:
            print(_("Accounts existed already; no administrator was created."))
        if report.password_set is not None:
            print(_("The administrator {login} signs in with the password given.").format(login=report.password_set))
        if report.logins:
            print(_("Database logins made without a password (the administrator sets them in Accounts): "
                    "{logins}").format(logins=", ".join(report.logins)))
        return EXIT_OK
    source, target = database, args.to
    if args.command == "restore":
        source, target = args.file, args.to or database
    if "://" not in source and not Path(source).expanduser().exists():
        raise server.SourceMissingError(source)
    moved = server.move_database(source, target)
    for table, count in moved.rows.items():
        if count:
            print(f"{table}: {count}")
    print(ngettext("{count} record copied and verified.", "{count} records copied and verified.",
                   moved.total).format(count=moved.total))
    return EXIT_OK
