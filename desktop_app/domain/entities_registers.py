"""The year's registers: methodical materials (п. 27, п. 10.8) and olympiad results (issue 18,
point 9)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from desktop_app.domain.entities_meetings import Speaker
from desktop_app.domain.entities_plans import Review
from desktop_app.domain.entities_school import Approval, LocalizedText


class MaterialKind(StrEnum):
    ELECTIVE_PROGRAMME = "elective_programme"
    AUTHOR_PROGRAMME = "author_programme"
    RECOMMENDATIONS = "recommendations"
    MANUAL = "manual"
    ASSESSMENT = "assessment"
    BEST_PRACTICE = "best_practice"
    OTHER = "other"


class MaterialStatus(StrEnum):
    DRAFT = "draft"
    RETURNED = "returned"
    CONSIDERED = "considered"
    APPROVED = "approved"


@dataclass
class MaterialFile:
    """The attached file as the record knows it; its bytes are kept apart in the database."""

    name: str
    sha256: str
    size: int


@dataclass
class Material:
    """A methodical material other than a KTP (п. 27): discussed at a meeting of an association
    or of the methodical council, then approved by the director (or one acting for her)."""

    id: str
    kind: MaterialKind
    title: LocalizedText
    association: str
    academic_year: str
    authors: list[Speaker] = field(default_factory=list)
    status: MaterialStatus = MaterialStatus.DRAFT
    review: Review | None = None
    approved: Approval | None = None  # ``by``: the person who actually signed
    acting: bool = False  # signed by one acting for the director («м.а.» / «и.о.»)
    file: MaterialFile | None = None


class OlympiadLevel(StrEnum):
    SCHOOL = "school"
    DISTRICT = "district"
    CITY = "city"
    REGIONAL = "regional"
    REPUBLICAN = "republican"
    INTERNATIONAL = "international"


class OlympiadKind(StrEnum):
    OLYMPIAD = "olympiad"
    CONTEST = "contest"
    PROJECTS = "projects"


class OlympiadOutcome(StrEnum):
    PARTICIPANT = "participant"
    PRIZE = "prize"  # a prize place, 1 to 3 (``place``)
    WINNER = "winner"
    CERTIFICATE = "certificate"


@dataclass
class OlympiadResult:
    """One pupil's participation in an olympiad or contest (п. 10.5), in the register of a year."""

    id: str
    academic_year: str
    pupil: str
    class_name: str
    subject: str
    teacher: str
    level: OlympiadLevel
    kind: OlympiadKind
    outcome: OlympiadOutcome
    place: int | None = None
    stage: str | None = None
    title: str | None = None
    on: date | None = None  # the day of the stage, when known
