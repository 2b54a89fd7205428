"""The entry point of `metodsovet` (cli.md): each command calls a service, prints, and exits 0, 1 or 2."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app import i18n
from desktop_app.cli.arguments import EXIT_REFUSED, handler_of, parse_arguments
from desktop_app.config.paths import default_database, log_dir
from desktop_app.i18n import _

if TYPE_CHECKING:  # imported where a command runs: the window's start does without it
    from desktop_app.domain.errors import DomainError

log = logging.getLogger("desktop_app.cli")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    args = parse_arguments(argv)
    language = args.lang or os.environ.get("METODSOVET_LANG") or i18n.DEFAULT_LANGUAGE
    if language in i18n.LANGUAGES:
        i18n.set_language(language)
    database = args.db or default_database()
    if args.self_test:
        from desktop_app.cli.selftest import run

        return run()
    if args.command is None:
        from desktop_app.app import run_window  # the window only when asked for: no Qt for scripts

        return run_window(database, args.lang)
    from desktop_app.domain.errors import DomainError

    try:
        return handler_of(args)(args, database)
    except DomainError as error:
        _fail(_describe(error))
        return EXIT_REFUSED
    except Exception as error:  # a bug: one line for the user, the traceback to the log
        from desktop_app.services import StorageError
        from desktop_app.services.exchange import ExchangeError

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
    from desktop_app.domain.errors import rule_label

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


if __name__ == "__main__":
    raise SystemExit(main())
