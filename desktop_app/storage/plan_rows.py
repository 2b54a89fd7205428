"""KTP lesson rows read in bulk, straight into domain rows.

A large school holds ~325 000 rows; the generic loader (``Store._load``) turns each into a mapping
and decodes its objectives and date one value at a time, which made ``export`` and ``check`` of
such a school take ~10 s. Here the rows come back as plain tuples, their JSON objectives are
decoded in one call per batch and their dates with ``date.fromisoformat``; the result is the same
list of :class:`PlanRow` the generic loader builds (tests/storage/test_plan_rows.py).
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, String, Text, select, type_coerce
from sqlalchemy.orm import Session

from desktop_app.domain.entities import PlanRow
from desktop_app.storage import models as m
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
    return date.fromisoformat(value) if isinstance(value, str) else value


def read_plan_rows(session: Session, school_id: str, *owners: ColumnElement[bool]) -> dict[str, list[PlanRow]]:
    """The lesson rows of the plans whose rows match ``owners`` (conditions on ``plan_rows``),
    per plan id, in list order."""
    t = PLAN_ROWS
    statement = (
        select(t.c.plan_id, t.c.number, t.c.topic, t.c.hours, t.c.term, t.c.section,
               type_coerce(t.c.objectives, Text), type_coerce(t.c.date, String), t.c.note)
        .where(t.c.school_id == school_id, *owners)
        .order_by(t.c.school_id, t.c.plan_id, t.c.position)
    )
    rows = session.execute(statement).all()
    objectives = _objectives([r[6] for r in rows])
    dates = [_date(r[7]) if r[7] is not None else None for r in rows]
    grouped: dict[str, list[PlanRow]] = defaultdict(list)
    for r, wanted, day in zip(rows, objectives, dates, strict=True):
        grouped[r[0]].append(PlanRow(r[1], r[2], r[3], r[4], r[5], wanted, day, r[8]))
    return grouped
