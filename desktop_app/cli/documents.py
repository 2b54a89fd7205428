"""Printed documents (documents.md): one command per kind, each writing a PDF; and `verify`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app import i18n
from desktop_app.cli.arguments import EXIT_OK, EXIT_REFUSED, Commands
from desktop_app.cli.common import choose_school, opened, pick_school, write_atomically
from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.i18n import N_, _

if TYPE_CHECKING:
    from desktop_app.services import Services
    from desktop_app.services.printed import PrintedDocument

#: What each document command prints, and what its record argument is (``--help``).
DOCUMENT_HELP = {
    "protocol": (N_("print the protocol of a meeting (PDF)"), N_("id of the meeting")),
    "extract": (N_("print an extract from a protocol for one agenda item (PDF)"), N_("id of the meeting")),
    "plan": (N_("print a calendar-thematic plan with its title page (PDF)"), N_("id of the plan")),
    "workplan": (N_("print the annual work plan of an association (PDF)"), N_("id of the association")),
    "register": (N_("print the register of an association's protocols (PDF)"), N_("id of the association")),
    "mentorship": (N_("print a mentorship's plan, log and conclusion (PDF)"), N_("id of the mentorship")),
    "observation": (N_("print the observation sheet of a lesson visit (PDF)"), N_("id of the lesson visit")),
}


def add_commands(commands: Commands) -> None:
    for name in DOCUMENT_HELP:
        p = commands.add_parser(name, help=_(DOCUMENT_HELP[name][0]), description=_(DOCUMENT_HELP[name][0]))
        p.add_argument("record", help=_(DOCUMENT_HELP[name][1]))
        if name == "extract":
            p.add_argument("item", type=int, help=_("number of the agenda item"))
        if name == "workplan":
            p.add_argument("--done", action="store_true",
                           help=_("add the column of what was done (held, moved, cancelled)"))
        p.add_argument("--out", required=True, help=_("the PDF file to write"))
        p.add_argument("--lang", dest="doc_lang", choices=i18n.LANGUAGES,
                       help=_("language of the document (default: the record's, else the user's)"))
        p.add_argument("--school", help=_("the school's id, when the database holds several"))
        p.set_defaults(handler=print_document)
    p = commands.add_parser("schedule", help=_("print the schedule of open lessons and mutual visits of one "
                                               "term (PDF)"))
    p.add_argument("--year", required=True, metavar="ID", help=_("the academic year's id, e.g. 2026-2027"))
    p.add_argument("--term", required=True, type=int, metavar="N", help=_("the term's number, 1 to 4"))
    p.add_argument("--out", required=True, metavar="FILE.pdf", help=_("the PDF file to write"))
    p.add_argument("--lang", dest="doc_lang", choices=i18n.LANGUAGES,
                   help=_("the document's language (default: the language of the messages)"))
    p.add_argument("--school", metavar="ID", help=_("the school, needed only when the database holds several"))
    p.set_defaults(handler=print_document)
    p = commands.add_parser("olympiads", help=_("print the register of pupils' olympiads and contests of a "
                                                "year (PDF)"))
    p.add_argument("--year", required=True, metavar="ID", help=_("the academic year's id, e.g. 2026-2027"))
    p.add_argument("--out", required=True, metavar="FILE.pdf", help=_("the PDF file to write"))
    p.add_argument("--lang", dest="doc_lang", choices=i18n.LANGUAGES,
                   help=_("the document's language (default: the language of the messages)"))
    p.add_argument("--school", metavar="ID", help=_("the school, needed only when the database holds several"))
    p.set_defaults(handler=print_document)
    p = commands.add_parser("verify", help=_("tell whether a printed verification code matches a current record"))
    p.add_argument("code")
    p.add_argument("--school")
    p.set_defaults(handler=verify)


def print_document(args: argparse.Namespace, database: str) -> int:
    printed = _quick_protocol(args, database) if args.command == "protocol" else None
    if printed is None:
        with opened(database) as services:
            school = pick_school(services, args.school)
            printed = _printed(services, school, args)
    from desktop_app.services.printed import kind_name

    target = Path(args.out)
    write_atomically(target, printed.data)
    print(_("{file}: {kind} {record} ({language}), verification code {code}").format(
        file=target, kind=kind_name(printed.check.kind), record=printed.check.record, language=printed.language,
        code=printed.check.code))
    return EXIT_OK


def _quick_protocol(args: argparse.Namespace, database: str) -> PrintedDocument | None:
    """The protocol read straight from an SQLite file at the current schema (services/printed.py):
    no SQLAlchemy, no other service. None: the file is opened the usual way (migrated, refused, …)."""
    from desktop_app.services.printed import QuickPrints

    quick = QuickPrints.open(database)
    if quick is None:
        return None
    with quick:
        schools = quick.school_ids(COMMAND_LINE)
        if schools is None:
            return None
        return quick.protocol(COMMAND_LINE, choose_school(schools, args.school), args.record, args.doc_lang)


def _printed(services: Services, school: str, args: argparse.Namespace) -> PrintedDocument:
    documents, lang = services.documents, args.doc_lang
    if args.command == "protocol":
        return documents.protocol(COMMAND_LINE, school, args.record, lang)
    if args.command == "extract":
        return documents.extract(COMMAND_LINE, school, args.record, args.item, lang)
    if args.command == "plan":
        return documents.plan(COMMAND_LINE, school, args.record, lang)
    if args.command == "workplan":
        return documents.work_plan(COMMAND_LINE, school, args.record, lang, args.done)
    if args.command == "register":
        return documents.register(COMMAND_LINE, school, args.record, lang)
    if args.command == "mentorship":
        return documents.mentorship(COMMAND_LINE, school, args.record, lang)
    if args.command == "schedule":
        return documents.visit_schedule(COMMAND_LINE, school, args.year, args.term, lang)
    if args.command == "olympiads":
        return documents.olympiads(COMMAND_LINE, school, args.year, lang)
    return documents.observation(COMMAND_LINE, school, args.record, lang)


def verify(args: argparse.Namespace, database: str) -> int:
    from desktop_app.services.documents import kind_name

    with opened(database) as services:
        school = pick_school(services, args.school) if args.school is not None else None
        matches = services.documents.verify(COMMAND_LINE, args.code, school)
    for match in matches:
        check = match.check
        print(_("{code}: matches {kind} {record}, version {version}, school {school}").format(
            code=check.code, kind=kind_name(check.kind), record=check.record, version=check.version,
            school=match.school))
    if matches:
        return EXIT_OK
    print(_("{code}: no current record has this verification code (the record changed or the code is "
            "wrong)").format(code=args.code), file=sys.stderr)
    return EXIT_REFUSED
