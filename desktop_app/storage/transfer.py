"""Copying a whole database to another one of the same schema (SQLite file <-> PostgreSQL server).

Every table of the models is copied as it is, parents before children, in one transaction of the
target: every school, the accounts, the audit trail, protocol versions and plan history, ids
included, so that the audit chain's hashes still hold. The target must be empty (a copy never
mixes with records already there); afterwards every table is read back from both sides and
compared row for row. On PostgreSQL the sequences of numbered tables are moved past the copied ids.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from desktop_app.storage.models import metadata

#: Rows read and written at a time: bounded memory for a school with years of records.
BATCH = 2000


@dataclass
class TransferReport:
    """How many rows each table holds after the copy, and what did not match (empty: all did)."""

    rows: dict[str, int] = field(default_factory=dict)
    mismatches: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def tables() -> list[sa.Table]:
    """The tables of the models, parents before children."""
    return list(metadata.sorted_tables)


def non_empty_tables(connection: Connection) -> list[str]:
    """The model tables of ``connection`` that hold at least one row."""
    return [table.name for table in tables()
            if connection.execute(sa.select(sa.literal(1)).select_from(table).limit(1)).first() is not None]


def _ordered(table: sa.Table) -> sa.Select[Any]:
    return sa.select(table).order_by(*table.primary_key.columns)


def _batches(connection: Connection, table: sa.Table) -> Iterator[list[dict[str, Any]]]:
    result = connection.execution_options(yield_per=BATCH).execute(_ordered(table))
    for partition in result.mappings().partitions(BATCH):
        yield [dict(row) for row in partition]


def copy_rows(source: Connection, target: Connection) -> dict[str, int]:
    """Every row of every model table from ``source`` into ``target`` (in the callers' transactions)."""
    counts: dict[str, int] = {}
    for table in tables():
        count = 0
        for batch in _batches(source, table):
            target.execute(table.insert(), batch)
            count += len(batch)
        counts[table.name] = count
    if target.dialect.name == "postgresql":
        _advance_sequences(target)
    return counts


def _advance_sequences(connection: Connection) -> None:
    """After ids were inserted explicitly, the next generated id follows the largest one."""
    for table in tables():
        columns = list(table.primary_key.columns)
        if len(columns) != 1 or not isinstance(columns[0].type, sa.Integer):
            continue
        column = columns[0].name
        sequence = connection.execute(sa.text("SELECT pg_get_serial_sequence(:table, :column)"),
                                      {"table": table.name, "column": column}).scalar()
        if sequence is None:
            continue
        connection.execute(sa.text(
            f'SELECT setval(:sequence, COALESCE((SELECT max("{column}") FROM "{table.name}"), 0) + 1, false)'),
            {"sequence": sequence})


def compare(source: Connection, target: Connection, limit: int = 20) -> list[str]:
    """Tables and rows that differ between the two databases (at most ``limit`` lines)."""
    mismatches: list[str] = []
    for table in tables():
        left = source.execute(_ordered(table)).all()
        right = target.execute(_ordered(table)).all()
        if len(left) != len(right):
            mismatches.append(f"{table.name}: {len(left)} rows, copied {len(right)}")
            continue
        for index, (a, b) in enumerate(zip(left, right, strict=True)):
            if tuple(a) != tuple(b):
                key = ", ".join(str(a._mapping[c.name]) for c in table.primary_key.columns)
                mismatches.append(f"{table.name} ({key}): row {index + 1} differs")
                break
        if len(mismatches) >= limit:
            break
    return mismatches
