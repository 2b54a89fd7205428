"""The check of a school: rule and calendar findings of the sample, a plan status without its record."""

from __future__ import annotations

from desktop_app.domain.entities import PlanStatus
from desktop_app.domain.errors import Rule
from tests.services.conftest import SCHOOL, Env


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
    # an agreed plan without the deputy's agreement: school practice, named without a paragraph
    assert {e.error.rule for e in report.schools[0].errors} == {Rule.PLAN_RECORD, Rule.AGREEMENT}
