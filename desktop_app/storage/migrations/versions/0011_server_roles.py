"""The database login in the audit trail (issue 17, point 3)

Revision ID: 0011_server_roles
Revises: 0010_versions
Create Date: 2026-12-06 18:20:00.000000

On a school server each person signs in to PostgreSQL as their own login role; every audit event
records that login in ``audit_events.db_login`` (set by a trigger that ``server init`` installs,
so that nobody can write another login there). On SQLite, and for events written before, it is
empty. The roles, grants and row-level security are made by ``server init``
(storage/server_roles.py), not here: they need CREATEROLE, which a migration must not assume.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_server_roles"
down_revision: str | None = "0010_versions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Adding a nullable column needs no batch mode on SQLite.
    op.add_column("audit_events", sa.Column("db_login", sa.String(length=63), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_column("db_login")
