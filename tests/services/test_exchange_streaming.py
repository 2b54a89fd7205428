"""Import and export record by record: all or nothing on a real SQLite file, even when the refusal
comes after many batches were written; the sample school and a generated one round-trip; the
record-by-record reader agrees with a whole read."""

from __future__ import annotations

import importlib.util
import json
import re
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.domain.errors import Rule
from desktop_app.services import Services
from desktop_app.services.exchange import ExchangeError, dump_document, parse_document
from desktop_app.services.exchange.streaming import ARRAY_START, Unusual, members
from desktop_app.storage import bulk
from tests.canonical import canonical
from tests.shared_files import SAMPLE

Doc = dict[str, Any]
_GENERATE = Path(__file__).resolve().parents[2] / "bench" / "generate.py"


def _large_school(teachers: int, years: int, rows_per_year: int) -> Doc:
    spec = importlib.util.spec_from_file_location("bench_generate", _GENERATE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.large_school(teachers, years, rows_per_year)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def school() -> Doc:
    """~40 plans, ~1 300 KTP rows: many batches of 50 rows."""
    return _large_school(teachers=9, years=2, rows_per_year=600)


def _encode(document: Doc) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def _table_counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as connection:
        names = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'protocol_index%' AND name != 'alembic_version'")]
        return {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _services(path: Path) -> Services:
    return Services.open(str(path))


def _spy_writes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Small batches, and the number of rows each executemany wrote."""
    monkeypatch.setattr(bulk, "BATCH_ROWS", 50)
    written: list[int] = []
    original = bulk.BulkWriter._write

    def write(self: bulk.BulkWriter, table: Any, rows: list[Any]) -> None:
        written.append(len(rows))
        original(self, table, rows)

    monkeypatch.setattr(bulk.BulkWriter, "_write", write)
    return written


BREAKS: dict[str, Callable[[Doc], tuple[str, Rule]]] = {}


def _breaks(name: str) -> Callable[[Callable[[Doc], tuple[str, Rule]]], Callable[[Doc], tuple[str, Rule]]]:
    def register(function: Callable[[Doc], tuple[str, Rule]]) -> Callable[[Doc], tuple[str, Rule]]:
        BREAKS[name] = function
        return function
    return register


@_breaks("rule in the last plan")
def _unknown_teacher(document: Doc) -> tuple[str, Rule]:
    document["plans"][-1]["teacher"] = "t-nobody"
    return f"plans[{len(document['plans']) - 1}].teacher", Rule.REFERENCE


@_breaks("schema in the last row")
def _bad_hours(document: Doc) -> tuple[str, Rule]:
    plan = document["plans"][-1]
    plan["rows"][-1]["hours"] = -1
    return f"plans[{len(document['plans']) - 1}].rows[{len(plan['rows']) - 1}].hours", Rule.SCHEMA


@_breaks("reference after the plans")
def _meeting_of_unknown_plan(document: Doc) -> tuple[str, Rule]:
    document["mentorships"] = [{"id": "mn-1", "mentor": "t-0", "mentee": "t-nobody",
                                "academic_year": document["academic_years"][0]["id"],
                                "start": document["academic_years"][0]["start"],
                                "end": document["academic_years"][0]["end"], "status": "active"}]
    return "mentorships[0].mentee", Rule.REFERENCE


@pytest.mark.parametrize("broken", list(BREAKS))
@pytest.mark.parametrize("replace", [False, True])
def test_a_late_refusal_leaves_the_database_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, school: Doc, broken: str, replace: bool,
) -> None:
    path = tmp_path / "school.sqlite3"
    services = _services(path)
    try:
        if replace:  # the school is there already: a refused replacement keeps it whole
            services.exchange.import_document(COMMAND_LINE, _encode(school))
        before = _table_counts(path)
        document = json.loads(json.dumps(school))
        where, rule = BREAKS[broken](document)
        written = _spy_writes(monkeypatch)
        with pytest.raises(ExchangeError) as refused:
            services.exchange.import_document(COMMAND_LINE, _encode(document), replace=replace)
    finally:
        services.close()
    assert [(p.path, p.rule) for p in refused.value.problems] == [(where, rule)]
    assert sum(written) > 500, written  # the refusal came after many rows had been written
    assert _table_counts(path) == before
    if not replace:
        assert before["schools"] == 0 and before["plan_rows"] == 0


def test_the_generated_school_round_trips_in_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, school: Doc,
) -> None:
    written = _spy_writes(monkeypatch)
    services = _services(tmp_path / "school.sqlite3")
    try:
        summary = services.exchange.import_document(COMMAND_LINE, _encode(school))
        pieces: list[str] = []
        counts = services.exchange.export_text(COMMAND_LINE, summary.school, pieces.append)
        whole = services.exchange.export_document(COMMAND_LINE, summary.school)
    finally:
        services.close()
    assert len(written) > 10 and max(written) <= 50 + 34 * 2
    assert summary.counts["plan_rows"] == sum(len(p["rows"]) for p in school["plans"])
    exported = json.loads("".join(pieces))
    assert canonical(exported) == canonical(school)
    assert canonical(exported) == canonical(whole)
    assert counts == {k: len(v) for k, v in exported.items() if isinstance(v, list)}


def test_the_sample_school_round_trips(tmp_path: Path) -> None:
    data = SAMPLE.read_bytes()
    services = _services(tmp_path / "sample.sqlite3")
    try:
        summary = services.exchange.import_document(COMMAND_LINE, data)
        pieces: list[str] = []
        services.exchange.export_text(COMMAND_LINE, summary.school, pieces.append)
        # Import of the export gives the same records again (replace: the school is there).
        again = services.exchange.import_document(COMMAND_LINE, "".join(pieces), replace=True)
        second: list[str] = []
        services.exchange.export_text(COMMAND_LINE, summary.school, second.append)
    finally:
        services.close()
    assert canonical(json.loads("".join(pieces))) == canonical(json.loads(data))
    assert again.replaced and again.counts == summary.counts
    moment = re.compile(r'"exported_at": "[^"]+"')
    assert moment.sub("", "".join(second)) == moment.sub("", "".join(pieces))
    assert dump_document(parse_document("".join(pieces))) == dump_document(parse_document(data))


_TOP = ["format", "version", "exported_at", "school", "academic_years", "subjects", "teachers",
        "associations", "meetings", "plans", "mentorships", "lesson_visits"]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(_TOP))
def test_any_order_of_the_top_level_imports_the_same_school(tmp_path_factory: pytest.TempPathFactory,
                                                           order: list[str]) -> None:
    """The plans may come before what they refer to: then the document is read whole, with the
    same outcome."""
    document = json.loads(SAMPLE.read_bytes())
    shuffled = {key: document[key] for key in order if key in document}
    services = _services(tmp_path_factory.mktemp("order") / "school.sqlite3")
    try:
        summary = services.exchange.import_document(COMMAND_LINE, json.dumps(shuffled, ensure_ascii=False))
        exported = services.exchange.export_document(COMMAND_LINE, summary.school)
    finally:
        services.close()
    assert canonical(exported) == canonical(document)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(document=st.dictionaries(st.text(max_size=6), json_values, max_size=6),
       indent=st.sampled_from([None, 0, 1, 2]))
def test_the_record_reader_agrees_with_a_whole_read(document: Doc, indent: int | None) -> None:
    text = json.dumps(document, ensure_ascii=False, indent=indent)
    read: Doc = {}
    for member in members(text):
        if member.value is ARRAY_START:
            read[member.key] = []
        elif member.index is not None:
            assert member.index == len(read[member.key])
            read[member.key].append(member.value)
        else:
            read[member.key] = member.value
    assert read == json.loads(text)
    assert list(read) == list(document)


@pytest.mark.parametrize("text", [
    "", "[]", "{", '{"a": 1,}', '{"a": [1,]}', '{"a": [1 2]}', '{"a": 1} x', '{"a": 1, "a": 2}',
    '{"a": [{"b": 1, "b": 2}]}', '{"a": NaN}', '{"a": [Infinity]}', '{1: 2}', '{"a" 1}',
])
def test_what_the_record_reader_leaves_to_a_whole_read(text: str) -> None:
    with pytest.raises(Unusual):
        list(members(text))
