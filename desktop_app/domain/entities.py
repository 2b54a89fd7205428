"""The records of one school, as plain dataclasses.

References between records are exchange ids (strings), unique per collection within a school,
exactly as in the exchange format; the storage keys every record by (school, id). Each group of records has its module
(``entities_school``, ``entities_associations``, ``entities_meetings``, ``entities_plans``,
``entities_mentoring``, ``entities_registers``); this one gathers them and names them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.domain.entities_associations import (
    Association,
    AssociationKind,
    HeadBasis,
    HeadChoice,
    ItemLink,
    ItemMark,
    ItemState,
    Membership,
    WorkPlan,
    WorkPlanForm,
    WorkPlanItem,
)
from desktop_app.domain.entities_meetings import (
    AgendaItem,
    Attendance,
    GuestAttendance,
    GuestSpeaker,
    Meeting,
    MeetingForm,
    MeetingStatus,
    Person,
    Speaker,
    Speech,
    SpeechSpeaker,
    Vote,
)
from desktop_app.domain.entities_mentoring import (
    LessonVisit,
    MentorOrder,
    Mentorship,
    MentorshipActivity,
    MentorshipSession,
    MentorshipStatus,
    Observation,
    SessionKind,
    VisitKind,
)
from desktop_app.domain.entities_plans import (
    CalendarPlan,
    PlanRow,
    PlanStatus,
    Review,
    ReviewOutcome,
)
from desktop_app.domain.entities_registers import (
    Material,
    MaterialFile,
    MaterialKind,
    MaterialStatus,
    OlympiadKind,
    OlympiadLevel,
    OlympiadOutcome,
    OlympiadResult,
)
from desktop_app.domain.entities_school import (
    AcademicYear,
    Approval,
    Category,
    Holiday,
    Language,
    LocalizedText,
    School,
    Signer,
    Subject,
    Teacher,
    Term,
)

__all__ = [
    "AcademicYear",
    "AgendaItem",
    "Approval",
    "Association",
    "AssociationKind",
    "Attendance",
    "CalendarPlan",
    "Category",
    "GuestAttendance",
    "GuestSpeaker",
    "HeadBasis",
    "HeadChoice",
    "Holiday",
    "ItemLink",
    "ItemMark",
    "ItemState",
    "Language",
    "LessonVisit",
    "LocalizedText",
    "Material",
    "MaterialFile",
    "MaterialKind",
    "MaterialStatus",
    "Meeting",
    "MeetingForm",
    "MeetingStatus",
    "Membership",
    "MentorOrder",
    "Mentorship",
    "MentorshipActivity",
    "MentorshipSession",
    "MentorshipStatus",
    "Observation",
    "OlympiadKind",
    "OlympiadLevel",
    "OlympiadOutcome",
    "OlympiadResult",
    "Person",
    "PlanRow",
    "PlanStatus",
    "Review",
    "ReviewOutcome",
    "School",
    "SchoolRecords",
    "SessionKind",
    "Signer",
    "Speaker",
    "Speech",
    "SpeechSpeaker",
    "Subject",
    "Teacher",
    "Term",
    "VisitKind",
    "Vote",
    "WorkPlan",
    "WorkPlanForm",
    "WorkPlanItem",
]


@dataclass
class SchoolRecords:
    """Everything one school keeps: what an exchange document holds."""

    school: School
    academic_years: list[AcademicYear] = field(default_factory=list)
    subjects: list[Subject] = field(default_factory=list)
    teachers: list[Teacher] = field(default_factory=list)
    associations: list[Association] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    plans: list[CalendarPlan] = field(default_factory=list)
    mentorships: list[Mentorship] = field(default_factory=list)
    lesson_visits: list[LessonVisit] = field(default_factory=list)
    materials: list[Material] = field(default_factory=list)
    olympiad_results: list[OlympiadResult] = field(default_factory=list)
