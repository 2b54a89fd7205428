"""Which table of the file is the plan, which row is its header, and which column is which.

Teachers head the columns with the glossary's names in Kazakh or Russian (№, бөлім / раздел, сабақтың
тақырыбы / тема урока, оқу мақсаттары / цели обучения, сағат саны / количество часов, мерзімі /
сроки, ескертпе / примечание), often with more words after them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

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

#: Column headings as teachers write them (Kazakh, Russian); each is recognised by ``field_of``, which
#: reads the words' stems, so other cases, numbers, abbreviations and spellings are recognised too.
HEADERS: dict[str, tuple[str, ...]] = {
    "number": ("№", "№ п/п", "№ р/с", "р/с №", "р/с", "реті", "n", "no", "номер", "№ сабақ", "№ урока"),
    "term": ("тоқсан", "тоқсаны", "четверть", "четв."),
    "section": ("бөлім", "бөлімі", "бөлім атауы", "бөлім / ортақ тақырып", "бөлім/ортақ тақырып",
                "бөлім, ортақ тақырып", "ортақ тақырып", "ұзақ мерзімді жоспар бөлімі", "раздел",
                "разделы", "раздел / сквозная тема", "раздел/сквозная тема", "раздел, сквозная тема",
                "сквозная тема", "сквозные темы", "раздел долгосрочного плана", "название раздела"),
    "topic": ("сабақтың тақырыбы", "сабақ тақырыбы", "тақырыбы", "тақырып", "сабақтың тақырыптары",
              "тема урока", "темы уроков", "тема", "тема занятия"),
    "objectives": ("оқу мақсаттары", "оқу мақсаты", "оқыту мақсаттары", "цели обучения", "цель обучения",
                   "цели", "сабақ мақсаты"),
    "hours": ("сағат саны", "сағ. саны", "сағат", "сағ", "сағаты", "количество часов", "кол-во часов",
              "кол. часов", "кол-во час.", "количество", "кол-во", "часы", "часов", "часы (кол-во)", "кол-во ч."),
    "date": ("мерзімі", "күні", "мерзімі / күні", "мерзімі/күні", "өткізу мерзімі", "сроки", "дата",
             "срок", "сроки / дата", "сроки/дата", "сроки проведения", "дата проведения", "даты", "дата по плану"),
    "note": ("ескертпе", "ескерту", "примечание", "примечания", "прим."),
}
_KAZAKH = re.compile("[әғқңөұүһі]")
#: Kazakh letters as the Russian ones people type for them (тоқсан, токсан): the stems are written so.
_LOOSE = str.maketrans("әғқңөұүһіi", "агкноуухии")
_WORD = re.compile(r"№|[^\W_]+")
#: The stems of each field, in the order tried: a heading naming two fields ("ұзақ мерзімді жоспар
#: бөлімі": section, not date; "сроки изучения темы": date, not topic) is the first one's.
_STEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("section", ("раздел", "болим", "сквозн", "ортак", "модул")),
    ("hours", ("час", "саг")),
    ("date", ("дат", "срок", "мерзим")),
    ("objectives", ("цел", "макс")),
    ("topic", ("тем", "такыры")),
    ("note", ("примеч", "прим", "ескерт")),
    ("term", ("четв", "токсан")),
)
_NOT_STEMS = ("част", "темп", "целик", "датч", "максим")
_EXACT = {"ч": "hours", "кол": "hours", "количество": "hours", "колво": "hours", "кун": "date",
          "куни": "date", "кундер": "date", "число": "date"}
_NUMBER_WORDS = frozenset({"№", "n", "no", "н", "номер", "номери", "рети", "рет", "реттик", "п", "р", "с", "пп",
                           "саны", "сабак", "урок", "урока", "уроков", "сабактын", "занятия"})
_NUMBER_MARKS = frozenset({"№", "n", "no", "номер", "номери", "рети", "пп"})
#: Sub-headings under a date heading that are not the plan's date ("фактически", "нақты").
_FACT = ("факт", "накты", "нактылы")
#: A class under a date heading: "7А", "7 «Б»", "10-В".
_CLASS_LABEL = re.compile(r"^(1[0-2]|[1-9])\s?-?\s?[«\"']?([a-zа-яёәғқңөұүһі])[»\"']?(\s*(сынып|класс|кл\.?))?$",
                          re.IGNORECASE)


def heading_words(text: str) -> list[str]:
    """The words of a heading, folded and with Kazakh letters as people type them with Russian ones;
    "кол-во" and "р/с" are one word each."""
    folded = fold(text).translate(_LOOSE)
    folded = re.sub(r"\b(кол|к)\s*[-.]\s*(во)\b", r"колво", folded)
    folded = re.sub(r"\b(п|р)\s*/\s*(п|с)\b", r"пп", folded)
    return _WORD.findall(folded)


def field_of(text: str) -> str | None:
    """The field a heading names, read as a person reads it: by its words' stems in Kazakh or Russian,
    in any case, number or spelling, abbreviated or over several lines; None for other headings
    ("Үй тапсырмасы", "Ресурсы") and for the fact date beside the planned one."""
    words = heading_words(text)
    if not words:
        return None
    if any(w.startswith(_FACT) for w in words):
        return None
    if set(words) & _NUMBER_MARKS and set(words) <= _NUMBER_WORDS:
        return "number"
    for name, stems in _STEMS:
        if any(w.startswith(stems) and not w.startswith(_NOT_STEMS) for w in words):
            return name
    for word in words:
        if word in _EXACT:
            return _EXACT[word]
    return None


def class_label(text: str) -> str | None:
    """"7А" for a sub-heading "7 А", "7 «А» сынып"; None when it is not a class."""
    match = _CLASS_LABEL.match(" ".join(text.split()))
    return f"{match.group(1)}{match.group(2).upper()}" if match else None


@dataclass
class Header:
    """A recognised header (one row, or a group heading over sub-headings): where it is and what
    each column holds."""

    row: int
    rows: int
    columns: dict[int, str]
    language: Language
    headings: dict[int, str]
    #: Fields that two or more columns seem to hold: left for the user to choose (field → columns).
    ambiguous: dict[str, list[int]]
    #: Date columns of one class each (column, class) under one date heading.
    groups: list[tuple[int, str]]


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
    #: Rows the header takes (2: a group heading over sub-headings).
    header_rows: int = 1
    #: The heading of each column as read over the header rows ("Сроки / 7А").
    headings: dict[int, str] = field(default_factory=dict)
    #: Fields that two or more columns seem to hold, not chosen: the preview asks the user.
    ambiguous: dict[str, list[int]] = field(default_factory=dict)
    #: Date columns of one class each: (column, class), in the order of the file.
    groups: list[tuple[int, str]] = field(default_factory=list)

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    @property
    def first_lesson_row(self) -> int:
        """Lessons are read from the row after the header (from the first row without one)."""
        return 0 if self.header is None else self.header + self.header_rows

    def text(self, row: int, column: int) -> str:
        cells = self.rows[row]
        return cell_text(cells[column]) if 0 <= column < len(cells) else ""

    def heading(self, column: int) -> str:
        """The header cell of a column ("" without a header row); over two rows, both."""
        if column in self.headings:
            return self.headings[column]
        return "" if self.header is None else self.text(self.header, column)

    def columns_for(self, group: int, columns: dict[int, str] | None = None) -> dict[int, str]:
        """``columns`` (by default the recognised ones) with the date read from the column of the
        ``group``-th class when the dates are given per class in columns of their own."""
        chosen = dict(self.columns if columns is None else columns)
        if 0 <= group < len(self.groups):
            for column in [c for c, f in chosen.items() if f == "date"]:
                del chosen[column]
            chosen[self.groups[group][0]] = "date"
        return chosen


def _merged_text(rows: Sequence[Sequence[Cell]], spans: Sequence[set[int]], row: int, column: int) -> str:
    """The text of the cell merged over ``column`` from its left (its own text when not merged)."""
    while column > 0 and column in spans[row]:
        column -= 1
    return cell_text(rows[row][column]) if column < len(rows[row]) else ""


def _sub_row(rows: Sequence[Sequence[Cell]], spans: Sequence[set[int]], index: int) -> bool:
    """Whether the row after ``index`` holds sub-headings of a group heading merged over them (or of
    columns left empty above): class labels, "по плану / факт", or headings of fields."""
    if index + 1 >= len(rows):
        return False
    top, below = rows[index], rows[index + 1]
    if sum(1 for c, cell in enumerate(top) if cell_text(cell) and c not in spans[index]) < 2:
        return False  # a title merged over the table is no group heading
    grouped = spans[index] | {c - 1 for c in spans[index]}
    differing = 0
    for column, cell in enumerate(below):
        text = cell_text(cell)
        above = cell_text(top[column]) if column < len(top) else ""
        if not text or text == above:
            continue
        if column not in grouped and above:
            return False
        if field_of(text) is None and class_label(text) is None and \
                not any(w.startswith(("план", "жоспар", *_FACT)) for w in heading_words(text)):
            return False
        differing += 1
    return differing > 0


def _header_at(rows: Sequence[Sequence[Cell]], spans: Sequence[set[int]], index: int) -> Header:
    """The header read from the row ``index`` (and its sub-headings in the next row, if any)."""
    two = _sub_row(rows, spans, index)
    headings: dict[int, str] = {}
    found: dict[int, str] = {}
    classes: dict[int, str] = {}
    kazakh = False
    for column in range(len(rows[index])):
        top = _merged_text(rows, spans, index, column) if column in spans[index] else cell_text(rows[index][column])
        sub = cell_text(rows[index + 1][column]) if two and column < len(rows[index + 1]) else ""
        sub = "" if sub == top else sub
        headings[column] = f"{top} / {sub}" if top and sub else top or sub
        name = field_of(top)
        if sub:
            label = class_label(sub)
            if label is not None and name == "date":
                classes[column] = label
            elif any(w.startswith(_FACT) for w in heading_words(sub)):
                name = None
            else:
                name = field_of(sub) or name
        if name is not None:
            found[column] = name
            kazakh = kazakh or bool(_KAZAKH.search(fold(headings[column])))
    by_field: dict[str, list[int]] = {}
    for column, name in found.items():
        by_field.setdefault(name, []).append(column)
    groups = [(c, classes[c]) for c in sorted(classes)] if len(classes) > 1 else []
    columns: dict[int, str] = {}
    ambiguous: dict[str, list[int]] = {}
    for name, where in by_field.items():
        if name == "date" and groups and {c for c, _label in groups} >= set(where):
            columns[groups[0][0]] = name
        elif len(where) == 1:
            columns[where[0]] = name
        else:
            ambiguous[name] = where
    return Header(index, 2 if two else 1, columns, Language.KK if kazakh else Language.RU,
                  headings if two else {}, ambiguous, groups)


def find_header(rows: Sequence[Sequence[Cell]], spans: Sequence[set[int]] | None = None, *,
                strict: bool = True) -> Header | None:
    """The header: the first of the first rows (after a title block or approval stamps) that, with
    its sub-headings, names the topic and two other fields (not ``strict``: any three fields, for a
    preview where the user chooses the rest); a field two columns seem to hold counts as named."""
    spans = spans if spans is not None else [set() for _ in rows]
    for index in range(min(len(rows), HEADER_SEARCH_ROWS)):
        if not any(cell_text(c) for c in rows[index]):
            continue
        header = _header_at(rows, spans, index)
        fields = set(header.columns.values()) | set(header.ambiguous)
        if ("topic" in fields or not strict) and len(fields) >= 3:
            return header
    return None


def detect_columns(rows: Sequence[Sequence[Cell]], *,
                   strict: bool = True) -> tuple[int, dict[int, str], Language] | None:
    """The header row's index, its columns' fields, and the language of the headers (``find_header``
    of a table without merged cells)."""
    header = find_header(rows, strict=strict)
    return None if header is None else (header.row, header.columns, header.language)


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
    with_header = [i for i, t in enumerate(tables) if find_header(t.rows, t.spans) is not None] or \
        [i for i, t in enumerate(tables) if find_header(t.rows, t.spans, strict=False) is not None]
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
    found = find_header(rows, spans) or find_header(rows, spans, strict=False)
    if found is None:
        return PlanTable(rows, spans, lines, None, {}, _language_of(rows))
    return PlanTable(rows, spans, lines, found.row, found.columns, found.language, found.rows, found.headings,
                     found.ambiguous, found.groups)


def _width(table: RawTable) -> int:
    return max((len(r) for r in table.rows), default=0)


def _language_of(rows: Sequence[Sequence[Cell]]) -> Language:
    """Kazakh when at least half of the first rows with text have Kazakh letters."""
    texts = [fold(" ".join(cell_text(c) for c in row)) for row in rows[:60]]
    texts = [t for t in texts if t]
    kazakh = sum(1 for t in texts if _KAZAKH.search(t))
    return Language.KK if texts and kazakh * 2 >= len(texts) else Language.RU
