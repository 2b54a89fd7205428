"""Preferences the window and the command line share (the backup folder, the school server), in a
small JSON file.

The window's own look (language, geometry) stays in its Qt INI file; what the command line must also
honour lives here, because the command line does not load Qt.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

from desktop_app.config.paths import config_dir, default_backup_dir

PREFERENCES_FILE = "preferences.json"


def _file() -> Path:
    return config_dir() / PREFERENCES_FILE


def _read() -> dict[str, object]:
    try:
        text = _file().read_text(encoding="utf-8")
    except OSError:
        return {}
    import json  # only now: a PC without preferences (most) opens its first window without it

    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _write(values: dict[str, object]) -> None:
    """Write through a temporary file so a crash never leaves half a file."""
    import json

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


# --- a school server (issue 17): where it is and who signs in, never the password ------------------

SSL_MODES = ("prefer", "require", "verify-ca", "verify-full", "disable")
DEFAULT_PORT = 5432


class ServerChoice(NamedTuple):
    """A school server as the person typed it at sign-in; the password is never kept here.

    A named tuple, not a dataclass: the sign-in window is painted without ``dataclasses``."""

    host: str
    database: str = "metodsovet"
    port: int = DEFAULT_PORT
    sslmode: str = "prefer"
    login: str = ""

    def url(self, login: str, password: str) -> str:
        """The database URL for ``login``: what ``--db`` takes (the password only in memory)."""
        user = quote(login, safe="")
        secret = f":{quote(password, safe='')}" if password else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return (f"postgresql+psycopg://{user}{secret}@{host}:{self.port}/{quote(self.database, safe='')}"
                f"?sslmode={self.sslmode}")

    def label(self) -> str:
        """``host:port/database``, as the sign-in window shows where it connects."""
        return f"{self.host}:{self.port}/{self.database}"


def saved_server() -> ServerChoice | None:
    """The school server this PC signs in to, or None: the database file on this PC."""
    value = _read().get("server")
    if not isinstance(value, dict) or not isinstance(value.get("host"), str) or not value["host"]:
        return None
    try:
        return ServerChoice(str(value["host"]), str(value.get("database") or "metodsovet"),
                            int(value.get("port") or DEFAULT_PORT),
                            str(value.get("sslmode") if value.get("sslmode") in SSL_MODES else "prefer"),
                            str(value.get("login") or ""))
    except (TypeError, ValueError):
        return None


def save_server(choice: ServerChoice | None) -> None:
    """Remember the server (without a password), or forget it with None."""
    values = _read()
    if choice is None:
        values.pop("server", None)
    else:
        values["server"] = choice._asdict()
    _write(values)
