"""The shared sample school as domain records, read through the exchange codec."""

from __future__ import annotations

from desktop_app.domain.entities import SchoolRecords
from desktop_app.services.exchange import parse_document
from tests.shared_files import SAMPLE


def sample_records() -> SchoolRecords:
    return parse_document(SAMPLE.read_bytes())
