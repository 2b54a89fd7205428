"""The paragraphs of the Rules (Order No. 253 of 10 August 2023) that the program cites, in one table.

Every refusal, label, PDF and document that names a paragraph takes it from here, so a citation
is written once and tested once against the Rules' text (tests/domain/test_rules_253.py checks
that each paragraph exists in shared/design/rules-253-ru.txt and that its text holds the keyword
recorded beside it). A paragraph the table lacks is a paragraph the program must not cite.

Chapter 3 (paragraphs 12 to 19) is about the district and regional cabinets, paragraph 11 and
chapter 5 about colleges (TiPPO): a school feature cites paragraph 10 and chapter 4 (20 to 31),
and the cabinets' paragraphs 16 and 17 only where the program serves a district cabinet."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Paragraph:
    """A paragraph (``"23"``) or a subparagraph (``"10.8"``) with a word of its Russian text."""

    number: str
    keyword: str
    topic: str


PARAGRAPHS: dict[str, Paragraph] = {p.number: p for p in (
    Paragraph("10", "направления", "directions of methodical work in schools"),
    Paragraph("10.3", "форм и методов преподавания", "forms and methods of teaching"),
    Paragraph("10.4", "лучшими практиками", "best practice"),
    Paragraph("10.5", "форм методической", "forms of methodical work, olympiads and contests"),
    Paragraph("10.7", "аттестации", "attestation of teachers"),
    Paragraph("10.8", "методических и научно-методических материалов", "methodical materials"),
    Paragraph("16", "районных (городских) отделов", "district methodical cabinet: its goal"),
    Paragraph("17", "районных (городских) отделов", "district methodical cabinet: its work"),
    Paragraph("20", "Формами коллективной методической работы", "collective forms of methodical work"),
    Paragraph("21", "межшкольные", "school and inter-school associations"),
    Paragraph("23", "не менее 3-х педагогов", "an association is created with at least 3 teachers"),
    Paragraph("24", "по направлениям", "associations by direction for small schools"),
    Paragraph("25", "заместитель руководителя", "the deputy director leads the methodical work"),
    Paragraph("26", "Календарно-тематические планы", "KTP: considered by the association, approved by the director"),
    Paragraph("27", "положительного заключения", "methodical documents: discussed, then approved"),
    Paragraph("28", "План работы методического объединения", "the association's annual work plan"),
    Paragraph("29", "избираемый (назначаемый)", "the head is elected or appointed"),
    Paragraph("31", "методический совет", "the methodical council"),
)}


def cite(*numbers: str) -> str:
    """The citation as messages print it: ``cite("21", "24")`` → ``п. 21, 24``.

    A number the table lacks is a bug (KeyError), caught by the tests of every message."""
    unknown = [number for number in numbers if number not in PARAGRAPHS]
    if unknown:
        raise KeyError(f"not in the table of paragraphs: {unknown}")
    return "п. " + ", ".join(numbers)
