"""Full-text search over all protocols of a school (titles, speeches, decisions), all years.

``ProtocolSearch`` is the interface the window uses; ``PlainProtocolSearch`` implements it by
case-folding in Python over the loaded meetings (``str.casefold`` folds Kazakh letters Ә/ә, Қ/қ,
Ү/ү, І/і like Russian ones). A SQLite FTS5 index (its unicode61 tokenizer folds the same letters)
or a PostgreSQL backend can implement the same interface later; ``fts5_available`` reports
whether the running SQLite could host one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from desktop_app.domain.accounts import Actor
from desktop_app.domain.entities import Meeting
from desktop_app.services.base import Clock, Service, utc_now
from desktop_app.storage.database import Database

#: Where in a protocol a hit was found (msgids for the window).
PLACES = {"title": "agenda item", "heard": "HEARD", "spoke": "SPOKE", "decision": "RESOLVED",
          "place": "place"}


@dataclass(frozen=True)
class Hit:
    """One occurrence: the text that contains it and where the match starts and ends in it."""

    meeting: str
    body: str
    academic_year: str
    number: int
    date: date
    item: int | None
    place: str
    text: str
    start: int
    end: int


class ProtocolSearch(Protocol):
    def search(self, actor: Actor, school: str, text: str, limit: int = 200) -> list[Hit]: ...


def fts5_available() -> bool:
    """Whether the SQLite linked into Python can create an FTS5 table (checked at start)."""
    try:
        connection = sqlite3.connect(":memory:")
        try:
            connection.execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return True


def _texts(meeting: Meeting) -> Iterator[tuple[int | None, str, str]]:
    if meeting.place:
        yield None, "place", meeting.place
    for item in meeting.agenda:
        yield item.number, "title", item.title
        for speech in item.heard:
            yield item.number, "heard", speech.text
        for speech in item.spoke:
            yield item.number, "spoke", speech.text
        for decision in item.decisions:
            yield item.number, "decision", decision


def find_in(text: str, needle: str) -> tuple[int, int] | None:
    """The span of the first case-insensitive occurrence of ``needle`` in ``text``.

    casefold keeps the length of Cyrillic letters, so positions in the folded text are positions
    in the original; for the rare letters that grow (ß) the search falls back to a scan."""
    folded = text.casefold()
    wanted = needle.casefold()
    if len(folded) == len(text):
        at = folded.find(wanted)
        return (at, at + len(needle)) if at >= 0 else None
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            if text[start:end].casefold() == wanted:
                return start, end
    return None


class PlainProtocolSearch(Service):
    """The fallback that works on every database: fold and compare in Python.

    The folded texts are kept between searches and reloaded when the audit trail has moved on
    (every change of a record writes an audit event), so a search after the first one only scans
    memory: 20 000 agenda items answer in a few milliseconds (bench/search_bench.py)."""

    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        super().__init__(db, clock)
        self._cache: dict[str, tuple[str, list[_Entry]]] = {}

    def _entries(self, actor: Actor, school: str) -> list[_Entry]:
        with self._read(actor, school) as store:
            last = store.last_audit()
            token = last.hash if last is not None else ""
            cached = self._cache.get(school)
            if cached is not None and cached[0] == token:
                return cached[1]
            years = {b.id: b.academic_year for b in store.list_associations(school)}
            meetings = store.list_meetings(school)
        entries = []
        for meeting in sorted(meetings, key=lambda m: (m.date, m.body, m.number), reverse=True):
            year = years.get(meeting.body, "")
            for item, place, content in _texts(meeting):
                entries.append(_Entry(content.casefold(), content, meeting.id, meeting.body, year,
                                      meeting.number, meeting.date, item, place))
        self._cache[school] = (token, entries)
        return entries

    def search(self, actor: Actor, school: str, text: str, limit: int = 200) -> list[Hit]:
        needle = text.strip()
        if not needle:
            return []
        wanted = needle.casefold()
        hits: list[Hit] = []
        for entry in self._entries(actor, school):
            if wanted not in entry.folded:
                continue
            span = find_in(entry.text, needle)
            if span is None:
                continue
            hits.append(Hit(entry.meeting, entry.body, entry.academic_year, entry.number, entry.date,
                            entry.item, entry.place, entry.text, *span))
            if len(hits) >= limit:
                break
        return hits


@dataclass(frozen=True)
class _Entry:
    folded: str
    text: str
    meeting: str
    body: str
    academic_year: str
    number: int
    date: date
    item: int | None
    place: str
