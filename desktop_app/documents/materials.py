"""Methodical materials (п. 27): a material's title page and the year's register of materials."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

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
    plain_table,
    short_date,
    spacer,
    tail_rows,
    translator,
    year_span,
)
from desktop_app.documents.frame import DocumentMeta, render
from desktop_app.documents.ktp import BLANK_NAME, approval_cell
from desktop_app.documents.verification import Verification
from desktop_app.domain.entities import AgendaItem, Material, MaterialStatus, Meeting, ReviewOutcome, Speaker
from desktop_app.domain.labels import MATERIAL_KIND_LABELS
from desktop_app.i18n import ngettext


def author_text(author: Speaker, ctx: DocumentContext) -> str:
    """A teacher of the school by name, an invited author by the name (and position) typed."""
    if isinstance(author, str):
        return ctx.short_name(author)
    return f"{author.name} ({author.position})" if author.position else author.name


def authors_text(material: Material, ctx: DocumentContext) -> str:
    return ", ".join(author_text(a, ctx) for a in material.authors)


def title_of(material: Material, language: str) -> str:
    return material.title.get(language)


def considered_text(material: Material, ctx: DocumentContext, language: str, _: Translate) -> str:
    """«на заседании МО …, протокол № 2 от 06.11.2026 г.», blank lines until the conclusion."""
    review = material.review
    meeting = ctx.meetings.get(review.meeting) if review else None
    if review is not None and review.outcome is ReviewOutcome.RECOMMENDED and meeting is not None:
        return _("at the meeting of {body}, protocol No. {number} of {date}").format(
            body=ctx.body_after_noun(meeting.body, language), number=meeting.number, date=dated(meeting.date, language))
    return _("at the meeting of the association, protocol No. ____ of {date}").format(date=blank_date(_))


def director_role(material: Material, _: Translate) -> str:
    """«Директор», or «Директордың м.а.» / «И.о. директора» when one acting for the director signed."""
    return _("Acting director") if material.acting else _("Director")


def _signed(material: Material, ctx: DocumentContext, language: str, _: Translate) -> tuple[str, str]:
    approval = material.approved
    if approval is None:
        return BLANK_NAME, blank_date(_)
    return f"{'_' * 10} {ctx.signature_name(approval.by)}", long_date(approval.on, language)


def title_page(material: Material, ctx: DocumentContext, language: str, styles: Styles,
               _: Translate) -> list[Flowable]:
    considered = [Paragraph(bold(_("CONSIDERED")), styles.small),
                  Paragraph(esc(considered_text(material, ctx, language, _)), styles.small)]
    approved = approval_cell([bold(_("I APPROVE")), esc(director_role(material, _))],
                             *_signed(material, ctx, language, _), styles)
    width = (TEXT_WIDTH - 12 * mm) / 2
    block = plain_table([[considered, "", approved]], [width, 12 * mm, width],
                        extra=[("VALIGN", (0, 0), (-1, -1), "TOP")])
    return [
        Paragraph(esc(ctx.school.name.get(language)), styles.organization),
        spacer(6),
        block,
        spacer(40),
        Paragraph(esc(_(MATERIAL_KIND_LABELS[material.kind]).upper()), styles.title),
        Paragraph(bold(title_of(material, language)), styles.centre),
        spacer(6),
        Paragraph(esc(ctx.body_name(material.association, language)), styles.centre),
        Paragraph(esc(_("{year} academic year").format(year=year_span(material.academic_year))), styles.centre),
        spacer(12),
        Paragraph(esc(ngettext("Author: {names}", "Authors: {names}", len(material.authors), language)
                      .format(names=authors_text(material, ctx))), styles.left),
    ]


def build_title_page(material: Material, ctx: DocumentContext, language: str, check: Verification) -> bytes:
    _ = translator(language)
    styles = make_styles()
    meta = DocumentMeta(title=_(MATERIAL_KIND_LABELS[material.kind]), subject=title_of(material, language),
                        author=ctx.school.name.get(language), language=language,
                        created=_created(material, ctx))
    return render(title_page(material, ctx, language, styles, _), meta, check, [])


def _created(material: Material, ctx: DocumentContext) -> date:
    if material.approved is not None:
        return material.approved.on
    meeting = ctx.meetings.get(material.review.meeting) if material.review else None
    if meeting is not None:
        return meeting.date
    year = ctx.years.get(material.academic_year)
    return year.start if year else date(2000, 1, 1)


#: Landscape columns (257 mm): №, title, kind, authors, association, considered, conclusion, approved.
WIDTHS = [9 * mm, 52 * mm, 30 * mm, 44 * mm, 34 * mm, 30 * mm, 30 * mm, 28 * mm]  # a long surname fits the authors'


def _conclusion(material: Material, _: Translate) -> str:
    review = material.review
    if review is None:
        return _("not yet discussed")
    if review.outcome is ReviewOutcome.RECOMMENDED:
        return _("positive conclusion")
    return _("returned for revision") + (f": {review.remarks}" if review.remarks else "")


def _approved(material: Material, ctx: DocumentContext, language: str, _: Translate) -> str:
    if material.status is not MaterialStatus.APPROVED or material.approved is None:
        return ""
    who = ctx.short_name(material.approved.by)
    return f"{short_date(material.approved.on, language)}\n{who}" + (f" ({_('acting')})" if material.acting else "")


def build_register(materials: Sequence[Material], academic_year: str, ctx: DocumentContext, language: str,
                   check: Verification) -> bytes:
    """The year's register: one row a material, in the order they were entered."""
    _ = translator(language)
    styles = make_styles()
    story: list[Flowable] = [
        Paragraph(esc(ctx.school.name.get(language)), styles.organization),
        Paragraph(esc(_("REGISTER OF METHODICAL MATERIALS")), styles.title),
        Paragraph(esc(_("{year} academic year").format(year=year_span(academic_year))), styles.centre),
        spacer(4),
    ]
    head = (_("No."), _("Title"), _("Kind"), _("Authors"), _("Association"), _("Considered"), _("Conclusion"),
            _("Approved"))
    rows: list[list[object]] = [[Paragraph(esc(h), styles.cell_head) for h in head]]
    for position, material in enumerate(materials, start=1):
        review = material.review
        meeting = ctx.meetings.get(review.meeting) if review else None
        considered = (_("protocol No. {number} of {date}").format(
            number=meeting.number, date=short_date(meeting.date, language)) if meeting else "")
        values = [title_of(material, language), _(MATERIAL_KIND_LABELS[material.kind]),
                  authors_text(material, ctx), ctx.body_name(material.association, language), considered,
                  _conclusion(material, _), _approved(material, ctx, language, _)]
        rows.append([Paragraph(str(position), styles.cell_centre),
                     *(cell(v, w, styles.cell) for v, w in zip(values, WIDTHS[1:], strict=True))])
    table, closing = tail_rows(rows, WIDTHS)
    story += table
    closing += [spacer(2), Paragraph(esc(ngettext(
        "In total: {count} material", "In total: {count} materials", len(materials), language)
        .format(count=len(materials))), styles.left)]
    year = ctx.years.get(academic_year)
    created = max((m.approved.on for m in materials if m.approved), default=None) or (
        year.start if year else date(2000, 1, 1))
    meta = DocumentMeta(title=_("REGISTER OF METHODICAL MATERIALS"), subject=year_span(academic_year),
                        author=ctx.school.name.get(language), language=language, created=created,
                        landscape=True)
    return render(story, meta, check, closing)


def materials_table(item: AgendaItem, meeting: Meeting, ctx: DocumentContext, language: str, styles: Styles,
                    _: Translate) -> list[Flowable]:
    """The protocol's table of the materials an item discussed and the meeting's conclusion (п. 27)."""
    if not item.materials:
        return []
    rows: list[list[object]] = [[Paragraph(esc(h), styles.cell_head) for h in (
        _("No."), _("Title"), _("Kind"), _("Authors"), _("Conclusion"))]]
    widths = [10 * mm, 55 * mm, 35 * mm, 35 * mm, 35 * mm]
    for index, material_id in enumerate(item.materials, start=1):
        material = ctx.materials.get(material_id)
        if material is None:
            rows.append([str(index), Paragraph(esc(material_id), styles.cell), "", "", ""])
            continue
        review = material.review
        here = review is not None and review.meeting == meeting.id and review.item == item.number
        values = [title_of(material, language), _(MATERIAL_KIND_LABELS[material.kind]),
                  authors_text(material, ctx), _conclusion(material, _) if here else ""]
        rows.append([Paragraph(str(index), styles.cell_centre),
                     *(cell(v, w, styles.cell) for v, w in zip(values, widths[1:], strict=True))])
    return [Paragraph(esc(_("Methodical materials discussed:")), styles.left), spacer(1), grid(rows, widths),
            spacer(2)]
