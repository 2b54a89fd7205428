"""The Kazakh alphabet order, shared by the SQLite collation and by Python-side sorting.

Russian is a subset of the Kazakh Cyrillic alphabet, so one order serves both languages.
Characters of the alphabet sort first, in its order; every other character (Latin, digits,
punctuation) sorts after them by its case-folded code point. Case is ignored; ties between
strings that differ only in case are broken by the original string, so the order is total.
"""

from __future__ import annotations

from functools import lru_cache

KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"

_RANK = {letter: index for index, letter in enumerate(KAZAKH_ALPHABET)}
_OTHER = len(KAZAKH_ALPHABET)

CharKey = tuple[int, int]


def primary_key(text: str) -> tuple[CharKey, ...]:
    """The case-insensitive part of the key: equal exactly when the case-folded texts are equal."""
    return tuple(
        (0, _RANK[ch]) if ch in _RANK else (1, ord(ch))
        for ch in text.casefold()
    )


@lru_cache(maxsize=8192)
def sort_key(text: str) -> tuple[tuple[CharKey, ...], str]:
    """Key for ``sorted``: Kazakh alphabet order, case-insensitive, ties broken by the text."""
    return primary_key(text), text


def compare(left: str, right: str) -> int:
    """A three-way comparison, as an SQLite collation wants it."""
    a, b = sort_key(left), sort_key(right)
    return (a > b) - (a < b)
