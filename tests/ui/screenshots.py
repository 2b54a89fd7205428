"""Screenshots of every section and every dialog of tests/ui/every_dialog.py in both languages at
1366×768 (run by hand, not a test); what is cut (tests/ui/fits.py) is printed too.

    PYTHONPATH=. python tests/ui/screenshots.py [output folder]   (QT_QPA_PLATFORM unset: 1366×768)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# A 1366×768 screen (the offscreen platform's own is 800×600; dialogs size themselves to the screen).
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={Path(__file__).with_name('screen_1366x768.json')}")
os.environ["METODSOVET_HOME"] = tempfile.mkdtemp(prefix="metodsovet-shots-")

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.domain.entities import PlanStatus
from desktop_app.services import Services
from desktop_app.services.demo import load_demo
from desktop_app.ui.dialogs.mentorship import MentorshipDialog
from desktop_app.ui.dialogs.plan.dates import PlanDatesDialog
from desktop_app.ui.dialogs.plan.editor import PlanEditorDialog
from desktop_app.ui.dialogs.plan.file_import import PlanImportDialog
from desktop_app.ui.dialogs.sign_in import SignInDialog
from desktop_app.ui.dialogs.teacher import TeacherDialog
from desktop_app.ui.dialogs.visit import ObservationDialog
from desktop_app.ui.language import install_language_hook
from desktop_app.ui.main_window import SECTIONS, MainWindow
from desktop_app.ui.session import Session
from desktop_app.ui.style import STYLE
from desktop_app.ui.views.plans import PlansView
from tests.services.test_plan_import import KK_BODY, KK_HEADER, xlsx
from tests.ui.conftest import finish_now, submit_on
from tests.ui.every_dialog import DIALOGS
from tests.ui.fits import clipped


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    from desktop_app.ui.qt_environment import prepare_qt

    prepare_qt()  # as the program does before its application object
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setStyleSheet(STYLE)
    install_language_hook()
    services = Services.open(str(Path(os.environ["METODSOVET_HOME"]) / "demo.sqlite3"))
    load_demo(services)
    actor = services.accounts.authenticate("zavuch", "zavuch-demo")
    assert actor.school is not None
    session = Session(services, actor, actor.school)
    submitted = submitted_plan(session)
    window = MainWindow(session)
    window.resize(1366, 768)
    window.show()
    for language in ("kk", "ru"):
        window.set_language(language)
        for section in SECTIONS:
            window.show_section(section.key)
            app.processEvents()
            window.grab().save(str(out / f"{language}-{section.key}.png"))
            report(window, f"{language}-{section.key}")
        shoot_catalog(app, window, out, language)
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
        shoot_plans(app, window, session, out, language, submitted)
    window.close()
    services.close()
    print(f"saved to {out}")


def report(widget: QWidget, name: str) -> None:
    for problem in clipped(widget):
        print(f"{name}: {problem}")


def shoot_catalog(app: QApplication, window: MainWindow, out: Path, language: str) -> None:
    """Every dialog of the catalog, opened with the demo's data, as it first appears."""
    for number, entry in enumerate(DIALOGS):
        dialog = entry.open(window)
        dialog.show()
        app.processEvents()
        name = f"{language}-dialog-{number:02d}-{entry.name.replace(' ', '-').replace('/', '-')}"
        dialog.grab().save(str(out / f"{name}.png"))
        report(dialog, name)
        dialog.close()
        dialog.deleteLater()
    window.show()


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


def submitted_plan(session: Session) -> str:
    """A copy of the demo's returned algebra plan for another teacher, submitted for review."""
    s = session
    base = next(p for p in s.services.plans.list(s.actor, s.school) if p.status is PlanStatus.RETURNED)
    plan = s.services.plans.save(s.actor, s.school, replace(base, id="", teacher="t-03", grade=9))
    return submit_on(s.services, s, plan.id).id  # before the November meeting that may consider it


def _shot(app: QApplication, widget: QWidget, path: Path, size: tuple[int, int] | None = None) -> None:
    if size is not None:
        widget.resize(*size)
    widget.show()
    app.processEvents()
    widget.grab().save(str(path))
    widget.close()


def shoot_plans(app: QApplication, window: MainWindow, session: Session, out: Path, language: str,
                submitted: str) -> None:
    """The Plans section with a plan chosen, its teacher filter opened, its history, the editor with
    a holiday lesson flagged, the fill-dates dialog, the consider dialog and an import preview."""
    window.show_section("plans")
    plans = window.views["plans"]
    assert isinstance(plans, PlansView)
    listed = next(r.plan for r in plans.model.records() if r.plan.status is PlanStatus.APPROVED)
    approved = session.services.plans.get(session.actor, session.school, listed.id)  # the list has no rows
    plans.select_plan(approved.id)
    app.processEvents()
    window.grab().save(str(out / f"{language}-plans-selected.png"))
    plans.teacher_filter.showPopup()  # its choices are read as it opens
    app.processEvents()
    screen = window.screen()
    screen.grabWindow(0).save(str(out / f"{language}-plans-teacher-filter.png"))
    plans.teacher_filter.hidePopup()
    history = plans.make_history_dialog()
    assert history is not None
    _shot(app, history, out / f"{language}-plan-history.png")
    year = window.current_year()
    assert year is not None
    draft = replace(approved, id="", status=PlanStatus.DRAFT, review=None, agreed=None, approved=None,
                    rows=[replace(r) for r in approved.rows])
    draft.rows[5].date = date(2026, 12, 16)  # Independence Day: flagged, submission blocked
    editor = PlanEditorDialog(session, year, draft)
    _shot(app, editor, out / f"{language}-plan-editor.png", (1366, 740))
    dates = PlanDatesDialog(session, year, draft)
    dates.set_timetable({1: 1, 3: 1})
    _shot(app, dates, out / f"{language}-plan-dates.png")
    plans.refresh()
    plans.select_plan(submitted)
    consider = plans.make_consider_dialog()
    assert consider is not None
    _shot(app, consider, out / f"{language}-plan-consider.png")
    path = out / "КТЖ алгебра 8В.xlsx"
    path.write_bytes(xlsx(KK_HEADER, KK_BODY))
    preview = PlanImportDialog(session, year, path)
    finish_now()  # the file is read off the GUI thread
    _shot(app, preview, out / f"{language}-plan-import.png", (1240, 700))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/metodsovet-shots"))
