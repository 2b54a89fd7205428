"""The school's academic years as a table: dates, terms, holidays, moved working days, study weeks."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop_app.domain.entities import AcademicYear
from desktop_app.i18n import N_, _
from desktop_app.ui.labels import short_date
from desktop_app.ui.models.table import Column, RecordTableModel


class YearTableModel(RecordTableModel[AcademicYear]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(N_("Academic year"), lambda y: y.id),
            Column(N_("Starts on"), lambda y: short_date(y.start), sort_key=lambda y: y.start.isoformat()),
            Column(N_("Ends on"), lambda y: short_date(y.end), sort_key=lambda y: y.end.isoformat()),
            Column(N_("Terms"), lambda y: str(len(y.terms)), sort_key=lambda y: len(y.terms), align_center=True),
            Column(N_("Holidays"), lambda y: str(len(y.holidays)), sort_key=lambda y: len(y.holidays),
                   align_center=True),
            Column(N_("Moved working days"), lambda y: ", ".join(short_date(d) for d in y.extra_school_days)),
            Column(N_("Study weeks"), lambda y: str(y.study_weeks) if y.study_weeks
                   else _("34 (33 in grade 1)"), align_center=True),
        ], parent)
