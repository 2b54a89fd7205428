"""Calendar-thematic plans, mentorships, lesson visits, the history kept beside them, full-text search."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.domain.entities import (
    Language,
    MentorshipStatus,
    PlanStatus,
    ReviewOutcome,
    SessionKind,
    VisitKind,
)
from desktop_app.storage.models_base import (
    Base,
    one_of,
    owner,
    ref,
    school_ref,
)

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
