"""The lesson observation sheet of a lesson visit (open lesson, mutual visit, …)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desktop_app.documents.common import (
    DocumentContext,
    Paragraph,
    Styles,
    Translate,
    esc,
    grid,
    labelled,
    long_date,
    make_styles,
    signature_rows,
    spacer,
    translator,
)
from desktop_app.documents.frame import DocumentMeta, render
from desktop_app.documents.verification import Verification
from desktop_app.domain.entities import LessonVisit
from desktop_app.domain.labels import VISIT_KIND_LABELS
from desktop_app.i18n import N_

#: What a lesson is looked at for (the grid is filled in by hand: the record keeps no marks).
CRITERIA = (
    N_("Goal of the lesson: stated, understood by the pupils, achieved"),
    N_("Structure: the stages and the use of time"),
    N_("Methods and forms of work"),
    N_("Assessment: criteria, feedback"),
    N_("Differentiation: tasks for different pupils"),
    N_("Outcome: what the pupils learned"),
)


def criteria_grid(styles: Styles, _: Translate) -> list[Flowable]:
    """The criteria of the lesson with a column for the observer's notes, to fill in by hand."""
    rows: list[list[object]] = [[Paragraph(esc(h), styles.cell_head) for h in (
        _("No."), _("Criterion"), _("Notes of the observer"))]]
    for index, criterion in enumerate(CRITERIA, start=1):
        rows.append([Paragraph(str(index), styles.cell_centre), Paragraph(esc(_(criterion)), styles.cell),
                     Paragraph("<br/><br/>", styles.cell)])  # room to write
    table = grid(rows, [10 * mm, 70 * mm, 90 * mm])
    return [Paragraph(esc(_("Criteria of the lesson")), styles.heading), table]


def build_observation(visit: LessonVisit, ctx: DocumentContext, language: str, check: Verification) -> bytes:
    _ = translator(language)
    styles = make_styles()
    story: list[Flowable] = [
        Paragraph(esc(ctx.school.name.get(language)), styles.organization),
        Paragraph(esc(_("LESSON OBSERVATION SHEET")), styles.title),
        spacer(4),
        labelled(_("Kind:"), esc(_(VISIT_KIND_LABELS[visit.kind])), styles.left),
        labelled(_("Date:"), esc(long_date(visit.date, language)), styles.left),
        labelled(_("Teacher:"), esc(f"{ctx.full_name(visit.teacher)}, {ctx.position(visit.teacher, language)}"),
                 styles.left),
        labelled(_("Subject:"), esc(ctx.subject(visit.subject, language)), styles.left),
    ]
    if visit.class_name:
        story.append(labelled(_("Class:"), esc(visit.class_name), styles.left))
    story.append(labelled(_("Lesson topic:"), esc(visit.topic), styles.left))
    if visit.association:
        story.append(labelled(_("Association:"), esc(ctx.body_name(visit.association, language)), styles.left))
    story += criteria_grid(styles, _)
    for index, observation in enumerate(visit.observations, start=1):
        story.append(Paragraph(esc(_("Observation {number}: {name}").format(
            number=index, name=ctx.short_name(observation.observer))), styles.heading))
        story.append(labelled(_("Strengths:"), esc(observation.strengths) or "—", styles.body))
        story.append(labelled(_("Recommendations:"), esc(observation.recommendations) or "—", styles.body))
    signers = [(_("Observer"), ctx.signature_name(o.observer)) for o in visit.observations]
    signers.append((_("Acquainted (teacher)"), ctx.signature_name(visit.teacher)))
    closing: list[Flowable] = [story.pop(), spacer(6), signature_rows(signers, styles)]
    meta = DocumentMeta(title=_("LESSON OBSERVATION SHEET"), subject=visit.topic,
                        author=ctx.school.name.get(language), language=language, created=visit.date)
    return render(story, meta, check, closing)
