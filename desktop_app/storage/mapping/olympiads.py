"""Pupils' olympiad and contest results (п. 10.5): one row each, no child tables."""

from __future__ import annotations

from desktop_app.domain.entities import OlympiadKind, OlympiadLevel, OlympiadOutcome, OlympiadResult
from desktop_app.storage.mapping.base import Row, Rows


def dump_olympiad_result(school_id: str, result: OlympiadResult) -> Rows:
    return {"olympiad_results": [{
        "school_id": school_id, "id": result.id, "academic_year_id": result.academic_year,
        "pupil": result.pupil, "class_name": result.class_name, "subject_id": result.subject,
        "teacher_id": result.teacher, "level": str(result.level), "kind": str(result.kind),
        "outcome": str(result.outcome), "place": result.place, "stage": result.stage,
        "title": result.title, "held_on": result.on,
    }]}


def build_olympiad_result(row: Row, _children: object) -> OlympiadResult:
    return OlympiadResult(
        id=row["id"], academic_year=row["academic_year_id"], pupil=row["pupil"],
        class_name=row["class_name"], subject=row["subject_id"], teacher=row["teacher_id"],
        level=OlympiadLevel(row["level"]), kind=OlympiadKind(row["kind"]),
        outcome=OlympiadOutcome(row["outcome"]), place=row["place"], stage=row["stage"],
        title=row["title"], on=row["held_on"])
