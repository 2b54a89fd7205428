"""The demo school: the sample school of both languages and one account per role."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.config.paths import resources_dir
from desktop_app.domain.accounts import COMMAND_LINE, Role
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.services import Services

DEMO_FILE = "demo-school.json"


@dataclass(frozen=True)
class DemoAccount:
    login: str
    password: str
    role: Role
    teacher: str | None


#: Passwords are printed by `metodsovet demo`; they are for trying the program, not for real data.
DEMO_ACCOUNTS = (
    DemoAccount("zavuch", "zavuch-demo", Role.ADMINISTRATOR, "t-dep"),
    DemoAccount("director", "director-demo", Role.DIRECTOR, "t-dir"),
    DemoAccount("abenova", "abenova-demo", Role.HEAD, "t-01"),
    DemoAccount("kim", "kim-demo-1", Role.TEACHER, "t-05"),
    DemoAccount("raiono", "raiono-demo", Role.VIEWER, None),
)


def load_demo(services: Services) -> tuple[str, tuple[DemoAccount, ...]]:
    """Fill an empty database; a database that holds anything is refused, never mixed."""
    with services.db.transaction() as store:
        if store.school_ids() or store.count_users():
            raise DomainError(Rule.VALUE, N_("The database already holds data; the demo needs an "
                                             "empty database"))
    data = (resources_dir() / DEMO_FILE).read_bytes()
    summary = services.exchange.import_document(COMMAND_LINE, data)
    first, *rest = DEMO_ACCOUNTS
    admin = services.accounts.create_user(None, first.login, first.password, first.role,
                                          summary.school, first.teacher)
    acting = admin.actor()
    for account in rest:
        services.accounts.create_user(acting, account.login, account.password, account.role,
                                      summary.school, account.teacher)
    return summary.school, DEMO_ACCOUNTS
