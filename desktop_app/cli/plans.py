"""KTP files into draft plans: `import-plans` (each file all or nothing)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.cli.arguments import EXIT_OK, EXIT_REFUSED, Commands
from desktop_app.cli.common import opened, pick_school
from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.i18n import _, ngettext

if TYPE_CHECKING:
    from desktop_app.services import Services


def add_commands(commands: Commands) -> None:
    p = commands.add_parser(
        "import-plans", help=_("import KTP files (.xlsx, .xls, .docx, .doc, .csv) and folders of them as draft plans"),
        description=_("Import KTP files, and every KTP file in the folders named, as draft plans: each file "
                      "all or nothing, its teacher, subject, grade and classes guessed from its file name, "
                      "folder and title rows unless given here. A file imported before unchanged is skipped. "
                      "Exit status 1 when any file was refused."))
    p.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER")
    p.add_argument("--year", required=True, help=_("the academic year's id, e.g. 2026-2027"))
    p.add_argument("--teacher", help=_("the teacher's id for every file"))
    p.add_argument("--subject", help=_("the subject's id for every file"))
    p.add_argument("--grade", type=int, choices=range(1, 13), metavar="N", help=_("the grade for every file"))
    p.add_argument("--dry-run", action="store_true", help=_("read and report, import nothing"))
    p.add_argument("--school")
    p.set_defaults(handler=import_plans)


def import_plans(args: argparse.Namespace, database: str) -> int:
    with opened(database) as services:
        return _import_plans(services, args)


def _import_plans(services: Services, args: argparse.Namespace) -> int:
    """`import-plans`: one line per file on standard output, the problems of a refused file on standard
    error (one per line, naming the file), a count at the end; 1 when any file was refused."""
    from desktop_app.services.plan_files import FileChoice, FileStatus, plan_files

    school = pick_school(services, args.school)
    files = plan_files(Path(p) for p in args.paths)
    if not files:
        raise DomainError(Rule.VALUE, N_("No KTP files (.xlsx, .xls, .docx, .doc, .csv) found in {paths}"),
                          {"paths": ", ".join(args.paths)})
    given = FileChoice(args.teacher, args.subject, args.grade)
    drafts = services.plan_files.read(COMMAND_LINE, school, files, args.year, given)
    reports = services.plan_files.import_files(COMMAND_LINE, school, drafts, args.year, dry_run=args.dry_run)
    counts = dict.fromkeys(FileStatus, 0)
    for report in reports:
        counts[report.status] += 1
        plans = "; ".join(_("{plan} (teacher {teacher}, subject {subject}, grade {grade}, classes {classes}, "
                            "lessons: {count})").format(
            plan=p.id or _("new plan"), teacher=p.teacher, subject=p.subject, grade=p.grade,
            classes=", ".join(p.classes) or "—", count=len(p.rows)) for p in report.plans)
        if report.status is FileStatus.IMPORTED:
            print(_("{file}: imported as {plans}").format(file=report.path, plans=plans))
        elif report.status is FileStatus.WOULD_IMPORT:
            print(_("{file}: would be imported as {plans}").format(file=report.path, plans=plans))
        elif report.status is FileStatus.SKIPPED:
            print(_("{file}: skipped, imported before unchanged as {plans}").format(
                file=report.path, plans=", ".join(p.id for p in report.plans)))
        else:
            print(ngettext("{file}: refused, {count} problem (listed on standard error)",
                           "{file}: refused, {count} problems (listed on standard error)",
                           len(report.problems)).format(file=report.path, count=len(report.problems)))
            for problem in report.problems:
                print(f"{report.path}: {problem.render(_)}", file=sys.stderr)
    print(_("{imported} imported, {would} to import, {skipped} skipped, {refused} refused").format(
        imported=counts[FileStatus.IMPORTED], would=counts[FileStatus.WOULD_IMPORT],
        skipped=counts[FileStatus.SKIPPED], refused=counts[FileStatus.REFUSED]))
    return EXIT_REFUSED if counts[FileStatus.REFUSED] else EXIT_OK
