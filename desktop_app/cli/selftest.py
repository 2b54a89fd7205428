"""`metodsovet --self-test`: proves an installed program or a bundle works, without a window.

Opens a temporary database (running every migration), imports the demo school, prints a protocol
in each language, and checks that every bundled resource is where the program looks for it.
Prints one line and returns 0 when all is well.
"""

from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path

from desktop_app.config.paths import log_dir, resources_dir, translations_dir
from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.i18n import LANGUAGES, LOCALES, format_date

REQUIRED_RESOURCES = ("academic-years.json", "demo-school.json", "fonts/LiberationSerif-Regular.ttf",
                      "fonts/LiberationSerif-Bold.ttf", "fonts/LiberationSerif-Italic.ttf",
                      "fonts/LiberationSerif-BoldItalic.ttf", "fonts/LICENSE-Liberation.txt",
                      "fonts/DejaVuSerif.ttf", "fonts/LICENSE-DejaVu.txt")


def _missing_files() -> list[str]:
    missing = [f"resources/{name}" for name in REQUIRED_RESOURCES if not (resources_dir() / name).is_file()]
    for language in LANGUAGES:
        catalog = translations_dir() / language / "LC_MESSAGES" / "messages.po"
        if not catalog.is_file():
            missing.append(str(catalog))
    from desktop_app.services.exchange.schema import load_schema
    from desktop_app.services.maintenance import missing_migrations

    load_schema()
    return missing + missing_migrations() + _missing_qt() + _missing_locale_data()


def _missing_locale_data() -> list[str]:
    """Babel's data for the locales the program formats with (the bundle keeps only these)."""
    from babel.numbers import format_decimal

    missing = []
    for language in LANGUAGES:
        try:
            month = format_date(date(2026, 9, 1), language, "LLLL yyyy")
            format_decimal(1234.5, format="#,##0.##", locale=LOCALES[language])
        except Exception as error:  # any failure here means the bundle lacks locale data
            missing.append(f"babel locale data for {LOCALES[language]} ({error})")
            continue
        if "September" in month or not month[:1].isalpha():
            missing.append(f"babel month names for {LOCALES[language]} ({month})")
    return missing


def _missing_qt() -> list[str]:
    """Qt's platform plugins and its own kk/ru translations (standard dialog buttons): the one command
    that loads Qt without opening the window, because the window needs these to start."""
    from PySide6.QtCore import QLibraryInfo

    missing = []
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    if not any(plugins.glob("*qoffscreen*")) or not (any(plugins.glob("*qwindows*")) or any(plugins.glob("*qxcb*"))):
        missing.append(str(plugins))
    qt_translations = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    missing += [str(qt_translations / f"qtbase_{lang}.qm") for lang in LANGUAGES
                if not (qt_translations / f"qtbase_{lang}.qm").is_file()]
    try:  # the annual analysis's charts (a bundle that left QtCharts out would fail there)
        import PySide6.QtCharts  # noqa: F401
    except ImportError:
        missing.append("PySide6.QtCharts")
    return missing


def run() -> int:
    """Print (and log, for windowed builds that have no console) one line; 0 when all is well."""
    code, line = _run()
    print(line)
    with (log_dir() / "self-test.log").open("a", encoding="utf-8") as log:
        log.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {line}\n")
    return code


def _run() -> tuple[int, str]:
    started = time.perf_counter()
    missing = _missing_files()
    if missing:
        return 1, "self-test failed: missing " + ", ".join(missing)
    from desktop_app.services import Services
    from desktop_app.services.demo import load_demo

    with tempfile.TemporaryDirectory(prefix="metodsovet self-test ") as folder:
        services = Services.open(str(Path(folder) / "self test.sqlite3"))
        try:
            school, _accounts = load_demo(services)
            documents = services.documents
            sizes = []
            for language in LANGUAGES:
                printed = documents.protocol(COMMAND_LINE, school, "m-math-26-1", language)
                if not printed.data.startswith(b"%PDF"):
                    return 1, f"self-test failed: the {language} protocol is not a PDF"
                sizes.append(len(printed.data))
            revision = services.db.revision()
        finally:
            services.close()
    return 0, (f"self-test ok: schema {revision}, demo school {school}, protocols kk {sizes[0]} B and "
               f"ru {sizes[1]} B, resources found, {time.perf_counter() - started:.1f} s")
