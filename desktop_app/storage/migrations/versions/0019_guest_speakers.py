"""Members of an inter-school association from other schools as speakers (п. 21)

Revision ID: 0019_guest_speakers
Revises: 0018_plan_speed
Create Date: 2026-12-07 04:10:00.000000

A speech under HEARD or SPOKE may be given by a member from another school of the district
database: ``agenda_speeches`` refers to that school and its teacher (no foreign key, as
``meeting_guest_attendance``: the other school may be imported again over it) and keeps the name as
it was in ``speaker_name``, so the row still meets the ``speaker`` check (a teacher of this school or
a name) and prints should that teacher be gone. Both columns are nullable: older speeches have none.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019_guest_speakers"
down_revision: str | None = "0018_plan_speed"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = ("speaker_guest_school_id", "speaker_guest_teacher_id")


def upgrade() -> None:
    # Plain ADD COLUMN, not batch mode: no copy of a table others refer to.
    for name in _COLUMNS:
        op.add_column("agenda_speeches", sa.Column(name, sa.String(length=64), nullable=True))


def downgrade() -> None:
    for name in reversed(_COLUMNS):
        op.drop_column("agenda_speeches", name)  # SQLite 3.35+ drops a column in place
