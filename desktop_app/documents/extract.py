"""The extract from a protocol for one agenda item (хаттамадан үзінді / выписка из протокола).

Teachers ask for these for their attestation portfolios: organization, number, body and date,
the present count, the item's HEARD and RESOLVED, "The extract is true" with the secretary's
signature line and the date of issue.
"""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable

from desktop_app.documents.common import (
    DocumentContext,
    Paragraph,
    blank_date,
    bold,
    dated,
    esc,
    heading_lines,
    labelled,
    long_date,
    make_styles,
    signature_rows,
    spacer,
    translator,
)
from desktop_app.documents.frame import DocumentMeta, render
from desktop_app.documents.protocol import (
    decisions_block,
    draft_mark,
    heard_block,
    meeting_subtitle,
    people_count,
)
from desktop_app.documents.verification import Verification
from desktop_app.domain.entities import AgendaItem, Meeting


def extract_story(meeting: Meeting, item: AgendaItem, ctx: DocumentContext, language: str,
                  issued: date | None) -> tuple[list[Flowable], list[Flowable]]:
    """The extract's flowables and its closing (kept on one page with the QR block)."""
    _ = translator(language)
    styles = make_styles()
    subtitle = meeting_subtitle(meeting, ctx, language, _)
    story: list[Flowable] = [
        Paragraph(esc(ctx.school.name.get(language)), styles.organization),
        *heading_lines(_("EXTRACT FROM PROTOCOL No. {number}\n{meeting} of {date}").format(
            number=meeting.number, meeting=subtitle, date=dated(meeting.date, language)), styles.title),
        spacer(4),
        labelled(_("Present:"), esc(people_count(meeting.present_count, language)), styles.body),
        Paragraph(esc(_("Agenda item {number}:").format(number=item.number)) + " " + esc(item.title),
                  styles.heading),
    ]
    story += heard_block(item, meeting, ctx, language, styles, _)
    story += decisions_block(item, styles, _)
    closing: list[Flowable] = [
        story.pop(),
        spacer(6),
        Paragraph(bold(_("The extract is true")), styles.left),
        signature_rows([(_("Secretary"), ctx.signature_name(meeting.secretary))], styles),
        spacer(3),
        Paragraph(esc(_("Date of issue: {date}").format(
            date=long_date(issued, language) if issued else blank_date(_))), styles.left),
    ]
    return story, closing


def build_extract(meeting: Meeting, item_number: int, ctx: DocumentContext, language: str,
                  check: Verification, issued: date | None = None) -> bytes:
    item = meeting.item(item_number)
    if item is None:
        raise KeyError(item_number)
    _ = translator(language)
    title = _("EXTRACT FROM PROTOCOL No. {number}").format(number=meeting.number)
    meta = DocumentMeta(title=title, subject=f"{item.number}. {item.title}",
                        author=ctx.school.name.get(language), language=language,
                        created=issued or meeting.date, draft_mark=draft_mark(meeting, _))
    story, closing = extract_story(meeting, item, ctx, language, issued)
    return render(story, meta, check, closing)
