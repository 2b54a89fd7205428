"""Associations copied to a new academic year: members and officers, not the work plan."""

from __future__ import annotations

from desktop_app.domain.errors import Rule
from tests.services.conftest import SCHOOL, Env, d, year_2027


def test_copy_to_year_copies_members_and_officers_without_the_work_plan(env: Env) -> None:
    admin = env.actor("admin")
    env.s.schools.save_year(admin, SCHOOL, year_2027())
    created = env.s.associations.copy_to_year(admin, SCHOOL, "2026-2027", "2027-2028")
    source = env.s.associations.get(admin, SCHOOL, "mo-math-26")
    copied = {a.id: a for a in env.s.associations.list(admin, SCHOOL, "2027-2028")}
    assert {a.id for a in created} == set(copied)
    math = next(a for a in copied.values() if a.id.startswith("mo-math-26"))
    assert math.academic_year == "2027-2028"
    assert (math.head, math.secretary, math.subjects, math.kind) == \
        (source.head, source.secretary, source.subjects, source.kind)
    assert math.member_ids() == source.member_ids()
    assert all((m.since, m.until) == (d("2027-08-01"), None) for m in math.members)
    assert math.work_plan is None and source.work_plan is not None
    # The source year is untouched.
    assert env.s.associations.get(admin, SCHOOL, "mo-math-26") == source
    assert len(env.s.associations.list(admin, SCHOOL, "2026-2027")) == 4


def test_copy_to_year_skips_what_no_longer_holds(env: Env) -> None:
    admin = env.actor("admin")
    env.s.schools.save_year(admin, SCHOOL, year_2027())
    env.s.teachers.archive(admin, SCHOOL, "t-06")  # mo-kaz-26 keeps two teachers: rule 1
    created = {a.id for a in env.s.associations.copy_to_year(admin, SCHOOL, "2026-2027", "2027-2028")}
    assert not any(a.startswith("mo-kaz-26") for a in created)
    assert any(a.startswith("mo-math-26") for a in created)


def test_copy_to_a_missing_year_is_refused(env: Env) -> None:
    env.refused(lambda: env.s.associations.copy_to_year(env.actor("admin"), SCHOOL, "2026-2027", "2030-2031"),
                Rule.REFERENCE, "2030-2031", None, check_field=False)
