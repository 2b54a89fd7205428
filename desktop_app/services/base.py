"""What every service shares: the database, the clock, permission checks and the audit trail."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from typing import Any, ClassVar, Protocol, TypeVar

from desktop_app.domain.accounts import Action, Actor, AuditEvent
from desktop_app.domain.errors import DomainError, NotFoundError
from desktop_app.services.clock import Clock as Clock
from desktop_app.services.clock import utc_now as utc_now
from desktop_app.storage.database import Database
from desktop_app.storage.store import Store

T = TypeVar("T")


class Record(Protocol):
    """A dataclass record with an id (a meeting, a lesson visit, a mentorship)."""

    __dataclass_fields__: ClassVar[dict[str, Any]]
    id: str


R = TypeVar("R", bound=Record)

def raise_first(errors: list[DomainError]) -> None:
    """Services refuse with the first broken rule; the UI asks the domain for the full list."""
    if errors:
        raise errors[0]


def found(value: T | None, kind: str, record: str) -> T:
    if value is None:
        raise NotFoundError(kind, record)
    return value


def chain_hash(previous: str, event: AuditEvent) -> str:
    """SHA-256 over the previous hash and the event's fields, so a changed entry breaks the chain."""
    payload = json.dumps(
        [previous, event.at.isoformat(), event.actor, event.action, event.school,
         event.record_kind, event.record_id, event.summary],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class Service:
    """Base of the use-case classes; one transaction per public method."""

    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self._db = db
        self._clock = clock

    def today(self) -> date:
        return self._clock().date()

    @contextmanager
    def _read(self, actor: Actor, school: str) -> Iterator[Store]:
        actor.require_school(school)
        with self._db.transaction() as store:
            if school not in self._db.schools_seen:  # one look per school, not a round trip per read
                found(store.get_school(school), "school", school)
                self._db.schools_seen.add(school)
            yield store

    @contextmanager
    def _write(self, actor: Actor, school: str | None) -> Iterator[Store]:
        if school is not None:
            actor.require_school(school)
        with self._db.transaction(write=True) as store:
            if school is not None:
                found(store.get_school(school), "school", school)
            yield store

    def _audit(self, store: Store, actor: Actor, action: str, school: str | None,
               kind: str, record: str, summary: str) -> None:
        store.lock_audit_head()
        last = store.last_audit()
        event = AuditEvent(self._clock(), actor.login, action, school, kind, record, summary)
        event.previous_hash = last.hash if last else ""
        event.hash = chain_hash(event.previous_hash, event)
        store.add_audit(event)

    def _save_checked(self, store: Store, actor: Actor, school: str, record: R, *, existing: bool,
                      id_from: tuple[str, str], check: Callable[[Store, str, R], None],
                      save: Callable[[str, R], None], audit: tuple[str, str], summary: str) -> R:
        """Assign an id, check, save, audit: the end of every save of a record that has an id.

        A new record without an id gets the next one of ``id_from`` (table, prefix); ``check``
        refuses what breaks a rule before anything is written; the audit entry is
        ``<audit[0]>.create`` or ``.update`` on the record kind ``audit[1]``."""
        if not record.id:
            record = replace(record, id=store.next_id(school, *id_from))
        check(store, school, record)
        save(school, record)
        action, kind = audit
        self._audit(store, actor, f"{action}.update" if existing else f"{action}.create", school, kind,
                    record.id, summary)
        return record

    @staticmethod
    def _heads(store: Store, school: str, association: str) -> set[str]:
        body = store.get_association(school, association)
        return {body.head} if body else set()

    @staticmethod
    def _require(actor: Actor, action: Action, owners: set[str] | frozenset[str] = frozenset(),
                 record: str | None = None) -> None:
        actor.require(action, frozenset(owners), record)
