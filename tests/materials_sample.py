"""Methodical materials added to the shared sample school (it has none): one approved after a
positive conclusion of the mathematics association, one draft of the methodical council's year
by an invited author."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.entities import (
    Approval,
    LocalizedText,
    Material,
    MaterialFile,
    MaterialKind,
    MaterialStatus,
    Person,
    Review,
    ReviewOutcome,
    SchoolRecords,
)

SHA = "ab" * 32


def add_materials(records: SchoolRecords) -> SchoolRecords:
    meeting = next(m for m in records.meetings if m.id == "m-math-26-1")
    meeting.agenda[0].materials = ["mat-1"]
    records.materials = [
        Material("mat-1", MaterialKind.ELECTIVE_PROGRAMME,
                 LocalizedText("«Логика әлемі» элективті курсы", "Элективный курс «Мир логики»"),
                 "mo-math-26", "2026-2027", ["t-01", Person("Ахметова Г.", "әдіскер")],
                 MaterialStatus.APPROVED, Review("m-math-26-1", meeting.agenda[0].number, ReviewOutcome.RECOMMENDED),
                 Approval("t-dir", date(2026, 9, 1)), False, MaterialFile("logic.pdf", SHA, 12345)),
        Material("mat-2", MaterialKind.ASSESSMENT, LocalizedText(None, "Задания СОР по алгебре, 7 класс"),
                 "council-26", "2026-2027", [Person("Иванова Т.", None)]),
    ]
    return records
