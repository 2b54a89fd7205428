"""Attestation (п. 10.7) and professional development: the records, their rules and their dates.

The tables (storage/models.py, revision 0012_attestation) are shared by the registers, the annual
analysis and the district figures. An attestation is a teacher's application for a qualification
category in an academic year: heard by the teacher's association (an agenda item of one of its
meetings, whose extract is the paper the commission gets), checked against the portfolio, and
closed by the commission's result under an order. A course is professional development outside
the school; the school's period between courses says when each teacher's next one is due.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from desktop_app.domain.entities import AcademicYear, Association, Category, Meeting, Teacher
from desktop_app.domain.errors import N_, DomainError, Msg, Rule
from desktop_app.domain.labels import CATEGORY_LABELS

#: How many years an awarded or confirmed category holds before it is confirmed again: the Rules
#: and conditions of attestation of teachers (order of the Minister of Education and Science of
#: 27 January 2016 No. 83) have a category confirmed at least once in five years. The same period
#: the Overview uses for a category awarded before the register was kept (services/teachers.py).
ATTESTATION_PERIOD_YEARS = 5
#: The default period between a teacher's professional development courses: the usual «at least
#: once in three years» of Kazakhstan's rules on teachers' professional development. It is a school
#: setting (``schools.course_period_years``) because practice differs; this is only its default.
DEFAULT_COURSE_PERIOD_YEARS = 3
COURSE_PERIOD_RANGE = (1, 10)
#: The largest certificate file kept with a course (as a material's file).
MAX_FILE_BYTES = 20 * 1024 * 1024
FILE_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".docx", ".doc")
MAX_TITLE = 500


class AttestationResult(StrEnum):
    """How an attestation ended: the sought category awarded, the current one confirmed, or neither."""

    AWARDED = "awarded"
    CONFIRMED = "confirmed"
    NOT_AWARDED = "not_awarded"


class CourseKind(StrEnum):
    """Professional development outside the school."""

    COURSE = "course"
    INTERNSHIP = "internship"
    SEMINAR = "seminar"
    OTHER = "other"


@dataclass(frozen=True)
class PortfolioPart:
    """One part of the attestation portfolio, named as the papers name it in both languages."""

    key: str
    kk: str
    ru: str

    def label(self, language: str) -> str:
        return self.kk if language == "kk" else self.ru


#: The portfolio a teacher hands in for attestation (the usual list of the attestation rules):
#: the checklist of the register, in this order.
PORTFOLIO_PARTS: tuple[PortfolioPart, ...] = (
    PortfolioPart("application", "Өтініш", "Заявление"),
    PortfolioPart("personnel_sheet", "Кадрларды есепке алу жөніндегі жеке парақ",
                  "Личный листок по учёту кадров"),
    PortfolioPart("diploma", "Білімі туралы диплом көшірмесі", "Копия диплома об образовании"),
    PortfolioPart("category_certificate", "Бұрынғы санат туралы куәлік көшірмесі",
                  "Копия удостоверения о предыдущей категории"),
    PortfolioPart("courses", "Біліктілікті арттыру курстарының сертификаттары",
                  "Сертификаты курсов повышения квалификации"),
    PortfolioPart("knowledge_test", "Педагогтердің білімін бағалау нәтижесі",
                  "Результат оценки знаний педагогов"),
    PortfolioPart("lessons", "Ашық сабақтарды талдау", "Анализ открытых уроков"),
    PortfolioPart("pupils", "Білім алушылардың жетістіктері", "Достижения обучающихся"),
    PortfolioPart("experience", "Тәжірибені жинақтау материалдары", "Материалы обобщения опыта"),
)
PORTFOLIO_KEYS = tuple(part.key for part in PORTFOLIO_PARTS)


@dataclass(frozen=True)
class Hearing:
    """The association's hearing of the application: an agenda item of one of its meetings."""

    meeting: str
    item: int


@dataclass
class Attestation:
    id: str
    academic_year: str
    teacher: str
    current_category: Category
    sought_category: Category
    applied_on: date | None = None
    hearing: Hearing | None = None
    #: The keys of the portfolio parts handed in (``PORTFOLIO_KEYS``), in the checklist's order.
    portfolio: list[str] = field(default_factory=list)
    result: AttestationResult | None = None
    order_number: str | None = None
    order_date: date | None = None
    next_due: date | None = None
    revision: int = field(default=0, compare=False, repr=False)

    @property
    def is_open(self) -> bool:
        return self.result is None

    @property
    def confirmation(self) -> bool:
        """Seeks to confirm the category the teacher holds."""
        return self.sought_category is self.current_category


@dataclass(frozen=True)
class CourseFile:
    """The certificate's file kept with a course: its name, SHA-256 and size."""

    name: str
    sha256: str
    size: int


@dataclass
class Course:
    id: str
    academic_year: str
    teacher: str
    kind: CourseKind
    title: str
    provider: str
    starts_on: date
    ends_on: date
    hours: int | None = None
    certificate_number: str | None = None
    file: CourseFile | None = None
    revision: int = field(default=0, compare=False, repr=False)


def add_years(day: date, years: int) -> date:
    """The same day ``years`` later (28 February for a 29th)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


# --- attestation --------------------------------------------------------------------------------


def _refuse(record: str, message: str, field: str, **params: object) -> DomainError:
    return DomainError(Rule.ATTESTATION, message, {"id": record, **params}, record=record or None, field=field)


def attestation_errors(record: Attestation, year: AcademicYear | None = None) -> list[DomainError]:
    """What an attestation needs whatever else the school holds: a category sought not below the
    one held (the same one: a confirmation), a known portfolio, the order with a result, dates in
    order."""
    errors: list[DomainError] = []
    current, sought = record.current_category, record.sought_category
    if sought is Category.NONE:
        errors.append(_refuse(record.id, N_("The attestation {id} needs the category sought"), "sought_category"))
    elif sought.rank < current.rank:
        errors.append(_refuse(record.id, N_("The attestation {id} seeks {sought}, below the category held "
                                            "({current}); seek a higher one or confirm the same"),
                              "sought_category", sought=Msg(CATEGORY_LABELS[sought]),
                              current=Msg(CATEGORY_LABELS[current])))
    unknown = [key for key in record.portfolio if key not in PORTFOLIO_KEYS]
    if unknown:
        errors.append(_refuse(record.id, N_("The attestation {id} lists an unknown part of the portfolio: "
                                            "{part}"), "portfolio", part=unknown[0]))
    if year is not None and record.academic_year != year.id:
        errors.append(_refuse(record.id, N_("The attestation {id} is of {year}, not of {other}"),
                              "academic_year", year=record.academic_year, other=year.id))
    if year is not None and record.applied_on is not None:
        first, last = year.window
        if not first <= record.applied_on <= last:
            errors.append(_refuse(record.id, N_("The application date {date} of the attestation {id} is "
                                                "outside the academic year {year}"),
                                  "applied_on", date=record.applied_on, year=year.id))
    errors += result_errors(record)
    return errors


def result_errors(record: Attestation) -> list[DomainError]:
    """A result needs the order (number and date); an award a higher category, a confirmation a
    category held; an order without a result is not kept."""
    errors: list[DomainError] = []
    if record.result is None:
        if record.order_number or record.order_date:
            errors.append(_refuse(record.id, N_("The attestation {id} has an order but no result"), "result"))
        return errors
    if not (record.order_number or "").strip():
        errors.append(_refuse(record.id, N_("The result of the attestation {id} needs the number of the "
                                            "order"), "order_number"))
    if record.order_date is None:
        errors.append(_refuse(record.id, N_("The result of the attestation {id} needs the date of the "
                                            "order"), "order_date"))
    elif record.applied_on is not None and record.order_date < record.applied_on:
        errors.append(_refuse(record.id, N_("The order date {date} of the attestation {id} is before its "
                                            "application of {previous}"), "order_date",
                              date=record.order_date, previous=record.applied_on))
    if record.result is AttestationResult.AWARDED and record.confirmation:
        errors.append(_refuse(record.id, N_("The attestation {id} seeks the category held; its result is "
                                            "a confirmation, not an award"), "result"))
    if record.result is AttestationResult.CONFIRMED and record.current_category is Category.NONE:
        errors.append(_refuse(record.id, N_("The teacher of the attestation {id} holds no category to "
                                            "confirm"), "result"))
    return errors


def one_open_per_year(record: Attestation, others: Iterable[Attestation]) -> list[DomainError]:
    """One attestation per teacher per year is open (without a result) at a time."""
    for other in others:
        if (other.id != record.id and other.teacher == record.teacher
                and other.academic_year == record.academic_year and other.is_open and record.is_open):
            return [_refuse(record.id, N_("The teacher already has an open attestation {other} in {year}"),
                            "teacher", other=other.id, year=record.academic_year)]
    return []


def teachers_associations(teacher: str, bodies: Iterable[Association]) -> list[Association]:
    """The associations of the year the teacher belongs to (or heads)."""
    return [b for b in bodies if b.head == teacher or any(m.teacher == teacher for m in b.members)]


def hearing_errors(record: Attestation, meetings: Mapping[str, Meeting],
                   bodies: Mapping[str, Association]) -> list[DomainError]:
    """The hearing is an agenda item of a meeting of an association of the teacher, in the
    attestation's year, not after the order."""
    hearing = record.hearing
    if hearing is None:
        return []
    meeting = meetings.get(hearing.meeting)
    if meeting is None:
        return [DomainError(Rule.REFERENCE, N_("Not found: {kind} {id}"),
                            {"kind": Msg("meeting"), "id": hearing.meeting}, record=record.id or None,
                            field="hearing.meeting")]
    errors: list[DomainError] = []
    body = bodies.get(meeting.body)
    if body is None or body.academic_year != record.academic_year or not teachers_associations(record.teacher, [body]):
        errors.append(_refuse(record.id, N_("The meeting {meeting} is not of an association of the teacher "
                                            "in {year}; the teacher's association hears the attestation"),
                              "hearing.meeting", meeting=meeting.id, year=record.academic_year))
    if meeting.item(hearing.item) is None:
        errors.append(_refuse(record.id, N_("Meeting {meeting} has no agenda item {item}"), "hearing.item",
                              meeting=meeting.id, item=hearing.item))
    if record.order_date is not None and meeting.date > record.order_date:
        errors.append(_refuse(record.id, N_("The hearing of {date} is after the order of the attestation {id}"),
                              "hearing.meeting", date=meeting.date))
    return errors


@dataclass(frozen=True)
class CategoryChange:
    """What a result does to the teacher's record."""

    category: Category
    awarded: date | None
    next_due: date | None


def apply_result(record: Attestation, teacher: Teacher) -> CategoryChange:
    """The teacher's category after the result: the sought one awarded or the held one confirmed
    from the order's date, next due ``ATTESTATION_PERIOD_YEARS`` later; not awarded: unchanged."""
    if record.result is None or record.order_date is None:
        raise _refuse(record.id, N_("The result of the attestation {id} needs the date of the order"),
                      "order_date")
    if record.result is AttestationResult.NOT_AWARDED:
        return CategoryChange(teacher.category, teacher.category_awarded, None)
    category = record.sought_category if record.result is AttestationResult.AWARDED else record.current_category
    return CategoryChange(category, record.order_date, add_years(record.order_date, ATTESTATION_PERIOD_YEARS))


# --- professional development -------------------------------------------------------------------


def _course_refusal(record: str, message: str, field: str, **params: object) -> DomainError:
    return DomainError(Rule.COURSE, message, {"id": record, **params}, record=record or None, field=field)


def course_errors(course: Course, year: AcademicYear | None = None) -> list[DomainError]:
    """A title and a provider, hours above zero, the end not before the start, the end within the
    course's academic year."""
    errors: list[DomainError] = []
    if not course.title.strip():
        errors.append(_course_refusal(course.id, N_("The course {id} needs a title"), "title"))
    elif len(course.title) > MAX_TITLE:
        errors.append(_course_refusal(course.id, N_("The title of the course {id} is longer than {count} "
                                                    "characters"), "title", count=MAX_TITLE))
    if not course.provider.strip():
        errors.append(_course_refusal(course.id, N_("The course {id} needs the organisation that held it"),
                                      "provider"))
    if course.hours is not None and course.hours <= 0:
        errors.append(_course_refusal(course.id, N_("The hours of the course {id} must be above zero"), "hours"))
    if course.ends_on < course.starts_on:
        errors.append(_course_refusal(course.id, N_("The course {id} ends on {date}, before it starts on "
                                                    "{previous}"), "ends_on",
                                      date=course.ends_on, previous=course.starts_on))
    if year is not None:
        first, last = year.window
        if not first <= course.ends_on <= last:
            errors.append(_course_refusal(course.id, N_("The course {id} ends on {date}, outside the academic "
                                                        "year {year}"), "ends_on",
                                          date=course.ends_on, year=year.id))
    return errors


def file_errors(course: Course, name: str, size: int) -> list[DomainError]:
    """The certificate's file is a document or a scan within the size limit."""
    errors: list[DomainError] = []
    if not name.lower().endswith(FILE_SUFFIXES):
        errors.append(_course_refusal(course.id, N_("The file {name} is not of the kinds {kinds}"), "file",
                                      name=name, kinds=", ".join(FILE_SUFFIXES)))
    if size > MAX_FILE_BYTES:
        errors.append(_course_refusal(course.id, N_("The file {name} is {size} MB; a certificate's file may "
                                                    "be at most {limit} MB"), "file", name=name,
                                      size=round(size / 1048576, 1), limit=MAX_FILE_BYTES // 1048576))
    if size == 0:
        errors.append(_course_refusal(course.id, N_("The file {name} is empty"), "file", name=name))
    return errors


def period_errors(years: int, school: str) -> list[DomainError]:
    low, high = COURSE_PERIOD_RANGE
    if low <= years <= high:
        return []
    return [DomainError(Rule.VALUE, N_("The period between courses is {count} years; it must be from {low} "
                                       "to {high}"), {"count": years, "low": low, "high": high},
                        record=school, field="course_period_years")]


class CourseNeed(StrEnum):
    """Where a teacher stands with professional development in a year."""

    NEVER = "never"  # no course recorded
    OVERDUE = "overdue"  # the next one was due before the year began
    DUE = "due"  # due within the year
    COVERED = "covered"


def next_course_due(last_end: date | None, period_years: int) -> date | None:
    """The last course's end plus the school's period; None without a course."""
    return None if last_end is None else add_years(last_end, period_years)


def course_need(last_end: date | None, period_years: int, year: AcademicYear) -> CourseNeed:
    """Never, overdue (due before the year's window), due within it, or covered beyond it."""
    due = next_course_due(last_end, period_years)
    if due is None:
        return CourseNeed.NEVER
    first, last = year.window
    if due < first:
        return CourseNeed.OVERDUE
    return CourseNeed.DUE if due <= last else CourseNeed.COVERED
