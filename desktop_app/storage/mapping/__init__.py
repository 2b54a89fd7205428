"""Row ↔ domain conversion: one function per direction per entity, a module per aggregate.

``dump_*`` turns a record into rows for every table it occupies (keyed by table name, the parent
row first); ``build_*`` turns a parent row and its grouped child rows back into the record.
Both the single-record and the bulk paths of the Store use these and nothing else. The collections
of a school's records (``KINDS``), each with its tables and its mappings, are in ``kinds`` and are
loaded when first named here: they load the SQLAlchemy models, the functions do not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop_app.storage.mapping.accounts import (
    build_audit,
    build_meeting_version,
    build_plan_event,
    build_user,
    dump_audit,
    dump_meeting_version,
    dump_plan_event,
    dump_user,
)
from desktop_app.storage.mapping.base import Children, Kind, Row, Rows, table_of
from desktop_app.storage.mapping.meetings import dump_protocol_texts, meeting_texts
from desktop_app.storage.mapping.school import build_school, dump_school

if TYPE_CHECKING:
    from desktop_app.storage.mapping.kinds import (
        ACADEMIC_YEARS,
        ASSOCIATIONS,
        KINDS,
        KINDS_BY_COLLECTION,
        LESSON_VISITS,
        MATERIALS,
        MEETINGS,
        MENTORSHIPS,
        OLYMPIAD_RESULTS,
        PLANS,
        SUBJECTS,
        TEACHERS,
    )

_KINDS = frozenset({"ACADEMIC_YEARS", "ASSOCIATIONS", "KINDS", "KINDS_BY_COLLECTION", "LESSON_VISITS", "MATERIALS",
                    "MEETINGS", "MENTORSHIPS", "OLYMPIAD_RESULTS", "PLANS", "SUBJECTS", "TEACHERS"})


def __getattr__(name: str) -> Any:
    """The collections (``KINDS``, ``MEETINGS``, …) when first named: they load the models."""
    if name in _KINDS:
        from desktop_app.storage.mapping import kinds

        return getattr(kinds, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ACADEMIC_YEARS", "ASSOCIATIONS", "KINDS", "KINDS_BY_COLLECTION", "LESSON_VISITS", "MATERIALS", "MEETINGS",
    "MENTORSHIPS", "OLYMPIAD_RESULTS", "PLANS", "SUBJECTS", "TEACHERS", "Children", "Kind", "Row", "Rows",
    "build_audit",
    "build_meeting_version", "build_plan_event", "build_school", "build_user", "dump_audit",
    "dump_meeting_version", "dump_plan_event", "dump_protocol_texts", "dump_school", "dump_user",
    "meeting_texts", "table_of",
]
