"""The attestation register's prints (п. 10.7): the list of teachers being attested and the
schedule of hearings, each with its verification code; and every such print the school's current
records can give, for ``verify``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from desktop_app.documents.attestation import build_attestation_list, build_attestation_schedule
from desktop_app.documents.common import DocumentContext
from desktop_app.documents.verification import Verification, verification
from desktop_app.domain.printing import attestation_paper_refusal
from desktop_app.domain.staff_records import Attestation
from desktop_app.services.base import found
from desktop_app.services.exchange.staff import dump_attestation
from desktop_app.storage import staff as stored
from desktop_app.storage.store import Store

#: The two papers: the verification kind and the builder.
PAPERS = {"attestations": build_attestation_list, "attestation_schedule": build_attestation_schedule}


@dataclass(frozen=True)
class PrintedPaper:
    data: bytes
    language: str
    check: Verification


def _check(kind: str, academic_year: str, records: list[Attestation]) -> Verification:
    return verification(kind, academic_year, 1, {"attestations": [dump_attestation(a) for a in records]})


def attestation_checks(store: Store, school: str) -> Iterator[Verification]:
    """Both papers of every academic year."""
    for year in store.list_academic_years(school):
        records = stored.list_attestations(store, school, year.id)
        for kind in PAPERS:
            yield _check(kind, year.id, records)


def print_paper(store: Store, school: str, kind: str, academic_year: str, language: str) -> PrintedPaper:
    """The ``kind`` paper (``PAPERS``) of the year, in ``language``."""
    found(store.get_academic_year(school, academic_year), "academic year", academic_year)
    records = stored.list_attestations(store, school, academic_year)
    refusal = attestation_paper_refusal(kind, academic_year, records)
    if refusal is not None:  # not an empty list with a code: the reason, as the Documents section gives it
        raise refusal
    ctx = DocumentContext(
        school=found(store.get_school(school), "school", school),
        teachers={t.id: t for t in store.list_teachers(school)},
        associations={a.id: a for a in store.associations_of(school, academic_year)},
        years={y.id: y for y in store.list_academic_years(school)})
    meetings = {r.hearing.meeting: m for r in records if r.hearing
                and (m := store.get_meeting(school, r.hearing.meeting)) is not None}
    last = store.last_audit()
    check = _check(kind, academic_year, records).with_chain(last.hash if last else "")
    return PrintedPaper(PAPERS[kind](academic_year, records, meetings, ctx, language, check), language, check)
