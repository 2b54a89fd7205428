"""Accounts: the moment of the last sign-in

Revision ID: 0004_account_sign_in
Revises: 0003_protocol_search
Create Date: 2026-12-06 12:10:00.000000

Settings → Accounts shows when each account last signed in. Accounts of older files have no
sign-in recorded (NULL) until their next one. An account locked by the administrator keeps using
the ``active`` column of revision 0002.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_account_sign_in"
down_revision: str | None = "0003_protocol_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_sign_in", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("last_sign_in")
