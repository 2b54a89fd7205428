"""Persistence: SQLAlchemy models, migrations, the Store repository and backups.

The only package that imports sqlalchemy and alembic; it takes and returns domain objects. The names
below are loaded on first use, so that importing one module of the package does not load them all.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.storage.database import Database
    from desktop_app.storage.errors import (
        CorruptError,
        DiskFullError,
        LockedError,
        NewerDatabaseError,
        ReadOnlyError,
        StorageError,
    )
    from desktop_app.storage.store import Store

_WHERE = {"Database": "database", "Store": "store", "CorruptError": "errors", "DiskFullError": "errors",
          "LockedError": "errors", "NewerDatabaseError": "errors", "ReadOnlyError": "errors",
          "StorageError": "errors"}

__all__ = [
    "CorruptError",
    "Database",
    "DiskFullError",
    "LockedError",
    "NewerDatabaseError",
    "ReadOnlyError",
    "StorageError",
    "Store",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
