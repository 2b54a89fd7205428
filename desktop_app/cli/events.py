"""Events of collective methodical work (п. 20): the register as text or PDF, certificates (PDF)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app import i18n
from desktop_app.cli.arguments import EXIT_OK, Commands
from desktop_app.cli.common import opened, pick_school, write_atomically
from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.i18n import _


def add_commands(commands: Commands) -> None:
    p = commands.add_parser("events", help=_("list the register of events of methodical work of a year"))
    p.add_argument("--year", required=True, metavar="ID", help=_("the academic year's id, e.g. 2026-2027"))
    p.add_argument("--school", metavar="ID", help=_("the school, needed only when the database holds several"))
    p.set_defaults(handler=list_events)
    p = commands.add_parser("event-register", help=_("print the register of events of methodical work (PDF)"))
    p.add_argument("--year", required=True, metavar="ID", help=_("the academic year's id, e.g. 2026-2027"))
    _output_options(p)
    p.set_defaults(handler=print_register)
    p = commands.add_parser("certificates", help=_("print certificates of participation of a held event (PDF)"))
    p.add_argument("event", help=_("id of the event"))
    p.add_argument("--participant", action="append", metavar="ID",
                   help=_("only this participant (a teacher's id or a guest's name); repeatable"))
    _output_options(p)
    p.set_defaults(handler=print_certificates)


def _output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="FILE.pdf", help=_("the PDF file to write"))
    p.add_argument("--lang", dest="doc_lang", choices=i18n.LANGUAGES,
                   help=_("the document's language (default: the language of the messages)"))
    p.add_argument("--school", metavar="ID", help=_("the school, needed only when the database holds several"))


def list_events(args: argparse.Namespace, database: str) -> int:
    from desktop_app.domain.labels import EVENT_FORM_LABELS as FORM_LABELS
    from desktop_app.domain.labels import EVENT_STATUS_LABELS as STATUS_LABELS

    with opened(database) as services:
        school = pick_school(services, args.school)
        events = services.events.list(COMMAND_LINE, school, args.year)
    for event in events:
        day = event.start.strftime("%d.%m.%Y")
        print(f"{event.number}\t{day}\t{event.id}\t{_(FORM_LABELS[event.form])}\t"
              f"{event.topic.get(i18n.current_language())}\t{_(STATUS_LABELS[event.status])}\t"
              f"{event.participant_count}")
    return EXIT_OK


def _write(path: str, data: bytes, record: str, code: str) -> int:
    target = Path(path)
    write_atomically(target, data)
    print(_("{file}: {record}, verification code {code}").format(file=target, record=record, code=code))
    return EXIT_OK


def print_register(args: argparse.Namespace, database: str) -> int:
    with opened(database) as services:
        school = pick_school(services, args.school)
        printed = services.events.register_pdf(COMMAND_LINE, school, args.year, args.doc_lang)
    return _write(args.out, printed.data, printed.check.record, printed.check.code)


def print_certificates(args: argparse.Namespace, database: str) -> int:
    with opened(database) as services:
        school = pick_school(services, args.school)
        only = tuple(args.participant) if args.participant else None
        printed = services.events.certificates_pdf(COMMAND_LINE, school, args.event, only, args.doc_lang)
    return _write(args.out, printed.data, printed.check.record, printed.check.code)
