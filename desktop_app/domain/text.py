"""Text compared the way people mean it: one ``fold`` for search, sorting and reading headers."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Case-insensitive form: NFC, lower case (Ә/ә, Ұ/ұ, І/і fold like any letter), ё as е, spaces
    collapsed and trimmed, a trailing ":" or "*" dropped (a heading written «Тақырыбы:» reads as the
    word)."""
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    return re.sub(r"\s+", " ", text).strip().rstrip(":*").strip()
