"""The audit trail, teachers, copying associations to a new year, calendar presets, checks, the demo."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop_app.domain.accounts import COMMAND_LINE, Role
from desktop_app.domain.entities import PlanStatus, ReviewOutcome
from desktop_app.domain.errors import DomainError, Rule
from desktop_app.services import Services
from desktop_app.services.demo import DEMO_ACCOUNTS, load_demo
from desktop_app.services.schools import load_presets
from tests.services.conftest import SCHOOL, Env, d, plan, teacher, year_2027

# ---------------------------------------------------------------------------------------------
# Audit trail
# ---------------------------------------------------------------------------------------------


def _audit(env: Env) -> list[tuple[str, str, str]]:
    with env.s.db.transaction() as store:
        return [(e.action, e.actor, e.record_id) for e in store.audit_events()]


def test_each_change_adds_an_audit_event(env: Env) -> None:
    admin, teacher_, head = env.actor("admin"), env.actor("teacher"), env.actor("head")
    before = _audit(env)
    assert before[0][0] == "school.import"
    created = env.s.teachers.save(admin, SCHOOL, teacher())
    env.s.associations.add_member(head, SCHOOL, "mo-math-26", created.id)
    new_plan = env.s.plans.save(teacher_, SCHOOL, plan())
    env.submit(teacher_, new_plan.id)
    env.s.plans.consider(head, SCHOOL, new_plan.id, "m-math-26-2", 1, ReviewOutcome.RECOMMENDED)
    env.s.meetings.finalize(head, SCHOOL, "m-math-26-2")
    added = _audit(env)[len(before):]
    assert added == [
        ("teacher.create", admin.login, created.id),
        ("association.member_add", head.login, "mo-math-26"),
        ("plan.create", teacher_.login, new_plan.id),
        ("plan.submit", teacher_.login, new_plan.id),
        ("plan.consider", head.login, new_plan.id),
        ("meeting.finalized", head.login, "m-math-26-2"),
    ]


def test_a_refusal_adds_no_audit_event(env: Env) -> None:
    before = _audit(env)
    with pytest.raises(DomainError):
        env.s.teachers.archive(env.actor("teacher"), SCHOOL, "t-11")
    with pytest.raises(DomainError):
        env.s.plans.save(env.actor("teacher"), SCHOOL, env.s.plans.get(COMMAND_LINE, SCHOOL, "ktp-inf7-26"))
    assert _audit(env) == before


def test_audit_chain_verifies(env: Env) -> None:
    env.s.teachers.archive(env.actor("admin"), SCHOOL, "t-11")
    report = env.s.checks.check(env.actor("admin"))
    assert report.audit_breaks == [] and report.integrity == [] and report.ok


def test_tampering_with_a_stored_event_is_reported(env: Env) -> None:
    env.s.teachers.archive(env.actor("admin"), SCHOOL, "t-11")
    env.s.teachers.archive(env.actor("admin"), SCHOOL, "t-10")
    target = env.sql("SELECT id FROM audit_events WHERE action = 'teacher.archive' ORDER BY id LIMIT 1")[0][0]
    assert env.sql("UPDATE audit_events SET summary = 'nobody' WHERE id = :id", id=target) == [(1,)]
    report = env.s.checks.check(env.actor("admin"))
    assert not report.ok
    assert len(report.audit_breaks) == 1
    assert "teacher.archive t-11" in report.audit_breaks[0]


def test_deleting_a_stored_event_is_reported(env: Env) -> None:
    env.s.teachers.archive(env.actor("admin"), SCHOOL, "t-11")
    env.s.teachers.archive(env.actor("admin"), SCHOOL, "t-10")
    env.sql("DELETE FROM audit_events WHERE action = 'teacher.archive' AND record_id = 't-11'")
    report = env.s.checks.check(env.actor("admin"))
    assert any("teacher.archive t-10" in b for b in report.audit_breaks)


def test_reordering_stored_events_is_reported(env: Env) -> None:
    env.s.teachers.archive(env.actor("admin"), SCHOOL, "t-11")
    env.s.teachers.archive(env.actor("admin"), SCHOOL, "t-10")
    first, second = [row[0] for row in env.sql(
        "SELECT id FROM audit_events WHERE action = 'teacher.archive' ORDER BY id")]
    env.sql("UPDATE audit_events SET id = -1 WHERE id = :id", id=first)
    env.sql("UPDATE audit_events SET id = :new WHERE id = :old", new=first, old=second)
    env.sql("UPDATE audit_events SET id = :new WHERE id = -1", new=second)
    report = env.s.checks.check(env.actor("admin"))
    assert not report.ok and report.audit_breaks


# ---------------------------------------------------------------------------------------------
# Teachers
# ---------------------------------------------------------------------------------------------


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
    # Protocols and associations still name the teacher.
    assert env.s.associations.get(admin, SCHOOL, "mo-prim-26").is_member("t-11")
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


# ---------------------------------------------------------------------------------------------
# Associations: copy to a new year
# ---------------------------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------------
# Academic years and presets
# ---------------------------------------------------------------------------------------------


def test_preset_of_an_existing_year_is_refused_as_a_duplicate(env: Env) -> None:
    env.refused(lambda: env.s.schools.create_year_from_preset(env.actor("admin"), SCHOOL, "2025-2026"),
                Rule.UNIQUE_ID, "2025-2026", None)


def test_unknown_preset_is_refused(env: Env) -> None:
    env.refused(lambda: env.s.schools.create_year_from_preset(env.actor("admin"), SCHOOL, "1999-2000"),
                Rule.REFERENCE, "1999-2000", None)


def test_presets_mark_2026_2027_as_not_official() -> None:
    presets = {p.year.id: p for p in load_presets()}
    assert presets["2025-2026"].official is True
    assert presets["2026-2027"].official is False
    assert presets["2026-2027"].status.startswith("draft")
    assert presets["2026-2027"].year.window == (d("2026-08-01"), d("2027-07-31"))


def test_year_with_a_term_outside_is_refused(env: Env) -> None:
    year = year_2027()
    broken = replace(year, terms=[*year.terms[:3], replace(year.terms[3], end=d("2028-06-30"))])
    env.refused(lambda: env.s.schools.save_year(env.actor("admin"), SCHOOL, broken), Rule.VALUE, "2027-2028",
                "terms")


# ---------------------------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------------------------


def test_check_of_the_sample_gives_no_errors_and_two_hours_warnings(env: Env) -> None:
    report = env.s.checks.check(env.actor("director"), SCHOOL)
    assert report.ok and report.integrity == [] and report.audit_breaks == []
    (school,) = report.schools
    assert school.errors == []
    assert sorted(w.record for w in school.warnings) == ["ktp-alg8-26", "ktp-inf7-26"]
    assert all(w.error.rule is Rule.PLAN_CALENDAR and "hours" in w.error.message for w in school.warnings)


def test_check_finds_a_plan_whose_status_is_not_backed_by_its_record(env: Env) -> None:
    with env.s.db.transaction(write=True) as store:
        record = store.get_plan(SCHOOL, "ktp-alg8-26")
        assert record is not None
        record.status = PlanStatus.AGREED
        store.save_plan(SCHOOL, record)
    report = env.s.checks.check(env.actor("admin"), SCHOOL)
    assert not report.ok
    assert {e.error.rule for e in report.schools[0].errors} == {Rule.PLAN_RECORD}


# ---------------------------------------------------------------------------------------------
# The demo
# ---------------------------------------------------------------------------------------------


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
