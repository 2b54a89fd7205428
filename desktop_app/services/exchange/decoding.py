"""Strict decoding of a document's bytes: UTF-8, no duplicate keys, no NaN, a size limit."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from desktop_app.domain.errors import N_, Rule
from desktop_app.services.exchange.paths import json_path, record_of
from desktop_app.services.exchange.problems import ExchangeError, Problem, root_problem

#: Documents larger than this are refused before they are parsed.
MAX_DOCUMENT_BYTES = 200 * 1024 * 1024

class _Constant(ValueError):
    pass


def _line_column(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column


def decode_text(data: bytes | str) -> str:
    """The text of ``data``: at most MAX_DOCUMENT_BYTES of UTF-8, a BOM dropped."""
    if isinstance(data, str):
        if len(data) > MAX_DOCUMENT_BYTES or len(data.encode("utf-8", "surrogatepass")) > MAX_DOCUMENT_BYTES:
            raise root_problem(N_("The document is larger than {limit} MB"), limit=MAX_DOCUMENT_BYTES >> 20)
        return data.removeprefix("\ufeff")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise root_problem(N_("The document is larger than {limit} MB"), limit=MAX_DOCUMENT_BYTES >> 20)
    raw = bytes(data).removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_column(raw, exc.start)
        raise root_problem(
            N_("The document is not UTF-8 text: line {line}, column {column}"), line=line, column=column
        ) from None


def load_json(data: bytes | str) -> Any:
    """The JSON value of ``data``: UTF-8 (a BOM is tolerated), no duplicate keys, no NaN."""
    text = decode_text(data)

    duplicates: list[tuple[dict[str, Any], list[str]]] = []

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj: dict[str, Any] = {}
        repeated: list[str] = []
        for key, value in pairs:
            if key in obj and key not in repeated:
                repeated.append(key)
            obj[key] = value
        if repeated:
            duplicates.append((obj, repeated))
        return obj

    def reject_constant(name: str) -> Any:
        raise _Constant(name)

    try:
        document = json.loads(text, object_pairs_hook=pairs_hook, parse_constant=reject_constant)
    except json.JSONDecodeError as exc:
        raise root_problem(
            N_("The document is not valid JSON: {detail} at line {line}, column {column}"),
            detail=exc.msg, line=exc.lineno, column=exc.colno,
        ) from None
    except _Constant as exc:
        raise root_problem(
            N_("The document is not valid JSON: {detail}"), detail=f"{exc} is not a number"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise root_problem(N_("The document is not valid JSON: {detail}"), detail=str(exc)[:200]) from None

    if duplicates:
        where = {id(obj): keys for obj, keys in duplicates}
        problems: list[Problem] = []
        for parts, value in _walk(document, []):
            keys = where.get(id(value)) if isinstance(value, dict) else None
            for key in keys or []:
                problems.append(Problem(
                    json_path(parts), record_of(document, parts), Rule.SCHEMA,
                    N_("The key {key} appears more than once in one object"), {"key": key},
                ))
        raise ExchangeError(problems)
    return document


def _walk(value: Any, parts: list[str | int]) -> Iterable[tuple[list[str | int], Any]]:
    stack: list[tuple[list[str | int], Any]] = [(parts, value)]
    while stack:
        here, item = stack.pop()
        yield here, item
        if isinstance(item, dict):
            stack.extend(([*here, k], v) for k, v in reversed(list(item.items())))
        elif isinstance(item, list):
            stack.extend(([*here, i], v) for i, v in reversed(list(enumerate(item))))
