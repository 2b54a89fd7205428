"""The bytes of materials' files (п. 27), kept apart from the records so a list never reads them;
and the Overview's query of the materials awaiting approval."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from desktop_app.domain.entities import LocalizedText, MaterialStatus
from desktop_app.storage import models as m
from desktop_app.storage.mapping import table_of

_FILES = table_of(m.MaterialFileRow)


def put(session: Session, school_id: str, material_id: str, content: bytes) -> None:
    """Keep ``content`` as the material's file, replacing the one it had."""
    remove(session, school_id, material_id)
    session.execute(insert(_FILES), [{"school_id": school_id, "material_id": material_id, "content": content}])


def get(session: Session, school_id: str, material_id: str) -> bytes | None:
    statement = select(_FILES.c.content).where(_FILES.c.school_id == school_id,
                                               _FILES.c.material_id == material_id)
    value = session.execute(statement).scalar()
    return None if value is None else bytes(value)


def remove(session: Session, school_id: str, material_id: str) -> None:
    session.execute(delete(_FILES).where(_FILES.c.school_id == school_id, _FILES.c.material_id == material_id))


def awaiting_approval(session: Session, school_id: str, academic_year: str) -> list[tuple[str, LocalizedText, date]]:
    """The year's materials with a positive conclusion, not yet approved: id, title, the meeting's
    date (one SELECT for the Overview, no record loaded whole)."""
    materials, meetings = table_of(m.MaterialRow), table_of(m.MeetingRow)
    statement = (select(materials.c.id, materials.c.title_kk, materials.c.title_ru, meetings.c.date)
                 .join(meetings, (meetings.c.school_id == materials.c.school_id)
                       & (meetings.c.id == materials.c.review_meeting_id))
                 .where(materials.c.school_id == school_id, materials.c.academic_year_id == academic_year,
                        materials.c.status == MaterialStatus.CONSIDERED.value)
                 .order_by(meetings.c.date, materials.c.id))
    return [(row.id, LocalizedText(row.title_kk, row.title_ru), row.date) for row in session.execute(statement)]
