"""What every builder shares: the school's reference data, text helpers, styles, small blocks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from xml.sax.saxutils import escape

from babel.numbers import format_decimal
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop_app.documents.fonts import SERIF, SERIF_BOLD, register_fonts
from desktop_app.domain.entities import (
    AcademicYear,
    Association,
    AssociationKind,
    CalendarPlan,
    LessonVisit,
    LocalizedText,
    Meeting,
    Person,
    School,
    SchoolRecords,
    Speaker,
    Subject,
    Teacher,
)
from desktop_app.i18n import LOCALES, format_date, gettext_for

Translate = Callable[[str], str]

#: Width of the text block on A4 portrait: 210 mm - 30 mm - 10 mm.
TEXT_WIDTH = 170 * mm


@dataclass
class DocumentContext:
    """The reference data a document needs besides its own record (one school)."""

    school: School
    teachers: dict[str, Teacher] = field(default_factory=dict)
    subjects: dict[str, Subject] = field(default_factory=dict)
    associations: dict[str, Association] = field(default_factory=dict)
    years: dict[str, AcademicYear] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)
    plans: dict[str, CalendarPlan] = field(default_factory=dict)
    lesson_visits: dict[str, LessonVisit] = field(default_factory=dict)

    @classmethod
    def from_records(cls, records: SchoolRecords) -> DocumentContext:
        return cls(
            school=records.school,
            teachers={t.id: t for t in records.teachers},
            subjects={s.id: s for s in records.subjects},
            associations={a.id: a for a in records.associations},
            years={y.id: y for y in records.academic_years},
            meetings={m.id: m for m in records.meetings},
            plans={p.id: p for p in records.plans},
            lesson_visits={v.id: v for v in records.lesson_visits},
        )

    def teacher(self, teacher_id: str) -> Teacher | None:
        return self.teachers.get(teacher_id)

    def short_name(self, teacher_id: str | None) -> str:
        """«Әбенова Г. С.»; an unknown id prints as it is."""
        if not teacher_id:
            return ""
        teacher = self.teachers.get(teacher_id)
        return teacher.short_name if teacher else teacher_id

    def full_name(self, teacher_id: str | None) -> str:
        if not teacher_id:
            return ""
        teacher = self.teachers.get(teacher_id)
        return teacher.full_name if teacher else teacher_id

    def signature_name(self, teacher_id: str | None) -> str:
        """Initials before the surname, as under a signature: «Г. С. Әбенова»."""
        if not teacher_id:
            return ""
        teacher = self.teachers.get(teacher_id)
        if teacher is None:
            return teacher_id
        initials = " ".join(f"{p[0]}." for p in (teacher.first_name, teacher.patronymic) if p)
        return f"{initials} {teacher.last_name}".strip()

    def position(self, teacher_id: str, language: str) -> str:
        teacher = self.teachers.get(teacher_id)
        return localized(teacher.position if teacher else None, language)

    def subject(self, subject_id: str, language: str) -> str:
        subject = self.subjects.get(subject_id)
        return subject.name.get(language) if subject else subject_id

    def body_name(self, body_id: str, language: str) -> str:
        body = self.associations.get(body_id)
        return body.name.get(language) if body else body_id


def localized(text: LocalizedText | None, language: str) -> str:
    return text.get(language) if text else ""


def esc(text: str | None) -> str:
    """User text as data: markup characters print literally, line breaks stay line breaks."""
    if not text:
        return ""
    lines = escape(text.replace("\r\n", "\n").replace("\r", "\n"), {'"': "&quot;"}).split("\n")
    return "<br/>".join(lines)


def bold(label: str) -> str:
    return f"<b>{esc(label)}</b>"


def long_date(day: date, language: str) -> str:
    """«27 ноября 2026 г.» / «2026 жылғы 27 қараша» (glossary)."""
    pattern = "y 'жылғы' d MMMM" if language == "kk" else "d MMMM y 'г.'"
    return format_date(day, language, pattern)


def short_date(day: date | None, language: str) -> str:
    """27.11.2026 (27.11.2026 ж. in Kazakh running text is not needed in tables)."""
    return day.strftime("%d.%m.%Y") if day else ""


def month_name(year_month: str, language: str) -> str:
    """«2026-11» as «ноябрь 2026» / «2026 ж. қараша»."""
    try:
        year, month = (int(p) for p in year_month.split("-")[:2])
        day = date(year, month, 1)
    except ValueError:
        return year_month
    pattern = "y 'ж.' LLLL" if language == "kk" else "LLLL y"
    return format_date(day, language, pattern)


def number(value: float, language: str) -> str:
    return format_decimal(value, format="#,##0.##", locale=LOCALES[language])


def speaker_text(speaker: Speaker, ctx: DocumentContext, language: str, members: Iterable[str]) -> str:
    """Surname and initials; the position too when the speaker is not a member (documents.md)."""
    if isinstance(speaker, Person):
        return f"{speaker.name}, {speaker.position}" if speaker.position else speaker.name
    name = ctx.short_name(speaker)
    if speaker in set(members):
        return name
    position = ctx.position(speaker, language)
    return f"{name}, {position.lower()}" if position else name


def body_genitive(body: Association | None, body_id: str, language: str, _: Translate) -> str:
    """The body as the title of a protocol names it («методического совета» / «МО учителей …»)."""
    if body is not None and body.kind is AssociationKind.COUNCIL:
        return _("of the methodical council")
    return body.name.get(language) if body else body_id


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    left: ParagraphStyle
    centre: ParagraphStyle
    right: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    small: ParagraphStyle
    small_centre: ParagraphStyle
    cell: ParagraphStyle
    numbered: ParagraphStyle
    cell_centre: ParagraphStyle
    cell_head: ParagraphStyle
    organization: ParagraphStyle


def make_styles() -> Styles:
    register_fonts()
    base = ParagraphStyle("body", fontName=SERIF, fontSize=12, leading=15, alignment=TA_LEFT,
                          spaceAfter=2)
    cell = ParagraphStyle("cell", parent=base, fontSize=10, leading=12, alignment=TA_LEFT, spaceAfter=0)
    return Styles(
        body=base,
        left=ParagraphStyle("left", parent=base, alignment=TA_LEFT),
        centre=ParagraphStyle("centre", parent=base, alignment=TA_CENTER),
        right=ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        title=ParagraphStyle("title", parent=base, fontName=SERIF_BOLD, fontSize=14, leading=18,
                             alignment=TA_CENTER, spaceBefore=6, spaceAfter=2),
        heading=ParagraphStyle("heading", parent=base, fontName=SERIF_BOLD, alignment=TA_LEFT,
                               spaceBefore=8, spaceAfter=3, keepWithNext=1),
        small=ParagraphStyle("small", parent=base, fontSize=10, leading=12, alignment=TA_LEFT),
        small_centre=ParagraphStyle("small_centre", parent=base, fontSize=9, leading=11,
                                    alignment=TA_CENTER),
        cell=cell,
        numbered=ParagraphStyle("numbered", parent=base, leftIndent=8 * mm, firstLineIndent=-8 * mm),
        cell_centre=ParagraphStyle("cell_centre", parent=cell, alignment=TA_CENTER),
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=SERIF_BOLD, fontSize=9, leading=11,
                                 alignment=TA_CENTER),
        organization=ParagraphStyle("organization", parent=base, fontName=SERIF_BOLD, fontSize=12,
                                    leading=15, alignment=TA_CENTER, spaceAfter=6),
    )


def labelled(label: str, value: str, style: ParagraphStyle) -> Paragraph:
    """«<b>Label:</b> value» — the label from the catalog, the value already escaped."""
    return Paragraph(f"<b>{esc(label)}</b> {value}", style)


def grid(rows: Sequence[Sequence[object]], widths: Sequence[float], *, header_rows: int = 1,
         extra: Sequence[tuple[object, ...]] = ()) -> Table:
    """A ruled table whose header repeats on every page it runs onto."""
    table = Table([list(r) for r in rows], colWidths=list(widths), repeatRows=header_rows,
                  hAlign="LEFT")
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("FONTSIZE", (0, 0), (-1, -1), 10),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands += [("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.Color(0.92, 0.92, 0.92)),
                     ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE")]
    commands += list(extra)
    table.setStyle(TableStyle(commands))
    return table


def plain_table(rows: Sequence[Sequence[object]], widths: Sequence[float],
                extra: Sequence[tuple[object, ...]] = ()) -> Table:
    """A layout table without rules (date left, place right; signature lines)."""
    table = Table([list(r) for r in rows], colWidths=list(widths), hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        *extra,
    ]))
    return table


def signature_rows(entries: Sequence[tuple[str, str]], styles: Styles) -> Table:
    """«Председатель ________ Г. С. Әбенова», one line per signer."""
    rows = [[Paragraph(esc(role), styles.left), Paragraph("_" * 18, styles.left),
             Paragraph(esc(name), styles.left)] for role, name in entries]
    table = plain_table(rows, [55 * mm, 55 * mm, 60 * mm],
                        extra=[("TOPPADDING", (0, 0), (-1, -1), 10)])
    return table


def spacer(height_mm: float) -> Flowable:
    return Spacer(1, height_mm * mm)


def translator(language: str) -> Translate:
    return gettext_for(language)
