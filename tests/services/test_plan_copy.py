"""PlanService.copy_sources / copy_rows: a new KTP started from last year's plan or a colleague's."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.domain.entities import PlanStatus
from desktop_app.domain.errors import Rule

from .conftest import SCHOOL, Env, plan


def _last_years_plan(env: Env) -> str:
    """An informatics plan of grade 7 written a year earlier by the teacher of the sample's KTP."""
    source = env.s.plans.get(env.actor("admin"), SCHOOL, "ktp-inf7-26")
    older = replace(source, id="", academic_year="2025-2026", status=PlanStatus.DRAFT, review=None,
                    agreed=None, approved=None,
                    rows=[replace(r, date=None, topic=f"{r.topic} (2025)") for r in source.rows[:3]])
    return env.s.plans.save(env.actor("admin"), SCHOOL, older).id


def test_sources_list_the_subjects_plans_of_every_year_and_teacher_newest_first(env: Env) -> None:
    older = _last_years_plan(env)
    colleague = env.s.plans.save(env.actor("admin"), SCHOOL, plan("t-dep", "informatics", grade=7)).id
    other_grade = env.s.plans.save(env.actor("admin"), SCHOOL, plan("t-dep", "informatics", grade=9)).id
    teacher2 = env.actor("teacher2")  # Қасымов teaches algebra, yet may copy an informatics plan
    sources = env.s.plans.copy_sources(teacher2, SCHOOL, "informatics", 7)
    ids = [p.id for p in sources]
    assert set(ids) == {"ktp-inf7-26", colleague, older}
    assert ids[-1] == older  # 2025-2026 after the plans of 2026-2027
    every_grade = [p.id for p in env.s.plans.copy_sources(teacher2, SCHOOL, "informatics")]
    assert other_grade in every_grade and len(every_grade) == 4
    assert env.s.plans.copy_sources(teacher2, SCHOOL, "algebra", 7) == []


def test_copied_rows_are_renumbered_without_dates_and_the_source_is_unchanged(env: Env) -> None:
    teacher = env.actor("teacher2")
    before = env.snapshot()
    rows = env.s.plans.copy_rows(teacher, SCHOOL, "ktp-inf7-26")
    assert env.snapshot() == before
    source = env.s.plans.get(env.actor("admin"), SCHOOL, "ktp-inf7-26")
    assert len(rows) == len(source.rows) == 33
    assert [r.number for r in rows] == list(range(1, 34))
    assert all(r.date is None for r in rows)
    assert [(r.topic, r.term, r.section, r.hours, r.objectives) for r in rows] == \
        [(r.topic, r.term, r.section, r.hours, r.objectives) for r in source.rows]
    rows[0].objectives.append("changed")
    assert env.s.plans.get(env.actor("admin"), SCHOOL, "ktp-inf7-26").rows[0].objectives == ["7.1.1.1"]
    copied = env.s.plans.save(teacher, SCHOOL, replace(plan("t-02", "informatics", grade=7), rows=rows))
    assert copied.status is PlanStatus.DRAFT and len(copied.rows) == 33


def test_a_viewer_may_not_copy(env: Env) -> None:
    viewer = env.actor("viewer")
    env.denied(lambda: env.s.plans.copy_sources(viewer, SCHOOL, "informatics", 7))
    env.denied(lambda: env.s.plans.copy_rows(viewer, SCHOOL, "ktp-inf7-26"))


def test_copying_from_another_school_is_refused(env: Env) -> None:
    teacher = env.actor("teacher")
    env.denied(lambda: env.s.plans.copy_sources(teacher, "school-other", "informatics", 7))
    env.denied(lambda: env.s.plans.copy_rows(teacher, "school-other", "ktp-inf7-26"))


def test_an_unknown_plan_or_subject_is_named(env: Env) -> None:
    teacher = env.actor("teacher")
    error = env.refused(lambda: env.s.plans.copy_rows(teacher, SCHOOL, "ktp-none"), Rule.REFERENCE,
                        record="ktp-none", check_field=False)
    assert error.params["id"] == "ktp-none"
    env.refused(lambda: env.s.plans.copy_sources(teacher, SCHOOL, "astronomy", 7), Rule.REFERENCE,
                record="astronomy", check_field=False)


def test_a_plan_without_rows_is_no_source(env: Env) -> None:
    admin = env.actor("admin")
    empty = env.s.plans.save(admin, SCHOOL, replace(plan("t-dep", "informatics", grade=7), rows=[])).id
    assert empty not in [p.id for p in env.s.plans.copy_sources(admin, SCHOOL, "informatics", 7)]
    env.refused(lambda: env.s.plans.copy_rows(env.actor("teacher"), SCHOOL, empty), Rule.VALUE,
                record=empty, field="rows")
