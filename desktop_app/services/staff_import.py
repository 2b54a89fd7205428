"""Reading a staff list from .xlsx or .csv into teachers, with a problem per bad cell; writes nothing.

The window shows every row and every problem before the user confirms; the import itself is
``TeacherService.import_staff`` (all rows in one transaction).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop_app.domain.entities import Category, LocalizedText, Subject, Teacher
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.domain.plan_cells import CellError
from desktop_app.services.file_tables import (
    Cell,
    ImportFileError,
    cell_date,
    cell_text,
    check_package,
    check_size,
    excel_cell,
    fold,
    read_bytes,
    refuse,
)

MAX_ROWS = 5000
HEADER_SEARCH_ROWS = 10

FIELDS = ("last_name", "first_name", "patronymic", "position", "subjects", "category",
          "category_awarded", "career_start")

#: Column headers as schools write them (Kazakh, Russian, English), folded; "full_name" is split.
HEADERS: dict[str, tuple[str, ...]] = {
    "full_name": ("аты-жөні", "тегі, аты, әкесінің аты", "фио", "ф.и.о.", "ф. и. о.", "фамилия, имя, отчество",
                  "full name"),
    "last_name": ("тегі", "фамилия", "last name", "surname"),
    "first_name": ("аты", "есімі", "имя", "first name"),
    "patronymic": ("әкесінің аты", "әкесінің есімі", "отчество", "patronymic"),
    "position": ("лауазымы", "лауазым", "должность", "position"),
    "subjects": ("пәндері", "пәні", "пән", "предметы", "предмет", "subjects", "subject"),
    "category": ("санаты", "біліктілік санаты", "категория", "квалификационная категория", "category"),
    "category_awarded": ("берілген күні", "санат берілген күні", "дата присвоения", "дата присвоения категории",
                         "category awarded", "awarded on"),
    "career_start": ("педагогикалық жұмыс басталған күн", "педагогикалық өтілі басталған күн",
                     "начало педагогической деятельности", "начало педагогической работы", "career start"),
}
KAZAKH_HEADERS = frozenset(h for names in HEADERS.values() for h in names if re.search("[әғқңөұүһі]", h)) | {
    "аты", "тегі", "лауазымы", "лауазым", "санаты", "пәні", "пән"}

CATEGORY_NAMES: dict[str, Category] = {
    "": Category.NONE, "-": Category.NONE, "—": Category.NONE, "жоқ": Category.NONE, "санатсыз": Category.NONE,
    "нет": Category.NONE, "без категории": Category.NONE, "none": Category.NONE,
    "педагог": Category.PEDAGOG, "pedagog": Category.PEDAGOG,
    "модератор": Category.MODERATOR, "педагог-модератор": Category.MODERATOR, "moderator": Category.MODERATOR,
    "сарапшы": Category.EXPERT, "педагог-сарапшы": Category.EXPERT, "эксперт": Category.EXPERT,
    "педагог-эксперт": Category.EXPERT, "expert": Category.EXPERT,
    "зерттеуші": Category.RESEARCHER, "педагог-зерттеуші": Category.RESEARCHER,
    "исследователь": Category.RESEARCHER, "педагог-исследователь": Category.RESEARCHER,
    "researcher": Category.RESEARCHER,
    "шебер": Category.MASTER, "педагог-шебер": Category.MASTER, "мастер": Category.MASTER,
    "педагог-мастер": Category.MASTER, "master": Category.MASTER,
}

class StaffFileError(ImportFileError):
    """The staff list as a whole is refused (too large, not a workbook, no header row)."""


@dataclass
class StaffRow:
    """One teacher of the file: ``line`` is the row number the user sees in Excel."""

    line: int
    teacher: Teacher
    texts: dict[str, str]
    problems: dict[str, DomainError] = field(default_factory=dict)


@dataclass
class StaffFile:
    rows: list[StaffRow]
    columns: list[str]

    @property
    def problem_count(self) -> int:
        return sum(len(r.problems) for r in self.rows)

    @property
    def importable(self) -> bool:
        return bool(self.rows) and self.problem_count == 0

    def teachers(self) -> list[Teacher]:
        return [r.teacher for r in self.rows]


def _refuse(message: str, **params: object) -> ImportFileError:
    return refuse(message, StaffFileError, **params)


# Dates ----------------------------------------------------------------------------------------
def parse_date(value: Cell) -> date | None:
    """dd.mm.yyyy, yyyy-mm-dd and the other full forms of ``plan_cells.parse_date`` (dd.mm has no
    school year here and is refused), an Excel date or serial number (in a .csv too, as digits);
    None when empty; ``CellError`` otherwise."""
    text = cell_text(value)
    if isinstance(value, str) and re.fullmatch("[0-9]{1,6}", text):
        return cell_date(int(text), None)
    return cell_date(value, None)


# Reading the file -----------------------------------------------------------------------------
def read_rows(name: str, data: bytes) -> list[list[Cell]]:
    """The cells of the first sheet (.xlsx) or of the text (.csv); refuses what is not such a file."""
    check_size(data, N_("The file is larger than {size} MB; a staff list is much smaller"), StaffFileError)
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        return _xlsx_rows(data)
    if suffix == ".csv":
        return _csv_rows(data)
    if suffix == ".xls":
        raise _refuse(N_("Old Excel files (.xls) are not read; save the list as .xlsx"))
    raise _refuse(N_("A staff list is read from .xlsx or .csv files"))


def _xlsx_rows(data: bytes) -> list[list[Cell]]:
    not_workbook = _refuse(N_("The file is not an Excel workbook (.xlsx), though it is named so"))
    check_package(data, "xl/workbook.xml", not_workbook)
    from openpyxl import load_workbook  # type: ignore[import-untyped]  # only here: a fast start

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            rows: list[list[Cell]] = []
            for row in sheet.iter_rows(values_only=True):
                rows.append([excel_cell(c) for c in row])
                if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                    break
            return rows
        finally:
            workbook.close()
    except Exception as error:  # openpyxl raises many kinds on a broken workbook
        raise not_workbook from error


def _csv_rows(data: bytes) -> list[list[Cell]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1251", errors="replace")  # Excel "CSV" in a Russian Windows
    sample = "\n".join(text.splitlines()[:5])
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:
        delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


# Parsing --------------------------------------------------------------------------------------
def _header(rows: Sequence[Sequence[Cell]]) -> tuple[int, dict[int, str], bool]:
    """The header row's index, its columns' fields, and whether the headers are Kazakh."""
    lookup = {fold(h): f for f, names in HEADERS.items() for h in names}
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[int, str] = {}
        kazakh = False
        for column, cell in enumerate(row):
            name = fold(cell_text(cell))
            if name in lookup and lookup[name] not in columns.values():
                columns[column] = lookup[name]
                kazakh = kazakh or name in KAZAKH_HEADERS
        found = set(columns.values())
        if {"last_name", "first_name"} <= found or "full_name" in found:
            return index, columns, kazakh
    raise _refuse(N_("No header row found: the list needs columns such as «Тегі» / «Фамилия» and "
                      "«Аты» / «Имя»"))


def parse_staff(name: str, data: bytes, subjects: Iterable[Subject], today: date,
                existing: Iterable[Teacher] = ()) -> StaffFile:
    """Every row of the file as a teacher, with the problems of its cells (nothing is written)."""
    rows = read_rows(name, data)
    start, columns, kazakh = _header(rows)
    by_name: dict[str, str] = {}
    for subject in subjects:
        for text in (subject.id, subject.name.kk, subject.name.ru):
            if text:
                by_name[fold(text)] = subject.id
    known = {fold(t.full_name) for t in existing}
    parsed: list[StaffRow] = []
    seen: set[str] = set()
    for offset, row in enumerate(rows[start + 1:], start=start + 2):
        cells = {f: row[c] for c, f in columns.items() if c < len(row)}
        if not any(cell_text(v) for v in cells.values()):
            continue
        if len(parsed) >= MAX_ROWS:
            raise _refuse(N_("The list has more than {count} rows"), count=MAX_ROWS)
        parsed.append(_row(offset, cells, by_name, kazakh, today, known, seen))
    return StaffFile(parsed, sorted(set(columns.values()), key=lambda f: list(HEADERS).index(f)))


def _row(line: int, cells: dict[str, Cell], subjects: dict[str, str], kazakh: bool, today: date,
         known: set[str], seen: set[str]) -> StaffRow:
    texts = {f: cell_text(v) for f, v in cells.items()}
    problems: dict[str, DomainError] = {}

    def problem(column: str, message: str, **params: object) -> None:
        problems.setdefault(column, DomainError(Rule.VALUE, message, {"line": line, **params},
                                                record=str(line), field=column))

    if "full_name" in texts and not texts.get("last_name"):
        parts = texts.pop("full_name").split()
        texts["last_name"] = parts[0] if parts else ""
        texts["first_name"] = parts[1] if len(parts) > 1 else texts.get("first_name", "")
        texts["patronymic"] = " ".join(parts[2:]) or texts.get("patronymic", "")
    texts.pop("full_name", None)
    for required in ("last_name", "first_name"):
        if not texts.get(required):
            problem(required, N_("Row {line}: the last name and the first name are required"))
    subject_ids: list[str] = []
    for part in re.split(r"[,;]", texts.get("subjects", "")):
        if not part.strip():
            continue
        subject = subjects.get(fold(part))
        if subject is None:
            problem("subjects", N_("Row {line}: there is no subject «{subject}» in the school"), subject=part.strip())
        elif subject not in subject_ids:
            subject_ids.append(subject)
    category = CATEGORY_NAMES.get(fold(texts.get("category", "")))
    if category is None:
        problem("category", N_("Row {line}: unknown category «{category}»"), category=texts["category"])
    dates: dict[str, date | None] = {}
    for column in ("category_awarded", "career_start"):
        try:
            dates[column] = parse_date(cells.get(column))
        except CellError as error:
            problems.setdefault(column, error.at(line, record=str(line), field=column))
            dates[column] = None
            continue
        day = dates[column]
        if day is not None and not date(1940, 1, 1) <= day <= today:
            problem(column, N_("Row {line}: the date {value} is in the future or too far in the past"),
                    value=day)  # rendered as dd.mm.yyyy with the message
    if dates.get("category_awarded") and category is Category.NONE:
        problem("category", N_("Row {line}: a category award date needs a category"))
    teacher = Teacher(
        id="", last_name=texts.get("last_name", ""), first_name=texts.get("first_name", ""),
        patronymic=texts.get("patronymic") or None,
        position=_position(texts.get("position", ""), kazakh), subjects=subject_ids,
        category=category or Category.NONE, category_awarded=dates.get("category_awarded"),
        career_start=dates.get("career_start"),
    )
    key = fold(teacher.full_name)
    if key and key in known:
        problem("last_name", N_("Row {line}: {name} is already in the staff list"), name=teacher.full_name)
    elif key and key in seen:
        problem("last_name", N_("Row {line}: {name} is listed twice in the file"), name=teacher.full_name)
    seen.add(key)
    return StaffRow(line, teacher, texts, problems)


def _position(text: str, kazakh: bool) -> LocalizedText | None:
    if not text:
        return None
    return LocalizedText(kk=text) if kazakh else LocalizedText(ru=text)


def read_staff_file(path: Path, subjects: Iterable[Subject], today: date,
                    existing: Iterable[Teacher] = ()) -> StaffFile:
    """``parse_staff`` of a file on disk; a too large file is refused before it is read."""
    data = read_bytes(path, N_("The file is larger than {size} MB; a staff list is much smaller"), StaffFileError)
    return parse_staff(path.name, data, subjects, today, existing)
