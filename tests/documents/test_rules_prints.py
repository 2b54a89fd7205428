"""Issue 18 on paper, kk and ru: the KTP's approvals follow the school setting, an acting signer is
printed «и.о.» / «м.а.», and the work plan says how the head came to be (п. 29)."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date

import pytest

from desktop_app.documents.common import DocumentContext
from desktop_app.documents.ktp import build_plan
from desktop_app.documents.verification import verification
from desktop_app.documents.workplan import build_work_plan
from desktop_app.domain.entities import Approval, HeadBasis, HeadChoice, SchoolRecords
from desktop_app.services.exchange import dump_document, dump_plan, parse_document
from tests.canonical import canonical
from tests.documents.test_documents import pages
from tests.shared_files import SAMPLE


@pytest.fixture
def records() -> SchoolRecords:
    return parse_document(SAMPLE.read_bytes())


def _title(records: SchoolRecords, plan_id: str, language: str) -> str:
    plan = next(p for p in records.plans if p.id == plan_id)
    ctx = DocumentContext.from_records(records)
    data = build_plan(plan, ctx, language, verification("ktp", plan.id, plan.version, dump_plan(plan)))
    return re.sub(r"\s+", " ", pages(data)[0])


@pytest.mark.parametrize(("language", "agreed", "approve"), [("ru", "СОГЛАСОВАНО", "УТВЕРЖДАЮ"),
                                                              ("kk", "КЕЛІСІЛДІ", "БЕКІТЕМІН")])
def test_the_ktp_prints_the_agreement_only_where_the_school_keeps_it(
        records: SchoolRecords, language: str, agreed: str, approve: str) -> None:
    assert agreed in _title(records, "ktp-alg8-26", language)  # on by default, still to be signed
    records.school.deputy_agreement = False
    title = _title(records, "ktp-alg8-26", language)
    assert agreed not in title and approve in title
    # a plan agreed before the school dropped the step keeps the agreement it carries
    assert agreed in _title(records, "ktp-inf7-26", language)


@pytest.mark.parametrize(("language", "acting"), [("ru", "И.о. директора"), ("kk", "Директордың м.а.")])
def test_an_acting_director_is_printed_before_the_name(records: SchoolRecords, language: str, acting: str) -> None:
    plan = next(p for p in records.plans if p.id == "ktp-inf7-26")
    assert acting not in _title(records, plan.id, language)
    assert plan.approved is not None
    plan.approved = Approval("t-02", plan.approved.on, acting=True)
    title = _title(records, plan.id, language)
    assert acting in title and "Қасымов" in title


@pytest.mark.parametrize(("language", "elected", "appointed"), [
    ("ru", "избран(а) на заседании, протокол № 1", "назначен(а) приказом № 45-ж от"),
    ("kk", "отырыста сайланған", "№ 45-ж бұйрықпен тағайындалған"),
])
def test_the_work_plan_says_how_the_head_came_to_be(records: SchoolRecords, language: str, elected: str,
                                                     appointed: str) -> None:
    body = next(a for a in records.associations if a.id == "mo-math-26")
    body.work_plan = next(a for a in records.associations if a.id == "mo-math-25").work_plan
    ctx = DocumentContext.from_records(records)

    def text(choice: HeadChoice) -> str:
        printed = build_work_plan(replace(body, head_choice=choice), ctx, language,
                                  verification("workplan", body.id, 1, {}))
        return re.sub(r"\s+", " ", " ".join(pages(printed)))

    assert elected in text(HeadChoice(HeadBasis.ELECTED, "m-math-26-1", 2))
    assert appointed in text(HeadChoice(HeadBasis.APPOINTED, order_number="45-ж", order_date=date(2026, 8, 25)))


def test_the_exchange_carries_the_setting_the_signers_and_the_head_both_ways(records: SchoolRecords) -> None:
    records.school.deputy_agreement = False
    plan = next(p for p in records.plans if p.id == "ktp-inf7-26")
    assert plan.approved is not None and plan.agreed is not None
    plan.approved = Approval("t-02", plan.approved.on, acting=True)
    body = next(a for a in records.associations if a.id == "mo-math-26")
    body.head_choice = HeadChoice(HeadBasis.APPOINTED, order_number="45-ж", order_date=date(2026, 8, 25))
    other = next(a for a in records.associations if a.id == "mo-kaz-26")
    other.head_choice = HeadChoice(HeadBasis.ELECTED, "m-math-26-1", 1)
    document = dump_document(records, None)
    assert document["school"]["deputy_agreement"] is False
    written = next(p for p in document["plans"] if p["id"] == plan.id)
    assert written["approved"]["acting"] is True and "acting" not in written["agreed"]
    again = parse_document(json.dumps(document, ensure_ascii=False))
    assert again.school.deputy_agreement is False
    assert next(p for p in again.plans if p.id == plan.id).approved == plan.approved
    assert {a.id: a.head_choice for a in again.associations}["mo-math-26"] == body.head_choice
    assert {a.id: a.head_choice for a in again.associations}["mo-kaz-26"] == other.head_choice
    assert canonical(dump_document(again, None)) == canonical(document)


def test_a_school_where_a_member_left_mid_year_is_imported() -> None:
    document = json.loads(SAMPLE.read_bytes())
    kaz = next(a for a in document["associations"] if a["id"] == "mo-kaz-26")
    next(m for m in kaz["members"] if m["teacher"] == "t-06")["until"] = "2026-11-20"
    records = parse_document(json.dumps(document, ensure_ascii=False))  # no refusal: п. 23 held at creation
    kaz_record = next(a for a in records.associations if a.id == "mo-kaz-26")
    assert not kaz_record.is_member("t-06", date(2026, 12, 1))


def test_an_import_naming_a_meeting_that_does_not_exist_as_the_election_is_refused() -> None:
    from desktop_app.services.exchange import ExchangeError

    document = json.loads(SAMPLE.read_bytes())
    body = next(a for a in document["associations"] if a["id"] == "mo-math-26")
    body["head_choice"] = {"basis": "elected", "meeting": "m-nowhere", "item": 1}
    with pytest.raises(ExchangeError) as refused:
        parse_document(json.dumps(document, ensure_ascii=False))
    assert [p.path for p in refused.value.problems] == ["associations[1].head_choice.meeting"]
    body["head_choice"] = {"basis": "appointed"}
    with pytest.raises(ExchangeError):
        parse_document(json.dumps(document, ensure_ascii=False))
