"""Mentorship: the plan of work with the young specialist, the log of sessions, the conclusion."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desktop_app.documents.common import (
    DocumentContext,
    Paragraph,
    dated,
    esc,
    grid,
    labelled,
    make_styles,
    short_date,
    signature_rows,
    spacer,
    translator,
    year_span,
)
from desktop_app.documents.frame import DocumentMeta, render
from desktop_app.documents.verification import Verification
from desktop_app.domain.entities import Mentorship, SessionKind
from desktop_app.domain.labels import MENTORSHIP_STATUS_LABELS
from desktop_app.i18n import N_

SESSION_LABELS = {
    SessionKind.CONSULTATION: N_("consultation"),
    SessionKind.MENTOR_VISITS_LESSON: N_("the mentor visits a lesson"),
    SessionKind.MENTEE_VISITS_LESSON: N_("the young specialist visits a lesson"),
    SessionKind.JOINT_PLANNING: N_("joint planning"),
    SessionKind.OTHER: N_("other"),
}


def build_mentorship(record: Mentorship, ctx: DocumentContext, language: str, check: Verification) -> bytes:
    _ = translator(language)
    styles = make_styles()
    story: list[Flowable] = [
        Paragraph(esc(ctx.school.name.get(language)), styles.organization),
        Paragraph(esc(_("PLAN OF WORK WITH THE YOUNG SPECIALIST")), styles.title),
        Paragraph(esc(_("{year} academic year").format(year=year_span(record.academic_year))), styles.centre),
        spacer(4),
        labelled(_("Mentor:"), esc(f"{ctx.full_name(record.mentor)}, {ctx.position(record.mentor, language)}"),
                 styles.left),
        labelled(_("Young specialist:"),
                 esc(f"{ctx.full_name(record.mentee)}, {ctx.position(record.mentee, language)}"), styles.left),
        labelled(_("Period:"), esc(f"{short_date(record.start, language)} — {short_date(record.end, language)}"),
                 styles.left),
    ]
    story.append(labelled(_("Status:"), esc(_(MENTORSHIP_STATUS_LABELS[record.status])), styles.left))
    if record.order is not None:
        story.append(Paragraph(esc(_("Basis: order No. {number} of {date}").format(
            number=record.order.number, date=dated(record.order.date, language))), styles.left))
    if record.goals:
        story.append(Paragraph(esc(_("Goals:")), styles.heading))
        story += [Paragraph(f"{i}. {esc(goal)}", styles.numbered) for i, goal in enumerate(record.goals, 1)]
    story.append(Paragraph(esc(_("Plan of work")), styles.heading))
    rows: list[list[object]] = [[Paragraph(esc(h), styles.cell_head) for h in (
        _("No."), _("Activity"), _("Due"), _("Done"))]]
    for index, activity in enumerate(sorted(record.plan, key=lambda a: a.due), start=1):
        rows.append([Paragraph(str(index), styles.cell_centre), Paragraph(esc(activity.activity), styles.cell),
                     Paragraph(short_date(activity.due, language), styles.cell_centre),
                     Paragraph(esc(_("done") if activity.done else ""), styles.cell_centre)])
    if record.plan:
        story.append(grid(rows, [12 * mm, 104 * mm, 28 * mm, 26 * mm]))
    else:
        story.append(Paragraph(esc(_("No activities are planned yet.")), styles.left))
    story.append(Paragraph(esc(_("Log of sessions")), styles.heading))
    rows = [[Paragraph(esc(h), styles.cell_head) for h in (
        _("No."), _("Date"), _("Kind"), _("Topic"), _("Notes"))]]
    for index, session in enumerate(sorted(record.sessions, key=lambda s: s.date), start=1):
        rows.append([Paragraph(str(index), styles.cell_centre),
                     Paragraph(short_date(session.date, language), styles.cell_centre),
                     Paragraph(esc(_(SESSION_LABELS[session.kind])), styles.cell),
                     Paragraph(esc(session.topic), styles.cell), Paragraph(esc(session.notes), styles.cell)])
    if record.sessions:
        story.append(grid(rows, [12 * mm, 28 * mm, 38 * mm, 46 * mm, 46 * mm]))
    else:
        story.append(Paragraph(esc(_("No sessions have been recorded in the log yet.")), styles.left))
    story.append(Paragraph(esc(_("Conclusion")), styles.heading))
    conclusion = Paragraph(esc(record.conclusion), styles.body) if record.conclusion else Paragraph(
        "<br/>".join(["_" * 62] * 3), styles.left)
    closing: list[Flowable] = [conclusion, spacer(6), signature_rows(
        [(_("Mentor"), ctx.signature_name(record.mentor)),
         (_("Young specialist"), ctx.signature_name(record.mentee))], styles)]
    meta = DocumentMeta(title=_("PLAN OF WORK WITH THE YOUNG SPECIALIST"),
                        subject=f"{ctx.short_name(record.mentor)} — {ctx.short_name(record.mentee)}",
                        author=ctx.school.name.get(language), language=language, created=record.start)
    return render(story, meta, check, closing)
