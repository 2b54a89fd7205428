"""The attestation register (п. 10.7) and professional development from the command line: the
year's list as text or PDF, the schedule of hearings (PDF), the needs summary of courses, the
school's period between courses."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app import i18n
from desktop_app.cli.arguments import EXIT_OK, Commands
from desktop_app.cli.common import opened, pick_school, write_atomically
from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.i18n import _


def add_commands(commands: Commands) -> None:
    p = commands.add_parser("attestation", help=_("the year's attestation register: a list, or a PDF with --out"))
    p.add_argument("--year", required=True, metavar="ID", help=_("the academic year's id, e.g. 2026-2027"))
    p.add_argument("--out", metavar="FILE.pdf", help=_("the PDF file to write"))
    p.add_argument("--schedule", action="store_true", help=_("print the schedule of hearings instead of the list"))
    p.add_argument("--lang", dest="doc_lang", choices=i18n.LANGUAGES,
                   help=_("the document's language (default: the language of the messages)"))
    p.add_argument("--school", metavar="ID", help=_("the school, needed only when the database holds several"))
    p.set_defaults(handler=attestation)
    p = commands.add_parser("courses-due", help=_("who needs a professional development course, by association"))
    p.add_argument("--year", required=True, metavar="ID", help=_("the academic year's id, e.g. 2026-2027"))
    p.add_argument("--school", metavar="ID", help=_("the school, needed only when the database holds several"))
    p.set_defaults(handler=courses_due)
    p = commands.add_parser("course-period", help=_("show or set the school's period between courses, in years"))
    p.add_argument("years", nargs="?", type=int, help=_("the new period, in years"))
    p.add_argument("--school", metavar="ID", help=_("the school, needed only when the database holds several"))
    p.set_defaults(handler=course_period)


def attestation(args: argparse.Namespace, database: str) -> int:
    from desktop_app.domain.labels import CATEGORY_LABELS
    from desktop_app.domain.staff_labels import RESULT_LABELS

    with opened(database) as services:
        school = pick_school(services, args.school)
        if args.out:
            service = services.attestations
            make = service.print_schedule if args.schedule else service.print_list
            printed = make(COMMAND_LINE, school, args.year, args.doc_lang)
            target = Path(args.out)
            write_atomically(target, printed.data)
            print(_("{file}: {record}, verification code {code}").format(
                file=target, record=printed.check.record, code=printed.check.code))
            return EXIT_OK
        records = services.attestations.list(COMMAND_LINE, school, args.year)
        teachers = services.teachers.list_teachers(COMMAND_LINE, school, include_archived=True)
        names = {t.id: t.full_name for t in teachers}
    for record in records:
        result = _(RESULT_LABELS[record.result]) if record.result else "—"
        order = f"{record.order_number} {record.order_date:%d.%m.%Y}" if record.order_date else ""
        print(f"{record.id}\t{names.get(record.teacher, record.teacher)}\t"
              f"{_(CATEGORY_LABELS[record.current_category])}\t{_(CATEGORY_LABELS[record.sought_category])}\t"
              f"{result}\t{order}".rstrip())
    return EXIT_OK


def courses_due(args: argparse.Namespace, database: str) -> int:
    from desktop_app.domain.staff_labels import COURSE_NEED_LABELS

    with opened(database) as services:
        school = pick_school(services, args.school)
        summary = services.courses.needs(COMMAND_LINE, school, args.year)
    language = i18n.current_language()
    for body in summary:
        for need in body.teachers:
            last = f"{need.last_end:%d.%m.%Y}" if need.last_end else "—"
            due = f"{need.due:%d.%m.%Y}" if need.due else "—"
            print(f"{body.body.name.get(language)}\t{need.teacher.full_name}\t{last}\t{due}\t"
                  f"{_(COURSE_NEED_LABELS[need.need])}")
    return EXIT_OK


def course_period(args: argparse.Namespace, database: str) -> int:
    with opened(database) as services:
        school = pick_school(services, args.school)
        years = (services.courses.period(COMMAND_LINE, school) if args.years is None
                 else services.courses.set_period(COMMAND_LINE, school, args.years))
    print(years)
    return EXIT_OK
