"""Teachers: search in Kazakh and Russian, archive, new ids and clean names, refusals."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.domain.errors import Rule
from tests.services.conftest import SCHOOL, Env, teacher


@pytest.mark.parametrize("text", ["ӘБЕН", "әбен", "Әбенова", "  әбенова гүлнар "])
def test_search_finds_kazakh_names_in_any_case(env: Env, text: str) -> None:
    found = env.s.teachers.search(env.actor("teacher"), SCHOOL, text)
    assert [t.id for t in found] == ["t-01"]


def test_search_in_russian_and_empty(env: Env) -> None:
    assert [t.id for t in env.s.teachers.search(env.actor("viewer"), SCHOOL, "иван")] == ["t-03"]
    assert len(env.s.teachers.search(env.actor("viewer"), SCHOOL, "")) == 13


def test_archive_keeps_the_teacher_but_hides_from_the_list(env: Env) -> None:
    admin = env.actor("admin")
    archived = env.s.teachers.archive(admin, SCHOOL, "t-11")
    assert archived.active is False
    assert "t-11" not in {t.id for t in env.s.teachers.list_teachers(admin, SCHOOL)}
    assert "t-11" in {t.id for t in env.s.teachers.list_teachers(admin, SCHOOL, include_archived=True)}
    assert env.s.teachers.get(admin, SCHOOL, "t-11").last_name == "Ержанова"
    # Protocols and associations still name the teacher; so do the lists' short names, read in SQL.
    assert env.s.associations.get(admin, SCHOOL, "mo-prim-26").is_member("t-11")
    every = env.s.teachers.list_teachers(admin, SCHOOL, include_archived=True)
    assert env.s.teachers.short_names(env.actor("teacher"), SCHOOL) == {t.id: t.short_name for t in every}
    restored = env.s.teachers.archive(admin, SCHOOL, "t-11", active=True)
    assert restored.active and "t-11" in {t.id for t in env.s.teachers.list_teachers(admin, SCHOOL)}


def test_new_teacher_gets_the_next_id_and_clean_names(env: Env) -> None:
    created = env.s.teachers.save(env.actor("admin"), SCHOOL, teacher("  Сейітова ", " Ару "))
    assert created.id.startswith("t-") and created.id not in {f"t-{n:02d}" for n in range(1, 12)}
    stored = env.s.teachers.get(COMMAND_LINE, SCHOOL, created.id)
    assert (stored.last_name, stored.first_name) == ("Сейітова", "Ару")


def test_teacher_without_a_name_or_with_an_unknown_subject_is_refused(env: Env) -> None:
    env.refused(lambda: env.s.teachers.save(env.actor("admin"), SCHOOL, teacher(" ", "Ару")),
                Rule.VALUE, None, "last_name")
    env.refused(lambda: env.s.teachers.save(env.actor("admin"), SCHOOL,
                                            replace(teacher(teacher_id="t-50"), subjects=["chemistry"])),
                Rule.REFERENCE, "chemistry", None)
