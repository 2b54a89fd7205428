"""Events of collective methodical work (п. 20): the register, people, guests, programme, agenda

Revision ID: 0008_events
Revises: 0007_materials
Create Date: 2026-12-06 18:20:00.000000

Seminars, master classes, conferences, methodical landings … of the school, with their own
numbering per academic year (not an association's protocol numbers). New tables only: plain
CREATE TABLE on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_events"
down_revision: str | None = "0007_materials"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FORMS = ("best_practice_school", "master_class", "experimental_site", "case", "creative_laboratory",
         "instructional_meeting", "seminar", "conference", "creative_session", "methodical_landing",
         "methodical_consilium", "methodical_internship", "round_table", "young_teacher_school",
         "subject_week", "other")
STATUSES = ("planned", "held", "cancelled")


def _in(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _id() -> sa.String:
    return sa.String(length=64)


def _owned(table: str) -> list[sa.Column[str]]:
    return [
        sa.Column("school_id", _id(), nullable=False),
        sa.Column("event_id", _id(), nullable=False),
    ]


def _owner_key(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["school_id", "event_id"], ["events.school_id", "events.id"],
                                   name=op.f(f"fk_{table}_school_id_event_id_events"), ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("school_id", _id(), nullable=False),
        sa.Column("id", _id(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("academic_year_id", _id(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("form", sa.String(length=40), nullable=False),
        sa.Column("topic_kk", sa.Text(), nullable=True),
        sa.Column("topic_ru", sa.Text(), nullable=True),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("organiser_id", _id(), nullable=True),
        sa.Column("materials", sa.Text(), nullable=False),
        sa.Column("attachment_name", sa.String(length=255), nullable=True),
        sa.Column("attachment_data", sa.LargeBinary(), nullable=True),
        sa.Column("attachment_sha256", sa.String(length=64), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("certificates_issued", sa.Date(), nullable=True),
        sa.CheckConstraint(_in("form", FORMS), name=op.f("ck_events_form")),
        sa.CheckConstraint(_in("status", STATUSES), name=op.f("ck_events_status")),
        sa.ForeignKeyConstraint(["school_id", "academic_year_id"],
                                ["academic_years.school_id", "academic_years.id"],
                                name=op.f("fk_events_school_id_academic_year_id_academic_years")),
        sa.ForeignKeyConstraint(["school_id", "organiser_id"], ["associations.school_id", "associations.id"],
                                name=op.f("fk_events_school_id_organiser_id_associations")),
        sa.ForeignKeyConstraint(["school_id"], ["schools.id"], name=op.f("fk_events_school_id_schools")),
        sa.PrimaryKeyConstraint("school_id", "id", name=op.f("pk_events")),
        sa.UniqueConstraint("school_id", "academic_year_id", "number",
                            name=op.f("uq_events_school_id_academic_year_id_number")),
    )
    op.create_table(
        "event_people",
        *_owned("event_people"),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("teacher_id", _id(), nullable=False),
        sa.CheckConstraint(_in("role", ("responsible", "participant")), name=op.f("ck_event_people_role")),
        _owner_key("event_people"),
        sa.ForeignKeyConstraint(["school_id", "teacher_id"], ["teachers.school_id", "teachers.id"],
                                name=op.f("fk_event_people_school_id_teacher_id_teachers")),
        sa.PrimaryKeyConstraint("school_id", "event_id", "role", "position", name=op.f("pk_event_people")),
    )
    op.create_table(
        "event_guests",
        *_owned("event_guests"),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("organisation", sa.Text(), nullable=False),
        sa.Column("job", sa.Text(), nullable=True),
        _owner_key("event_guests"),
        sa.PrimaryKeyConstraint("school_id", "event_id", "position", name=op.f("pk_event_guests")),
    )
    op.create_table(
        "event_programme",
        *_owned("event_programme"),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("time", sa.String(length=40), nullable=False),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("speaker", sa.Text(), nullable=False),
        _owner_key("event_programme"),
        sa.PrimaryKeyConstraint("school_id", "event_id", "position", name=op.f("pk_event_programme")),
    )
    op.create_table(
        "event_agenda",
        *_owned("event_agenda"),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("meeting_id", _id(), nullable=False),
        sa.Column("item_number", sa.Integer(), nullable=False),
        _owner_key("event_agenda"),
        sa.ForeignKeyConstraint(["school_id", "meeting_id"], ["meetings.school_id", "meetings.id"],
                                name=op.f("fk_event_agenda_school_id_meeting_id_meetings"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("school_id", "event_id", "position", name=op.f("pk_event_agenda")),
    )


def downgrade() -> None:
    for table in ("event_agenda", "event_programme", "event_guests", "event_people", "events"):
        op.drop_table(table)
