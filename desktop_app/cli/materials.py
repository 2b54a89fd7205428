"""Methodical materials (п. 27) on the command line: a material's title page and the year's register."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app import i18n
from desktop_app.cli.arguments import EXIT_OK, Commands
from desktop_app.cli.common import opened, pick_school, write_atomically
from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.i18n import _


def add_commands(commands: Commands) -> None:
    p = commands.add_parser("material", help=_("print the title page of a methodical material (PDF)"),
                            description=_("print the title page of a methodical material (PDF)"))
    p.add_argument("record", help=_("id of the methodical material"))
    _common(p)
    p = commands.add_parser("materials", help=_("print the register of methodical materials of a year (PDF)"),
                            description=_("print the register of methodical materials of a year (PDF)"))
    p.add_argument("--year", required=True, metavar="ID", help=_("the academic year's id, e.g. 2026-2027"))
    _common(p)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="FILE.pdf", help=_("the PDF file to write"))
    p.add_argument("--lang", dest="doc_lang", choices=i18n.LANGUAGES,
                   help=_("the document's language (default: the language of the messages)"))
    p.add_argument("--school", metavar="ID", help=_("the school, needed only when the database holds several"))
    p.set_defaults(handler=print_material)


def print_material(args: argparse.Namespace, database: str) -> int:
    from desktop_app.services.documents import kind_name

    with opened(database) as services:
        school = pick_school(services, args.school)
        prints = services.material_prints
        if args.command == "material":
            data, check = prints.title_page(COMMAND_LINE, school, args.record, args.doc_lang)
        else:
            data, check = prints.register(COMMAND_LINE, school, args.year, args.doc_lang)
    target = Path(args.out)
    write_atomically(target, data)
    print(_("{file}: {kind} {record} ({language}), verification code {code}").format(
        file=target, kind=kind_name(check.kind), record=check.record,
        language=args.doc_lang or i18n.current_language(), code=check.code))
    return EXIT_OK
