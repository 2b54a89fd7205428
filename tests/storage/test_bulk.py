"""Bulk insert and load of a generated school (the big measurement lives in bench/)."""

from __future__ import annotations

import time

from desktop_app.storage.database import Database
from tests.storage.generate import generated_school


def test_bulk_insert_and_load(db: Database) -> None:
    records = generated_school(teachers=12, years=2, rows_per_year=2500)
    assert sum(len(p.rows) for p in records.plans) == 5000
    started = time.perf_counter()
    with db.transaction(write=True) as store:
        store.insert_records(records)
    inserted = time.perf_counter() - started
    started = time.perf_counter()
    with db.transaction() as store:
        loaded = store.load_records(records.school.id)
    loaded_in = time.perf_counter() - started
    assert loaded == records
    # Generous bounds: a tenth of the 100 000-row budget for a twentieth of the rows.
    assert inserted < 2.0 and loaded_in < 2.0, (inserted, loaded_in)
    with db.transaction() as store:
        assert len(store.plans_of(records.school.id, academic_year=records.academic_years[1].id)) == len(
            [p for p in records.plans if p.academic_year == records.academic_years[1].id]
        )
