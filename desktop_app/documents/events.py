"""Prints of events of collective methodical work (п. 20): the year's register and certificates.

A certificate is one A4 landscape page (documents.md: A4; landscape as a KTP's table is), the
name in the nominative under «Сертификат выдан» / before «… қатысқаны үшін берілді», so that no
declension of a person's name is ever needed. A batch is one PDF, a page per participant.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, PageBreak

from desktop_app.documents.common import (
    DocumentContext,
    Paragraph,
    cell,
    esc,
    make_styles,
    short_date,
    signature_rows,
    spacer,
    tail_rows,
    translator,
    year_span,
)
from desktop_app.documents.fonts import SERIF, SERIF_BOLD
from desktop_app.documents.frame import DocumentMeta, qr_block, render
from desktop_app.documents.verification import Verification
from desktop_app.domain.event_records import Event
from desktop_app.domain.events import CertificateHolder
from desktop_app.domain.labels import EVENT_FORM_LABELS as FORM_LABELS
from desktop_app.domain.labels import EVENT_STATUS_LABELS as STATUS_LABELS
from desktop_app.i18n import ngettext

#: The frame of a landscape page (A4, margins 30/10/20/20 mm).
PAGE_WIDTH, PAGE_HEIGHT = 257 * mm, 170 * mm
#: №, dates, form and topic, organiser, participants, status: the text width of portrait A4 (170 mm).
WIDTHS = [9 * mm, 21 * mm, 48 * mm, 36 * mm, 27 * mm, 29 * mm]


def organiser_name(event: Event, ctx: DocumentContext, language: str) -> str:
    _ = translator(language)
    if event.organiser is None:
        return _("deputy director for academic work")
    return ctx.body_name(event.organiser, language)


def dates_text(event: Event) -> str:
    if event.end is None or event.end == event.start:
        return short_date(event.start, "")
    return f"{short_date(event.start, '')}–{short_date(event.end, '')}"


def build_event_register(academic_year: str, events: Sequence[Event], ctx: DocumentContext, language: str,
                         check: Verification) -> bytes:
    """The register of the year's events by number, signed by the deputy director."""
    _ = translator(language)
    styles = make_styles()
    title = _("REGISTER OF EVENTS OF METHODICAL WORK")
    story: list[Flowable] = [
        Paragraph(esc(ctx.school.name.get(language)), styles.organization),
        Paragraph(esc(title), styles.title),
        Paragraph(esc(_("{year} academic year").format(year=year_span(academic_year))), styles.centre),
        spacer(4),
    ]
    rows: list[list[object]] = [[Paragraph(esc(h), styles.cell_head) for h in (
        _("No."), _("Date"), _("Form and topic"), _("Organiser"), _("Participants"), _("Status"))]]
    for event in events:
        what = f"{_(FORM_LABELS[event.form])}: «{event.topic.get(language)}»"
        rows.append([Paragraph(str(event.number), styles.cell_centre),
                     Paragraph(esc(dates_text(event)).replace("–", "–<br/>"), styles.cell_centre),
                     cell(what, WIDTHS[2], styles.cell),
                     cell(organiser_name(event, ctx, language), WIDTHS[3], styles.cell),
                     Paragraph(str(event.participant_count), styles.cell_centre),
                     cell(_(STATUS_LABELS[event.status]), WIDTHS[5], styles.cell_centre)])
    table, closing = tail_rows(rows, WIDTHS)
    story += table
    closing += [
        spacer(2),
        Paragraph(esc(ngettext("In total: {count} event", "In total: {count} events", len(events),
                               language).format(count=len(events))), styles.left),
        signature_rows([(_("Deputy director"), ctx.signature_name(ctx.school.deputy_director))], styles),
    ]
    year = ctx.years.get(academic_year)
    created = max((e.last_day for e in events), default=None) or (year.start if year else date(2000, 8, 1))
    meta = DocumentMeta(title=title, subject=year_span(academic_year), author=ctx.school.name.get(language),
                        language=language, created=created)
    return render(story, meta, check, closing)


def _styles() -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    big = ParagraphStyle("cert_title", fontName=SERIF_BOLD, fontSize=40, leading=46, alignment=1)
    name = ParagraphStyle("cert_name", fontName=SERIF_BOLD, fontSize=24, leading=30, alignment=1,
                          spaceBefore=4, spaceAfter=4)
    line = ParagraphStyle("cert_line", fontName=SERIF, fontSize=16, leading=21, alignment=1)
    return big, name, line


def _certificate(event: Event, holder: CertificateHolder, ctx: DocumentContext, language: str) -> list[Flowable]:
    _ = translator(language)
    styles = make_styles()
    big, name, line = _styles()
    what = f"{_(FORM_LABELS[event.form])} «{event.topic.get(language)}»"
    page: list[Flowable] = [
        spacer(8),
        Paragraph(esc(ctx.school.name.get(language)), styles.organization),
        Paragraph(esc(_("CERTIFICATE")), big),
        Paragraph(esc(_("of a participant")), line),
        Paragraph(esc(_("No. {number}").format(number=holder.number)), line),
        spacer(6),
    ]
    holder_lines = [Paragraph(esc(holder.name), name)]
    if holder.school:
        holder_lines.append(Paragraph(esc(f"({holder.school})"), line))
    if language == "kk":  # the name first, in the nominative: «… қатысқаны үшін берілді»
        page += [*holder_lines, Paragraph(esc(_("took part in the event of methodical work")), line)]
    else:  # «Настоящий сертификат выдан» over the name: no declension
        page += [Paragraph(esc(_("This certificate is issued to")), line), *holder_lines,
                 Paragraph(esc(_("for taking part in the event of methodical work")), line)]
    page.append(Paragraph(esc(what), line))
    page += [
        spacer(3),
        Paragraph(esc(_("Date: {dates}; place: {place}").format(dates=dates_text(event),
                                                                place=event.place or "—")), line),
        Paragraph(esc(_("Organiser: {organiser}").format(organiser=organiser_name(event, ctx, language))), line),
        spacer(4),
        signature_rows([(_("Director"), ctx.signature_name(ctx.school.director))], styles),
    ]
    return page


def build_certificates(event: Event, holders: Sequence[CertificateHolder], ctx: DocumentContext, language: str,
                       check: Verification) -> bytes:
    """One landscape page per holder; each page carries the QR block of the batch."""
    _ = translator(language)
    styles = make_styles()
    story: list[Flowable] = []
    closing: list[Flowable] = []
    qr = qr_block(check, language, styles)
    room = PAGE_HEIGHT - qr.wrap(PAGE_WIDTH, PAGE_HEIGHT)[1] - 6 * mm  # render puts 5 mm above the last QR
    for index, holder in enumerate(holders):
        # A long name, school or topic shrinks the page's text a little: a certificate is one page.
        page = KeepInFrame(PAGE_WIDTH, room, _certificate(event, holder, ctx, language), mode="shrink")
        if index < len(holders) - 1:
            story += [page, spacer(4), qr_block(check, language, styles), PageBreak()]
        else:
            closing = [page]
    title = _("CERTIFICATE")
    meta = DocumentMeta(title=f"{title} {event.number}", subject=event.topic.get(language),
                        author=ctx.school.name.get(language), language=language,
                        created=event.last_day, landscape=True)
    return render(story, meta, check, closing)
