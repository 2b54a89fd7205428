"""The exchange format, version 1 (spec/exchange-v1.md): one JSON document per school."""

from desktop_app.services.exchange.codec import (
    FORMAT,
    MAX_DOCUMENT_BYTES,
    VERSION,
    ExchangeError,
    Problem,
    canonical,
    dump_document,
    dump_meeting,
    dump_plan,
    load_schema,
    parse_document,
    rule_label,
)

__all__ = [
    "FORMAT",
    "MAX_DOCUMENT_BYTES",
    "VERSION",
    "ExchangeError",
    "Problem",
    "canonical",
    "dump_document",
    "dump_meeting",
    "dump_plan",
    "load_schema",
    "parse_document",
    "rule_label",
]
