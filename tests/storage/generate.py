"""A generated school of any size, for bulk insert/load tests and measurements."""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app.domain.entities import (
    AcademicYear,
    CalendarPlan,
    Category,
    Language,
    LocalizedText,
    PlanRow,
    School,
    SchoolRecords,
    Subject,
    Teacher,
    Term,
)


def generated_school(
    school_id: str = "gen",
    teachers: int = 30,
    years: int = 10,
    rows_per_year: int = 10_000,
    rows_per_plan: int = 34,
) -> SchoolRecords:
    subjects = [Subject(f"s-{i}", LocalizedText(f"Пән {i}", f"Предмет {i}")) for i in range(10)]
    staff = [
        Teacher(
            f"t-{i}",
            f"Әбенова{i}",
            "Гүлнар",
            "Серікқызы",
            LocalizedText("Мұғалім", "Учитель"),
            [subjects[i % 10].id],
            Category.EXPERT,
            date(2020, 5, 1),
            date(2010, 9, 1),
        )
        for i in range(teachers)
    ]
    academic_years = []
    plans = []
    for y in range(years):
        start = date(2015 + y, 9, 1)
        year_id = f"{2015 + y}-{2016 + y}"
        academic_years.append(
            AcademicYear(
                year_id,
                start,
                date(2016 + y, 5, 25),
                [
                    Term(n + 1, start + timedelta(days=70 * n), start + timedelta(days=70 * n + 60))
                    for n in range(4)
                ],
            )
        )
        for p in range(rows_per_year // rows_per_plan + (1 if rows_per_year % rows_per_plan else 0)):
            count = min(rows_per_plan, rows_per_year - p * rows_per_plan)
            plans.append(
                CalendarPlan(
                    f"ktp-{y}-{p}",
                    staff[p % teachers].id,
                    subjects[p % 10].id,
                    year_id,
                    1 + p % 11,
                    Language.KK,
                    1.0,
                    [
                        PlanRow(
                            n + 1,
                            f"Тақырып {n + 1}",
                            1.0,
                            1 + n * 4 // count,
                            "Бөлім",
                            [f"{p}.{n}.1", f"{p}.{n}.2"],
                            start + timedelta(days=7 * n),
                            None,
                        )
                        for n in range(count)
                    ],
                    classes=["7А", "7Б"],
                )
            )
    return SchoolRecords(
        School(school_id, LocalizedText("Мектеп", "Школа")), academic_years, subjects, staff, plans=plans
    )
