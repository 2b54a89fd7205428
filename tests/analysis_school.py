"""A school built row by row whose annual-analysis figures are known (issue 20 point 3).

Year 2026-2027 (01.09.2026–31.05.2027), eleven active teachers, three associations:
math (head t1: t1 t2 t3 t4), lang (head t5: t5 t6 t7), primary (head t8: t8 t9); the director
«dir» and the deputy director «dep» in none. The figures each table must show are in EXPECTED
comments next to the rows that make them, and asserted in tests/services/test_annual_analysis.py.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert

from desktop_app.storage import models as m
from desktop_app.storage.database import Database

SCHOOL = "sch"
YEAR = "2026-2027"
LAST = "2025-2026"
#: id → (last name, first name, category, category awarded, attestation due)
TEACHERS: dict[str, tuple[str, str, str, date | None, date | None]] = {
    "t1": ("Әбенова", "Гүлнар", "master", None, None),
    "t2": ("Қасымов", "Ерлан", "expert", date(2027, 3, 1), None),
    "t3": ("Иванова", "Ольга", "expert", None, None),
    "t4": ("Нұрланова", "Айгүл", "moderator", date(2027, 2, 1), None),
    "t5": ("Сейітова", "Мадина", "pedagog", None, date(2027, 3, 1)),
    "t6": ("Ким", "Виктор", "none", None, date(2027, 4, 1)),
    "t7": ("Өмірова", "Сәуле", "researcher", None, None),
    "t8": ("Үсенова", "Дана", "moderator", date(2027, 1, 10), None),  # no attestation: had none
    "t9": ("Жақсылықов", "Арман", "none", None, None),
    "dir": ("Директорова", "Алма", "expert", None, None),
    "dep": ("Завучева", "Нина", "researcher", None, None),
}
BODIES = {"math": ("t1", ["t1", "t2", "t3", "t4"]), "lang": ("t5", ["t5", "t6", "t7"]),
          "primary": ("t8", ["t8", "t9"])}
NAMES = {"math": ("Математика ӘБ", "МО математики"), "lang": ("Тіл ӘБ", "МО языков"),
         "primary": ("Бастауыш ӘБ", "МО начальных классов")}


def _put(conn: Any, model: type[m.Base], rows: list[dict[str, Any]]) -> None:
    table = model.__table__
    for seq, row in enumerate(rows, start=1):
        values = {"school_id": SCHOOL, **row}
        if "seq" in table.c and "seq" not in values:
            values["seq"] = seq
        conn.execute(insert(table), [values])


def build(db: Database) -> None:
    with db.transaction(write=True) as store:
        conn = store.session
        conn.execute(insert(m.SchoolRow.__table__), [{"id": SCHOOL, "name_kk": "№ 7 мектеп-гимназия",
                                                     "name_ru": "Школа-гимназия № 7", "director": "dir",
                                                     "deputy_director": "dep", "deputy_agreement": True}])
        _put(conn, m.AcademicYearRow, [
            {"id": LAST, "start_date": date(2025, 9, 1), "end_date": date(2026, 5, 31)},
            {"id": YEAR, "start_date": date(2026, 9, 1), "end_date": date(2027, 5, 31)}])
        _put(conn, m.SubjectRow, [{"id": "s1", "name_kk": "Математика", "name_ru": "Математика"}])
        _put(conn, m.TeacherRow, [
            {"id": t, "last_name": last, "first_name": first, "category": cat, "category_awarded": awarded,
             "attestation_due": due, "active": True}
            for t, (last, first, cat, awarded, due) in TEACHERS.items()])
        _put(conn, m.AssociationRow, [
            {"id": b, "kind": "subject", "name_kk": NAMES[b][0], "name_ru": NAMES[b][1], "academic_year_id": YEAR,
             "head_id": head, "has_work_plan": True} for b, (head, _) in BODIES.items()])
        _put(conn, m.MembershipRow, [{"association_id": b, "position": i, "teacher_id": t}
                                     for b, (_, people) in BODIES.items() for i, t in enumerate(people)])
        # Work plan: math 3 meetings + 1 seminar (held 2, cancelled 1, unmarked 1); lang 2 meetings (held, moved).
        _put(conn, m.WorkPlanItemRow, [
            {"association_id": "math", "position": 0, "month": "2026-08", "topic": "1", "form": "meeting",
             "mark_state": "held", "mark_on": date(2026, 11, 30)},
            {"association_id": "math", "position": 1, "month": "2026-11", "topic": "2", "form": "meeting",
             "mark_state": "held", "mark_on": date(2026, 11, 30)},
            {"association_id": "math", "position": 2, "month": "2027-01", "topic": "3", "form": "meeting"},
            {"association_id": "math", "position": 3, "month": "2027-02", "topic": "4", "form": "seminar",
             "mark_state": "cancelled", "mark_reason": "карантин",
             "mark_on": date(2027, 2, 1)},
            {"association_id": "lang", "position": 0, "month": "2026-10", "topic": "1", "form": "meeting",
             "mark_state": "held", "mark_on": date(2026, 11, 30)},
            {"association_id": "lang", "position": 1, "month": "2027-03", "topic": "2", "form": "meeting",
             "mark_state": "moved", "mark_month": "2027-04",
             "mark_on": date(2027, 3, 1), "mark_reason": "ауру"}])
        # Meetings: math held 3 (finalized 2, one on time), one draft; lang held 1, finalized on time.
        meeting = {"language": "kk", "form": "meeting", "version": 1}
        _put(conn, m.MeetingRow, [
            {**meeting, "id": "m1", "body_id": "math", "number": 1, "date": date(2026, 8, 28), "chair_id": "t1",
             "secretary_id": "t2", "status": "finalized"},
            {**meeting, "id": "m2", "body_id": "math", "number": 2, "date": date(2026, 11, 5), "chair_id": "t1",
             "secretary_id": "t2", "status": "finalized"},
            {**meeting, "id": "m3", "body_id": "math", "number": 3, "date": date(2027, 1, 15), "chair_id": "t1",
             "secretary_id": "t2", "status": "held"},
            {**meeting, "id": "m4", "body_id": "math", "number": 4, "date": date(2027, 3, 1), "chair_id": "t1",
             "secretary_id": "t2", "status": "draft"},
            {**meeting, "id": "m5", "body_id": "lang", "number": 1, "date": date(2026, 10, 10), "chair_id": "t5",
             "secretary_id": "t6", "status": "finalized"}])
        audit = {"actor": "zavuch", "school_id": SCHOOL, "record_kind": "meeting", "summary": "",
                 "previous_hash": "", "hash": ""}
        conn.execute(insert(m.AuditEventRow.__table__), [
            {**audit, "at": datetime(2026, 8, 30, 9, tzinfo=UTC), "action": "meeting.finalized", "record_id": "m1"},
            {**audit, "at": datetime(2026, 11, 20, 9, tzinfo=UTC), "action": "meeting.finalized", "record_id": "m2"},
            {**audit, "at": datetime(2026, 10, 12, 9, tzinfo=UTC), "action": "meeting.finalized", "record_id": "m5"}])
        # KTPs: approved 3 (2 before 1 September), returned 2 (one still), agreed 3, submitted 5 of 6.
        plan = {"subject_id": "s1", "academic_year_id": YEAR, "grade": 7, "language": "kk", "hours_per_week": 2.0,
                "classes": ["7А"], "version": 1}
        _put(conn, m.PlanRecordRow, [
            {**plan, "id": "p1", "teacher_id": "t1", "status": "approved", "agreed_by": "dep",
             "agreed_on": date(2026, 8, 20), "approved_by": "dir", "approved_on": date(2026, 8, 25)},
            {**plan, "id": "p2", "teacher_id": "t2", "status": "approved", "agreed_by": "dep",
             "agreed_on": date(2026, 9, 5), "approved_by": "dir", "approved_on": date(2026, 9, 10)},
            {**plan, "id": "p3", "teacher_id": "t3", "status": "returned"},
            {**plan, "id": "p4", "teacher_id": "t5", "status": "submitted"},
            {**plan, "id": "p5", "teacher_id": "t6", "status": "draft"},
            {**plan, "id": "p6", "teacher_id": "t7", "status": "approved", "agreed_by": "dep",
             "agreed_on": date(2026, 8, 29), "approved_by": "dir", "approved_on": date(2026, 8, 31)}])
        event = {"at": datetime(2026, 8, 15, tzinfo=UTC), "actor": "x", "action": "review", "from_status": "submitted",
                 "to_status": "returned"}
        conn.execute(insert(m.PlanEventRow.__table__), [
            {**event, "school_id": SCHOOL, "plan_id": "p3"}, {**event, "school_id": SCHOOL, "plan_id": "p6"}])
        # Lesson visits: open 3 (t2, t5, t1's master class), mutual 2 (t2, t8).
        visit = {"subject_id": "s1", "topic": "Сабақ"}
        _put(conn, m.LessonVisitRow, [
            {**visit, "id": "v1", "kind": "open_lesson", "teacher_id": "t2", "date": date(2026, 10, 1)},
            {**visit, "id": "v2", "kind": "mutual_visit", "teacher_id": "t2", "date": date(2026, 12, 1)},
            {**visit, "id": "v3", "kind": "open_lesson", "teacher_id": "t5", "date": date(2026, 11, 11)},
            {**visit, "id": "v4", "kind": "mutual_visit", "teacher_id": "t8", "date": date(2027, 2, 2)},
            {**visit, "id": "v5", "kind": "master_class", "teacher_id": "t1", "date": date(2026, 10, 20)}])
        _put(conn, m.ObservationRow, [
            {"lesson_visit_id": "v1", "position": 0, "observer_id": "t1", "recommendations": "Топтық жұмыс"},
            {"lesson_visit_id": "v1", "position": 1, "observer_id": "t3", "recommendations": " "},
            {"lesson_visit_id": "v2", "position": 0, "observer_id": "t4"},
            {"lesson_visit_id": "v3", "position": 0, "observer_id": "t6", "recommendations": "Уақыт"},
            {"lesson_visit_id": "v4", "position": 0, "observer_id": "t9"}])
        # Mentoring: 2 pairs, 1 completed with a conclusion; sessions September 2, October 2.
        pair = {"academic_year_id": YEAR, "start_date": date(2026, 9, 1), "end_date": date(2027, 5, 31)}
        _put(conn, m.MentorshipRow, [
            {**pair, "id": "ms1", "mentor_id": "t3", "mentee_id": "t4", "status": "active"},
            {**pair, "id": "ms2", "mentor_id": "t7", "mentee_id": "t6", "status": "completed",
             "conclusion": "Бейімделді"}])
        session = {"kind": "consultation", "topic": "Кеңес"}
        _put(conn, m.MentorshipSessionRow, [
            {**session, "mentorship_id": "ms1", "position": 0, "date": date(2026, 9, 15)},
            {**session, "mentorship_id": "ms1", "position": 1, "date": date(2026, 9, 29)},
            {**session, "mentorship_id": "ms1", "position": 2, "date": date(2026, 10, 13)},
            {**session, "mentorship_id": "ms2", "position": 0, "date": date(2026, 10, 5)}])
        # Attestation: t4 pedagog → moderator, t2 moderator → expert (done, awarded); t5 applied, not done.
        _put(conn, m.AttestationRow, [
            {"id": "a1", "academic_year_id": YEAR, "teacher_id": "t4", "current_category": "pedagog",
             "sought_category": "moderator", "result": "awarded"},
            {"id": "a2", "academic_year_id": YEAR, "teacher_id": "t2", "current_category": "moderator",
             "sought_category": "expert", "result": "awarded"},
            {"id": "a3", "academic_year_id": YEAR, "teacher_id": "t5", "current_category": "pedagog",
             "sought_category": "moderator"}])
        # Courses: within 3 years of 31.05.2027: t1, t3, t7; this year: t3 (72 h), t7 (36 h).
        course = {"kind": "course", "title": "Курс", "provider": "Өрлеу"}
        _put(conn, m.CourseRow, [
            {**course, "id": "c1", "academic_year_id": LAST, "teacher_id": "t1", "hours": 80,
             "starts_on": date(2025, 2, 1), "ends_on": date(2025, 3, 1)},
            {**course, "id": "c2", "academic_year_id": LAST, "teacher_id": "t2", "hours": 80,
             "starts_on": date(2022, 12, 1), "ends_on": date(2023, 1, 1)},
            {**course, "id": "c3", "academic_year_id": YEAR, "teacher_id": "t3", "hours": 72,
             "starts_on": date(2026, 10, 20), "ends_on": date(2026, 11, 1)},
            {**course, "id": "c4", "academic_year_id": YEAR, "teacher_id": "t7", "hours": 36,
             "starts_on": date(2027, 1, 20), "ends_on": date(2027, 2, 1)}])
        ev = {"academic_year_id": YEAR, "place": "203", "materials": "", "outcome": ""}
        _put(conn, m.EventRow, [
            {**ev, "id": "e1", "number": 1, "form": "seminar", "start": date(2026, 11, 1), "organiser_id": "math",
             "status": "held", "topic_kk": "Семинар"},
            {**ev, "id": "e2", "number": 2, "form": "master_class", "start": date(2027, 2, 1), "organiser_id": "lang",
             "status": "planned", "topic_kk": "Шеберлік"},
            {**ev, "id": "e3", "number": 3, "form": "conference", "start": date(2027, 4, 1), "status": "held",
             "topic_kk": "Конференция"}])
        mat = {"academic_year_id": YEAR, "acting": False}
        _put(conn, m.MaterialRow, [
            {**mat, "id": "mat1", "kind": "recommendations", "association_id": "math", "status": "approved",
             "title_kk": "Ұсыным"},
            {**mat, "id": "mat2", "kind": "manual", "association_id": "math", "status": "draft", "title_kk": "Құрал"},
            {**mat, "id": "mat3", "kind": "assessment", "association_id": "lang", "status": "approved",
             "title_kk": "БЖБ"}])
        oly = {"academic_year_id": YEAR, "subject_id": "s1", "kind": "olympiad", "class_name": "7А"}
        _put(conn, m.OlympiadResultRow, [
            {**oly, "id": "o1", "pupil": "Оқушы 1", "teacher_id": "t2", "level": "district", "outcome": "prize",
             "place": 2},
            {**oly, "id": "o2", "pupil": "Оқушы 2", "teacher_id": "t2", "level": "school", "outcome": "participant"},
            {**oly, "id": "o3", "pupil": "Оқушы 3", "teacher_id": "t5", "level": "regional", "outcome": "winner"}])
