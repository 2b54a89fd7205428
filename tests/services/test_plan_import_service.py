"""PlanService.import_plan: a KTP read from a file becomes a draft in one transaction."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.calendar import fill_dates
from desktop_app.domain.entities import CalendarPlan, Language, PlanRow, PlanStatus
from desktop_app.domain.errors import Rule
from desktop_app.services.plan_import import parse_plan

from .conftest import SCHOOL, Env
from .test_plan_import import KK_BODY, KK_HEADER, xlsx


def header(teacher: str = "t-05") -> CalendarPlan:
    return CalendarPlan(id="ignored", teacher=teacher, subject="informatics", academic_year="2026-2027", grade=7,
                        language=Language.KK, hours_per_week=1, classes=["7В"],
                        rows=[PlanRow(99, "ignored", 1)], status=PlanStatus.APPROVED)


def test_a_teacher_imports_their_ktp_from_an_xlsx_as_a_draft(env: Env) -> None:
    teacher = env.actor("teacher")
    parsed = parse_plan("ktp.xlsx", xlsx(KK_HEADER, KK_BODY), 2026)
    assert parsed.importable
    saved = env.s.plans.import_plan(teacher, SCHOOL, header(), parsed.plan_rows())
    assert saved.id and saved.id != "ignored" and saved.status is PlanStatus.DRAFT and saved.version == 1
    stored = env.s.plans.get(teacher, SCHOOL, saved.id)
    assert [(r.number, r.term, r.topic, r.hours, r.date) for r in stored.rows] == [
        (1, 1, "Натурал сандарды оқу", 1.0, date(2026, 9, 2)),
        (2, 1, "Сандарды салыстыру", 1.0, date(2026, 9, 4)),
        (3, 1, "Қосу", 0.5, date(2026, 9, 7)),
        (4, 2, "Жай бөлшектер", 2.0, date(2026, 11, 10)),
    ]
    assert stored.rows[0].objectives == ["5.1.1.1 сандарды оқу", "5.1.1.2 жазу"]
    assert stored.classes == ["7В"] and stored.review is None and stored.approved is None
    history = env.s.plans.history(teacher, SCHOOL, saved.id)
    assert [(e.action, e.actor, e.to_status) for e in history] == [("import", teacher.login, "draft")]
    audit = env.sql("SELECT action FROM audit_events WHERE record_id = :id", id=saved.id)
    assert audit == [("plan.import",)]


def test_imported_rows_are_renumbered_and_can_be_dated_and_submitted(env: Env) -> None:
    teacher = env.actor("teacher")
    rows = [PlanRow(7, " Кіріспе ", 1), PlanRow(7, "Алгоритм", 1), PlanRow(3, "Цикл", 1)]
    saved = env.s.plans.import_plan(teacher, SCHOOL, header(), rows)
    assert [(r.number, r.topic) for r in saved.rows] == [(1, "Кіріспе"), (2, "Алгоритм"), (3, "Цикл")]
    year = env.s.schools.get_year(teacher, SCHOOL, "2026-2027")
    filled, findings = fill_dates(saved, year, {2: 1})
    assert findings == [] and [r.date for r in filled.rows] == [date(2026, 9, 2), date(2026, 9, 9),
                                                                 date(2026, 9, 16)]
    env.s.plans.save(teacher, SCHOOL, filled)
    assert env.submit(teacher, saved.id).status is PlanStatus.SUBMITTED


def test_a_refused_import_writes_nothing(env: Env) -> None:
    teacher = env.actor("teacher")
    env.refused(lambda: env.s.plans.import_plan(teacher, SCHOOL, header(), []), Rule.VALUE, field="rows")
    env.refused(lambda: env.s.plans.import_plan(teacher, SCHOOL, header(), [PlanRow(1, "a", 1), PlanRow(2, " ", 1)]),
                Rule.VALUE, field="rows.2.topic")
    env.refused(lambda: env.s.plans.import_plan(teacher, SCHOOL, header(), [PlanRow(1, "a", 0)]),
                Rule.VALUE, field="rows.1.hours")
    env.denied(lambda: env.s.plans.import_plan(teacher, SCHOOL, header("t-02"), [PlanRow(1, "a", 1)]))
    env.refused(lambda: env.s.plans.import_plan(teacher, SCHOOL,
                                                CalendarPlan(**{**header().__dict__, "subject": "nope"}),
                                                [PlanRow(1, "a", 1)]),
                Rule.REFERENCE, check_field=False)


def test_the_deputy_imports_for_a_teacher(env: Env) -> None:
    saved = env.s.plans.import_plan(env.actor("admin"), SCHOOL, header("t-02"), [PlanRow(1, "a", 1)])
    assert env.s.plans.get(env.actor("teacher2"), SCHOOL, saved.id).teacher == "t-02"
