"""Which table of the file is the plan, which row is its header, and which column is which.

Teachers head the columns with the glossary's names in Kazakh or Russian (№, бөлім / раздел, сабақтың
тақырыбы / тема урока, оқу мақсаттары / цели обучения, сағат саны / количество часов, мерзімі /
сроки, ескертпе / примечание), often with more words after them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.domain.entities import Language
from desktop_app.domain.errors import N_
from desktop_app.services.file_tables import Cell, cell_text, fold
from desktop_app.services.plan_import.tables import (
    HEADER_SEARCH_ROWS,
    MAX_COLUMNS,
    RawTable,
    is_docx,
    plan_refusal,
    read_tables,
)

FIELDS = ("number", "term", "section", "topic", "objectives", "hours", "date", "note")

#: Column headers as teachers write them (Kazakh, Russian), folded; the first listed field wins.
HEADERS: dict[str, tuple[str, ...]] = {
    "number": ("№", "№ п/п", "№ р/с", "р/с №", "р/с", "реті", "n", "no", "номер", "№ сабақ", "№ урока"),
    "term": ("тоқсан", "тоқсаны", "четверть", "четв."),
    "section": ("бөлім", "бөлімі", "бөлім атауы", "бөлім / ортақ тақырып", "бөлім/ортақ тақырып",
                "бөлім, ортақ тақырып", "ортақ тақырып", "ұзақ мерзімді жоспар бөлімі", "раздел",
                "разделы", "раздел / сквозная тема", "раздел/сквозная тема", "раздел, сквозная тема",
                "сквозная тема", "раздел долгосрочного плана", "название раздела"),
    "topic": ("сабақтың тақырыбы", "сабақ тақырыбы", "тақырыбы", "тақырып", "сабақтың тақырыптары",
              "тема урока", "темы уроков", "тема", "тема занятия"),
    "objectives": ("оқу мақсаттары", "оқу мақсаты", "оқыту мақсаттары", "цели обучения", "цель обучения",
                   "цели"),
    "hours": ("сағат саны", "сағ. саны", "сағат", "сағ", "сағаты", "количество часов", "кол-во часов",
              "кол. часов", "кол-во час.", "количество", "часы", "часов", "часы (кол-во)"),
    "date": ("мерзімі", "күні", "мерзімі / күні", "мерзімі/күні", "өткізу мерзімі", "сроки", "дата",
             "срок", "сроки / дата", "сроки/дата", "сроки проведения", "дата проведения"),
    "note": ("ескертпе", "ескерту", "примечание", "примечания", "прим."),
}
_LOOKUP = {fold(h): f for f, names in HEADERS.items() for h in names}
#: Longest first, so "сағат саны" is tried before "сағат" when a header cell says more.
_PREFIXES = sorted(_LOOKUP, key=len, reverse=True)
_KAZAKH = re.compile("[әғқңөұүһі]")


@dataclass
class PlanTable:
    """The plan's cells in a file: a sheet, a .csv, or a Word table with the tables continuing it.

    Every row has ``width`` cells; ``lines[i]`` is the row number the user sees for ``rows[i]`` (the
    Excel row, the .csv line, or the row counted over the Word document's tables); ``spans[i]`` holds
    the columns that continue a cell merged from their left."""

    rows: list[list[Cell]]
    spans: list[set[int]]
    lines: list[int]
    #: The index of the recognised header row in ``rows``; None when none was recognised.
    header: int | None
    #: The recognised field of each column (column index → a name of ``FIELDS``).
    columns: dict[int, str]
    language: Language

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    @property
    def first_lesson_row(self) -> int:
        """Lessons are read from the row after the header (from the first row without one)."""
        return 0 if self.header is None else self.header + 1

    def text(self, row: int, column: int) -> str:
        cells = self.rows[row]
        return cell_text(cells[column]) if 0 <= column < len(cells) else ""

    def heading(self, column: int) -> str:
        """The header cell of a column ("" without a header row)."""
        return "" if self.header is None else self.text(self.header, column)


def field_of(text: str) -> str | None:
    """The field a header cell names, else None."""
    name = fold(text)
    if not name:
        return None
    if name in _LOOKUP:
        return _LOOKUP[name]
    for prefix in _PREFIXES:  # "Сағат саны (количество часов)", "Тема урока / Сабақтың тақырыбы"
        if name.startswith(prefix) and not name[len(prefix):len(prefix) + 1].isalnum():
            return _LOOKUP[prefix]
    return None


def detect_columns(rows: Sequence[Sequence[Cell]], *,
                   strict: bool = True) -> tuple[int, dict[int, str], Language] | None:
    """The header row's index, its columns' fields, and the language of the headers; None when none
    of the first rows names the topic and two other columns (not ``strict``: any three columns, for
    a preview where the user chooses the rest)."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[int, str] = {}
        kazakh = False
        for column, cell in enumerate(row):
            text = cell_text(cell)
            found = field_of(text)
            if found is not None and found not in columns.values():
                columns[column] = found
                kazakh = kazakh or bool(_KAZAKH.search(fold(text)))
        found_fields = set(columns.values())
        if ("topic" in found_fields or not strict) and len(found_fields) >= 3:
            return index, columns, Language.KK if kazakh else Language.RU
    return None


def read_table(name: str, data: bytes) -> PlanTable:
    """The plan's table with the columns recognised from its header row, if it has one.

    An .xlsx gives its first sheet with a header (else its first sheet with anything in it); a .docx
    its first table with a header and the tables of the same width after it (a KTP split per term or
    page; title pages and signature tables are left out), else its largest table."""
    tables = read_tables(name, data)
    docx = is_docx(name)
    bases, base = [], 0
    for table in tables:
        bases.append(base if docx else 0)
        base += len(table.rows)
    with_header = [i for i, t in enumerate(tables) if detect_columns(t.rows) is not None] or \
        [i for i, t in enumerate(tables) if detect_columns(t.rows, strict=False) is not None]
    filled = [i for i, t in enumerate(tables) if any(cell_text(c) for r in t.rows for c in r)]
    if not filled:
        raise plan_refusal(N_("The file holds no table with text; a KTP is a table of lessons"))
    if with_header:
        parts = [with_header[0]]
        if docx:
            width = _width(tables[parts[0]])
            parts += [i for i in range(parts[0] + 1, len(tables)) if _width(tables[i]) == width]
    else:
        parts = [max(filled, key=lambda i: len(tables[i].rows)) if docx else filled[0]]
    rows: list[list[Cell]] = []
    spans: list[set[int]] = []
    lines: list[int] = []
    for index in parts:
        table = tables[index]
        rows += table.rows
        spans += table.spans
        lines += [bases[index] + r + 1 for r in range(len(table.rows))]
    width = max((c + 1 for row in rows for c, cell in enumerate(row) if cell_text(cell)), default=0)
    if width > MAX_COLUMNS:
        raise plan_refusal(N_("The table has {count} columns; a KTP has about ten"), count=width)
    rows = [[*row[:width], *[None] * (width - len(row))] for row in rows]
    found = detect_columns(rows) or detect_columns(rows, strict=False)
    if found is None:
        return PlanTable(rows, spans, lines, None, {}, _language_of(rows))
    header, columns, language = found
    return PlanTable(rows, spans, lines, header, columns, language)


def _width(table: RawTable) -> int:
    return max((len(r) for r in table.rows), default=0)


def _language_of(rows: Sequence[Sequence[Cell]]) -> Language:
    """Kazakh when at least half of the first rows with text have Kazakh letters."""
    texts = [fold(" ".join(cell_text(c) for c in row)) for row in rows[:60]]
    texts = [t for t in texts if t]
    kazakh = sum(1 for t in texts if _KAZAKH.search(t))
    return Language.KK if texts and kazakh * 2 >= len(texts) else Language.RU
