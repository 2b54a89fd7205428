"""The district methodical cabinet (п. 16, 17): the figures of every school side by side, their
.xlsx, and the schools' exchange files imported from one folder.

The district methodist is a viewer account bound to no school (``Actor.school`` None): it reads
every school of the database and changes nothing. The district's administrator (an administrator
bound to no school) imports the schools' files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from desktop_app.domain.accounts import IMPORT_DISTRICT, ROLE_LABELS, SEE_DISTRICT, Action, Actor
from desktop_app.domain.entities import Category
from desktop_app.domain.errors import N_, DomainError, PermissionDenied, Rule, UserError
from desktop_app.domain.labels import CATEGORY_LABELS
from desktop_app.i18n import Renderable, gettext_for
from desktop_app.services.base import Service
from desktop_app.storage.district import SchoolFigures, district_figures, district_years

__all__ = ["COLUMNS", "DistrictService", "FolderResult", "SchoolFigures", "value_of"]

#: What the table and the .xlsx show, in order: key → msgid of the column heading.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("school", N_("School")),
    ("teachers", N_("Teachers")),
    *((f"category:{c.value}", CATEGORY_LABELS[c]) for c in Category),
    ("with_category", N_("Share with a category, %")),
    ("attestations_due", N_("Attestations due")),
    ("attested", N_("Attested this year")),
    ("courses_due", N_("Courses due")),
    ("plans", N_("KTPs")),
    ("approval_rate", N_("KTPs approved, %")),
    ("approved_on_time", N_("Approved before 1 September")),
    ("approved_late", N_("Approved late")),
    ("meetings_planned", N_("Meetings planned")),
    ("meetings_held", N_("Meetings held")),
    ("open_lessons", N_("Open lessons")),
    ("visits", N_("Lesson visits")),
    ("new_teachers", N_("New teachers")),
    ("mentored", N_("New teachers with a mentor")),
    ("mentoring_coverage", N_("Mentoring coverage, %")),
)


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def value_of(figures: SchoolFigures, key: str, language: str | None = None) -> str | int | float | None:
    """The cell of ``key`` for one school (a share is None when there is nothing to share)."""
    if key == "school":  # the short name, the full one where there is none
        f = figures
        names = ((f.short_kk, f.name_kk, f.short_ru, f.name_ru) if language == "kk" else
                 (f.short_ru, f.name_ru, f.short_kk, f.name_kk))
        return next((n for n in names if n), figures.school)
    if key.startswith("category:"):
        return figures.by_category.get(key.split(":", 1)[1], 0)
    if key == "with_category":
        return _percent(figures.with_category, figures.teachers)
    if key == "approval_rate":
        return _percent(figures.approved, figures.plans)
    if key == "mentoring_coverage":
        return _percent(figures.mentored, figures.new_teachers)
    value: int = getattr(figures, key)
    return value


@dataclass(frozen=True)
class FolderResult:
    """One file of a folder import: the school it brought, or why it was refused (rendered in the
    language it is shown in)."""

    file: str
    school: str | None = None
    refusal: Renderable | None = None

    @property
    def imported(self) -> bool:
        return self.refusal is None


#: The names of the exchange files a folder import reads.
EXCHANGE_SUFFIXES = (".json",)


class DistrictService(Service):
    """Reading is for an account of every school with the right to read them all."""

    @staticmethod
    def sees_district(actor: Actor) -> bool:
        return actor.school is None and actor.may(Action.READ_ALL)

    def _require_district(self, actor: Actor) -> None:
        actor.require(Action.READ_ALL)
        if actor.school is not None:
            raise PermissionDenied(SEE_DISTRICT,
                                   ROLE_LABELS[actor.role], actor.school)

    def years(self, actor: Actor) -> list[int]:
        """The district years held (the calendar year each starts in), newest first."""
        self._require_district(actor)
        with self._db.transaction() as store:
            return district_years(store.session)

    def figures(self, actor: Actor, year: int) -> list[SchoolFigures]:
        """Every school's figures for the district year starting in ``year``."""
        self._require_district(actor)
        with self._db.transaction() as store:
            return district_figures(store.session, year)

    def figures_xlsx(self, actor: Actor, year: int, language: str | None = None) -> bytes:
        """The district table as an .xlsx in ``language`` (the window's by default)."""
        from openpyxl import Workbook  # type: ignore[import-untyped]
        from openpyxl.styles import Font  # type: ignore[import-untyped]

        from desktop_app.services.registers_export import safe_cell

        translate = gettext_for(language)
        book = Workbook()
        sheet = book.active
        sheet.title = f"{year}-{year + 1}"
        sheet.append([translate(title) for _, title in COLUMNS])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for figures in self.figures(actor, year):
            sheet.append([safe_cell(value_of(figures, key, translate.language)) for key, _ in COLUMNS])
            sheet.cell(sheet.max_row, 1).data_type = "s"
        sheet.column_dimensions["A"].width = 40
        sheet.freeze_panes = "B2"
        out = BytesIO()
        book.save(out)
        return out.getvalue()

    def import_folder(self, actor: Actor, folder: Path, replace: bool = False,
                      progress: Callable[[int, int], None] | None = None) -> list[FolderResult]:
        """Every exchange file of ``folder`` (by name), each all or nothing in its own transaction:
        a refused file leaves the others imported. Only an account of every school may."""
        from desktop_app.services.exchange.problems import ExchangeError
        from desktop_app.services.exchange.service import ExchangeService

        actor.require(Action.IMPORT)
        if actor.school is not None:
            raise PermissionDenied(IMPORT_DISTRICT, ROLE_LABELS[actor.role], actor.school)
        try:
            files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in EXCHANGE_SUFFIXES)
        except OSError as error:
            reason = error.strerror or str(error)
            raise DomainError(Rule.VALUE, N_("Cannot read {file}: {reason}"), {"file": str(folder), "reason": reason},
                              record=str(folder)) from None
        exchange = ExchangeService(self._db, self._clock)
        results: list[FolderResult] = []
        for done, path in enumerate(files):
            if progress is not None:
                progress(done, len(files))
            try:
                summary = exchange.import_document(actor, path.read_bytes(), replace=replace)
            except (ExchangeError, UserError) as error:  # refused whole; the others go on
                results.append(FolderResult(path.name, refusal=error))
            except OSError as error:
                results.append(FolderResult(path.name, refusal=_Unreadable(path.name, error.strerror or str(error))))
            else:
                results.append(FolderResult(path.name, school=summary.school))
        if progress is not None:
            progress(len(files), len(files))
        return results


@dataclass(frozen=True)
class _Unreadable:
    file: str
    reason: str

    def render(self, translate: object = None) -> str:
        template = N_("Cannot read {file}: {reason}")
        text = translate(template) if callable(translate) else template
        return str(text).format(file=self.file, reason=self.reason)
