"""What the KTP import's preview says about the file as read: the lessons and hours, the problems by
cell (each naming its column by letter and heading), the corrections made here; in the window's language."""

from __future__ import annotations

from desktop_app.i18n import _, format_number, ngettext
from desktop_app.services.plan_import import PlanFile, PlanTable
from desktop_app.ui.models.plan_import import column_letter


def edit_note(corrected: int) -> str:
    """How a cell is corrected in the preview, and how many were."""
    note = _("Double-click a cell, press F2 or start typing to correct it here: only what is imported "
             "changes, the file stays as it is. Choosing other columns keeps the corrections; choosing "
             "the file again discards them.")
    if corrected:
        note += " " + ngettext("{count} cell corrected here.", "{count} cells corrected here.",
                               corrected).format(count=corrected)
    return note


def summary_text(parsed: PlanFile, table: PlanTable | None) -> str:
    """The lessons and hours read, whether the headings were recognised, the problems, the dates."""
    count = len(parsed.rows)
    hours = sum(r.row.hours for r in parsed.rows)
    text = ngettext("{count} lesson read, {hours} hours.", "{count} lessons read, {hours} hours.",
                    count).format(count=count, hours=format_number(hours))
    if table is not None and table.header is None:
        text += " " + _("No row of column headings was recognised: choose the field of each column above "
                        "the table and the row the lessons start at.")
    problems = parsed.problems
    if problems:
        text += " " + ngettext("{count} problem has to be corrected in the table, in the file or in the "
                               "columns chosen; nothing is imported until then.",
                               "{count} problems have to be corrected in the table, in the file or in the "
                               "columns chosen; nothing is imported until then.", len(problems)).format(
            count=len(problems))
    else:
        text += " " + _("No problems found. Nothing is written until you press Import.")
    if parsed.dates_empty:
        text += " " + _("The lessons have no dates: after the import, «{button}» of the plan fills them "
                        "from the timetable.").format(button=_("Fill dates…"))
    return text


def problem_lines(parsed: PlanFile, columns: dict[int, str],
                  table: PlanTable | None) -> list[tuple[str, tuple[int, int | None]]]:
    """Each problem of a lesson as "problem — column C «heading»", with where it is: (row, column)."""
    lines = []
    for lesson in parsed.rows:
        for field, error in lesson.problems.items():
            column = next((c for c, f in columns.items() if f == field), None)
            where = column_letter(column) if column is not None else "—"
            heading = table.heading(column) if table and column is not None else ""
            if heading:
                where += f" «{' '.join(heading.split())}»"
            lines.append((_("{problem} — column {column}").format(problem=error.render(_), column=where),
                          (lesson.source, column)))
    return lines
