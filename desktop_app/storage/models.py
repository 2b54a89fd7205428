"""Tables of the database, as SQLAlchemy 2 declarative models.

Every record is keyed per school by ``(school_id, id)`` where ``id`` is the exchange id, so two
schools may hold the same ids. Lists inside a record live in child tables keyed by
``(school_id, <owner>_id, position)``; ``position`` keeps the list order. Top-level records carry
``seq``, their order of creation, so that a school reads back in the order it was written.
Only the owner → child foreign keys cascade on delete; everything else refuses to orphan.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Dialect,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy import true as sa_true
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from desktop_app.domain.accounts import Role
from desktop_app.domain.entities import (
    AssociationKind,
    Category,
    ItemState,
    Language,
    MaterialKind,
    MaterialStatus,
    MeetingForm,
    MeetingStatus,
    MentorshipStatus,
    OlympiadKind,
    OlympiadLevel,
    OlympiadOutcome,
    PlanStatus,
    ReviewOutcome,
    SessionKind,
    VisitKind,
    WorkPlanForm,
)
from desktop_app.domain.event_records import EventForm, EventStatus
from desktop_app.domain.staff_records import AttestationResult, CourseKind

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID = 64  # exchange ids: 1 to 64 characters
TEXT = 500  # a LocalizedText value


class UTCDateTime(TypeDecorator[datetime]):
    """A moment in UTC; naive values are taken as UTC, values read back are aware (UTC)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {str: String(ID), datetime: UTCDateTime()}


def one_of(column: str, values: type[StrEnum] | tuple[str, ...], name: str | None = None) -> CheckConstraint:
    """A CHECK that ``column`` holds one of ``values`` (enums are portable strings)."""
    names = values if isinstance(values, tuple) else tuple(e.value for e in values)
    allowed = ", ".join(f"'{v}'" for v in names)
    return CheckConstraint(f"{column} IN ({allowed})", name=name or column)


def ref(column: str, table: str) -> ForeignKeyConstraint:
    """(school_id, column) → table(school_id, id): a reference between records of one school."""
    return ForeignKeyConstraint(["school_id", column], [f"{table}.school_id", f"{table}.id"])


def owner(column: str, table: str) -> ForeignKeyConstraint:
    """The child → owner key; deleting the owner deletes its children."""
    return ForeignKeyConstraint(
        ["school_id", column], [f"{table}.school_id", f"{table}.id"], ondelete="CASCADE"
    )


def school_ref() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(["school_id"], ["schools.id"])


class SchoolRow(Base):
    __tablename__ = "schools"

    id: Mapped[str] = mapped_column(primary_key=True)
    name_kk: Mapped[str | None] = mapped_column(String(TEXT))
    name_ru: Mapped[str | None] = mapped_column(String(TEXT))
    short_name_kk: Mapped[str | None] = mapped_column(String(TEXT))
    short_name_ru: Mapped[str | None] = mapped_column(String(TEXT))
    city_kk: Mapped[str | None] = mapped_column(String(TEXT))
    city_ru: Mapped[str | None] = mapped_column(String(TEXT))
    address_kk: Mapped[str | None] = mapped_column(String(TEXT))
    address_ru: Mapped[str | None] = mapped_column(String(TEXT))
    # No foreign key: the director is a teacher of this school (a cycle with teachers).
    director: Mapped[str | None]
    deputy_director: Mapped[str | None]
    # 0006_rules: the deputy director's agreement of KTPs (school practice), on by default.
    deputy_agreement: Mapped[bool] = mapped_column(Boolean, default=True, server_default=sa_true())
    # 0012_attestation: years between a teacher's professional development courses (a school setting).
    course_period_years: Mapped[int] = mapped_column(Integer, server_default="3")


# --- academic years ---------------------------------------------------------------------------


class AcademicYearRow(Base):
    __tablename__ = "academic_years"
    __table_args__ = (school_ref(),)

    school_id: Mapped[str] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    start_date: Mapped[date]
    end_date: Mapped[date]
    study_weeks: Mapped[int | None]


class TermRow(Base):
    __tablename__ = "academic_year_terms"
    __table_args__ = (owner("year_id", "academic_years"),)

    school_id: Mapped[str] = mapped_column(primary_key=True)
    year_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    number: Mapped[int]
    start_date: Mapped[date]
    end_date: Mapped[date]


class HolidayRow(Base):
    """Holidays and, flagged ``grade1``, the extra holidays of grade 1; one position sequence."""

    __tablename__ = "academic_year_holidays"
    __table_args__ = (owner("year_id", "academic_years"),)

    school_id: Mapped[str] = mapped_column(primary_key=True)
    year_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    start_date: Mapped[date]
    end_date: Mapped[date]
    name_kk: Mapped[str | None] = mapped_column(String(TEXT))
    name_ru: Mapped[str | None] = mapped_column(String(TEXT))
    grade1: Mapped[bool] = mapped_column(Boolean)


class ExtraSchoolDayRow(Base):
    __tablename__ = "academic_year_extra_days"
    __table_args__ = (owner("year_id", "academic_years"),)

    school_id: Mapped[str] = mapped_column(primary_key=True)
    year_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    day: Mapped[date]


# --- subjects and teachers --------------------------------------------------------------------


class SubjectRow(Base):
    __tablename__ = "subjects"
    __table_args__ = (school_ref(),)

    school_id: Mapped[str] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    name_kk: Mapped[str | None] = mapped_column(String(TEXT))
    name_ru: Mapped[str | None] = mapped_column(String(TEXT))


class TeacherRow(Base):
    __tablename__ = "teachers"
    __table_args__ = (school_ref(), one_of("category", Category))

    school_id: Mapped[str] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    revision: Mapped[int] = mapped_column(Integer, server_default="1")  # 0010: saves so far
    last_name: Mapped[str] = mapped_column(String(100))
    first_name: Mapped[str] = mapped_column(String(100))
    patronymic: Mapped[str | None] = mapped_column(String(100))
    position_kk: Mapped[str | None] = mapped_column(String(TEXT))
    position_ru: Mapped[str | None] = mapped_column(String(TEXT))
    category: Mapped[str] = mapped_column(String(20))
    category_awarded: Mapped[date | None]
    attestation_due: Mapped[date | None]  # 0012: when the next attestation is due
    career_start: Mapped[date | None]
    organization_kk: Mapped[str | None] = mapped_column(String(TEXT))
    organization_ru: Mapped[str | None] = mapped_column(String(TEXT))
    active: Mapped[bool] = mapped_column(Boolean)


class TeacherSubjectRow(Base):
    __tablename__ = "teacher_subjects"
    __table_args__ = (owner("teacher_id", "teachers"), ref("subject_id", "subjects"))

    school_id: Mapped[str] = mapped_column(primary_key=True)
    teacher_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    subject_id: Mapped[str]


# --- associations -----------------------------------------------------------------------------


class AssociationRow(Base):
    __tablename__ = "associations"
    __table_args__ = (
        school_ref(),
        ref("academic_year_id", "academic_years"),
        ref("head_id", "teachers"),
        ref("secretary_id", "teachers"),
        ref("work_plan_approved_by", "teachers"),
        one_of("kind", AssociationKind),
        Index(None, "school_id", "academic_year_id"),
    )

    school_id: Mapped[str] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    revision: Mapped[int] = mapped_column(Integer, server_default="1")  # 0010: saves so far
    kind: Mapped[str] = mapped_column(String(20))
    name_kk: Mapped[str | None] = mapped_column(String(TEXT))
    name_ru: Mapped[str | None] = mapped_column(String(TEXT))
    academic_year_id: Mapped[str]
    head_id: Mapped[str]
    secretary_id: Mapped[str | None]
    has_work_plan: Mapped[bool] = mapped_column(Boolean)
    work_plan_approved_by: Mapped[str | None]
    work_plan_approved_on: Mapped[date | None]
    # 0006_rules: who signed as acting director; how the head came to be (п. 29).
    work_plan_approved_acting: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    head_basis: Mapped[str | None] = mapped_column(String(20))
    head_meeting_id: Mapped[str | None]
    head_item: Mapped[int | None]
    head_order_number: Mapped[str | None] = mapped_column(String(TEXT))
    head_order_date: Mapped[date | None]
    # revision 0009: the plan's methodical theme, goal and tasks
    work_plan_theme_kk: Mapped[str | None] = mapped_column(Text)
    work_plan_theme_ru: Mapped[str | None] = mapped_column(Text)
    work_plan_goal_kk: Mapped[str | None] = mapped_column(Text)
    work_plan_goal_ru: Mapped[str | None] = mapped_column(Text)
    work_plan_tasks_kk: Mapped[str | None] = mapped_column(Text)
    work_plan_tasks_ru: Mapped[str | None] = mapped_column(Text)


class AssociationSubjectRow(Base):
    __tablename__ = "association_subjects"
    __table_args__ = (owner("association_id", "associations"), ref("subject_id", "subjects"))

    school_id: Mapped[str] = mapped_column(primary_key=True)
    association_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    subject_id: Mapped[str]


class MembershipRow(Base):
    __tablename__ = "memberships"
    __table_args__ = (
        owner("association_id", "associations"),
        ref("teacher_id", "teachers"),
        Index(None, "school_id", "teacher_id"),
    )

    school_id: Mapped[str] = mapped_column(primary_key=True)
    association_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    teacher_id: Mapped[str]
    since: Mapped[date | None]
    until: Mapped[date | None]


class WorkPlanItemRow(Base):
    __tablename__ = "work_plan_items"
    __table_args__ = (owner("association_id", "associations"), one_of("form", WorkPlanForm),
                      one_of("mark_state", ItemState))

    school_id: Mapped[str] = mapped_column(primary_key=True)
    association_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    month: Mapped[str] = mapped_column(String(20))
    topic: Mapped[str] = mapped_column(Text)
    form: Mapped[str] = mapped_column(String(20))
    # revision 0009: the mark (held / moved / cancelled); the link is a kind and an id, no key,
    # so that new kinds of record (events, materials) need no migration
    mark_state: Mapped[str | None] = mapped_column(String(20))
    mark_on: Mapped[date | None]
    mark_link_kind: Mapped[str | None] = mapped_column(String(40))
    mark_link_id: Mapped[str | None]
    mark_month: Mapped[str | None] = mapped_column(String(20))
    mark_reason: Mapped[str | None] = mapped_column(Text)


class WorkPlanResponsibleRow(Base):
    __tablename__ = "work_plan_responsible"
    __table_args__ = (
        ForeignKeyConstraint(
            ["school_id", "association_id", "item_position"],
            ["work_plan_items.school_id", "work_plan_items.association_id", "work_plan_items.position"],
            ondelete="CASCADE",
        ),
        ref("teacher_id", "teachers"),
    )

    school_id: Mapped[str] = mapped_column(primary_key=True)
    association_id: Mapped[str] = mapped_column(primary_key=True)
    item_position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    teacher_id: Mapped[str]


# --- meetings ---------------------------------------------------------------------------------


class MeetingRow(Base):
    __tablename__ = "meetings"
    __table_args__ = (
        school_ref(),
        ref("body_id", "associations"),
        ref("chair_id", "teachers"),
        ref("secretary_id", "teachers"),
        one_of("language", Language),
        one_of("status", MeetingStatus),
        one_of("form", MeetingForm),
        Index(None, "school_id", "body_id"),
    )

    school_id: Mapped[str] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    revision: Mapped[int] = mapped_column(Integer, server_default="1")  # 0010: saves so far
    body_id: Mapped[str]
    number: Mapped[int]
    date: Mapped[date]
    language: Mapped[str] = mapped_column(String(2))
    chair_id: Mapped[str]
    secretary_id: Mapped[str]
    status: Mapped[str] = mapped_column(String(20))
    start_time: Mapped[str | None] = mapped_column(String(5))
    place: Mapped[str | None] = mapped_column(String(300))
    form: Mapped[str] = mapped_column(String(20))
    version: Mapped[int]


class AttendanceRow(Base):
    __tablename__ = "meeting_attendance"
    __table_args__ = (owner("meeting_id", "meetings"), ref("teacher_id", "teachers"))

    school_id: Mapped[str] = mapped_column(primary_key=True)
    meeting_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    teacher_id: Mapped[str]
    present: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str | None] = mapped_column(Text)


class GuestRow(Base):
    __tablename__ = "meeting_guests"
    __table_args__ = (owner("meeting_id", "meetings"),)

    school_id: Mapped[str] = mapped_column(primary_key=True)
    meeting_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(200))
    job_title: Mapped[str | None] = mapped_column(String(200))


class GuestAttendanceRow(Base):
    """A mark of a member from another school (п. 21; migration 0017_gaps): no foreign key to that teacher, as in
    ``association_guest_members``."""

    __tablename__ = "meeting_guest_attendance"
    __table_args__ = (owner("meeting_id", "meetings"),)

    school_id: Mapped[str] = mapped_column(primary_key=True)
    meeting_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    member_school_id: Mapped[str]
    teacher_id: Mapped[str]
    present: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str | None] = mapped_column(Text)


class AgendaItemRow(Base):
    __tablename__ = "agenda_items"
    __table_args__ = (owner("meeting_id", "meetings"),)

    school_id: Mapped[str] = mapped_column(primary_key=True)
    meeting_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    number: Mapped[int]
    title: Mapped[str] = mapped_column(Text)
    # All three null: no vote recorded.
    vote_in_favour: Mapped[int | None]
    vote_against: Mapped[int | None]
    vote_abstained: Mapped[int | None]


def _item_owner() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(
        ["school_id", "meeting_id", "item_position"],
        ["agenda_items.school_id", "agenda_items.meeting_id", "agenda_items.position"],
        ondelete="CASCADE",
    )


class SpeechRow(Base):
    """HEARD and SPOKE of an agenda item; the speaker is a teacher or a named outsider."""

    __tablename__ = "agenda_speeches"
    __table_args__ = (
        _item_owner(),
        ref("speaker_teacher_id", "teachers"),
        one_of("kind", ("heard", "spoke")),
        CheckConstraint("(speaker_teacher_id IS NULL) <> (speaker_name IS NULL)", name="speaker"),
    )

    school_id: Mapped[str] = mapped_column(primary_key=True)
    meeting_id: Mapped[str] = mapped_column(primary_key=True)
    item_position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(5))
    speaker_teacher_id: Mapped[str | None]
    speaker_name: Mapped[str | None] = mapped_column(String(200))
    speaker_position: Mapped[str | None] = mapped_column(String(200))
    #: A member from another school (п. 21; migration 0019_guest_speakers), no foreign key; the name
    #: as it was stays in ``speaker_name``.
    speaker_guest_school_id: Mapped[str | None]
    speaker_guest_teacher_id: Mapped[str | None]
    text: Mapped[str] = mapped_column(Text)


class DecisionRow(Base):
    __tablename__ = "agenda_decisions"
    __table_args__ = (_item_owner(),)

    school_id: Mapped[str] = mapped_column(primary_key=True)
    meeting_id: Mapped[str] = mapped_column(primary_key=True)
    item_position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    text: Mapped[str] = mapped_column(Text)


class AgendaPlanRow(Base):
    __tablename__ = "agenda_plans"
    __table_args__ = (_item_owner(), ref("plan_id", "plans"), Index(None, "school_id", "plan_id"))

    school_id: Mapped[str] = mapped_column(primary_key=True)
    meeting_id: Mapped[str] = mapped_column(primary_key=True)
    item_position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    plan_id: Mapped[str]


class AgendaLessonVisitRow(Base):
    __tablename__ = "agenda_lesson_visits"
    __table_args__ = (_item_owner(), ref("lesson_visit_id", "lesson_visits"))

    school_id: Mapped[str] = mapped_column(primary_key=True)
    meeting_id: Mapped[str] = mapped_column(primary_key=True)
    item_position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    lesson_visit_id: Mapped[str]


# --- calendar-thematic plans ------------------------------------------------------------------


class PlanRecordRow(Base):
    __tablename__ = "plans"
    __table_args__ = (
        school_ref(),
        ref("teacher_id", "teachers"),
        ref("subject_id", "subjects"),
        ref("academic_year_id", "academic_years"),
        ref("review_meeting_id", "meetings"),
        ref("agreed_by", "teachers"),
        ref("approved_by", "teachers"),
        one_of("language", Language),
        one_of("status", PlanStatus),
        one_of("review_outcome", ReviewOutcome),
        Index(None, "school_id", "academic_year_id"),
        Index(None, "school_id", "teacher_id"),
        Index(None, "school_id", "academic_year_id", "status"),  # 0005: counts per status
        # 0014: the district's approvals on time, read from the index alone (storage/district.py)
        Index(None, "school_id", "academic_year_id", "status", "approved_on"),
        # 0018: the Plans section's teachers of a year from the index alone (storage/plan_pages.py)
        Index(None, "school_id", "academic_year_id", "teacher_id"),
    )

    school_id: Mapped[str] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    revision: Mapped[int] = mapped_column(Integer, server_default="1")  # 0010: saves so far
    teacher_id: Mapped[str]
    subject_id: Mapped[str]
    academic_year_id: Mapped[str]
    grade: Mapped[int]
    language: Mapped[str] = mapped_column(String(2))
    hours_per_week: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(20))
    classes: Mapped[list[str]] = mapped_column(JSON)
    review_meeting_id: Mapped[str | None]
    review_item: Mapped[int | None]
    review_outcome: Mapped[str | None] = mapped_column(String(20))
    review_remarks: Mapped[str | None] = mapped_column(Text)
    agreed_by: Mapped[str | None]
    agreed_on: Mapped[date | None]
    approved_by: Mapped[str | None]
    approved_on: Mapped[date | None]
    version: Mapped[int]
    # 0006_rules: signed in the official's stead (и.о. / м.а.).
    agreed_acting: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    approved_acting: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())


class PlanLessonRow(Base):
    """One lesson row of a KTP (domain.entities.PlanRow) in the table ``plan_rows``."""

    __tablename__ = "plan_rows"
    __table_args__ = (owner("plan_id", "plans"),)

    school_id: Mapped[str] = mapped_column(primary_key=True)
    plan_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    number: Mapped[int]
    topic: Mapped[str] = mapped_column(Text)
    hours: Mapped[float] = mapped_column(Float)
    term: Mapped[int | None]
    section: Mapped[str | None] = mapped_column(Text)
    objectives: Mapped[list[str]] = mapped_column(JSON)
    date: Mapped[date | None]
    note: Mapped[str | None] = mapped_column(Text)


# --- mentorships ------------------------------------------------------------------------------


class MentorshipRow(Base):
    __tablename__ = "mentorships"
    __table_args__ = (
        school_ref(),
        ref("mentor_id", "teachers"),
        ref("mentee_id", "teachers"),
        ref("academic_year_id", "academic_years"),
        one_of("status", MentorshipStatus),
        Index(None, "school_id", "academic_year_id"),  # 0005
    )

    school_id: Mapped[str] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    revision: Mapped[int] = mapped_column(Integer, server_default="1")  # 0010: saves so far
    mentor_id: Mapped[str]
    mentee_id: Mapped[str]
    academic_year_id: Mapped[str]
    start_date: Mapped[date]
    end_date: Mapped[date]
    status: Mapped[str] = mapped_column(String(20))
    order_number: Mapped[str | None] = mapped_column(String(50))
    order_date: Mapped[date | None]
    conclusion: Mapped[str | None] = mapped_column(Text)


class MentorshipGoalRow(Base):
    __tablename__ = "mentorship_goals"
    __table_args__ = (owner("mentorship_id", "mentorships"),)

    school_id: Mapped[str] = mapped_column(primary_key=True)
    mentorship_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    text: Mapped[str] = mapped_column(Text)


class MentorshipActivityRow(Base):
    __tablename__ = "mentorship_activities"
    __table_args__ = (owner("mentorship_id", "mentorships"),)

    school_id: Mapped[str] = mapped_column(primary_key=True)
    mentorship_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    due: Mapped[date]
    activity: Mapped[str] = mapped_column(Text)
    done: Mapped[bool] = mapped_column(Boolean)


class MentorshipSessionRow(Base):
    __tablename__ = "mentorship_sessions"
    __table_args__ = (
        owner("mentorship_id", "mentorships"),
        ref("lesson_visit_id", "lesson_visits"),
        one_of("kind", SessionKind),
    )

    school_id: Mapped[str] = mapped_column(primary_key=True)
    mentorship_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    date: Mapped[date]
    kind: Mapped[str] = mapped_column(String(30))
    topic: Mapped[str] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    lesson_visit_id: Mapped[str | None]


# --- lesson visits ----------------------------------------------------------------------------


class LessonVisitRow(Base):
    __tablename__ = "lesson_visits"
    __table_args__ = (
        school_ref(),
        ref("teacher_id", "teachers"),
        ref("subject_id", "subjects"),
        ref("association_id", "associations"),
        one_of("kind", VisitKind),
        Index(None, "school_id", "date"),  # 0005: the visits of a year's window
    )

    school_id: Mapped[str] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    revision: Mapped[int] = mapped_column(Integer, server_default="1")  # 0010: saves so far
    kind: Mapped[str] = mapped_column(String(20))
    teacher_id: Mapped[str]
    subject_id: Mapped[str]
    date: Mapped[date]
    topic: Mapped[str] = mapped_column(Text)
    class_name: Mapped[str | None] = mapped_column(String(20))
    association_id: Mapped[str | None]


class ObservationRow(Base):
    __tablename__ = "lesson_visit_observations"
    __table_args__ = (owner("lesson_visit_id", "lesson_visits"), ref("observer_id", "teachers"))

    school_id: Mapped[str] = mapped_column(primary_key=True)
    lesson_visit_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    observer_id: Mapped[str]
    strengths: Mapped[str | None] = mapped_column(Text)
    recommendations: Mapped[str | None] = mapped_column(Text)


# --- history kept beside the records ----------------------------------------------------------


class PlanEventRow(Base):
    __tablename__ = "plan_events"
    __table_args__ = (owner("plan_id", "plans"), Index(None, "school_id", "plan_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    school_id: Mapped[str]
    plan_id: Mapped[str]
    at: Mapped[datetime]
    actor: Mapped[str]
    action: Mapped[str] = mapped_column(String(200))
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)


class MeetingVersionRow(Base):
    __tablename__ = "meeting_versions"
    __table_args__ = (owner("meeting_id", "meetings"),)

    school_id: Mapped[str] = mapped_column(primary_key=True)
    meeting_id: Mapped[str] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    snapshot: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    actor: Mapped[str]
    at: Mapped[datetime]


# --- full-text search (revision 0003) ---------------------------------------------------------


class ProtocolTextRow(Base):
    """One passage of a protocol as it is searched: the place, an item's title, a speech or a
    decision, in the order of the protocol (``id``). Written by the Store with the meeting; the
    SQLite FTS5 index over it (``dialect.TEXT_INDEX``) follows by triggers, and a server database
    can index the same rows its own way."""

    __tablename__ = "protocol_texts"
    __table_args__ = (owner("meeting_id", "meetings"), Index(None, "school_id", "meeting_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    school_id: Mapped[str]
    meeting_id: Mapped[str]
    item: Mapped[int | None]
    field: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)


# --- accounts and audit (revision 0002) -------------------------------------------------------


class UserRow(Base):
    """An account. ``school_id``/``teacher_id`` have no foreign key: replacing a school by an
    import deletes and re-inserts its records, and the accounts must survive that."""

    __tablename__ = "users"
    __table_args__ = (one_of("role", Role), Index(None, "school_id"))

    login: Mapped[str] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(255))
    school_id: Mapped[str | None]
    teacher_id: Mapped[str | None]
    active: Mapped[bool] = mapped_column(Boolean)
    failed_attempts: Mapped[int]
    locked_until: Mapped[datetime | None]
    last_sign_in: Mapped[datetime | None]  # revision 0004


class AuditEventRow(Base):
    __tablename__ = "audit_events"
    __table_args__ = (Index(None, "school_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str]
    action: Mapped[str] = mapped_column(String(200))
    school_id: Mapped[str | None]
    record_kind: Mapped[str] = mapped_column(String(200))
    record_id: Mapped[str]
    summary: Mapped[str] = mapped_column(Text)
    previous_hash: Mapped[str] = mapped_column(String(128))
    hash: Mapped[str] = mapped_column(String(128))
    #: The database login that wrote the event on a school server (revision 0011; set by a trigger).
    db_login: Mapped[str | None] = mapped_column(String(63))


# --- olympiads and contests of pupils (revision 0009, issue 18 point 9) -------------------------


class OlympiadResultRow(Base):
    __tablename__ = "olympiad_results"
    __table_args__ = (
        school_ref(),
        ref("academic_year_id", "academic_years"),
        ref("subject_id", "subjects"),
        ref("teacher_id", "teachers"),
        one_of("level", OlympiadLevel),
        one_of("kind", OlympiadKind),
        one_of("outcome", OlympiadOutcome),
        CheckConstraint("place IS NULL OR place BETWEEN 1 AND 3", name="place"),
        Index(None, "school_id", "academic_year_id"),
    )

    school_id: Mapped[str] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    academic_year_id: Mapped[str]
    pupil: Mapped[str] = mapped_column(String(TEXT))
    class_name: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[str]
    teacher_id: Mapped[str]
    level: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str] = mapped_column(String(20))
    place: Mapped[int | None]
    stage: Mapped[str | None] = mapped_column(String(TEXT))
    title: Mapped[str | None] = mapped_column(String(TEXT))
    held_on: Mapped[date | None]


metadata = Base.metadata


# --- methodical materials (п. 27; revision 0007) ----------------------------------------------


class MaterialRow(Base):
    """A methodical material other than a KTP; the attached file's bytes are in ``material_files``."""

    __tablename__ = "materials"
    __table_args__ = (
        school_ref(),
        ref("association_id", "associations"),
        ref("academic_year_id", "academic_years"),
        ref("review_meeting_id", "meetings"),
        ref("approved_by", "teachers"),
        one_of("kind", MaterialKind),
        one_of("status", MaterialStatus),
        one_of("review_outcome", ReviewOutcome),
        Index(None, "school_id", "academic_year_id"),
    )

    school_id: Mapped[str] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    kind: Mapped[str] = mapped_column(String(30))
    title_kk: Mapped[str | None] = mapped_column(String(TEXT))
    title_ru: Mapped[str | None] = mapped_column(String(TEXT))
    association_id: Mapped[str]
    academic_year_id: Mapped[str]
    status: Mapped[str] = mapped_column(String(20))
    review_meeting_id: Mapped[str | None]
    review_item: Mapped[int | None]
    review_outcome: Mapped[str | None] = mapped_column(String(20))
    review_remarks: Mapped[str | None] = mapped_column(Text)
    approved_by: Mapped[str | None]
    approved_on: Mapped[date | None]
    acting: Mapped[bool] = mapped_column(Boolean)
    file_name: Mapped[str | None] = mapped_column(String(255))
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    file_size: Mapped[int | None] = mapped_column(Integer)


class MaterialAuthorRow(Base):
    """An author: a teacher of the school or an invited person by name."""

    __tablename__ = "material_authors"
    __table_args__ = (
        owner("material_id", "materials"),
        ref("teacher_id", "teachers"),
        CheckConstraint("(teacher_id IS NULL) <> (name IS NULL)", name="author"),
    )

    school_id: Mapped[str] = mapped_column(primary_key=True)
    material_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    teacher_id: Mapped[str | None]
    name: Mapped[str | None] = mapped_column(String(200))
    job_title: Mapped[str | None] = mapped_column(String(200))


class MaterialFileRow(Base):
    """The bytes of a material's file, read only when it is opened or extracted."""

    __tablename__ = "material_files"
    __table_args__ = (owner("material_id", "materials"),)

    school_id: Mapped[str] = mapped_column(primary_key=True)
    material_id: Mapped[str] = mapped_column(primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class AgendaMaterialRow(Base):
    """A material an agenda item discusses (п. 27)."""

    __tablename__ = "agenda_materials"
    __table_args__ = (_item_owner(), ref("material_id", "materials"), Index(None, "school_id", "material_id"))

    school_id: Mapped[str] = mapped_column(primary_key=True)
    meeting_id: Mapped[str] = mapped_column(primary_key=True)
    item_position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    material_id: Mapped[str]


# --- events of collective methodical work (п. 20; revision 0008_events) -----------------------


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (
        school_ref(),
        ref("academic_year_id", "academic_years"),
        ref("organiser_id", "associations"),
        one_of("form", EventForm),
        one_of("status", EventStatus),
        UniqueConstraint("school_id", "academic_year_id", "number"),
    )

    school_id: Mapped[str] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    academic_year_id: Mapped[str]
    number: Mapped[int]
    form: Mapped[str] = mapped_column(String(40))
    topic_kk: Mapped[str | None] = mapped_column(Text)
    topic_ru: Mapped[str | None] = mapped_column(Text)
    start: Mapped[date]
    end: Mapped[date | None]
    place: Mapped[str] = mapped_column(Text)
    organiser_id: Mapped[str | None]
    materials: Mapped[str] = mapped_column(Text)
    attachment_name: Mapped[str | None] = mapped_column(String(255))
    attachment_data: Mapped[bytes | None] = mapped_column(LargeBinary)
    attachment_sha256: Mapped[str | None] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    certificates_issued: Mapped[date | None]


class EventPersonRow(Base):
    """A teacher of the school on an event: responsible for it, or taking part."""

    __tablename__ = "event_people"
    __table_args__ = (owner("event_id", "events"), ref("teacher_id", "teachers"),
                      one_of("role", ("responsible", "participant")))

    school_id: Mapped[str] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    teacher_id: Mapped[str]


class EventGuestRow(Base):
    __tablename__ = "event_guests"
    __table_args__ = (owner("event_id", "events"),)

    school_id: Mapped[str] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(Text)
    organisation: Mapped[str] = mapped_column(Text)
    job: Mapped[str | None] = mapped_column(Text)


class EventProgrammeRow(Base):
    __tablename__ = "event_programme"
    __table_args__ = (owner("event_id", "events"),)

    school_id: Mapped[str] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    time: Mapped[str] = mapped_column(String(40))
    topic: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str] = mapped_column(Text)


class EventAgendaRow(Base):
    """An agenda item of a meeting that lists the event (the meeting keeps its own numbering).

    Kept on the event's side, so that meetings and their protocols stay as they are; deleting the
    meeting drops the reference."""

    __tablename__ = "event_agenda"
    __table_args__ = (
        owner("event_id", "events"),
        ForeignKeyConstraint(["school_id", "meeting_id"], ["meetings.school_id", "meetings.id"],
                             ondelete="CASCADE"),
    )

    school_id: Mapped[str] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    meeting_id: Mapped[str]
    item_number: Mapped[int]


# --- attestation (п. 10.7) and professional development (revision 0012_attestation) ------------


class AttestationRow(Base):
    """A teacher's attestation in a year: categories, application, the association's hearing, result."""

    __tablename__ = "attestations"
    __table_args__ = (
        school_ref(),
        ref("academic_year_id", "academic_years"),
        ref("teacher_id", "teachers"),
        ref("hearing_meeting_id", "meetings"),
        one_of("current_category", Category),
        one_of("sought_category", Category),
        one_of("result", AttestationResult),
        Index(None, "school_id", "academic_year_id"),
    )

    school_id: Mapped[str] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    revision: Mapped[int] = mapped_column(Integer, server_default="1")
    academic_year_id: Mapped[str]
    teacher_id: Mapped[str]
    current_category: Mapped[str] = mapped_column(String(20))
    sought_category: Mapped[str] = mapped_column(String(20))
    applied_on: Mapped[date | None]
    hearing_meeting_id: Mapped[str | None]
    hearing_item: Mapped[int | None]
    #: The portfolio checklist: a JSON list of the keys of the parts handed in.
    portfolio: Mapped[str] = mapped_column(Text, server_default="[]")
    result: Mapped[str | None] = mapped_column(String(20))
    order_number: Mapped[str | None] = mapped_column(String(50))
    order_date: Mapped[date | None]
    next_due: Mapped[date | None]


class CourseRow(Base):
    """A course, internship or seminar a teacher attended outside the school."""

    __tablename__ = "courses"
    __table_args__ = (
        school_ref(),
        ref("academic_year_id", "academic_years"),
        ref("teacher_id", "teachers"),
        one_of("kind", CourseKind),
        CheckConstraint("hours IS NULL OR hours > 0", name="hours"),
        Index(None, "school_id", "teacher_id"),
        Index(None, "school_id", "academic_year_id"),
    )

    school_id: Mapped[str] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    revision: Mapped[int] = mapped_column(Integer, server_default="1")
    academic_year_id: Mapped[str]
    teacher_id: Mapped[str]
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(TEXT))
    provider: Mapped[str] = mapped_column(String(TEXT))
    hours: Mapped[int | None]
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    certificate_number: Mapped[str | None] = mapped_column(String(100))
    file_name: Mapped[str | None] = mapped_column(String(255))
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    file_size: Mapped[int | None] = mapped_column(Integer)


class CourseFileRow(Base):
    """The bytes of a course certificate's file, read only when it is opened."""

    __tablename__ = "course_files"
    __table_args__ = (owner("course_id", "courses"),)

    school_id: Mapped[str] = mapped_column(primary_key=True)
    course_id: Mapped[str] = mapped_column(primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)


# --- the annual analysis of methodical work (issue 20 point 3; revision 0013_annual_analysis) ---


class AnnualAnalysisRow(Base):
    """The texts of a year's analysis, per association or (``association_id`` null) the school's."""

    __tablename__ = "annual_analyses"
    __table_args__ = (
        school_ref(),
        ref("academic_year_id", "academic_years"),
        ref("association_id", "associations"),
        ref("approved_by", "teachers"),
        one_of("language", Language),
        one_of("status", ("draft", "approved")),
        Index(None, "school_id", "academic_year_id"),
    )

    school_id: Mapped[str] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int]
    revision: Mapped[int] = mapped_column(Integer, server_default="1")
    academic_year_id: Mapped[str]
    association_id: Mapped[str | None]
    language: Mapped[str] = mapped_column(String(2))
    conclusions: Mapped[str] = mapped_column(Text, server_default="")
    tasks: Mapped[str] = mapped_column(Text, server_default="")
    status: Mapped[str] = mapped_column(String(20), server_default="draft")
    approved_by: Mapped[str | None]
    approved_on: Mapped[date | None]
    approved_acting: Mapped[bool] = mapped_column(Boolean, server_default=sa_false())


# --- district (revision 0014_district) -----------------------------------------------------------


class GuestMemberRow(Base):
    """A member of an inter-school association (п. 21) who is a teacher of another school of the
    district database: referred to by that school and teacher id, never copied into this school.
    No foreign key to that teacher or school, so that the other school's file can be imported
    again over it (--replace deletes the school first); a member whose teacher is gone is shown as
    such."""

    __tablename__ = "association_guest_members"
    __table_args__ = (
        owner("association_id", "associations"),
        Index(None, "member_school_id", "teacher_id"),
    )

    school_id: Mapped[str] = mapped_column(primary_key=True)
    association_id: Mapped[str] = mapped_column(primary_key=True)
    member_school_id: Mapped[str] = mapped_column(primary_key=True)
    teacher_id: Mapped[str] = mapped_column(primary_key=True)
    since: Mapped[date | None]
    until: Mapped[date | None]
