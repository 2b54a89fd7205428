"""The machinery of row ↔ domain conversion: a record's child rows, a collection's mappings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from desktop_app.domain.entities import LocalizedText

if TYPE_CHECKING:  # the row functions work on plain mappings: no SQLAlchemy for a quick print
    from sqlalchemy import Table

    from desktop_app.storage import models as m

Row = Mapping[str, Any]
Rows = dict[str, list[dict[str, Any]]]
T = TypeVar("T")


class Children:
    """The child rows of one owner, per child table, in list order."""

    __slots__ = ("_groups", "_owner")

    def __init__(self, groups: Mapping[str, Mapping[str, list[Row]]], owner_id: str) -> None:
        self._groups = groups
        self._owner = owner_id

    def __call__(self, table: str) -> list[Row]:
        return self._groups[table].get(self._owner, [])

    def by_item(self, table: str) -> dict[int, list[Row]]:
        """Rows of a grandchild table grouped by the position of their parent list item."""
        grouped: dict[int, list[Row]] = defaultdict(list)
        for row in self(table):
            grouped[row["item_position"]].append(row)
        return grouped


@dataclass(frozen=True)
class Kind(Generic[T]):
    """A collection of top-level records: its table, its child tables and its two mappings."""

    collection: str
    table: Table
    children: tuple[tuple[Table, str], ...]  # (child table, owner column), parents first
    dump: Callable[[str, T], Rows]
    build: Callable[[Row, Children], T]
    key: Callable[[T], str]


def table_of(model: type[m.Base]) -> Table:
    from sqlalchemy import Table

    table = model.__table__
    assert isinstance(table, Table)
    return table


def text_columns(name: str, value: LocalizedText | None) -> dict[str, str | None]:
    return {f"{name}_kk": value.kk if value else None, f"{name}_ru": value.ru if value else None}


def required_text(row: Row, name: str) -> LocalizedText:
    return LocalizedText(row[f"{name}_kk"], row[f"{name}_ru"])


def optional_text(row: Row, name: str) -> LocalizedText | None:
    kk, ru = row[f"{name}_kk"], row[f"{name}_ru"]
    return None if kk is None and ru is None else LocalizedText(kk, ru)


def positioned(values: Iterable[dict[str, Any]], **fixed: Any) -> list[dict[str, Any]]:
    return [{**fixed, "position": position, **value} for position, value in enumerate(values)]
