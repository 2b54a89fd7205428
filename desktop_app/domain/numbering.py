"""Numbers people type in front of a decision that the protocol numbers itself.

The printed protocol numbers the decisions of item N as «N.1.», «N.2.», …; a decision typed as
«1.1. Принять к сведению» would print «1.1. 1.1. Принять к сведению». The editor (on save), the
exchange import and the printer strip such a leading number. Only what reads as numbering goes:
«1.», «1)», «1.1.», «1.1)», and «1.1» before a capital letter; a year («2026 жылы …»), a count
(«3 сынып») or a decimal («1.5 часа …») stays.
"""

from __future__ import annotations

import re

_NUMBERING = re.compile(
    r"^\s*(?:\d{1,3}(?:\.\d{1,3})*[.)]|\d{1,3}(?:\.\d{1,3})+(?=\s+[^\W\d_a-zа-яёәғқңөұүһі]))\s+"
)


def strip_leading_number(text: str) -> str:
    """The decision without the number typed in front of it (repeated numbers too)."""
    while (match := _NUMBERING.match(text)) and match.end() < len(text):
        text = text[match.end():]
    return text
