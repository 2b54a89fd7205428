"""Fill the date column of a KTP from the class timetable and the academic year's calendar (rule 7).

The user says on which weekdays the class has the lesson and how many; the domain's ``fill_dates``
walks the year's terms, holidays and moved working days. The result is previewed (how many rows got
a date, which did not fit) before the editor takes it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.calendar import CalendarFinding, fill_dates
from desktop_app.domain.entities import AcademicYear, CalendarPlan
from desktop_app.domain.errors import N_, UserError
from desktop_app.i18n import _, format_number
from desktop_app.ui.labels import short_date
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.fields import ERROR_STYLE, OK_STYLE, WARNING_STYLE
from desktop_app.ui.widgets.form_dialog import FormDialog

WEEKDAYS = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"))


def default_timetable(hours_per_week: float) -> dict[int, int]:
    """A first guess the user corrects: one lesson a day from Monday, round the week's hours up."""
    lessons = max(1, round(hours_per_week + 0.49))
    timetable = dict.fromkeys(range(6), 0)
    for number in range(lessons):
        timetable[number % 5] += 1
    return timetable


class PlanDatesDialog(FormDialog):
    """After ``exec() == Accepted``: ``filled`` is the plan with its dates, ``findings`` what did not fit."""

    def __init__(self, session: Session, year: AcademicYear, plan: CalendarPlan,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = year
        self.plan = plan
        self.filled: CalendarPlan | None = None
        self.findings: list[CalendarFinding] = []
        self._build_ui()
        self.retranslate_ui()
        for spin in self.lessons:
            spin.valueChanged.connect(self.preview)
        self.preview()

    def _build_ui(self) -> None:
        self.timetable_box = QGroupBox(self)
        grid = QGridLayout(self.timetable_box)
        self.day_labels: list[QLabel] = []
        self.lessons: list[QSpinBox] = []
        guess = default_timetable(self.plan.hours_per_week)
        for weekday in range(6):
            caption = QLabel(self.timetable_box)
            spin = QSpinBox(self.timetable_box)
            spin.setRange(0, 8)
            spin.setValue(guess[weekday])
            caption.setBuddy(spin)
            grid.addWidget(caption, weekday // 3 * 2, weekday % 3)
            grid.addWidget(spin, weekday // 3 * 2 + 1, weekday % 3)
            self.day_labels.append(caption)
            self.lessons.append(spin)
        self.week_note = QLabel(self)
        self.week_note.setWordWrap(True)
        self.calendar_box = QGroupBox(self)
        self.calendar_text = QLabel(self.calendar_box)
        self.calendar_text.setWordWrap(True)
        QVBoxLayout(self.calendar_box).addWidget(self.calendar_text)
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        self.not_fitting = QListWidget(self)
        self.not_fitting.setMaximumHeight(110)
        self.buttons = QDialogButtonBox(self)
        self.fill_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.buttons.addButton(self.fill_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.timetable_box)
        layout.addWidget(self.week_note)
        layout.addWidget(self.calendar_box)
        layout.addWidget(self.outcome)
        layout.addWidget(self.not_fitting)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Fill dates from the timetable"))
        self.timetable_box.setTitle(_("Lessons of the class on each weekday"))
        for caption, name in zip(self.day_labels, WEEKDAYS, strict=True):
            caption.setText(_(name))
        self.calendar_box.setTitle(_("Calendar of the {year} academic year").format(year=self.year.id))
        terms = [_("Term {number}: {start} – {end}").format(number=t.number, start=short_date(t.start),
                                                             end=short_date(t.end)) for t in self.year.terms]
        holidays = list(self.year.holidays) + (list(self.year.grade1_holidays) if self.plan.grade == 1 else [])
        lines = [*terms,
                 _("Holidays and days off: {count}").format(count=len(holidays))]
        if self.year.extra_school_days:
            lines.append(_("Moved working days: {days}").format(
                days=", ".join(short_date(d) for d in self.year.extra_school_days)))
        self.calendar_text.setText("\n".join(lines))
        self.fill_button.setText(_("Fill dates"))
        self.cancel_button.setText(_("Cancel"))
        self.preview()

    def timetable(self) -> dict[int, int]:
        return {weekday: spin.value() for weekday, spin in enumerate(self.lessons) if spin.value()}

    def set_timetable(self, timetable: dict[int, int]) -> None:
        for weekday, spin in enumerate(self.lessons):
            spin.setValue(timetable.get(weekday, 0))

    def preview(self) -> None:
        """Fill on a copy and say what came of it; nothing reaches the editor before "Fill dates"."""
        if not hasattr(self, "fill_button"):
            return
        timetable = self.timetable()
        week = sum(timetable.values())
        self.week_note.setText(_("{lessons} lesson(s) a week by this timetable; the plan has {hours} h a week.")
                               .format(lessons=week, hours=format_number(self.plan.hours_per_week)))
        self.week_note.setStyleSheet(WARNING_STYLE if abs(week - self.plan.hours_per_week) >= 1 else "")
        self.not_fitting.clear()
        try:
            filled, findings = fill_dates(self.plan, self.year, timetable)
        except UserError as error:
            self.filled, self.findings = None, []
            self.outcome.setText(error.render(_))
            self.outcome.setStyleSheet(ERROR_STYLE)
            self.fill_button.setEnabled(False)
            return
        self.filled, self.findings = filled, findings
        dated = [row.date for row in filled.rows if row.date is not None]
        if not filled.rows:
            text = _("The plan has no rows to date.")
        elif dated:
            text = _("{placed} of {rows} rows get a date, from {first} to {last}.").format(
                placed=len(dated), rows=len(filled.rows), first=short_date(min(dated)), last=short_date(max(dated)))
        else:
            text = _("{placed} of {rows} rows get a date.").format(placed=0, rows=len(filled.rows))
        if findings:
            text += " " + _("Did not fit: {count}.").format(count=len(findings))
        already = sum(1 for row in self.plan.rows if row.date is not None)
        if already:
            text += " " + _("The {count} date(s) already in the plan are replaced.").format(count=already)
        self.outcome.setText(text)
        self.outcome.setStyleSheet(WARNING_STYLE if findings or not dated else OK_STYLE)
        for finding in findings:
            self.not_fitting.addItem(finding.as_error().render(_))
        self.not_fitting.setVisible(bool(findings))
        self.fill_button.setEnabled(bool(filled.rows))
