"""Mentorships and lesson visits."""

from __future__ import annotations

from desktop_app.domain.entities import (
    LessonVisit,
    MentorOrder,
    Mentorship,
    MentorshipActivity,
    MentorshipSession,
    MentorshipStatus,
    Observation,
    SessionKind,
    VisitKind,
)
from desktop_app.storage.mapping.base import Children, Row, Rows, positioned

# --- mentorships ------------------------------------------------------------------------------


def dump_mentorship(school_id: str, mentorship: Mentorship) -> Rows:
    owner = {"school_id": school_id, "mentorship_id": mentorship.id}
    order = mentorship.order
    return {
        "mentorships": [{
            "school_id": school_id, "id": mentorship.id, "mentor_id": mentorship.mentor,
            "mentee_id": mentorship.mentee, "academic_year_id": mentorship.academic_year,
            "start_date": mentorship.start, "end_date": mentorship.end, "status": str(mentorship.status),
            "order_number": order.number if order else None, "order_date": order.date if order else None,
            "conclusion": mentorship.conclusion,
        }],
        "mentorship_goals": positioned(({"text": g} for g in mentorship.goals), **owner),
        "mentorship_activities": positioned(
            ({"due": a.due, "activity": a.activity, "done": a.done} for a in mentorship.plan), **owner),
        "mentorship_sessions": positioned(
            ({"date": s.date, "kind": str(s.kind), "topic": s.topic, "notes": s.notes,
              "lesson_visit_id": s.lesson_visit} for s in mentorship.sessions), **owner),
    }


def build_mentorship(row: Row, children: Children) -> Mentorship:
    order = MentorOrder(row["order_number"], row["order_date"]) if row["order_number"] is not None else None
    return Mentorship(
        id=row["id"],
        mentor=row["mentor_id"],
        mentee=row["mentee_id"],
        academic_year=row["academic_year_id"],
        start=row["start_date"],
        end=row["end_date"],
        status=MentorshipStatus(row["status"]),
        order=order,
        goals=[g["text"] for g in children("mentorship_goals")],
        plan=[MentorshipActivity(a["due"], a["activity"], bool(a["done"]))
              for a in children("mentorship_activities")],
        sessions=[MentorshipSession(s["date"], SessionKind(s["kind"]), s["topic"], s["notes"],
                                    s["lesson_visit_id"]) for s in children("mentorship_sessions")],
        conclusion=row["conclusion"],
    )


# --- lesson visits ----------------------------------------------------------------------------


def dump_lesson_visit(school_id: str, visit: LessonVisit) -> Rows:
    return {
        "lesson_visits": [{
            "school_id": school_id, "id": visit.id, "kind": str(visit.kind), "teacher_id": visit.teacher,
            "subject_id": visit.subject, "date": visit.date, "topic": visit.topic,
            "class_name": visit.class_name, "association_id": visit.association,
        }],
        "lesson_visit_observations": positioned(
            ({"observer_id": o.observer, "strengths": o.strengths, "recommendations": o.recommendations}
             for o in visit.observations),
            school_id=school_id, lesson_visit_id=visit.id),
    }


def build_lesson_visit(row: Row, children: Children) -> LessonVisit:
    return LessonVisit(
        id=row["id"],
        kind=VisitKind(row["kind"]),
        teacher=row["teacher_id"],
        subject=row["subject_id"],
        date=row["date"],
        topic=row["topic"],
        class_name=row["class_name"],
        association=row["association_id"],
        observations=[Observation(o["observer_id"], o["strengths"], o["recommendations"])
                      for o in children("lesson_visit_observations")],
    )
