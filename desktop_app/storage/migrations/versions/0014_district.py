"""The district: members of inter-school associations from other schools (п. 21)

Revision ID: 0014_district
Revises: 0013_annual_analysis
Create Date: 2026-12-06 21:30:00.000000

``association_guest_members``: a teacher of another school of the district database who is a member
of an inter-school association, referred to by (school, teacher) and never copied. No foreign key
to that teacher: the other school's exchange file may be imported again (``--replace`` deletes the
school first) without losing the membership. The district figures (storage/district.py) search
existing indexes (bench/district_bench.py --explain); one more on plans (school, year, status,
approval date) lets the KTP approvals on time and late be counted from the index alone (the
slowest of the figures' queries on 40 large schools: 96 → see the bench).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_district"
down_revision: str | None = "0013_annual_analysis"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "association_guest_members",
        sa.Column("school_id", sa.String(length=64), nullable=False),
        sa.Column("association_id", sa.String(length=64), nullable=False),
        sa.Column("member_school_id", sa.String(length=64), nullable=False),
        sa.Column("teacher_id", sa.String(length=64), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["school_id", "association_id"], ["associations.school_id", "associations.id"],
                                name=op.f("fk_association_guest_members_school_id_association_id_associations"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("school_id", "association_id", "member_school_id", "teacher_id",
                                name=op.f("pk_association_guest_members")),
    )
    op.create_index(op.f("ix_association_guest_members_member_school_id_teacher_id"),
                    "association_guest_members", ["member_school_id", "teacher_id"], unique=False)
    op.create_index(op.f("ix_plans_school_id_academic_year_id_status_approved_on"), "plans",
                    ["school_id", "academic_year_id", "status", "approved_on"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_plans_school_id_academic_year_id_status_approved_on"), table_name="plans")
    op.drop_index(op.f("ix_association_guest_members_member_school_id_teacher_id"),
                  table_name="association_guest_members")
    op.drop_table("association_guest_members")
