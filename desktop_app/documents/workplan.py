"""The annual work plan of an association (п. 28) with the director's approval block."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from desktop_app.documents.common import (
    CELL_PADDING,
    TABLE_SIZE,
    TEXT_WIDTH,
    DocumentContext,
    Paragraph,
    Translate,
    blank_date,
    body_genitive,
    bold,
    cell,
    dated,
    esc,
    head_role,
    heading_lines,
    labelled,
    localized,
    long_date,
    make_styles,
    month_name,
    plain_table,
    short_date,
    signature_rows,
    spacer,
    tail_rows,
    translator,
    year_span,
)
from desktop_app.documents.events import dates_text
from desktop_app.documents.fonts import SERIF
from desktop_app.documents.frame import DocumentMeta, render
from desktop_app.documents.ktp import BLANK_NAME, approval_cell, director_title
from desktop_app.documents.verification import Verification
from desktop_app.domain.entities import Association, HeadBasis, ItemState, WorkPlanItem
from desktop_app.domain.labels import EVENT_FORM_LABELS, WORK_PLAN_FORM_LABELS

WIDTHS = [10 * mm, 30 * mm, 58 * mm, 30 * mm, 42 * mm]
#: With the column of what was done (п. 28: the plan is followed): landscape (257 mm), as a KTP's
#: table is, so that months, names and what was held stay whole.
DONE_WIDTHS = [10 * mm, 34 * mm, 75 * mm, 30 * mm, 45 * mm, 63 * mm]


def head_basis_text(body: Association, ctx: DocumentContext, language: str, _: Translate) -> str:
    """п. 29 after the head's name: «(избран(а) на заседании …, протокол № 1 от …)» or «(назначен(а)
    приказом № 12 от …)»; empty when not recorded."""
    choice = body.head_choice
    if choice is None:
        return ""
    if choice.basis is HeadBasis.ELECTED:
        meeting = ctx.meetings.get(choice.meeting or "")
        if meeting is None:
            return ""
        return " " + _("(elected at the meeting, protocol No. {number} of {date}, item {item})").format(
            number=meeting.number, date=dated(meeting.date, language), item=choice.item)
    if choice.order_date is None:
        return ""
    return " " + _("(appointed by order No. {number} of {date})").format(
        number=choice.order_number, date=dated(choice.order_date, language))


def done_text(item: WorkPlanItem, ctx: DocumentContext, language: str, _: Translate) -> str:
    """The item's mark as the column prints it: held by what and when, moved to when and why, cancelled why."""
    mark = item.mark
    if mark is None:
        return ""
    if mark.state is ItemState.MOVED:
        return _("Moved to {month}: {reason}").format(month=month_name(mark.month or "", language),
                                                     reason=mark.reason or "")
    if mark.state is ItemState.CANCELLED:
        return _("Cancelled: {reason}").format(reason=mark.reason or "")
    link = mark.link
    meeting = ctx.meetings.get(link.id) if link and link.kind == "meeting" else None
    visit = ctx.lesson_visits.get(link.id) if link and link.kind == "lesson_visit" else None
    if meeting is not None:
        return _("Held: meeting No. {number} of {date}").format(number=meeting.number,
                                                                 date=short_date(meeting.date, language))
    if visit is not None:
        return _("Held: lesson visit of {date}").format(date=short_date(visit.date, language))
    event = ctx.events.get(link.id) if link and link.kind == "event" else None
    if event is not None:
        return _("Held: {form} «{topic}», {date}").format(
            form=_(EVENT_FORM_LABELS[event.form]), topic=event.topic.get(language), date=dates_text(event))
    return _("Held")


def _month_cell(month: str, width: float, language: str) -> str:
    """«2026 ж. қыркүйек» on one line, or the year over the month when the column is narrower."""
    text = month_name(month, language)
    year, _space, name = text.rpartition(" ")
    if not year or stringWidth(text, SERIF, TABLE_SIZE) <= width - CELL_PADDING:
        return esc(text)
    return f"{esc(year)}<br/>{esc(name)}"


def build_work_plan(body: Association, ctx: DocumentContext, language: str, check: Verification,
                    done: bool = False) -> bytes:
    _ = translator(language)
    styles = make_styles()
    plan = body.work_plan
    approved = plan.approved if plan else None
    director = ctx.school.director
    if approved is not None:
        name, day = f"{'_' * 12} {ctx.signature_name(approved.by)}", long_date(approved.on, language)
    else:
        name = f"{'_' * 12} {ctx.signature_name(director)}" if director else BLANK_NAME
        day = blank_date(_)
    block = approval_cell([bold(_("I APPROVE")), esc(director_title(approved, _))], name, day, styles)
    heading = _("WORK PLAN OF {body}\nfor the {year} academic year").format(
        body=body_genitive(body, body.id, language, _), year=year_span(body.academic_year))
    width = sum(DONE_WIDTHS) if done else TEXT_WIDTH
    story: list[Flowable] = [
        Paragraph(esc(ctx.school.name.get(language)), styles.organization),
        spacer(4),
        plain_table([["", block]], [width - TEXT_WIDTH * 0.4, TEXT_WIDTH * 0.4]),
        spacer(10),
        *heading_lines(heading, styles.title),
        spacer(3),
        Paragraph(esc(_("Head: {name}").format(name=ctx.full_name(body.head))
                      + head_basis_text(body, ctx, language, _)), styles.left),
        spacer(3),
    ]
    for label, text in ((_("Methodical theme:"), plan.theme if plan else None),
                        (_("Goal:"), plan.goal if plan else None), (_("Tasks:"), plan.tasks if plan else None)):
        if localized(text, language):
            story += [labelled(label, esc(localized(text, language)), styles.left), spacer(2)]
    widths = DONE_WIDTHS if done else WIDTHS
    headings = [_("No."), _("Month"), _("Topic"), _("Form"), _("Responsible")]
    rows: list[list[object]] = [[Paragraph(esc(h), styles.cell_head) for h in (
        *headings, *([_("Mark of completion")] if done else []))]]
    items = sorted(plan.items, key=lambda i: i.month) if plan else []
    for index, item in enumerate(items, start=1):
        row: list[object] = [
            Paragraph(str(index), styles.cell_centre), Paragraph(_month_cell(item.month, widths[1], language),
                                                                 styles.cell),
            cell(item.topic, widths[2], styles.cell), Paragraph(esc(_(WORK_PLAN_FORM_LABELS[item.form])), styles.cell),
            cell("\n".join(ctx.short_name(t) for t in item.responsible), widths[4], styles.cell)]
        if done:
            row.append(cell(done_text(item, ctx, language, _), widths[5], styles.cell))
        rows.append(row)
    table, closing = tail_rows(rows, widths)
    story += table
    closing += [spacer(2), signature_rows([(head_role(body, _), ctx.signature_name(body.head))],
                                          styles)]
    year = ctx.years.get(body.academic_year)
    created = approved.on if approved else year.start if year else date(2000, 1, 1)
    meta = DocumentMeta(title=heading.replace("\n", " "), subject=body.name.get(language),
                        author=ctx.school.name.get(language), language=language, created=created,
                        landscape=done)
    return render(story, meta, check, closing)
