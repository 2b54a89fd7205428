"""Screenshots of every section in both languages at 1366×768 (run by hand, not a test).

    QT_QPA_PLATFORM=offscreen python tests/ui/screenshots.py [output folder]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["METODSOVET_HOME"] = tempfile.mkdtemp(prefix="metodsovet-shots-")

from PySide6.QtWidgets import QApplication

from desktop_app.services import Services
from desktop_app.services.demo import load_demo
from desktop_app.ui.dialogs.mentorship import MentorshipDialog
from desktop_app.ui.dialogs.sign_in import SignInDialog
from desktop_app.ui.dialogs.teacher import TeacherDialog
from desktop_app.ui.dialogs.visit import ObservationDialog
from desktop_app.ui.language import install_language_hook
from desktop_app.ui.main_window import SECTIONS, MainWindow
from desktop_app.ui.session import Session
from desktop_app.ui.style import STYLE


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setStyleSheet(STYLE)
    install_language_hook()
    services = Services.open(str(Path(os.environ["METODSOVET_HOME"]) / "demo.sqlite3"))
    load_demo(services)
    actor = services.accounts.authenticate("zavuch", "zavuch-demo")
    assert actor.school is not None
    session = Session(services, actor, actor.school)
    window = MainWindow(session)
    window.resize(1366, 768)
    window.show()
    for language in ("kk", "ru"):
        window.set_language(language)
        for section in SECTIONS:
            window.show_section(section.key)
            app.processEvents()
            window.grab().save(str(out / f"{language}-{section.key}.png"))
        dialog = SignInDialog(services)
        dialog.show()
        dialog.login.setText("zavuch")
        dialog.password.setText("wrong")
        dialog.sign_in()
        app.processEvents()
        dialog.grab().save(str(out / f"{language}-sign-in.png"))
        dialog.close()
        teacher = services.teachers.list_teachers(actor, actor.school)[0]
        editor = TeacherDialog(session, teacher)
        editor.show()
        app.processEvents()
        editor.grab().save(str(out / f"{language}-teacher-dialog.png"))
        editor.close()
        shoot_mentoring_and_visits(app, window, session, out, language)
        shoot_meetings(app, window, out, language)
    window.close()
    services.close()
    print(f"saved to {out}")


def shoot_mentoring_and_visits(app: QApplication, window: MainWindow, session: Session, out: Path,
                               language: str) -> None:
    """The visit matrix tab, the assign-a-mentor dialog and an observation dialog."""
    window.show_section("mentoring")
    mentoring = window.views["mentoring"]
    mentoring.table.selectRow(0)  # type: ignore[attr-defined]
    app.processEvents()
    window.grab().save(str(out / f"{language}-mentoring-selected.png"))
    year = window.current_year()
    assert year is not None
    dialog = MentorshipDialog(session, year, None, "t-11")
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(out / f"{language}-mentorship-dialog.png"))
    dialog.close()
    window.show_section("visits")
    visits = window.views["visits"]
    visits.term.setCurrentIndex(visits.term.findData(2))  # type: ignore[attr-defined]
    visits.table.selectRow(0)  # type: ignore[attr-defined]
    app.processEvents()
    window.grab().save(str(out / f"{language}-visits-term.png"))
    observation = ObservationDialog(session, visits.selected(), "t-03")  # type: ignore[attr-defined]
    observation.show()
    app.processEvents()
    observation.grab().save(str(out / f"{language}-observation-dialog.png"))
    observation.close()
    visits.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
    app.processEvents()
    window.grab().save(str(out / f"{language}-visits-matrix.png"))
    visits.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]


def shoot_meetings(app: QApplication, window: MainWindow, out: Path, language: str) -> None:
    """The meetings of a body, the editor (both tabs) and the protocol search with a hit."""
    window.show_section("meetings")
    meetings = window.views["meetings"]
    meetings.table.selectRow(0)  # type: ignore[attr-defined]
    app.processEvents()
    window.grab().save(str(out / f"{language}-meetings-selected.png"))
    editor = meetings.editor(meetings.selected())  # type: ignore[attr-defined]
    editor.autosave.stop()
    editor.resize(1366, 740)
    editor.show()
    app.processEvents()
    editor.grab().save(str(out / f"{language}-meeting-editor.png"))
    editor.tabs.setCurrentIndex(1)
    app.processEvents()
    editor.grab().save(str(out / f"{language}-meeting-agenda.png"))
    editor.close()
    meetings.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
    meetings.search_panel.query.setText("ОҚУ ЖЫЛЫ")  # type: ignore[attr-defined]
    meetings.search_panel.run()  # type: ignore[attr-defined]
    app.processEvents()
    window.grab().save(str(out / f"{language}-meetings-search.png"))
    meetings.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/metodsovet-shots"))
