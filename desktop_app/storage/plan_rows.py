"""KTP lesson rows read in bulk, straight into domain rows.

A large school holds ~325 000 rows; the generic loader (``Store._load``) turns each into a mapping
and decodes its objectives and date one value at a time, which made ``export`` and ``check`` of
such a school take ~10 s. Here the rows come back as the driver's plain tuples (fetched from the
cursor, without SQLAlchemy's per-row result objects), their JSON objectives are decoded in one
call per batch and their dates with ``date.fromisoformat``; the result is the same list of
:class:`PlanRow` the generic loader builds (tests/storage/test_plan_rows.py).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from desktop_app.domain.entities import PlanRow
from desktop_app.storage import models as m
from desktop_app.storage.collector import collector_paused
from desktop_app.storage.mapping import table_of

PLAN_ROWS = table_of(m.PlanLessonRow)


def _objectives(values: list[Any]) -> list[Any]:
    """Decoded objectives: SQLite gives their JSON text (decoded here in one call), PostgreSQL's
    driver gives them decoded already."""
    texts = [v for v in values if isinstance(v, str)]
    if not texts:
        return values
    decoded = iter(json.loads("[" + ",".join(texts) + "]"))
    return [next(decoded) if isinstance(v, str) else v for v in values]


def _date(value: str | date) -> date:
    """SQLite gives ISO text, PostgreSQL's driver a date."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def driver_rows(session: Session, statement: Select[Any]) -> list[Any]:
    """The rows of ``statement`` as the driver gives them (tuples, values not processed), run
    by SQLAlchemy in the session's transaction as any statement is, and fetched straight from
    its cursor."""
    result = session.connection().execute(statement)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def read_plan_rows(session: Session, school_id: str, *owners: ColumnElement[bool]) -> dict[str, list[PlanRow]]:
    """The lesson rows of the plans whose rows match ``owners`` (conditions on ``plan_rows``),
    per plan id, in list order."""
    t = PLAN_ROWS
    statement = (
        select(t.c.plan_id, t.c.number, t.c.topic, t.c.hours, t.c.term, t.c.section, t.c.objectives,
               t.c.date, t.c.note)
        .where(t.c.school_id == school_id, *owners)
        .order_by(t.c.school_id, t.c.plan_id, t.c.position)
    )
    with collector_paused():  # hundreds of thousands of new objects, no cycle among them
        rows = driver_rows(session, statement)
        objectives = _objectives([r[6] for r in rows])
        grouped: dict[str, list[PlanRow]] = {}
        plan_id: str | None = None
        group: list[PlanRow] = []
        for (owner, number, topic, hours, term, section, _, day, note), wanted in zip(rows, objectives, strict=True):
            if owner != plan_id:  # the rows come plan by plan
                plan_id, group = owner, grouped.setdefault(owner, [])
            group.append(PlanRow(number, topic, hours, term, section, wanted,
                                 None if day is None else _date(day), note))
    return grouped
