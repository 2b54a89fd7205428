"""What every table module shares: the declarative base with its naming convention, the UTC
datetime type, and the helpers that write a school's keys and checks."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    Dialect,
    ForeignKeyConstraint,
    MetaData,
    String,
)
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID = 64  # exchange ids: 1 to 64 characters
TEXT = 500  # a LocalizedText value


class UTCDateTime(TypeDecorator[datetime]):
    """A moment in UTC; naive values are taken as UTC, values read back are aware (UTC)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {str: String(ID), datetime: UTCDateTime()}


def one_of(column: str, values: type[StrEnum] | tuple[str, ...], name: str | None = None) -> CheckConstraint:
    """A CHECK that ``column`` holds one of ``values`` (enums are portable strings)."""
    names = values if isinstance(values, tuple) else tuple(e.value for e in values)
    allowed = ", ".join(f"'{v}'" for v in names)
    return CheckConstraint(f"{column} IN ({allowed})", name=name or column)


def ref(column: str, table: str) -> ForeignKeyConstraint:
    """(school_id, column) → table(school_id, id): a reference between records of one school."""
    return ForeignKeyConstraint(["school_id", column], [f"{table}.school_id", f"{table}.id"])


def owner(column: str, table: str) -> ForeignKeyConstraint:
    """The child → owner key; deleting the owner deletes its children."""
    return ForeignKeyConstraint(
        ["school_id", column], [f"{table}.school_id", f"{table}.id"], ondelete="CASCADE"
    )


def school_ref() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(["school_id"], ["schools.id"])


def item_owner() -> ForeignKeyConstraint:
    """The child of an agenda item → the item (a meeting's item is keyed by its position)."""
    return ForeignKeyConstraint(
        ["school_id", "meeting_id", "item_position"],
        ["agenda_items.school_id", "agenda_items.meeting_id", "agenda_items.position"],
        ondelete="CASCADE",
    )
