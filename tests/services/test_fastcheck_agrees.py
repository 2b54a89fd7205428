"""The fast schema check (services/exchange/fastcheck.py) is exactly as strict as jsonschema: over
documents changed at random places in random ways, both accept or both refuse — with the
program's schema (version 2) and with the version-1 contract (exchange-v1.schema.json)."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.services import Services
from desktop_app.services.demo import load_demo
from desktop_app.services.exchange import load_schema, load_v1_schema, schema
from desktop_app.services.exchange.fastcheck import compile_schema
from tests.shared_files import SAMPLE

Doc = dict[str, Any]

#: Values put in place of another: each JSON type, limits of lengths and numbers, dates and
#: times valid and not, ids with and without their pattern.
_VALUES = st.one_of(
    st.sampled_from([
        None, True, False, 0, 1, -1, 1.0, 0.5, 2.5, 10**6, "", "x", "t-01", "Т 1", "a" * 65, "a" * 5001,
        "2026-09-01", "2026-02-30", "2026-9-1", "2026-09-01T10:00:00+05:00", "2026-09-01T10:00:00",
        "10:30", "24:00", "ru", "kk", "en", "draft", "approved", "meeting", [], {}, ["a"], ["a", "a"],
        [1, 1.0], {"kk": "А"}, {"kk": None}, {"ru": ""}, {"name": "А"}, {"name": "А", "x": 1},
    ]),
    st.integers(-3, 40),
    st.text(max_size=4),
)


@cache
def _demo_document() -> Doc:
    """A version-2 document with the demo school's events, attestations, courses and analyses."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="metodsovet-fastcheck-"))
    services = Services.open(str(folder / "demo.sqlite3"))
    try:
        school, _ = load_demo(services)
        return services.exchange.export_document(COMMAND_LINE, school)
    finally:
        services.close()


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path in the document (the root excluded)."""
    found = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _places(item, (*path, index))
    return found


def _changed(document: Doc, data: st.DataObject) -> Doc:
    """The document with one to three random changes: a value replaced (by another of the
    document's own values, or by one of _VALUES), a key removed or added, an item repeated or
    removed."""
    document = copy.deepcopy(document)
    for _ in range(data.draw(st.integers(1, 3))):
        places = _places(document)
        place = data.draw(st.sampled_from(places))
        parent: Any = document
        for part in place[:-1]:
            parent = parent[part]
        last = place[-1]
        how = data.draw(st.sampled_from(["replace", "borrow", "remove", "add", "repeat"]))
        if how == "replace":
            parent[last] = data.draw(_VALUES)
        elif how == "borrow":
            other: Any = document
            for part in data.draw(st.sampled_from(places)):
                other = other[part]
            parent[last] = copy.deepcopy(other)
        elif how == "remove":
            del parent[last]
        elif how == "add" and isinstance(parent, dict):
            parent[data.draw(st.sampled_from(["extra", "id", "kk", "note", "acting"]))] = data.draw(_VALUES)
        elif how == "repeat" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
    return document


def _sample() -> Doc:
    return json.loads(SAMPLE.read_bytes())  # type: ignore[no-any-return]


@cache
def _checks(version: int) -> tuple[Any, Draft202012Validator]:
    shape = load_schema() if version == 2 else load_v1_schema()
    formats = schema._formats()
    return compile_schema(shape, formats), Draft202012Validator(shape, format_checker=formats)


@pytest.mark.parametrize("version", [1, 2])
@pytest.mark.parametrize("source", ["sample", "demo"])
@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fast_check_refuses_what_jsonschema_refuses(version: int, source: str, data: st.DataObject) -> None:
    document = _changed(_sample() if source == "sample" else _demo_document(), data)
    fast, validator = _checks(version)
    assert fast(document) == validator.is_valid(document)


@pytest.mark.parametrize("version", [1, 2])
def test_unchanged_documents_pass_both(version: int) -> None:
    fast, validator = _checks(version)
    assert fast(_sample()) and validator.is_valid(_sample())
    if version == 2:  # the demo's version-2 collections are not in version 1
        assert fast(_demo_document()) and validator.is_valid(_demo_document())


@pytest.mark.parametrize("keys", [{}, {"school": "school-8"}, {"teacher": "t-02"},
                                  {"school": "school-8", "teacher": "t-02"}])
def test_a_speaker_from_another_school_names_both_the_school_and_the_teacher(keys: dict[str, str]) -> None:
    """Version 2's speaker of another school carries ``school`` and ``teacher`` together: one alone
    would be read as a plain person and lost on export (import → export must give it back)."""
    document = _sample()
    speech = next(s for m in document["meetings"] for item in m["agenda"] for s in item.get("spoke", ())
                  if isinstance(s["speaker"], dict))
    speech["speaker"] = {**speech["speaker"], **keys}
    fast, validator = _checks(2)
    assert fast(document) == validator.is_valid(document) == (len(keys) != 1)
