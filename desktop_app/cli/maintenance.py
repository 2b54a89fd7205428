"""Care of the database: `check` (integrity, rules, calendars) and `backup`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.cli.arguments import EXIT_OK, EXIT_REFUSED, Commands
from desktop_app.cli.common import opened, pick_school
from desktop_app.config.preferences import backup_dir_for
from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.i18n import _


def add_commands(commands: Commands) -> None:
    p = commands.add_parser("check", help=_("check the database and report rule and calendar findings"))
    p.add_argument("--school")
    p.set_defaults(handler=check)
    p = commands.add_parser("backup", help=_("make a verified backup"))
    p.add_argument("--to")
    p.set_defaults(handler=backup)


def backup(args: argparse.Namespace, database: str) -> int:
    from desktop_app.services.maintenance import MaintenanceService

    target = Path(args.to) if args.to else None
    with opened(database) as services:
        print(MaintenanceService(services).backup(COMMAND_LINE, target))
    return EXIT_OK


def check(args: argparse.Namespace, database: str) -> int:
    damaged = _damage_report(database)
    if damaged is not None:
        return damaged
    from desktop_app.services.exchange import Problem

    with opened(database) as services:
        school = pick_school(services, args.school) if args.school is not None else None
        # The file was found sound just above: its pages are not read through a second time.
        report = services.checks.check(COMMAND_LINE, school, file_checked=True)
    for problem in report.integrity:
        print(_("Database: {problem}").format(problem=problem))
    for entry in report.audit_breaks:
        print(_("Audit trail broken at {entry}").format(entry=entry))
    error_word, warning_word = _("error"), _("warning")
    for school_report in report.schools:
        # A large school has thousands of findings: written at once, not a print each.
        lines = [f"{school_report.school} {error_word}: {Problem.from_finding(finding).render(_)}"
                 for finding in school_report.errors]
        lines += [f"{school_report.school} {warning_word}: {Problem.from_finding(finding).render(_)}"
                  for finding in school_report.warnings]
        if lines:
            print("\n".join(lines))
        print(_("{school}: {errors} errors, {warnings} warnings").format(
            school=school_report.school, errors=len(school_report.errors),
            warnings=len(school_report.warnings)))
    if report.ok:
        print(_("Database integrity: ok"))
        return EXIT_OK
    return EXIT_REFUSED


def _damage_report(database: str) -> int | None:
    """`check` on a damaged SQLite file: say what is wrong and what to do; keep the file."""
    from desktop_app.services.maintenance import damage, sqlite_file

    path = sqlite_file(database)
    if path is None or not path.exists():
        return None
    problems = damage(path)
    if not problems:
        return None
    for problem in problems[:20]:
        print(_("Database: {problem}").format(problem=problem), file=sys.stderr)
    print(_("The file {file} is damaged. It was not changed. Start the program: it moves the damaged "
            "file aside and restores the newest good backup from {folder}.").format(
        file=path, folder=backup_dir_for(database)), file=sys.stderr)
    return EXIT_REFUSED
