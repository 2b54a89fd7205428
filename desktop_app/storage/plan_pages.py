"""The Plans section's list read a page at a time: filters, the toolbar's search and the order in SQL.

A large school's year has ~1000 plans; the window shows ~30 of them. These queries (portable Core:
SQLite and PostgreSQL) give one page of the list in the order the user chose, how many there are,
the counts per status and what the filters may choose from, without reading every plan. Texts the
user sees (names in the Kazakh order, status labels, the search folded over shown texts) belong to
the window: it turns them into values and ranks (``PlanSearch``, ``PlanOrder``) that SQL compares.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, Text, case, false, func, literal, or_, select, union_all
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session

from desktop_app.storage import mapping
from desktop_app.storage import models as m
from desktop_app.storage.mapping.plans import build_plan
from desktop_app.storage.summaries import PlanSummary, no_children

_PLANS = mapping.PLANS.table
_ROWS = mapping.table_of(m.PlanLessonRow)

@dataclass(frozen=True)
class PlanSearch:
    """The toolbar's search as values: a plan matches when any of them holds. The window folds the
    shown texts of the few distinct names, subjects, classes, hours and labels and passes those that
    contain the search; ``plans`` (when not None) are exactly the matching plans instead."""

    teachers: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    #: The stored text of the classes (``PlanFacets.classes``).
    classes: frozenset[str] = frozenset()
    hours: frozenset[float] = frozenset()
    statuses: frozenset[str] = frozenset()
    #: Plans whose grade, number of rows or version, written in digits, contains these digits.
    digits: str | None = None
    plans: frozenset[str] | None = None


@dataclass(frozen=True)
class PlanOrder:
    """Ordered by ``key`` (teacher, subject, grade, classes, hours, lessons, version or status);
    ``ranks`` maps a stored value to its place when the order is not the value's own (names in the
    Kazakh alphabet, the statuses' path). Ties keep the order the plans were added in, as a stable
    sort of them does."""

    key: str = "teacher"
    descending: bool = False
    ranks: Mapping[Any, int] = field(default_factory=dict)


@dataclass(frozen=True)
class PlanQuery:
    """Plans of a year: those ``visible`` to the user (None: all), narrowed by the filter bar."""

    school: str
    year: str
    visible: frozenset[str] | None = None
    members: frozenset[str] | None = None  # the chosen association's members
    teacher: str | None = None
    subject: str | None = None
    grade: int | None = None
    status: str | None = None
    search: PlanSearch | None = None
    order: PlanOrder = PlanOrder()


#: What the filters choose among (read when one is opened), and what a search of one word and the
#: order of classes or hours rank among (read when the list is searched or so ordered).
CHOICES = ("teacher", "subject", "grade")
VALUES = ("classes", "hours")
FACETS = CHOICES + VALUES


@dataclass(frozen=True)
class PlanFacets:
    """What the plans of a year have (the filters' choices and the search's values)."""

    teachers: list[str]
    subjects: list[str]
    grades: list[int]
    #: The stored text of each distinct list of classes, with the list it reads as.
    classes: dict[str, list[str]]
    hours: list[float]

    def with_kinds(self, other: PlanFacets, kinds: Collection[str]) -> PlanFacets:
        """These, with ``other``'s values of ``kinds`` (a second read of other kinds, merged)."""
        return replace(self, **{_FIELDS[kind]: getattr(other, _FIELDS[kind]) for kind in kinds})


_FIELDS = {"teacher": "teachers", "subject": "subjects", "grade": "grades", "classes": "classes", "hours": "hours"}


@dataclass(frozen=True)
class PlanKey:
    """A line of the list without the plan: what its shown texts are made of (a search of several
    words is matched over these in the window)."""

    id: str
    teacher: str
    subject: str
    grade: int
    classes: list[str]
    hours: float
    lessons: int
    version: int
    status: str


def _lessons() -> ColumnElement[int]:
    return (select(func.count()).select_from(_ROWS)
            .where(_ROWS.c.school_id == _PLANS.c.school_id, _ROWS.c.plan_id == _PLANS.c.id)
            .correlate(_PLANS).scalar_subquery())


def _classes() -> ColumnElement[str]:
    return sql_cast(_PLANS.c.classes, Text)


def _year(query: PlanQuery) -> list[ColumnElement[bool]]:
    where = [_PLANS.c.school_id == query.school, _PLANS.c.academic_year_id == query.year]
    if query.visible is not None:
        where.append(_PLANS.c.teacher_id.in_(sorted(query.visible)))
    return where


def _filtered(query: PlanQuery, status: bool = True, search: bool = True) -> list[ColumnElement[bool]]:
    where = _year(query)
    for column, value in ((_PLANS.c.teacher_id, query.teacher), (_PLANS.c.subject_id, query.subject),
                          (_PLANS.c.grade, query.grade)):
        if value is not None:
            where.append(column == value)
    if query.members is not None:
        where.append(_PLANS.c.teacher_id.in_(sorted(query.members)))
    if status and query.status is not None:
        where.append(_PLANS.c.status == query.status)
    if search and query.search is not None:
        where.append(_searched(query.search))
    return where


def _searched(search: PlanSearch) -> ColumnElement[bool]:
    if search.plans is not None:
        return _PLANS.c.id.in_(sorted(search.plans)) if search.plans else false()
    found: list[ColumnElement[bool]] = []
    for column, values in ((_PLANS.c.teacher_id, search.teachers), (_PLANS.c.subject_id, search.subjects),
                           (_classes(), search.classes), (_PLANS.c.hours_per_week, search.hours),
                           (_PLANS.c.status, search.statuses)):
        if values:
            found.append(column.in_(sorted(values)))
    if search.digits:
        pattern = f"%{search.digits}%"
        found.append(sql_cast(_PLANS.c.grade, Text).like(pattern))
        found.append(sql_cast(_lessons(), Text).like(pattern))
        found.append(sql_cast(_PLANS.c.version, Text).like(pattern))
    return or_(*found) if found else false()


#: Between the entries of a table of ranks passed as one text, and between a key and its rank.
_ENTRY, _RANK = "\x1f", "\x1e"
#: Keys a JSON path names as they are written (no quote, backslash or control character).
_JSON_KEY = re.compile(r'[^"\\\x00-\x1f]+')


def _ranked(column: ColumnElement[Any], ranks: Mapping[Any, int], dialect: str) -> ColumnElement[Any]:
    """``column``'s rank by ``ranks``. Names have a few hundred: their table goes to SQL as one text
    "␟key␞00042␟…" the rank is read from (one parameter, not a CASE of hundreds); a short table or
    keys that are not plain texts go as a CASE. Keys not in the table rank last."""
    last = len(ranks) + 1
    if len(ranks) < 12 or not all(isinstance(k, str) and _ENTRY not in k and _RANK not in k for k in ranks):
        return case(*((column == value, rank) for value, rank in ranks.items()), else_=last)
    if dialect == "postgresql":
        # The table as one JSONB constant, each key looked up in it: PostgreSQL found the key in the
        # text below at ~14 µs a plan (EXPLAIN ANALYZE, a large school's year: 13 of the page's 15 ms).
        as_json = sql_cast(literal(json.dumps(ranks), Text), JSONB)
        return func.coalesce(sql_cast(as_json.op("->>", return_type=Text)(column), Integer), last)
    if dialect == "sqlite" and all(_JSON_KEY.fullmatch(k) for k in ranks):
        # SQLite reads a JSON object once per statement and looks each key up in it: ~5× faster
        # than finding the key in the text below (a large school's year: 1000 plans, 120 names).
        table = literal(json.dumps(ranks, ensure_ascii=False), Text)
        rank = func.json_extract(table, literal('$."', Text) + column + literal('"', Text))
        return func.coalesce(rank, last)
    width = len(str(last))
    table = literal(_ENTRY + _ENTRY.join(f"{key}{_RANK}{rank:0{width}d}" for key, rank in ranks.items()) + _ENTRY,
                    Text)
    position = (func.instr if dialect == "sqlite" else func.strpos)(
        table, literal(_ENTRY, Text) + column + literal(_RANK, Text))
    rank = func.substr(table, func.nullif(position, 0) + func.length(column) + 2, width)
    return func.coalesce(sql_cast(rank, Integer), last)


def _order_key(order: PlanOrder, dialect: str) -> ColumnElement[Any]:
    column: ColumnElement[Any] = {
        "teacher": _PLANS.c.teacher_id, "subject": _PLANS.c.subject_id, "grade": _PLANS.c.grade,
        "classes": _classes(), "hours": _PLANS.c.hours_per_week, "lessons": _lessons(),
        "version": _PLANS.c.version, "status": _PLANS.c.status}[order.key]
    # Equal ranks stay equal: the tiebreak below then orders them, as a stable sort would.
    return _ranked(column, order.ranks, dialect) if order.ranks else column


def _ordered(session: Session, statement: Select[Any], order: PlanOrder) -> Select[Any]:
    key = _order_key(order, session.get_bind().dialect.name)
    return statement.order_by(key.desc() if order.descending else key.asc(), _PLANS.c.seq.asc())


@lru_cache(maxsize=4096)
def classes_of(text: str | None) -> tuple[str, ...]:
    """The classes of their stored text (a year has a few distinct lists: each is read once)."""
    return tuple(json.loads(text) or ()) if text else ()


def _page(session: Session, query: PlanQuery, offset: int, limit: int,
          counted: bool = True) -> tuple[list[PlanSummary], int | None]:
    """The lines ``offset`` … ``offset + limit`` and (``counted``) how many the list has (None when
    the page is past its end or not ``counted``). One statement: the page is chosen in a subquery
    that orders the plans by their key alone, so the rows are counted for the page's plans only."""
    key = _order_key(query.order, session.get_bind().dialect.name).label("k")
    # Ordered by the label: the key (a rank looked up per plan) is computed once, not twice.
    total = [func.count().over().label("total")] if counted else []
    chosen = (select(_PLANS.c.id, key, _PLANS.c.seq, *total)
              .where(*_filtered(query))
              .order_by(key.desc() if query.order.descending else key.asc(), _PLANS.c.seq.asc())
              .offset(offset).limit(limit).subquery())
    columns = [c for c in _PLANS.c if c.name != "classes"]
    statement = (select(*columns, _classes().label("classes"), _lessons().label("n_lessons"),
                        *([chosen.c.total] if counted else []))
                 .join_from(_PLANS, chosen, (_PLANS.c.school_id == query.school) & (_PLANS.c.id == chosen.c.id))
                 .order_by(chosen.c.k.desc() if query.order.descending else chosen.c.k.asc(), chosen.c.seq.asc()))
    empty = no_children()
    result = session.execute(statement)
    names = list(result.keys())
    found = [dict(zip(names, values, strict=True)) for values in result.tuples()]  # no RowMapping per row
    lines = [PlanSummary(build_plan({**row, "classes": classes_of(row["classes"])}, empty), int(row["n_lessons"]))
             for row in found]
    return lines, (int(found[0]["total"]) if found and counted else None)


def plan_page(session: Session, query: PlanQuery, offset: int, limit: int) -> list[PlanSummary]:
    """The plans ``offset`` … ``offset + limit`` of the list, each with its rows counted."""
    return _page(session, query, offset, limit, counted=False)[0]


def plan_count(session: Session, query: PlanQuery) -> int:
    """How many plans the list has (every filter and the search)."""
    statement = select(func.count()).select_from(_PLANS).where(*_filtered(query))
    return int(session.execute(statement).scalar_one())


def plan_positions(session: Session, query: PlanQuery, plans: Collection[str]) -> dict[str, int]:
    """Where each of ``plans`` stands in the list (those it has): a plan chosen by id is fetched
    through to its line even when it is not on a page read yet."""
    if not plans:
        return {}
    wanted = set(plans)
    ordered = _ordered(session, select(_PLANS.c.id).where(*_filtered(query)), query.order)
    return {plan: place for place, plan in enumerate(session.execute(ordered).scalars()) if plan in wanted}


def plan_status_counts(session: Session, query: PlanQuery) -> dict[str, int]:
    """Plans per status among those the filters other than the status one and the search let through."""
    statement = (select(_PLANS.c.status, func.count()).where(*_filtered(query, status=False, search=False))
                 .group_by(_PLANS.c.status))
    return {status: int(count) for status, count in session.execute(statement)}


def plan_facets(session: Session, query: PlanQuery, kinds: Collection[str] = FACETS) -> PlanFacets:
    """The distinct teachers, subjects, grades, classes and hours of the year's plans (the filters
    of ``query`` are not applied: the choices are the year's); of ``kinds`` alone (the others are
    empty): the filters' ``CHOICES``, the search's and the order's ``VALUES``."""
    where = _year(query)
    columns = {"teacher": _PLANS.c.teacher_id, "subject": _PLANS.c.subject_id, "grade": _PLANS.c.grade,
               "classes": _classes(), "hours": _PLANS.c.hours_per_week}
    found: dict[str, list[Any]] = {kind: [] for kind in FACETS}  # texts; numbers as numbers on SQLite
    read = [kind for kind in FACETS if kind in kinds]
    if read:
        # One statement (a round trip, not five): each kind's distinct values, as text where the
        # server wants one type (SQLite keeps each value's own: a cast per plan cost it a quarter).
        typed = session.get_bind().dialect.name != "sqlite"
        statement = union_all(*(select(literal(kind, Text).label("kind"),
                                       (sql_cast(columns[kind], Text) if typed else columns[kind]).label("value"))
                                .where(*where).distinct() for kind in read))
        for kind, value in session.execute(statement):
            if value is not None:
                found[kind].append(value)
    return PlanFacets(found["teacher"], found["subject"], [int(g) for g in found["grade"]],
                      {text: list(classes_of(text)) for text in found["classes"]},
                      [float(h) for h in found["hours"]])


def plan_keys(session: Session, query: PlanQuery) -> list[PlanKey]:
    """Every line of the list without its plan (the search of ``query`` is not applied)."""
    c = _PLANS.c
    statement = select(c.id, c.teacher_id, c.subject_id, c.grade, _classes(), c.hours_per_week, _lessons(),
                       c.version, c.status).where(*_filtered(query, search=False))
    return [PlanKey(i, teacher, subject, grade, list(classes_of(classes)), hours,
                    int(lessons), version, status)
            for i, teacher, subject, grade, classes, hours, lessons, version, status in session.execute(statement)]


@dataclass(frozen=True)
class PlanListing:
    """What the Plans section shows after a change of year, filter, search or order: one read."""

    first: list[PlanSummary]  # the first page
    total: int  # the lines of the list
    counts: dict[str, int] | None  # per status (``plan_status_counts``), when asked for
    facets: PlanFacets | None  # when asked for (a new year, a reload)


def plan_listing(session: Session, query: PlanQuery, limit: int, counts: bool = True,
                 facets: bool = False) -> PlanListing:
    per_status = plan_status_counts(session, query) if counts else None
    if per_status is not None and query.search is None:
        # Unsearched, the list is the counts' plans (of its status): no count over the page query.
        first, _ = _page(session, query, 0, limit, counted=False)
        total: int | None = per_status.get(query.status, 0) if query.status is not None else sum(per_status.values())
    else:
        first, total = _page(session, query, 0, limit)
    return PlanListing(first, total if total is not None else 0, per_status,
                       plan_facets(session, query) if facets else None)
