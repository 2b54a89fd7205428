"""Indexes for the window's summary queries (issue 15)

Revision ID: 0005_list_indexes
Revises: 0004_account_sign_in
Create Date: 2026-12-06 15:20:00.000000

The lists and the Overview count in SQL (``storage.summaries``): plans of a year per status, the
visits of a year's window, the mentorships of a year. Each of those reads an index instead of the
whole table. Plain CREATE INDEX: SQLite needs no batch mode for it, PostgreSQL the same statement.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005_list_indexes"
down_revision: str | None = "0004_account_sign_in"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ("plans", ("school_id", "academic_year_id", "status")),
    ("lesson_visits", ("school_id", "date")),
    ("mentorships", ("school_id", "academic_year_id")),
)


def _name(table: str, columns: tuple[str, ...]) -> str:
    return f"ix_{table}_{'_'.join(columns)}"


def upgrade() -> None:
    for table, columns in INDEXES:
        op.create_index(_name(table, columns), table, list(columns), unique=False)


def downgrade() -> None:
    for table, columns in reversed(INDEXES):
        op.drop_index(_name(table, columns), table_name=table)
