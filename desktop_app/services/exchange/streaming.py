"""A document read one record at a time: the top-level keys in file order, and each item of a
top-level array decoded on its own, so that a school's ten years of plans are never all in memory.

The records are decoded by the same strict decoder as :func:`decoding.load_json` (no NaN, no
duplicate keys). Anything unusual — a syntax error, a duplicated key, a top level that is not an
object — raises :class:`Unusual`; the caller then reads the document whole, which explains the
problem exactly as before.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


class Unusual(Exception):
    """The document cannot be read record by record; read it whole."""


@dataclass(frozen=True)
class Member:
    """A top-level key with its whole value (``index`` None), or one item of its array."""

    key: str
    index: int | None
    value: Any


#: Marks the start of a top-level array; its items follow as Members with an index.
ARRAY_START = object()

_SPACE = re.compile(r"[ \t\n\r]*")


def _skip(text: str, at: int) -> int:
    """The position of the next character that is not JSON white space."""
    found = _SPACE.match(text, at)
    return found.end() if found else at


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise Unusual("duplicate key")
    return obj


def _constant(name: str) -> Any:
    raise Unusual(name)


_DECODER = json.JSONDecoder(object_pairs_hook=_pairs, parse_constant=_constant)


def members(text: str) -> Iterator[Member]:
    """The top level of ``text``: for an array value a Member with ``ARRAY_START`` as its value,
    then one Member per item; for any other value one Member with the value."""
    decode = _DECODER.raw_decode
    try:
        at = _skip(text, 0)
        if text[at] != "{":
            raise Unusual("not an object")
        at = _skip(text, at + 1)
        seen: set[str] = set()
        while text[at] != "}":
            if text[at] != '"':
                raise Unusual("key expected")
            key, at = decode(text, at)
            if key in seen:
                raise Unusual("duplicate key")
            seen.add(key)
            at = _skip(text, at)
            if text[at] != ":":
                raise Unusual("colon expected")
            at = _skip(text, at + 1)
            if text[at] == "[":
                yield Member(key, None, ARRAY_START)
                at = _skip(text, at + 1)
                index = 0
                while text[at] != "]":
                    value, at = decode(text, at)
                    yield Member(key, index, value)
                    index += 1
                    at = _skip(text, at)
                    if text[at] == ",":
                        at = _skip(text, at + 1)
                        if text[at] == "]":
                            raise Unusual("trailing comma")
                    elif text[at] != "]":
                        raise Unusual("comma expected")
                at += 1
            else:
                value, at = decode(text, at)
                yield Member(key, None, value)
            at = _skip(text, at)
            if text[at] == ",":
                at = _skip(text, at + 1)
                if text[at] == "}":
                    raise Unusual("trailing comma")
            elif text[at] != "}":
                raise Unusual("comma expected")
        if _SPACE.match(text, at + 1).end() != len(text):  # type: ignore[union-attr]
            raise Unusual("extra data")
    except (ValueError, IndexError, RecursionError) as exc:  # JSONDecodeError is a ValueError
        raise Unusual(str(exc)[:200]) from None
