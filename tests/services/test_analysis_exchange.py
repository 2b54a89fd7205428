"""The optional ``analyses`` collection of exchange version 2: round trip, refusals, version 1."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from desktop_app.domain.accounts import COMMAND_LINE as CLI
from desktop_app.domain.errors import Rule
from desktop_app.services import Services
from desktop_app.services.exchange.problems import ExchangeError
from tests.canonical import canonical
from tests.services.conftest import SCHOOL, Env
from tests.shared_files import SAMPLE

YEAR = "2026-2027"


def _with_analyses(env: Env) -> dict[str, object]:
    for body, text in ((None, "Мектеп бойынша қорытынды."), ("mo-math-26", "Выводы МО математики.")):
        paper = env.s.analysis.paper(CLI, SCHOOL, YEAR, body)
        env.s.analysis.save(CLI, SCHOOL, replace(paper.analysis, conclusions=text, tasks="Міндеттер."))
    env.s.analysis.approve(env.actors["director"], SCHOOL, YEAR, "mo-math-26")
    return env.s.exchange.export_document(CLI, SCHOOL)


def test_analyses_round_trip_through_a_document(env: Env, empty: Services) -> None:
    document = _with_analyses(env)
    analyses = document["analyses"]
    assert isinstance(analyses, list) and [a["id"] for a in analyses] == [f"an-{YEAR}-school",
                                                                         f"an-{YEAR}-mo-math-26"]
    assert analyses[1]["status"] == "approved" and analyses[1]["approved"]["by"] == "t-dir"
    pieces: list[str] = []
    counts = env.s.exchange.export_text(CLI, SCHOOL, pieces.append)
    text = "".join(pieces)
    assert counts["analyses"] == 2 and canonical(json.loads(text)) == canonical(document)
    summary = empty.exchange.import_document(CLI, text)
    assert summary.counts["analyses"] == 2
    assert canonical(empty.exchange.export_document(CLI, SCHOOL)) == canonical(document)
    assert empty.analysis.paper(CLI, SCHOOL, YEAR, "mo-math-26").analysis.approved


def test_a_version_one_document_imports_without_analyses(empty: Services) -> None:
    data = json.loads(SAMPLE.read_bytes())
    empty.exchange.import_document(CLI, json.dumps(data, ensure_ascii=False))
    exported = empty.exchange.export_document(CLI, SCHOOL)
    assert "analyses" not in exported and canonical(exported) == canonical(data)


@pytest.mark.parametrize(("path", "change", "rule"), [
    ("analyses[1].association", lambda a: a[1].update(association="mo-nowhere"), Rule.REFERENCE),
    ("analyses[0].id", lambda a: a[0].update(id="an-other"), Rule.VALUE),
    ("analyses[1].approved", lambda a: a[1].update(approved=None), Rule.VALUE),
])
def test_a_broken_analysis_refuses_the_document_naming_its_path(env: Env, empty: Services, path: str,
                                                                change, rule: Rule) -> None:  # type: ignore[no-untyped-def]
    document = _with_analyses(env)
    change(document["analyses"])
    with pytest.raises(ExchangeError) as refused:
        empty.exchange.import_document(CLI, json.dumps(document, ensure_ascii=False, default=str))
    assert [(p.path, p.rule) for p in refused.value.problems] == [(path, rule)]
    assert empty.schools.list_schools(CLI) == []
