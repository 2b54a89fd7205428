"""The calendar-thematic plan (КТЖ / КТП) with its title page of approvals (п. 26): considered at
the association's meeting, the deputy director's agreement where the school keeps it (school
practice), approved by the director — each signer as recorded, an acting one as «и.о.» / «м.а.»."""

from __future__ import annotations

from datetime import date
from itertools import groupby

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desktop_app.documents.common import (
    TEXT_WIDTH,
    DocumentContext,
    Paragraph,
    Styles,
    Translate,
    blank_date,
    bold,
    cell,
    dated,
    esc,
    grid,
    long_date,
    make_styles,
    number,
    plain_table,
    short_date,
    spacer,
    translator,
    year_span,
)
from desktop_app.documents.frame import DocumentMeta, render, to_landscape
from desktop_app.documents.verification import Verification
from desktop_app.domain.entities import Approval, CalendarPlan, ReviewOutcome

BLANK_NAME = "_" * 22
#: Room to sign above a name, as on a paper signed by hand.
SIGN_ROOM = 10 * mm


def approval_cell(lines: list[str], name: str, day: str, styles: Styles) -> list[Flowable]:
    """A block of the title page: heading and role lines, room to sign, the name, the date."""
    sign = ParagraphStyle("sign", parent=styles.small, spaceBefore=SIGN_ROOM)
    return [Paragraph("<br/>".join(lines), styles.small), Paragraph(esc(name), sign),
            Paragraph(esc(day), styles.small)]


def _signed(approval: Approval | None, ctx: DocumentContext, language: str,
            _: Translate) -> tuple[str, str]:
    if approval is None:
        return BLANK_NAME, blank_date(_)
    return f"{'_' * 10} {ctx.signature_name(approval.by)}", long_date(approval.on, language)


def considered_text(plan: CalendarPlan, ctx: DocumentContext, language: str, _: Translate) -> str:
    """«на заседании МО …, протокол № 1 от 27.08.2026 г.» / «… ӘБ отырысында, … № 1 хаттама»."""
    review = plan.review
    meeting = ctx.meetings.get(review.meeting) if review else None
    if review is not None and review.outcome is ReviewOutcome.RECOMMENDED and meeting is not None:
        return _("at the meeting of {body}, protocol No. {number} of {date}").format(
            body=ctx.body_after_noun(meeting.body, language), number=meeting.number,
            date=dated(meeting.date, language))
    return _("at the meeting of the association, protocol No. ____ of {date}").format(date=blank_date(_))


def director_title(approval: Approval | None, _: Translate) -> str:
    """«Директор», or «И.о. директора» / «Директордың м.а.» for one who signed as acting director."""
    return _("Acting director") if approval is not None and approval.acting else _("Director")


def approval_block(plan: CalendarPlan, ctx: DocumentContext, language: str, styles: Styles,
                   _: Translate) -> Flowable:
    """Considered / agreed / approved, each filled once that step has happened. The agreement is
    printed where the school keeps that step (or the plan carries one from when it did)."""
    considered = [Paragraph(bold(_("CONSIDERED")), styles.small),
                  Paragraph(esc(considered_text(plan, ctx, language, _)), styles.small)]
    approved = approval_cell([bold(_("I APPROVE")), esc(director_title(plan.approved, _))],
                             *_signed(plan.approved, ctx, language, _), styles)
    extra = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if not ctx.school.deputy_agreement and plan.agreed is None:
        width = (TEXT_WIDTH - 2 * 6 * mm) / 3
        return plain_table([[considered, "", "", "", approved]], [width, 6 * mm, width, 6 * mm, width],
                           extra=extra)
    deputy = (_("Acting deputy director for academic work") if plan.agreed is not None and plan.agreed.acting
              else _("Deputy director for academic work"))
    agreed = approval_cell([bold(_("AGREED")), esc(deputy)], *_signed(plan.agreed, ctx, language, _), styles)
    width = (TEXT_WIDTH - 2 * 6 * mm) / 3
    return plain_table([[considered, "", agreed, "", approved]], [width, 6 * mm, width, 6 * mm, width],
                       extra=extra)


def title_page(plan: CalendarPlan, ctx: DocumentContext, language: str, styles: Styles,
               _: Translate) -> list[Flowable]:
    teacher = ctx.full_name(plan.teacher)
    classes = ", ".join(plan.classes)
    grade = _("grade {grade}").format(grade=plan.grade) + (f" ({classes})" if classes else "")
    return [
        Paragraph(esc(ctx.school.name.get(language)), styles.organization),
        spacer(6),
        approval_block(plan, ctx, language, styles, _),
        spacer(40),
        Paragraph(esc(_("CALENDAR-THEMATIC PLAN")), styles.title),
        Paragraph(esc(_("Subject: {subject}").format(subject=ctx.subject(plan.subject, language))),
                  styles.centre),
        Paragraph(esc(grade), styles.centre),
        Paragraph(esc(_("{year} academic year").format(year=year_span(plan.academic_year))), styles.centre),
        spacer(12),
        Paragraph(esc(_("Teacher: {name}").format(name=teacher)), styles.left),
        Paragraph(esc(_("Hours per week: {week}; in total: {total}").format(
            week=number(plan.hours_per_week, language), total=number(plan.total_hours, language))),
            styles.left),
        *to_landscape(),
    ]


#: Landscape columns (257 mm): wide enough for whole words of real section names and objectives.
COLUMNS = [10 * mm, 44 * mm, 62 * mm, 60 * mm, 26 * mm, 24 * mm, 31 * mm]
#: No., hours and date: centred.
CENTRED = [("ALIGN", (col, 0), (col, -1), "CENTER") for col in (0, 4, 5)]


def plan_table(plan: CalendarPlan, language: str, styles: Styles,
               _: Translate) -> tuple[list[Flowable], list[Flowable]]:
    """The table (story part, closing part: its last lesson and the total, kept with the QR)."""
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
                str(row.number),  # plain strings, centred by the table's style (CENTRED)
                cell(row.section, COLUMNS[1], styles.cell),
                cell(row.topic, COLUMNS[2], styles.cell),
                cell("\n".join(row.objectives), COLUMNS[3], styles.cell),  # one objective a line
                number(row.hours, language),
                short_date(row.date, language),
                cell(row.note, COLUMNS[6], styles.cell),
            ])
    total = _("Total: {hours} h").format(hours=number(plan.total_hours, language))
    total_row: list[object] = [Paragraph(f"<b>{esc(total)}</b>", styles.cell), "", "", "", "", "", ""]
    last_span = ("SPAN", (0, -1), (-1, -1))
    if len(rows) < 4:
        return [], [grid([*rows, total_row], COLUMNS, extra=[*CENTRED, *spans, last_span])]
    last = rows.pop()
    return ([grid(rows, COLUMNS, extra=[*CENTRED, *spans])],
            [grid([last, total_row], COLUMNS, header_rows=0, extra=[*CENTRED, last_span])])


def build_plan(plan: CalendarPlan, ctx: DocumentContext, language: str, check: Verification) -> bytes:
    _ = translator(language)
    styles = make_styles()
    table, closing = plan_table(plan, language, styles, _)
    story = [*title_page(plan, ctx, language, styles, _), *table]
    subject = f"{ctx.subject(plan.subject, language)}, {plan.grade}, {plan.academic_year}"
    meta = DocumentMeta(title=_("CALENDAR-THEMATIC PLAN"), subject=subject,
                        author=ctx.school.name.get(language), language=language,
                        created=_created(plan, ctx))
    return render(story, meta, check, closing)


def _created(plan: CalendarPlan, ctx: DocumentContext) -> date:
    """The document's date: the last approval step taken, else the start of the academic year."""
    for approval in (plan.approved, plan.agreed):
        if approval is not None:
            return approval.on
    year = ctx.years.get(plan.academic_year)
    return year.start if year else date(2000, 1, 1)
