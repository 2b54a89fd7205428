"""Summary queries of issue 18 points 8 and 9, in SQL (portable Core: SQLite and PostgreSQL).

The Overview asks which work plans of a year are not approved and which approved items have an
elapsed month without a mark; the year's analysis asks how many olympiad results there are by
level and outcome, per teacher and per association. None of them reads whole records.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy import Integer, func, select
from sqlalchemy.orm import Session

from desktop_app.storage import mapping
from desktop_app.storage import models as m

_BODIES = mapping.ASSOCIATIONS.table
_ITEMS = mapping.table_of(m.WorkPlanItemRow)
_RESULTS = mapping.table_of(m.OlympiadResultRow)
_MEMBERS = mapping.table_of(m.MembershipRow)


@dataclass(frozen=True)
class PlanFollowing:
    """One association's work plan as the Overview sees it."""

    association: str
    approved: bool
    #: Items of an approved plan whose month is before the given month and that have no mark.
    unmarked: int
    first_unmarked: str | None


def plan_following(session: Session, school_id: str, academic_year: str, before_month: str,
                   bodies: Collection[str] | None = None) -> list[PlanFollowing]:
    """Per association of the year: approved or not, and the count of its unmarked past items."""
    unmarked = (
        select(_ITEMS.c.association_id, func.count().label("n"), func.min(_ITEMS.c.month).label("first"))
        .where(_ITEMS.c.school_id == school_id, _ITEMS.c.mark_state.is_(None), _ITEMS.c.month < before_month)
        .group_by(_ITEMS.c.association_id)
        .subquery())
    statement = (
        select(_BODIES.c.id, _BODIES.c.work_plan_approved_by, unmarked.c.n, unmarked.c.first)
        .outerjoin(unmarked, unmarked.c.association_id == _BODIES.c.id)
        .where(_BODIES.c.school_id == school_id, _BODIES.c.academic_year_id == academic_year)
        .order_by(_BODIES.c.seq))
    if bodies is not None:
        statement = statement.where(_BODIES.c.id.in_(sorted(bodies)))
    lines = []
    for body, approved_by, count, first in session.execute(statement):
        approved = approved_by is not None
        lines.append(PlanFollowing(body, approved, int(count or 0) if approved else 0,
                                   first if approved and count else None))
    return lines


@dataclass
class OlympiadSummary:
    """Counts of a year's olympiad results; keys are the stored values (level, outcome, ids)."""

    total: int = 0
    by_level_outcome: dict[tuple[str, str], int] = field(default_factory=dict)
    #: teacher id → (results, of them winners and prize places)
    by_teacher: dict[str, tuple[int, int]] = field(default_factory=dict)
    by_association: dict[str, tuple[int, int]] = field(default_factory=dict)


def olympiad_summary(session: Session, school_id: str, academic_year: str) -> OlympiadSummary:
    where = (_RESULTS.c.school_id == school_id, _RESULTS.c.academic_year_id == academic_year)
    awarded = func.sum(func.coalesce(_RESULTS.c.outcome.in_(("winner", "prize")).cast(Integer), 0))
    summary = OlympiadSummary()
    for level, outcome, count in session.execute(
            select(_RESULTS.c.level, _RESULTS.c.outcome, func.count()).where(*where)
            .group_by(_RESULTS.c.level, _RESULTS.c.outcome)):
        summary.by_level_outcome[(level, outcome)] = int(count)
        summary.total += int(count)
    for teacher, count, won in session.execute(
            select(_RESULTS.c.teacher_id, func.count(), awarded).where(*where).group_by(_RESULTS.c.teacher_id)):
        summary.by_teacher[teacher] = (int(count), int(won or 0))
    # A result counts for each association of the year the teacher belongs to.
    members = (select(_MEMBERS.c.association_id, _MEMBERS.c.teacher_id)
               .join(_BODIES, (_BODIES.c.school_id == _MEMBERS.c.school_id)
                     & (_BODIES.c.id == _MEMBERS.c.association_id))
               .where(_MEMBERS.c.school_id == school_id, _BODIES.c.academic_year_id == academic_year)
               .distinct().subquery())
    for body, count, won in session.execute(
            select(members.c.association_id, func.count(), awarded)
            .join(members, members.c.teacher_id == _RESULTS.c.teacher_id).where(*where)
            .group_by(members.c.association_id)):
        summary.by_association[body] = (int(count), int(won or 0))
    return summary
