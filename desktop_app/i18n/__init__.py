"""Translations (gettext catalogs read with Babel) and locale-aware formatting.

The catalogs are the .po files in translations/; they are compiled at first use, so the program
never runs on a stale .mo file. The compiled catalog is kept in the user's data folder under the
size and checksum of the .po file's content, so a start reads it without loading Babel's .po parser (the first
window appears sooner); Babel is imported only where it is needed.
"""

from __future__ import annotations

import gettext
import io
import logging
import marshal
import zlib
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, runtime_checkable

if TYPE_CHECKING:
    from datetime import date, datetime

    from babel import Locale

from desktop_app.config.paths import data_dir, translations_dir

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
    # Named by the .po file's size and CRC-32 (zlib is loaded already; hashlib would load OpenSSL).
    name = f"{DOMAIN}-{language}-{len(source):x}-{zlib.crc32(source):08x}.m{marshal.version}"
    compiled = data_dir() / "catalogs" / name
    try:
        return _Compiled(io.BytesIO(compiled.read_bytes()))
    except (OSError, ValueError, EOFError, TypeError):  # not compiled yet (or damaged): again
        pass
    kept = _keep(_compile(source, language))
    try:
        compiled.parent.mkdir(parents=True, exist_ok=True)
        for old in compiled.parent.glob(f"{DOMAIN}-{language}-*"):
            old.unlink(missing_ok=True)
        temporary = compiled.with_suffix(".tmp")
        temporary.write_bytes(kept)
        temporary.replace(compiled)
    except OSError as error:  # a read-only profile: compile at every start, as before
        log.info("cannot keep the compiled catalog %s: %s", compiled, error)
    return _Compiled(io.BytesIO(kept))


class _Compiled(gettext.GNUTranslations):
    """A compiled catalog kept as marshal data (header, plural rule, messages), the form gettext
    invites through ``_parse``: read at a start in ~0.5 ms, where parsing the .mo file entry by
    entry took ~2.5 ms."""

    def _parse(self, fp: Any) -> None:
        info, catalog, plural = marshal.loads(fp.read())
        if not isinstance(info, dict) or not isinstance(catalog, dict) or not isinstance(plural, str):
            raise ValueError("not a compiled catalog")
        vars(self).update(_info=info, _catalog=catalog, _charset="utf-8")
        self.plural = gettext.c2py(plural) if plural else (lambda n: int(n != 1))


def _keep(mo: bytes) -> bytes:
    """The .mo file's content as ``_Compiled`` reads it."""
    parsed = gettext.GNUTranslations(io.BytesIO(mo))
    forms = parsed.info().get("plural-forms", "")
    plural = forms.split("plural=", 1)[1].rstrip(";").strip() if "plural=" in forms else ""
    return marshal.dumps((parsed.info(), vars(parsed)["_catalog"], plural))


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


class Gettext:
    """A translate function: of one language, or (``language`` None) of the current one.

    Besides translating it formats a message's parameters the language's way: a refusal's
    ``render(translate)`` calls ``translate.number`` for a float and ``translate.date`` for a date
    (the domain has no Babel and does not know the language)."""

    def __init__(self, language: str | None = None) -> None:
        self.language = language

    def __call__(self, message: str) -> str:
        return translations(self.language or _current).gettext(message)

    def number(self, value: float) -> str:
        return format_number(value, self.language)

    def date(self, day: date) -> str:
        return format_short_date(day, self.language)


def gettext_for(language: str | None = None) -> Gettext:
    """A translate function for one language (documents use their own language)."""
    return Gettext(language or _current)


#: Translates into the language current at the call (a live switch changes what it returns).
_ = Gettext()


def ngettext(singular: str, plural: str, n: int, language: str | None = None) -> str:
    return translations(language or _current).ngettext(singular, plural, n)


def format_date(day: date, language: str | None = None, fmt: str = "long") -> str:
    """A date as Kazakh or Russian paperwork writes it (Babel kk_KZ / ru_KZ)."""
    from babel.dates import format_date as _babel_format_date

    return _babel_format_date(day, format=fmt, locale=babel_locale(language))


@cache
def _babel_locale(name: str) -> Locale:
    from babel import Locale

    return Locale.parse(name)


def babel_locale(language: str | None = None) -> Locale:
    """Babel's kk_KZ or ru_KZ (parsed once)."""
    return _babel_locale(LOCALES[language or _current])


#: The numeric date of school paperwork in both languages, 06.12.2026 (CLDR's Kazakh short form
#: has a two-digit year, which a protocol never uses).
SHORT_DATE = "dd.MM.y"


def format_short_date(day: date, language: str | None = None) -> str:
    """06.12.2026, the form of every date shown in a table or a message: Babel's ``SHORT_DATE`` in
    either language, written here (a list paints and measures dozens of them; Babel parses the
    pattern at every call, ~20 µs each). ``language`` is kept for callers naming one."""
    del language  # the same digits and points in Kazakh and Russian
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def format_moment(moment: datetime, language: str | None = None) -> str:
    """A stored (UTC) moment on the computer's clock: 06.12.2026 14:05."""
    from babel.dates import format_datetime

    return str(format_datetime(moment.astimezone(), format=f"{SHORT_DATE} HH:mm", locale=babel_locale(language)))


def format_number(value: float, language: str | None = None, decimals: int | None = None) -> str:
    """0,38 and 1 234,5 as Kazakh and Russian write them (Babel); ``decimals`` fixes the digits
    after the comma, else up to three are shown and a whole number has none."""
    pattern = None if decimals is None else "#,##0" + ("." + "0" * decimals if decimals else "")
    return _formatted_number(value, pattern, babel_locale(language))


@lru_cache(maxsize=4096)
def _formatted_number(value: float, pattern: str | None, locale: Locale) -> str:
    """Babel's text of a number, kept: `check` of a large school writes ~17 000 of a few values."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, format=pattern, locale=locale))


def format_percent(fraction: float, language: str | None = None) -> str:
    """0.385 as «38 %» (ru) / «38%» (kk)."""
    from babel.numbers import format_percent as _babel_format_percent

    return str(_babel_format_percent(fraction, locale=babel_locale(language)))


def format_size(size: int, language: str | None = None) -> str:
    """A file size in megabytes with two digits, 0,38 (the column says «MB»)."""
    return format_number(size / 1_000_000, language, decimals=2)


@runtime_checkable
class Renderable(Protocol):
    """A message that renders itself in a language: a ``Text``, a refusal (``UserError``)."""

    def render(self, translate: Any = None) -> str: ...


#: What a status bar or a message line is given: a ``Text`` or a refusal, rendered in the language
#: of the moment (again after a switch), or a string translated already (it stays as it is).
Message = str | Renderable


class Text(NamedTuple):
    """A message kept untranslated until it is shown, so it can be shown again in another language
    (the status bar after a live switch). ``plural`` and ``count`` make it an ngettext message;
    parameters are rendered like a refusal's (a ``Text`` inside is rendered too).

    A named tuple, not a dataclass: the first window needs no ``dataclasses`` (its import and the
    code a dataclass compiles cost ~2 ms at every start)."""

    message: str
    params: Mapping[str, Any] = MappingProxyType({})
    plural: str | None = None
    count: int = 0  # type: ignore[assignment]  # hides tuple.count(), which no message needs

    def render(self, translate: Any = None) -> str:
        language = getattr(translate, "language", None) or _current
        if self.plural is not None:
            template = ngettext(self.message, self.plural, self.count, language)
        else:
            template = translations(language).gettext(self.message)
        values = {"count": self.count, **{key: shown(value, language) for key, value in self.params.items()}}
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            log.warning("cannot fill %r with %s", template, sorted(values))
            return template

    def __str__(self) -> str:
        return self.render()


def lazy_ngettext(singular: str, plural: str, count: int, **params: Any) -> Text:
    """ngettext kept lazy: the form for ``count`` is chosen in the language it is shown in."""
    return Text(singular, params, plural=plural, count=count)


def shown(value: object, language: str | None = None) -> object:
    """A message parameter as people read it: a float and a date in the language's form, a
    ``Text`` (or a refusal) rendered; anything else as it is."""
    if isinstance(value, Renderable):
        return value.render(Gettext(language))
    if isinstance(value, float):
        return format_number(value, language)
    from datetime import date, datetime  # not at import: the first window needs no date

    if isinstance(value, datetime):
        return format_moment(value, language)
    if isinstance(value, date):
        return format_short_date(value, language)
    return value


def render(message: Message, language: str | None = None) -> str:
    """A status line or message: a ``Text`` or a refusal in ``language`` (default: current); a
    string as it is (already translated)."""
    return str(shown(message, language))
