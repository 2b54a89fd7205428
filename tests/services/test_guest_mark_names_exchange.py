"""The name a mark of a member from another school keeps (п. 21) in the exchange file (version 2): the
optional ``name`` of a ``guest_attendance`` entry, written when known; the document comes back from
import → export, through the whole read and through a real database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.services import Services
from desktop_app.services.exchange import dump_document, parse_document, schema
from tests.canonical import canonical
from tests.shared_files import SAMPLE

Doc = dict[str, Any]
NAME = "Қасымов Ерлан Нұрланұлы"


def marked() -> Doc:
    """The sample with two marks on its first protocol: one with the name kept, one without."""
    document: Doc = json.loads(SAMPLE.read_bytes())
    document["meetings"][0]["guest_attendance"] = [
        {"school": "school-8", "teacher": "t-02", "present": True, "reason": None, "name": NAME},
        {"school": "school-8", "teacher": "t-03", "present": False, "reason": "курсы"}]
    return document


def test_the_names_round_trip_through_a_whole_read() -> None:
    document = marked()
    assert schema.schema_problems(document) == []
    records = parse_document(json.dumps(document, ensure_ascii=False))
    assert [(g.teacher, g.name) for g in records.meetings[0].guest_attendance] == [("t-02", NAME), ("t-03", "")]
    dumped = dump_document(records, None)
    assert dumped["meetings"][0]["guest_attendance"] == [  # the name only where there is one
        {"school": "school-8", "teacher": "t-02", "present": True, "reason": None, "name": NAME},
        {"school": "school-8", "teacher": "t-03", "present": False, "reason": "курсы"}]
    assert canonical(dumped) == canonical(document)


def test_the_names_round_trip_through_a_database(tmp_path: Path) -> None:
    text = json.dumps(marked(), ensure_ascii=False)
    services = Services.open(str(tmp_path / "school.sqlite3"))
    try:
        summary = services.exchange.import_document(COMMAND_LINE, text)
        stored = services.meetings.get(COMMAND_LINE, summary.school, "m-math-26-1")
        pieces: list[str] = []
        services.exchange.export_text(COMMAND_LINE, summary.school, pieces.append)
    finally:
        services.close()
    assert [g.name for g in stored.guest_attendance] == [NAME, ""]
    assert canonical(json.loads("".join(pieces))) == canonical(json.loads(text))


def test_a_name_is_a_full_name_of_up_to_302_characters() -> None:
    """Three parts of a teacher's name of up to 100 characters each, and two spaces."""
    for name, refused in (("Ә" * 302, False), ("", True), ("Ә" * 303, True)):
        document = marked()
        document["meetings"][0]["guest_attendance"][0]["name"] = name
        problems = [p.path for p in schema.schema_problems(document)]
        assert problems == (["meetings[0].guest_attendance[0].name"] if refused else []), name
