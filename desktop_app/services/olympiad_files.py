"""The olympiad register to and from .xlsx: a header-mapped import with a problem per bad cell
(nothing is written here; ``OlympiadService.import_results`` saves all rows or none) and the export.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop_app.domain.entities import (
    OlympiadKind,
    OlympiadLevel,
    OlympiadOutcome,
    OlympiadResult,
    Subject,
    Teacher,
)
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.domain.labels import (
    OLYMPIAD_OUTCOME_LABELS,
    OLYMPIAD_PLACE_LABEL,
)
from desktop_app.domain.olympiads import olympiad_errors
from desktop_app.domain.plan_cells import CellError
from desktop_app.domain.text import fold
from desktop_app.services.file_tables import (
    Cell,
    ImportFileError,
    cell_date,
    cell_text,
    check_package,
    check_size,
    excel_cell,
    read_bytes,
    refuse,
)

MAX_ROWS = 5000
HEADER_SEARCH_ROWS = 10
TOO_LARGE = N_("The file is larger than {size} MB; a register of olympiads is much smaller")

#: Column headers as schools write them (Kazakh, Russian, English).
HEADERS: dict[str, tuple[str, ...]] = {
    "pupil": ("оқушының аты-жөні", "оқушы", "аты-жөні", "фио учащегося", "фио ученика", "учащийся", "ученик",
              "фио", "pupil"),
    "class_name": ("сынып", "сыныбы", "класс", "class"),
    "subject": ("пән", "пәні", "предмет", "subject"),
    "teacher": ("мұғалім", "мұғалімі", "жетекші", "жетекшісі", "учитель", "педагог", "руководитель", "teacher"),
    "level": ("деңгей", "деңгейі", "уровень", "level"),
    "stage": ("кезең", "кезеңі", "этап", "stage"),
    "kind": ("түрі", "вид", "kind"),
    "title": ("атауы", "байқаудың атауы", "олимпиаданың атауы", "название", "наименование", "title"),
    "outcome": ("нәтиже", "нәтижесі", "результат", "result"),
    "on": ("күні", "өткізілген күні", "дата", "date"),
}
REQUIRED = ("pupil", "class_name", "subject", "teacher", "level", "outcome")

LEVELS: dict[str, OlympiadLevel] = {
    **{w: OlympiadLevel.SCHOOL for w in ("мектеп", "мектепішілік", "школьный", "школа", "school")},
    **{w: OlympiadLevel.DISTRICT for w in ("аудан", "аудандық", "районный", "район", "district")},
    **{w: OlympiadLevel.CITY for w in ("қала", "қалалық", "городской", "город", "city")},
    **{w: OlympiadLevel.REGIONAL for w in ("облыс", "облыстық", "областной", "область", "regional")},
    **{w: OlympiadLevel.REPUBLICAN for w in ("республика", "республикалық", "республиканский", "republican")},
    **{w: OlympiadLevel.INTERNATIONAL for w in ("халықаралық", "международный", "international")},
}
KINDS: dict[str, OlympiadKind] = {
    **{w: OlympiadKind.OLYMPIAD for w in ("олимпиада", "пәндік олимпиада", "предметная олимпиада", "olympiad")},
    **{w: OlympiadKind.CONTEST for w in ("конкурс", "байқау", "contest")},
    **{w: OlympiadKind.PROJECTS for w in ("ғылыми жобалар", "жобалар", "ғылыми жобалар байқауы", "научные проекты",
                                          "проекты", "конкурс научных проектов", "projects",
                                          "competition of research projects")},
}
OUTCOMES: dict[str, OlympiadOutcome] = {
    **{w: OlympiadOutcome.PARTICIPANT for w in ("қатысушы", "участник", "участие", "participant")},
    **{w: OlympiadOutcome.WINNER for w in ("жеңімпаз", "победитель", "winner")},
    **{w: OlympiadOutcome.CERTIFICATE for w in ("сертификат", "қатысушы сертификаты", "сертификат участника",
                                                "certificate")},
}
PLACE = re.compile(r"(1|2|3|i{1,3})\s*-?\s*(орын|место|place)?")


class OlympiadFileError(ImportFileError):
    """The file as a whole is refused (too large, not a workbook, no header row)."""


@dataclass
class OlympiadRow:
    line: int
    result: OlympiadResult
    problems: dict[str, DomainError] = field(default_factory=dict)


@dataclass
class OlympiadFile:
    rows: list[OlympiadRow]

    @property
    def problems(self) -> list[DomainError]:
        return [p for r in self.rows for p in r.problems.values()]

    @property
    def importable(self) -> bool:
        return bool(self.rows) and not self.problems

    def results(self) -> list[OlympiadResult]:
        return [r.result for r in self.rows]


def _xlsx_rows(data: bytes) -> list[list[Cell]]:
    check_size(data, TOO_LARGE, OlympiadFileError)
    not_workbook = refuse(N_("The file is not an Excel workbook (.xlsx), though it is named so"), OlympiadFileError)
    check_package(data, "xl/workbook.xml", not_workbook)
    from openpyxl import load_workbook  # type: ignore[import-untyped]  # only here: a fast start

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            rows = []
            for row in workbook.worksheets[0].iter_rows(values_only=True):
                rows.append([excel_cell(c) for c in row])
                if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                    raise refuse(N_("The list has more than {count} rows"), OlympiadFileError, count=MAX_ROWS)
            return rows
        finally:
            workbook.close()
    except OlympiadFileError:
        raise
    except Exception as error:  # openpyxl raises many kinds on a broken workbook
        raise not_workbook from error


def _header(rows: Sequence[Sequence[Cell]]) -> tuple[int, dict[int, str]]:
    lookup = {fold(h): f for f, names in HEADERS.items() for h in names}
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[int, str] = {}
        for column, cell in enumerate(row):
            name = lookup.get(fold(cell_text(cell)))
            if name is not None and name not in columns.values():
                columns[column] = name
        if set(REQUIRED) <= set(columns.values()):
            return index, columns
    raise refuse(N_("No header row found: the register needs the columns pupil, class, subject, teacher, "
                    "level and result («Оқушы» / «Ученик», «Сынып» / «Класс», «Пән» / «Предмет», "
                    "«Мұғалім» / «Учитель», «Деңгейі» / «Уровень», «Нәтижесі» / «Результат»)"), OlympiadFileError)


def _names(subjects: Iterable[Subject], teachers: Iterable[Teacher]) -> tuple[dict[str, str], dict[str, str]]:
    by_subject: dict[str, str] = {}
    for subject in subjects:
        for text in (subject.id, subject.name.kk, subject.name.ru):
            if text:
                by_subject[fold(text)] = subject.id
    by_teacher: dict[str, str] = {}
    surnames: dict[str, list[str]] = {}
    for teacher in teachers:
        by_teacher[fold(teacher.full_name)] = teacher.id
        by_teacher[fold(teacher.short_name)] = teacher.id
        surnames.setdefault(fold(teacher.last_name), []).append(teacher.id)
    for surname, ids in surnames.items():
        if len(ids) == 1:
            by_teacher.setdefault(surname, ids[0])
    return by_subject, by_teacher


def parse_olympiads(name: str, data: bytes, academic_year: str, window: tuple[date, date],
                    subjects: Iterable[Subject], teachers: Iterable[Teacher]) -> OlympiadFile:
    """Every row of the file as a result, with the problems of its cells (nothing is written)."""
    if Path(name).suffix.lower() != ".xlsx":
        raise refuse(N_("A register of olympiads is read from .xlsx files"), OlympiadFileError)
    rows = _xlsx_rows(data)
    start, columns = _header(rows)
    by_subject, by_teacher = _names(subjects, teachers)
    parsed = []
    for line, row in enumerate(rows[start + 1:], start=start + 2):
        cells = {f: row[c] for c, f in columns.items() if c < len(row)}
        if any(cell_text(v) for v in cells.values()):
            parsed.append(_row(line, cells, academic_year, window, by_subject, by_teacher))
    if not parsed:
        raise refuse(N_("The file has a header row but no results under it"), OlympiadFileError)
    return OlympiadFile(parsed)


def _row(line: int, cells: dict[str, Cell], academic_year: str, window: tuple[date, date],
         subjects: dict[str, str], teachers: dict[str, str]) -> OlympiadRow:
    texts = {f: cell_text(v) for f, v in cells.items()}
    problems: dict[str, DomainError] = {}

    def problem(column: str, message: str, **params: object) -> None:
        problems.setdefault(column, DomainError(Rule.VALUE, message, {"line": line, **params},
                                                record=str(line), field=column))

    for column in REQUIRED:
        if not texts.get(column):
            problem(column, N_("Row {line}: the column «{header}» is empty"), header=HEADERS[column][0])
    subject = subjects.get(fold(texts.get("subject", "")))
    if subject is None and texts.get("subject"):
        problem("subject", N_("Row {line}: there is no subject «{subject}» in the school"), subject=texts["subject"])
    teacher = teachers.get(fold(texts.get("teacher", "")))
    if teacher is None and texts.get("teacher"):
        problem("teacher", N_("Row {line}: there is no teacher «{name}» in the staff list"), name=texts["teacher"])
    level = LEVELS.get(fold(texts.get("level", "")).removesuffix(" деңгей").removesuffix(" уровень"))
    if level is None and texts.get("level"):
        problem("level", N_("Row {line}: unknown level «{value}»"), value=texts["level"])
    kind = KINDS.get(fold(texts.get("kind", "")) or "olympiad")
    if kind is None:
        problem("kind", N_("Row {line}: unknown kind «{value}»"), value=texts["kind"])
    outcome, place = _outcome(texts.get("outcome", ""))
    if outcome is None and texts.get("outcome"):
        problem("outcome", N_("Row {line}: unknown result «{value}»"), value=texts["outcome"])
    on = None
    try:
        on = cell_date(cells.get("on"), None)
    except CellError as error:
        problems.setdefault("on", error.at(line, record=str(line), field="on"))
    result = OlympiadResult(
        "", academic_year, texts.get("pupil", ""), texts.get("class_name", ""), subject or "", teacher or "",
        level or OlympiadLevel.SCHOOL, kind or OlympiadKind.OLYMPIAD, outcome or OlympiadOutcome.PARTICIPANT,
        place, texts.get("stage") or None, texts.get("title") or None, on)
    if not problems:
        for refusal in olympiad_errors(result, window):  # its message without the row: the table shows it
            problems.setdefault(refusal.field or "", DomainError(
                refusal.rule, refusal.message, {**refusal.params, "line": line}, record=str(line),
                field=refusal.field))
    return OlympiadRow(line, result, problems)


def _outcome(text: str) -> tuple[OlympiadOutcome | None, int | None]:
    folded = fold(text)
    if folded in OUTCOMES:
        return OUTCOMES[folded], None
    match = PLACE.fullmatch(folded)
    if match:
        place = match.group(1)
        return OlympiadOutcome.PRIZE, int(place) if place.isdigit() else len(place)
    return None, None


def read_olympiad_file(path: Path, academic_year: str, window: tuple[date, date],
                       subjects: Iterable[Subject], teachers: Iterable[Teacher]) -> OlympiadFile:
    data = read_bytes(path, TOO_LARGE, OlympiadFileError)
    return parse_olympiads(path.name, data, academic_year, window, subjects, teachers)


def outcome_text(result: OlympiadResult, translate: Callable[[str], str]) -> str:
    """The result as a register shows it: «2 орын» / «2 место», else the outcome's name."""
    if result.outcome is OlympiadOutcome.PRIZE and result.place:
        return translate(OLYMPIAD_PLACE_LABEL).format(place=result.place)
    return translate(OLYMPIAD_OUTCOME_LABELS[result.outcome])


__all__ = ["OlympiadFile", "OlympiadFileError", "OlympiadRow", "outcome_text", "parse_olympiads",
           "read_olympiad_file"]
