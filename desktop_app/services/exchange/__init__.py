"""The exchange format, version 1 (spec/exchange-v1.md): one JSON document per school.

problems (why a document is refused), paths (JSON paths), decoding (strict JSON), schema (the JSON
Schema and its errors), reading (JSON → records), writing (records → JSON), service (import, export).
The names below are loaded from their module when first used: printing a protocol needs only
``dump_meeting`` (its verification code), not the reader and the schema (issue 16).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.services.exchange.decoding import MAX_DOCUMENT_BYTES
    from desktop_app.services.exchange.problems import ExchangeError, Problem
    from desktop_app.services.exchange.reading import parse_document, parse_meeting
    from desktop_app.services.exchange.schema import load_schema, load_v1_schema
    from desktop_app.services.exchange.writing import FORMAT, VERSION, dump_document, dump_meeting, dump_plan

_WHERE = {"MAX_DOCUMENT_BYTES": "decoding", "ExchangeError": "problems", "Problem": "problems",
          "parse_document": "reading", "parse_meeting": "reading", "load_schema": "schema",
          "load_v1_schema": "schema", "FORMAT": "writing", "VERSION": "writing", "dump_document": "writing",
          "dump_meeting": "writing", "dump_plan": "writing"}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FORMAT",
    "MAX_DOCUMENT_BYTES",
    "VERSION",
    "ExchangeError",
    "Problem",
    "dump_document",
    "dump_meeting",
    "dump_plan",
    "load_schema",
    "load_v1_schema",
    "parse_document",
    "parse_meeting",
]
