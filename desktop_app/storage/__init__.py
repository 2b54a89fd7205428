"""Persistence: SQLAlchemy models, migrations, the Store repository and backups.

The only package that imports sqlalchemy and alembic; it takes and returns domain objects.
"""

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
