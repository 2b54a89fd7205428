"""Rule 7 beside a KTP as it is typed: hours against the calendar, whether submission is blocked,
and each lesson dated on a day off; choosing a finding names its row."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QListWidgetItem, QStyle, QVBoxLayout, QWidget

from desktop_app.domain.calendar import CalendarFinding, SchoolCalendar, Severity, study_weeks
from desktop_app.domain.entities import AcademicYear, CalendarPlan
from desktop_app.i18n import _
from desktop_app.ui.models.plan_rows import format_hours
from desktop_app.ui.widgets.fields import ERROR_STYLE, OK_STYLE, WARNING_STYLE

FINDING_ROW = Qt.ItemDataRole.UserRole + 1


def finding_text(finding: CalendarFinding) -> str:
    """A finding in the window's language, dates written as dd.mm.yyyy."""
    return finding.as_error().render(_)


class CalendarCheckPanel(QGroupBox):
    """Shows what the owner found; retranslates through its owner (no LanguageChange handler of its own),
    since the texts shown depend on the plan the owner checks again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.blocked = QLabel(self)
        self.blocked.setWordWrap(True)
        self.finding_list = QListWidget(self)
        self.finding_list.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.blocked)
        layout.addWidget(self.finding_list, 1)

    def retranslate_ui(self) -> None:
        self.setTitle(_("Calendar check (rule 7)"))

    @staticmethod
    def row_of(item: QListWidgetItem) -> int | None:
        """The plan row (from 1) a finding in the list is about."""
        row = item.data(FINDING_ROW)
        return row if isinstance(row, int) else None

    def show_findings(self, year: AcademicYear, plan: CalendarPlan, findings: Sequence[CalendarFinding],
                      texts: Sequence[str]) -> None:
        """The findings with their texts (see ``finding_text``), the hours summary, the blocking line."""
        self.finding_list.clear()
        for finding, text in zip(findings, texts, strict=True):
            severe = finding.severity is Severity.ERROR
            icon = QStyle.StandardPixmap.SP_MessageBoxCritical if severe else QStyle.StandardPixmap.SP_MessageBoxWarning
            item = QListWidgetItem(self.style().standardIcon(icon), text, self.finding_list)
            item.setData(FINDING_ROW, finding.row)
            item.setForeground(QColor("#b00020" if severe else "#8a5a00"))
        weeks = study_weeks(year, plan.grade)
        room = SchoolCalendar(year, plan.grade).lesson_room(plan.hours_per_week)
        self.summary.setText(_("Hours in the plan: {total}; {per_week} h × {weeks} study weeks = {expected}; "
                               "the calendar leaves room for about {room}. Rows with a date: {dated} of {rows}.")
                             .format(total=format_hours(plan.total_hours), per_week=format_hours(plan.hours_per_week),
                                     weeks=weeks, expected=format_hours(plan.hours_per_week * weeks),
                                     room=format_hours(room), dated=sum(1 for r in plan.rows if r.date),
                                     rows=len(plan.rows)))
        blockers = sum(1 for f in findings if f.severity is Severity.ERROR)
        if blockers:
            self.blocked.setText(_("Submission is blocked: {count} lesson(s) dated on a day off.").format(
                count=blockers))
            self.blocked.setStyleSheet(ERROR_STYLE)
        elif not plan.rows:
            self.blocked.setText(_("The plan has no rows yet."))
            self.blocked.setStyleSheet(WARNING_STYLE)
        else:
            self.blocked.setText(_("No lesson is dated on a day off: the calendar does not block submission."))
            self.blocked.setStyleSheet(OK_STYLE)
