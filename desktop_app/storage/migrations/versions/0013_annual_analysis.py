"""The annual analysis of methodical work (issue 20 point 3)

Revision ID: 0013_annual_analysis
Revises: 0012_attestation
Create Date: 2026-12-06 21:30:00.000000

One table, ``annual_analyses``: the conclusions and next year's tasks of a year's analysis per
association or for the school (``association_id`` null), draft → approved by the director. The
figures are not stored: they are counted from the year's records when the analysis is opened.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_annual_analysis"
down_revision: str | None = "0012_attestation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _ref(column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["school_id", column], [f"{target}.school_id", f"{target}.id"],
        name=op.f(f"fk_annual_analyses_school_id_{column}_{target}"),
    )


def upgrade() -> None:
    op.create_table(
        "annual_analyses",
        sa.Column("school_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), server_default="1", nullable=False),
        sa.Column("academic_year_id", sa.String(length=64), nullable=False),
        sa.Column("association_id", sa.String(length=64), nullable=True),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("conclusions", sa.Text(), server_default="", nullable=False),
        sa.Column("tasks", sa.Text(), server_default="", nullable=False),
        sa.Column("status", sa.String(length=20), server_default="draft", nullable=False),
        sa.Column("approved_by", sa.String(length=64), nullable=True),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.Column("approved_acting", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.CheckConstraint("language IN ('kk', 'ru')", name=op.f("ck_annual_analyses_language")),
        sa.CheckConstraint("status IN ('draft', 'approved')", name=op.f("ck_annual_analyses_status")),
        sa.ForeignKeyConstraint(["school_id"], ["schools.id"], name=op.f("fk_annual_analyses_school_id_schools")),
        _ref("academic_year_id", "academic_years"),
        _ref("association_id", "associations"),
        _ref("approved_by", "teachers"),
        sa.PrimaryKeyConstraint("school_id", "id", name=op.f("pk_annual_analyses")),
    )
    op.create_index(op.f("ix_annual_analyses_school_id_academic_year_id"), "annual_analyses",
                    ["school_id", "academic_year_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_annual_analyses_school_id_academic_year_id"), table_name="annual_analyses")
    op.drop_table("annual_analyses")
