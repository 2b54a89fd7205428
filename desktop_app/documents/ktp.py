"""The calendar-thematic plan (КТЖ / КТП) with its title page of approvals (п. 26, 27)."""

from __future__ import annotations

from datetime import date
from itertools import groupby

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph

from desktop_app.documents.common import (
    TEXT_WIDTH,
    DocumentContext,
    Styles,
    Translate,
    bold,
    esc,
    grid,
    long_date,
    make_styles,
    number,
    plain_table,
    short_date,
    spacer,
    translator,
)
from desktop_app.documents.frame import DocumentMeta, render
from desktop_app.documents.verification import Verification
from desktop_app.domain.entities import Approval, CalendarPlan, ReviewOutcome

BLANK_NAME = "_" * 22
BLANK_DATE = "«___» __________ 20__"


def _approval_lines(approval: Approval | None, ctx: DocumentContext, language: str) -> tuple[str, str]:
    if approval is None:
        return BLANK_NAME, BLANK_DATE
    return f"{'_' * 12} {ctx.signature_name(approval.by)}", long_date(approval.on, language)


def approval_block(plan: CalendarPlan, ctx: DocumentContext, language: str, styles: Styles,
                   _: Translate) -> Flowable:
    """Considered / agreed / approved, each filled once that step has happened."""
    considered = [bold(_("CONSIDERED"))]
    review = plan.review
    meeting = ctx.meetings.get(review.meeting) if review else None
    if review is not None and review.outcome is ReviewOutcome.RECOMMENDED and meeting is not None:
        body = ctx.body_name(meeting.body, language)
        considered.append(esc(_("at meeting No. {number} of {body}, protocol of {date}").format(
            number=meeting.number, body=body, date=long_date(meeting.date, language))))
    else:
        considered.append(esc(_("at meeting No. ____ of the association")))
        considered.append(esc(_("protocol of {date}").format(date=BLANK_DATE)))
    agreed_name, agreed_date = _approval_lines(plan.agreed, ctx, language)
    approved_name, approved_date = _approval_lines(plan.approved, ctx, language)
    agreed = [bold(_("AGREED")), esc(_("Deputy director for academic work")),
              esc(agreed_name), esc(agreed_date)]
    approved = [bold(_("I APPROVE")), esc(_("Director")), esc(approved_name), esc(approved_date)]
    cells = [Paragraph("<br/>".join(lines), styles.small) for lines in (considered, agreed, approved)]
    return plain_table([cells], [TEXT_WIDTH / 3] * 3,
                       extra=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("RIGHTPADDING", (0, 0), (-1, -1), 6)])


def title_page(plan: CalendarPlan, ctx: DocumentContext, language: str, styles: Styles,
               _: Translate) -> list[Flowable]:
    teacher = ctx.full_name(plan.teacher)
    classes = ", ".join(plan.classes)
    grade = _("grade {grade}").format(grade=plan.grade) + (f" ({classes})" if classes else "")
    return [
        Paragraph(esc(ctx.school.name.get(language)), styles.organization),
        spacer(6),
        approval_block(plan, ctx, language, styles, _),
        spacer(45),
        Paragraph(esc(_("CALENDAR-THEMATIC PLAN")), styles.title),
        Paragraph(esc(_("Subject: {subject}").format(subject=ctx.subject(plan.subject, language))),
                  styles.centre),
        Paragraph(esc(grade), styles.centre),
        Paragraph(esc(_("{year} academic year").format(year=plan.academic_year)), styles.centre),
        spacer(12),
        Paragraph(esc(_("Teacher: {name}").format(name=teacher)), styles.left),
        Paragraph(esc(_("Hours per week: {week}; in total: {total}").format(
            week=number(plan.hours_per_week, language), total=number(plan.total_hours, language))),
            styles.left),
        PageBreak(),
    ]


def plan_table(plan: CalendarPlan, language: str, styles: Styles, _: Translate) -> Flowable:
    head = [_("No."), _("Section / cross-cutting theme"), _("Lesson topic"), _("Learning objectives"),
            _("Number of hours"), _("Date"), _("Note")]
    rows: list[list[object]] = [[Paragraph(esc(h), styles.cell_head) for h in head]]
    spans: list[tuple[object, ...]] = []
    rows_sorted = sorted(plan.rows, key=lambda r: r.number)
    for term, group in groupby(rows_sorted, key=lambda r: r.term):
        group_rows = list(group)
        hours = number(sum(r.hours for r in group_rows), language)
        label = (_("Term {term}: {hours} h").format(term=term, hours=hours) if term is not None
                 else _("Without a term: {hours} h").format(hours=hours))
        spans += [("SPAN", (0, len(rows)), (-1, len(rows))),
                  ("BACKGROUND", (0, len(rows)), (-1, len(rows)), (0.96, 0.96, 0.96))]
        rows.append([Paragraph(f"<b>{esc(label)}</b>", styles.cell), "", "", "", "", "", ""])
        for row in group_rows:
            rows.append([
                Paragraph(str(row.number), styles.cell_centre),
                Paragraph(esc(row.section), styles.cell),
                Paragraph(esc(row.topic), styles.cell),
                Paragraph(esc(", ".join(row.objectives)), styles.cell),
                Paragraph(number(row.hours, language), styles.cell_centre),
                Paragraph(short_date(row.date, language), styles.cell_centre),
                Paragraph(esc(row.note), styles.cell),
            ])
    total = _("Total: {hours} h").format(hours=number(plan.total_hours, language))
    spans.append(("SPAN", (0, len(rows)), (-1, len(rows))))
    rows.append([Paragraph(f"<b>{esc(total)}</b>", styles.cell), "", "", "", "", "", ""])
    widths = [9 * mm, 24 * mm, 41 * mm, 28 * mm, 18 * mm, 24 * mm, 26 * mm]
    return grid(rows, widths, extra=spans)


def build_plan(plan: CalendarPlan, ctx: DocumentContext, language: str, check: Verification) -> bytes:
    _ = translator(language)
    styles = make_styles()
    story = [*title_page(plan, ctx, language, styles, _), plan_table(plan, language, styles, _)]
    subject = f"{ctx.subject(plan.subject, language)}, {plan.grade}, {plan.academic_year}"
    meta = DocumentMeta(title=_("CALENDAR-THEMATIC PLAN"), subject=subject,
                        author=ctx.school.name.get(language), language=language,
                        created=_created(plan, ctx))
    return render(story, meta, check)


def _created(plan: CalendarPlan, ctx: DocumentContext) -> date:
    """The document's date: the last approval step taken, else the start of the academic year."""
    for approval in (plan.approved, plan.agreed):
        if approval is not None:
            return approval.on
    year = ctx.years.get(plan.academic_year)
    return year.start if year else date(2000, 1, 1)
