"""Printing a protocol reads one meeting and what its pages name, and prints the same bytes as
the whole school would give (issue 16: the speed of `metodsovet protocol`)."""

from __future__ import annotations

import pytest

from desktop_app.documents.common import DocumentContext
from desktop_app.documents.protocol import build_protocol
from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.domain.errors import Rule
from desktop_app.storage.store import Store

from .conftest import SCHOOL, Env


def test_every_protocol_prints_as_from_the_whole_school(env: Env, monkeypatch: pytest.MonkeyPatch) -> None:
    with env.s.db.transaction() as store:
        records = store.load_records(SCHOOL)
    whole = DocumentContext.from_records(records)
    reviewed = [m for m in records.meetings if any(item.plans for item in m.agenda)]
    assert reviewed, "the sample school has a meeting that reviews plans"

    def whole_school(self: Store, school: str) -> object:
        raise AssertionError("printing one protocol loaded the whole school")

    monkeypatch.setattr(Store, "load_records", whole_school)
    for meeting in records.meetings:
        for language in ("kk", "ru"):
            printed = env.s.documents.protocol(COMMAND_LINE, SCHOOL, meeting.id, language)
            assert printed.data == build_protocol(meeting, whole, language, printed.check), meeting.id


def test_an_unknown_meeting_is_refused_by_name(env: Env) -> None:
    error = env.refused(lambda: env.s.documents.protocol(COMMAND_LINE, SCHOOL, "m-none"), Rule.REFERENCE,
                        record="m-none", check_field=False)
    assert error.kind == "meeting"
