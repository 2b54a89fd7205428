"""Kazakh alphabet order for sorting; ``fold`` (case folding for filtering, from the domain) is shared."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from desktop_app.domain.text import fold as fold

#: The Kazakh Cyrillic alphabet (42 letters) in its official order; Russian letters are among them.
KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_RANK = {letter: index for index, letter in enumerate(KAZAKH_ALPHABET)}
#: Letters are placed after ASCII and Latin-1 so that digits and punctuation sort first.
_BASE = 0xE000


@lru_cache(maxsize=16384)  # names repeat: a large school's ~1000 plans have ~120 teachers
def kazakh_key(text: str) -> str:
    """A string whose plain code-point order is the Kazakh alphabet order of ``text``, ignoring case.

    Qt's proxy compares strings by code point, so the key maps each Cyrillic letter to a private-use
    character at its rank (Ә right after А, Ғ after Г, І after Ы, ...).
    """
    return "".join(  # case only: Ё keeps its own place in the alphabet, where ``fold`` reads it as Е
        chr(_BASE + _RANK[ch]) if ch in _RANK else ch for ch in unicodedata.normalize("NFC", text).casefold()
    )
