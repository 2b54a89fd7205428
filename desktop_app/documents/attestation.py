"""Prints of the attestation register (п. 10.7): the year's list of teachers being attested and
the schedule of their hearings at the associations, both signed by the deputy director."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

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
from desktop_app.documents.frame import DocumentMeta, render
from desktop_app.documents.verification import Verification
from desktop_app.domain.entities import Meeting
from desktop_app.domain.labels import CATEGORY_LABELS
from desktop_app.domain.staff_labels import RESULT_LABELS
from desktop_app.domain.staff_records import Attestation
from desktop_app.i18n import ngettext

#: №, teacher, held, sought, application, hearing, result: the text width of portrait A4 (170 mm);
#: a category («педагог-исследователь» breaks at its hyphen), «Заслушивание» and «подтверждена» fit their columns.
LIST_WIDTHS = [7 * mm, 26 * mm, 29 * mm, 29 * mm, 22 * mm, 28 * mm, 29 * mm]
#: Date, association, protocol and item, teacher, category sought.
SCHEDULE_WIDTHS = [22 * mm, 50 * mm, 24 * mm, 44 * mm, 30 * mm]


def _header(title: str, academic_year: str, ctx: DocumentContext, language: str) -> list[Flowable]:
    _ = translator(language)
    styles = make_styles()
    return [
        Paragraph(esc(ctx.school.name.get(language)), styles.organization),
        Paragraph(esc(title), styles.title),
        Paragraph(esc(_("{year} academic year").format(year=year_span(academic_year))), styles.centre),
        spacer(4),
    ]


def _closing(count: int, ctx: DocumentContext, language: str) -> list[Flowable]:
    _ = translator(language)
    styles = make_styles()
    return [
        spacer(2),
        Paragraph(esc(ngettext("In total: {count} teacher", "In total: {count} teachers", count,
                               language).format(count=count)), styles.left),
        signature_rows([(_("Deputy director"), ctx.signature_name(ctx.school.deputy_director))], styles),
    ]


def hearing_text(record: Attestation, meetings: Mapping[str, Meeting], language: str) -> str:
    """«06.11.2026, prot. No. 2, item 1», or a dash before the hearing is set."""
    _ = translator(language)
    meeting = meetings.get(record.hearing.meeting) if record.hearing else None
    if record.hearing is None or meeting is None:
        return "—"
    return _("{date}, protocol No. {number}, item {item}").format(
        date=short_date(meeting.date, language), number=meeting.number, item=record.hearing.item)


def result_text(record: Attestation, language: str) -> str:
    _ = translator(language)
    if record.result is None:
        return "—"
    order = _("order No. {number} of {date}").format(number=record.order_number or "",
                                                     date=short_date(record.order_date, language))
    return f"{_(RESULT_LABELS[record.result])}; {order}"


def _meta(title: str, academic_year: str, ctx: DocumentContext, language: str,
          records: Sequence[Attestation]) -> DocumentMeta:
    year = ctx.years.get(academic_year)
    days = [d for r in records for d in (r.applied_on, r.order_date) if d is not None]
    created = max(days, default=None) or (year.start if year else date(2000, 8, 1))
    return DocumentMeta(title=title, subject=year_span(academic_year), author=ctx.school.name.get(language),
                        language=language, created=created)


def build_attestation_list(academic_year: str, records: Sequence[Attestation], meetings: Mapping[str, Meeting],
                           ctx: DocumentContext, language: str, check: Verification) -> bytes:
    """The year's teachers being attested, by name: categories, application, hearing, result."""
    _ = translator(language)
    styles = make_styles()
    title = _("LIST OF TEACHERS BEING ATTESTED")
    story = _header(title, academic_year, ctx, language)
    rows: list[list[object]] = [[Paragraph(esc(h), styles.cell_head) for h in (
        _("No."), _("Teacher"), _("Category held"), _("Category sought"), _("Application"), _("Hearing"),
        _("Result"))]]
    ordered = sorted(records, key=lambda r: (ctx.full_name(r.teacher), r.id))
    for number, record in enumerate(ordered, start=1):
        teacher = ctx.full_name(record.teacher)
        position = ctx.position(record.teacher, language)
        rows.append([Paragraph(str(number), styles.cell_centre),
                     cell(f"{teacher}\n{position}" if position else teacher, LIST_WIDTHS[1], styles.cell),
                     cell(_(CATEGORY_LABELS[record.current_category]), LIST_WIDTHS[2], styles.cell),
                     cell(_(CATEGORY_LABELS[record.sought_category]), LIST_WIDTHS[3], styles.cell),
                     Paragraph(short_date(record.applied_on, language) or "—", styles.cell_centre),
                     cell(hearing_text(record, meetings, language), LIST_WIDTHS[5], styles.cell),
                     cell(result_text(record, language), LIST_WIDTHS[6], styles.cell)])
    table, closing = tail_rows(rows, LIST_WIDTHS)
    story += table
    closing += _closing(len(ordered), ctx, language)
    return render(story, _meta(title, academic_year, ctx, language, ordered), check, closing)


def build_attestation_schedule(academic_year: str, records: Sequence[Attestation],
                               meetings: Mapping[str, Meeting], ctx: DocumentContext, language: str,
                               check: Verification) -> bytes:
    """The hearings of the year by date (those not yet set last): which association hears whom."""
    _ = translator(language)
    styles = make_styles()
    title = _("SCHEDULE OF ATTESTATION HEARINGS")
    story = _header(title, academic_year, ctx, language)
    rows: list[list[object]] = [[Paragraph(esc(h), styles.cell_head) for h in (
        _("Date"), _("Association"), _("Protocol, item"), _("Teacher"), _("Category sought"))]]

    def when(record: Attestation) -> tuple[date, str]:
        meeting = meetings.get(record.hearing.meeting) if record.hearing else None
        return (meeting.date if meeting else date.max, ctx.full_name(record.teacher))

    ordered = sorted(records, key=when)
    for record in ordered:
        meeting = meetings.get(record.hearing.meeting) if record.hearing else None
        if meeting is None or record.hearing is None:
            day, body, item = "—", _("hearing not set"), "—"
        else:
            day, body = short_date(meeting.date, language), ctx.body_name(meeting.body, language)
            item = _("No. {number}, item {item}").format(number=meeting.number, item=record.hearing.item)
        rows.append([Paragraph(esc(day), styles.cell_centre), cell(body, SCHEDULE_WIDTHS[1], styles.cell),
                     cell(item, SCHEDULE_WIDTHS[2], styles.cell_centre),
                     cell(ctx.full_name(record.teacher), SCHEDULE_WIDTHS[3], styles.cell),
                     cell(_(CATEGORY_LABELS[record.sought_category]), SCHEDULE_WIDTHS[4], styles.cell)])
    table, closing = tail_rows(rows, SCHEDULE_WIDTHS)
    story += table
    closing += _closing(len(ordered), ctx, language)
    return render(story, _meta(title, academic_year, ctx, language, ordered), check, closing)
