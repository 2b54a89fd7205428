"""The schedule of open lessons, master classes and mutual visits of one term (п. 10.4; п. 20)."""

from __future__ import annotations

from collections.abc import Sequence

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
from desktop_app.domain.entities import AcademicYear, LessonVisit
from desktop_app.domain.labels import VISIT_KIND_LABELS

#: Whole dates and words: «27.08.2026», «взаимопосещение» and «мұғалімдерінің» fit at 12 pt.
WIDTHS = [9 * mm, 23 * mm, 36 * mm, 38 * mm, 34 * mm, 30 * mm]


def build_schedule(year: AcademicYear, term: int, visits: Sequence[LessonVisit], ctx: DocumentContext,
                   language: str, check: Verification) -> bytes:
    _ = translator(language)
    styles = make_styles()
    title = _("SCHEDULE OF OPEN LESSONS AND MUTUAL VISITS")
    story: list[Flowable] = [
        Paragraph(esc(ctx.school.name.get(language)), styles.organization),
        Paragraph(esc(title), styles.title),
        Paragraph(esc(_("Term {term}, {year} academic year").format(term=term, year=year_span(year.id))),
                  styles.centre),
        spacer(4),
    ]
    rows: list[list[object]] = [[Paragraph(esc(h), styles.cell_head) for h in (
        _("No."), _("Date"), _("Kind"), _("Teacher, subject, class"), _("Lesson topic"), _("Association"))]]
    for index, visit in enumerate(sorted(visits, key=lambda v: (v.date, v.teacher)), start=1):
        subject = ", ".join(p for p in (ctx.subject(visit.subject, language), visit.class_name) if p)
        rows.append([
            Paragraph(str(index), styles.cell_centre),
            Paragraph(short_date(visit.date, language), styles.cell_centre),
            Paragraph(esc(_(VISIT_KIND_LABELS[visit.kind])), styles.cell),
            Paragraph(esc(ctx.short_name(visit.teacher)) + "<br/>" + esc(subject), styles.cell),
            cell(visit.topic, WIDTHS[4], styles.cell),
            cell(ctx.body_name(visit.association, language) if visit.association else "", WIDTHS[5], styles.cell),
        ])
    table, closing = tail_rows(rows, WIDTHS)
    story += table
    deputy = ctx.school.deputy_director
    if deputy:
        signer = (_("Deputy director for academic work"), ctx.signature_name(deputy))
        closing += [spacer(4), signature_rows([signer], styles)]
    term_start = next((t.start for t in year.terms if t.number == term), year.start)
    meta = DocumentMeta(title=title, subject=f"{year.id} / {term}", author=ctx.school.name.get(language),
                        language=language, created=term_start)
    return render(story, meta, check, closing)
