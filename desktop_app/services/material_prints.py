"""Prints of methodical materials (п. 27): a material's title page and the year's register, with
the verification code each printout carries."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from desktop_app.documents.common import DocumentContext
from desktop_app.documents.materials import build_register, build_title_page
from desktop_app.documents.verification import Verification, verification
from desktop_app.domain.accounts import Actor
from desktop_app.domain.entities import Material, SchoolRecords
from desktop_app.i18n import current_language
from desktop_app.services.base import Service, found
from desktop_app.services.exchange.writing import dump_document


def _dumped(records: SchoolRecords, materials: Sequence[Material]) -> list[object]:
    return list(dump_document(SchoolRecords(records.school, materials=list(materials)))["materials"])


def material_check(records: SchoolRecords, material: Material) -> Verification:
    return verification("material", material.id, 1, _dumped(records, [material])[0])


def register_check(records: SchoolRecords, academic_year: str) -> Verification:
    materials = [m for m in records.materials if m.academic_year == academic_year]
    return verification("materials", academic_year, 1, _dumped(records, materials))


def material_checks(records: SchoolRecords) -> Iterator[Verification]:
    """Every material print the school's current records can give (for ``verify``)."""
    for material in records.materials:
        yield material_check(records, material)
    for year in records.academic_years:
        yield register_check(records, year.id)


class MaterialPrintService(Service):
    def _records(self, actor: Actor, school: str) -> SchoolRecords:
        with self._read(actor, school) as store:
            return store.load_records(school, plans=False)

    def title_page(self, actor: Actor, school: str, material: str,
                   language: str | None = None) -> tuple[bytes, Verification]:
        """The material's title page: «Қаралды / Рассмотрено» and «Бекітемін / Утверждаю»."""
        records = self._records(actor, school)
        record = found(next((m for m in records.materials if m.id == material), None),
                       "methodical material", material)
        check = material_check(records, record)
        lang = language or current_language()
        return build_title_page(record, DocumentContext.from_records(records), lang, check), check

    def register(self, actor: Actor, school: str, academic_year: str,
                 language: str | None = None) -> tuple[bytes, Verification]:
        """The year's register of methodical materials."""
        records = self._records(actor, school)
        found(next((y for y in records.academic_years if y.id == academic_year), None), "academic year",
              academic_year)
        materials = [m for m in records.materials if m.academic_year == academic_year]
        check = register_check(records, academic_year)
        lang = language or current_language()
        return build_register(materials, academic_year, DocumentContext.from_records(records), lang, check), check
