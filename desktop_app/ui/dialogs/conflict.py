"""A save refused because someone else saved the record meanwhile (issue 17, point 2).

The one place every editor sends a :class:`ConflictError`: it says who saved and when, keeps the
form as typed (the user's copy is never thrown away here), shows the stored copy beside the user's
on request (read only: only the fields that differ), and lets the user take the stored copy, or,
where the record kind keeps versions (an approved KTP), save theirs as a new version.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import fields, is_dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import labels as domain_labels
from desktop_app.domain.entities import (
    Association,
    CalendarPlan,
    Language,
    LessonVisit,
    LocalizedText,
    Meeting,
    Mentorship,
    PlanStatus,
    Teacher,
)
from desktop_app.domain.errors import ConflictError, DomainError, UserError
from desktop_app.i18n import N_, _
from desktop_app.ui.labels import LANGUAGE_NAMES, short_date
from desktop_app.ui.language import Retranslating
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.sizing import fit_to_screen


class Choice(enum.Enum):
    KEEP = "keep"  # go on editing: everything typed stays, the save can be tried again
    RELOAD = "reload"  # take the stored copy (the user's changes are dropped)
    NEW_VERSION = "new_version"  # save the user's copy as a new version of the stored one


#: Captions of the fields a comparison may show (the others are shown by their own name).
CAPTIONS = {
    "last_name": N_("Last name"), "first_name": N_("First name"), "patronymic": N_("Patronymic"),
    "position": N_("Position"), "subjects": N_("Subjects"), "category": N_("Category"),
    "name": N_("Name"), "kind": N_("Kind"), "head": N_("Head"), "secretary": N_("Secretary"),
    "members": N_("Members"), "work_plan": N_("Work plan"), "number": N_("Number"), "date": N_("Date"),
    "language": N_("Language"), "chair": N_("Chair"), "attendance": N_("Attendance"),
    "agenda": N_("Agenda"), "status": N_("Status"), "start_time": N_("Time"), "place": N_("Place"),
    "guests": N_("Guests"), "teacher": N_("Teacher"), "subject": N_("Subject"), "grade": N_("Grade"),
    "hours_per_week": N_("Hours a week"), "rows": N_("Lessons"), "classes": N_("Classes"),
    "mentor": N_("Mentor"), "mentee": N_("Mentee"), "start": N_("Start"), "end": N_("End"),
    "goals": N_("Goals"), "plan": N_("Plan"), "sessions": N_("Sessions"), "conclusion": N_("Conclusion"),
    "topic": N_("Topic"), "class_name": N_("Class"), "observations": N_("Observations"),
}
#: Fields that are bookkeeping, not what the user edits.
_HIDDEN = {"id", "revision", "version"}
_ENUM_LABELS: dict[type[enum.Enum], dict[Any, str]] = {}
for _value in vars(domain_labels).values():
    if isinstance(_value, dict) and _value and isinstance(next(iter(_value)), enum.Enum):
        _ENUM_LABELS[type(next(iter(_value)))] = _value


def shown(value: Any) -> str:
    """A value as the comparison shows it, in the window's language."""
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "—"
    if isinstance(value, Language):
        return LANGUAGE_NAMES.get(value, str(value))
    if isinstance(value, enum.Enum):
        found = _ENUM_LABELS.get(type(value), {}).get(value)
        return _(found) if found else str(value.value)
    if isinstance(value, LocalizedText):
        return " / ".join(t for t in (value.kk, value.ru) if t) or "—"
    if isinstance(value, date):
        return short_date(value)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list):
        return "\n".join(shown(item) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        parts = [shown(getattr(value, f.name)) for f in fields(value) if f.name not in _HIDDEN]
        return " · ".join(p for p in parts if p != "—")
    return str(value)


def differences(mine: object, theirs: object) -> list[tuple[str, str, str]]:
    """(caption, the user's value, the stored value) of every field where the two copies differ."""
    if not (is_dataclass(mine) and is_dataclass(theirs)):
        return []
    rows = []
    for f in fields(mine):
        if f.name in _HIDDEN:
            continue
        a, b = getattr(mine, f.name), getattr(theirs, f.name, None)
        if a != b:
            caption = CAPTIONS.get(f.name)
            rows.append((_(caption) if caption else f.name, shown(a), shown(b)))
    return rows


def stored_copy(session: Session, record: object) -> object | None:
    """The copy of ``record`` stored now (None when it cannot be read: deleted, or no connection)."""
    s = session
    readers: dict[type, Callable[[str], object]] = {
        Teacher: lambda i: s.services.teachers.get(s.actor, s.school, i),
        Association: lambda i: s.services.associations.get(s.actor, s.school, i),
        Meeting: lambda i: s.services.meetings.get(s.actor, s.school, i),
        CalendarPlan: lambda i: s.services.plans.get(s.actor, s.school, i),
        Mentorship: lambda i: s.services.mentoring.get(s.actor, s.school, i),
        LessonVisit: lambda i: s.services.visits.get(s.actor, s.school, i),
    }
    read = readers.get(type(record))
    record_id = getattr(record, "id", "")
    if read is None or not record_id:
        return None
    try:
        return read(record_id)
    except UserError:
        return None


class ConflictDialog(Retranslating, QDialog):
    """Says who saved the record meanwhile and when; ``choice`` is what the user chose."""

    def __init__(self, error: ConflictError, mine: object | None, theirs: object | None,
                 new_version: bool = False, parent: QWidget | None = None, who: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.error = error
        self.who = who or error.by  # the person's name where it is known, else the login
        self.choice = Choice.KEEP
        self.rows = differences(mine, theirs) if mine is not None and theirs is not None else []
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.kept = QLabel(self)
        self.kept.setWordWrap(True)
        self.compare_button = QPushButton(self)
        self.compare_button.setCheckable(True)
        self.compare_button.setVisible(bool(self.rows))
        self.table = QTableWidget(len(self.rows), 3, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # read only
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for row, values in enumerate(self.rows):
            for column, text in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        self.table.setMaximumHeight(self.table.horizontalHeader().height() + 4
                                    + sum(self.table.rowHeight(r) for r in range(len(self.rows))))
        self.table.setVisible(False)
        self.buttons = QDialogButtonBox(self)
        self.keep_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.reload_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.reload_button.setVisible(theirs is not None)
        self.version_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.version_button.setVisible(new_version and theirs is not None)
        self.keep_button.setDefault(True)
        layout = QVBoxLayout(self)
        for widget in (self.message, self.kept, self.compare_button, self.table, self.buttons):
            layout.addWidget(widget)
        self.compare_button.toggled.connect(self._compare)
        self.keep_button.clicked.connect(self.reject)
        self.reload_button.clicked.connect(lambda: self._choose(Choice.RELOAD))
        self.version_button.clicked.connect(lambda: self._choose(Choice.NEW_VERSION))
        self.retranslate_ui()
        self.setMinimumWidth(720)
        fit_to_screen(self, 760, 200)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Changed by someone else"))
        who = self.who
        if self.error.db_login:  # on a school server: the database login the audit trail recorded
            who = _("{who} (server login {login})").format(who=who, login=self.error.db_login)
        named = DomainError(self.error.rule, self.error.message, {**self.error.params, "who": who})
        self.message.setText(named.render(_))
        self.kept.setText(_("Everything you typed is still in the form: you can copy it, or save it "
                            "again after taking the other copy."))
        self.compare_button.setText(_("Show both copies"))
        self.table.setHorizontalHeaderLabels(
            [_("Field"), _("Your copy"), _("Saved by {who}").format(who=who)])
        self.keep_button.setText(_("Keep editing"))
        self.reload_button.setText(_("Take the other copy"))
        self.version_button.setText(_("Save mine as a new version"))

    def _compare(self, shown_: bool) -> None:
        self.table.setVisible(shown_)

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()


def resolve(parent: QWidget, session: Session, error: ConflictError, mine: object | None, *,
            new_version: Callable[[object], bool] | None = None) -> tuple[Choice, object | None]:
    """Show the conflict over ``mine`` (the copy the user tried to save); returns the user's choice
    and the stored copy (None when it could not be read). ``new_version(theirs)`` says whether the
    stored copy may take the user's as a new version."""
    theirs = stored_copy(session, mine) if mine is not None else None
    offer = bool(new_version and theirs is not None and new_version(theirs))
    try:
        who = session.services.accounts.people(session.actor, session.school).get(error.by, error.by)
    except UserError:
        who = error.by
    dialog = ConflictDialog(error, mine, theirs, offer, parent, who)
    dialog.exec()
    choice = dialog.choice
    dialog.deleteLater()
    return choice, theirs


def approved(plan: object) -> bool:
    """A KTP keeps versions once approved: the user's copy may become its next version."""
    return isinstance(plan, CalendarPlan) and plan.status is PlanStatus.APPROVED


def as_new_version(session: Session, error: ConflictError, mine: CalendarPlan) -> CalendarPlan:
    """Open a new version of the approved plan saved meanwhile (the approved one stays in its
    history, rule 5) and return the user's rows on top of it, ready to be saved."""
    s = session
    reason = _("Saved over the copy changed by {who} at {when}").format(who=error.by, when=error.at)
    opened = s.services.plans.new_version(s.actor, s.school, mine.id, reason)
    return replace(opened, teacher=mine.teacher, subject=mine.subject, grade=mine.grade, classes=mine.classes,
                   language=mine.language, hours_per_week=mine.hours_per_week, rows=mine.rows)


def on_plan_conflict(dialog: QDialog, session: Session, error: UserError, plan: CalendarPlan,
                     store: Callable[[CalendarPlan], object]) -> bool:
    """The KTP editor's Save was refused: on a ConflictError the conflict dialog. True when the
    user's copy was saved as a new version (through ``store``) and the editor may close; taking
    the stored copy closes the editor without saving (the list reloads and shows it)."""
    if not isinstance(error, ConflictError):
        return False
    from desktop_app.ui.operations import Change, bus

    choice, _theirs = resolve(dialog, session, error, plan, new_version=approved)
    if choice is Choice.RELOAD:
        setattr(dialog, "dirty", False)  # noqa: B010 - the editor's own flag: close without asking
        bus().changed.emit(frozenset({Change.PLANS}), None)
        dialog.reject()
    elif choice is Choice.NEW_VERSION:
        try:
            store(as_new_version(session, error, plan))
        except UserError as again:
            QMessageBox.warning(dialog, _("Not saved"), again.render(_))
            return False
        return True
    return False
