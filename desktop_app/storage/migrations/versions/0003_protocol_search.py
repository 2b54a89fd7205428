"""Full-text search of protocols: their passages, and the FTS5 index over them on SQLite

Revision ID: 0003_protocol_search
Revises: 0002_accounts_audit
Create Date: 2026-11-27 17:20:00.000000

``protocol_texts`` holds what a search looks through (a meeting's place, each agenda item's
title, speeches and decisions) in the protocol's order; it is filled here from the meetings
already recorded. The FTS5 table over it is made only where the SQLite has FTS5; elsewhere
search falls back to scanning the meetings, and the index is made when the file is next opened
by an SQLite with FTS5 (``dialect.ensure_text_index``).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desktop_app.storage import dialect

revision: str = "0003_protocol_search"
down_revision: str | None = "0002_accounts_audit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The passages of every recorded meeting in the order of storage.mapping.meeting_texts: the place,
#: then per agenda item its title, HEARD, SPOKE and RESOLVED.
FILL = """
INSERT INTO protocol_texts (school_id, meeting_id, item, field, text)
SELECT school_id, meeting_id, item, field, text FROM (
    SELECT school_id, id AS meeting_id, NULL AS item, 'place' AS field, place AS text,
           -1 AS item_position, 0 AS part, 0 AS position
    FROM meetings WHERE place IS NOT NULL AND place <> ''
    UNION ALL
    SELECT school_id, meeting_id, number, 'title', title, position, 1, 0
    FROM agenda_items WHERE title <> ''
    UNION ALL
    SELECT s.school_id, s.meeting_id, i.number, s.kind, s.text, s.item_position,
           CASE s.kind WHEN 'heard' THEN 2 ELSE 3 END, s.position
    FROM agenda_speeches s JOIN agenda_items i
      ON i.school_id = s.school_id AND i.meeting_id = s.meeting_id AND i.position = s.item_position
    WHERE s.text <> ''
    UNION ALL
    SELECT d.school_id, d.meeting_id, i.number, 'decision', d.text, d.item_position, 4, d.position
    FROM agenda_decisions d JOIN agenda_items i
      ON i.school_id = d.school_id AND i.meeting_id = d.meeting_id AND i.position = d.item_position
    WHERE d.text <> ''
) AS passages
ORDER BY school_id, meeting_id, item_position, part, position
"""


def upgrade() -> None:
    op.create_table(
        "protocol_texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.String(length=64), nullable=False),
        sa.Column("meeting_id", sa.String(length=64), nullable=False),
        sa.Column("item", sa.Integer(), nullable=True),
        sa.Column("field", sa.String(length=10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["school_id", "meeting_id"],
            ["meetings.school_id", "meetings.id"],
            name=op.f("fk_protocol_texts_school_id_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_protocol_texts")),
    )
    with op.batch_alter_table("protocol_texts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_protocol_texts_school_id_meeting_id"), ["school_id", "meeting_id"], unique=False
        )
    op.execute(FILL)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and dialect.fts5_available():
        dialect.create_text_index(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        dialect.drop_text_index(bind)
    with op.batch_alter_table("protocol_texts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_protocol_texts_school_id_meeting_id"))
    op.drop_table("protocol_texts")
