"""A school server's password, remembered only where the person asks, and only in the OS keyring
(Windows Credential Manager, macOS Keychain, the Secret Service on Linux) through ``keyring``.

Never in a file of the program. Where the PC has no keyring (a Linux without a Secret Service,
say) nothing is remembered and the person types the password each time: every function here
says so by its result instead of raising.
"""

from __future__ import annotations

import logging

from desktop_app.config.preferences import ServerChoice

log = logging.getLogger(__name__)

SERVICE = "Metodsovet"


def _entry(choice: ServerChoice, login: str) -> str:
    return f"{login}@{choice.label()}"


def keyring_available() -> bool:
    """Whether this PC has a keyring to remember a password in."""
    try:
        import keyring
        from keyring.backends import fail

        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception as error:  # a broken backend is the same as none
        log.info("no keyring: %s", error)
        return False


def remembered_password(choice: ServerChoice, login: str) -> str | None:
    """The password remembered for ``login`` on this server, or None."""
    try:
        import keyring

        return keyring.get_password(SERVICE, _entry(choice, login))
    except Exception as error:  # (no backend, a locked keyring, D-Bus gone)
        log.info("no remembered password: %s", error)
        return None


def remember_password(choice: ServerChoice, login: str, password: str) -> bool:
    """Keep the password in the OS keyring; False when there is none (nothing was written)."""
    try:
        import keyring

        keyring.set_password(SERVICE, _entry(choice, login), password)
        return True
    except Exception as error:
        log.info("the password was not remembered: %s", error)
        return False


def forget_password(choice: ServerChoice, login: str) -> None:
    try:
        import keyring

        keyring.delete_password(SERVICE, _entry(choice, login))
    except Exception as error:  # (none was remembered, or no keyring)
        log.info("no password to forget: %s", error)
