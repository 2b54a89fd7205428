"""The Plans section's list as a query the services answer in SQL a page at a time.

The list shows texts (names, a status label in the window's language, hours written as Kazakh and
Russian write them) that SQL does not know. A year has a few hundred distinct ones, so they are
folded, matched and ranked here, and the query carries values: the toolbar's search becomes the
ids and values whose shown text contains it, the Kazakh order of names becomes ranks. The rows it
gives are those, and in the order, that the whole list filtered and sorted in the window gave.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import replace
from functools import lru_cache
from typing import Any, TypeVar

from desktop_app.domain.entities import PlanStatus
from desktop_app.i18n import format_number
from desktop_app.services.plans import PlanFacets, PlanKey, PlanOrder, PlanQuery, PlanSearch
from desktop_app.ui.labels import PLAN_STATUS_LABELS, label
from desktop_app.ui.models.sorting import fold, kazakh_key

K = TypeVar("K", bound=Hashable)

#: The list's columns, left to right (``plan_list.plan_columns``), as the services name them.
ORDER_KEYS = ("teacher", "subject", "grade", "classes", "hours", "lessons", "version", "status")


@lru_cache(maxsize=8192)  # a keystroke folds the year's ~120 names and ~100 other texts again
def folded(text: str) -> str:
    """A shown text as the search sees it inside a line: ``fold`` without the trimming it does at
    the ends of the whole line (a column's text is folded where it stands in the line)."""
    text = unicodedata.normalize("NFC", text.replace("\0", " ")).casefold().replace("ё", "е")
    return re.sub(r"\s+", " ", text)


def classes_text(classes: Iterable[str]) -> str:
    return ", ".join(classes)


def status_text(status: str) -> str:
    return label(PLAN_STATUS_LABELS, PlanStatus(status))


def line_text(key: PlanKey, names: Mapping[str, str], subjects: Mapping[str, str]) -> str:
    """The shown texts of a line joined as the search reads them (``plan_columns`` in order)."""
    return " ".join((names.get(key.teacher, key.teacher), subjects.get(key.subject, key.subject), str(key.grade),
                     classes_text(key.classes), format_number(key.hours), str(key.lessons), str(key.version),
                     status_text(key.status)))


def search_of(text: str, values: PlanFacets | None, names: Mapping[str, str], subjects: Mapping[str, str],
              keys: Callable[[], list[PlanKey]]) -> PlanSearch | None:
    """The toolbar's ``text`` as values (None: no search). A search of one word lies within one
    column's text, so it is matched over the school's names and the year's distinct classes and
    hours (``values``, read when ``needs_values``); digits also in SQL (grades, lessons, versions).
    One of several words may run from one column into the next, so it is matched over each line's
    texts (``keys``: no plans)."""
    needle = fold(text.strip())
    if not needle:
        return None
    if " " in needle:
        return PlanSearch(plans=frozenset(k.id for k in keys() if needle in folded(line_text(k, names, subjects))))

    def hits(found: Iterable[K], shown: Callable[[K], str]) -> frozenset[K]:
        return frozenset(v for v in found if needle in folded(shown(v)))

    assert values is not None  # ``needs_values``
    return PlanSearch(
        teachers=hits(names, lambda t: names[t]),
        subjects=hits(subjects, lambda s: subjects[s]),
        classes=hits(values.classes, lambda c: classes_text(values.classes[c])),
        hours=hits(values.hours, format_number),
        statuses=hits((s.value for s in PlanStatus), status_text),
        digits=needle if needle.isascii() and needle.isdigit() else None)


def _ranks(values: Iterable[K], key: Callable[[K], str]) -> dict[K, int]:
    """Each value's place among ``values`` by ``key``; values with equal keys share it."""
    keyed = {value: key(value) for value in values}
    places = {k: place for place, k in enumerate(sorted(set(keyed.values())))}
    return {value: places[k] for value, k in keyed.items()}


def order_of(column: int, descending: bool, values: PlanFacets | None, names: Mapping[str, str],
             subjects: Mapping[str, str]) -> PlanOrder:
    """The order of ``column`` as the window sorted it: names and classes in the Kazakh alphabet of
    their shown text, hours by tenths, statuses along the path, numbers as numbers. Names rank among
    all the school's (``names``, ``subjects``): the same order as among the year's alone. Classes and
    hours rank among the year's (``values``, read when ``needs_values``)."""
    key = _key(column)
    ranks: Mapping[Any, int] = {}
    if key == "teacher":
        ranks = _ranks(names, lambda t: kazakh_key(names[t]))
    elif key == "subject":
        ranks = _ranks(subjects, lambda s: kazakh_key(subjects[s]))
    elif key == "classes":
        assert values is not None
        classes = values.classes
        ranks = _ranks(classes, lambda c: kazakh_key(classes_text(classes[c])))
    elif key == "hours":
        assert values is not None
        ranks = {hours: int(hours * 10) for hours in values.hours}
    elif key == "status":
        ranks = {status.value: place for place, status in enumerate(PLAN_STATUS_LABELS)}
    return PlanOrder(key, descending, ranks)


def needs_values(text: str, column: int) -> bool:
    """Whether the search ``text`` or the order of ``column`` needs the year's distinct classes and
    hours (``VALUES``): a search of one word is matched over them, that order ranks among them."""
    needle = fold(text.strip())
    return (bool(needle) and " " not in needle) or _key(column) in ("classes", "hours")


def _key(column: int) -> str:
    return ORDER_KEYS[column] if 0 <= column < len(ORDER_KEYS) else ORDER_KEYS[0]


def listed(query: PlanQuery, text: str, column: int, descending: bool, values: PlanFacets | None,
           names: Mapping[str, str], subjects: Mapping[str, str], keys: Callable[[], list[PlanKey]]) -> PlanQuery:
    """``query`` (the filters) with the toolbar's search ``text`` and the order of ``column``."""
    return replace(query, search=search_of(text, values, names, subjects, keys),
                   order=order_of(column, descending, values, names, subjects))
