"""Every dialog and window of the program, opened with the demo's data (issue 13, points 1 and 7).

One entry per dialog in ``DIALOGS``: a clear name, how to open it from the signed-in main window,
and what closing it does with what was typed:

- ``PLAIN``: nothing to keep (a preview, a history, a sign-in): closing just hides it;
- ``ASKS``: a form; after typing, Close/Cancel and Escape ask "Close without saving the changes?"
  (No keeps the dialog and the text, Yes closes); a close from code asks nothing;
- ``SAVES``: an editor that saves a draft on closing; ``saved`` says the typed text reached the
  service.

To add a dialog, add one ``Entry`` (the lead adds the dialogs of other branches at merge).
Used by test_every_dialog_closes.py, test_fits_the_screen.py and screenshots.py.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
    QWizard,
)

from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.domain.entities import MeetingStatus, PlanStatus
from desktop_app.ui.dialogs.accounts import PasswordDialog
from desktop_app.ui.dialogs.first_run import FirstRunWizard
from desktop_app.ui.dialogs.guest_members import GuestMembersDialog
from desktop_app.ui.dialogs.meeting.editor import MeetingDialog
from desktop_app.ui.dialogs.plan.copy import PlanCopyDialog
from desktop_app.ui.dialogs.plan.dates import PlanDatesDialog
from desktop_app.ui.dialogs.plan.editor import PlanEditorDialog
from desktop_app.ui.dialogs.school_picker import SchoolPickerDialog
from desktop_app.ui.dialogs.sign_in import SignInDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.session import Session
from desktop_app.ui.views.meetings import MeetingsView
from desktop_app.ui.views.plans import PlansView
from tests.ui.conftest import finish_now, type_text

#: Typed into a field of every form; the test looks for it afterwards.
TYPED = "Әріптестер Ұлы Қайрат"


class Closing(Enum):
    PLAIN = "plain"
    ASKS = "asks"
    SAVES = "saves"


@dataclass(frozen=True)
class Entry:
    name: str
    open: Callable[[MainWindow], QWidget]
    closing: Closing = Closing.PLAIN
    #: Types ``TYPED`` (or makes another change) into the open dialog; the default finds a field.
    type_into: Callable[[QWidget], None] | None = None
    #: For SAVES: True when what was typed reached the service.
    saved: Callable[[QWidget, Session], bool] | None = None
    #: The ways it can be closed: "button" (Close/Cancel), "escape", "close" (the title bar).
    ways: tuple[str, ...] = ("button", "escape", "close")


def _view(window: MainWindow, key: str):  # type: ignore[no-untyped-def]
    window.show_section(key)
    return window.views[key]


def _body(window: MainWindow):  # type: ignore[no-untyped-def]
    body = _view(window, "associations").selected()
    assert body is not None
    return body


def _plans(window: MainWindow) -> PlansView:
    plans = _view(window, "plans")
    assert isinstance(plans, PlansView) and plans.year is not None
    return plans


def _plan(window: MainWindow, status: PlanStatus):  # type: ignore[no-untyped-def]
    s = window.session
    plans = _plans(window)
    found = next(p for p in s.services.plans.list(s.actor, s.school, plans.year.id)  # type: ignore[union-attr]
                 if p.status is status)
    plans.select_plan(found.id)
    return found


def _submitted_plan_consider(window: MainWindow) -> QWidget:
    """The consider dialog of a submitted plan (the demo's returned plan, revised and submitted)."""
    s = window.session
    plans = _plans(window)
    listed = s.services.plans.list(s.actor, s.school, plans.year.id)  # type: ignore[union-attr]
    submitted = next((p for p in listed if p.status is PlanStatus.SUBMITTED), None)
    if submitted is None:
        returned = next(p for p in listed if p.status is PlanStatus.RETURNED)
        s.services.plans.revise(s.actor, s.school, returned.id)
        submitted = s.services.plans.submit(s.actor, s.school, returned.id)
    plans.refresh()
    plans.select_plan(submitted.id)
    return _some(plans.make_consider_dialog())


def _draft_plan_editor(window: MainWindow) -> QWidget:
    """A copy of the demo's approved plan as a new draft, for the autosave on closing."""
    approved = _plan(window, PlanStatus.APPROVED)
    s = window.session
    draft = s.services.plans.save(s.actor, s.school, replace(
        approved, id="", grade=approved.grade + 1, status=PlanStatus.DRAFT, review=None, agreed=None,
        approved=None, rows=[replace(r) for r in approved.rows]))
    return _some(_plans(window).make_editor_dialog(draft))


def _plan_saved(dialog: QWidget, session: Session) -> bool:
    assert isinstance(dialog, PlanEditorDialog) and dialog.saved_plan is not None
    stored = session.services.plans.get(session.actor, session.school, dialog.saved_plan.id)
    return TYPED in stored.classes


def _type_classes(dialog: QWidget) -> None:
    assert isinstance(dialog, PlanEditorDialog)
    dialog.classes.setFocus()
    dialog.classes.end(False)
    type_text(dialog.classes, ", " + TYPED)


def _version_dialog(window: MainWindow) -> QWidget:
    s = window.session
    meetings = _view(window, "meetings")
    assert isinstance(meetings, MeetingsView)
    _body(window)
    meetings.load_meetings()
    corrected = next((m for m in meetings.model.records()
                      if s.services.meetings.versions(s.actor, s.school, m.id)), None)
    finalized = corrected or next(m for m in meetings.model.records() if m.status is MeetingStatus.FINALIZED)
    if corrected is None:  # corrected and finalized again: the school keeps a finalized protocol
        s.services.meetings.new_version(s.actor, s.school, finalized.id, "Хатшының тегі қате жазылған")
        s.services.meetings.finalize(s.actor, s.school, finalized.id)
        meetings.load_meetings()
    meetings.select(finalized.id)
    meetings.versions.setCurrentRow(0)
    return _some(meetings.version_dialog())


def _existing_meeting(window: MainWindow, status: MeetingStatus) -> QWidget:
    """The first protocol in ``status`` of any association of the school."""
    s = window.session
    meetings = _view(window, "meetings")
    assert isinstance(meetings, MeetingsView)
    found = next((m, body) for body in s.services.associations.list(s.actor, s.school)
                 for m in s.services.meetings.list(s.actor, s.school, body.id) if m.status is status)
    return _some(meetings.editor(*found))


def _fill_new_meeting(dialog: QWidget) -> None:
    """What a user types first: the place, the chair and the secretary (enough for a draft)."""
    assert isinstance(dialog, MeetingDialog)
    header = dialog.header
    header.date.setDate(QDate(date(2026, 10, 14)))
    type_text(header.place, TYPED)
    members = dialog.body.member_ids()
    header.select(header.chair, members[0])
    header.select(header.secretary, members[1])


def _meeting_saved(dialog: QWidget, session: Session) -> bool:
    assert isinstance(dialog, MeetingDialog)
    if dialog.saved is None:
        return False
    return session.services.meetings.get(session.actor, session.school, dialog.saved.id).place.endswith(TYPED)


def _type_place(dialog: QWidget) -> None:
    assert isinstance(dialog, MeetingDialog)
    dialog.header.place.end(False)
    type_text(dialog.header.place, " " + TYPED)


def _staff_import(window: MainWindow) -> QWidget:
    from tests.services.test_staff_import import KK_HEADER, xlsx
    path = Path(tempfile.mkdtemp()) / "штат.xlsx"
    path.write_bytes(xlsx([KK_HEADER, ["Сәрсенова", "Ұлбосын", "Маратқызы", "Математика пәнінің мұғалімі",
                                       "Математика", "педагог-модератор", "12.04.2023", "01.09.2019"],
                           ["Жұмабаев", "Ерлан", None, "Мұғалім", "Химия", "профессор", "31.02.2020", None]]))
    return _some(_view(window, "teachers").make_import_dialog(path))


def _plan_import(window: MainWindow) -> QWidget:
    from tests.services.test_plan_import import KK_BODY, KK_HEADER, xlsx
    path = Path(tempfile.mkdtemp()) / "КТЖ алгебра 8В.xlsx"
    path.write_bytes(xlsx(KK_HEADER, KK_BODY))
    dialog = _some(_plans(window).make_import_dialog(path))
    finish_now()  # the file is read off the GUI thread
    return dialog


def _folder_import(window: MainWindow) -> QWidget:
    """A folder of KTP files of the corpus, each file's teacher, subject and grade guessed."""
    from tests.corpus.ktp import layouts
    folder = Path(tempfile.mkdtemp()) / "КТЖ 2026"
    folder.mkdir()
    for layout in layouts()[:3]:
        (folder / f"{layout.name}{layout.suffix}").write_bytes(layout.data())
    dialog = _some(_plans(window).make_folder_dialog(folder))
    finish_now()  # the files are read off the GUI thread
    return dialog


def _account_dialog(window: MainWindow, make: str) -> QWidget:
    """A dialog of Settings → Accounts for the teacher Ким (login kim)."""
    accounts = _settings(window).accounts
    accounts.select("kim")
    return getattr(accounts, make)(_some(accounts.selected()))  # type: ignore[no-any-return]


def _mentoring(window: MainWindow):  # type: ignore[no-untyped-def]
    mentoring = _view(window, "mentoring")
    mentoring.table.selectRow(0)
    return mentoring


def _visits(window: MainWindow):  # type: ignore[no-untyped-def]
    visits = _view(window, "visits")
    visits.table.selectRow(0)
    return visits


def _settings(window: MainWindow):  # type: ignore[no-untyped-def]
    settings = _view(window, "settings")
    settings.table.selectRow(0)
    return settings


def _some(dialog: QWidget | None) -> QWidget:
    assert dialog is not None
    return dialog


def _main_window(window: MainWindow) -> QWidget:
    other = MainWindow(window.session)
    other.resize(1366, 768)
    return other


def _approved_plan(window: MainWindow):  # type: ignore[no-untyped-def]
    """The work plan dialog of the demo's approved plan (its items are marked, not edited)."""
    from desktop_app.ui.dialogs.work_plan import WorkPlanDialog

    s = window.session
    return WorkPlanDialog(s, s.services.associations.get(s.actor, s.school, "mo-math-26"), window)


def _type_reason(dialog: QWidget) -> None:
    """A cancelled item and why (the reason field opens for a move or a cancellation)."""
    state, reason = getattr(dialog, "state"), getattr(dialog, "reason")  # noqa: B009
    state.setCurrentIndex(state.findData("cancelled"))
    reason.setFocus()
    type_text(reason, TYPED)


def _olympiad_import(window: MainWindow) -> QWidget:
    """The preview of an .xlsx register with one bad row (made here, Kazakh letters included)."""
    from openpyxl import Workbook  # type: ignore[import-untyped]

    book = Workbook()
    book.active.append(["Оқушы", "Сынып", "Пән", "Мұғалім", "Деңгейі", "Нәтижесі"])
    book.active.append(["Әлібекова Айгүл", "9Ә", "Математика", "Әбенова", "аудандық", "1 орын"])
    book.active.append(["Иванов Пётр", "14", "Химия", "Сидоров", "", ""])
    path = Path(tempfile.mkdtemp()) / "олимпиада.xlsx"
    book.save(path)
    return _some(_view(window, "olympiads").make_import_dialog(path))

DIALOGS: tuple[Entry, ...] = (
    Entry("main window", _main_window, ways=("close",)),
    Entry("sign in", lambda w: SignInDialog(w.session.services)),
    Entry("first-run wizard", lambda w: FirstRunWizard(w.session.services)),
    Entry("teacher (new)", lambda w: _view(w, "teachers").make_dialog(None), Closing.ASKS),
    Entry("teacher (existing)", lambda w: _view(w, "teachers").make_dialog(
        w.session.services.teachers.list_teachers(w.session.actor, w.session.school)[0]), Closing.ASKS),
    Entry("staff import preview", _staff_import),
    Entry("association (new)", lambda w: _some(_view(w, "associations").make_dialog(None)), Closing.ASKS),
    Entry("association (existing)", lambda w: _some(_view(w, "associations").make_dialog(_body(w))),
          Closing.ASKS),
    Entry("annual work plan", lambda w: _view(w, "associations").make_plan_dialog(_body(w)), Closing.ASKS,
          lambda d: d.add_button.click()),  # type: ignore[attr-defined]
    Entry("meeting protocol (new)", lambda w: _some(_view(w, "meetings").editor(None, _body(w))),
          Closing.SAVES, _fill_new_meeting, _meeting_saved),
    Entry("meeting protocol (held, changed)", lambda w: _existing_meeting(w, MeetingStatus.HELD),
          Closing.ASKS, _type_place),
    Entry("meeting protocol (finalized)", lambda w: _existing_meeting(w, MeetingStatus.FINALIZED)),
    Entry("protocol: previous version", _version_dialog),
    Entry("KTP editor (draft)", _draft_plan_editor, Closing.SAVES, _type_classes, _plan_saved),
    Entry("KTP editor (approved, read only)", lambda w: _some(_plans(w).make_editor_dialog(
        _plan(w, PlanStatus.APPROVED)))),
    Entry("KTP import preview", _plan_import),
    Entry("KTP fill dates", lambda w: PlanDatesDialog(w.session, _some_year(w), _plan(w, PlanStatus.APPROVED)),
          Closing.ASKS, lambda d: _spin(d)),
    Entry("KTP copy from", lambda w: PlanCopyDialog(w.session, (p := _plan(w, PlanStatus.APPROVED)).subject,
                                                    p.grade)),
    Entry("KTP history", lambda w: (_plan(w, PlanStatus.APPROVED), _some(_plans(w).make_history_dialog()))[1]),
    Entry("KTP consider", _submitted_plan_consider, Closing.ASKS),
    Entry("mentorship (assign)", lambda w: _mentoring(w).make_assign_dialog(None), Closing.ASKS),
    Entry("mentoring session", lambda w: _some(_mentoring(w).make_session_dialog()), Closing.ASKS),
    Entry("mentorship (complete)", lambda w: _some(_mentoring(w).make_close_dialog()), Closing.ASKS),
    Entry("lesson visit", lambda w: _some(_visits(w).make_visit_dialog(None)), Closing.ASKS),
    Entry("observation", lambda w: _some(_visits(w).make_observation_dialog()), Closing.ASKS),
    Entry("event of methodical work", lambda w: _some(_view(w, "events").make_dialog(None)), Closing.ASKS),
    Entry("academic year", lambda w: (s := _settings(w)).make_dialog(s.selected()), Closing.ASKS,
          lambda d: _spin(d)),
    Entry("account (new)", lambda w: _settings(w).accounts.make_dialog(), Closing.ASKS),
    Entry("account: reset the password", lambda w: _account_dialog(w, "make_password_dialog"), Closing.ASKS),
    Entry("account: change the role", lambda w: _account_dialog(w, "make_role_dialog")),
    Entry("own password (File menu)", lambda w: PasswordDialog(w.session, parent=w), Closing.ASKS),
    Entry("subject (new)", lambda w: _some(_settings(w).subjects).make_dialog(), Closing.ASKS),
    Entry("KTP folder import", _folder_import),
    Entry("methodical material (new)", lambda w: _some(_view(w, "materials").make_dialog(None)), Closing.ASKS),
    Entry("methodical material (existing)", lambda w: _some(_materials(w, "mat-2").make_dialog(
        _materials(w, "mat-2").selected())), Closing.ASKS),
    Entry("methodical material: approve", lambda w: _some(_materials(w, "mat-1").make_approve_dialog())),
    Entry("work plan item mark", lambda w: _some(_approved_plan(w).make_mark_dialog(0)), Closing.ASKS,
          _type_reason),
    Entry("olympiad result (new)", lambda w: _some(_view(w, "olympiads").make_dialog(None)), Closing.ASKS),
    Entry("olympiad import preview", _olympiad_import),
    Entry("attestation application (new)", lambda w: _some(_view(w, "staff_records").attestation.make_dialog(None)),
          Closing.ASKS, lambda d: d.portfolio.item(0).setCheckState(Qt.CheckState.Checked)),  # type: ignore[attr-defined]
    Entry("attestation result", lambda w: _some(_attestation(w, "att-2").make_result_dialog()), Closing.ASKS),
    Entry("course (new)", lambda w: _some(_view(w, "staff_records").courses.make_dialog(None)), Closing.ASKS),
    Entry("school picker (sign-in, File menu)", lambda w: SchoolPickerDialog(
        w.session.services.schools.list_schools(w.session.actor), w.session.school, w)),
    Entry("members from other schools", lambda w: GuestMembersDialog(
        Session(w.session.services, COMMAND_LINE, w.session.school), _body(w), w)),
)


def _attestation(window: MainWindow, record: str):  # type: ignore[no-untyped-def]
    """The Attestation tab with the demo's ``record`` selected (att-2: heard, no result yet)."""
    tab = _view(window, "staff_records").attestation
    tab.proxy.select_id(tab.table, record)
    return tab


def _materials(window: MainWindow, material: str):  # type: ignore[no-untyped-def]
    """The materials section with the demo's ``material`` selected (mat-1 considered, mat-2 a draft)."""
    view = _view(window, "materials")
    view.select_record(material)
    return view



def _some_year(window: MainWindow):  # type: ignore[no-untyped-def]
    year = window.current_year()
    assert year is not None
    return year


def _spin(dialog: QWidget) -> None:
    """A change where a dialog has no text field: the first spin box stepped up."""
    spin = next(w for w in dialog.findChildren(QAbstractSpinBox) if w.isVisible() and w.isEnabled())
    spin.stepUp()


def type_something(dialog: QWidget) -> QWidget:
    """Type ``TYPED`` into the first text field a user would type into; returns the field."""
    fields = [w for w in dialog.findChildren(QWidget)
              if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit) and w.isVisible() and w.isEnabled()
              and not w.isReadOnly() and not isinstance(w.parentWidget(), QAbstractSpinBox | QComboBox)]
    assert fields, f"no field to type into in {type(dialog).__name__}"
    field = fields[0]
    field.setFocus()
    type_text(field, TYPED)
    return field


def close_button(dialog: QWidget) -> QAbstractButton:
    """The Close or Cancel button a user would click."""
    if isinstance(dialog, QWizard):
        return dialog.button(QWizard.WizardButton.CancelButton)
    for name in ("close_button", "cancel_button", "quit_button"):
        button = getattr(dialog, name, None)
        if isinstance(button, QAbstractButton):
            return button
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if box.buttonRole(button) is QDialogButtonBox.ButtonRole.RejectRole:
                return button
    raise AssertionError(f"no Close or Cancel button in {type(dialog).__name__}")
