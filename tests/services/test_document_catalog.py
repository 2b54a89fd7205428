"""The documents section's catalog: every printable document of a year, by role, with refusals."""

from __future__ import annotations

import gc
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop_app.domain.accounts import Actor
from desktop_app.domain.entities import MeetingStatus
from desktop_app.domain.errors import DomainError
from desktop_app.services import Services
from desktop_app.services.demo import DEMO_ACCOUNTS, load_demo
from desktop_app.services.document_catalog import DocumentKind, DocumentRef
from tests.services.conftest import SCHOOL, Env

YEAR = "2026-2027"


def _text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def test_the_catalog_of_the_year_holds_every_kind_of_document(env: Env) -> None:
    entries = env.s.documents.catalog(env.actor("admin"), SCHOOL, YEAR)
    # The sample has no material and no event: the demo school's test below lists those.
    assert {e.ref.kind for e in entries} == set(DocumentKind) - {DocumentKind.MATERIAL, DocumentKind.CERTIFICATES}
    assert all(e.academic_year == YEAR for e in entries)
    refs = {e.ref for e in entries}
    meetings = [m for m in env.s.meetings.list(env.actor("admin"), SCHOOL, "mo-math-26")]
    for meeting in meetings:
        assert DocumentRef(DocumentKind.PROTOCOL, meeting.id) in refs
        for item in meeting.agenda:
            assert DocumentRef(DocumentKind.EXTRACT, meeting.id, item.number) in refs
    assert {e.ref.item for e in entries if e.ref.kind is DocumentKind.SCHEDULE} == {1, 2, 3, 4}
    assert DocumentRef(DocumentKind.WORK_PLAN, "mo-math-25") not in refs  # another year
    by_ref = {e.ref: e for e in entries}
    protocol = by_ref[DocumentRef(DocumentKind.PROTOCOL, "m-math-26-1")]
    assert protocol.language == "kk" and protocol.association == "mo-math-26"
    assert protocol.file_name() == "Хаттама №1 Математика және информатика пәндері мұғалімдерінің ӘБ 2026-08-27.pdf"
    assert protocol.file_name("ru") == "Протокол №1 МО учителей математики и информатики 2026-08-27.pdf"
    plan = by_ref[DocumentRef(DocumentKind.KTP, "ktp-inf7-26")]
    assert plan.teachers == ("t-05",) and "Ким" in plan.file_name("ru") and "КТП" in plan.file_name("ru")


def test_file_names_are_distinct_across_associations_and_years(env: Env) -> None:
    entries = [e for year in ("2025-2026", YEAR) for e in env.s.documents.catalog(env.actor("admin"), SCHOOL, year)]
    for language in ("kk", "ru"):
        names = [e.file_name(language) for e in entries]
        assert len(set(names)) == len(names)
    assert env.s.documents.file_name(env.actor("admin"), SCHOOL, DocumentRef(DocumentKind.REGISTER, "mo-kaz-26"),
                                     "ru") == "Журнал регистрации протоколов МО учителей казахского языка и " \
                                              "литературы 2026-2027.pdf"


def test_a_file_name_read_by_its_year_is_the_name_read_from_the_whole_school(
        env: Env, monkeypatch: pytest.MonkeyPatch) -> None:
    """The save dialogs pass the document's year so that only that year is read: the same name."""
    admin = env.actor("admin")
    for year in ("2025-2026", YEAR):
        for entry in env.s.documents.catalog(admin, SCHOOL, year):
            for language in ("kk", "ru"):
                assert env.s.documents.file_name(admin, SCHOOL, entry.ref, language, year) == \
                    env.s.documents.file_name(admin, SCHOOL, entry.ref, language)
    # The year given is read alone: the whole school is not loaded for a document it holds …
    loaded: list[str] = []
    real = type(env.s.documents)._catalog
    monkeypatch.setattr(type(env.s.documents), "_catalog", lambda self, *a: loaded.append("all") or real(self, *a))
    protocol = DocumentRef(DocumentKind.PROTOCOL, "m-math-26-1")
    env.s.documents.file_name(admin, SCHOOL, protocol, "ru", YEAR)
    assert loaded == []
    # … and a wrong year still finds the document, from the whole school.
    assert env.s.documents.file_name(admin, SCHOOL, protocol, "ru", "2025-2026") == \
        "Протокол №1 МО учителей математики и информатики 2026-08-27.pdf"
    assert loaded == ["all"]


def test_a_teacher_sees_what_they_may_read(env: Env) -> None:
    admin = {e.ref for e in env.s.documents.catalog(env.actor("admin"), SCHOOL, YEAR)}
    teacher = {e.ref for e in env.s.documents.catalog(env.actor("teacher"), SCHOOL, YEAR)}
    assert teacher < admin
    plans = {r.record for r in teacher if r.kind is DocumentKind.KTP}
    assert plans == {p.id for p in env.s.plans.list(env.actor("teacher"), SCHOOL, YEAR)} == {"ktp-inf7-26"}
    assert "ktp-alg8-26" in {r.record for r in admin if r.kind is DocumentKind.KTP}
    assert not {r for r in teacher if r.kind is DocumentKind.MENTORSHIP}  # ment-04 is not hers
    visits = {r.record for r in teacher if r.kind is DocumentKind.OBSERVATION}
    first, last = env.s.schools.get_year(env.actor("admin"), SCHOOL, YEAR).window
    assert visits == {v.id for v in env.s.visits.list(env.actor("teacher"), SCHOOL) if first <= v.date <= last}
    assert visits < {r.record for r in admin if r.kind is DocumentKind.OBSERVATION}
    assert {r for r in admin if r.kind is DocumentKind.PROTOCOL} <= teacher  # protocols are open to all


def test_the_extract_of_a_protocol_not_finalized_is_marked_and_refused(env: Env) -> None:
    entries = env.s.documents.catalog(env.actor("admin"), SCHOOL, YEAR)
    meetings = {m.id: m for m in env.s.meetings.list(env.actor("admin"), SCHOOL, "mo-math-26")}
    extracts = [e for e in entries if e.ref.kind is DocumentKind.EXTRACT]
    draft = [e for e in extracts if meetings[e.ref.record].status is not MeetingStatus.FINALIZED]
    final = [e for e in extracts if meetings[e.ref.record].status is MeetingStatus.FINALIZED]
    assert draft and final
    for entry in draft:
        assert not entry.printable and entry.refusal is not None
        assert entry.refusal.record == entry.ref.record and entry.refusal.field == "status"
        with pytest.raises(DomainError):
            env.s.documents.document(env.actor("admin"), SCHOOL, entry.ref)
    assert all(e.printable for e in final)
    printed = env.s.documents.document(env.actor("admin"), SCHOOL, final[0].ref, "ru")
    assert printed.language == "ru" and "ВЫПИСКА" in _text(printed.data).upper()


@pytest.mark.parametrize("kind", [k for k in DocumentKind  # the sample has no material, no event, no attestation
                                  if k not in (DocumentKind.MATERIAL, DocumentKind.CERTIFICATES,
                                               DocumentKind.ATTESTATIONS, DocumentKind.HEARINGS)])
def test_every_printable_kind_prints_in_its_default_and_in_a_forced_language(env: Env, kind: DocumentKind) -> None:
    entry = next(e for e in env.s.documents.catalog(env.actor("admin"), SCHOOL, YEAR)
                 if e.ref.kind is kind and e.printable)
    default = env.s.documents.document(env.actor("admin"), SCHOOL, entry.ref)
    assert default.language == entry.language
    other = "ru" if entry.language == "kk" else "kk"
    forced = env.s.documents.document(env.actor("admin"), SCHOOL, entry.ref, other)
    assert forced.language == other and _text(forced.data) != _text(default.data)


@pytest.mark.parametrize("kind", [DocumentKind.ATTESTATIONS, DocumentKind.HEARINGS, DocumentKind.ANALYSIS])
def test_the_attestation_prints_and_the_analysis_print_in_their_default_and_a_forced_language(
        empty: Services, kind: DocumentKind) -> None:
    school, actors = _demo_actors(empty)
    entry = next(e for e in empty.documents.catalog(actors["zavuch"], school, YEAR) if e.ref.kind is kind)
    default = empty.documents.document(actors["zavuch"], school, entry.ref)
    assert default.language == entry.language
    other = "ru" if entry.language == "kk" else "kk"
    forced = empty.documents.document(actors["zavuch"], school, entry.ref, other)
    assert forced.language == other and _text(forced.data) != _text(default.data)


def _demo_actors(services: Services) -> tuple[str, dict[str, Actor]]:
    school, accounts = load_demo(services)
    return school, {a.login: Actor(a.login, a.role, school, a.teacher) for a in accounts}


NEW_KINDS = {DocumentKind.MATERIAL, DocumentKind.MATERIALS, DocumentKind.EVENTS, DocumentKind.CERTIFICATES,
             DocumentKind.OLYMPIADS}


def test_the_new_papers_are_listed_by_role_and_print(empty: Services) -> None:
    """Materials (each one's title page, the year's register), events (the register, each event's
    certificates, greyed until it is held), the olympiads register: listed for whoever may read
    them, and printed from the list."""
    school, actors = _demo_actors(empty)
    assert {a.login for a in DEMO_ACCOUNTS} == set(actors)
    admin = {e.ref: e for e in empty.documents.catalog(actors["zavuch"], school, YEAR)}
    new = {ref for ref in admin if ref.kind in NEW_KINDS}
    assert new == {DocumentRef(DocumentKind.MATERIAL, "mat-1"), DocumentRef(DocumentKind.MATERIAL, "mat-2"),
                   DocumentRef(DocumentKind.MATERIALS, YEAR), DocumentRef(DocumentKind.EVENTS, YEAR),
                   DocumentRef(DocumentKind.OLYMPIADS, YEAR), DocumentRef(DocumentKind.CERTIFICATES, "e-1"),
                   DocumentRef(DocumentKind.CERTIFICATES, "e-2")}
    material = admin[DocumentRef(DocumentKind.MATERIAL, "mat-1")]
    assert material.teachers == ("t-05", "t-01") and material.association == "mo-math-26"
    planned = admin[DocumentRef(DocumentKind.CERTIFICATES, "e-2")]
    assert not planned.printable and planned.refusal is not None and planned.refusal.field == "status"
    with pytest.raises(DomainError):
        empty.documents.document(actors["zavuch"], school, planned.ref)
    for ref in sorted(new - {planned.ref}, key=lambda r: r.key):
        for language in ("kk", "ru"):
            printed = empty.documents.document(actors["zavuch"], school, ref, language)
            assert printed.language == language and printed.data.startswith(b"%PDF")
    title = _text(empty.documents.document(actors["zavuch"], school, material.ref, "ru").data)
    assert "Программа элективного курса «Мир логики», 7 класс" in title and "РАССМОТРЕНО" in title
    certificates = _text(empty.documents.document(actors["zavuch"], school,
                                                  DocumentRef(DocumentKind.CERTIFICATES, "e-1"), "kk").data)
    assert certificates.count("СЕРТИФИКАТ") == 4  # three teachers and a guest
    for lang in ("kk", "ru"):
        assert len({e.file_name(lang) for e in admin.values()}) == len(admin)
    assert material.file_name("ru").startswith("Методический материал Ким")

    head = {e.ref for e in empty.documents.catalog(actors["abenova"], school, YEAR)}
    teacher = {e.ref for e in empty.documents.catalog(actors["kim"], school, YEAR)}
    director = {e.ref for e in empty.documents.catalog(actors["director"], school, YEAR)}
    # Who may issue certificates is who may organise the event: the head of the mathematics association
    # sits on the methodical council (domain/events.organisers), a teacher does not.
    assert {r.record for r in head if r.kind is DocumentKind.CERTIFICATES} == {"e-1", "e-2"}
    assert not {r for r in teacher if r.kind in (DocumentKind.CERTIFICATES, DocumentKind.OLYMPIADS)}
    assert {DocumentRef(DocumentKind.MATERIAL, "mat-1"), DocumentRef(DocumentKind.EVENTS, YEAR)} <= teacher
    assert DocumentRef(DocumentKind.OLYMPIADS, YEAR) in director


def test_a_catalog_no_longer_wanted_is_freed_at_once(env: Env) -> None:
    """Its entries, their file names and what makes them form no reference cycle: reference counting
    frees them when the list is dropped. (A cycle through the file names left ~22 000 objects per
    catalog of a large school to the collector's full pass, a 50-90 ms stall of the window.)"""
    catalog = env.s.documents.catalog
    catalog(env.actor("admin"), SCHOOL, YEAR)  # the statements' caches made
    gc.collect()
    gc.disable()
    try:
        entries = catalog(env.actor("admin"), SCHOOL, YEAR)
        names = {e.file_name() for e in entries}  # the names made, as a save dialog makes them
        assert len(names) == len(entries) > 30
        del entries
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        left = [o for o in gc.garbage if type(o).__module__.startswith("desktop_app")]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert left == [], sorted({type(o).__name__ for o in left})
