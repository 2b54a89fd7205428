"""The school, its academic years, subjects, teachers and associations (with their work plans)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy import false as sa_false
from sqlalchemy import true as sa_true
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.domain.entities import (
    AssociationKind,
    Category,
    ItemState,
    WorkPlanForm,
)
from desktop_app.storage.models_base import (
    TEXT,
    Base,
    one_of,
    owner,
    ref,
    school_ref,
)


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
