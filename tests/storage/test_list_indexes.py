"""The queries the window makes for its lists and the Overview read indexes, never a whole table
(EXPLAIN QUERY PLAN on a real SQLite file; migration 0005 made the indexes they need)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from desktop_app.domain.accounts import Actor, Role
from desktop_app.services import Services
from desktop_app.services.demo import load_demo

YEAR = "2026-2027"


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[Services, str, Path]]:
    path = tmp_path / "demo.sqlite3"
    services = Services.open(str(path))
    school, _ = load_demo(services)
    yield services, school, path
    services.close()


def _plans_of(services: Services, path: Path, call: Callable[[], Any]) -> list[tuple[str, list[str]]]:
    """Each SELECT that ``call`` runs, with the lines of its query plan."""
    statements: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(services.db.engine, "before_cursor_execute", capture)
    try:
        call()
    finally:
        event.remove(services.db.engine, "before_cursor_execute", capture)
    with sqlite3.connect(path) as raw:
        return [(statement, [row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters)])
                for statement, parameters in statements]


@pytest.mark.parametrize("role, teacher", [(Role.ADMINISTRATOR, "t-dep"), (Role.HEAD, "t-01"),
                                           (Role.TEACHER, "t-05"), (Role.VIEWER, None)])
def test_the_lists_and_the_overview_search_indexes(demo: tuple[Services, str, Path], role: Role,
                                                   teacher: str | None) -> None:
    services, school, path = demo
    actor = Actor("someone", role, school, teacher)

    def window_lists() -> None:
        services.plans.summaries(actor, school, YEAR)
        services.attention.figures(actor, school, YEAR)
        services.attention.items(actor, school, YEAR, date(2026, 12, 6))
        services.documents.catalog(actor, school, YEAR)

    plans = _plans_of(services, path, window_lists)
    assert len(plans) > 20
    for statement, lines in plans:
        # A scan of a subquery's few grouped rows (or of SQLite's one constant row) reads no table.
        tables = [line for line in lines if line.startswith("SCAN")
                  and not line.startswith(("SCAN anon_", "SCAN (subquery", "SCAN CONSTANT ROW"))]
        assert not tables, (statement, lines)
    used = " ".join(line for _statement, lines in plans for line in lines)
    for index in ("ix_plans_school_id_academic_year_id_status", "ix_lesson_visits_school_id_date",
                  "ix_associations_school_id_academic_year_id", "ix_meetings_school_id_body_id",
                  "COVERING INDEX sqlite_autoindex_plan_rows_1"):
        assert index in used
    if role is not Role.VIEWER:  # a viewer without a teacher counts no mentorships: no query
        assert "ix_mentorships_school_id_academic_year_id" in used


def test_a_list_of_plans_does_not_read_their_rows(demo: tuple[Services, str, Path]) -> None:
    services, school, path = demo
    actor = Actor("someone", Role.ADMINISTRATOR, school, "t-dep")
    plans = _plans_of(services, path, lambda: services.plans.summaries(actor, school, YEAR))
    assert plans and not [s for s, _lines in plans if "plan_rows.topic" in s]
    whole = _plans_of(services, path, lambda: services.plans.list(actor, school, YEAR))
    assert [s for s, _lines in whole if "plan_rows.topic" in s]  # the whole aggregate reads them


def test_the_plans_section_is_read_from_indexes_in_one_read(demo: tuple[Services, str, Path]) -> None:
    """``PlanService.section``: names, associations, the filters' choices, the first page and the
    counts; the year's teachers from migration 0018's index alone, no table scanned."""
    from desktop_app.services.plans import PlanKey, PlanQuery, PlanYear

    services, school, path = demo
    actor = Actor("someone", Role.ADMINISTRATOR, school, "t-dep")
    years: list[PlanYear] = []

    def query_of(year: PlanYear, keys: Callable[[PlanQuery], list[PlanKey]]) -> PlanQuery:
        years.append(year)
        assert {k.id for k in keys(PlanQuery(school, YEAR))} == {p.id for p in services.plans.list(actor, school, YEAR)}
        return PlanQuery(school, YEAR)

    plans = _plans_of(services, path, lambda: services.plans.section(actor, school, YEAR, query_of, 40))
    for statement, lines in plans:
        tables = [line for line in lines if line.startswith("SCAN")
                  and not line.startswith(("SCAN anon_", "SCAN (subquery", "SCAN CONSTANT ROW"))]
        assert not tables, (statement, lines)
    used = " ".join(line for _statement, lines in plans for line in lines)
    assert "COVERING INDEX ix_plans_school_id_academic_year_id_teacher_id" in used
    [year] = years
    teachers = services.teachers.list_teachers(actor, school, include_archived=True)
    assert year.names == {t.id: t.short_name for t in teachers}  # as the teachers' list names them
    listed = services.plans.section(actor, school, YEAR, lambda _year, _keys: PlanQuery(school, YEAR), 40).listing
    assert listed.total == len(services.plans.list(actor, school, YEAR)) == sum((listed.counts or {}).values())
