"""The login and password rules live once (domain/accounts.py): the live hint and the refusal agree."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.accounts import (
    MIN_PASSWORD_LENGTH,
    check_login_and_password,
    login_is_valid,
    password_shortfall,
)
from desktop_app.domain.errors import DomainError


@given(st.text(max_size=3 * MIN_PASSWORD_LENGTH))
def test_the_shortfall_counts_down_to_the_refusal(password: str) -> None:
    lacking = password_shortfall(password)
    assert lacking == max(0, MIN_PASSWORD_LENGTH - len(password))
    if lacking:
        with pytest.raises(DomainError) as refused:
            check_login_and_password("zavuch", password)
        assert refused.value.field == "password"
    else:
        check_login_and_password("zavuch", password)


@given(st.text(max_size=70))
def test_the_login_hint_and_the_refusal_agree(login: str) -> None:
    if login_is_valid(login):
        check_login_and_password(login, "x" * MIN_PASSWORD_LENGTH)
    else:
        with pytest.raises(DomainError) as refused:
            check_login_and_password(login, "x" * MIN_PASSWORD_LENGTH)
        assert refused.value.field == "login"
