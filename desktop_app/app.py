"""QApplication bootstrap: log file, crash handler, translators, database, sign-in, main window.

The bench's clocks are in ``ui/probes.py``."""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop_app import i18n
from desktop_app.config.paths import APP_NAME, log_dir
from desktop_app.i18n import _
from desktop_app.ui import probes
from desktop_app.ui.dialogs.sign_in import SignInDialog
from desktop_app.ui.language import install_language_hook, system_locale_for_dates
from desktop_app.ui.qt_environment import prepare_qt
from desktop_app.ui.settings import save_language, saved_language
from desktop_app.ui.style import STYLE

if TYPE_CHECKING:  # the services pull SQLAlchemy and ReportLab: loaded after the first window
    from desktop_app.domain.accounts import Actor
    from desktop_app.domain.errors import UserError
    from desktop_app.services import Services
    from desktop_app.services.maintenance import SafeSession, StartupReport
    from desktop_app.ui.session import Session

log = logging.getLogger("desktop_app.app")

LOG_FILE = "metodsovet.log"
FAULT_FILE = "faulthandler.log"
EXIT_OK, EXIT_FAILED = 0, 1


def setup_logging() -> Path:
    """A rotating log in the user's log folder: 1 MB, three old files kept.

    The window sets it up once its first window is painted (or at once for a hard crash or a bug):
    ``logging.handlers`` pulls socket, pickle and queue (~12 ms), and nothing is logged before."""
    from logging.handlers import RotatingFileHandler

    path = log_dir() / LOG_FILE
    root = logging.getLogger()
    if not any(isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path for h in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def keep_hard_crashes() -> TextIO:
    """faulthandler writes a hard crash (a segfault in Qt, say) to a file; the next start puts the
    previous one into the log and keeps the file beside it."""
    path = log_dir() / FAULT_FILE
    if path.exists() and path.stat().st_size:
        setup_logging()
        previous = path.with_name("faulthandler-previous.log")
        os.replace(path, previous)
        log.error("the previous run crashed hard:\n%s", previous.read_text(encoding="utf-8", errors="replace"))
    handle = path.open("a", encoding="utf-8")  # kept open for the whole run, as faulthandler needs
    faulthandler.enable(handle)
    return handle


def release_hard_crashes(handle: TextIO) -> None:
    faulthandler.disable()
    handle.close()


def crash_report(exc_type: type[BaseException], value: BaseException,
                 tb: TracebackType | None, log_path: Path) -> None:
    """A bug: the traceback goes to the log, the user sees where it is; never a silent death."""
    setup_logging()
    log.critical("unhandled exception\n%s", "".join(traceback.format_exception(exc_type, value, tb)))
    if QApplication.instance() is None:
        return
    from PySide6.QtWidgets import QMessageBox  # a message box only when there is one to show (~1 ms)

    box = QMessageBox(QMessageBox.Icon.Critical, _("Metodsovet — internal error"),
                      _("Something went wrong inside the program. The details are in the log file:\n"
                        "{log}\n\nPlease send this file to whoever supports the program.").format(
                          log=log_path))
    box.setDetailedText("".join(traceback.format_exception_only(exc_type, value)))
    box.exec()


def refusal_report(value: UserError) -> None:
    """A refusal no caller caught (a section reloading while the school server is stopped): a
    message in the user's language, not the crash dialog; one at a time, the others only logged."""
    setup_logging()
    log.warning("not done: %s", value)
    app = QApplication.instance()
    if app is None or app.property("refusalShown"):
        return
    app.setProperty("refusalShown", True)
    from PySide6.QtWidgets import QMessageBox

    try:
        QMessageBox.warning(QApplication.activeWindow(), _("Not done"), value.render(_))
    finally:
        app.setProperty("refusalShown", False)


def install_crash_handler(log_path: Path) -> None:
    def handler(exc_type: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, value, tb)
            return
        from desktop_app.domain.errors import UserError  # at the first exception, not at the start

        if isinstance(value, UserError):
            refusal_report(value)
            return
        crash_report(exc_type, value, tb, log_path)

    sys.excepthook = handler


def choose_language(language: str | None) -> str:
    """The command line's choice wins and is remembered; else the saved one; else the default."""
    if language in i18n.LANGUAGES:
        save_language(language)
        return language
    saved = saved_language()
    return saved if saved in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def open_services(database: str, parent: QWidget | None = None) -> SafeSession | None:
    """Open the database with the start-up safeguards; a storage problem (in use, locked,
    read-only, damaged without a backup) is a message, not a crash."""
    from desktop_app.config.preferences import backup_dir_for
    from desktop_app.services import StorageError
    from desktop_app.services.maintenance import open_safely

    try:
        session = open_safely(database, backup_dir_for(database))
    except StorageError as error:
        cannot_open(database, error, parent)
        return None
    tell_about_start(session.report, parent)
    return session


def cannot_open(database: str, error: UserError, parent: QWidget | None = None) -> None:
    log.error("cannot open %s: %s", database, error)
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(parent, _("Metodsovet"), _("The database {path} cannot be opened:\n{error}").format(
        path=database, error=error.render(_)))


def tell_about_start(report: StartupReport, parent: QWidget | None = None) -> None:
    """What the start-up did that the user must know: a restored backup, a risky place."""
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.services.maintenance import LOCATION_WARNINGS

    if report.unclean_shutdown:
        log.warning("the last run ended uncleanly; checked: %s", report.problems or "sound")
    if report.restored_from is not None:
        QMessageBox.warning(parent, _("Metodsovet"), _(
            "The database was damaged ({problem}). It was moved aside to {damaged} and the newest good "
            "backup was restored: {backup}, made on {date}. Changes made after that time are not in it."
        ).format(problem=report.problems[0] if report.problems else "", damaged=report.damaged_copy,
                 backup=report.restored_from.path.name,
                 date=i18n.format_moment(report.restored_from.taken_at)))
    if report.location is not None:
        QMessageBox.warning(parent, _("Metodsovet"), _(LOCATION_WARNINGS[report.location]))


def is_empty(services: Services) -> bool:
    from desktop_app.domain.accounts import Actor, Role

    onlooker = Actor("first-start", Role.VIEWER)  # asks only whether any school exists; changes nothing
    return not services.accounts.has_users() and not services.schools.list_schools(onlooker)


def first_start(services: Services, parent: QWidget | None = None) -> Actor | None:
    """An empty database: the wizard sets up the school or loads the demo school; returns its
    administrator, signed in (not asked for the password just chosen), or None when the user left."""
    from desktop_app.ui.dialogs.first_run import FirstRunWizard

    wizard = FirstRunWizard(services, parent)
    if wizard.exec() != QDialog.DialogCode.Accepted:
        return None
    return wizard.actor


def session_for(services: Services, dialog: SignInDialog) -> Session | None:
    from desktop_app.ui.session import Session

    actor = dialog.actor
    if actor is None:
        return None
    from desktop_app.ui.dialogs.school_picker import choose_school

    if actor.school is None and not services.schools.list_schools(actor):
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(None, _("Metodsovet"), _("The database holds no school yet."))
        return None
    school = choose_school(services, actor)  # an account of several schools picks one (issue 20)
    return Session(services, actor, school) if school is not None else None


def run_window(database: str, language: str | None) -> int:
    """The window of `metodsovet` without a command; returns the exit status."""
    install_crash_handler(log_dir() / LOG_FILE)  # the log itself is set up after the first paint
    fault_log = keep_hard_crashes()
    try:
        return _run(database, language)
    finally:
        release_hard_crashes(fault_log)


class _Opening:
    """Opens the database once the sign-in dialog is painted; an empty database gets the wizard."""

    def __init__(self, database: str, dialog: SignInDialog) -> None:
        self.database = database
        self.dialog = dialog
        self.opened: SafeSession | None = None
        self.status = EXIT_OK
        self._logging = False
        self._running = False
        self._abandoned = False

    def start_logging(self) -> None:
        """Once the first window is painted (and before the database is opened): the log file,
        and the start in it."""
        if not self._logging:
            self._logging = True
            setup_logging()
            log.info("starting the window on %s", self.database)

    def run(self) -> None:
        """The start-up check (integrity, recovery) runs off the GUI thread: the sign-in window
        stays painted and answers meanwhile (issue 15)."""
        self.start_logging()
        from desktop_app.config.preferences import backup_dir_for
        from desktop_app.i18n import N_, Text
        from desktop_app.services.maintenance import open_safely
        from desktop_app.ui import operations

        database = self.database
        self._running = operations.run(lambda: open_safely(database, backup_dir_for(database)),
                                       label=Text(N_("Checking the database…")), parent=self.dialog,
                                       on_success=self._opened, refused=self._refused) is not None

    def finish(self) -> None:
        """The sign-in window was closed while the check still runs: wait for it and close what it
        opened, so that nothing is left half-done (the database's lock and the run marker that
        would make the next start check the whole file again)."""
        if not self._running:
            return
        from desktop_app.ui import operations

        self._abandoned = True
        operations.runner().wait()
        QCoreApplication.sendPostedEvents()  # the outcome, to _opened or _refused

    def _refused(self, error: UserError) -> None:
        self._running = False
        if self._abandoned:
            log.warning("cannot open %s: %s", self.database, error)
            return
        cannot_open(self.database, error, self.dialog)
        self.status = EXIT_FAILED
        self.dialog.reject()

    def _opened(self, opened: SafeSession) -> None:
        self._running = False
        if self._abandoned:  # the person quit meanwhile
            opened.close()
            return
        tell_about_start(opened.report, self.dialog)
        self.opened = opened
        services = opened.services
        if is_empty(services):
            actor = first_start(services, self.dialog)
            if actor is None:
                self.dialog.reject()
                return
            self.dialog.set_services(services)
            self.dialog.signed_in(actor)
            return
        import desktop_app.ui.main_window  # noqa: F401  (loaded while the user types: sign-in stays quick)

        self.dialog.set_services(services)
        if probes.sign_in_probe():
            probes.sign_in_as_demo(self.dialog)


def _run(database: str, language: str | None) -> int:
    chosen = choose_language(language)
    prepare_qt()
    with system_locale_for_dates(chosen):
        app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_NAME)
    app.setStyleSheet(STYLE)
    install_language_hook()
    i18n.set_language(chosen)  # the hook loads Qt's translations and locale (language.use_language)

    from desktop_app.config.paths import default_database
    from desktop_app.config.preferences import saved_server

    # A PC set to a school server signs in there, unless --db named a database for this run.
    server = saved_server() if database == default_database() else None
    dialog = SignInDialog(None, server=server)
    opening = _Opening(database, dialog)
    dialog.first_painted.connect(opening.start_logging)
    dialog.file_chosen.connect(opening.run)
    if probes.startup_probe():
        probes.FirstPaint(dialog, lambda: probes.report_first_window(dialog))
    elif server is None:
        probes.FirstPaint(dialog, opening.run)
    try:
        accepted_dialog = dialog.exec() == QDialog.DialogCode.Accepted
        if dialog.server_session is not None:  # signed in on a school server: its session is the program's
            if opening.opened is not None:
                opening.opened.close()
            opening.opened = dialog.server_session
        if not accepted_dialog or opening.opened is None:
            return opening.status
        services = opening.opened.services
        accepted = time.perf_counter()
        session = session_for(services, dialog)
        if session is None:
            return EXIT_FAILED
        from desktop_app.ui.main_window import MainWindow

        window = MainWindow(session)
        if probes.sign_in_probe():
            probes.time_main_window(window, accepted)
        window.show()
        return int(app.exec())
    finally:
        opening.finish()
        if opening.opened is not None:
            opening.opened.close()
        log.info("window closed")
