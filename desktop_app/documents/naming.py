"""Default file names of printed documents: what the document is and whose, safe on Windows.

«Хаттама №3 Математика және информатика пәндері мұғалімдерінің ӘБ 2026-09-15.pdf»: the kind first,
then the number, then the words that tell whose it is (association, teacher, subject, date). The
words arrive already in the document's language; this module only joins and cleans them, so every
place that saves a document names it the same way.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

#: Characters Windows refuses in a file name, and the control characters.
_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
#: Names Windows keeps for devices, whatever the extension (CON.pdf is a device too).
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
#: Long enough for the longest association name, short enough for a deep folder on Windows (260).
MAX_STEM = 120


def _clean(text: str) -> str:
    """One part: forbidden characters become spaces, runs of spaces one space."""
    return " ".join(_FORBIDDEN.sub(" ", text).split())


@lru_cache(maxsize=8192)
def _part(text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A part cleaned and case-folded, and its words with their folded forms (the parts repeat: a
    catalog names a large school's ~1000 plans by a few subjects, years and teachers)."""
    cleaned = _clean(text)
    return cleaned.casefold(), tuple((word, word.casefold()) for word in cleaned.split(" ")) if cleaned else ()


def _words_once(parts: Sequence[str]) -> list[str]:
    """The parts in order, a part already given dropped, a word repeated right after itself dropped
    (no "КТП КТП", no "ktp-ktp-…")."""
    seen: set[str] = set()
    words: list[str] = []
    last = None
    for part in parts:
        folded, part_words = _part(part)
        if not part_words or folded in seen:
            continue
        seen.add(folded)
        for word, word_folded in part_words:
            if last != word_folded:
                words.append(word)
                last = word_folded
    return words


def _shorten(words: list[str], keep: int, limit: int) -> str:
    """Join the words; drop whole words from the end (never the first ``keep``) until within ``limit``."""
    while len(" ".join(words)) > limit and len(words) > keep:
        words = words[:-1]
    return " ".join(words)[:limit]


def _safe_stem(stem: str) -> str:
    stem = stem.rstrip(". ").lstrip(" ") or "_"
    if stem.split(".")[0].upper() in _RESERVED:
        stem = f"_{stem}"
    return stem


def document_file_name(kind: str, number: int | str | None, parts: Sequence[str],
                       extension: str = "pdf", limit: int = MAX_STEM) -> str:
    """The default file name: ``kind``, ``№number`` (when the document has one), then ``parts``.

    Never empty, no character Windows refuses, no trailing dot or space, no reserved device name,
    at most ``limit`` characters before the extension; the kind and the number are kept whole.
    """
    head = [kind] + ([f"№{_clean(str(number))}"] if number not in (None, "") else [])
    words = _words_once([*head, *parts])
    keep = len(_words_once(head))
    stem = _safe_stem(_shorten(words, keep, limit))
    return f"{stem}.{extension}" if extension else stem


def distinct_file_names(names: Sequence[tuple[str, str]]) -> list[str]:
    """``names`` are (file name, record id) pairs; a name shared by several records gets the record
    id before its extension, and a name still shared after that a counter, so that saving many
    documents into one folder never writes one over another."""
    def split(name: str) -> tuple[str, str]:
        stem, dot, extension = name.rpartition(".")
        return (stem, f".{extension}") if dot and stem else (name, "")

    folded = [name.casefold() for name, _record in names]
    counts = Counter(folded)
    result: list[str] = []
    taken: set[str] = set()
    for (name, record), key in zip(names, folded, strict=True):
        candidate = name
        if counts[key] > 1:
            stem, extension = split(name)
            candidate = f"{_safe_stem(f'{stem} {_clean(record)[:40]}')}{extension}"
            key = candidate.casefold()
        if key in taken:
            stem, extension = split(candidate)
            number = 2
            while key in taken:
                candidate = f"{stem} ({number}){extension}"
                key = candidate.casefold()
                number += 1
        taken.add(key)
        result.append(candidate)
    return result
