"""The school, its academic years, subjects and teachers, and a sign-off (approval) as records
of several kinds carry it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Language(StrEnum):
    KK = "kk"
    RU = "ru"


class Category(StrEnum):
    """Qualification category of a teacher, lowest first."""

    NONE = "none"
    PEDAGOG = "pedagog"
    MODERATOR = "moderator"
    EXPERT = "expert"
    RESEARCHER = "researcher"
    MASTER = "master"

    @property
    def rank(self) -> int:
        return list(Category).index(self)


@dataclass
class LocalizedText:
    """A reference value known in Kazakh, Russian or both."""

    kk: str | None = None
    ru: str | None = None

    def get(self, language: str) -> str:
        """The value in ``language``, else in the other language (documents.md)."""
        first, second = (self.kk, self.ru) if language == Language.KK else (self.ru, self.kk)
        return first or second or ""


@dataclass
class School:
    id: str
    name: LocalizedText
    short_name: LocalizedText | None = None
    city: LocalizedText | None = None
    address: LocalizedText | None = None
    director: str | None = None
    deputy_director: str | None = None
    #: School practice, not the Rules: the deputy director agrees (СОГЛАСОВАНО / КЕЛІСІЛДІ) a
    #: considered KTP before the director approves it. Off: the director approves it directly.
    deputy_agreement: bool = True
    #: Years between a teacher's courses (a school setting, issue 20; staff_records.COURSE_PERIOD_RANGE).
    course_period_years: int = 3


@dataclass
class Term:
    number: int
    start: date
    end: date


@dataclass
class Holiday:
    start: date
    end: date
    name: LocalizedText | None = None


@dataclass
class AcademicYear:
    id: str
    start: date
    end: date
    terms: list[Term] = field(default_factory=list)
    holidays: list[Holiday] = field(default_factory=list)
    extra_school_days: list[date] = field(default_factory=list)
    study_weeks: int | None = None
    grade1_holidays: list[Holiday] = field(default_factory=list)

    @property
    def window(self) -> tuple[date, date]:
        """1 August of the starting year to 31 July of the next (rules 3 and 8)."""
        first = self.start.year if self.start.month >= 8 else self.start.year - 1
        return date(first, 8, 1), date(first + 1, 7, 31)

    def term_of(self, day: date) -> int | None:
        for term in self.terms:
            if term.start <= day <= term.end:
                return term.number
        return None


@dataclass
class Subject:
    id: str
    name: LocalizedText


def short_name(last_name: str, first_name: str, patronymic: str | None) -> str:
    """Surname and initials, as protocols write them: «Әбенова Г. С.» (``Teacher.short_name``; a list
    of a school's teachers names them without building each record)."""
    initials = " ".join(f"{p[0]}." for p in (first_name, patronymic) if p)
    return f"{last_name} {initials}".strip()


@dataclass
class Teacher:
    id: str
    last_name: str
    first_name: str
    patronymic: str | None = None
    position: LocalizedText | None = None
    subjects: list[str] = field(default_factory=list)
    category: Category = Category.NONE
    category_awarded: date | None = None
    career_start: date | None = None
    organization: LocalizedText | None = None
    active: bool = True
    #: Saves so far (optimistic locking): a save carries the revision it read, and one over a
    #: revision someone else saved meanwhile is refused; 0 = not read from the database (unchecked).
    revision: int = field(default=0, compare=False, repr=False)

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)

    @property
    def short_name(self) -> str:
        """Surname and initials, as protocols write them: «Әбенова Г. С.»."""
        return short_name(self.last_name, self.first_name, self.patronymic)


@dataclass
class Approval:
    """Who signed and when; ``acting`` when ``by`` signed in the official's stead (и.о. / м.а.)."""

    by: str
    on: date
    acting: bool = False


@dataclass(frozen=True)
class Signer:
    """Who signs an approval, chosen when approving: the official, or a teacher acting for them."""

    teacher: str
    acting: bool = False
