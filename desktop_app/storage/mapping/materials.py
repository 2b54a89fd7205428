"""Methodical materials (п. 27) with their authors; the file's bytes are kept apart."""

from __future__ import annotations

from desktop_app.domain.entities import (
    Approval,
    Material,
    MaterialFile,
    MaterialKind,
    MaterialStatus,
    Person,
    Review,
    ReviewOutcome,
)
from desktop_app.storage.mapping.base import Children, Row, Rows, positioned, required_text, text_columns


def dump_material(school_id: str, material: Material) -> Rows:
    review, approved, file = material.review, material.approved, material.file
    authors = [{"teacher_id": a, "name": None, "job_title": None} if isinstance(a, str)
               else {"teacher_id": None, "name": a.name, "job_title": a.position} for a in material.authors]
    return {
        "materials": [{
            "school_id": school_id, "id": material.id, "kind": str(material.kind),
            **text_columns("title", material.title), "association_id": material.association,
            "academic_year_id": material.academic_year, "status": str(material.status),
            "review_meeting_id": review.meeting if review else None,
            "review_item": review.item if review else None,
            "review_outcome": str(review.outcome) if review else None,
            "review_remarks": review.remarks if review else None,
            "approved_by": approved.by if approved else None,
            "approved_on": approved.on if approved else None, "acting": material.acting,
            "file_name": file.name if file else None, "file_sha256": file.sha256 if file else None,
            "file_size": file.size if file else None,
        }],
        "material_authors": positioned(authors, school_id=school_id, material_id=material.id),
    }


def build_material(row: Row, children: Children) -> Material:
    review = None
    if row["review_meeting_id"] is not None:
        review = Review(row["review_meeting_id"], row["review_item"], ReviewOutcome(row["review_outcome"]),
                        row["review_remarks"])
    return Material(
        id=row["id"], kind=MaterialKind(row["kind"]), title=required_text(row, "title"),
        association=row["association_id"], academic_year=row["academic_year_id"],
        authors=[a["teacher_id"] if a["teacher_id"] is not None else Person(a["name"], a["job_title"])
                 for a in children("material_authors")],
        status=MaterialStatus(row["status"]), review=review,
        approved=Approval(row["approved_by"], row["approved_on"]) if row["approved_by"] is not None else None,
        acting=bool(row["acting"]),
        file=MaterialFile(row["file_name"], row["file_sha256"], row["file_size"])
        if row["file_name"] is not None else None,
    )
