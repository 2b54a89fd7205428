"""Accounts and the audit trail (revision 0002)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.domain.accounts import Role
from desktop_app.storage.models_base import (
    Base,
    one_of,
)

# --- accounts and audit (revision 0002) -------------------------------------------------------


class UserRow(Base):
    """An account. ``school_id``/``teacher_id`` have no foreign key: replacing a school by an
    import deletes and re-inserts its records, and the accounts must survive that."""

    __tablename__ = "users"
    __table_args__ = (one_of("role", Role), Index(None, "school_id"))

    login: Mapped[str] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(255))
    school_id: Mapped[str | None]
    teacher_id: Mapped[str | None]
    active: Mapped[bool] = mapped_column(Boolean)
    failed_attempts: Mapped[int]
    locked_until: Mapped[datetime | None]
    last_sign_in: Mapped[datetime | None]  # revision 0004


class AuditEventRow(Base):
    __tablename__ = "audit_events"
    __table_args__ = (Index(None, "school_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str]
    action: Mapped[str] = mapped_column(String(200))
    school_id: Mapped[str | None]
    record_kind: Mapped[str] = mapped_column(String(200))
    record_id: Mapped[str]
    summary: Mapped[str] = mapped_column(Text)
    previous_hash: Mapped[str] = mapped_column(String(128))
    hash: Mapped[str] = mapped_column(String(128))
    #: The database login that wrote the event on a school server (revision 0011; set by a trigger).
    db_login: Mapped[str | None] = mapped_column(String(63))
