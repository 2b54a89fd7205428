"""Tables of the database, as SQLAlchemy 2 declarative models.

Every record is keyed per school by ``(school_id, id)`` where ``id`` is the exchange id, so two
schools may hold the same ids. Lists inside a record live in child tables keyed by
``(school_id, <owner>_id, position)``; ``position`` keeps the list order. Top-level records carry
``seq``, their order of creation, so that a school reads back in the order it was written.
Only the owner → child foreign keys cascade on delete; everything else refuses to orphan.

Each group of tables has its module (``models_school``, ``models_meetings``, ``models_work``,
``models_accounts``, ``models_registers``, on ``models_base``); this one gathers them, in the order
they were declared, so that ``metadata`` lists every table.
"""

from __future__ import annotations

# isort: off
# The order the tables were declared in: ``metadata.sorted_tables`` breaks its ties by it.
from desktop_app.storage.models_base import (
    ID,
    NAMING_CONVENTION,
    TEXT,
    Base,
    UTCDateTime,
    item_owner,
    one_of,
    owner,
    ref,
    school_ref,
)
from desktop_app.storage.models_school import (
    AcademicYearRow,
    AssociationRow,
    AssociationSubjectRow,
    ExtraSchoolDayRow,
    HolidayRow,
    MembershipRow,
    SchoolRow,
    SubjectRow,
    TeacherRow,
    TeacherSubjectRow,
    TermRow,
    WorkPlanItemRow,
    WorkPlanResponsibleRow,
)
from desktop_app.storage.models_meetings import (
    AgendaItemRow,
    AgendaLessonVisitRow,
    AgendaPlanRow,
    AttendanceRow,
    DecisionRow,
    GuestAttendanceRow,
    GuestRow,
    MeetingRow,
    SpeechRow,
)
from desktop_app.storage.models_work import (
    LessonVisitRow,
    MeetingVersionRow,
    MentorshipActivityRow,
    MentorshipGoalRow,
    MentorshipRow,
    MentorshipSessionRow,
    ObservationRow,
    PlanEventRow,
    PlanLessonRow,
    PlanRecordRow,
    ProtocolTextRow,
)
from desktop_app.storage.models_accounts import (
    AuditEventRow,
    UserRow,
)
from desktop_app.storage.models_registers import (
    AgendaMaterialRow,
    AnnualAnalysisRow,
    AttestationRow,
    CourseFileRow,
    CourseRow,
    EventAgendaRow,
    EventGuestRow,
    EventPersonRow,
    EventProgrammeRow,
    EventRow,
    GuestMemberRow,
    MaterialAuthorRow,
    MaterialFileRow,
    MaterialRow,
    OlympiadResultRow,
)
# isort: on

metadata = Base.metadata

__all__ = [
    "ID",
    "NAMING_CONVENTION",
    "TEXT",
    "AcademicYearRow",
    "AgendaItemRow",
    "AgendaLessonVisitRow",
    "AgendaMaterialRow",
    "AgendaPlanRow",
    "AnnualAnalysisRow",
    "AssociationRow",
    "AssociationSubjectRow",
    "AttendanceRow",
    "AttestationRow",
    "AuditEventRow",
    "Base",
    "CourseFileRow",
    "CourseRow",
    "DecisionRow",
    "EventAgendaRow",
    "EventGuestRow",
    "EventPersonRow",
    "EventProgrammeRow",
    "EventRow",
    "ExtraSchoolDayRow",
    "GuestAttendanceRow",
    "GuestMemberRow",
    "GuestRow",
    "HolidayRow",
    "LessonVisitRow",
    "MaterialAuthorRow",
    "MaterialFileRow",
    "MaterialRow",
    "MeetingRow",
    "MeetingVersionRow",
    "MembershipRow",
    "MentorshipActivityRow",
    "MentorshipGoalRow",
    "MentorshipRow",
    "MentorshipSessionRow",
    "ObservationRow",
    "OlympiadResultRow",
    "PlanEventRow",
    "PlanLessonRow",
    "PlanRecordRow",
    "ProtocolTextRow",
    "SchoolRow",
    "SpeechRow",
    "SubjectRow",
    "TeacherRow",
    "TeacherSubjectRow",
    "TermRow",
    "UTCDateTime",
    "UserRow",
    "WorkPlanItemRow",
    "WorkPlanResponsibleRow",
    "item_owner",
    "metadata",
    "one_of",
    "owner",
    "ref",
    "school_ref",
]
