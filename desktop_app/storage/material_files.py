"""The bytes of materials' files (п. 27), kept apart from the records so a list never reads them."""

from __future__ import annotations

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

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
