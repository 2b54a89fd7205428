"""The exchange format, version 1 (spec/exchange-v1.md): one JSON document per school.

problems (why a document is refused), paths (JSON paths), decoding (strict JSON), schema (the JSON
Schema and its errors), reading (JSON → records), writing (records → JSON), service (import, export).
"""

from desktop_app.services.exchange.decoding import MAX_DOCUMENT_BYTES
from desktop_app.services.exchange.problems import ExchangeError, Problem
from desktop_app.services.exchange.reading import parse_document, parse_meeting
from desktop_app.services.exchange.schema import load_schema, load_v1_schema
from desktop_app.services.exchange.writing import FORMAT, VERSION, dump_document, dump_meeting, dump_plan

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
