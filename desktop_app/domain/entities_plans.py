"""Calendar-thematic plans (KTP / КТЖ), their rows and their review at a meeting."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from desktop_app.domain.entities_school import Approval, Language


class PlanStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    RECOMMENDED = "recommended"
    AGREED = "agreed"
    APPROVED = "approved"


class ReviewOutcome(StrEnum):
    RECOMMENDED = "recommended"
    RETURNED = "returned"


@dataclass
class PlanRow:
    number: int
    topic: str
    hours: float
    term: int | None = None
    section: str | None = None
    objectives: list[str] = field(default_factory=list)
    date: date | None = None
    note: str | None = None


@dataclass
class Review:
    meeting: str
    item: int
    outcome: ReviewOutcome
    remarks: str | None = None


@dataclass
class CalendarPlan:
    """A calendar-thematic plan (KTP / КТЖ)."""

    id: str
    teacher: str
    subject: str
    academic_year: str
    grade: int
    language: Language
    hours_per_week: float
    rows: list[PlanRow] = field(default_factory=list)
    status: PlanStatus = PlanStatus.DRAFT
    classes: list[str] = field(default_factory=list)
    review: Review | None = None
    agreed: Approval | None = None
    approved: Approval | None = None
    #: A change after approval is a new version that runs the path again (not exchanged).
    version: int = 1
    #: Saves so far (optimistic locking): a save carries the revision it read, and one over a
    #: revision someone else saved meanwhile is refused; 0 = not read from the database (unchecked).
    revision: int = field(default=0, compare=False, repr=False)

    @property
    def total_hours(self) -> float:
        return sum(r.hours for r in self.rows)
