"""Translations (gettext catalogs read with Babel) and locale-aware formatting.

The catalogs are the .po files in translations/; they are compiled at first use, so the program
never runs on a stale .mo file. The compiled catalog is kept in the user's data folder under the
hash of the .po file's content, so a start reads it without loading Babel's .po parser (the first
window appears sooner); Babel is imported only where it is needed.
"""

from __future__ import annotations

import gettext
import hashlib
import io
import logging
from collections.abc import Callable
from datetime import date
from functools import cache

from desktop_app.paths import data_dir, translations_dir

LANGUAGES = ("kk", "ru")
DEFAULT_LANGUAGE = "ru"
LOCALES = {"kk": "kk_KZ", "ru": "ru_KZ"}
DOMAIN = "messages"

log = logging.getLogger(__name__)
_current = DEFAULT_LANGUAGE
_listeners: list[Callable[[str], None]] = []


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated where it is shown."""
    return message


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The catalog of ``language``; a missing catalog falls back to the msgids (logged)."""
    po = translations_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    try:
        source = po.read_bytes()
    except FileNotFoundError:
        log.warning("no catalog for %s at %s", language, po)
        return gettext.NullTranslations()
    compiled = data_dir() / "catalogs" / f"{DOMAIN}-{language}-{hashlib.sha256(source).hexdigest()[:20]}.mo"
    try:
        return gettext.GNUTranslations(io.BytesIO(compiled.read_bytes()))
    except (OSError, ValueError):  # not compiled yet (or a damaged file): compile it again
        pass
    mo = _compile(source, language)
    try:
        compiled.parent.mkdir(parents=True, exist_ok=True)
        for old in compiled.parent.glob(f"{DOMAIN}-{language}-*.mo"):
            old.unlink(missing_ok=True)
        temporary = compiled.with_suffix(".tmp")
        temporary.write_bytes(mo)
        temporary.replace(compiled)
    except OSError as error:  # a read-only profile: compile at every start, as before
        log.info("cannot keep the compiled catalog %s: %s", compiled, error)
    return gettext.GNUTranslations(io.BytesIO(mo))


def _compile(source: bytes, language: str) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(source), locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def set_language(language: str) -> None:
    """Switch the language of messages; listeners (the window) retranslate themselves."""
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _current = language
    for listener in list(_listeners):
        listener(language)


def current_language() -> str:
    return _current


def on_language_changed(listener: Callable[[str], None]) -> None:
    _listeners.append(listener)


def gettext_for(language: str | None = None) -> Callable[[str], str]:
    """A translate function for one language (documents use their own language)."""
    return translations(language or _current).gettext


def _(message: str) -> str:
    return translations(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int, language: str | None = None) -> str:
    return translations(language or _current).ngettext(singular, plural, n)


def format_date(day: date, language: str | None = None, fmt: str = "long") -> str:
    """A date as Kazakh or Russian paperwork writes it (Babel kk_KZ / ru_KZ)."""
    from babel import Locale
    from babel.dates import format_date as _babel_format_date

    return _babel_format_date(day, format=fmt, locale=Locale.parse(LOCALES[language or _current]))
