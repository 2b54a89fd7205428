"""Meetings of an association or the council: attendance, guests, the agenda, speeches, decisions."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.domain.entities import (
    Language,
    MeetingForm,
    MeetingStatus,
)
from desktop_app.storage.models_base import (
    Base,
    item_owner,
    one_of,
    owner,
    ref,
    school_ref,
)

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
    #: The teacher's full name as it was (migration 0020_guest_mark_names), printed should they be
    #: gone; NULL for a mark made before it of a teacher the database no longer knew.
    name: Mapped[str | None] = mapped_column(String(302))


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


class SpeechRow(Base):
    """HEARD and SPOKE of an agenda item; the speaker is a teacher or a named outsider."""

    __tablename__ = "agenda_speeches"
    __table_args__ = (
        item_owner(),
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
    __table_args__ = (item_owner(),)

    school_id: Mapped[str] = mapped_column(primary_key=True)
    meeting_id: Mapped[str] = mapped_column(primary_key=True)
    item_position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    text: Mapped[str] = mapped_column(Text)


class AgendaPlanRow(Base):
    __tablename__ = "agenda_plans"
    __table_args__ = (item_owner(), ref("plan_id", "plans"), Index(None, "school_id", "plan_id"))

    school_id: Mapped[str] = mapped_column(primary_key=True)
    meeting_id: Mapped[str] = mapped_column(primary_key=True)
    item_position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    plan_id: Mapped[str]


class AgendaLessonVisitRow(Base):
    __tablename__ = "agenda_lesson_visits"
    __table_args__ = (item_owner(), ref("lesson_visit_id", "lesson_visits"))

    school_id: Mapped[str] = mapped_column(primary_key=True)
    meeting_id: Mapped[str] = mapped_column(primary_key=True)
    item_position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    lesson_visit_id: Mapped[str]
