"""The window's own preferences (language, geometry, last section, backup folder) in an INI file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from desktop_app.paths import config_dir, default_backup_dir

SETTINGS_FILE = "metodsovet.ini"


def settings() -> QSettings:
    """An INI file in the user's config folder (METODSOVET_HOME in tests), never the registry."""
    return QSettings(str(config_dir() / SETTINGS_FILE), QSettings.Format.IniFormat)


def saved_language() -> str | None:
    value = settings().value("language")
    return str(value) if value else None


def save_language(language: str) -> None:
    store = settings()
    store.setValue("language", language)
    store.sync()


def saved_backup_dir() -> Path | None:
    """The backup folder the administrator chose (a flash drive, say), or None for the default."""
    value = settings().value("backups/folder")
    return Path(str(value)) if value else None


def save_backup_dir(folder: Path | None) -> None:
    store = settings()
    store.setValue("backups/folder", str(folder) if folder is not None else "")
    store.sync()


def backup_dir_for(database: str) -> Path:
    """Where the window keeps backups of ``database``: the chosen folder, else ``backups/`` beside it."""
    return saved_backup_dir() or default_backup_dir(database)
