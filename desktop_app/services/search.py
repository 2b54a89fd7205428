"""Full-text search over all protocols of a school (titles, speeches, decisions), all years.

``ProtocolSearch`` is the interface the window uses. ``FtsProtocolSearch`` asks the SQLite FTS5
index (storage keeps it with every write of a meeting); ``PlainProtocolSearch`` folds case in
Python over the loaded meetings and serves where the SQLite has no FTS5. ``Services`` picks one
when the database is opened. Both fold Kazakh letters (Ә/ә, Қ/қ, Ү/ү, І/і ...) like Russian ones
and return the same hits; the index matches whole words and the start of the last one ("үйірме"
finds "Үйірмелер"), the fallback any part of a word. A PostgreSQL backend would be a third
implementation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from desktop_app.domain.accounts import Actor
from desktop_app.services.base import Clock, Service, utc_now
from desktop_app.storage.database import Database
from desktop_app.storage.mapping import meeting_texts


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
            for item, place, content in meeting_texts(meeting):
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


def match_span(text: str, needle: str) -> tuple[int, int]:
    """Where an index hit is in its text: the needle at the start of a word, as the index matched
    it; else anywhere; else its words with other separators between them ("оқу-жылы" for
    "оқу жылы"); (0, 0) if none is found."""
    at_word = re.compile(r"(?<![^\W_])" + re.escape(needle), re.IGNORECASE).search(text)
    if at_word:
        return at_word.span()
    span = find_in(text, needle)
    if span is not None:
        return span
    words = re.findall(r"[^\W_]+", needle)
    if words:
        pattern = r"(?<![^\W_])" + r"[\W_]+".join(re.escape(word) for word in words)
        found = re.search(pattern, text, re.IGNORECASE)
        if found:
            return found.span()
    return 0, 0


class FtsProtocolSearch(Service):
    """The SQLite FTS5 index: a phrase query with the last word as a prefix, sorted and limited
    in SQL, so that only the hits shown are read (20 000 agenda items: ~10 ms, bench/search_bench.py)."""

    def search(self, actor: Actor, school: str, text: str, limit: int = 200) -> list[Hit]:
        needle = text.strip()
        if not needle:
            return []
        with self._read(actor, school) as store:
            passages = store.search_protocols(school, needle, limit)
        return [Hit(p.meeting, p.body, p.academic_year, p.number, p.date, p.item, p.field, p.text,
                    *match_span(p.text, needle)) for p in passages]


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
