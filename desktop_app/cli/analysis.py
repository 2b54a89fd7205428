"""The annual analysis of methodical work on the command line: the paper (PDF) or its tables (.xlsx)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app import i18n
from desktop_app.cli.arguments import EXIT_OK, EXIT_USAGE, Commands
from desktop_app.cli.common import opened, pick_school, write_atomically
from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.i18n import _


def add_commands(commands: Commands) -> None:
    about = _("print the annual analysis of methodical work of a year (PDF), or save its tables (.xlsx)")
    p = commands.add_parser("analysis", help=about, description=about)
    p.add_argument("--year", required=True, metavar="ID", help=_("the academic year's id, e.g. 2026-2027"))
    p.add_argument("--association", metavar="ID", help=_("the association's id (default: the whole school)"))
    p.add_argument("--out", required=True, metavar="FILE.pdf|FILE.xlsx",
                   help=_("the file to write: .pdf for the paper, .xlsx for its tables"))
    p.add_argument("--lang", dest="doc_lang", choices=i18n.LANGUAGES,
                   help=_("the document's language (default: the language of the messages)"))
    p.add_argument("--school", metavar="ID", help=_("the school, needed only when the database holds several"))
    p.set_defaults(handler=write_analysis)


def write_analysis(args: argparse.Namespace, database: str) -> int:
    from desktop_app.services.documents import kind_name

    target = Path(args.out)
    suffix = target.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        print(_("{file}: the file must end in .pdf or .xlsx").format(file=target))
        return EXIT_USAGE
    language = args.doc_lang or i18n.current_language()
    with opened(database) as services:
        school = pick_school(services, args.school)
        analysis = services.analysis
        if suffix == ".xlsx":
            data = analysis.xlsx(COMMAND_LINE, school, args.year, args.association, language)
            write_atomically(target, data)
            print(_("{file}: the tables of the annual analysis ({language})").format(file=target, language=language))
            return EXIT_OK
        data, check, printed = analysis.pdf(COMMAND_LINE, school, args.year, args.association, args.doc_lang)
    write_atomically(target, data)
    print(_("{file}: {kind} {record} ({language}), verification code {code}").format(
        file=target, kind=kind_name(check.kind), record=check.record, language=printed,
        code=check.code))
    return EXIT_OK
