"""Preferences the window and the command line share (the backup folder), in a small JSON file.

The window's own look (language, geometry) stays in its Qt INI file; what the command line must also
honour lives here, because the command line does not load Qt.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from desktop_app.config.paths import config_dir, default_backup_dir

PREFERENCES_FILE = "preferences.json"


def _file() -> Path:
    return config_dir() / PREFERENCES_FILE


def _read() -> dict[str, object]:
    try:
        value = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _write(values: dict[str, object]) -> None:
    """Write through a temporary file so a crash never leaves half a file."""
    target = _file()
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(values, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, target)


def saved_backup_dir() -> Path | None:
    """The backup folder the administrator chose (a flash drive, say), or None for the default."""
    value = _read().get("backup_folder")
    return Path(value) if isinstance(value, str) and value else None


def save_backup_dir(folder: Path | None) -> None:
    values = _read()
    values["backup_folder"] = str(folder) if folder is not None else ""
    _write(values)


def backup_dir_for(database: str) -> Path:
    """Where backups of ``database`` go: the chosen folder, else ``backups/`` beside it."""
    return saved_backup_dir() or default_backup_dir(database)
