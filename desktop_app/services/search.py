"""Full-text search over all protocols of a school (titles, speeches, decisions), all years.

``ProtocolSearch`` is the interface the window uses. ``FtsProtocolSearch`` asks the SQLite FTS5
index (storage keeps it with every write of a meeting); ``ServerProtocolSearch`` asks
PostgreSQL, which matches the same passages with a regular expression over ICU-folded text;
``PlainProtocolSearch`` folds case in Python over the loaded meetings and serves where the SQLite
has no FTS5. ``Services`` picks one when the database is opened. All fold Kazakh letters
(Ә/ә, Қ/қ, Ү/ү, І/і ...) like Russian ones and return the same hits; the index and the server
match whole words and the start of the last one ("үйірме" finds "Үйірмелер"), the fallback any
part of a word. A hit is a ``ProtocolPassage`` of storage with the span of the match.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol

from desktop_app.domain.accounts import Actor
from desktop_app.services.base import Clock, Service, utc_now
from desktop_app.storage.database import Database
from desktop_app.storage.mapping import meeting_texts
from desktop_app.storage.protocol_texts import ProtocolPassage

#: One occurrence: the passage that contains it and where the match starts and ends in it.
Hit = ProtocolPassage


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
        self._cache: dict[str, tuple[str, list[tuple[str, Hit]]]] = {}

    def _entries(self, actor: Actor, school: str) -> list[tuple[str, Hit]]:
        """Every passage of the school's protocols with its case-folded text, newest first."""
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
                entries.append((content.casefold(), Hit(meeting.id, meeting.body, year, meeting.number,
                                                        meeting.date, item, place, content)))
        self._cache[school] = (token, entries)
        return entries

    def search(self, actor: Actor, school: str, text: str, limit: int = 200) -> list[Hit]:
        needle = text.strip()
        if not needle:
            return []
        wanted = needle.casefold()
        hits: list[Hit] = []
        for folded, passage in self._entries(actor, school):
            if wanted not in folded:
                continue
            span = find_in(passage.text, needle)
            if span is None:
                continue
            hits.append(replace(passage, start=span[0], end=span[1]))
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
        return [replace(p, start=span[0], end=span[1]) for p in passages
                for span in (match_span(p.text, needle),)]


class ServerProtocolSearch(FtsProtocolSearch):
    """PostgreSQL: no Kazakh stemmer exists, so instead of a ``tsvector`` storage matches the
    passages' text, lower-cased by the ICU collation, with a regular expression that finds what
    the FTS5 phrase query finds (``dialect.text_pattern``); sorting and the limit stay in SQL."""


def protocol_search(db: Database, clock: Clock = utc_now) -> ProtocolSearch:
    """The search that suits ``db``: the server's, the FTS5 index, else the plain scan."""
    if db.engine.dialect.name == "postgresql":
        return ServerProtocolSearch(db, clock)
    return (FtsProtocolSearch if db.text_index else PlainProtocolSearch)(db, clock)
