"""A large, valid exchange document: many years of a school with full KTPs (bench and tests),
and each year the rest of a school's methodical work: five protocols of every association, open
lessons and mutual visits with their observations, mentoring (finished but in the last year),
methodical materials, events, olympiad results, attestations and courses, so that a screen which
reads every year shows it."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

SUBJECTS = [("math", "Математика", "Математика"), ("kazlang", "Қазақ тілі", "Казахский язык"),
            ("physics", "Физика", "Физика"), ("chem", "Химия", "Химия"), ("bio", "Биология", "Биология"),
            ("hist", "Қазақстан тарихы", "История Казахстана"), ("eng", "Ағылшын тілі", "Английский язык"),
            ("rus", "Орыс тілі", "Русский язык"), ("inf", "Информатика", "Информатика"),
            ("geo", "География", "География"), ("art", "Көркем еңбек", "Художественный труд"),
            ("pe", "Дене шынықтыру", "Физическая культура")]
#: Bumped whenever the documents made here change (a bench's cached database is named after it).
VERSION = 3
#: An association's protocols of a year (month-day) and what the first three items of each are.
MEETING_DAYS = ("08-27", "11-06", "01-15", "03-20", "05-22")
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
    """``teachers`` teachers over ``years`` years with about ``rows_per_year`` KTP rows a year; one
    association for every three teachers (at most one a subject of ``SUBJECTS``), each with its
    year's protocols, visits, mentoring and materials (``_year_work``)."""
    subjects = SUBJECTS[:max(1, min(len(SUBJECTS), teachers // 3))]
    staff = [{
        "id": f"t-{i}", "last_name": LAST[i % len(LAST)], "first_name": FIRST[i % len(FIRST)],
        "patronymic": None, "position": {"kk": "Мұғалім", "ru": "Учитель"},
        "subjects": [subjects[i % len(subjects)][0]], "category": "expert",
        "category_awarded": "2022-05-30", "career_start": "2010-09-01", "organization": None,
        "active": True,
    } for i in range(teachers)]
    staff.append({"id": "t-dir", "last_name": "Оспанов", "first_name": "Бауыржан", "subjects": []})
    staff.append({"id": "t-dep", "last_name": "Жұмабекова", "first_name": "Айгүл", "subjects": []})
    document: dict[str, Any] = {
        "format": "metodsovet-exchange", "version": 2,
        "school": {"id": "school-big", "name": {"kk": "№ 1 мектеп", "ru": "Школа № 1"},
                   "director": "t-dir", "deputy_director": "t-dep"},
        "academic_years": [], "subjects": [{"id": s, "name": {"kk": kk, "ru": ru}} for s, kk, ru in subjects],
        "teachers": staff, "associations": [], "meetings": [], "plans": [], "mentorships": [],
        "lesson_visits": [], "materials": [], "events": [], "olympiad_results": [], "attestations": [],
        "courses": [],
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
            _year_work(document, year, days, body, subject, members, plan_ids, offset == years - 1)
    return document


def _year_work(document: dict[str, Any], year: dict[str, Any], days: list[date], body: str, subject: str,
               members: list[str], plan_ids: list[str], last_year: bool) -> None:
    """One association's year besides its KTPs: five protocols of three items each, two visited
    lessons of every member (observed by two others), a mentorship, two materials, an event, four
    olympiad results, an attestation and a course."""
    year_id, first = year["id"], int(year["id"][:4])
    material_ids = [f"mat-{body}-{n}" for n in (1, 2)]
    visit_ids = []
    for position, teacher in enumerate(members):
        for n in (1, 2):
            visit_id = f"v-{body}-{teacher}-{n}"
            visit_ids.append(visit_id)
            observers = [members[(position + step) % len(members)] for step in (1, 2)]
            document["lesson_visits"].append({
                "id": visit_id, "kind": "open_lesson" if n == 1 else "mutual_visit", "teacher": teacher,
                "subject": subject, "class": "7А", "date": days[(position * 7 + n * 53) % len(days)].isoformat(),
                "topic": f"Сабақ тақырыбы {n}: «{subject}» бойынша ашық сабақ", "association": body,
                "observations": [{"observer": o, "strengths": "Сабақ мақсаты анық, оқушылар белсенді.",
                                  "recommendations": "Кері байланысқа көбірек уақыт бөлу."} for o in observers],
            })
    for number, day in enumerate(MEETING_DAYS, start=1):
        when = f"{first + (1 if number > 2 else 0)}-{day}"
        agenda = []
        for item in (1, 2, 3):
            agenda.append({
                "number": item,
                "title": ("КТЖ қарау" if number == 1 and item == 1 else
                          "Әдістемелік материалдарды талқылау" if number == 2 and item == 3 else
                          f"Тоқсан қорытындысы: {item}-мәселе"),
                "heard": [{"speaker": members[item % len(members)],
                           "text": "Баяндама: оқушылардың білім сапасы және алдағы міндеттер."}],
                "spoke": [{"speaker": members[(item + 1) % len(members)], "text": "Ұсыныс айтты."}],
                "decisions": ["Ақпарат назарға алынсын.", "Ұсыныстар орындалсын."],
                "vote": {"for": len(members), "against": 0, "abstained": 0},
                "plans": plan_ids if number == 1 and item == 1 else [],
                "lesson_visits": [], "materials": material_ids if number == 2 and item == 3 else [],
            })
        document["meetings"].append({
            "id": f"m-{body}-{number}", "body": body, "number": number, "date": when,
            "language": "kk", "chair": members[0], "secretary": members[1], "status": "finalized",
            "attendance": [{"teacher": t, "present": True, "reason": None} for t in members],
            "agenda": agenda,
        })
    for n, material_id in enumerate(material_ids, start=1):
        document["materials"].append({
            "id": material_id, "kind": "recommendations" if n == 1 else "assessment",
            "title": {"kk": f"{subject}: әдістемелік ұсыныстар {n}", "ru": f"{subject}: методические рекомендации {n}"},
            "association": body, "academic_year": year_id, "authors": [members[n]], "status": "considered",
            "review": {"meeting": f"m-{body}-2", "item": 3, "outcome": "recommended", "remarks": None},
            "approved": None, "file": None,
        })
    document["mentorships"].append({
        "id": f"ment-{body}", "mentor": members[0], "mentee": members[-1], "academic_year": year_id,
        "start": year["start"], "end": year["end"], "order": {"number": f"{first % 100}-Ж", "date": year["start"]},
        "goals": ["Сабақты жоспарлау дағдыларын дамыту"],
        "plan": [{"due": days[20 * k].isoformat(), "activity": f"Кеңес {k + 1}", "done": True} for k in range(3)],
        "sessions": [{"date": days[20 * k + 3].isoformat(), "kind": "consultation", "topic": f"Кеңес {k + 1}",
                      "notes": None} for k in range(3)],
        "status": "active" if last_year else "completed",
        "conclusion": None if last_year else "Жас маман сабақты өз бетінше жоспарлайды.",
    })
    event_day = days[40].isoformat()
    document["events"].append({
        "id": f"e-{body}", "academic_year": year_id, "form": "seminar",
        "number": 1 + sum(e["academic_year"] == year_id for e in document["events"]),
        "topic": {"kk": f"{subject}: функционалдық сауаттылық", "ru": f"{subject}: функциональная грамотность"},
        "start": event_day, "end": None, "place": "21-кабинет", "organiser": body, "responsible": [members[0]],
        "participants": members[1:], "guests": [], "programme": [], "materials": None, "attachment": None,
        "outcome": "Семинар материалдары ұсынылды.", "status": "held", "certificates_issued": None, "agenda": [],
    })
    for n in range(4):
        document["olympiad_results"].append({
            "id": f"ol-{body}-{n}", "academic_year": year_id, "pupil": f"{LAST[n]} {FIRST[n]}",
            "class_name": "9Ә", "subject": subject, "teacher": members[n % len(members)], "level": "district",
            "kind": "olympiad", "outcome": "prize" if n % 2 else "participant", "place": 2 if n % 2 else None,
            "stage": "II кезең", "title": "Пәндік олимпиада", "on": days[60].isoformat(),
        })
    document["attestations"].append({
        "id": f"att-{body}", "academic_year": year_id, "teacher": members[2], "current_category": "expert",
        "sought_category": "expert", "applied_on": days[5].isoformat(),
        "hearing": {"meeting": f"m-{body}-2", "item": 1},
        "portfolio": ["application", "diploma"], "result": "confirmed",
        "order": {"number": f"{first % 100}-ж", "date": days[60].isoformat()}, "next_due": f"{first + 5}-11-20",
    })
    document["courses"].append({
        "id": f"crs-{body}", "academic_year": year_id, "teacher": members[1], "kind": "course",
        "title": f"{subject} пәнін оқыту әдістемесі", "provider": "«Өрлеу» БАҰО АҚ", "hours": 72,
        "starts_on": days[30].isoformat(), "ends_on": days[39].isoformat(), "certificate_number": "№ 0457",
        "file": None,
    })


def district_school(number: int, teachers: int = 120, rows_per_year: int = 30_000,
                    first_year: int = 2025) -> dict[str, Any]:
    """School ``number`` (1, 2, …) of a district: one year of a large school under its own id and
    name (issue 15: a district of 40 such schools imported into one database)."""
    document = large_school(teachers, 1, rows_per_year, first_year=first_year)
    document["school"]["id"] = f"school-{number:02d}"
    document["school"]["name"] = {"kk": f"№ {number} мектеп", "ru": f"Школа № {number}"}
    return document
