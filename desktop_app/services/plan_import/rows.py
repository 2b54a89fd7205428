"""The lessons of a KTP table read with the columns chosen, each with the problems of its cells.

Term headings merged over the row ("I тоқсан") and sections written once (merged down or on a row of
their own) carry down to the lessons below; totals, repeated headers, the row that numbers the columns
and empty template rows are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from desktop_app.domain.entities import Language, PlanRow
from desktop_app.domain.errors import N_, DomainError, Msg, Rule
from desktop_app.domain.plan_cells import NO_TOPIC, CellError
from desktop_app.services.file_tables import Cell, cell_text, fold
from desktop_app.services.plan_import.cells import (
    date_parts,
    parse_date,
    parse_hours,
    parse_term,
    split_objectives,
    term_heading,
)
from desktop_app.services.plan_import.columns import FIELDS, PlanTable, field_of
from desktop_app.services.plan_import.tables import MAX_ROWS, plan_refusal

#: "Барлығы", "Итого", "Всего": a total line, not a lesson.
_TOTAL = re.compile(r"^(барлығы|барлыгы|жиыны|итого|всего)\b", re.IGNORECASE)
#: Rows merged over the table that are lessons all the same: summative assessment (БЖБ / СОР,
#: ТЖБ / СОЧ), reserve and revision lessons.
_SUMMATIVE = re.compile(r"(?<!\w)(сор|соч|бжб|тжб)(?!\w)|суммативн|жиынтық бағала|жиынтык багала", re.IGNORECASE)
_REVISION = re.compile(r"резерв|повторени|қайталау|кайталау", re.IGNORECASE)
#: The names of the fields in messages (the preview's column choices say the same).
FIELD_NAMES = {
    "number": N_("No."), "term": N_("Term"), "section": N_("Section / cross-cutting theme"),
    "topic": N_("Lesson topic"), "objectives": N_("Learning objectives"), "hours": N_("Number of hours"),
    "date": N_("Date"), "note": N_("Note"),
}


@dataclass
class ImportedRow:
    """One lesson of the file: ``line`` is the row the user sees (the Excel row, or the table's row
    in Word counted over the plan's tables); ``problems`` are keyed by the field of the cell."""

    line: int
    row: PlanRow
    texts: dict[str, str]
    problems: dict[str, DomainError] = field(default_factory=dict)
    #: The index of the row in ``PlanTable.rows`` (-1 when not read through a table).
    source: int = -1


@dataclass
class PlanFile:
    rows: list[ImportedRow]
    #: The fields found in the header row, in the order of ``FIELDS``.
    columns: list[str]
    #: Kazakh headers found: the plan is likely in Kazakh.
    language: Language
    #: Problems of the whole file rather than of a cell (no column chosen for the topic).
    file_problems: list[DomainError] = field(default_factory=list)
    #: The most dates one cell gives for several classes ("05.09 / 06.09": 2); 1 otherwise.
    dates_per_cell: int = 1

    @property
    def dates_empty(self) -> bool:
        """No lesson has a date: "Fill dates…" of the plan fills them from the timetable."""
        return bool(self.rows) and all(r.row.date is None for r in self.rows)

    @property
    def problems(self) -> list[DomainError]:
        return [*self.file_problems, *(p for r in self.rows for p in r.problems.values())]

    @property
    def importable(self) -> bool:
        return bool(self.rows) and not self.problems

    def plan_rows(self) -> list[PlanRow]:
        return [r.row for r in self.rows]


@dataclass
class _State:
    """What carries down the rows: the term of the last heading and the section."""

    term: int | None = None
    section: str | None = None
    number: int = 0


def parse_rows(table: PlanTable, columns: Mapping[int, str], start_year: int,
               first: int | None = None, group: int = 0) -> PlanFile:
    """Every lesson of the table read with ``columns`` (column index → field; a column not named, or
    named with something that is not a field, is ignored; a field named twice is read from its first
    column), from the row ``first`` (by default the one after the header). Writes nothing.

    ``start_year`` is the calendar year the plan's academic year starts in (dd.mm dates take theirs
    from it); ``group`` picks the class whose date is read from a cell with several ("05.09 / 06.09").
    A field that two columns of the header seem to hold and that no column was chosen for is a
    problem of the file: the user chooses the column."""
    chosen: dict[int, str] = {}
    for column in sorted(columns):
        name = columns[column]
        if name in FIELDS and 0 <= column < table.width and name not in chosen.values():
            chosen[column] = name
    begin = table.first_lesson_row if first is None else max(0, first)
    state = _State()
    parsed: list[ImportedRow] = []
    for index in range(begin, len(table.rows)):
        row = _row(table.lines[index], table.rows[index], table.spans[index], chosen, start_year, state, group)
        if row is not None:
            if len(parsed) >= MAX_ROWS:
                raise plan_refusal(N_("The KTP has more than {count} rows"), count=MAX_ROWS)
            row.source = index
            parsed.append(row)
    file_problems = []
    if "topic" not in chosen.values():
        for lesson in parsed:  # one problem for the file says it, not one for every row
            lesson.problems.pop("topic", None)
        file_problems.append(DomainError(Rule.VALUE, N_("Choose the column that holds the lesson topics"),
                                         field="columns"))
    elif not parsed:
        file_problems.append(DomainError(Rule.VALUE, N_("No lessons found below the header row"), field="rows"))
    found = set(chosen.values())
    for name, where in table.ambiguous.items():
        if name not in found:
            headings = ", ".join(f"{_letter(c)} «{' '.join(table.heading(c).split())}»" for c in where)
            file_problems.append(DomainError(
                Rule.VALUE, N_("Columns {columns} all look like «{field}»: choose the one to read"),
                {"columns": headings, "field": Msg(FIELD_NAMES[name])}, field="columns"))
    dates = [len(date_parts(r.texts.get("date", ""))) for r in parsed]
    return PlanFile(parsed, [f for f in FIELDS if f in found], table.language, file_problems,
                    max(dates, default=1))


def _letter(column: int) -> str:
    """A column as Excel names it: A, B, ... Z, AA ..."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _row(line: int, cells: Sequence[Cell], spans: set[int], columns: dict[int, str], start_year: int,
         state: _State, group: int = 0) -> ImportedRow | None:
    texts_in_row = [cell_text(c) for c in cells]
    filled = [i for i, t in enumerate(texts_in_row) if t and i not in spans]
    if not filled:
        return None
    values = {f: cells[c] for c, f in columns.items() if c < len(cells) and c not in spans}
    texts = {f: cell_text(v) for f, v in values.items()}
    headings = [t for t in (term_heading(texts_in_row[i]) for i in filled) if t is not None]
    if headings and (len(filled) == 1 or not texts.get("topic")):
        state.term = headings[0]  # "1 четверть" over the row, perhaps with its hours beside it
        return None
    if len(filled) == 1:
        only = texts_in_row[filled[0]]
        merged_over = filled[0] + 1 in spans
        lesson = _SUMMATIVE.search(fold(only)) or (_REVISION.search(fold(only)) and field_of(only) != "section")
        if merged_over and lesson and not _TOTAL.match(fold(only)):
            values, texts = {"topic": only}, {"topic": only}  # "СОР 1" merged over the row: a lesson
        elif merged_over and not _TOTAL.match(fold(only)):
            state.section = only  # a section written over the whole row
            return None
    if _TOTAL.match(fold(" ".join(texts.values()))) or _TOTAL.match(fold(texts_in_row[filled[0]])):
        return None
    if sum(1 for t in texts.values() if t) > 1 and all(field_of(t) == f for f, t in texts.items() if t):
        return None  # the header repeated (a Word table over several pages)
    term_problem: CellError | None = None
    try:
        term = parse_term(values.get("term"))
    except CellError as error:
        term, term_problem = None, error
    if term is not None:
        state.term = term
    if not any(texts.get(f) for f in ("topic", "objectives", "date", "note")):
        if texts.get("section"):
            state.section = texts["section"]  # a section on a row of its own
        return None  # a numbered but empty row of a template
    numbers = [t for t in texts_in_row if t]
    if all(t.isdigit() for t in numbers) and [int(t) for t in numbers] == list(range(1, len(numbers) + 1)) \
            and len(numbers) > 2:
        return None  # the row that numbers the columns 1, 2, 3 ...
    problems: dict[str, DomainError] = {}

    def problem(error: CellError) -> None:
        problems.setdefault(error.column, error.at(line, record=str(line), field=error.column))

    if term_problem:
        problem(term_problem)
    if texts.get("section"):
        state.section = texts["section"]
    topic = texts.get("topic", "")
    if not topic:
        problem(CellError("topic", NO_TOPIC))
    try:
        hours = parse_hours(values.get("hours"))
    except CellError as error:
        problem(error)
        hours = 1.0
    try:
        day = parse_date(values.get("date"), start_year, group)
    except CellError as error:
        problem(error)
        day = None
    state.number += 1
    row = PlanRow(
        number=state.number, topic=topic, hours=hours, term=state.term, section=state.section,
        objectives=split_objectives(texts.get("objectives", "")), date=day, note=texts.get("note") or None,
    )
    return ImportedRow(line, row, texts, problems)
