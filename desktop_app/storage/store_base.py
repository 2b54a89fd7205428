"""The repository's generic machinery: load, save (with the revision check) and delete any
record kind of ``storage.mapping`` over one Session. ``storage.store.Store`` is built on it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any, TypeVar, cast

from sqlalchemy import ColumnElement, Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from desktop_app.domain.entities import CalendarPlan
from desktop_app.domain.errors import ConflictError
from desktop_app.storage import mapping
from desktop_app.storage import models as m
from desktop_app.storage.lengths import RECORD_KINDS, refuse_too_long
from desktop_app.storage.mapping import Kind, Row
from desktop_app.storage.mapping.plans import build_plan_with_rows
from desktop_app.storage.plan_rows import PLAN_ROWS, read_plan_rows

T = TypeVar("T")

_AUDIT = mapping.table_of(m.AuditEventRow)
#: The record kind of a revised table as the audit trail names it, and as messages name it.
_AUDIT_KINDS = {"teachers": "teacher", "associations": "association", "meetings": "meeting",
                "plans": "plan", "mentorships": "mentorship", "lesson_visits": "lesson_visit",
                "attestations": "attestation", "courses": "course"}


class StoreBase:
    """One Session, and the generic reading and writing that every record kind shares."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # --- generic machinery --------------------------------------------------------------------

    def _rows(self, statement: Any) -> Sequence[Row]:
        return cast(Sequence[Row], self.session.execute(statement).mappings().all())

    def _load(self, kind: Kind[T], school_id: str, *where: ColumnElement[bool],
              order_by: Sequence[Any] = (), record_id: str | None = None) -> list[T]:
        """Records of ``kind`` matching ``where``: one SELECT for them, one per child table."""
        table = kind.table
        conditions = [table.c.school_id == school_id, *where]
        if record_id is not None:
            conditions.append(table.c.id == record_id)
        parents = self._rows(select(table).where(*conditions).order_by(*order_by, table.c.seq))
        if not parents:
            return []
        groups: dict[str, dict[str, list[Row]]] = {}
        for child, owner_column in kind.children:
            owner = child.c[owner_column]
            statement = select(child).where(child.c.school_id == school_id)
            if record_id is not None:
                statement = statement.where(owner == record_id)
            elif where:
                statement = statement.where(owner.in_(select(table.c.id).where(*conditions)))
            grouped: dict[str, list[Row]] = defaultdict(list)
            for row in self._rows(statement.order_by(*child.primary_key.columns)):
                grouped[row[owner_column]].append(row)
            groups[child.name] = grouped
        records = [kind.build(row, mapping.Children(groups, row["id"])) for row in parents]
        if "revision" in table.c:  # the revision read travels with the record to its save
            for record, row in zip(records, parents, strict=True):
                cast(Any, record).revision = row["revision"]
        return records

    def _load_plans(self, school_id: str, *where: ColumnElement[bool],
                    record_id: str | None = None) -> list[CalendarPlan]:
        """What ``_load(mapping.PLANS, ...)`` gives, with the lesson rows read in bulk
        (storage.plan_rows): a large school's ten years of rows in seconds, not tens."""
        table = mapping.PLANS.table
        conditions = [table.c.school_id == school_id, *where]
        if record_id is not None:
            conditions.append(table.c.id == record_id)
        parents = self._rows(select(table).where(*conditions).order_by(table.c.seq))
        if not parents:
            return []
        owner = PLAN_ROWS.c.plan_id
        owners = ([owner == record_id] if record_id is not None
                  else [owner.in_(select(table.c.id).where(*conditions))] if where else [])
        rows = read_plan_rows(self.session, school_id, *owners)
        plans = [build_plan_with_rows(row, rows.get(row["id"], [])) for row in parents]
        for plan, row in zip(plans, parents, strict=True):  # the revision read travels to the save
            plan.revision = row["revision"]
        return plans

    def _get(self, kind: Kind[T], school_id: str, record_id: str) -> T | None:
        found = self._load(kind, school_id, record_id=record_id)
        return found[0] if found else None

    def _save(self, kind: Kind[T], school_id: str, record: T) -> None:
        """Insert the record, or replace it and all its child rows (the parent row is updated in
        place, so history and references to it survive)."""
        table = kind.table
        record_id = kind.key(record)
        rows = kind.dump(school_id, record)
        refuse_too_long({table.name: table, **{child.name: child for child, _ in kind.children}}, rows,
                        table.name, record_id)
        parent = rows[table.name][0]
        key = (table.c.school_id == school_id, table.c.id == record_id)
        for child, owner_column in reversed(kind.children):
            self.session.execute(
                delete(child).where(child.c.school_id == school_id, child.c[owner_column] == record_id))
        if self.session.execute(select(table.c.seq).where(*key)).first() is not None:
            values = {k: v for k, v in parent.items() if k not in ("school_id", "id")}
            if "revision" in table.c:
                self._update_revised(table, school_id, record_id, cast(Any, record), values)
            else:
                self.session.execute(update(table).where(*key).values(**values))
        else:
            if "revision" in table.c:
                self._refuse_deleted(table, school_id, record_id, cast(Any, record))
            last = self.session.execute(
                select(func.max(table.c.seq)).where(table.c.school_id == school_id)).scalar()
            self.session.execute(insert(table), [{**parent, "seq": (last or 0) + 1}])
        for child, _ in kind.children:
            if rows[child.name]:
                self.session.execute(insert(child), rows[child.name])

    def _update_revised(self, table: Table, school_id: str, record_id: str, record: Any,
                        values: dict[str, Any]) -> None:
        """``UPDATE … WHERE revision = :read``: a record read at another revision than the stored
        one was saved by someone else meanwhile and is refused (ConflictError), never written
        over. A record made in code (revision 0) is saved as it is. The saved revision goes back
        into ``record``, so that the next save of the same copy is not a conflict."""
        key = [table.c.school_id == school_id, table.c.id == record_id]
        read = int(record.revision or 0)
        if read:
            key.append(table.c.revision == read)
        statement = (update(table).where(*key).values(**values, revision=table.c.revision + 1)
                     .returning(table.c.revision))
        saved = self.session.execute(statement).scalar()
        if saved is None:
            current = self.session.execute(select(table.c.revision).where(
                table.c.school_id == school_id, table.c.id == record_id)).scalar()
            raise self._conflict(table, school_id, record_id, current=int(current or 0))
        record.revision = int(saved)

    def _refuse_deleted(self, table: Table, school_id: str, record_id: str, record: Any) -> None:
        """A record read from the database (revision > 0) that someone deleted meanwhile is not
        silently made again; a new record (or a copy under a new id) starts at revision 1."""
        if record.revision:
            audit = _AUDIT
            deleted = self.session.execute(select(audit.c.action).where(
                audit.c.school_id == school_id, audit.c.record_id == record_id,
                audit.c.record_kind == _AUDIT_KINDS.get(table.name, table.name),
            ).order_by(audit.c.id.desc()).limit(1)).scalar()
            if deleted is not None and deleted.endswith(".delete"):
                raise self._conflict(table, school_id, record_id, current=0)
        record.revision = 1

    def _conflict(self, table: Table, school_id: str, record_id: str, current: int) -> ConflictError:
        """Who saved (or deleted) the record last and when, from the audit trail."""
        kind = _AUDIT_KINDS.get(table.name, table.name)
        audit = _AUDIT
        rows = self._rows(select(audit.c.actor, audit.c.at, audit.c.db_login).where(
            audit.c.school_id == school_id, audit.c.record_id == record_id,
            audit.c.record_kind == kind).order_by(audit.c.id.desc()).limit(1))
        by, at, login = (rows[0]["actor"], rows[0]["at"], rows[0]["db_login"]) if rows else ("?", None, None)
        when = at.astimezone().strftime("%d.%m.%Y %H:%M") if at is not None else "?"
        return ConflictError(RECORD_KINDS.get(table.name, table.name), record_id, by, when, current, login)

    def revision_of(self, kind: Kind[Any], school_id: str, record_id: str) -> int | None:
        """The stored revision of a record (None when there is none): what a save must carry."""
        table = kind.table
        value = self.session.execute(select(table.c.revision).where(
            table.c.school_id == school_id, table.c.id == record_id)).scalar()
        return None if value is None else int(value)

    def _delete(self, kind: Kind[Any], school_id: str, record_id: str) -> None:
        table = kind.table
        for child, owner_column in reversed(kind.children):
            self.session.execute(
                delete(child).where(child.c.school_id == school_id, child.c[owner_column] == record_id))
        self.session.execute(delete(table).where(table.c.school_id == school_id, table.c.id == record_id))
