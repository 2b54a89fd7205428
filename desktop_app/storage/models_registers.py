"""The school's registers: olympiads, materials, events, attestation and courses, annual analyses,
guest members of the district."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.domain.entities import (
    Category,
    Language,
    MaterialKind,
    MaterialStatus,
    OlympiadKind,
    OlympiadLevel,
    OlympiadOutcome,
    ReviewOutcome,
)
from desktop_app.domain.event_records import EventForm, EventStatus
from desktop_app.domain.staff_records import AttestationResult, CourseKind
from desktop_app.storage.models_base import (
    TEXT,
    Base,
    item_owner,
    one_of,
    owner,
    ref,
    school_ref,
)

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
    __table_args__ = (item_owner(), ref("material_id", "materials"), Index(None, "school_id", "material_id"))

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
