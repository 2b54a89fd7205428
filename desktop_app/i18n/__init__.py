"""Translations (gettext catalogs read with Babel) and locale-aware formatting.

The catalogs are the .po files in translations/; they are compiled in memory at first use, so
the program never runs on a stale .mo file.
"""

from __future__ import annotations

import gettext
import io
import logging
from collections.abc import Callable
from datetime import date
from functools import cache

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from desktop_app.paths import translations_dir

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
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=language)
    except FileNotFoundError:
        log.warning("no catalog for %s at %s", language, po)
        return gettext.NullTranslations()
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


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
    return _babel_format_date(day, format=fmt, locale=Locale.parse(LOCALES[language or _current]))
