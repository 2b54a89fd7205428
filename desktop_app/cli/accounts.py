"""Accounts from the command line: `user add` (the password from standard input)."""

from __future__ import annotations

import argparse
import sys

from desktop_app.cli.arguments import EXIT_OK, Commands, Parser
from desktop_app.cli.common import opened, pick_school
from desktop_app.domain.accounts import COMMAND_LINE, ROLE_LABELS, Role
from desktop_app.i18n import _


def add_commands(commands: Commands) -> None:
    users = commands.add_parser("user", help=_("accounts"))
    user_commands = users.add_subparsers(dest="user_command", required=True, parser_class=Parser)
    p = user_commands.add_parser("add", help=_("create an account; the password is read from standard input"))
    p.add_argument("login")
    p.add_argument("--role", required=True, choices=[r.value for r in Role])
    p.add_argument("--teacher")
    p.add_argument("--school")
    p.set_defaults(handler=user_add)


def user_add(args: argparse.Namespace, database: str) -> int:
    password = sys.stdin.readline().rstrip("\r\n")
    with opened(database) as services:
        school = args.school
        if args.teacher is not None or school is not None:
            school = pick_school(services, school)
        user = services.accounts.create_user(COMMAND_LINE, args.login, password, Role(args.role),
                                             school, args.teacher)
    print(_("Account {login} created ({role})").format(login=user.login, role=_(ROLE_LABELS[user.role])))
    return EXIT_OK
