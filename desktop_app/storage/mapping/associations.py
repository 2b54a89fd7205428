"""Methodical associations with their members and work plans."""

from __future__ import annotations

from typing import Any

from desktop_app.domain.entities import (
    Approval,
    Association,
    AssociationKind,
    HeadBasis,
    HeadChoice,
    ItemLink,
    ItemMark,
    ItemState,
    Membership,
    WorkPlan,
    WorkPlanForm,
    WorkPlanItem,
)
from desktop_app.storage.mapping.base import (
    Children,
    Row,
    Rows,
    optional_text,
    positioned,
    required_text,
    text_columns,
)


def dump_association(school_id: str, association: Association) -> Rows:
    owner = {"school_id": school_id, "association_id": association.id}
    plan = association.work_plan
    approved = plan.approved if plan else None
    items = plan.items if plan else []
    return {
        "associations": [{
            "school_id": school_id, "id": association.id, "kind": str(association.kind),
            **text_columns("name", association.name), "academic_year_id": association.academic_year,
            "head_id": association.head, "secretary_id": association.secretary,
            "has_work_plan": plan is not None,
            "work_plan_approved_by": approved.by if approved else None,
            "work_plan_approved_on": approved.on if approved else None,
            "work_plan_approved_acting": approved.acting if approved else False,
            **dump_head_choice(association.head_choice),
            **text_columns("work_plan_theme", plan.theme if plan else None),
            **text_columns("work_plan_goal", plan.goal if plan else None),
            **text_columns("work_plan_tasks", plan.tasks if plan else None),
        }],
        "association_subjects": positioned(({"subject_id": s} for s in association.subjects), **owner),
        "memberships": positioned(
            ({"teacher_id": x.teacher, "since": x.since, "until": x.until} for x in association.members),
            **owner),
        "work_plan_items": positioned(
            ({"month": i.month, "topic": i.topic, "form": str(i.form), **_mark_columns(i.mark)} for i in items),
            **owner),
        "work_plan_responsible": [
            {**owner, "item_position": item_position, "position": position, "teacher_id": teacher}
            for item_position, item in enumerate(items)
            for position, teacher in enumerate(item.responsible)
        ],
    }


def build_association(row: Row, children: Children) -> Association:
    work_plan = None
    if row["has_work_plan"]:
        responsible = children.by_item("work_plan_responsible")
        approved = (Approval(row["work_plan_approved_by"], row["work_plan_approved_on"],
                             bool(row["work_plan_approved_acting"]))
                    if row["work_plan_approved_by"] is not None else None)
        work_plan = WorkPlan(
            items=[
                WorkPlanItem(i["month"], i["topic"], WorkPlanForm(i["form"]),
                             [r["teacher_id"] for r in responsible.get(i["position"], [])], _mark(i))
                for i in children("work_plan_items")
            ],
            approved=approved,
            theme=optional_text(row, "work_plan_theme"),
            goal=optional_text(row, "work_plan_goal"),
            tasks=optional_text(row, "work_plan_tasks"),
        )
    return Association(
        id=row["id"],
        kind=AssociationKind(row["kind"]),
        name=required_text(row, "name"),
        academic_year=row["academic_year_id"],
        head=row["head_id"],
        subjects=[s["subject_id"] for s in children("association_subjects")],
        secretary=row["secretary_id"],
        members=[Membership(x["teacher_id"], x["since"], x["until"]) for x in children("memberships")],
        work_plan=work_plan,
        head_choice=build_head_choice(row),
    )


def dump_head_choice(choice: HeadChoice | None) -> dict[str, Any]:
    """п. 29 in the association's row: how the head came to be, or NULLs when not recorded."""
    return {
        "head_basis": str(choice.basis) if choice else None,
        "head_meeting_id": choice.meeting if choice else None,
        "head_item": choice.item if choice else None,
        "head_order_number": choice.order_number if choice else None,
        "head_order_date": choice.order_date if choice else None,
    }


def build_head_choice(row: Row) -> HeadChoice | None:
    if row["head_basis"] is None:
        return None
    return HeadChoice(HeadBasis(row["head_basis"]), row["head_meeting_id"], row["head_item"],
                      row["head_order_number"], row["head_order_date"])
def _mark_columns(mark: ItemMark | None) -> dict[str, object]:
    return {
        "mark_state": str(mark.state) if mark else None,
        "mark_on": mark.on if mark else None,
        "mark_link_kind": mark.link.kind if mark and mark.link else None,
        "mark_link_id": mark.link.id if mark and mark.link else None,
        "mark_month": mark.month if mark else None,
        "mark_reason": mark.reason if mark else None,
    }


def _mark(row: Row) -> ItemMark | None:
    if row["mark_state"] is None:
        return None
    link = ItemLink(row["mark_link_kind"], row["mark_link_id"]) if row["mark_link_kind"] else None
    return ItemMark(ItemState(row["mark_state"]), row["mark_on"], link, row["mark_month"], row["mark_reason"])
