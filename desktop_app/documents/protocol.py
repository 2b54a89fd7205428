"""The protocol of a meeting (хаттама / протокол), documents.md point by point."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak

from desktop_app.documents.common import (
    NBSP,
    TEXT_WIDTH,
    DocumentContext,
    Paragraph,
    Styles,
    Translate,
    body_genitive,
    bold,
    esc,
    grid,
    heading_lines,
    labelled,
    long_date,
    make_styles,
    plain_table,
    signature_rows,
    spacer,
    speaker_text,
    tail_rows,
    translator,
)
from desktop_app.documents.frame import DocumentMeta, render
from desktop_app.documents.materials import materials_table
from desktop_app.documents.verification import Verification
from desktop_app.domain.entities import (
    AgendaItem,
    Meeting,
    MeetingForm,
    MeetingStatus,
    ReviewOutcome,
    Vote,
)
from desktop_app.domain.labels import PLAN_STATUS_LABELS, REVIEW_OUTCOME_LABELS
from desktop_app.domain.numbering import strip_leading_number
from desktop_app.i18n import N_, ngettext

#: More present than this: the count and "list attached", the names in an appendix.
NAMES_LIMIT = 15

FORM_TITLES = {
    MeetingForm.MEETING: N_("of the meeting of {body}"),
    MeetingForm.SEMINAR: N_("of the seminar of {body}"),
    MeetingForm.ROUND_TABLE: N_("of the round table of {body}"),
    MeetingForm.MASTER_CLASS: N_("of the master class of {body}"),
    MeetingForm.CONFERENCE: N_("of the conference of {body}"),
    MeetingForm.WORKSHOP: N_("of the workshop of {body}"),
    MeetingForm.OTHER: N_("of the meeting of {body}"),
}


def people_count(count: int, language: str) -> str:
    """«1 человек», «3 человека», «5 человек», «21 человек» / «5 адам»."""
    return ngettext("{count} person", "{count} persons", count, language).format(count=count)


def meeting_subtitle(meeting: Meeting, ctx: DocumentContext, language: str, _: Translate) -> str:
    body = ctx.associations.get(meeting.body)
    return _(FORM_TITLES[meeting.form]).format(body=body_genitive(body, meeting.body, language, _))


def protocol_heading(meeting: Meeting, ctx: DocumentContext, language: str, _: Translate) -> str:
    """«ПРОТОКОЛ № 1 / заседания МО …» — «… ӘБ отырысының / № 1 ХАТТАМАСЫ» (catalog word order)."""
    return _("PROTOCOL No. {number}\n{meeting}").format(
        number=meeting.number, meeting=meeting_subtitle(meeting, ctx, language, _))


def vote_text(vote: Vote, _: Translate) -> str:
    return _("Voted: “for” — {for_}, “against” — {against}, “abstained” — {abstained}.").format(
        for_=vote.in_favour, against=vote.against, abstained=vote.abstained)


def draft_mark(meeting: Meeting, _: Translate) -> str | None:
    return None if meeting.status is MeetingStatus.FINALIZED else _("DRAFT")


def heard_block(item: AgendaItem, meeting: Meeting, ctx: DocumentContext, language: str,
                styles: Styles, _: Translate) -> list[Flowable]:
    members = [a.teacher for a in meeting.attendance]
    story: list[Flowable] = []
    for speech in item.heard:
        who = esc(speaker_text(speech.speaker, ctx, language, members))
        story.append(Paragraph(bold(_("HEARD:")) + f" {who} — {esc(speech.text)}", styles.body))
    return story


def decisions_block(item: AgendaItem, styles: Styles, _: Translate) -> list[Flowable]:
    """RESOLVED (kept with its first decision), the decisions numbered N.1, N.2, …, the vote."""
    story: list[Flowable] = [Paragraph(bold(_("RESOLVED:")), styles.heading)]
    for index, decision in enumerate(item.decisions, start=1):
        text = esc(strip_leading_number(decision))
        story.append(Paragraph(f"{item.number}.{index}.{NBSP}{text}", styles.numbered))
    if item.vote is not None:
        story.append(Paragraph(esc(vote_text(item.vote, _)), styles.body))
    return story


def _plans_table(item: AgendaItem, meeting: Meeting, ctx: DocumentContext, language: str,
                 styles: Styles, _: Translate) -> list[Flowable]:
    if not item.plans:
        return []
    rows: list[list[object]] = [[Paragraph(esc(h), styles.cell_head) for h in (
        _("No."), _("Teacher"), _("Subject"), _("Grade"), _("Outcome"))]]
    for index, plan_id in enumerate(item.plans, start=1):
        plan = ctx.plans.get(plan_id)
        if plan is None:
            rows.append([str(index), Paragraph(esc(plan_id), styles.cell), "", "", ""])
            continue
        if plan.review and plan.review.meeting == meeting.id and plan.review.item == item.number:
            outcome = _(REVIEW_OUTCOME_LABELS[plan.review.outcome])
            if plan.review.outcome is ReviewOutcome.RETURNED and plan.review.remarks:
                outcome = f"{outcome}: {plan.review.remarks}"
        else:
            outcome = _(PLAN_STATUS_LABELS[plan.status])
        grade = f"{plan.grade} ({', '.join(plan.classes)})" if plan.classes else str(plan.grade)
        rows.append([Paragraph(str(index), styles.cell_centre),
                     Paragraph(esc(ctx.short_name(plan.teacher)), styles.cell),
                     Paragraph(esc(ctx.subject(plan.subject, language)), styles.cell),
                     Paragraph(esc(grade), styles.cell_centre),
                     Paragraph(esc(outcome), styles.cell)])
    return [Paragraph(esc(_("Plans considered:")), styles.left), spacer(1),
            grid(rows, [10 * mm, 38 * mm, 32 * mm, 25 * mm, 65 * mm]), spacer(2)]


def present_text(meeting: Meeting, ctx: DocumentContext, language: str, _: Translate) -> str:
    """«4 человека: Әбенова Г. С., Қасымов Е. Н.; из других школ — 2»: everyone present, as the
    votes are counted against (rule 4), the own members named (or the list attached), and how many
    came from other schools (п. 21), who are named on their own line with their school."""
    count = people_count(meeting.present_count, language)
    present = [a.teacher for a in meeting.attendance if a.present]
    if meeting.present_count > NAMES_LIMIT:
        text = _("{count} (list attached)").format(count=count)
    else:
        names = ", ".join(ctx.short_name(t) for t in present)
        text = f"{count}: {names}" if names else count
    others = sum(1 for g in meeting.guest_attendance if g.present)
    if not others:
        return text
    line = _("{present}; from other schools — {others}").format(present=text, others=others)
    head, dash, tail = line.rpartition(" — ")
    return f"{head}{NBSP}—{NBSP}{tail}" if dash else tail  # «школ — 2» kept on one line


def guest_member_lines(meeting: Meeting, ctx: DocumentContext, language: str, styles: Styles,
                       _: Translate) -> list[Flowable]:
    """п. 21: an inter-school association's members from other schools, present and absent as the
    meeting marked them; those it did not mark (a protocol written before the marks) as before."""
    marks = {(g.school, g.teacher): g for g in meeting.guest_attendance}

    def label(key: tuple[str, str]) -> str:  # by the name kept with the mark should the teacher be gone
        return ctx.guest_label(*key, language, marks[key].name if key in marks else "")

    present = [label(key) for key, mark in marks.items() if mark.present]
    absent = [label(key) + (f" — {mark.reason}" if mark.reason else "")
              for key, mark in marks.items() if not mark.present]
    unmarked = [label(key) for key in ctx.guest_members if key not in marks]
    lines = [(_("Present from other schools:"), present), (_("Absent from other schools:"), absent),
             (_("Members from other schools:"), unmarked)]
    return [labelled(title, esc("; ".join(names)), styles.left) for title, names in lines if names]


def protocol_story(meeting: Meeting, ctx: DocumentContext,
                   language: str) -> tuple[list[Flowable], list[Flowable]]:
    """The protocol's flowables and its closing (kept on one page with the QR block)."""
    _ = translator(language)
    styles = make_styles()
    story: list[Flowable] = []
    # 1-2. Organization; number, kind of meeting and body.
    story.append(Paragraph(esc(ctx.school.name.get(language)), styles.organization))
    story += heading_lines(protocol_heading(meeting, ctx, language, _), styles.title)
    story.append(spacer(4))
    # 3. Date on the left, place (city) on the right.
    city = ctx.school.city.get(language) if ctx.school.city else ""
    story.append(plain_table([[Paragraph(esc(long_date(meeting.date, language)), styles.left),
                               Paragraph(esc(city), styles.right)]], [TEXT_WIDTH / 2, TEXT_WIDTH / 2]))
    details = []
    if meeting.place:
        details.append(_("Place: {place}").format(place=meeting.place))
    if meeting.start_time:
        details.append(_("Start: {time}").format(time=meeting.start_time))
    if details:
        story.append(Paragraph(esc("; ".join(details)), styles.left))
    story.append(spacer(3))
    # 4. Chair and secretary.
    story.append(labelled(_("Chair:"), esc(ctx.short_name(meeting.chair)), styles.left))
    story.append(labelled(_("Secretary:"), esc(ctx.short_name(meeting.secretary)), styles.left))
    # 5. Present, absent, invited.
    story.append(labelled(_("Present:"), esc(present_text(meeting, ctx, language, _)), styles.left))
    absent = [a for a in meeting.attendance if not a.present]
    if absent:
        parts = [ctx.short_name(a.teacher) + (f" — {a.reason}" if a.reason else "") for a in absent]
        story.append(labelled(_("Absent:"), esc("; ".join(parts)), styles.left))
    story += guest_member_lines(meeting, ctx, language, styles, _)
    if meeting.guests:
        parts = [g.name + (f" — {g.position}" if g.position else "") for g in meeting.guests]
        story.append(labelled(_("Invited:"), esc("; ".join(parts)), styles.left))
    # 6. Agenda.
    story.append(Paragraph(esc(_("AGENDA:")), styles.heading))
    for item in meeting.agenda:
        story.append(Paragraph(f"{item.number}. {esc(item.title)}", styles.numbered))
    # 7. Each item.
    members = [a.teacher for a in meeting.attendance]
    for item in meeting.agenda:
        story.append(Paragraph(f"{item.number}. {esc(item.title)}", styles.heading))
        story += heard_block(item, meeting, ctx, language, styles, _)
        if item.spoke:
            story.append(Paragraph(bold(_("SPOKE:")), styles.heading))
            for speech in item.spoke:
                who = esc(speaker_text(speech.speaker, ctx, language, members))
                story.append(Paragraph(f"{who} — {esc(speech.text)}", styles.body))
        story += _plans_table(item, meeting, ctx, language, styles, _)
        story += materials_table(item, meeting, ctx, language, styles, _)
        story += decisions_block(item, styles, _)
    # 8. Signatures, kept on one page with the last lines of text.
    last = [story.pop()] if story else []
    signatures: list[Flowable] = [*last, spacer(6), signature_rows(
        [(_("Chair"), ctx.signature_name(meeting.chair)),
         (_("Secretary"), ctx.signature_name(meeting.secretary))], styles)]
    if meeting.present_count <= NAMES_LIMIT:
        return story, signatures
    body, closing = appendix(meeting, ctx, language, styles, _)
    return [*story, KeepTogether(signatures), *body], closing


def appendix(meeting: Meeting, ctx: DocumentContext, language: str, styles: Styles,
             _: Translate) -> tuple[list[Flowable], list[Flowable]]:
    """The list of those present with a column to sign, on its own page (story, closing rows)."""
    present = [a.teacher for a in meeting.attendance if a.present]
    rows: list[list[object]] = [[Paragraph(esc(h), styles.cell_head) for h in (
        _("No."), _("Full name"), _("Position"), _("Signature"))]]
    for index, teacher in enumerate(present, start=1):
        rows.append([Paragraph(str(index), styles.cell_centre),
                     Paragraph(esc(ctx.full_name(teacher)), styles.cell),
                     Paragraph(esc(ctx.position(teacher, language)), styles.cell), ""])
    others = [g for g in meeting.guest_attendance if g.present]
    for index, mark in enumerate(others, start=len(present) + 1):  # п. 21: with their school
        rows.append([Paragraph(str(index), styles.cell_centre),
                     Paragraph(esc(ctx.guest_label(mark.school, mark.teacher, language, mark.name)), styles.cell),
                     "", ""])
    head, tail = tail_rows(rows, [12 * mm, 68 * mm, 58 * mm, 32 * mm])
    return [
        PageBreak(),
        Paragraph(esc(_("Appendix to protocol No. {number}").format(number=meeting.number)), styles.right),
        Paragraph(esc(_("List of those present")), styles.title),
        Paragraph(esc(long_date(meeting.date, language)), styles.centre),
        spacer(3),
        *head,
    ], tail


def protocol_meta(meeting: Meeting, ctx: DocumentContext, language: str, title: str) -> DocumentMeta:
    _ = translator(language)
    return DocumentMeta(title=title, subject=meeting_subtitle(meeting, ctx, language, _),
                        author=ctx.school.name.get(language), language=language,
                        created=meeting.date, draft_mark=draft_mark(meeting, _))


def build_protocol(meeting: Meeting, ctx: DocumentContext, language: str, check: Verification) -> bytes:
    """The protocol as PDF bytes; a draft or held meeting carries the draft mark."""
    _ = translator(language)
    title = _("PROTOCOL No. {number}").format(number=meeting.number)
    story, closing = protocol_story(meeting, ctx, language)
    return render(story, protocol_meta(meeting, ctx, language, title), check, closing)
