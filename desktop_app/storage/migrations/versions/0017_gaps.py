"""Attendance of an inter-school association's members from other schools (п. 21)

Revision ID: 0017_gaps
Revises: 0014_district
Create Date: 2026-12-07 00:30:00.000000

``meeting_guest_attendance``: present or absent (with the reason) for each member from another
school of the district database, kept with the meeting as the own members' ``meeting_attendance``
is, and referring to that school's teacher as ``association_guest_members`` does (no foreign key to
the teacher: the other school may be imported again over it).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_gaps"
down_revision: str | None = "0014_district"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "meeting_guest_attendance",
        sa.Column("school_id", sa.String(length=64), nullable=False),
        sa.Column("meeting_id", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("member_school_id", sa.String(length=64), nullable=False),
        sa.Column("teacher_id", sa.String(length=64), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["school_id", "meeting_id"], ["meetings.school_id", "meetings.id"],
                                name=op.f("fk_meeting_guest_attendance_school_id_meeting_id_meetings"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("school_id", "meeting_id", "position", name=op.f("pk_meeting_guest_attendance")),
    )


def downgrade() -> None:
    op.drop_table("meeting_guest_attendance")
