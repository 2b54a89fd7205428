"""Saving an association that ends a membership checks rule 1 on the day after, as end_membership does."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop_app.domain.errors import Rule
from tests.services.conftest import SCHOOL, Env


def test_a_save_that_ends_a_membership_below_three_is_refused(env: Env) -> None:
    admin = env.actor("admin")
    body = env.s.associations.get(admin, SCHOOL, "mo-kaz-26")
    assert len(body.members) == 3
    leaving = next(m for m in body.members if m.teacher not in (body.head, body.secretary))
    members = [replace(m, until=date(2026, 12, 31)) if m is leaving else m for m in body.members]
    env.refused(lambda: env.s.associations.save(admin, SCHOOL, replace(body, members=members)),
                Rule.ASSOCIATION_COMPOSITION, "mo-kaz-26", "members")


def test_an_unchanged_past_ending_does_not_block_other_edits(env: Env) -> None:
    admin = env.actor("admin")
    body = env.s.associations.get(admin, SCHOOL, "mo-math-26")
    leaving = next(m for m in body.members if m.teacher not in (body.head, body.secretary))
    env.s.associations.end_membership(admin, SCHOOL, "mo-math-26", leaving.teacher, date(2026, 12, 31))
    body = env.s.associations.get(admin, SCHOOL, "mo-math-26")
    saved = env.s.associations.save(admin, SCHOOL, replace(body, name=replace(body.name, ru="МО математики")))
    assert saved.name.ru == "МО математики"
