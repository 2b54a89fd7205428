"""The repository: domain records in, domain records out, over one Session.

All statements are SQLAlchemy Core on the models' tables; no ORM object ever leaves this module
or the ``store_*`` modules it is built of. Conversions go through ``storage.mapping`` only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Table, delete, insert, select, update

from desktop_app.domain.entities import CalendarPlan, School, SchoolRecords
from desktop_app.domain.errors import NotFoundError
from desktop_app.storage import mapping
from desktop_app.storage import models as m
from desktop_app.storage.bulk import BulkWriter
from desktop_app.storage.errors import DuplicateError
from desktop_app.storage.lengths import refuse_long_row
from desktop_app.storage.store_accounts import AccountStore
from desktop_app.storage.store_base import StoreBase
from desktop_app.storage.store_registers import RegisterStore
from desktop_app.storage.store_work import _PROTOCOL_TEXTS, WorkStore

__all__ = ["AccountStore", "RegisterStore", "Store", "StoreBase", "WorkStore"]

_SCHOOLS = mapping.table_of(m.SchoolRow)
#: Tables of a school's records, parents before children (reverse it to delete).
_SCHOOL_TABLES: tuple[Table, ...] = tuple(
    t for t in m.metadata.sorted_tables if "school_id" in t.c and t.name not in ("users", "audit_events")
)


class Store(RegisterStore, WorkStore, AccountStore):
    """Reads and writes one school's records, accounts and history within a transaction: the
    schools and whole-school reading and writing here, each aggregate's in its own module
    (``store_registers``, ``store_work``, ``store_accounts``; the machinery in ``store_base``)."""

    # --- schools ------------------------------------------------------------------------------

    def school_ids(self) -> list[str]:
        return list(self.session.execute(select(_SCHOOLS.c.id).order_by(_SCHOOLS.c.id)).scalars())

    def get_school(self, school_id: str) -> School | None:
        rows = self._rows(select(_SCHOOLS).where(_SCHOOLS.c.id == school_id))
        return mapping.build_school(rows[0]) if rows else None

    def save_school(self, school: School) -> None:
        row = mapping.dump_school(school)
        refuse_long_row(_SCHOOLS, row, school.id)
        if self.get_school(school.id) is None:
            self.session.execute(insert(_SCHOOLS), [row])
        else:
            values = {k: v for k, v in row.items() if k != "id"}
            self.session.execute(update(_SCHOOLS).where(_SCHOOLS.c.id == school.id).values(**values))

    def delete_school(self, school_id: str) -> None:
        """Delete every record of the school, children first; accounts and audit are kept."""
        for table in reversed(_SCHOOL_TABLES):
            self.session.execute(delete(table).where(table.c.school_id == school_id))
        self.session.execute(delete(_SCHOOLS).where(_SCHOOLS.c.id == school_id))

    # --- bulk ---------------------------------------------------------------------------------

    def insert_records(self, records: SchoolRecords) -> None:
        """Insert a whole school that the database does not hold yet, with executemany per table."""
        school = records.school
        if self.get_school(school.id) is not None:
            raise DuplicateError(kind="school", id=school.id)
        collected: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for kind in mapping.KINDS:
            for seq, record in enumerate(getattr(records, kind.collection), start=1):
                rows = kind.dump(school.id, record)
                rows[kind.table.name][0]["seq"] = seq
                for table_name, table_rows in rows.items():
                    collected[table_name] += table_rows
        for meeting in records.meetings:
            collected[_PROTOCOL_TEXTS.name] += mapping.dump_protocol_texts(school.id, meeting)
        self.session.execute(insert(_SCHOOLS), [mapping.dump_school(school)])
        for table in _SCHOOL_TABLES:
            if collected.get(table.name):
                self.session.execute(insert(table), collected[table.name])

    def bulk_writer(self, school_id: str) -> BulkWriter:
        """A writer of many records of one school in batches, within this transaction."""
        return BulkWriter(self.session, school_id)

    def load_records(self, school_id: str, plans: bool = True) -> SchoolRecords:
        """Every record of the school (without the plans when ``plans`` is False, to read them
        with :meth:`plan_batches`): a few SELECTs per table, grouped in Python."""
        school = self.get_school(school_id)
        if school is None:
            raise NotFoundError("school", school_id)
        kinds = [k for k in mapping.KINDS if plans or k is not mapping.PLANS]
        loaded: dict[str, list[Any]] = {
            k.collection: self._load_plans(school_id) if k is mapping.PLANS else self._load(k, school_id)
            for k in kinds}
        return SchoolRecords(school, **loaded)

    def plan_batches(self, school_id: str, size: int = 500) -> Iterator[list[CalendarPlan]]:
        """The school's plans in their order, ``size`` at a time, so that a school's ten years of
        KTP rows are never all in memory."""
        table = mapping.PLANS.table
        ids = list(self.session.execute(
            select(table.c.id).where(table.c.school_id == school_id).order_by(table.c.seq)).scalars())
        for start in range(0, len(ids), size):
            yield self._load_plans(school_id, table.c.id.in_(ids[start:start + size]))

    def year_records(self, school_id: str, academic_year: str) -> SchoolRecords:
        """The records of one academic year with the school's teachers and subjects: its
        associations and its mentorships. Neither its plans, its meetings nor its visits are
        included (``storage.document_lists`` lists them without their rows, agendas and
        observations). What a list of the year's documents needs, not a whole school."""
        school = self.get_school(school_id)
        year = self.get_academic_year(school_id, academic_year)
        if school is None or year is None:
            raise NotFoundError("school" if school is None else "academic year",
                                school_id if school is None else academic_year)
        mentorships = mapping.MENTORSHIPS.table
        return SchoolRecords(
            school, academic_years=[year], subjects=self.list_subjects(school_id),
            teachers=self.list_teachers(school_id), associations=self.associations_of(school_id, academic_year),
            mentorships=self._load(mapping.MENTORSHIPS, school_id, mentorships.c.academic_year_id == academic_year))

    def next_id(self, school_id: str, collection: str, prefix: str) -> str:
        """A fresh id ``<prefix>-<n>`` not used in ``collection`` of the school."""
        table = mapping.KINDS_BY_COLLECTION[collection].table
        stem = f"{prefix}-"
        used = set(self.session.execute(
            select(table.c.id).where(table.c.school_id == school_id,
                                     table.c.id.startswith(stem, autoescape=True))).scalars())
        numbers = [int(i[len(stem):]) for i in used if i[len(stem):].isdigit()]
        candidate = max(numbers, default=0) + 1
        while f"{stem}{candidate}" in used:
            candidate += 1
        return f"{stem}{candidate}"
