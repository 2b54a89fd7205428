"""The bulk reader of KTP rows (storage.plan_rows) gives what the generic loader gives."""

from __future__ import annotations

import copy
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.domain.entities import PlanRow, SchoolRecords
from desktop_app.storage import mapping
from desktop_app.storage.database import Database
from tests.storage.generate import generated_school

_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)
_rows = st.lists(st.builds(
    PlanRow, number=st.integers(1, 99), topic=_text, hours=st.sampled_from([0.5, 1.0, 2.0, 1.5]),
    term=st.none() | st.integers(1, 4), section=st.none() | _text,
    objectives=st.lists(_text, max_size=3),
    date=st.none() | st.dates(date(2025, 9, 1), date(2026, 5, 25)), note=st.none() | _text,
), max_size=6)


def _school(rows: list[list[PlanRow]]) -> SchoolRecords:
    records = generated_school(teachers=3, years=2, rows_per_year=60, rows_per_plan=6)
    for plan, plan_rows in zip(records.plans, rows, strict=False):
        plan.rows = copy.deepcopy(plan_rows)
    return records


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(_rows, min_size=1, max_size=4))
def test_bulk_reader_equals_the_generic_loader(db: Database, rows: list[list[PlanRow]]) -> None:
    records = _school(rows)
    with db.transaction(write=True) as store:
        store.delete_school(records.school.id)
        store.insert_records(records)
    with db.transaction() as store:
        school = records.school.id
        table = mapping.PLANS.table
        generic = store._load(mapping.PLANS, school)
        assert store.list_plans(school) == generic == records.plans
        year = records.academic_years[0].id
        assert store.plans_of(school, year) == store._load(mapping.PLANS, school, table.c.academic_year_id == year)
        assert [p for batch in store.plan_batches(school, size=3) for p in batch] == generic
        first = records.plans[0]
        assert store.get_plan(school, first.id) == first
        assert store.get_plan(school, "no-such-plan") is None
