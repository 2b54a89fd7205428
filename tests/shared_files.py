"""Where tests find the shared design data: ../shared beside the checkout (as CI lays it out),
else the copies kept in tests/data so a lone clone still tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
_LOCAL = Path(__file__).resolve().parent / "data"


def shared_file(relative: str) -> Path | None:
    """The shared file, or None when ../shared is not beside this checkout."""
    path = SHARED / relative
    return path if path.exists() else None


SAMPLE = shared_file("data/sample-school.json") or _LOCAL / "sample-school.json"
SCHEMA = shared_file("spec/exchange-v1.schema.json")
