"""Mentorships and lesson visits."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class MentorshipStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class SessionKind(StrEnum):
    CONSULTATION = "consultation"
    MENTOR_VISITS_LESSON = "mentor_visits_lesson"
    MENTEE_VISITS_LESSON = "mentee_visits_lesson"
    JOINT_PLANNING = "joint_planning"
    OTHER = "other"


class VisitKind(StrEnum):
    OPEN_LESSON = "open_lesson"
    MASTER_CLASS = "master_class"
    LESSON_STUDY = "lesson_study"
    MUTUAL_VISIT = "mutual_visit"


@dataclass
class MentorOrder:
    number: str
    date: date


@dataclass
class MentorshipActivity:
    due: date
    activity: str
    done: bool = False


@dataclass
class MentorshipSession:
    date: date
    kind: SessionKind
    topic: str
    notes: str | None = None
    lesson_visit: str | None = None


@dataclass
class Mentorship:
    id: str
    mentor: str
    mentee: str
    academic_year: str
    start: date
    end: date
    status: MentorshipStatus = MentorshipStatus.ACTIVE
    order: MentorOrder | None = None
    goals: list[str] = field(default_factory=list)
    plan: list[MentorshipActivity] = field(default_factory=list)
    sessions: list[MentorshipSession] = field(default_factory=list)
    conclusion: str | None = None
    #: Saves so far (optimistic locking): a save carries the revision it read, and one over a
    #: revision someone else saved meanwhile is refused; 0 = not read from the database (unchecked).
    revision: int = field(default=0, compare=False, repr=False)


@dataclass
class Observation:
    observer: str
    strengths: str | None = None
    recommendations: str | None = None


@dataclass
class LessonVisit:
    id: str
    kind: VisitKind
    teacher: str
    subject: str
    date: date
    topic: str
    class_name: str | None = None
    association: str | None = None
    observations: list[Observation] = field(default_factory=list)
    #: Saves so far (optimistic locking): a save carries the revision it read, and one over a
    #: revision someone else saved meanwhile is refused; 0 = not read from the database (unchecked).
    revision: int = field(default=0, compare=False, repr=False)

    @property
    def observers(self) -> tuple[str, ...]:
        """Who observed the lesson, in the order of their observations."""
        return tuple(o.observer for o in self.observations)
