"""Every visible text changes when the language changes (issue 4, "Done when").

The test signs in as the demo administrator, visits every section, opens the dialogs that open
without user input, collects every text a user sees (labels, buttons, group boxes, tabs, menus,
actions, table headers, placeholders, window titles) in Kazakh, switches to Russian live and
collects again. A text that is the same in both languages is an untranslated string, unless it is
data (names, numbers, dates, ids) or on the small allow-list below.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QStackedWidget,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

from desktop_app import i18n
from desktop_app.domain.entities import MeetingStatus, PlanStatus
from desktop_app.ui.dialogs.first_run import FirstRunWizard
from desktop_app.ui.dialogs.plan.copy import PlanCopyDialog
from desktop_app.ui.dialogs.plan.dates import PlanDatesDialog
from desktop_app.ui.dialogs.sign_in import SignInDialog
from desktop_app.ui.main_window import SECTIONS, MainWindow
from desktop_app.ui.views.meetings import MeetingsView
from desktop_app.ui.views.plans import PlansView

#: Texts allowed to read the same in Kazakh and Russian, each with its reason.
SAME_IN_BOTH = {
    "Файл": "Kazakh says Файл for a file, as Russian does",
    "Логин": "Kazakh uses the loanword логин, as Russian does (the catalog's term everywhere)",
    "директор": "a role: the Kazakh word is the same",
    "педагог": "a qualification category: the official Kazakh name is the Russian one",
    "педагог-модератор": "a qualification category: the official Kazakh name is the Russian one",
    "семинар": "a meeting form: the Kazakh word is the same",
    "конференция": "a meeting form: the Kazakh word is the same",
    "практикум": "a meeting form: the Kazakh word is the same",
    "Lesson Study": "a visit kind: the method's international name, used as is in both languages",
    "Қазақша": "the language menu names each language in itself",
    "Русский": "the language menu names each language in itself",
    "7А, 7Ә": "an example of class names (data) as the KTP editor's placeholder",
}
#: Data, not interface: no letters at all (numbers, dates, times, ids such as 2025-2026), or a path.
NOT_WORDS = re.compile(r"^([\W\d_]*|/.*|[A-Za-z]:\\.*)$")


def _shown(widget: QWidget) -> bool:
    """Visible when its window is shown; a page a stack or a tab widget does not show counts too."""
    while widget is not None and not widget.isWindow():
        parent = widget.parentWidget()
        if widget.isHidden() and not isinstance(parent, QStackedWidget):
            return False
        widget = parent
    return True


def _texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a user sees in ``window``."""
    yield f"{window.objectName() or type(window).__name__}: title", window.windowTitle()
    if isinstance(window, QMainWindow):
        for menu_action in window.menuBar().actions():
            yield "menu", menu_action.text()
            menu = menu_action.menu()
            for action in menu.actions() if menu is not None else []:
                yield f"menu {menu_action.text()}", action.text()
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not _shown(widget):
            continue
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        if isinstance(widget, QLabel) and widget.pixmap().isNull():
            yield where, widget.text()
        elif isinstance(widget, QAbstractButton):
            yield where, widget.text()
            yield f"{where} tooltip", widget.toolTip()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield where, widget.tabText(index)
        elif isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
            yield f"{where} placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox):  # choices such as kinds, forms, statuses; names are skipped
            for index in range(widget.count()):
                yield f"{where} item", widget.itemText(index)
        if isinstance(widget, QListWidget) and widget.objectName() == "navigation":
            for row in range(widget.count()):
                yield where, widget.item(row).text()
        elif isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount(QModelIndex())):
                yield f"{where} header", str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        for action in widget.actions():
            yield f"{where} action", action.text()


def _collect(windows: list[QWidget]) -> dict[tuple[str, int], tuple[str, str]]:
    """Texts by (window, position): the same widgets are walked in the same order each time."""
    found: dict[tuple[str, int], tuple[str, str]] = {}
    for window in windows:
        for position, (where, text) in enumerate(_texts(window)):
            found[(window.objectName() or type(window).__name__, position)] = (where, text)
    return found


def _open_everything(qtbot, window: MainWindow) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Every section visited; the dialogs that open without input, shown beside the window."""
    for section in SECTIONS:
        window.show_section(section.key)
    views = window.views
    associations = views["associations"]
    body = associations.selected()  # type: ignore[attr-defined]
    assert body is not None
    meetings = views["meetings"]
    mentoring = views["mentoring"]
    if mentoring.model.rowCount():  # type: ignore[attr-defined]
        mentoring.table.selectRow(0)  # type: ignore[attr-defined]
    visits = views["visits"]
    if visits.model.rowCount():  # type: ignore[attr-defined]
        visits.table.selectRow(0)  # type: ignore[attr-defined]
    settings = views["settings"]
    settings.table.selectRow(0)  # type: ignore[attr-defined]
    dialogs = [*_plan_dialogs(window), _version_dialog(window),

        views["teachers"].make_dialog(None),  # type: ignore[attr-defined]
        associations.make_dialog(None),  # type: ignore[attr-defined]
        associations.make_dialog(body),  # type: ignore[attr-defined]
        associations.make_plan_dialog(body),  # type: ignore[attr-defined]
        meetings.editor(None, body),  # type: ignore[attr-defined]
        mentoring.make_assign_dialog(None),  # type: ignore[attr-defined]
        mentoring.make_session_dialog(),  # type: ignore[attr-defined]
        mentoring.make_close_dialog(),  # type: ignore[attr-defined]
        visits.make_visit_dialog(None),  # type: ignore[attr-defined]
        visits.make_observation_dialog(),  # type: ignore[attr-defined]
        settings.make_dialog(settings.selected()),  # type: ignore[attr-defined]
        settings.accounts.make_dialog(),  # type: ignore[attr-defined]
        SignInDialog(window.session.services),
        FirstRunWizard(window.session.services),
    ]
    shown: list[QWidget] = [window]
    for number, dialog in enumerate(d for d in dialogs if d is not None):
        dialog.setObjectName(dialog.objectName() or f"{type(dialog).__name__}{number}")
        qtbot.addWidget(dialog)
        dialog.show()
        shown.append(dialog)
    return shown


def _plan_dialogs(window: MainWindow) -> list[QWidget | None]:
    """The KTP editor (new and existing), import preview, fill dates, copy, history and consider."""
    s = window.session
    plans = window.views["plans"]
    assert isinstance(plans, PlansView) and plans.year is not None
    listed = s.services.plans.list(s.actor, s.school, plans.year.id)
    returned = next(p for p in listed if p.status is PlanStatus.RETURNED)
    s.services.plans.revise(s.actor, s.school, returned.id)
    s.services.plans.submit(s.actor, s.school, returned.id)  # so that it can be considered
    plans.refresh()
    plans.select_plan(returned.id)
    consider = plans.make_consider_dialog()
    approved = next(p for p in listed if p.status is PlanStatus.APPROVED)
    plans.select_plan(approved.id)
    return [consider, plans.make_history_dialog(), plans.make_editor_dialog(approved),
            plans.make_editor_dialog(None), plans.make_import_dialog(None),
            PlanDatesDialog(s, plans.year, approved), PlanCopyDialog(s, approved.subject, approved.grade)]


def _version_dialog(window: MainWindow) -> QWidget | None:
    """A previous version of a finalized protocol, after a correction made a new one."""
    s = window.session
    meetings = window.views["meetings"]
    assert isinstance(meetings, MeetingsView)
    finalized = next(m for m in meetings.model.records() if m.status is MeetingStatus.FINALIZED)
    s.services.meetings.new_version(s.actor, s.school, finalized.id, "Хатшының тегі қате жазылған")
    meetings.load_meetings()
    meetings.select(finalized.id)
    meetings.versions.setCurrentRow(0)
    return meetings.version_dialog()


#: An English word left in a Kazakh or Russian window: a msgid without a translation.
CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def _english(texts: dict[tuple[str, int], tuple[str, str]], language: str) -> list[str]:
    return [f"{language} {key[0]} / {where}: {text!r}" for key, (where, text) in texts.items()
            if LATIN_WORD.search(text) and not CYRILLIC.search(text) and not NOT_WORDS.match(text)
            and text not in SAME_IN_BOTH]


def _untranslated(kk: dict[tuple[str, int], tuple[str, str]], ru: dict[tuple[str, int], tuple[str, str]],
                  surnames: set[str], values: set[str]) -> list[str]:
    problems = []
    for key, (where, text) in kk.items():
        other = ru.get(key)
        if other is None or other[1] != text:
            continue
        plain = text.replace("&", "").strip()
        if not plain or NOT_WORDS.match(plain) or plain in SAME_IN_BOTH:
            continue
        if plain in values or any(name in plain for name in surnames):  # data: a teacher, a subject
            continue
        problems.append(f"{key[0]} / {where}: {text!r}")
    return problems


def test_every_visible_text_changes_with_the_language(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.set_language("kk")
    windows = _open_everything(qtbot, window)
    QApplication.processEvents()
    kazakh = _collect(windows)
    window.set_language("ru")
    QApplication.processEvents()
    russian = _collect(windows)
    assert i18n.current_language() == "ru"
    assert len(kazakh) > 300
    session = window.session
    teachers = session.services.teachers.list_teachers(session.actor, session.school, include_archived=True)
    same_names = {name for subject in session.services.teachers.list_subjects(session.actor, session.school)
                  if (name := subject.name.get("kk")) == subject.name.get("ru")}  # Математика, Алгебра
    bodies = session.services.associations.list(session.actor, session.school)
    agenda = {f"{item.number}. {item.title}" for body in bodies  # data: agenda items offered by title
              for meeting in session.services.meetings.list(session.actor, session.school, body.id)
              for item in meeting.agenda}
    problems = _untranslated(kazakh, russian, {t.last_name for t in teachers}, same_names | agenda)
    problems += _english(kazakh, "kk") + _english(russian, "ru")
    assert not problems, "the same in Kazakh and Russian, or English left:\n" + "\n".join(problems)
