"""The annual work plan of an association (п. 28) with the director's approval block."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desktop_app.documents.common import (
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
    long_date,
    make_styles,
    month_name,
    plain_table,
    signature_rows,
    spacer,
    tail_rows,
    translator,
    year_span,
)
from desktop_app.documents.frame import DocumentMeta, render
from desktop_app.documents.ktp import BLANK_NAME, approval_cell, director_title
from desktop_app.documents.verification import Verification
from desktop_app.domain.entities import Association, HeadBasis
from desktop_app.domain.labels import WORK_PLAN_FORM_LABELS

WIDTHS = [10 * mm, 30 * mm, 58 * mm, 30 * mm, 42 * mm]


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


def build_work_plan(body: Association, ctx: DocumentContext, language: str, check: Verification) -> bytes:
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
    story: list[Flowable] = [
        Paragraph(esc(ctx.school.name.get(language)), styles.organization),
        spacer(4),
        plain_table([["", block]], [TEXT_WIDTH * 0.6, TEXT_WIDTH * 0.4]),
        spacer(10),
        *heading_lines(heading, styles.title),
        spacer(3),
        Paragraph(esc(_("Head: {name}").format(name=ctx.full_name(body.head))
                      + head_basis_text(body, ctx, language, _)), styles.left),
        spacer(3),
    ]
    rows: list[list[object]] = [[Paragraph(esc(h), styles.cell_head) for h in (
        _("No."), _("Month"), _("Topic"), _("Form"), _("Responsible"))]]
    items = sorted(plan.items, key=lambda i: i.month) if plan else []
    for index, item in enumerate(items, start=1):
        rows.append([Paragraph(str(index), styles.cell_centre),
                     Paragraph(esc(month_name(item.month, language)), styles.cell),
                     cell(item.topic, WIDTHS[2], styles.cell),
                     Paragraph(esc(_(WORK_PLAN_FORM_LABELS[item.form])), styles.cell),
                     cell("\n".join(ctx.short_name(t) for t in item.responsible), WIDTHS[4], styles.cell)])
    table, closing = tail_rows(rows, WIDTHS)
    story += table
    closing += [spacer(2), signature_rows([(head_role(body, _), ctx.signature_name(body.head))],
                                          styles)]
    year = ctx.years.get(body.academic_year)
    created = approved.on if approved else year.start if year else date(2000, 1, 1)
    meta = DocumentMeta(title=heading.replace("\n", " "), subject=body.name.get(language),
                        author=ctx.school.name.get(language), language=language, created=created)
    return render(story, meta, check, closing)
