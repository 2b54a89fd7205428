"""The `metodsovet` command (cli.md): each command calls a service, prints, and exits 0, 1 or 2."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from desktop_app import i18n, server_commands
from desktop_app.domain.accounts import Role
from desktop_app.domain.errors import DomainError
from desktop_app.i18n import N_, _
from desktop_app.paths import default_database, log_dir

log = logging.getLogger("desktop_app.cli")

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

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


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="metodsovet", description=_("Methodical work of the school (Order No. 253)."))
    parser.add_argument("--db", help=_("SQLite file or SQLAlchemy URL (default: METODSOVET_DB or the "
                                       "user's data folder)"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=_("language of messages and of the window"))
    parser.add_argument("--self-test", action="store_true",
                        help=_("check the installation without a window and exit"))
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    commands.add_parser("demo", help=_("fill an empty database with the demo school"))
    p = commands.add_parser("import", help=_("import an exchange document"))
    p.add_argument("file")
    p.add_argument("--replace", action="store_true", help=_("replace the school if it exists"))
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
    p = commands.add_parser("export", help=_("export one school as an exchange document"))
    p.add_argument("file")
    p.add_argument("--school")
    for name, extra in (("protocol", []), ("extract", ["item"]), ("plan", []), ("workplan", []),
                        ("register", []), ("mentorship", []), ("observation", [])):
        p = commands.add_parser(name, help=_(DOCUMENT_HELP[name][0]), description=_(DOCUMENT_HELP[name][0]))
        p.add_argument("record", help=_(DOCUMENT_HELP[name][1]))
        for arg in extra:
            p.add_argument(arg, type=int, help=_("number of the agenda item"))
        p.add_argument("--out", required=True, help=_("the PDF file to write"))
        p.add_argument("--lang", dest="doc_lang", choices=i18n.LANGUAGES,
                       help=_("language of the document (default: the record's, else the user's)"))
        p.add_argument("--school", help=_("the school's id, when the database holds several"))
    p = commands.add_parser("schedule", help=_("print the schedule of open lessons and mutual visits of one "
                                               "term (PDF)"))
    p.add_argument("--year", required=True, metavar="ID", help=_("the academic year's id, e.g. 2026-2027"))
    p.add_argument("--term", required=True, type=int, metavar="N", help=_("the term's number, 1 to 4"))
    p.add_argument("--out", required=True, metavar="FILE.pdf", help=_("the PDF file to write"))
    p.add_argument("--lang", dest="doc_lang", choices=i18n.LANGUAGES,
                   help=_("the document's language (default: the language of the messages)"))
    p.add_argument("--school", metavar="ID", help=_("the school, needed only when the database holds several"))
    p = commands.add_parser("verify", help=_("tell whether a printed verification code matches a current record"))
    p.add_argument("code")
    p.add_argument("--school")
    p = commands.add_parser("check", help=_("check the database and report rule and calendar findings"))
    p.add_argument("--school")
    p = commands.add_parser("backup", help=_("make a verified backup"))
    p.add_argument("--to")
    users = commands.add_parser("user", help=_("accounts"))
    user_commands = users.add_subparsers(dest="user_command", required=True, parser_class=_Parser)
    p = user_commands.add_parser("add", help=_("create an account; the password is read from standard input"))
    p.add_argument("login")
    p.add_argument("--role", required=True, choices=[r.value for r in Role])
    p.add_argument("--teacher")
    p.add_argument("--school")
    server_commands.add_parsers(commands, _Parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    args = build_parser().parse_args(argv)
    language = args.lang or os.environ.get("METODSOVET_LANG") or i18n.DEFAULT_LANGUAGE
    if language in i18n.LANGUAGES:
        i18n.set_language(language)
    database = args.db or default_database()
    if args.self_test:
        from desktop_app.selftest import run

        return run()
    if args.command is None:
        from desktop_app.app import run_window  # the window only when asked for: no Qt for scripts

        return run_window(database, args.lang)
    from desktop_app.cli_commands import run_command

    try:
        if args.command in server_commands.COMMANDS:
            return server_commands.run(args, database)
        return run_command(args, database)
    except DomainError as error:
        _fail(_describe(error))
        return EXIT_REFUSED
    except Exception as error:  # a bug: one line for the user, the traceback to the log
        from desktop_app.services import StorageError
        from desktop_app.services.exchange.codec import ExchangeError

        if isinstance(error, ExchangeError):
            for problem in error.problems:
                _fail(problem.render(_))
            return EXIT_REFUSED
        if isinstance(error, StorageError):
            _fail(error.render(_))
            return EXIT_REFUSED
        path = _log_exception()
        _fail(_("Internal error: {error} (details in {log})").format(error=error, log=path))
        return EXIT_REFUSED


def _describe(error: DomainError) -> str:
    """One line as cli.md asks: the record, the rule (paragraph of the Rules), the message."""
    from desktop_app.services.exchange.codec import rule_label

    where = f"{error.record}: " if error.record else ""
    if error.field and error.record:
        where = f"{error.record}.{error.field}: "
    return f"{where}{rule_label(error.rule, _)} — {error.render(_)}"


def _fail(line: str) -> None:
    print(line, file=sys.stderr)


def _log_exception() -> Path:
    path = log_dir() / "metodsovet-cli.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    log.addHandler(handler)
    log.exception("command failed")
    log.removeHandler(handler)
    handler.close()
    return path


def print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    raise SystemExit(main())
