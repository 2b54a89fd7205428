"""Data in and out of the database: `demo`, `import`, `export` (exchange-v1.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import BinaryIO

from desktop_app.cli.arguments import EXIT_OK, EXIT_REFUSED, Commands
from desktop_app.cli.common import opened, pick_school, read_file, write_atomically
from desktop_app.domain.accounts import COMMAND_LINE, ROLE_LABELS
from desktop_app.i18n import _


def add_commands(commands: Commands) -> None:
    p = commands.add_parser("demo", help=_("fill an empty database with the demo school"))
    p.set_defaults(handler=demo)
    p = commands.add_parser("import", help=_("import an exchange document"))
    p.add_argument("file")
    p.add_argument("--replace", action="store_true", help=_("replace the school if it exists"))
    p.set_defaults(handler=import_document)
    p = commands.add_parser("import-folder", help=_("import every exchange document of a folder, each whole"))
    p.add_argument("folder")
    p.add_argument("--replace", action="store_true", help=_("replace the schools that exist"))
    p.set_defaults(handler=import_folder)
    p = commands.add_parser("export", help=_("export one school as an exchange document"))
    p.add_argument("file")
    p.add_argument("--school")
    p.set_defaults(handler=export_document)


def demo(args: argparse.Namespace, database: str) -> int:
    from desktop_app.services.demo import load_demo

    with opened(database) as services:
        school, accounts = load_demo(services)
    print(_("Demo school {school} loaded. Accounts (login / password / role):").format(school=school))
    for account in accounts:
        print(f"  {account.login:<10} {account.password:<14} {_(ROLE_LABELS[account.role])}")
    return EXIT_OK


def import_document(args: argparse.Namespace, database: str) -> int:
    data = read_file(args.file)  # an unreadable file is refused before the database is opened
    with opened(database) as services:
        summary = services.exchange.import_document(COMMAND_LINE, data, replace=args.replace)
    verb = _("replaced") if summary.replaced else _("imported")
    counts = ", ".join(f"{key} {value}" for key, value in summary.counts.items())
    print(_("{file}: school {school} {verb}: {counts}").format(file=args.file, school=summary.school,
                                                                verb=verb, counts=counts))
    return EXIT_OK


def import_folder(args: argparse.Namespace, database: str) -> int:
    """Each file whole in its own transaction: a refused one is reported and the others go on;
    the status is 1 when any was refused."""
    import sys

    folder = Path(args.folder)
    if not folder.is_dir():
        from desktop_app.domain.errors import N_, DomainError, Rule

        raise DomainError(Rule.VALUE, N_("{folder} is not a folder"), {"folder": args.folder}, record=args.folder)
    with opened(database) as services:
        results = services.district.import_folder(COMMAND_LINE, folder, replace=args.replace)
    for result in results:
        if result.refusal is None:
            print(_("{file}: school {school} imported").format(file=result.file, school=result.school))
        else:
            print(_("{file}: refused — {reason}").format(file=result.file, reason=result.refusal.render(_)),
                  file=sys.stderr)
    refused = sum(1 for r in results if r.refusal is not None)
    print(_("{imported} imported, {refused} refused").format(imported=len(results) - refused, refused=refused))
    return EXIT_REFUSED if refused else EXIT_OK


def export_document(args: argparse.Namespace, database: str) -> int:
    target = Path(args.file)
    with opened(database) as services:
        school = pick_school(services, args.school)
        found: dict[str, int] = {}

        def write(handle: BinaryIO) -> None:  # the document is written as it is read: memory stays flat
            found.update(services.exchange.export_text(
                COMMAND_LINE, school, lambda piece: handle.write(piece.encode("utf-8"))))

        write_atomically(target, write)
    counts = ", ".join(f"{k} {v}" for k, v in found.items())
    print(_("{file}: school {school} exported: {counts}").format(file=target, school=school, counts=counts))
    return EXIT_OK
