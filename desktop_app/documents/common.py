"""What every builder shares: the school's reference data, text helpers, styles, small blocks."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from xml.sax.saxutils import escape

from babel.numbers import format_decimal
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table, TableStyle
from reportlab.platypus.paragraph import Paragraph as _Paragraph

from desktop_app.documents.fonts import FALLBACK_CHARS, SERIF, SERIF_BOLD, register_fallback, register_fonts
from desktop_app.domain.entities import (
    AcademicYear,
    Association,
    AssociationKind,
    CalendarPlan,
    GuestSpeaker,
    LessonVisit,
    LocalizedText,
    Material,
    Meeting,
    Person,
    School,
    SchoolRecords,
    SpeechSpeaker,
    Subject,
    Teacher,
)
from desktop_app.domain.event_records import Event
from desktop_app.domain.labels import UNKNOWN_TEACHER
from desktop_app.i18n import LOCALES, format_date, gettext_for
from desktop_app.i18n.russian import genitive

Translate = Callable[[str], str]


class Paragraph(_Paragraph):  # type: ignore[misc]  # reportlab has no stubs: Paragraph is Any
    """A paragraph laid out once per width.

    KeepTogether, keepWithNext groups and tables ask a paragraph for its size more than once
    with the same width; breaking its lines again gave the same result at the same cost.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lines = self.__dict__.get("blPara")
        if lines is not None and self.__dict__.get("_wrapped") == (availWidth, id(lines)):
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, id(self.blPara))  # a copy made by split() lays out anew
        return size

#: Width of the text block on A4 portrait: 210 mm - 30 mm - 10 mm (the frame has no padding).
TEXT_WIDTH = 170 * mm
#: Width of the text block on A4 landscape: 297 mm - 30 mm - 10 mm.
WIDE_TEXT_WIDTH = 257 * mm
BODY_SIZE, TABLE_SIZE = 14, 12


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
    materials: dict[str, Material] = field(default_factory=dict)
    #: Members of an inter-school association from other schools on the meeting's day (п. 21):
    #: (school, teacher) → (full name, school's name), empty where the database no longer knows them.
    guest_members: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    #: The other members from other schools the meeting marks or hears (a membership removed since,
    #: a document imported), as ``guest_members``.
    guest_names: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    #: Events of methodical work (п. 20): kept apart from SchoolRecords, given by the service that needs them.
    events: dict[str, Event] = field(default_factory=dict)

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
            materials={m.id: m for m in records.materials},
        )

    def guest_label(self, school: str, teacher: str, language: str, recorded: str = "") -> str:
        """A member from another school (п. 21) as a protocol names them: «name (school)» as the
        database knows them, with the membership or without, else by the name recorded with the
        speech or the mark; never by an id (words say the teacher is gone)."""
        key = (school, teacher)
        name, school_name = self.guest_members.get(key) or self.guest_names.get(key) or ("", "")
        name = name or recorded or translator(language)(UNKNOWN_TEACHER)
        return f"{name} ({school_name})" if school_name else name

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

    def body_after_noun(self, body_id: str, language: str) -> str:
        """The body's name after «на заседании …» (``after_noun``)."""
        return after_noun(self.body_name(body_id, language), language)


def localized(text: LocalizedText | None, language: str) -> str:
    return text.get(language) if text else ""


NBSP = "\u00a0"
_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
#: Spaces a line must not break at (office typography): initials and the surname, «№ 1»,
#: «2026 г.», «г. Астана», «20__», «2026 жылғы».
_GLUE = [
    (re.compile(rf"(?<![\w.])([{_UPPER}]\.) (?=[{_UPPER}])"), rf"\1{NBSP}"),  # «А. М.» → «А.␣М.␣Surname»
    (re.compile(rf"(?<=[^\W\d_]) (?=[{_UPPER}]\.(?:[\s,;:)»]|$|[{_UPPER}]\.))"), NBSP),  # «Ким В. А.»
    (re.compile(r"№ (?=\S)"), f"№{NBSP}"),
    (re.compile(r"(?<=[\d_]) (?=(?:г|ж|жж|гг)\.)"), NBSP),                   # «2026 г.», «20__ г.»
    (re.compile(r"(?<![\w.])(г|ж)\. (?=\w)"), rf"\1.{NBSP}"),                 # «г. Астана»
    (re.compile(r"(?<=_) (?=20__)"), NBSP),                                   # «___» __________ 20__
    (re.compile(r"(?<=[\d_]) (?=жылғы|жыл\b|год|года)"), NBSP),
    (re.compile(r"(?<=«___») (?=_)"), NBSP),
    (re.compile(r"(?<![\w.])(от|from) (?=[\d«_])"), rf"\1{NBSP}"),         # «от 27.08.2026», «от «___»
    (re.compile(r"(?<![\d.])(\d{1,2}) (?=[а-яёәғқңөұүһі]{3,}(?:\s|$|[,.;:)»]))"), rf"\1{NBSP}"),  # «27 тамыздағы»
]


def glue(text: str) -> str:
    """Replace the spaces a line must not break at with no-break spaces (U+00A0)."""
    for pattern, replacement in _GLUE:
        text = pattern.sub(replacement, text)
    return text


def break_compounds(text: str, width: float, size: float = TABLE_SIZE) -> str:
    """Let a compound too wide for its column («информационно-коммуникационные») break after a hyphen.

    A word wider than the column can never stand whole on one line, so a space after its hyphen
    changes nothing but where the line breaks; the parts are taken greedily, each as wide as fits.
    """
    words = []
    for word in text.split(" "):
        if "-" not in word[:-1] or stringWidth(word, SERIF, size) <= width:
            words.append(word)
            continue
        parts = [p + "-" for p in word.split("-")]
        parts[-1] = parts[-1][:-1]
        segment = ""
        for part in parts:
            if segment and stringWidth(segment + part, SERIF, size) > width:
                words.append(segment)
                segment = ""
            segment += part
        words.append(segment)
    return " ".join(words)


def esc(text: str | None, width: float | None = None) -> str:
    """User text as data: markup characters print literally, line breaks stay line breaks.

    Initials stay with the surname, «№» with its number and «г.» with its year (``glue``); given
    the width of a table's cell, over-wide compounds break at their hyphens (``break_compounds``).
    """
    if not text:
        return ""
    text = glue(text.replace("\r\n", "\n").replace("\r", "\n"))
    if width is not None:
        text = "\n".join(break_compounds(line, width) for line in text.split("\n"))
    text = escape(text, {'"': "&quot;"})
    for char in FALLBACK_CHARS:
        if char in text:
            text = text.replace(char, f'<font name="{register_fallback()}">{char}</font>')
    return "<br/>".join(text.split("\n"))


def bold(label: str) -> str:
    return f"<b>{esc(label)}</b>"


def long_date(day: date, language: str) -> str:
    """«27 ноября 2026 г.» / «2026 жылғы 27 қараша» (glossary)."""
    pattern = "y 'жылғы' d MMMM" if language == "kk" else "d MMMM y 'г.'"
    return format_date(day, language, pattern)


#: «тамыздағы»: the month in the locative-attributive form (-дағы/-дегі/-тағы/-тегі), as in
#: «2026 жылғы 27 тамыздағы № 1 хаттама»; written out, not derived, so that it cannot be wrong.
KK_MONTHS_ATTRIBUTIVE = ("қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы",
                         "шілдедегі", "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы",
                         "желтоқсандағы")


def dated(day: date, language: str) -> str:
    """The date as a document's «of …»: «2026 жылғы 27 тамыздағы» / «27.08.2026».

    The phrase templates around it (catalogs) put «от» and «г.» where Russian wants them.
    """
    if language == "kk":
        return f"{day.year} жылғы {day.day} {KK_MONTHS_ATTRIBUTIVE[day.month - 1]}"
    return day.strftime("%d.%m.%Y")


def year_span(academic_year: str) -> str:
    """«2025-2026» as printed: «2025–2026» (an en dash between the years)."""
    return academic_year.replace("-", "\u2013")


def blank_date(_: Translate) -> str:
    """A date to fill in by hand: «20__ жылғы «___» __________» / ««___» __________ 20__ г.»."""
    return _("«___» __________ 20__")


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
    return format_date(day, language, pattern).lower()  # «2026 ж. тамыз», not «Тамыз»


def number(value: float, language: str) -> str:
    return format_decimal(value, format="#,##0.##", locale=LOCALES[language])


def speaker_text(speaker: SpeechSpeaker, ctx: DocumentContext, language: str, members: Iterable[str]) -> str:
    """Surname and initials; the position too when the speaker is not a member (documents.md); a
    member from another school (п. 21) with their school, as the attendance part names them."""
    if isinstance(speaker, GuestSpeaker):
        return ctx.guest_label(speaker.school, speaker.teacher, language, speaker.name)
    if isinstance(speaker, Person):
        return f"{speaker.name}, {speaker.position}" if speaker.position else speaker.name
    name = ctx.short_name(speaker)
    if speaker in set(members):
        return name
    position = ctx.position(speaker, language)
    return f"{name}, {position.lower()}" if position else name


def head_role(body: Association, _: Translate) -> str:
    """Who signs for the body: «Руководитель МО» / «ӘБ жетекшісі», the council's chair."""
    if body.kind is AssociationKind.COUNCIL:
        return _("Chair of the methodical council")
    return _("Head of the association")


def body_genitive(body: Association | None, body_id: str, language: str, _: Translate) -> str:
    """The body as the title of a protocol names it («методического совета» / «МО учителей …»;
    a name typed in the nominative, «Межшкольное МО …», put in the genitive in Russian)."""
    if body is not None and body.kind is AssociationKind.COUNCIL:
        return _("of the methodical council")
    return after_noun(body.name.get(language), language) if body is not None else body_id


def after_noun(name: str, language: str) -> str:
    """A body's name as typed, put after a noun: in the genitive in Russian (``russian.genitive``),
    as typed in Kazakh (the noun after it carries the case)."""
    return genitive(name) if language == "ru" else name


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
    """Office look: 14 pt justified body with a first-line indent, 12 pt tables (documents.md)."""
    register_fonts()
    base = ParagraphStyle("body", fontName=SERIF, fontSize=BODY_SIZE, leading=17, alignment=TA_JUSTIFY,
                          firstLineIndent=12.5 * mm, spaceAfter=2, splitLongWords=0)
    plain = ParagraphStyle("plain", parent=base, alignment=TA_LEFT, firstLineIndent=0)
    cell = ParagraphStyle("cell", parent=plain, fontSize=TABLE_SIZE, leading=14, spaceAfter=0)
    return Styles(
        body=base,
        left=plain,
        centre=ParagraphStyle("centre", parent=plain, alignment=TA_CENTER),
        right=ParagraphStyle("right", parent=plain, alignment=TA_RIGHT),
        title=ParagraphStyle("title", parent=plain, fontName=SERIF_BOLD, leading=17,
                             alignment=TA_CENTER, spaceBefore=4, spaceAfter=0, keepWithNext=1),
        heading=ParagraphStyle("heading", parent=plain, fontName=SERIF_BOLD, spaceBefore=8,
                               spaceAfter=3, keepWithNext=1),
        small=ParagraphStyle("small", parent=plain, fontSize=TABLE_SIZE, leading=14),
        small_centre=ParagraphStyle("small_centre", parent=plain, fontSize=10, leading=12,
                                    alignment=TA_CENTER),
        cell=cell,
        numbered=ParagraphStyle("numbered", parent=base, firstLineIndent=12.5 * mm),
        cell_centre=ParagraphStyle("cell_centre", parent=cell, alignment=TA_CENTER),
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=SERIF_BOLD, fontSize=11, leading=13,
                                 alignment=TA_CENTER),
        organization=ParagraphStyle("organization", parent=plain, fontName=SERIF_BOLD, leading=17,
                                    alignment=TA_CENTER, spaceAfter=6),
    )


#: Left plus right padding of a grid's cell (``grid``).
CELL_PADDING = 6


def cell(text: str | None, width: float, style: ParagraphStyle) -> Paragraph | str:
    """A grid cell of user text in a column ``width`` wide: whole words, compounds break at hyphens.

    Text that fits on one line is the plain string itself (a table draws it as it is, with no
    markup to parse and nothing to wrap: most cells of a long KTP); only a left-aligned cell.
    """
    if text is None:
        return ""
    plain = "\n" not in text and "\r" not in text and not any(c in text for c in FALLBACK_CHARS)
    if plain and style.alignment == TA_LEFT and \
            stringWidth(text, style.fontName, style.fontSize) <= width - CELL_PADDING:
        return text
    inner = width - CELL_PADDING
    marked = esc(text, inner)
    if any(stringWidth(word, style.fontName, style.fontSize) > inner for word in marked.split()):
        style = _splitting(style)  # a word wider than the column: cut it rather than run over the next
    return Paragraph(marked, style)


@cache
def _splitting(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` that may cut a word no line of its column can hold (every other word stays whole)."""
    return ParagraphStyle(f"{style.name}-split", parent=style, splitLongWords=1)


def labelled(label: str, value: str, style: ParagraphStyle) -> Paragraph:
    """«<b>Label:</b> value» — the label from the catalog, the value already escaped."""
    return Paragraph(f"<b>{esc(label)}</b> {value}", style)


def grid(rows: Sequence[Sequence[object]], widths: Sequence[float], *, header_rows: int = 1,
         extra: Sequence[tuple[object, ...]] = ()) -> Table:
    """A ruled table whose header repeats on every page it runs onto."""
    table = Table([list(r) for r in rows], colWidths=list(widths), repeatRows=header_rows,
                  hAlign="LEFT", splitInRow=1)  # a row taller than a page (a long agenda) splits
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("FONTSIZE", (0, 0), (-1, -1), TABLE_SIZE),
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
    """«Председатель ________ Г. С. Әбенова», one line per signer, room to sign above the line."""
    rows = [[Paragraph(esc(role), styles.left), Paragraph("_" * 18, styles.left),
             Paragraph(esc(name), styles.left)] for role, name in entries]
    table = plain_table(rows, [65 * mm, 50 * mm, 55 * mm],
                        extra=[("TOPPADDING", (0, 0), (-1, -1), 8 * mm)])
    return table


def heading_lines(text: str, style: ParagraphStyle) -> list[Flowable]:
    """A generated heading of one or more lines (catalog phrase templates use «\\n»)."""
    return [Paragraph(esc(line), style) for line in text.split("\n")]


def tail_rows(rows: list[list[object]], widths: Sequence[float], tail: int = 2,
              extra: Sequence[tuple[object, ...]] = ()) -> tuple[list[Flowable], list[Flowable]]:
    """A grid split so that its last rows can stay on one page with what follows them.

    Returns (flowables for the story, flowables for the closing); the second table has no header
    and the same widths, so the two print as one table.
    """
    if len(rows) <= tail + 2:
        return [], [grid(rows, widths, extra=extra)]
    head, last = rows[:-tail], rows[-tail:]
    return [grid(head, widths, extra=extra)], [grid(last, widths, header_rows=0)]


def spacer(height_mm: float) -> Flowable:
    return Spacer(1, height_mm * mm)


def translator(language: str) -> Translate:
    return gettext_for(language)
