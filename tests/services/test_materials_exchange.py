"""Methodical materials in the exchange document (version 2, ``materials`` and the agenda item's
``materials``): import → export gives the document back on both backends, and a material whose
record contradicts itself is refused naming its path and п. 27."""

from __future__ import annotations

import copy
import json
from typing import Any

from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.domain.errors import Rule
from desktop_app.services import Services
from desktop_app.services.exchange import ExchangeError, parse_document
from desktop_app.services.exchange.writing import dumps
from tests.canonical import canonical
from tests.materials_sample import SHA, add_materials
from tests.storage.sample import sample_records


def document() -> dict[str, Any]:
    return json.loads(dumps(add_materials(sample_records())))


def test_the_document_carries_materials(empty: Services) -> None:
    doc = document()
    assert [m["id"] for m in doc["materials"]] == ["mat-1", "mat-2"]
    first = doc["materials"][0]
    assert first["approved"] == {"by": "t-dir", "on": "2026-09-01", "acting": False}
    assert first["file"] == {"name": "logic.pdf", "sha256": SHA, "size": 12345}
    assert first["authors"] == ["t-01", {"name": "Ахметова Г.", "position": "әдіскер"}]
    assert doc["meetings"][0]["agenda"][0]["materials"] == ["mat-1"]


def test_import_then_export_gives_the_document_back(empty: Services) -> None:
    doc = document()
    summary = empty.exchange.import_document(COMMAND_LINE, json.dumps(doc, ensure_ascii=False))
    assert summary is not None
    exported = empty.exchange.export_document(COMMAND_LINE, doc["school"]["id"])
    assert canonical(exported) == canonical(doc)
    listed = empty.materials.list(COMMAND_LINE, doc["school"]["id"], "2026-2027")
    assert [m.id for m in listed] == ["mat-1", "mat-2"]


def test_an_approved_material_without_a_conclusion_is_refused() -> None:
    doc = document()
    broken = copy.deepcopy(doc)
    broken["materials"][0]["review"] = None
    try:
        parse_document(json.dumps(broken, ensure_ascii=False))
    except ExchangeError as error:
        problems = [(p.path, p.rule) for p in error.problems]
    else:
        raise AssertionError("refused expected")
    assert ("materials[0].review", Rule.MATERIAL) in problems


def test_the_agenda_names_a_material_that_does_not_exist() -> None:
    broken = document()
    broken["meetings"][0]["agenda"][0]["materials"] = ["mat-404"]
    try:
        parse_document(json.dumps(broken, ensure_ascii=False))
    except ExchangeError as error:
        paths = [p.path for p in error.problems]
    else:
        raise AssertionError("refused expected")
    assert "meetings[0].agenda[0].materials[0]" in paths
