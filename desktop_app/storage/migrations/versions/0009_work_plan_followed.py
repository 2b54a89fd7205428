"""Work plans followed (п. 28) and the register of pupils' olympiads and contests (п. 10.5)

Revision ID: 0009_work_plan_followed
Revises: 0008_events
Create Date: 2026-12-06 18:20:00.000000

An association's work plan gets its methodical theme, goal and tasks (kk/ru); each item a mark:
held (linked to a record by kind and id, no foreign key, so that new kinds of record need no
migration), moved (to a month, why) or cancelled (why). A new table keeps the olympiad results.
The new columns are nullable: plans of older files have no theme and no marks.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_work_plan_followed"
down_revision: str | None = "0008_events"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXTS = ("theme", "goal", "tasks")
_MARKS = (
    ("mark_on", sa.Date()),
    ("mark_link_kind", sa.String(length=40)),
    ("mark_link_id", sa.String(length=64)),
    ("mark_month", sa.String(length=20)),
    ("mark_reason", sa.Text()),
)


def upgrade() -> None:
    # Plain ADD COLUMN, not batch mode: a batch copy of ``associations`` would drop the table that
    # the materials' and events' tables (0007, 0008) refer to.
    for name in _TEXTS:
        for language in ("kk", "ru"):
            op.add_column("associations", sa.Column(f"work_plan_{name}_{language}", sa.Text(), nullable=True))
    # No batch mode for the items: SQLite would copy the table, and dropping the old one would
    # cascade to work_plan_responsible. A column with its CHECK is one statement both databases take.
    op.execute("ALTER TABLE work_plan_items ADD COLUMN mark_state VARCHAR(20) "
               "CONSTRAINT ck_work_plan_items_mark_state CHECK (mark_state IN ('held', 'moved', 'cancelled'))")
    for name, type_ in _MARKS:
        op.add_column("work_plan_items", sa.Column(name, type_, nullable=True))
    op.create_table(
        "olympiad_results",
        sa.Column("school_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("academic_year_id", sa.String(length=64), nullable=False),
        sa.Column("pupil", sa.String(length=500), nullable=False),
        sa.Column("class_name", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.String(length=64), nullable=False),
        sa.Column("teacher_id", sa.String(length=64), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("place", sa.Integer(), nullable=True),
        sa.Column("stage", sa.String(length=500), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=True),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "level IN ('school', 'district', 'city', 'regional', 'republican', 'international')",
            name=op.f("ck_olympiad_results_level"),
        ),
        sa.CheckConstraint("kind IN ('olympiad', 'contest', 'projects')", name=op.f("ck_olympiad_results_kind")),
        sa.CheckConstraint("outcome IN ('participant', 'prize', 'winner', 'certificate')",
                           name=op.f("ck_olympiad_results_outcome")),
        sa.CheckConstraint("place IS NULL OR place BETWEEN 1 AND 3", name=op.f("ck_olympiad_results_place")),
        sa.ForeignKeyConstraint(["school_id"], ["schools.id"], name=op.f("fk_olympiad_results_school_id_schools")),
        sa.ForeignKeyConstraint(
            ["school_id", "academic_year_id"], ["academic_years.school_id", "academic_years.id"],
            name=op.f("fk_olympiad_results_school_id_academic_year_id_academic_years"),
        ),
        sa.ForeignKeyConstraint(
            ["school_id", "subject_id"], ["subjects.school_id", "subjects.id"],
            name=op.f("fk_olympiad_results_school_id_subject_id_subjects"),
        ),
        sa.ForeignKeyConstraint(
            ["school_id", "teacher_id"], ["teachers.school_id", "teachers.id"],
            name=op.f("fk_olympiad_results_school_id_teacher_id_teachers"),
        ),
        sa.PrimaryKeyConstraint("school_id", "id", name=op.f("pk_olympiad_results")),
    )
    op.create_index(op.f("ix_olympiad_results_school_id_academic_year_id"), "olympiad_results",
                    ["school_id", "academic_year_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_olympiad_results_school_id_academic_year_id"), table_name="olympiad_results")
    op.drop_table("olympiad_results")
    for name in ["mark_state", *(name for name, _ in _MARKS)]:
        op.drop_column("work_plan_items", name)  # SQLite 3.35+ drops a column in place
    for name in reversed(_TEXTS):  # in place, as upgrade: no copy of the table others refer to
        for language in ("ru", "kk"):
            op.drop_column("associations", f"work_plan_{name}_{language}")
