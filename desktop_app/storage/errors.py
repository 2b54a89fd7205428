"""Storage failures the user can act on, each with a translatable message.

Everything that is not one of these is a bug and reaches the crash handler unchanged.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, ClassVar

from sqlalchemy import exc

from desktop_app.domain.errors import N_, UserError


class StorageError(UserError):
    """A storage failure with a msgid (``message``) and its ``params``, translated at display."""

    message: ClassVar[str] = N_("The database could not be used: {detail}")

    def __init__(self, detail: str = "", **params: Any) -> None:
        self.detail = detail
        self.params: dict[str, Any] = {"detail": detail, **params}
        super().__init__(self.render())

    def render(self, translate: Any = None) -> str:
        template = translate(self.message) if translate else self.message
        try:
            return str(template).format(**self.params)
        except (KeyError, IndexError, ValueError):
            return str(template)


class LockedError(StorageError):
    message = N_("The database is busy in another window or program; try again in a moment")


class DiskFullError(StorageError):
    message = N_("The disk is full or cannot be written; free some space and try again")


class ReadOnlyError(StorageError):
    message = N_("The database file is read-only; check the file's permissions")


class CorruptError(StorageError):
    message = N_("The file is not a Metodsovet database or it is damaged; restore a backup")


class NewerDatabaseError(StorageError):
    message = N_("The database was made by a newer version of the program (revision {revision}); "
                 "update the program")


class UnknownSchemaError(StorageError):
    message = N_("The database holds tables that this program does not recognise")


class BackupError(StorageError):
    message = N_("The backup could not be made: {detail}")


class ServerUnreachableError(StorageError):
    message = N_("The school server cannot be reached or refused the sign-in; check its address, "
                 "the login and the password, and that the server is running: {detail}")


class ConnectionLostError(ServerUnreachableError):
    message = N_("The connection to the school server was lost (it was stopped or restarted, or the "
                 "network is down); this is not saved. Everything typed is kept: try again once the "
                 "server is back ({detail})")


class ServerSignInError(ServerUnreachableError):
    message = N_("The school server refused the login or the password; check them (the keyboard's "
                 "language and Caps Lock too) or ask the administrator ({detail})")


class SignInWaitError(ServerSignInError):
    message = N_("Too many failed sign-ins with this login; try again in {seconds} s, or ask the "
                 "administrator to unlock the account")


class ServerRightsError(StorageError):
    message = N_("The server refused: this login has no right to do that ({detail}); "
                 "ask whoever administers the server")


class OlderServerSchemaError(StorageError):
    message = N_("The database on the school server is older than this program and only its owner may "
                 "bring it up to date: whoever administers the server opens it once with the owner's login "
                 "(metodsovet --db OWNER-URL check), then runs server init again ({detail})")


class LoginTakenError(StorageError):
    message = N_("The server already has a database login of that name that is not one of this school's "
                 "people; choose another login ({detail})")


class LoginLockedError(StorageError):
    message = N_("This login is locked on the school server; ask the administrator to unlock it ({detail})")


class DuplicateError(StorageError):
    message = N_("Already exists: {kind} {id}")


class ConstraintError(StorageError):
    message = N_("The change would break the links between records: {detail}")


_PATTERNS: tuple[tuple[str, type[StorageError]], ...] = (
    ("database is locked", LockedError),
    ("database table is locked", LockedError),
    ("database or disk is full", DiskFullError),
    ("disk i/o error", DiskFullError),
    ("attempt to write a readonly database", ReadOnlyError),
    ("readonly database", ReadOnlyError),
    ("file is not a database", CorruptError),
    ("database disk image is malformed", CorruptError),
    # PostgreSQL (psycopg): a lock or serialization conflict is "busy", like SQLite's lock.
    ("could not serialize access", LockedError),
    ("deadlock detected", LockedError),
    ("canceling statement due to lock timeout", LockedError),
    ("could not obtain lock", LockedError),
    ("is not permitted to log in", LoginLockedError),  # before "connection failed", which it also says
    ("password authentication failed", ServerSignInError),  # before "connection failed" too
    ("no password supplied", ServerSignInError),
    ("connection refused", ServerUnreachableError),
    ("connection failed", ServerUnreachableError),
    ("could not connect", ServerUnreachableError),
    ("authentication failed", ServerUnreachableError),
    ("server closed the connection", ConnectionLostError),
    ("connection is closed", ConnectionLostError),
    ("terminating connection", ConnectionLostError),
    ("consuming input failed", ConnectionLostError),
    ("the connection is lost", ConnectionLostError),
    ("is not one of this database's people", LoginTakenError),
    ("permission denied", ServerRightsError),
    ("violates row-level security policy", ServerRightsError),
    ("signs a plan off", ServerRightsError),
    ("writes only the materials they are an author of", ServerRightsError),
    ("records only the result and the order", ServerRightsError),
    ("only the administrator manages the logins", ServerRightsError),
    ("must be owner of", ServerRightsError),
    ("no space left on device", DiskFullError),
)


def classify(error: BaseException) -> StorageError | None:
    """The StorageError for a driver or SQLAlchemy error, or None when it is not one we know."""
    if not isinstance(error, sqlite3.Error | exc.DBAPIError):
        return None
    original = error.orig if isinstance(error, exc.DBAPIError) else error
    text = str(original).lower()
    for pattern, kind in _PATTERNS:
        if pattern in text:
            return kind(str(original))
    if isinstance(error, exc.IntegrityError):
        return ConstraintError(str(original))
    return None


@contextmanager
def translated_errors() -> Iterator[None]:
    """Turn known driver errors raised inside the block into StorageError subclasses."""
    try:
        yield
    except (exc.DBAPIError, sqlite3.Error) as error:
        mapped = classify(error)
        if mapped is None:
            raise
        raise mapped from error
