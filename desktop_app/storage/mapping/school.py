"""The school, its academic years, subjects and teachers."""

from __future__ import annotations

from typing import Any

from desktop_app.domain.entities import (
    AcademicYear,
    Category,
    Holiday,
    School,
    Subject,
    Teacher,
    Term,
)
from desktop_app.storage.mapping.base import Children, Row, Rows, optional_text, positioned, required_text, text_columns

# --- school -----------------------------------------------------------------------------------


def dump_school(school: School) -> dict[str, Any]:
    return {
        "id": school.id,
        **text_columns("name", school.name),
        **text_columns("short_name", school.short_name),
        **text_columns("city", school.city),
        **text_columns("address", school.address),
        "director": school.director,
        "deputy_director": school.deputy_director,
        "deputy_agreement": school.deputy_agreement,
        "course_period_years": school.course_period_years,
    }


def build_school(row: Row) -> School:
    return School(
        id=row["id"],
        name=required_text(row, "name"),
        short_name=optional_text(row, "short_name"),
        city=optional_text(row, "city"),
        address=optional_text(row, "address"),
        director=row["director"],
        deputy_director=row["deputy_director"],
        deputy_agreement=bool(row["deputy_agreement"]),
        course_period_years=int(row["course_period_years"]),
    )


# --- academic years ---------------------------------------------------------------------------


def dump_academic_year(school_id: str, year: AcademicYear) -> Rows:
    owner = {"school_id": school_id, "year_id": year.id}
    holidays = [(h, False) for h in year.holidays] + [(h, True) for h in year.grade1_holidays]
    return {
        "academic_years": [{
            "school_id": school_id, "id": year.id, "start_date": year.start, "end_date": year.end,
            "study_weeks": year.study_weeks,
        }],
        "academic_year_terms": positioned(
            ({"number": t.number, "start_date": t.start, "end_date": t.end} for t in year.terms), **owner),
        "academic_year_holidays": positioned(
            ({"start_date": h.start, "end_date": h.end, **text_columns("name", h.name), "grade1": grade1}
             for h, grade1 in holidays), **owner),
        "academic_year_extra_days": positioned(({"day": d} for d in year.extra_school_days), **owner),
    }


def _holiday(row: Row) -> Holiday:
    return Holiday(row["start_date"], row["end_date"], optional_text(row, "name"))


def build_academic_year(row: Row, children: Children) -> AcademicYear:
    holidays = children("academic_year_holidays")
    return AcademicYear(
        id=row["id"],
        start=row["start_date"],
        end=row["end_date"],
        terms=[Term(t["number"], t["start_date"], t["end_date"]) for t in children("academic_year_terms")],
        holidays=[_holiday(h) for h in holidays if not h["grade1"]],
        extra_school_days=[d["day"] for d in children("academic_year_extra_days")],
        study_weeks=row["study_weeks"],
        grade1_holidays=[_holiday(h) for h in holidays if h["grade1"]],
    )


# --- subjects and teachers --------------------------------------------------------------------


def dump_subject(school_id: str, subject: Subject) -> Rows:
    return {"subjects": [{"school_id": school_id, "id": subject.id, **text_columns("name", subject.name)}]}


def build_subject(row: Row, children: Children) -> Subject:
    return Subject(row["id"], required_text(row, "name"))


def dump_teacher(school_id: str, teacher: Teacher) -> Rows:
    return {
        "teachers": [{
            "school_id": school_id, "id": teacher.id, "last_name": teacher.last_name,
            "first_name": teacher.first_name, "patronymic": teacher.patronymic,
            **text_columns("position", teacher.position), "category": str(teacher.category),
            "category_awarded": teacher.category_awarded, "career_start": teacher.career_start,
            **text_columns("organization", teacher.organization), "active": teacher.active,
        }],
        "teacher_subjects": positioned(({"subject_id": s} for s in teacher.subjects),
                                   school_id=school_id, teacher_id=teacher.id),
    }


def build_teacher(row: Row, children: Children) -> Teacher:
    return Teacher(
        id=row["id"],
        last_name=row["last_name"],
        first_name=row["first_name"],
        patronymic=row["patronymic"],
        position=optional_text(row, "position"),
        subjects=[s["subject_id"] for s in children("teacher_subjects")],
        category=Category(row["category"]),
        category_awarded=row["category_awarded"],
        career_start=row["career_start"],
        organization=optional_text(row, "organization"),
        active=bool(row["active"]),
    )
