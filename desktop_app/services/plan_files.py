"""KTP files imported many at once (a folder of every teacher's plan collected in August).

Each file's teacher, subject, grade and classes are guessed from its file name, its folder and the title
rows above its table; what the user gives (``FileChoice``) wins. A file is imported all or nothing: its
rows are read and checked before anything is written, and a file already imported unchanged (the same
content hash in the audit trail of a plan that still exists) is skipped. The command line and the window
both call ``PlanFileService``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from desktop_app.domain.accounts import Actor
from desktop_app.domain.entities import AcademicYear, CalendarPlan, Language, Subject, Teacher
from desktop_app.domain.errors import N_, DomainError, Msg, Rule
from desktop_app.services.base import Clock, Service, utc_now
from desktop_app.services.file_tables import fold
from desktop_app.services.plan_import import (
    PlanFile,
    PlanTable,
    academic_start_year,
    guess_details,
    hours_per_week,
    parse_table,
    read_table,
)
from desktop_app.services.plan_import.tables import plan_refusal
from desktop_app.services.plans import PlanService
from desktop_app.storage.database import Database
from desktop_app.storage.store import Store

#: Told ``(done, total)`` as files are read or imported.
Progress = Callable[[int, int], None]

#: The files a folder is searched for; Office's "~$" lock files and hidden files are left out.
PLAN_SUFFIXES = (".xlsx", ".xls", ".docx", ".doc", ".csv")
_SOURCE = re.compile(r"sha256:([0-9a-f]{64})")
_LETTERS = "a-zа-яёәғқңөұүһі"


class FileStatus(Enum):
    IMPORTED = "imported"
    WOULD_IMPORT = "would import"
    SKIPPED = "skipped"
    REFUSED = "refused"


@dataclass
class FileChoice:
    """What the user confirmed or gave for a file (None: the guess)."""

    teacher: str | None = None
    subject: str | None = None
    grade: int | None = None
    classes: list[str] | None = None


@dataclass
class PlanFileDraft:
    """One file read and guessed, not yet imported: the plans it gives (one per class when the
    dates are given per class), or why it is refused."""

    path: Path
    digest: str
    teacher: str | None = None
    subject: str | None = None
    grade: int | None = None
    classes: list[str] = field(default_factory=list)
    language: Language = Language.KK
    #: (classes, rows read) of each plan the file gives.
    plans: list[tuple[list[str], PlanFile]] = field(default_factory=list)
    #: Why the whole file cannot be read (not a KTP, no header row).
    refusal: DomainError | None = None
    #: The plan this very file was imported as before (then it is skipped).
    imported_as: str | None = None

    @property
    def problems(self) -> list[DomainError]:
        if self.refusal is not None:
            return [self.refusal]
        return [p for _classes, parsed in self.plans for p in parsed.problems]

    def missing(self) -> list[DomainError]:
        """What the user has to choose before the file can be imported (teacher, subject, grade)."""
        return PlanFileService.missing(self)

    @property
    def lessons(self) -> int:
        return len(self.plans[0][1].rows) if self.plans else 0


@dataclass
class FileReport:
    path: Path
    status: FileStatus
    #: The plans made (or that would be made, or that this file was imported as before).
    plans: list[CalendarPlan] = field(default_factory=list)
    problems: list[DomainError] = field(default_factory=list)


def plan_files(paths: Iterable[Path]) -> list[Path]:
    """The KTP files named, and those in the folders named (with their sub-folders), in order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in PLAN_SUFFIXES
                            and not p.name.startswith(("~$", ".")))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def guess_teacher(text: str, teachers: Sequence[Teacher]) -> str | None:
    """The one teacher whose last name (in any case ending: "Ивановой", "Ахметовтың") is in ``text``;
    None when none or several are (their first names' initials decide between namesakes)."""
    folded = fold(text)
    matches = []
    for teacher in teachers:
        name = fold(teacher.last_name)
        stem = name[:-1] if len(name) > 4 else name
        if stem and re.search(rf"(?<![{_LETTERS}]){re.escape(stem)}[{_LETTERS}]*", folded):
            matches.append(teacher)
    if len(matches) > 1:
        initials = [t for t in matches if re.search(
            rf"(?<![{_LETTERS}]){re.escape(fold(t.first_name)[:1])}[{_LETTERS}]*\.?\s", folded)]
        matches = initials if len(initials) == 1 else matches
    return matches[0].id if len(matches) == 1 else None


class PlanFileService(Service):
    """Read many KTP files, guess each one's plan header, and import each file all or nothing."""

    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        super().__init__(db, clock)
        self._plans = PlanService(db, clock)

    def read(self, actor: Actor, school: str, paths: Sequence[Path], year: str,
             given: FileChoice | None = None, progress: Progress | None = None) -> list[PlanFileDraft]:
        """Every file read and guessed (nothing is written); ``given`` applies to all of them.
        ``progress(done, total)`` is told after each file (it may raise to stop: nothing is written)."""
        given = given or FileChoice()
        with self._read(actor, school) as store:
            academic_year = store.get_academic_year(school, year)
            if academic_year is None:
                raise DomainError(Rule.REFERENCE, N_("Not found: {kind} {id}"),
                                  {"kind": Msg(N_("academic year")), "id": year}, record=year)
            teachers = [t for t in store.list_teachers(school) if t.active]
            subjects = store.list_subjects(school)
            imported = self._imported(store, school)
        drafts = []
        for done, path in enumerate(paths):
            if progress is not None:
                progress(done, len(paths))
            drafts.append(self._draft(path, academic_year, teachers, subjects, imported, given))
        return drafts

    @staticmethod
    def _imported(store: Store, school: str) -> dict[str, str]:
        """Content hash → the plan a file was imported as, for the plans that still exist."""
        found: dict[str, str] = {}
        for event in store.audit_events(school):
            match = _SOURCE.search(event.summary) if event.action == "plan.import" else None
            if match and store.get_plan(school, event.record_id) is not None:
                found[match.group(1)] = event.record_id
        return found

    def _draft(self, path: Path, year: AcademicYear, teachers: Sequence[Teacher], subjects: Sequence[Subject],
               imported: dict[str, str], given: FileChoice) -> PlanFileDraft:
        try:
            data = path.read_bytes()
        except OSError:
            return PlanFileDraft(path, "", refusal=plan_refusal(N_("The file {file} cannot be read"),
                                                                file=str(path)))
        digest = hashlib.sha256(data).hexdigest()
        draft = PlanFileDraft(path, digest, imported_as=imported.get(digest))
        if draft.imported_as is not None:
            return draft  # skipped: not read again
        try:
            table = read_table(path.name, data)
            first = parse_table(table, academic_start_year(year.start))
        except DomainError as error:
            draft.refusal = error
            return draft
        guess = guess_details(f"{path.parent.name} {path.name}", table, subjects)
        above = table.rows[:table.header] if table.header is not None else table.rows[:3]
        title = " ".join([path.parent.name, path.stem.replace("_", " "),
                          *(str(c) for row in above for c in row if c is not None)])
        draft.teacher = given.teacher or guess_teacher(title, teachers)
        teacher = next((t for t in teachers if t.id == draft.teacher), None)
        draft.subject = given.subject or guess.subject or (
            teacher.subjects[0] if teacher is not None and len(teacher.subjects) == 1 else None)
        draft.grade = given.grade or guess.grade
        draft.classes = given.classes if given.classes is not None else guess.classes
        draft.language = table.language
        draft.plans = [(classes, parsed) for classes, parsed in self._per_class(table, first, draft.classes, year)]
        return draft

    @staticmethod
    def _per_class(table: PlanTable, first: PlanFile, classes: list[str],
                   year: AcademicYear) -> list[tuple[list[str], PlanFile]]:
        """One plan per class when the file gives each class its dates, else the one plan."""
        labels = [label for _column, label in table.groups]
        if not labels and first.dates_per_cell > 1 and len(classes) == first.dates_per_cell:
            labels = list(classes)
        if len(labels) < 2:
            return [(classes, first)]
        start = academic_start_year(year.start)
        return [([label], first if group == 0 else parse_table(table, start, group))
                for group, label in enumerate(labels)]

    def import_files(self, actor: Actor, school: str, drafts: Sequence[PlanFileDraft], year: str, *,
                     dry_run: bool = False, progress: Progress | None = None) -> list[FileReport]:
        """Each draft imported all or nothing (its plans checked before the first is written); one
        report per file. ``dry_run`` writes nothing and reports what would be imported."""
        with self._read(actor, school) as store:
            academic_year = store.get_academic_year(school, year)
        weeks = academic_year.study_weeks if academic_year is not None else None
        reports: list[FileReport] = []
        for draft in drafts:
            if progress is not None:
                progress(len(reports), len(drafts))
            if draft.imported_as is not None:
                with self._read(actor, school) as store:
                    before = store.get_plan(school, draft.imported_as)
                reports.append(FileReport(draft.path, FileStatus.SKIPPED, [before] if before else []))
                continue
            problems = draft.problems if draft.refusal is not None else [*draft.problems, *draft.missing()]
            if problems:
                reports.append(FileReport(draft.path, FileStatus.REFUSED, problems=problems))
                continue
            headers = [CalendarPlan(id="", teacher=draft.teacher or "", subject=draft.subject or "",
                                    academic_year=year, grade=draft.grade or 0, language=draft.language,
                                    hours_per_week=hours_per_week(sum(r.row.hours for r in parsed.rows), weeks),
                                    classes=classes, rows=parsed.plan_rows())
                       for classes, parsed in draft.plans]
            if dry_run:
                reports.append(FileReport(draft.path, FileStatus.WOULD_IMPORT, headers))
                continue
            reports.append(self._import(actor, school, draft, headers))
        return reports

    def _import(self, actor: Actor, school: str, draft: PlanFileDraft,
                headers: list[CalendarPlan]) -> FileReport:
        source = f"file {draft.path.name} sha256:{draft.digest}"
        saved: list[CalendarPlan] = []
        try:
            for header in headers:
                saved.append(self._plans.import_plan(actor, school, header, header.rows, source))
        except DomainError as error:
            # The plans of one file share their header, so a later one is refused only if the database
            # changed meanwhile; the report then names the plans already saved.
            return FileReport(draft.path, FileStatus.REFUSED, saved, [error])
        return FileReport(draft.path, FileStatus.IMPORTED, saved)

    @staticmethod
    def missing(draft: PlanFileDraft) -> list[DomainError]:
        """The teacher, subject or grade neither guessed nor given."""
        missing = []
        if draft.teacher is None:
            missing.append(DomainError(Rule.VALUE, N_("The teacher is not recognised from the file name, its "
                                                      "folder or its title rows; choose the teacher"),
                                       field="teacher"))
        if draft.subject is None:
            missing.append(DomainError(Rule.VALUE, N_("The subject is not recognised from the file name or its "
                                                      "title rows; choose the subject"), field="subject"))
        if not draft.grade:
            missing.append(DomainError(Rule.VALUE, N_("The grade is not recognised from the file name or its "
                                                      "title rows; choose the grade"), field="grade"))
        return missing
