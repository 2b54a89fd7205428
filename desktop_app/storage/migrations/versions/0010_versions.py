"""A revision number on every record a user edits as a whole (issue 17, point 2)

Revision ID: 0010_versions
Revises: 0009_work_plan_followed
Create Date: 2026-12-06 18:20:00.000000

Teachers, associations (with their work plan), meetings, plans, mentorships and lesson visits get
``revision``: the number of saves so far. A save carries the revision it read and is refused when
the stored one moved on meanwhile (``Store._save``), so that two people at two PCs never write over
each other. Existing rows start at 1. ``add_column`` with a server default (and ``drop_column``) is
one ALTER TABLE on both SQLite and PostgreSQL: no batch mode needed.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_versions"
down_revision: str | None = "0009_work_plan_followed"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("teachers", "associations", "meetings", "plans", "mentorships", "lesson_visits")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("revision", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table in reversed(TABLES):  # SQLite 3.35+ drops a plain column itself: no table copy
        op.drop_column(table, "revision")
