"""The figures of a year's annual analysis (issue 20 point 3) as plain values: counted in SQL by
storage/year_figures.py, shown by the window, printed and exported by documents/analysis.py.
Keys are stored values (ids, categories, kinds), named in the reader's language where shown."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

#: Kinds of lesson visit that are open lessons (the rest are mutual visits).
OPEN_KINDS = ("open_lesson", "master_class", "lesson_study")


@dataclass(frozen=True)
class BodyMeetings:
    """One association's meetings: planned in its work plan, held, protocols finalized and on time."""

    association: str
    planned: int
    held: int
    finalized: int
    on_time: int


@dataclass(frozen=True)
class PlanFigures:
    """The KTPs of the scope's teachers in the year, by the furthest step they reached."""

    total: int
    submitted: int
    returned: int
    agreed: int
    approved: int
    on_time: int
    late: int
    deadline: date
    #: first day of a month → approvals in that month
    approvals_by_month: dict[date, int]


@dataclass(frozen=True)
class TeacherVisits:
    teacher: str
    open_lessons: int  # lessons the teacher gave openly
    received: int  # observations of the teacher's lessons
    given: int  # observations the teacher wrote on colleagues' lessons


@dataclass(frozen=True)
class VisitFigures:
    open_lessons: int
    mutual_visits: int
    #: association → (open lessons, mutual visits) of its members' lessons
    by_association: dict[str, tuple[int, int]]
    teachers: list[TeacherVisits]
    never_visited: list[str]
    recommendations: int
    followed_up: int


@dataclass(frozen=True)
class MentoringFigures:
    pairs: int
    completed: int
    conclusions: int
    #: first day of a month → sessions held in that month
    sessions_by_month: dict[date, int]


@dataclass(frozen=True)
class StaffFigures:
    """The qualitative composition (сапалық құрам / качественный состав), this year and last."""

    now: dict[str, int]
    last: dict[str, int]
    attestations_due: int
    attestations_done: int
    awarded: int
    course_period_years: int
    covered: int  # teachers with a course that ended within the period before the year's end
    courses: int  # courses of this year
    hours: int

    @property
    def teachers(self) -> int:
        return sum(self.now.values())

    @staticmethod
    def share(counts: dict[str, int]) -> float:
        """The share of teachers with a category (any but ``none``), 0 to 1."""
        total = sum(counts.values())
        return (total - counts.get("none", 0)) / total if total else 0.0


@dataclass(frozen=True)
class ItemMarks:
    association: str
    items: int
    held: int
    moved: int
    cancelled: int


@dataclass(frozen=True)
class YearFigures:
    school: str
    academic_year: str
    association: str | None
    start: date
    end: date
    #: the associations counted (one, or the year's all)
    associations: list[str]
    teachers: list[str]
    meetings: list[BodyMeetings]
    plans: PlanFigures
    visits: VisitFigures
    mentoring: MentoringFigures
    staff: StaffFigures
    work_plan: list[ItemMarks]
    events: dict[str, tuple[int, int]] = field(default_factory=dict)  # form → (all, held)
    materials: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind → (all, approved)
    olympiads: dict[str, tuple[int, int]] = field(default_factory=dict)  # level → (results, winners and prizes)
