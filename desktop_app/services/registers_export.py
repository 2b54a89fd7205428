"""The mentoring and lesson-visit registers of a year as .xlsx for the district cabinet (п. 16, 17).

User text goes in as text: a cell that starts with ``=``, ``+``, ``-`` or ``@`` would be read by
a spreadsheet as a formula (CSV/formula injection), so it gets a leading apostrophe and the cell is
stored as a string.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from io import BytesIO

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from desktop_app.domain.accounts import Action, Actor
from desktop_app.domain.entities import LocalizedText, SessionKind
from desktop_app.domain.errors import N_
from desktop_app.domain.labels import MENTORSHIP_STATUS_LABELS, VISIT_KIND_LABELS
from desktop_app.i18n import current_language, gettext_for
from desktop_app.services.base import Service, found

FORMULA_STARTS = ("=", "+", "-", "@")

SESSION_KIND_LABELS = {
    SessionKind.CONSULTATION: N_("consultation"),
    SessionKind.MENTOR_VISITS_LESSON: N_("the mentor visits a lesson"),
    SessionKind.MENTEE_VISITS_LESSON: N_("the young specialist visits a lesson"),
    SessionKind.JOINT_PLANNING: N_("joint planning"),
    SessionKind.OTHER: N_("other"),
}


def safe_cell(value: object) -> object:
    """Numbers stay numbers; text that a spreadsheet would take for a formula gets an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _sheet(book: Workbook, title: str, header: Sequence[str], rows: Sequence[Sequence[object]],
           first: bool) -> None:
    sheet = book.active if first else book.create_sheet()
    sheet.title = title[:31]
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(v) for v in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    for index, title_ in enumerate(header, start=1):
        width = max([len(str(title_))] + [len(str(r[index - 1] or "")) for r in rows])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 8), 60)
    sheet.freeze_panes = "A2"


def _save(book: Workbook) -> bytes:
    out = BytesIO()
    book.save(out)
    return out.getvalue()


class RegisterExportService(Service):
    """Both registers of one academic year, in the window's language (or the one asked for)."""

    def mentoring_xlsx(self, actor: Actor, school: str, academic_year: str, language: str | None = None) -> bytes:
        actor.require(Action.EXPORT)
        _ = gettext_for(language or current_language())
        with self._read(actor, school) as store:
            found(store.get_academic_year(school, academic_year), "academic year", academic_year)
            names = {t.id: t.full_name for t in store.search_teachers(school, "")}
            items = store.list_mentorships(school, academic_year)
        book = Workbook()
        rows = [[names.get(m.mentor, m.mentor), names.get(m.mentee, m.mentee), m.start, m.end,
                 m.order.number if m.order else "", m.order.date if m.order else None,
                 "; ".join(m.goals), len(m.sessions), _(MENTORSHIP_STATUS_LABELS[m.status]), m.conclusion or ""]
                for m in sorted(items, key=lambda m: (names.get(m.mentor, ""), m.start))]
        _sheet(book, _("Mentoring"), [_("Mentor"), _("Mentee"), _("Start"), _("End"), _("Order No."),
                                      _("Order date"), _("Goals"), _("Sessions"), _("Status"), _("Conclusion")],
               rows, True)
        log = [[names.get(m.mentor, m.mentor), names.get(m.mentee, m.mentee), s.date,
                _(SESSION_KIND_LABELS[s.kind]), s.topic, s.notes or ""]
               for m in items for s in m.sessions]
        _sheet(book, _("Log of sessions"), [_("Mentor"), _("Mentee"), _("Date"), _("Kind"), _("Topic"),
                                            _("Notes")], log, False)
        _date_format(book)
        return _save(book)

    def visits_xlsx(self, actor: Actor, school: str, academic_year: str, language: str | None = None) -> bytes:
        actor.require(Action.EXPORT)
        lang = language or current_language()
        _ = gettext_for(lang)
        with self._read(actor, school) as store:
            year = found(store.get_academic_year(school, academic_year), "academic year", academic_year)
            names = {t.id: t.full_name for t in store.search_teachers(school, "")}
            subjects = {s.id: s.name for s in store.list_subjects(school)}
            bodies = {a.id: a.name for a in store.list_associations(school)}
            visits = store.list_lesson_visits(school, *year.window)

        def text(value: LocalizedText | None, fallback: str) -> str:
            return value.get(lang) if value else fallback

        visits.sort(key=lambda v: (v.date, v.teacher))
        rows = [[v.date, year.term_of(v.date), _(VISIT_KIND_LABELS[v.kind]), names.get(v.teacher, v.teacher),
                 text(subjects.get(v.subject), v.subject), v.class_name or "", v.topic,
                 text(bodies.get(v.association), v.association) if v.association else "",
                 len(v.observations)] for v in visits]
        book = Workbook()
        _sheet(book, _("Lesson visits"), [_("Date"), _("Term"), _("Kind"), _("Teacher"), _("Subject"),
                                          _("Class"), _("Lesson topic"), _("Association"), _("Observations")],
               rows, True)
        observations = [[v.date, names.get(v.teacher, v.teacher), v.topic, names.get(o.observer, o.observer),
                         o.strengths or "", o.recommendations or ""] for v in visits for o in v.observations]
        _sheet(book, _("Observations"), [_("Date"), _("Teacher"), _("Lesson topic"), _("Observer"),
                                         _("Strengths"), _("Recommendations")], observations, False)
        _date_format(book)
        return _save(book)


def _date_format(book: Workbook) -> None:
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, date):
                    cell.number_format = "DD.MM.YYYY"
