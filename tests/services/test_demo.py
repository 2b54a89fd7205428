"""The demo school: fills an empty database only, with accounts that sign in."""

from __future__ import annotations

import pytest

from desktop_app.domain.accounts import Role
from desktop_app.domain.errors import DomainError, Rule
from desktop_app.services import Services
from desktop_app.services.demo import DEMO_ACCOUNTS, load_demo
from tests.services.conftest import Env


def test_demo_fills_an_empty_database_with_accounts_that_sign_in(empty: Services) -> None:
    school, accounts = load_demo(empty)
    assert accounts == DEMO_ACCOUNTS
    for account in accounts:
        actor = empty.accounts.authenticate(account.login, account.password)
        assert (actor.role, actor.school, actor.teacher) == (account.role, school, account.teacher)
    admin = empty.accounts.authenticate(accounts[0].login, accounts[0].password)
    assert len(empty.accounts.list_users(admin)) == len(accounts)
    assert empty.checks.check(admin).ok


def test_demo_refuses_a_database_that_holds_data(env: Env) -> None:
    env.refused(lambda: load_demo(env.s), Rule.VALUE)


def test_demo_refuses_a_database_with_accounts_only(empty: Services) -> None:
    empty.accounts.create_user(None, "boss", "long-enough-1", Role.ADMINISTRATOR)
    with pytest.raises(DomainError) as caught:
        load_demo(empty)
    assert caught.value.rule is Rule.VALUE
    with empty.db.transaction() as store:
        assert store.school_ids() == []
