"""The tables and charts of the annual analysis, in the reader's language: one source for the window,
the PDF and the .xlsx, so the three always show the same figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.annual_analysis import PROTOCOL_DAYS
from desktop_app.domain.entities import Category, MaterialKind, OlympiadLevel
from desktop_app.domain.event_records import EventForm
from desktop_app.domain.labels import CATEGORY_LABELS, EVENT_FORM_LABELS, MATERIAL_KIND_LABELS, OLYMPIAD_LEVEL_LABELS
from desktop_app.domain.year_figures import StaffFigures, YearFigures
from desktop_app.i18n import format_date
from desktop_app.i18n import gettext_for as translator

Value = str | int | float


@dataclass(frozen=True)
class Names:
    """What the figures' ids are called: teachers by short name, associations in the language."""

    teachers: dict[str, str] = field(default_factory=dict)
    associations: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FigureTable:
    key: str  # stable, for tests and the workbook's sheets
    title: str
    headers: list[str]
    rows: list[list[Value]]
    note: str = ""


@dataclass(frozen=True)
class Chart:
    """Bars per category (``labels``) for each named series; ``marker``: a labelled position."""

    key: str
    title: str
    labels: list[str]
    series: list[tuple[str, list[int]]]
    marker: tuple[int, str] | None = None


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "—"


def _month(day: date, language: str) -> str:
    """«тамыз 2026» / «август 2026», as documents/common.month_name (not imported: the window shows
    these tables without loading ReportLab)."""
    pattern = "y 'ж.' LLLL" if language == "kk" else "LLLL y"
    return format_date(day, language, pattern).lower()


def _with_total(rows: list[list[Value]], label: str) -> list[list[Value]]:
    """A «Total» row under a table of counts with more than one row."""
    if len(rows) < 2:
        return rows
    totals: list[Value] = [label]
    for column in range(1, len(rows[0])):
        values = [r[column] for r in rows]
        totals.append(sum(int(v) for v in values) if all(isinstance(v, int) for v in values) else "")
    return [*rows, totals]


def _categories(staff: StaffFigures, language: str) -> FigureTable:
    _ = translator(language)
    total_now, total_last = sum(staff.now.values()), sum(staff.last.values())
    rows: list[list[Value]] = []
    for category in reversed(Category):
        last, now = staff.last.get(category.value, 0), staff.now.get(category.value, 0)
        rows.append([_(CATEGORY_LABELS[category]), last, percent(last, total_last), now, percent(now, total_now)])
    with_last, with_now = total_last - staff.last.get("none", 0), total_now - staff.now.get("none", 0)
    rows.append([_("With a category"), with_last, percent(with_last, total_last), with_now,
                 percent(with_now, total_now)])
    rows.append([_("Total"), total_last, "100%" if total_last else "—", total_now, "100%" if total_now else "—"])
    return FigureTable("staff", _("Qualitative composition of the teaching staff"),
                       [_("Category"), _("Last year"), _("Share"), _("This year"), _("Share")], rows,
                       _("Last year's categories: a teacher attested this year held the category the "
                         "attestation started from."))


def analysis_tables(figures: YearFigures, names: Names, language: str) -> list[FigureTable]:
    _ = translator(language)
    body = names.associations.get
    teacher = names.teachers.get
    total = _("Total")
    meetings = _with_total([[body(m.association, m.association), m.planned, m.held, m.finalized, m.on_time]
                            for m in figures.meetings], total)
    plans = figures.plans
    visits = figures.visits
    mentoring = figures.mentoring
    staff = figures.staff
    # The sentence's own full stop ends it: a last short name («Ержанова М.») keeps one, not two.
    never = (", ".join(teacher(t, t) for t in visits.never_visited) or "—").removesuffix(".")
    marks = _with_total([[body(i.association, i.association), i.items, i.held, i.moved, i.cancelled,
                          i.items - i.held - i.moved - i.cancelled] for i in figures.work_plan], total)
    return [
        FigureTable("meetings", _("Meetings and protocols"),
                    [_("Association"), _("Planned in the work plan"), _("Held"), _("Protocols finalized"),
                     _("Of them on time")], meetings,
                    _("On time: finalized within {days} days of the meeting.").format(days=PROTOCOL_DAYS)),
        FigureTable("plans", _("Calendar-thematic plans"),
                    [_("Plans"), _("Submitted"), _("Returned with remarks"), _("Agreed"), _("Approved"),
                     _("Before 1 September"), _("Late")],
                    [[plans.total, plans.submitted, plans.returned, plans.agreed, plans.approved, plans.on_time,
                      plans.late]],
                    _("On time: approved before {date}.").format(date=plans.deadline.strftime("%d.%m.%Y"))),
        FigureTable("approvals", _("Approvals of plans by month"), [_("Month"), _("Approved")],
                    [[_month(m, language), n] for m, n in plans.approvals_by_month.items()]),
        FigureTable("visits", _("Open lessons and mutual visits by association"),
                    [_("Association"), _("Open lessons"), _("Mutual visits")],
                    _with_total([[body(b, b), *counts] for b, counts in visits.by_association.items()], total)),
        FigureTable("teachers", _("Open lessons and mutual visits by teacher"),
                    [_("Teacher"), _("Open lessons"), _("Lessons observed"), _("Colleagues' lessons observed")],
                    [[teacher(t.teacher, t.teacher), t.open_lessons, t.received, t.given] for t in visits.teachers],
                    _("Never visited: {names}. Observations with recommendations: {advised}, followed by a "
                      "later visit: {followed}.").format(names=never, advised=visits.recommendations,
                                                         followed=visits.followed_up)),
        FigureTable("mentoring", _("Mentoring"), [_("Pairs"), _("Completed"), _("Conclusions written")],
                    [[mentoring.pairs, mentoring.completed, mentoring.conclusions]]),
        FigureTable("sessions", _("Mentoring sessions by month"), [_("Month"), _("Sessions")],
                    [[_month(m, language), n] for m, n in mentoring.sessions_by_month.items()]),
        _categories(staff, language),
        FigureTable("attestation", _("Attestation and professional development"),
                    [_("Attestations due"), _("Attestations done"), _("Categories awarded"),
                     _("Teachers with a course within {years} years").format(years=staff.course_period_years),
                     _("Share"), _("Courses this year"), _("Hours")],
                    [[staff.attestations_due, staff.attestations_done, staff.awarded, staff.covered,
                      percent(staff.covered, staff.teachers), staff.courses, staff.hours]]),
        FigureTable("work_plan", _("The work plan followed"),
                    [_("Association"), _("Items"), _("Held"), _("Moved"), _("Cancelled"), _("Not marked")], marks),
        FigureTable("events", _("Events of methodical work (п. 20)"), [_("Form"), _("All"), _("Held")],
                    _with_total([[_(EVENT_FORM_LABELS[EventForm(k)]), *v] for k, v in figures.events.items()],
                                total)),
        FigureTable("materials", _("Methodical materials (п. 27)"), [_("Kind"), _("All"), _("Approved")],
                    _with_total([[_(MATERIAL_KIND_LABELS[k]), *v] for k, v in _kinds(figures.materials)], total)),
        FigureTable("olympiads", _("Olympiads and contests"), [_("Level"), _("Results"), _("Winners and prize places")],
                    _with_total([[_(OLYMPIAD_LEVEL_LABELS[k]), *v] for k, v in _levels(figures.olympiads)], total)),
    ]


def _kinds(counts: dict[str, tuple[int, int]]) -> list[tuple[MaterialKind, tuple[int, int]]]:
    return [(kind, counts[kind.value]) for kind in MaterialKind if kind.value in counts]


def _levels(counts: dict[str, tuple[int, int]]) -> list[tuple[OlympiadLevel, tuple[int, int]]]:
    return [(level, counts[level.value]) for level in OlympiadLevel if level.value in counts]


def analysis_charts(figures: YearFigures, names: Names, language: str) -> list[Chart]:
    """Categories this year against last, KTP approvals per month with 1 September marked, visits per
    association: the window draws them with QtCharts, the PDF with ReportLab, from these values."""
    _ = translator(language)
    staff = figures.staff
    order = list(reversed(Category))
    categories = Chart("categories", _("Teachers by category"), [_(CATEGORY_LABELS[c]) for c in order],
                       [(_("Last year"), [staff.last.get(c.value, 0) for c in order]),
                        (_("This year"), [staff.now.get(c.value, 0) for c in order])])
    plans = figures.plans
    months = _approval_months(figures)
    deadline_at = months.index(plans.deadline) if plans.deadline in months else 0
    approvals = Chart("approvals", _("Approvals of plans by month"), [_month(m, language) for m in months],
                      [(_("Approved"), [plans.approvals_by_month.get(m, 0) for m in months])],
                      (deadline_at, _("1 September")))
    bodies = list(figures.visits.by_association)
    visits = Chart("visits", _("Open lessons and mutual visits by association"),
                   [names.associations.get(b, b) for b in bodies],
                   [(_("Open lessons"), [figures.visits.by_association[b][0] for b in bodies]),
                    (_("Mutual visits"), [figures.visits.by_association[b][1] for b in bodies])])
    return [categories, approvals, visits]


def _approval_months(figures: YearFigures) -> list[date]:
    """Every month from the first approval (at the latest August) to the last, September among them."""
    plans = figures.plans
    known = [*plans.approvals_by_month, plans.deadline, date(plans.deadline.year, 8, 1)]
    first, last = min(known), max(known)
    months, day = [], first
    while day <= last:
        months.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return months
