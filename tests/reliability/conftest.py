"""A real database file holding the sample school, for every reliability test."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.services import Services
from tests.shared_files import SAMPLE


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "school.sqlite3"
    services = Services.open(str(path))
    try:
        services.exchange.import_document(COMMAND_LINE, SAMPLE.read_bytes())
    finally:
        services.close()
    return path
