"""The register of a body's protocols for a year (number, date, agenda), for the archive file."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desktop_app.documents.common import (
    DocumentContext,
    Paragraph,
    cell,
    esc,
    head_role,
    make_styles,
    short_date,
    signature_rows,
    spacer,
    tail_rows,
    translator,
    year_span,
)
from desktop_app.documents.frame import DocumentMeta, render
from desktop_app.documents.verification import Verification
from desktop_app.domain.entities import Association, Meeting
from desktop_app.domain.labels import MEETING_STATUS_LABELS
from desktop_app.i18n import ngettext

WIDTHS = [24 * mm, 28 * mm, 88 * mm, 30 * mm]


def build_register(body: Association, meetings: Sequence[Meeting], ctx: DocumentContext, language: str,
                   check: Verification) -> bytes:
    _ = translator(language)
    styles = make_styles()
    story: list[Flowable] = [
        Paragraph(esc(ctx.school.name.get(language)), styles.organization),
        Paragraph(esc(_("REGISTER OF PROTOCOLS")), styles.title),
        Paragraph(esc(body.name.get(language)), styles.centre),
        Paragraph(esc(_("{year} academic year").format(year=year_span(body.academic_year))), styles.centre),
        spacer(4),
    ]
    rows: list[list[object]] = [[Paragraph(esc(h), styles.cell_head) for h in (
        _("Protocol No."), _("Date"), _("Agenda"), _("Status"))]]
    ordered = sorted(meetings, key=lambda m: m.number)
    for meeting in ordered:
        agenda = cell("\n".join(f"{i.number}. {i.title}" for i in meeting.agenda), WIDTHS[2], styles.cell)
        rows.append([Paragraph(str(meeting.number), styles.cell_centre),
                     Paragraph(short_date(meeting.date, language), styles.cell_centre),
                     agenda,
                     Paragraph(esc(_(MEETING_STATUS_LABELS[meeting.status])), styles.cell_centre)])
    table, closing = tail_rows(rows, WIDTHS)
    story += table
    closing += [
        spacer(2),
        Paragraph(esc(ngettext("In total: {count} protocol", "In total: {count} protocols", len(ordered),
                               language).format(count=len(ordered))), styles.left),
        signature_rows([(head_role(body, _), ctx.signature_name(body.head))], styles),
    ]
    year = ctx.years.get(body.academic_year)
    created = max((m.date for m in ordered), default=None) or (year.start if year else date(2000, 1, 1))
    meta = DocumentMeta(title=_("REGISTER OF PROTOCOLS"), subject=body.name.get(language),
                        author=ctx.school.name.get(language), language=language, created=created)
    return render(story, meta, check, closing)
