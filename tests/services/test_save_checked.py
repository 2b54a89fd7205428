"""Assign an id, check, save, audit: written once (``Service._save_checked``) for meetings, lesson
visits and mentorships. A new record gets its id and a ``.create`` entry, an edit an ``.update``
entry on the same id, and a record that breaks a rule is refused before anything is written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from desktop_app.domain.errors import Rule
from tests.services.conftest import SCHOOL, Env, meeting, mentorship, visit

#: service, a valid new record, the same record broken, the rule that refuses it, the audit action,
#: the record kind, the id's prefix.
CASES: dict[str, tuple[str, Callable[[], Any], Callable[[], Any], Rule, str, str, str]] = {
    "meeting": ("meetings", lambda: meeting(), lambda: meeting(chair="t-11"), Rule.MEETING_ATTENDANCE,
                "meeting", "meeting", "m-mo-math-26"),
    "visit": ("visits", lambda: visit(), lambda: visit(teacher="t-404"), Rule.REFERENCE, "visit", "lesson_visit",
              "v"),
    "mentorship": ("mentoring", lambda: mentorship(), lambda: mentorship("t-01", "t-01"), Rule.MENTORSHIP,
                   "mentorship", "mentorship", "ment"),
}


def _audit(env: Env) -> list[tuple[str, str, str | None, str]]:
    with env.s.db.transaction() as store:
        return [(e.action, e.actor, e.record_kind, e.record_id) for e in store.audit_events()]


@pytest.mark.parametrize("case", list(CASES))
def test_a_new_record_gets_an_id_and_a_create_entry_an_edit_an_update_entry(env: Env, case: str) -> None:
    service_name, new, _broken, _rule, action, kind, prefix = CASES[case]
    admin = env.actor("admin")
    service = getattr(env.s, service_name)
    before = _audit(env)
    saved = service.save(admin, SCHOOL, new())
    assert saved.id.startswith(prefix)
    assert _audit(env)[len(before):] == [(f"{action}.create", admin.login, kind, saved.id)]
    edited = service.save(admin, SCHOOL, saved)
    assert edited.id == saved.id
    assert _audit(env)[len(before):] == [(f"{action}.create", admin.login, kind, saved.id),
                                         (f"{action}.update", admin.login, kind, saved.id)]


@pytest.mark.parametrize("case", list(CASES))
def test_a_record_that_breaks_a_rule_is_refused_and_nothing_is_written(env: Env, case: str) -> None:
    service_name, new, broken, rule, *_rest = CASES[case]
    admin = env.actor("admin")
    service = getattr(env.s, service_name)
    env.refused(lambda: service.save(admin, SCHOOL, broken()), rule, check_field=False)
    saved = service.save(admin, SCHOOL, new())
    env.refused(lambda: service.save(admin, SCHOOL, replace(broken(), id=saved.id)), rule, check_field=False)
