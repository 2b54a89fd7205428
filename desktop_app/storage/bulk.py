"""Many records written at once, in batches, within the caller's transaction (an import).

Rows are buffered per table and written with one executemany per table and batch, parents
before children (the tables' dependency order). A table is written only once every collection it
refers to is complete (:meth:`BulkWriter.complete`), so that the foreign keys hold at every statement
whatever order the records come in; until then its rows wait in memory (a few small tables, such
as the agenda's links to plans).
The statement is compiled once per table and column list by the database's own dialect and the
values go through the columns' own bind processors, as SQLAlchemy's ``insert()`` would do per
row: portable SQL, without the per-row cost of building parameters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from desktop_app.domain.entities import Meeting, School
from desktop_app.storage import mapping
from desktop_app.storage import models as m

#: Rows buffered before they are written.
BATCH_ROWS = 5000

_ORDER = {table.name: position for position, table in enumerate(m.metadata.sorted_tables)}
_TABLES = {table.name: table for table in m.metadata.sorted_tables}
_SCHOOLS = mapping.table_of(m.SchoolRow)
_PROTOCOL_TEXTS = mapping.table_of(m.ProtocolTextRow)


def _collections() -> dict[str, str]:
    """The collection whose records each table holds."""
    found = {_SCHOOLS.name: "school", _PROTOCOL_TEXTS.name: "meetings"}
    for kind in mapping.KINDS:
        found[kind.table.name] = kind.collection
        found.update((child.name, kind.collection) for child, _ in kind.children)
    return found


_COLLECTION = _collections()
def _needs() -> dict[str, frozenset[str]]:
    """The other collections whose records a table's rows refer to, directly or through the
    parent rows of their own record (a holiday waits for its academic year's references)."""
    found: dict[str, frozenset[str]] = {}
    for table in m.metadata.sorted_tables:  # parents first
        if table.name not in _COLLECTION:
            continue
        own = _COLLECTION[table.name]
        needs: set[str] = set()
        for key in table.foreign_keys:
            target = key.column.table.name
            needs |= found.get(target, frozenset()) if _COLLECTION[target] == own else {_COLLECTION[target]}
        found[table.name] = frozenset(needs - {own})
    return found


_NEEDS = _needs()
#: What turns a batch of rows into the driver's parameters.
_Values = Callable[[list[Mapping[str, Any]]], Any]


class BulkWriter:
    """Buffers the rows of records per table and writes them in batches; :meth:`flush` with
    ``everything`` writes what is left."""

    def __init__(self, session: Session, school_id: str, batch_rows: int | None = None) -> None:
        self._session = session
        self._school = school_id
        self._batch_rows = batch_rows or BATCH_ROWS
        self._buffers: dict[str, list[Mapping[str, Any]]] = {}
        self._buffered = 0
        self._held = 0
        self._complete: set[str] = set()
        self._statements: dict[tuple[str, tuple[str, ...]], tuple[str, _Values]] = {}
        #: Rows written so far, per table.
        self.written: dict[str, int] = {}

    def complete(self, *collections: str) -> None:
        """Every record of ``collections`` has been added: rows that refer to them may be written."""
        self._complete.update(collections)

    def add_school(self, school: School) -> None:
        self._add({_SCHOOLS.name: [mapping.dump_school(school)]})

    def add_record(self, collection: str, seq: int, record: Any) -> None:
        """One record of a collection at position ``seq`` (from 1) in its list."""
        kind = mapping.KINDS_BY_COLLECTION[collection]
        rows = kind.dump(self._school, record)
        rows[kind.table.name][0]["seq"] = seq
        if isinstance(record, Meeting):
            rows[_PROTOCOL_TEXTS.name] = mapping.dump_protocol_texts(self._school, record)
        self._add(rows)

    def _add(self, rows: Mapping[str, Iterable[Mapping[str, Any]]]) -> None:
        for name, table_rows in rows.items():
            buffer = self._buffers.setdefault(name, [])
            before = len(buffer)
            buffer.extend(table_rows)
            self._buffered += len(buffer) - before
        if self._buffered - self._held >= self._batch_rows:
            self.flush()

    def flush(self, everything: bool = False) -> None:
        """Write the buffered rows of every table whose references may be written (all of them
        with ``everything``), parents first."""
        for name in sorted(self._buffers, key=lambda n: _ORDER[n]):
            rows = self._buffers[name]
            if rows and (everything or _NEEDS[name] <= self._complete):
                self._write(_TABLES[name], rows)
                self.written[name] = self.written.get(name, 0) + len(rows)
                self._buffered -= len(rows)
                self._buffers[name] = []
        self._held = self._buffered

    def _write(self, table: Table, rows: list[Mapping[str, Any]]) -> None:
        keys = tuple(rows[0])
        sql, values = self._statement(table, keys)
        self._session.connection().exec_driver_sql(sql, values(rows))

    def _statement(self, table: Table, keys: tuple[str, ...]) -> tuple[str, _Values]:
        """The INSERT of ``keys`` into ``table`` in the database's SQL, and what turns rows into
        the driver's parameters."""
        cached = self._statements.get((table.name, keys))
        if cached is not None:
            return cached
        found: tuple[str, _Values]
        dialect = self._session.get_bind().dialect
        compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
        processors = {key: table.c[key].type.dialect_impl(dialect).bind_processor(dialect) for key in keys}
        names = {key: compiled.binds[key].key for key in keys if key in compiled.binds}
        if compiled.positional:
            order = [next(k for k in keys if names.get(k) == name) for name in compiled.positiontup or ()]
            found = (str(compiled), _positional(order, [processors[key] for key in order]))
        else:
            named = [(names[key], key, processors[key]) for key in keys]

            def by_name(rows: list[Mapping[str, Any]]) -> Any:
                return [{name: row[key] if process is None else process(row[key]) for name, key, process in named}
                        for row in rows]

            found = (str(compiled), by_name)
        self._statements[(table.name, keys)] = found
        return found


def _positional(order: Sequence[str], processors: Sequence[Callable[[Any], Any] | None]
                ) -> Callable[[list[Mapping[str, Any]]], list[tuple[Any, ...]]]:
    """What turns rows into the driver's tuples of ``order``: the values taken column by column
    (``itemgetter`` and ``map``, no Python loop per value), each column through its processor."""
    if not order:
        return lambda rows: [() for _ in rows]
    pick = itemgetter(*order) if len(order) > 1 else (lambda row: (row[order[0]],))
    processed = [(position, process) for position, process in enumerate(processors) if process is not None]
    if not processed:
        return lambda rows: list(map(pick, rows))

    def positional(rows: list[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
        columns = list(zip(*map(pick, rows), strict=True))
        for position, process in processed:
            columns[position] = tuple(map(process, columns[position]))
        return list(zip(*columns, strict=True))

    return positional
