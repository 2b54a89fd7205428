"""Calendar-thematic plans (KTP) with their lesson rows."""

from __future__ import annotations

from desktop_app.domain.entities import (
    Approval,
    CalendarPlan,
    Language,
    PlanRow,
    PlanStatus,
    Review,
    ReviewOutcome,
)
from desktop_app.storage.mapping.base import Children, Row, Rows


def dump_plan(school_id: str, plan: CalendarPlan) -> Rows:
    review, agreed, approved = plan.review, plan.agreed, plan.approved
    return {
        "plans": [{
            "school_id": school_id, "id": plan.id, "teacher_id": plan.teacher, "subject_id": plan.subject,
            "academic_year_id": plan.academic_year, "grade": plan.grade, "language": str(plan.language),
            "hours_per_week": plan.hours_per_week, "status": str(plan.status), "classes": list(plan.classes),
            "review_meeting_id": review.meeting if review else None,
            "review_item": review.item if review else None,
            "review_outcome": str(review.outcome) if review else None,
            "review_remarks": review.remarks if review else None,
            "agreed_by": agreed.by if agreed else None, "agreed_on": agreed.on if agreed else None,
            "approved_by": approved.by if approved else None,
            "approved_on": approved.on if approved else None,
            "agreed_acting": agreed.acting if agreed else False,
            "approved_acting": approved.acting if approved else False,
            "version": plan.version,
        }],
        "plan_rows": [
            {"school_id": school_id, "plan_id": plan.id, "position": position, "number": r.number,
             "topic": r.topic, "hours": r.hours, "term": r.term, "section": r.section,
             "objectives": list(r.objectives), "date": r.date, "note": r.note}
            for position, r in enumerate(plan.rows)
        ],
    }


def build_plan(row: Row, children: Children) -> CalendarPlan:
    rows = [
        PlanRow(r["number"], r["topic"], r["hours"], r["term"], r["section"], list(r["objectives"]),
                r["date"], r["note"])
        for r in children("plan_rows")
    ]
    return build_plan_with_rows(row, rows)


def build_plan_with_rows(row: Row, rows: list[PlanRow]) -> CalendarPlan:
    """The plan of its ``plans`` row and its lesson rows read already (storage.plan_rows)."""
    review = None
    if row["review_meeting_id"] is not None:
        review = Review(row["review_meeting_id"], row["review_item"], ReviewOutcome(row["review_outcome"]),
                        row["review_remarks"])
    return CalendarPlan(
        id=row["id"],
        teacher=row["teacher_id"],
        subject=row["subject_id"],
        academic_year=row["academic_year_id"],
        grade=row["grade"],
        language=Language(row["language"]),
        hours_per_week=row["hours_per_week"],
        rows=rows,
        status=PlanStatus(row["status"]),
        classes=list(row["classes"]),
        review=review,
        agreed=(Approval(row["agreed_by"], row["agreed_on"], bool(row["agreed_acting"]))
                if row["agreed_by"] is not None else None),
        approved=(Approval(row["approved_by"], row["approved_on"], bool(row["approved_acting"]))
                  if row["approved_by"] is not None else None),
        version=row["version"],
    )
