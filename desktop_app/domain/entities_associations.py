"""Methodical associations (and the methodical council), their members, head and work plan, and
how a work plan item was followed (issue 18, point 8)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from desktop_app.domain.entities_school import Approval, LocalizedText


class AssociationKind(StrEnum):
    SUBJECT = "subject"
    PRIMARY = "primary"
    CLASS_TEACHERS = "class_teachers"
    PRESCHOOL = "preschool"
    BOARDING = "boarding"
    INTER_SCHOOL = "inter_school"
    DIRECTION = "direction"
    COUNCIL = "council"


class WorkPlanForm(StrEnum):
    MEETING = "meeting"
    SEMINAR = "seminar"
    MASTER_CLASS = "master_class"
    OPEN_LESSON = "open_lesson"
    ROUND_TABLE = "round_table"
    CONFERENCE = "conference"
    WORKSHOP = "workshop"
    OTHER = "other"


@dataclass
class Membership:
    teacher: str
    since: date | None = None
    until: date | None = None

    def active_on(self, day: date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)

    def overlaps(self, start: date, end: date) -> bool:
        return (self.since is None or self.since <= end) and (self.until is None or start <= self.until)


class HeadBasis(StrEnum):
    """п. 29: how the head came to be."""

    ELECTED = "elected"
    APPOINTED = "appointed"


@dataclass
class HeadChoice:
    """п. 29: elected at a meeting (its protocol's agenda item) or appointed by an order."""

    basis: HeadBasis
    meeting: str | None = None
    item: int | None = None
    order_number: str | None = None
    order_date: date | None = None


@dataclass
class WorkPlanItem:
    month: str
    topic: str
    form: WorkPlanForm
    responsible: list[str] = field(default_factory=list)
    mark: ItemMark | None = None  # how the item was followed (п. 28); None: not yet marked


@dataclass
class WorkPlan:
    items: list[WorkPlanItem] = field(default_factory=list)
    approved: Approval | None = None
    #: The association's methodical theme, the year's goal and tasks, printed above the items.
    theme: LocalizedText | None = None
    goal: LocalizedText | None = None
    tasks: LocalizedText | None = None


@dataclass
class Association:
    id: str
    kind: AssociationKind
    name: LocalizedText
    academic_year: str
    head: str
    subjects: list[str] = field(default_factory=list)
    secretary: str | None = None
    members: list[Membership] = field(default_factory=list)
    work_plan: WorkPlan | None = None
    head_choice: HeadChoice | None = None
    #: Saves so far (optimistic locking): a save carries the revision it read, and one over a
    #: revision someone else saved meanwhile is refused; 0 = not read from the database (unchecked).
    revision: int = field(default=0, compare=False, repr=False)

    def member_ids(self) -> list[str]:
        return list(dict.fromkeys(m.teacher for m in self.members))

    def is_member(self, teacher: str, on: date | None = None) -> bool:
        return any(m.teacher == teacher and (on is None or m.active_on(on)) for m in self.members)


class ItemState(StrEnum):
    """How a work plan item was followed."""

    HELD = "held"
    MOVED = "moved"
    CANCELLED = "cancelled"


@dataclass
class ItemLink:
    """The record that did an item: a kind (``meeting``, ``lesson_visit``; later parts add more)
    and its id. Kept generic so that a new kind needs no new column."""

    kind: str
    id: str


@dataclass
class ItemMark:
    """The mark on a work plan item: held (with ``link``), moved (to ``month``, ``reason``) or
    cancelled (``reason``), recorded on ``on``."""

    state: ItemState
    on: date
    link: ItemLink | None = None
    month: str | None = None
    reason: str | None = None
