"""Default file names of printed documents: what the document is and whose, safe on Windows.

«Хаттама №3 Математика және информатика пәндері мұғалімдерінің ӘБ 2026-09-15.pdf»: the kind first,
then the number, then the words that tell whose it is (association, teacher, subject, date). The
words arrive already in the document's language; this module only joins and cleans them, so every
place that saves a document names it the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Characters Windows refuses in a file name, and the control characters.
_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
#: Names Windows keeps for devices, whatever the extension (CON.pdf is a device too).
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
#: Long enough for the longest association name, short enough for a deep folder on Windows (260).
MAX_STEM = 120


def _clean(text: str) -> str:
    """One part: forbidden characters become spaces, runs of spaces one space."""
    return " ".join(_FORBIDDEN.sub(" ", text).split())


def _words_once(parts: Sequence[str]) -> list[str]:
    """The parts in order, a part already given dropped, a word repeated right after itself dropped
    (no "КТП КТП", no "ktp-ktp-…")."""
    seen: set[str] = set()
    words: list[str] = []
    for part in parts:
        cleaned = _clean(part)
        if not cleaned or cleaned.casefold() in seen:
            continue
        seen.add(cleaned.casefold())
        for word in cleaned.split(" "):
            if not words or words[-1].casefold() != word.casefold():
                words.append(word)
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

    counts: dict[str, int] = {}
    for name, _record in names:
        counts[name.casefold()] = counts.get(name.casefold(), 0) + 1
    result: list[str] = []
    taken: set[str] = set()
    for name, record in names:
        candidate = name
        if counts[name.casefold()] > 1:
            stem, extension = split(name)
            candidate = f"{_safe_stem(f'{stem} {_clean(record)[:40]}')}{extension}"
        stem, extension = split(candidate)
        number = 2
        while candidate.casefold() in taken:
            candidate = f"{stem} ({number}){extension}"
            number += 1
        taken.add(candidate.casefold())
        result.append(candidate)
    return result
