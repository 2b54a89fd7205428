"""The register of pupils' olympiads and contests of one academic year (п. 10.5), kk/ru."""

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
from desktop_app.domain.entities import OlympiadOutcome, OlympiadResult
from desktop_app.domain.labels import (
    OLYMPIAD_KIND_LABELS,
    OLYMPIAD_LEVEL_LABELS,
    OLYMPIAD_OUTCOME_LABELS,
    OLYMPIAD_PLACE_LABEL,
)
from desktop_app.i18n import ngettext

#: A landscape table (257 mm): the level and the result are whole words such as «республиканский»; a
#: long surname with its initials («Нұрмағамбетова Ә. Ғ.») fits the teacher's column.
WIDTHS = [9 * mm, 42 * mm, 14 * mm, 28 * mm, 44 * mm, 34 * mm, 52 * mm, 34 * mm]


def build_olympiad_register(results: Sequence[OlympiadResult], academic_year: str, ctx: DocumentContext,
                            language: str, check: Verification) -> bytes:
    _ = translator(language)
    styles = make_styles()
    title = _("REGISTER OF PUPILS' OLYMPIADS AND CONTESTS")
    story: list[Flowable] = [
        Paragraph(esc(ctx.school.name.get(language)), styles.organization),
        Paragraph(esc(title), styles.title),
        Paragraph(esc(_("{year} academic year").format(year=year_span(academic_year))), styles.centre),
        spacer(4),
    ]
    rows: list[list[object]] = [[Paragraph(esc(h), styles.cell_head) for h in (
        _("No."), _("Pupil"), _("Class"), _("Subject"), _("Teacher"), _("Level"), _("Kind, stage"), _("Result"))]]
    for index, result in enumerate(results, start=1):
        subject = ctx.subjects.get(result.subject)
        kind = "\n".join(x for x in (_(OLYMPIAD_KIND_LABELS[result.kind]), result.title, result.stage,
                                     short_date(result.on, language)) if x)
        prize = result.outcome is OlympiadOutcome.PRIZE and result.place
        outcome = (_(OLYMPIAD_PLACE_LABEL).format(place=result.place) if prize
                   else _(OLYMPIAD_OUTCOME_LABELS[result.outcome]))
        rows.append([Paragraph(str(index), styles.cell_centre), cell(result.pupil, WIDTHS[1], styles.cell),
                     Paragraph(esc(result.class_name), styles.cell_centre),
                     cell(subject.name.get(language) if subject else result.subject, WIDTHS[3], styles.cell),
                     cell(ctx.short_name(result.teacher), WIDTHS[4], styles.cell),
                     Paragraph(esc(_(OLYMPIAD_LEVEL_LABELS[result.level])), styles.cell),
                     cell(kind, WIDTHS[6], styles.cell), Paragraph(esc(outcome), styles.cell)])
    table, closing = tail_rows(rows, WIDTHS)
    story += table
    deputy = ctx.school.deputy_director
    closing += [
        spacer(2),
        Paragraph(esc(ngettext("In total: {count} result", "In total: {count} results", len(results),
                               language).format(count=len(results))), styles.left),
        signature_rows([(_("Deputy director"), ctx.signature_name(deputy) if deputy else "")], styles),
    ]
    year = ctx.years.get(academic_year)
    created = max((r.on for r in results if r.on), default=None) or (year.start if year else date(2000, 1, 1))
    meta = DocumentMeta(title=title, subject=year_span(academic_year), author=ctx.school.name.get(language),
                        language=language, created=created, landscape=True)
    return render(story, meta, check, closing)
