"""Methodical materials (п. 27): the register, its authors, the files, the agenda's links

Revision ID: 0007_materials
Revises: 0006_rules
Create Date: 2026-12-06 18:30:00.000000

Four new tables, nothing existing changes: plain CREATE TABLE on SQLite and PostgreSQL alike.
A file's bytes live in ``material_files`` so that listing materials never reads them.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_materials"
down_revision: str | None = "0006_rules"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KINDS = ("elective_programme", "author_programme", "recommendations", "manual", "assessment",
          "best_practice", "other")
_STATUSES = ("draft", "returned", "considered", "approved")


def _in(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _fk(table: str, column: str, target: str, cascade: bool = False) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["school_id", column], [f"{target}.school_id", f"{target}.id"],
        name=op.f(f"fk_{table}_school_id_{column}_{target}"), ondelete="CASCADE" if cascade else None)


def _id(name: str, nullable: bool = False) -> sa.Column[str]:
    return sa.Column(name, sa.String(length=64), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "materials",
        _id("school_id"), _id("id"), sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("title_kk", sa.String(length=500), nullable=True),
        sa.Column("title_ru", sa.String(length=500), nullable=True),
        _id("association_id"), _id("academic_year_id"),
        sa.Column("status", sa.String(length=20), nullable=False),
        _id("review_meeting_id", True), sa.Column("review_item", sa.Integer(), nullable=True),
        sa.Column("review_outcome", sa.String(length=20), nullable=True),
        sa.Column("review_remarks", sa.Text(), nullable=True),
        _id("approved_by", True), sa.Column("approved_on", sa.Date(), nullable=True),
        sa.Column("acting", sa.Boolean(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=True),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.Column("file_size", sa.Integer(), nullable=True),
        sa.CheckConstraint(_in("kind", _KINDS), name=op.f("ck_materials_kind")),
        sa.CheckConstraint(_in("status", _STATUSES), name=op.f("ck_materials_status")),
        sa.CheckConstraint(_in("review_outcome", ("recommended", "returned")),
                           name=op.f("ck_materials_review_outcome")),
        sa.ForeignKeyConstraint(["school_id"], ["schools.id"], name=op.f("fk_materials_school_id_schools")),
        _fk("materials", "association_id", "associations"),
        _fk("materials", "academic_year_id", "academic_years"),
        _fk("materials", "review_meeting_id", "meetings"),
        _fk("materials", "approved_by", "teachers"),
        sa.PrimaryKeyConstraint("school_id", "id", name=op.f("pk_materials")),
    )
    op.create_index(op.f("ix_materials_school_id_academic_year_id"), "materials",
                    ["school_id", "academic_year_id"], unique=False)
    op.create_table(
        "material_authors",
        _id("school_id"), _id("material_id"), sa.Column("position", sa.Integer(), nullable=False),
        _id("teacher_id", True), sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("job_title", sa.String(length=200), nullable=True),
        sa.CheckConstraint("(teacher_id IS NULL) <> (name IS NULL)", name=op.f("ck_material_authors_author")),
        _fk("material_authors", "material_id", "materials", cascade=True),
        _fk("material_authors", "teacher_id", "teachers"),
        sa.PrimaryKeyConstraint("school_id", "material_id", "position", name=op.f("pk_material_authors")),
    )
    op.create_table(
        "material_files",
        _id("school_id"), _id("material_id"), sa.Column("content", sa.LargeBinary(), nullable=False),
        _fk("material_files", "material_id", "materials", cascade=True),
        sa.PrimaryKeyConstraint("school_id", "material_id", name=op.f("pk_material_files")),
    )
    op.create_table(
        "agenda_materials",
        _id("school_id"), _id("meeting_id"), sa.Column("item_position", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False), _id("material_id"),
        sa.ForeignKeyConstraint(
            ["school_id", "meeting_id", "item_position"],
            ["agenda_items.school_id", "agenda_items.meeting_id", "agenda_items.position"],
            name=op.f("fk_agenda_materials_school_id_meeting_id_item_position_agenda_items"),
            ondelete="CASCADE"),
        _fk("agenda_materials", "material_id", "materials"),
        sa.PrimaryKeyConstraint("school_id", "meeting_id", "item_position", "position",
                                name=op.f("pk_agenda_materials")),
    )
    op.create_index(op.f("ix_agenda_materials_school_id_material_id"), "agenda_materials",
                    ["school_id", "material_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_agenda_materials_school_id_material_id"), table_name="agenda_materials")
    op.drop_table("agenda_materials")
    op.drop_table("material_files")
    op.drop_table("material_authors")
    op.drop_index(op.f("ix_materials_school_id_academic_year_id"), table_name="materials")
    op.drop_table("materials")
