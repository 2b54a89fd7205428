"""A large, valid exchange document: many years of a school with full KTPs (bench and tests)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

SUBJECTS = [("math", "Математика", "Математика"), ("kazlang", "Қазақ тілі", "Казахский язык"),
            ("physics", "Физика", "Физика")]
LAST = ["Әбенова", "Қасымов", "Иванова", "Серікбай", "Ким", "Нұрланова", "Төлеуов", "Үсенова",
        "Петренко", "Бекова", "Ержанова", "Ғаббасов", "Өмірзақов", "Ұлықбек", "Һадиев"]
FIRST = ["Гүлнар", "Ерлан", "Ольга", "Дәулет", "Виктория", "Әсел", "Ғалым", "Ұлжан", "Наталья", "Шынар"]


def _year(start_year: int) -> dict[str, Any]:
    def d(y: int, m: int, day: int) -> str:
        return date(y, m, day).isoformat()

    s, n = start_year, start_year + 1
    return {
        "id": f"{s}-{n}", "start": d(s, 9, 1), "end": d(n, 5, 25),
        "terms": [{"number": 1, "start": d(s, 9, 1), "end": d(s, 10, 25)},
                  {"number": 2, "start": d(s, 11, 3), "end": d(s, 12, 27)},
                  {"number": 3, "start": d(n, 1, 9), "end": d(n, 3, 19)},
                  {"number": 4, "start": d(n, 3, 30), "end": d(n, 5, 25)}],
        "holidays": [{"start": d(s, 12, 16), "end": d(s, 12, 16),
                      "name": {"kk": "Тәуелсіздік күні", "ru": "День Независимости"}}],
        "extra_school_days": [], "study_weeks": None,
    }


def _school_days(year: dict[str, Any]) -> list[date]:
    terms = [(date.fromisoformat(t["start"]), date.fromisoformat(t["end"])) for t in year["terms"]]
    off = {date.fromisoformat(h["start"]) for h in year["holidays"]}
    days = []
    for start, end in terms:
        day = start
        while day <= end:
            if day.weekday() < 5 and day not in off:
                days.append(day)
            day += timedelta(days=1)
    return days


def large_school(teachers: int = 30, years: int = 10, rows_per_year: int = 10_000,
                 first_year: int = 2016) -> dict[str, Any]:
    """``teachers`` teachers over ``years`` years with about ``rows_per_year`` KTP rows a year."""
    staff = [{
        "id": f"t-{i}", "last_name": LAST[i % len(LAST)], "first_name": FIRST[i % len(FIRST)],
        "patronymic": None, "position": {"kk": "Мұғалім", "ru": "Учитель"},
        "subjects": [SUBJECTS[i % len(SUBJECTS)][0]], "category": "expert",
        "category_awarded": "2022-05-30", "career_start": "2010-09-01", "organization": None,
        "active": True,
    } for i in range(teachers)]
    staff.append({"id": "t-dir", "last_name": "Оспанов", "first_name": "Бауыржан", "subjects": []})
    staff.append({"id": "t-dep", "last_name": "Жұмабекова", "first_name": "Айгүл", "subjects": []})
    document: dict[str, Any] = {
        "format": "metodsovet-exchange", "version": 1,
        "school": {"id": "school-big", "name": {"kk": "№ 1 мектеп", "ru": "Школа № 1"},
                   "director": "t-dir", "deputy_director": "t-dep"},
        "academic_years": [], "subjects": [{"id": s, "name": {"kk": kk, "ru": ru}} for s, kk, ru in SUBJECTS],
        "teachers": staff, "associations": [], "meetings": [], "plans": [],
    }
    plans_per_teacher = max(1, -(-rows_per_year // (teachers * 34)))
    for offset in range(years):
        year = _year(first_year + offset)
        document["academic_years"].append(year)
        days = _school_days(year)
        by_subject: dict[str, list[str]] = {}
        for teacher in staff[:teachers]:
            by_subject.setdefault(teacher["subjects"][0], []).append(teacher["id"])
        for subject, members in by_subject.items():
            body = f"mo-{subject}-{offset}"
            document["associations"].append({
                "id": body, "kind": "subject", "name": {"kk": f"{subject} ӘБ", "ru": f"МО {subject}"},
                "academic_year": year["id"], "subjects": [subject], "head": members[0],
                "secretary": members[1],
                "members": [{"teacher": t, "since": f"{first_year + offset}-08-20", "until": None}
                            for t in members],
            })
            plan_ids = []
            for teacher in members:
                for k in range(plans_per_teacher):
                    plan_id = f"ktp-{teacher}-{offset}-{k}"
                    plan_ids.append(plan_id)
                    lessons = days[k % 5::5][:34]
                    document["plans"].append({
                        "id": plan_id, "teacher": teacher, "subject": subject,
                        "academic_year": year["id"], "grade": 5 + k % 6, "classes": [f"{5 + k % 6}А"],
                        "language": "kk" if k % 2 else "ru", "hours_per_week": 1,
                        "rows": [{"number": r + 1, "term": None, "section": f"Бөлім {r // 8 + 1}",
                                  "topic": f"Тақырып {r + 1}: «әріптер» & <символдар>",
                                  "objectives": [f"{5 + k % 6}.1.{r % 4 + 1}.1"], "hours": 1,
                                  "date": lesson.isoformat(), "note": None}
                                 for r, lesson in enumerate(lessons)],
                        "status": "approved",
                        "review": {"meeting": f"m-{body}-1", "item": 1, "outcome": "recommended",
                                   "remarks": None},
                        "agreed": {"by": "t-dep", "on": f"{first_year + offset}-08-29"},
                        "approved": {"by": "t-dir", "on": f"{first_year + offset}-08-31"},
                    })
            for number, day in enumerate(("08-27", "11-06", "01-15", "03-20"), start=1):
                when = f"{first_year + offset + (1 if number > 2 else 0)}-{day}"
                document["meetings"].append({
                    "id": f"m-{body}-{number}", "body": body, "number": number, "date": when,
                    "language": "kk", "chair": members[0], "secretary": members[1], "status": "finalized",
                    "attendance": [{"teacher": t, "present": True, "reason": None} for t in members],
                    "agenda": [{"number": 1, "title": "КТЖ қарау" if number == 1 else "Тоқсан қорытындысы",
                                "decisions": ["Ұсынылсын."],
                                "vote": {"for": len(members), "against": 0, "abstained": 0},
                                "plans": plan_ids if number == 1 else []}],
                })
    return document


def district_school(number: int, teachers: int = 120, rows_per_year: int = 30_000,
                    first_year: int = 2025) -> dict[str, Any]:
    """School ``number`` (1, 2, …) of a district: one year of a large school under its own id and
    name (issue 15: a district of 40 such schools imported into one database)."""
    document = large_school(teachers, 1, rows_per_year, first_year=first_year)
    document["school"]["id"] = f"school-{number:02d}"
    document["school"]["name"] = {"kk": f"№ {number} мектеп", "ru": f"Школа № {number}"}
    return document
