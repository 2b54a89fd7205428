"""Texts longer than their column are refused before they are written, the same on every database.

PostgreSQL refuses a value longer than its ``VARCHAR(n)`` with an error that names neither the
record nor the field; SQLite stores it, and the exchange file written from it then breaks the
schema's ``maxLength`` (another school cannot import it). Both get the same refusal here, naming the
record and the start of the text (the window shows it under its field: ``field`` is the column), so
that the user knows what to shorten."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from sqlalchemy import String, Table

from desktop_app.domain.errors import N_, DomainError, Msg, Rule

#: How a refusal (this one, a conflict) names a record of each table records are saved in (``errors.RECORD_KINDS``).
RECORD_KINDS = {"academic_years": "academic year", "subjects": "subject", "teachers": "teacher",
                "associations": "association", "meetings": "meeting", "plans": "plan",
                "mentorships": "mentorship", "lesson_visits": "lesson visit", "materials": "methodical material",
                "olympiad_results": "olympiad result", "events": "event", "attestations": "attestation",
                "courses": "course", "annual_analyses": "annual analysis", "schools": "school", "users": "user"}
#: How much of the text the refusal quotes.
QUOTED = 40


@cache
def limits(table: Table) -> dict[str, int]:
    """The longest text each ``VARCHAR(n)`` column of ``table`` takes."""
    return {column.name: int(column.type.length) for column in table.columns
            if isinstance(column.type, String) and column.type.length}


def refuse_long_row(table: Table, row: Mapping[str, Any], record: str) -> None:
    """``refuse_too_long`` of one row of ``table``, for the record ``record``."""
    refuse_too_long({table.name: table}, {table.name: [row]}, table.name, record)


def refuse_too_long(tables: Mapping[str, Table], rows: Mapping[str, Sequence[Mapping[str, Any]]],
                    kind: str, record: str) -> None:
    """Raise DomainError (Rule.VALUE) for the first text of ``rows`` (by table name) longer than
    its column; ``kind`` and ``record`` name the record they are saved for."""
    for name, table_rows in rows.items():
        longest = limits(tables[name])
        for row in table_rows:
            for column, limit in longest.items():
                value = row.get(column)
                if isinstance(value, str) and len(value) > limit:
                    start = value[:QUOTED].rstrip() + "…" if len(value) > QUOTED else value
                    raise DomainError(
                        Rule.VALUE,
                        N_("The text «{start}» ({kind} {id}) is {length} characters long; at most {limit} "
                           "fit there"),
                        {"kind": Msg(RECORD_KINDS.get(kind, kind)), "id": record, "start": start,
                         "length": len(value), "limit": limit, "field": column},
                        record=record, field=column, kind=RECORD_KINDS.get(kind, kind))
