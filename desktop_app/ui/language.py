"""Live language switching: Qt's own translator, and a LanguageChange event for every window."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication

from desktop_app import i18n

log = logging.getLogger(__name__)

_qt_translator: QTranslator | None = None
_hooked = False


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
    translator = QTranslator(app)
    for name in (f"qtbase_{language}", f"qt_{language}"):
        if translator.load(name, folder):
            QCoreApplication.installTranslator(translator)
            _qt_translator = translator
            log.info("loaded Qt translations %s from %s", name, folder)
            return True
    log.info("no Qt translations for %s in %s", language, folder)
    return False


def _language_changed(language: str) -> None:
    load_qt_translator(language)
    announce_language_change()


def announce_language_change() -> None:
    """Send LanguageChange to every top-level widget now; QWidget passes it on to its children."""
    if QApplication.instance() is None:
        return
    for widget in QApplication.topLevelWidgets():
        QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))


def install_language_hook() -> None:
    """Once per process: i18n.set_language() retranslates the open windows."""
    global _hooked
    if not _hooked:
        i18n.on_language_changed(_language_changed)
        _hooked = True
