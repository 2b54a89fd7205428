"""The name of a member from another school kept with each mark of their attendance (п. 21)

Revision ID: 0020_guest_mark_names
Revises: 0019_guest_speakers
Create Date: 2026-12-07 11:10:00.000000

``meeting_guest_attendance`` refers to another school's teacher without a foreign key (that school
may be imported again over it, or be absent from the database a protocol is imported into), so a
mark keeps the name as it was in ``name``, as a speech keeps ``speaker_name`` (0019): the protocol
prints it should that teacher be gone. Nullable: the marks made before have none, except where the
database still knows the teacher, whose name is filled in here (a finalized protocol is never saved
again, which is when a mark gets its name).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020_guest_mark_names"
down_revision: str | None = "0019_guest_speakers"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MARKS = sa.table("meeting_guest_attendance", sa.column("school_id"), sa.column("meeting_id"),
                  sa.column("position"), sa.column("member_school_id"), sa.column("teacher_id"),
                  sa.column("name"))
_TEACHERS = sa.table("teachers", sa.column("school_id"), sa.column("id"), sa.column("last_name"),
                     sa.column("first_name"), sa.column("patronymic"))


def upgrade() -> None:
    # Plain ADD COLUMN, not batch mode: no copy of a table others refer to.
    op.add_column("meeting_guest_attendance", sa.Column("name", sa.String(length=302), nullable=True))
    connection = op.get_bind()
    t = _TEACHERS.c
    known = connection.execute(
        sa.select(_MARKS.c.school_id, _MARKS.c.meeting_id, _MARKS.c.position, t.last_name, t.first_name,
                  t.patronymic)
        .select_from(_MARKS.join(_TEACHERS, sa.and_(t.school_id == _MARKS.c.member_school_id,
                                                    t.id == _MARKS.c.teacher_id)))).all()
    for row in known:  # a few marks per inter-school meeting: one statement each is enough
        name = " ".join(part for part in (row.last_name, row.first_name, row.patronymic) if part)
        connection.execute(sa.update(_MARKS).where(
            _MARKS.c.school_id == row.school_id, _MARKS.c.meeting_id == row.meeting_id,
            _MARKS.c.position == row.position).values(name=name or None))


def downgrade() -> None:
    op.drop_column("meeting_guest_attendance", "name")  # SQLite 3.35+ drops a column in place
