"""The optional ``events`` collection of exchange version 2: round trip, refusals, version 1."""

from __future__ import annotations

import json

import pytest

from desktop_app.domain.accounts import COMMAND_LINE as CLI
from desktop_app.domain.errors import NotFoundError, Rule
from desktop_app.domain.event_records import AgendaReference, Attachment
from desktop_app.services import Services
from desktop_app.services.exchange.problems import ExchangeError
from tests.canonical import canonical
from tests.services.conftest import SCHOOL, Env
from tests.services.test_events import seminar
from tests.shared_files import SAMPLE


def _with_events(env: Env) -> dict[str, object]:
    env.s.events.save(CLI, SCHOOL, seminar(attachment=Attachment("бағдарлама.pdf", b"%PDF-1.4 \x00\xff"),
                                            agenda=[AgendaReference("m-math-26-2", 1)], materials="Слайдтар"))
    held = env.s.events.save(CLI, SCHOOL, seminar(organiser=None, outcome="Ұсыныстар қабылдансын"))
    env.s.events.hold(CLI, SCHOOL, held.id)
    env.s.events.certificates(CLI, SCHOOL, held.id)
    return env.s.exchange.export_document(CLI, SCHOOL)


def test_events_round_trip_through_a_document(env: Env, empty: Services) -> None:
    document = _with_events(env)
    events = document["events"]
    assert isinstance(events, list) and [e["number"] for e in events] == [1, 2]
    assert events[1]["status"] == "held" and events[1]["certificates_issued"]
    pieces: list[str] = []
    counts = env.s.exchange.export_text(CLI, SCHOOL, pieces.append)
    text = "".join(pieces)
    assert counts["events"] == 2 and canonical(json.loads(text)) == canonical(document)
    summary = empty.exchange.import_document(CLI, text)
    assert summary.counts["events"] == 2
    again = empty.exchange.export_document(CLI, SCHOOL)
    assert canonical(again) == canonical(document)
    assert empty.events.get(CLI, SCHOOL, events[0]["id"]).attachment == Attachment(
        "бағдарлама.pdf", b"%PDF-1.4 \x00\xff")


def test_a_version_one_document_imports_without_events(empty: Services) -> None:
    data = json.loads(SAMPLE.read_bytes())
    assert "events" not in data and data["version"] == 1
    empty.exchange.import_document(CLI, json.dumps(data, ensure_ascii=False))
    exported = empty.exchange.export_document(CLI, SCHOOL)
    assert exported["events"] == [] and canonical(exported) == canonical(data)


@pytest.mark.parametrize(("path", "change", "rule"), [
    ("events[1].number", lambda e: e[1].update(number=5), Rule.EVENT),
    ("events[0].participants[0]", lambda e: e[0].update(participants=["t-nobody"]), Rule.REFERENCE),
    ("events[0].start", lambda e: e[0].update(start="2028-01-10"), Rule.EVENT),
    ("events[0].attachment.data", lambda e: e[0]["attachment"].update(data="AAAA"), Rule.EVENT),
])
def test_a_broken_event_refuses_the_document_naming_its_path(env: Env, empty: Services, path: str,
                                                             change: object, rule: Rule) -> None:
    document = _with_events(env)
    change(document["events"])  # type: ignore[operator]
    with pytest.raises(ExchangeError) as refused:
        empty.exchange.import_document(CLI, json.dumps(document, ensure_ascii=False))
    assert [(p.path, p.rule) for p in refused.value.problems] == [(path, rule)]
    with pytest.raises(NotFoundError):  # nothing of the refused document was kept
        empty.exchange.export_document(CLI, SCHOOL)
