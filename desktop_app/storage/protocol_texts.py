"""The protocols' search passages (``protocol_texts``): what a search found and the query that finds
it, on SQLite through the FTS5 index, on PostgreSQL by a regular expression (``storage.dialect``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import FromClause, select
from sqlalchemy.orm import Session

from desktop_app.storage import mapping
from desktop_app.storage import models as m
from desktop_app.storage.dialect import text_index, text_index_match, text_match

_PROTOCOL_TEXTS = mapping.table_of(m.ProtocolTextRow)


@dataclass(frozen=True)
class ProtocolPassage:
    """A passage of a protocol (what a search found), with what names its protocol and, once the
    search has placed it, where the match starts and ends in ``text``. ``place`` is "place",
    "title", "heard", "spoke" or "decision" (``protocol_texts.field``)."""

    meeting: str
    body: str
    academic_year: str
    number: int
    date: date
    item: int | None
    place: str
    text: str
    start: int = 0
    end: int = 0


def search(session: Session, school_id: str, text: str, limit: int) -> list[ProtocolPassage]:
    """Passages of the school's protocols that hold ``text`` (words in this order, the last one
    maybe unfinished, any case), newest meeting first and in the protocol's order within one.
    Needs the full-text index on SQLite (``Database.text_index``); PostgreSQL matches the same
    passages with a regular expression."""
    passages, meetings, bodies = _PROTOCOL_TEXTS, mapping.MEETINGS.table, mapping.ASSOCIATIONS.table
    source: FromClause
    if session.get_bind().dialect.name == "sqlite":
        index = text_index()
        source = index.join(passages, passages.c.id == index.c.rowid)
        matches = text_index_match(text)
    else:
        source, matches = passages, text_match(passages.c.text, text)
    statement = (
        select(passages.c.meeting_id, meetings.c.body_id, bodies.c.academic_year_id, meetings.c.number,
               meetings.c.date, passages.c.item, passages.c.field, passages.c.text)
        .select_from(
            source
            .join(meetings, (meetings.c.school_id == passages.c.school_id)
                  & (meetings.c.id == passages.c.meeting_id))
            .join(bodies, (bodies.c.school_id == meetings.c.school_id) & (bodies.c.id == meetings.c.body_id)))
        .where(matches, passages.c.school_id == school_id)
        .order_by(meetings.c.date.desc(), meetings.c.body_id.desc(), meetings.c.number.desc(),
                  passages.c.id)
        .limit(limit))
    return [ProtocolPassage(*row) for row in session.execute(statement)]
