"""The command line's parser and exit statuses; command groups register here (``COMMAND_GROUPS``)."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn, Protocol, TypeAlias

from desktop_app import i18n
from desktop_app.i18n import N_, _

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

#: The modules of ``desktop_app.cli`` that add commands, in the order ``--help`` lists them. A new
#: group (the server's commands, say) is a module with ``add_commands(commands)`` named here.
COMMAND_GROUPS = ("exchange", "plans", "documents", "maintenance", "accounts", "server", "materials",
                  "events", "staff", "analysis")

#: What runs a command: the parsed arguments and the database's path or URL; returns the exit status.
Handler = Callable[[argparse.Namespace, str], int]
#: Where a group adds its commands (``commands.add_parser(...)``).
Commands: TypeAlias = "argparse._SubParsersAction[Parser]"


class CommandGroup(Protocol):
    def add_commands(self, commands: Commands) -> None: ...


class Parser(argparse.ArgumentParser):
    """Usage errors exit with status 2 after the usage line, as cli.md says."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


class _NotJustOptions(Exception):
    """The quick parse met something only the whole parser knows (a command, --help, a mistake)."""


class _OptionsOnly(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotJustOptions(message)


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line, parsed. Without a command (the window) only the options are read, so that
    the first window does not wait for every command's parser; anything else gets the whole parser,
    its help and its usage errors."""
    quick = _OptionsOnly(prog="metodsovet", add_help=False, exit_on_error=False)
    add_options(quick, helps=False)  # never shown: no catalog is read for it
    try:
        args, rest = quick.parse_known_args(argv)
    except (_NotJustOptions, argparse.ArgumentError):
        rest = ["?"]
    if not rest:
        args.command = None
        return args
    return build_parser().parse_args(argv)


def add_options(parser: argparse.ArgumentParser, helps: bool = True) -> None:
    """The options before the command (cli.md); ``helps`` False leaves out their help texts."""
    def shown(text: str) -> str | None:
        return _(text) if helps else None

    parser.add_argument("--db", help=shown(N_("SQLite file or SQLAlchemy URL (default: METODSOVET_DB or "
                                              "the user's data folder)")))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=shown(N_("language of messages and of the window")))
    parser.add_argument("--self-test", action="store_true",
                        help=shown(N_("check the installation without a window and exit")))


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="metodsovet", description=_("Methodical work of the school (Order No. 253)."))
    add_options(parser)
    commands = parser.add_subparsers(dest="command", parser_class=Parser)
    for name in COMMAND_GROUPS:
        group: CommandGroup = importlib.import_module(f"desktop_app.cli.{name}")
        group.add_commands(commands)
    return parser


def handler_of(args: argparse.Namespace) -> Handler:
    """The handler a group set for the parsed command (``parser.set_defaults(handler=...)``)."""
    handler: Handler = args.handler
    return handler
