"""JSON paths of problems: ``associations[4].members[2].teacher``, the record they point into, and
the document order problems are listed in."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import Any, cast

from desktop_app.domain.validation import COLLECTIONS

_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def json_path(parts: Iterable[str | int]) -> str:
    """``["associations", 4, "members"]`` → ``associations[4].members``; ``[]`` → ``$``."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _PLAIN_KEY.match(part):
            text += f".{part}" if text else part
        else:
            text += f"[{json.dumps(part, ensure_ascii=False)}]"
    return text or "$"


def record_of(document: Any, parts: Sequence[str | int]) -> str | None:
    """The id of the top-level record (or the school) that ``parts`` points into."""
    if not isinstance(document, dict) or not parts:
        return None
    head = document.get(parts[0]) if isinstance(parts[0], str) else None
    record: Any = None
    if parts[0] == "school":
        record = head
    elif parts[0] in COLLECTIONS and len(parts) >= 2 and isinstance(parts[1], int) and isinstance(head, list):
        record = head[parts[1]] if 0 <= parts[1] < len(head) else None
    if isinstance(record, dict) and isinstance(record.get("id"), str):
        return cast(str, record["id"])
    return None


_TOP_ORDER = {name: i for i, name in enumerate(("format", "version", "exported_at", *COLLECTIONS))}


def document_order(parts: Sequence[str | int]) -> tuple[int, int]:
    if not parts:
        return (-1, -1)
    top = _TOP_ORDER.get(str(parts[0]), len(_TOP_ORDER))
    index = parts[1] if len(parts) >= 2 and isinstance(parts[1], int) else -1
    return (top, index)
