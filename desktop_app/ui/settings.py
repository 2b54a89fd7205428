"""The window's own preferences (language, geometry, last section) in an INI file.

The backup folder is shared with the command line: see desktop_app.config.preferences."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop_app.config.paths import config_dir

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
