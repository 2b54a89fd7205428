"""Live language switching: Qt's own translator and locale, and a LanguageChange event for every window."""

from __future__ import annotations

import locale
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app import i18n

log = logging.getLogger(__name__)

_qt_translator: QTranslator | None = None
_hooked = False


class _QtTranslations(QTranslator):
    """Qt's own translations (qtbase_kk.qm / qtbase_ru.qm) and a repair: Qt 6 gave some labels an
    accelerator ("&Look in:", "Files of &type:") that the Russian file has only without one, so Qt's
    file dialog was half English. A text with "&" that has no translation is looked up without it."""

    def __init__(self, loaded: QTranslator, parent: QObject) -> None:
        super().__init__(parent)
        self.loaded = loaded

    def isEmpty(self) -> bool:
        return self.loaded.isEmpty()

    def language(self) -> str:
        return self.loaded.language()

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        found = self.loaded.translate(context, source, disambiguation, n)
        if found or "&" not in source:
            return found or ""
        plain = self.loaded.translate(context, source.replace("&", ""), disambiguation, n)
        return "&" + plain if plain else ""


def load_qt_translator(language: str) -> bool:
    """Replace Qt's own translator (standard buttons, dialogs); a missing .qm is not an error."""
    global _qt_translator
    app = QCoreApplication.instance()
    if app is None:
        return False
    if _qt_translator is not None:
        QCoreApplication.removeTranslator(_qt_translator)
        _qt_translator = None
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    loaded = QTranslator(app)
    for name in (f"qtbase_{language}", f"qt_{language}"):
        if loaded.load(name, folder):
            translator = _QtTranslations(loaded, app)
            QCoreApplication.installTranslator(translator)
            _qt_translator = translator
            log.info("loaded Qt translations %s from %s", name, folder)
            return True
    log.info("no Qt translations for %s in %s", language, folder)
    return False


def qt_locale(language: str) -> QLocale:
    return QLocale(i18n.LOCALES[language])


def set_qt_locale(language: str) -> None:
    """Qt's widgets (a date edit's calendar, a spin box's decimal comma, Qt's file dialog) write
    dates and numbers as kk_KZ / ru_KZ do; widgets made from now on take it."""
    QLocale.setDefault(qt_locale(language))


def use_language(language: str) -> None:
    """Qt's side of a language: its translations and its locale (at start and at every switch)."""
    load_qt_translator(language)
    set_qt_locale(language)


#: What Qt's system locale takes from the environment for its file dialog: file dates, numbers
#: ("371,09 KiB") and the word for bytes. Not LC_CTYPE: the encoding stays the user's.
SYSTEM_LOCALE_CATEGORIES = ("LC_TIME", "LC_NUMERIC", "LC_MESSAGES")


@contextmanager
def system_locale_for_dates(language: str) -> Iterator[None]:
    """Around the creation of the QApplication: Qt's own file dialog (Linux without a native one)
    writes file dates and sizes in the system locale, which Qt reads from the environment once, at
    that moment; a C or English environment gave «6 12 2026» and «9 bytes». When the environment
    names neither of the program's languages, Qt reads the chosen one instead; the environment is
    restored afterwards (programs started from the window get the user's own), and so is the C
    library's number format (C libraries keep writing 0.5). Windows reads the user's settings, not
    the environment, and has a native dialog."""
    current = os.environ.get("LC_ALL") or os.environ.get("LC_TIME") or os.environ.get("LANG") or ""
    if sys.platform == "win32" or os.environ.get("LC_ALL") or current[:2] in i18n.LANGUAGES:
        yield
        return
    before = {name: os.environ.get(name) for name in SYSTEM_LOCALE_CATEGORIES}
    os.environ.update({name: f"{i18n.LOCALES[language]}.UTF-8" for name in SYSTEM_LOCALE_CATEGORIES})
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        locale.setlocale(locale.LC_NUMERIC, "C")


def _language_changed(language: str) -> None:
    use_language(language)
    announce_language_change()


def announce_language_change() -> None:
    """Send LanguageChange to every top-level widget now; QWidget passes it on to its children."""
    if QApplication.instance() is None:
        return
    for widget in QApplication.topLevelWidgets():
        QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))


if TYPE_CHECKING:
    _Widget = QWidget
else:
    _Widget = object  # a mixin: the Qt class comes after it in the bases


class Retranslating(_Widget):
    """Put first in a widget's bases (``class D(Retranslating, QDialog)``): when the language is
    switched (``announce_language_change``: Qt sends LanguageChange to every window and their
    children) the widget's ``retranslate_ui`` sets its texts again."""

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def install_language_hook() -> None:
    """Once per process: i18n.set_language() retranslates the open windows."""
    global _hooked
    if not _hooked:
        i18n.on_language_changed(_language_changed)
        _hooked = True
