"""What several command groups share: the open services, the school a command means, a file written whole."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from desktop_app.config.preferences import backup_dir_for
from desktop_app.domain.errors import N_, DomainError, Msg, Rule

if TYPE_CHECKING:  # the services load SQLAlchemy: imported when a command runs, not for --help
    from desktop_app.services import Services


@contextlib.contextmanager
def opened(database: str) -> Iterator[Services]:
    """The services over ``database`` (created or migrated), closed when the command is done."""
    from desktop_app.services import Services

    services = Services.open(database, backup_dir=backup_dir_for(database))
    try:
        yield services
    finally:
        services.close()


def read_file(name: str) -> bytes:
    try:
        return Path(name).read_bytes()
    except OSError as error:
        raise DomainError(Rule.VALUE, N_("Cannot read {file}: {reason}"),
                          {"file": name, "reason": error.strerror or str(error)}, record=name) from None


def pick_school(services: Services, school: str | None) -> str:
    """The school named by ``--school``, or the only one; refused when it is unknown or ambiguous."""
    from desktop_app.domain.accounts import COMMAND_LINE

    return choose_school([s.id for s in services.schools.list_schools(COMMAND_LINE)], school)


def choose_school(schools: list[str], school: str | None) -> str:
    """``school`` when it is one of ``schools``, or the only one of them (see ``pick_school``)."""
    if school is not None:
        if school not in schools:
            raise DomainError(Rule.REFERENCE, N_("Not found: {kind} {id}"),
                              {"kind": Msg(N_("school")), "id": school}, record=school)
        return school
    if len(schools) == 1:
        return schools[0]
    if not schools:
        raise DomainError(Rule.VALUE, N_("The database holds no school"))
    raise DomainError(Rule.VALUE, N_("The database holds several schools ({schools}); name one with --school"),
                      {"schools": ", ".join(schools)})


#: Why a file could not be written, in the user's language (the OS's own text is English).
WRITE_FAILURES = {
    errno.ENOSPC: N_("The disk is full; free some space or choose another disk"),
    errno.EDQUOT: N_("The disk is full; free some space or choose another disk"),
    errno.EROFS: N_("The disk or folder is read-only; choose another folder"),
    errno.EACCES: N_("Writing to this folder is not allowed; choose another folder"),
    errno.EPERM: N_("Writing to this folder is not allowed; choose another folder"),
    errno.ENOENT: N_("The folder does not exist; choose another folder"),
    errno.ENOTDIR: N_("The folder does not exist; choose another folder"),
    errno.EISDIR: N_("A folder has this name; choose another file name"),
}


def _write_failure(error: OSError) -> str:
    reason = WRITE_FAILURES.get(error.errno or 0)
    return Msg(reason) if reason else (error.strerror or str(error))


def write_atomically(target: Path, data: bytes | Callable[[BinaryIO], None]) -> None:
    """Write to a temporary file beside ``target``, flush it to the disk, then rename it into
    place: a full disk, a read-only or missing folder leaves no partial file, and an existing
    ``target`` stays as it was. The failure names the file (a DomainError, translated)."""
    temporary = target.with_name(target.name + ".tmp")
    try:
        with temporary.open("wb") as handle:
            if callable(data):
                data(handle)
            else:
                handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):  # under a file (NotADirectoryError) there is nothing to remove
            temporary.unlink(missing_ok=True)
        raise DomainError(Rule.VALUE, N_("Cannot write {file}: {reason}"),
                          {"file": str(target), "reason": _write_failure(error)}, record=str(target)) from None
    except BaseException:  # a refusal while the document was written: no partial file either
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise
