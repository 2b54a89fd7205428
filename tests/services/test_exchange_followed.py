"""Issue 18 points 8 and 9 in the exchange format (version 2): a work plan's theme, goal, tasks and
item marks, and the top-level ``olympiad_results``; the document comes back from import → export,
through the whole read and through the record-by-record import into a real database."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.domain.errors import Rule
from desktop_app.services import Services
from desktop_app.services.exchange import ExchangeError, dump_document, parse_document, schema
from tests.canonical import canonical
from tests.shared_files import SAMPLE

Doc = dict[str, Any]


def followed() -> Doc:
    document: Doc = json.loads(SAMPLE.read_bytes())
    body = next(a for a in document["associations"] if a["id"] == "mo-math-26")
    plan = body["work_plan"]
    plan["theme"] = {"kk": "Функционалдық сауаттылықты дамыту", "ru": "Развитие функциональной грамотности"}
    plan["goal"] = {"ru": "Повысить качество уроков математики"}
    plan["tasks"] = {"kk": "1. Сабаққа өзара қатысу.\n2. Олимпиадаға дайындық."}
    plan["items"][0]["mark"] = {"state": "held", "on": "2026-08-28",
                                "link": {"kind": "meeting", "id": "m-math-26-1"}, "month": None, "reason": None}
    plan["items"][1]["mark"] = {"state": "moved", "on": "2026-11-27", "link": None, "month": "2027-01",
                                "reason": "Аттестация кезеңі"}
    document["olympiad_results"] = [
        {"id": "ol-1", "academic_year": "2026-2027", "pupil": "Әлібекова Айгүл", "class_name": "9Ә",
         "subject": "math", "teacher": "t-01", "level": "district", "kind": "olympiad", "outcome": "prize",
         "place": 2, "stage": "II кезең", "title": "Пәндік олимпиада", "on": "2026-11-20"},
        {"id": "ol-2", "academic_year": "2026-2027", "pupil": "Ким Алина", "class_name": "11 Б",
         "subject": "kazlang", "teacher": "t-08", "level": "international", "kind": "projects",
         "outcome": "certificate"},
    ]
    return document


def test_the_additions_round_trip_through_a_whole_read() -> None:
    document = followed()
    assert schema.schema_problems(document) == []
    records = parse_document(json.dumps(document, ensure_ascii=False))
    plan = records.associations[1].work_plan
    assert plan is not None and plan.theme is not None and plan.theme.kk == "Функционалдық сауаттылықты дамыту"
    assert plan.items[0].mark is not None and plan.items[0].mark.link is not None
    assert [r.place for r in records.olympiad_results] == [2, None]
    dumped = dump_document(records, None)
    assert canonical(dumped) == canonical(document)
    assert canonical(dump_document(parse_document(json.dumps(dumped, ensure_ascii=False)))) == canonical(document)


def test_a_version_one_document_still_reads_and_has_no_olympiads() -> None:
    document: Doc = json.loads(SAMPLE.read_bytes())
    document["version"] = 1
    records = parse_document(json.dumps(document, ensure_ascii=False))
    assert records.olympiad_results == []
    assert all(i.mark is None for a in records.associations if a.work_plan for i in a.work_plan.items)


def test_the_additions_round_trip_through_a_database(tmp_path: Path) -> None:
    text = json.dumps(followed(), ensure_ascii=False)
    services = Services.open(str(tmp_path / "school.sqlite3"))
    try:
        summary = services.exchange.import_document(COMMAND_LINE, text)
        assert summary.counts["olympiad_results"] == 2
        pieces: list[str] = []
        services.exchange.export_text(COMMAND_LINE, summary.school, pieces.append)
    finally:
        services.close()
    assert canonical(json.loads("".join(pieces))) == canonical(json.loads(text))


@pytest.mark.parametrize(("change", "path"), [
    (lambda d: d["olympiad_results"][0].update(teacher="t-99"), "olympiad_results[0].teacher"),
    (lambda d: d["olympiad_results"][0].update(class_name="14А"), "olympiad_results[0]"),
    (lambda d: d["olympiad_results"][1].update(place=1), "olympiad_results[1]"),
])
def test_broken_olympiad_results_are_refused(change: Any, path: str) -> None:
    document = copy.deepcopy(followed())
    change(document)
    with pytest.raises(ExchangeError) as caught:
        parse_document(json.dumps(document, ensure_ascii=False))
    problem = caught.value.problems[0]
    assert problem.path.startswith(path), problem
    assert problem.rule in (Rule.REFERENCE, Rule.VALUE)
