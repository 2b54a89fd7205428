"""The optional ``attestations`` and ``courses`` collections of exchange version 2: round trip with
a certificate's bytes, refusals at their path, version 1 unchanged."""

from __future__ import annotations

import json

import pytest

from desktop_app.domain.accounts import COMMAND_LINE as CLI
from desktop_app.domain.errors import NotFoundError, Rule
from desktop_app.domain.staff_records import AttestationResult
from desktop_app.services import Services
from desktop_app.services.exchange.problems import ExchangeError
from desktop_app.services.staff import Attachment
from tests.canonical import canonical
from tests.services.conftest import SCHOOL, Env, d
from tests.services.test_staff_records import application, course
from tests.shared_files import SAMPLE

CERTIFICATE = b"%PDF-1.4 \x00\xff certificate"


def _filled(env: Env) -> dict[str, object]:
    closed = env.s.attestations.save(CLI, SCHOOL, application())
    env.s.attestations.record_result(CLI, SCHOOL, closed.id, AttestationResult.AWARDED, "№ 112-ж", d("2026-12-20"))
    env.s.attestations.save(CLI, SCHOOL, application(teacher="t-05", hearing=None, portfolio=[]))
    env.s.courses.save(CLI, SCHOOL, course(), Attachment("сертификат.pdf", CERTIFICATE))
    env.s.courses.save(CLI, SCHOOL, course(teacher="t-02", kind="seminar", hours=None, certificate_number=None))
    return env.s.exchange.export_document(CLI, SCHOOL)


def test_attestations_and_courses_round_trip_through_a_document(env: Env, empty: Services) -> None:
    document = _filled(env)
    assert [a["result"] for a in document["attestations"]] == ["awarded", None]  # type: ignore[index]
    pieces: list[str] = []
    counts = env.s.exchange.export_text(CLI, SCHOOL, pieces.append)
    text = "".join(pieces)
    assert (counts["attestations"], counts["courses"]) == (2, 2)
    assert canonical(json.loads(text)) == canonical(document)
    summary = empty.exchange.import_document(CLI, text)
    assert (summary.counts["attestations"], summary.counts["courses"]) == (2, 2)
    assert canonical(empty.exchange.export_document(CLI, SCHOOL)) == canonical(document)
    first = empty.courses.list(CLI, SCHOOL)[0]
    assert empty.courses.content(CLI, SCHOOL, first.id)[1] == CERTIFICATE
    assert empty.attestations.due(CLI, SCHOOL) == env.s.attestations.due(CLI, SCHOOL)


def test_a_version_one_document_imports_without_them(empty: Services) -> None:
    data = json.loads(SAMPLE.read_bytes())
    assert "attestations" not in data and data["version"] == 1
    empty.exchange.import_document(CLI, json.dumps(data, ensure_ascii=False))
    exported = empty.exchange.export_document(CLI, SCHOOL)
    assert exported["attestations"] == exported["courses"] == [] and canonical(exported) == canonical(data)


@pytest.mark.parametrize(("path", "change", "rule"), [
    ("attestations[0].sought_category", lambda doc: doc["attestations"][0].update(sought_category="pedagog"),
     Rule.ATTESTATION),
    ("attestations[1].teacher", lambda doc: doc["attestations"][1].update(teacher="t-02", result=None, order=None,
                                                                          next_due=None), Rule.ATTESTATION),
    ("attestations[0].hearing.meeting", lambda doc: doc["attestations"][0].update(teacher="t-06"), Rule.ATTESTATION),
    ("courses[0].file.data", lambda doc: doc["courses"][0]["file"].update(data="AAAA"), Rule.COURSE),
    ("courses[1].teacher", lambda doc: doc["courses"][1].update(teacher="t-nobody"), Rule.REFERENCE),
])
def test_a_broken_record_refuses_the_document_naming_its_path(env: Env, empty: Services, path: str,
                                                              change: object, rule: Rule) -> None:
    document = _filled(env)
    for item in document["attestations"]:  # type: ignore[attr-defined]
        item["result"] = item["result"] if path != "attestations[1].teacher" else None
        if path == "attestations[1].teacher":
            item.update(order=None, next_due=None)
    change(document)  # type: ignore[operator]
    with pytest.raises(ExchangeError) as refused:
        empty.exchange.import_document(CLI, json.dumps(document, ensure_ascii=False))
    assert [(p.path, p.rule) for p in refused.value.problems][:1] == [(path, rule)]
    with pytest.raises(NotFoundError):  # nothing of the refused document was kept
        empty.exchange.export_document(CLI, SCHOOL)


def test_the_course_period_travels_with_the_school(env: Env, empty: Services) -> None:
    """Settings → Academic years: a school's period survives an export and an import (it used to come
    back as 3); the default is not written, and a document without the key gets 3."""
    assert "course_period_years" not in env.s.exchange.export_document(CLI, SCHOOL)["school"]  # type: ignore[operator]
    env.s.courses.set_period(CLI, SCHOOL, 5)
    document = env.s.exchange.export_document(CLI, SCHOOL)
    assert document["school"]["course_period_years"] == 5  # type: ignore[index]
    pieces: list[str] = []
    env.s.exchange.export_text(CLI, SCHOOL, pieces.append)
    assert json.loads("".join(pieces))["school"]["course_period_years"] == 5
    empty.exchange.import_document(CLI, "".join(pieces))
    assert empty.courses.period(CLI, SCHOOL) == 5
    assert canonical(empty.exchange.export_document(CLI, SCHOOL)) == canonical(document)
    document["school"]["course_period_years"] = 11  # type: ignore[index]
    with pytest.raises(ExchangeError) as refused:
        env.s.exchange.import_document(CLI, json.dumps(document, ensure_ascii=False), replace=True)
    assert [p.path for p in refused.value.problems][:1] == ["school.course_period_years"]
    assert env.s.courses.period(CLI, SCHOOL) == 5


def test_a_version_one_document_gives_the_default_course_period(empty: Services) -> None:
    data = json.loads(SAMPLE.read_bytes())
    assert "course_period_years" not in data["school"]
    empty.exchange.import_document(CLI, json.dumps(data, ensure_ascii=False))
    assert empty.courses.period(CLI, SCHOOL) == 3
