"""Attestation (п. 10.7) and professional development courses

Revision ID: 0012_attestation
Revises: 0011_server_roles
Create Date: 2026-12-06 21:20:00.000000

Two registers and their settings: ``attestations`` (a teacher's attestation in a year: current and
sought category, application, the association's hearing, portfolio, result and order),
``courses`` (+ ``course_files``, a certificate's bytes); a teacher's next attestation due date; the
school's period between courses. New columns are nullable or have a default: older files keep
working.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_attestation"
down_revision: str | None = "0011_server_roles"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CATEGORIES = "'none', 'pedagog', 'moderator', 'expert', 'researcher', 'master'"


def _ref(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["school_id", column], [f"{target}.school_id", f"{target}.id"],
        name=op.f(f"fk_{table}_school_id_{column}_{target}"),
    )


def _school(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["school_id"], ["schools.id"], name=op.f(f"fk_{table}_school_id_schools"))


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy of tables that others refer to).
    op.add_column("schools", sa.Column("course_period_years", sa.Integer(), server_default="3", nullable=False))
    op.add_column("teachers", sa.Column("attestation_due", sa.Date(), nullable=True))
    op.create_table(
        "attestations",
        sa.Column("school_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), server_default="1", nullable=False),
        sa.Column("academic_year_id", sa.String(length=64), nullable=False),
        sa.Column("teacher_id", sa.String(length=64), nullable=False),
        sa.Column("current_category", sa.String(length=20), nullable=False),
        sa.Column("sought_category", sa.String(length=20), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=True),
        sa.Column("hearing_meeting_id", sa.String(length=64), nullable=True),
        sa.Column("hearing_item", sa.Integer(), nullable=True),
        sa.Column("portfolio", sa.Text(), server_default="[]", nullable=False),
        sa.Column("result", sa.String(length=20), nullable=True),
        sa.Column("order_number", sa.String(length=50), nullable=True),
        sa.Column("order_date", sa.Date(), nullable=True),
        sa.Column("next_due", sa.Date(), nullable=True),
        sa.CheckConstraint(f"current_category IN ({_CATEGORIES})", name=op.f("ck_attestations_current_category")),
        sa.CheckConstraint(f"sought_category IN ({_CATEGORIES})", name=op.f("ck_attestations_sought_category")),
        sa.CheckConstraint("result IN ('awarded', 'confirmed', 'not_awarded')", name=op.f("ck_attestations_result")),
        _school("attestations"),
        _ref("attestations", "academic_year_id", "academic_years"),
        _ref("attestations", "teacher_id", "teachers"),
        _ref("attestations", "hearing_meeting_id", "meetings"),
        sa.PrimaryKeyConstraint("school_id", "id", name=op.f("pk_attestations")),
    )
    op.create_index(op.f("ix_attestations_school_id_academic_year_id"), "attestations",
                    ["school_id", "academic_year_id"], unique=False)
    op.create_table(
        "courses",
        sa.Column("school_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), server_default="1", nullable=False),
        sa.Column("academic_year_id", sa.String(length=64), nullable=False),
        sa.Column("teacher_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("provider", sa.String(length=500), nullable=False),
        sa.Column("hours", sa.Integer(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("certificate_number", sa.String(length=100), nullable=True),
        sa.Column("file_name", sa.String(length=255), nullable=True),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.Column("file_size", sa.Integer(), nullable=True),
        sa.CheckConstraint("kind IN ('course', 'internship', 'seminar', 'other')", name=op.f("ck_courses_kind")),
        sa.CheckConstraint("hours IS NULL OR hours > 0", name=op.f("ck_courses_hours")),
        _school("courses"),
        _ref("courses", "academic_year_id", "academic_years"),
        _ref("courses", "teacher_id", "teachers"),
        sa.PrimaryKeyConstraint("school_id", "id", name=op.f("pk_courses")),
    )
    op.create_index(op.f("ix_courses_school_id_teacher_id"), "courses", ["school_id", "teacher_id"], unique=False)
    op.create_index(op.f("ix_courses_school_id_academic_year_id"), "courses",
                    ["school_id", "academic_year_id"], unique=False)
    op.create_table(
        "course_files",
        sa.Column("school_id", sa.String(length=64), nullable=False),
        sa.Column("course_id", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["school_id", "course_id"], ["courses.school_id", "courses.id"],
            name=op.f("fk_course_files_school_id_course_id_courses"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("school_id", "course_id", name=op.f("pk_course_files")),
    )


def downgrade() -> None:
    op.drop_table("course_files")
    op.drop_index(op.f("ix_courses_school_id_academic_year_id"), table_name="courses")
    op.drop_index(op.f("ix_courses_school_id_teacher_id"), table_name="courses")
    op.drop_table("courses")
    op.drop_index(op.f("ix_attestations_school_id_academic_year_id"), table_name="attestations")
    op.drop_table("attestations")
    op.drop_column("teachers", "attestation_due")  # SQLite 3.35+ drops a column in place
    op.drop_column("schools", "course_period_years")
