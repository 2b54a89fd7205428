"""What the Rules say, exactly (issue 18, points 1, 4, 5)

Revision ID: 0006_rules
Revises: 0005_list_indexes
Create Date: 2026-12-06 18:20:00.000000

- ``schools.deputy_agreement``: the deputy director's agreement of KTPs is school practice, a
  setting on by default (files from before keep the step they had).
- ``plans.agreed_acting``, ``plans.approved_acting``, ``associations.work_plan_approved_acting``:
  who signed did so in the official's stead (и.о. / м.а.).
- ``associations.head_*``: п. 29, how the head came to be — elected at a meeting (its agenda
  item) or appointed by an order (number, date).

Plain ADD/DROP COLUMN with server defaults: SQLite and PostgreSQL both take it without a table copy.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_rules"
down_revision: str | None = "0005_list_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXT = 500


def _flag(name: str, default: bool) -> sa.Column[bool]:
    return sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.true() if default else sa.false())


COLUMNS: tuple[tuple[str, sa.Column[object]], ...] = (
    ("schools", _flag("deputy_agreement", True)),
    ("plans", _flag("agreed_acting", False)),
    ("plans", _flag("approved_acting", False)),
    ("associations", _flag("work_plan_approved_acting", False)),
    ("associations", sa.Column("head_basis", sa.String(20), nullable=True)),
    ("associations", sa.Column("head_meeting_id", sa.String(length=64), nullable=True)),
    ("associations", sa.Column("head_item", sa.Integer(), nullable=True)),
    ("associations", sa.Column("head_order_number", sa.String(_TEXT), nullable=True)),
    ("associations", sa.Column("head_order_date", sa.Date(), nullable=True)),
)


def upgrade() -> None:
    for table, column in COLUMNS:
        op.add_column(table, column)


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+): a batch copy of ``associations`` would break the foreign
    # keys of the tables that point at it.
    for table, column in reversed(COLUMNS):
        op.drop_column(table, column.name)
