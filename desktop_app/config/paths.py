"""Where things live: bundled resources and catalogs, and the user's data, logs and backups."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Metodsovet"
APP_AUTHOR = "Metodsovet"
DB_ENV = "METODSOVET_DB"
DATA_ENV = "METODSOVET_HOME"  # tests and portable installs put every user folder under this


def install_root() -> Path:
    """The folder that holds resources/ and translations/ (the checkout, or a frozen bundle)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    return install_root() / "resources"


def translations_dir() -> Path:
    return install_root() / "translations"


def _user_dir(kind: str) -> Path:
    home = os.environ.get(DATA_ENV)
    if home:
        path = Path(home) / kind
    elif kind == "data":
        path = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    elif kind == "logs":
        path = Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    else:
        path = Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    return _user_dir("data")


def log_dir() -> Path:
    return _user_dir("logs")


def config_dir() -> Path:
    return _user_dir("config")


def default_database() -> str:
    """``METODSOVET_DB`` if set, else metodsovet.sqlite3 in the user's data folder (cli.md)."""
    return os.environ.get(DB_ENV) or str(data_dir() / "metodsovet.sqlite3")


def default_backup_dir(database: str) -> Path:
    """Backups go beside an SQLite file, in ``backups/``; for a server URL, to the data folder."""
    if "://" not in database:
        return Path(database).resolve().parent / "backups"
    return data_dir() / "backups"


def documents_dir() -> Path:
    """Where a saved document goes first: the user's Documents folder (never the program's)."""
    home = os.environ.get(DATA_ENV)
    if not home:
        return Path(platformdirs.user_documents_dir())
    path = Path(home) / "documents"
    path.mkdir(parents=True, exist_ok=True)
    return path
