"""Printed documents: load the records, check that the user may read them, call the builders.

The window's "Print / Save as PDF" and the command line both come here. Permission: whoever may
read the record may print it. The verification code of every document is computed here from
the exchange-format JSON of the record (see desktop_app/documents/verification.py), and
``verify`` finds the current record a printed code belongs to.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from desktop_app.documents.common import DocumentContext
from desktop_app.documents.extract import build_extract
from desktop_app.documents.ktp import build_plan
from desktop_app.documents.mentorship import build_mentorship
from desktop_app.documents.observation import build_observation
from desktop_app.documents.olympiads import build_olympiad_register
from desktop_app.documents.register import build_register
from desktop_app.documents.schedule import build_schedule
from desktop_app.documents.verification import (
    CODE_LENGTH,
    Verification,
    normalize_code,
    verification,
)
from desktop_app.documents.workplan import build_work_plan
from desktop_app.domain.accounts import Action, Actor
from desktop_app.domain.associations import ensure_work_plan_printable
from desktop_app.domain.entities import (
    AcademicYear,
    Association,
    LessonVisit,
    Meeting,
    Mentorship,
    OlympiadResult,
    SchoolRecords,
)
from desktop_app.domain.errors import N_, DomainError, Msg, Rule
from desktop_app.domain.event_records import Event
from desktop_app.domain.events import organisers
from desktop_app.domain.meetings import ensure_extract_allowed
from desktop_app.i18n import current_language
from desktop_app.services.base import Clock, Service, found, utc_now
from desktop_app.services.document_catalog import (
    CatalogEntry,
    DocumentKind,
    DocumentRef,
    StaffPapers,
    Visible,
    catalog_entries,
    material_language,
)
from desktop_app.services.events import EventService, event_checks
from desktop_app.services.exchange import dump_document, dump_meeting, dump_plan
from desktop_app.services.material_prints import MaterialPrintService, material_checks
from desktop_app.services.materials import MaterialService
from desktop_app.services.mentoring import MentoringService
from desktop_app.services.mentoring import seen_by as mentorships_seen_by
from desktop_app.services.plans import PlanService
from desktop_app.services.printed import PrintedDocument as PrintedDocument
from desktop_app.services.printed import kind_name as kind_name
from desktop_app.services.printed import meeting_check as meeting_check
from desktop_app.services.printed import protocol_document, read_protocol
from desktop_app.services.staff import AttestationService
from desktop_app.services.staff_prints import attestation_checks
from desktop_app.services.visits import VisitService, in_period
from desktop_app.services.visits import seen_by as visits_seen_by
from desktop_app.storage import staff as stored_staff
from desktop_app.storage.analyses import analyses_of
from desktop_app.storage.collector import collector_paused
from desktop_app.storage.database import Database
from desktop_app.storage.document_lists import VisitHeading, meeting_headings, plan_headings, visit_headings
from desktop_app.storage.events import list_events
from desktop_app.storage.store import Store


@dataclass(frozen=True)
class VerifiedRecord:
    """A current record whose verification code matches the one given."""

    school: str
    check: Verification


def _one(records: SchoolRecords, **collection: list[Any]) -> Any:
    """One record as the exchange format writes it (the collection's single element)."""
    (name, _items), = collection.items()
    return dump_document(SchoolRecords(records.school, **collection))[name][0]


def extract_check(meeting: Meeting, item: int) -> Verification:
    return verification("extract", f"{meeting.id}#{item}", meeting.version,
                        {"meeting": dump_meeting(meeting), "item": item})


def register_meetings(records: SchoolRecords, body: str) -> list[Meeting]:
    return sorted((m for m in records.meetings if m.body == body), key=lambda m: m.number)


def register_check(records: SchoolRecords, body: Association) -> Verification:
    payload = {"body": _one(records, associations=[body]),
               "meetings": [dump_meeting(m) for m in register_meetings(records, body.id)]}
    return verification("register", body.id, 1, payload)


def schedule_check(records: SchoolRecords, year: AcademicYear, term: int,
                   visits: list[LessonVisit]) -> Verification:
    """The printed term schedule of open lessons and mutual visits, as the visits stand now."""
    return verification("schedule", f"{year.id}#{term}", 1,
                        {"visits": [_one(records, lesson_visits=[v]) for v in visits]})


def olympiad_check(records: SchoolRecords, academic_year: str, results: list[OlympiadResult]) -> Verification:
    """The printed register of olympiads of a year, as its results stand now."""
    return verification("olympiads", academic_year, 1,
                        {"results": [_one(records, olympiad_results=[r]) for r in results]})


def earlier_checks(records: SchoolRecords) -> Iterator[Verification]:
    """The codes that builds before this one printed for the same records, which ``verify`` still
    recognises: until 0019 a protocol's code (and its extracts' and its association's register's)
    did not cover the marks of members from other schools (п. 21), though the paper listed them;
    until 0020 the marks kept no name (0020 gave the marks of teachers still known theirs). Only
    meetings that have such marks are concerned; their codes without the marks, and with the marks
    but without their names, are given."""
    marked = [m for m in records.meetings if m.guest_attendance]
    bodies = {m.body for m in marked}
    for earlier in (_unmarked, _unnamed):
        for meeting in marked:
            before = earlier(meeting)
            yield meeting_check(before)
            for item in meeting.agenda:
                yield extract_check(before, item.number)
        if bodies:
            before_records = replace(records, meetings=[earlier(m) for m in records.meetings])
            for body in records.associations:
                if body.id in bodies:
                    yield register_check(before_records, body)


def _unmarked(meeting: Meeting) -> Meeting:
    return replace(meeting, guest_attendance=[])


def _unnamed(meeting: Meeting) -> Meeting:
    return replace(meeting, guest_attendance=[replace(g, name="") for g in meeting.guest_attendance])


def all_checks(records: SchoolRecords) -> Iterator[Verification]:
    """The verification of every document the school's current records can print."""
    for meeting in records.meetings:
        yield meeting_check(meeting)
        for item in meeting.agenda:
            yield extract_check(meeting, item.number)
    for plan in records.plans:
        yield verification("ktp", plan.id, plan.version, dump_plan(plan))
    for body in records.associations:
        yield verification("workplan", body.id, 1, _one(records, associations=[body]))
        yield register_check(records, body)
    for mentorship in records.mentorships:
        yield verification("mentorship", mentorship.id, 1, _one(records, mentorships=[mentorship]))
    for visit in records.lesson_visits:
        yield verification("observation", visit.id, 1, _one(records, lesson_visits=[visit]))
    yield from material_checks(records)
    # A schedule printed by someone who sees every visit (the deputy director, the director).
    visits = sorted(records.lesson_visits, key=lambda v: v.date)
    for year in records.academic_years:
        for period in year.terms:
            yield schedule_check(records, year, period.number, in_period(visits, period.start, period.end))
        yield olympiad_check(records, year.id, [r for r in records.olympiad_results if r.academic_year == year.id])


class DocumentService(Service):
    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        super().__init__(db, clock)
        self._plans = PlanService(db, clock)
        self._mentoring = MentoringService(db, clock)
        self._visits = VisitService(db, clock)
        self._materials = MaterialService(db, clock)
        self._material_prints = MaterialPrintService(db, clock)
        self._events = EventService(db, clock)
        self._attestations = AttestationService(db, clock)

    def _records(self, actor: Actor, school: str) -> SchoolRecords:
        return self._load(actor, school)[0]

    def _load(self, actor: Actor, school: str) -> tuple[SchoolRecords, str]:
        """The school's records and the head of the audit chain, read in one transaction."""
        with self._read(actor, school) as store:
            last = store.last_audit()
            return store.load_records(school), last.hash if last else ""

    @staticmethod
    def _language(language: str | None, default: str) -> str:
        return language or default

    def protocol(self, actor: Actor, school: str, meeting: str, language: str | None = None) -> PrintedDocument:
        """The protocol; the language defaults to the meeting's (services/printed.py, which the
        command line's quick way shares)."""
        with self._read(actor, school) as store:
            record, ctx, chain = read_protocol(store, school, meeting, language)
        return protocol_document(record, ctx, chain, language)

    def extract(self, actor: Actor, school: str, meeting: str, item: int,
                language: str | None = None) -> PrintedDocument:
        """The extract of one agenda item, dated today (the date of issue)."""
        records, chain = self._load(actor, school)
        record = self._meeting(records, meeting)
        if record.item(item) is None:
            raise DomainError(Rule.REFERENCE, N_("Not found: {kind} {id}"),
                              {"kind": Msg(N_("agenda item")), "id": f"{meeting} #{item}"}, record=meeting)
        ensure_extract_allowed(record)
        lang = self._language(language, record.language.value)
        check = extract_check(record, item)
        check = check.with_chain(chain)
        data = build_extract(record, item, DocumentContext.from_records(records), lang, check,
                             issued=self.today())
        return PrintedDocument(data, lang, check)

    def plan(self, actor: Actor, school: str, plan: str, language: str | None = None) -> PrintedDocument:
        """The KTP with its title page of approvals; the language defaults to the plan's."""
        record = self._plans.get(actor, school, plan)  # who may read it
        records, chain = self._load(actor, school)
        lang = self._language(language, record.language.value)
        check = verification("ktp", record.id, record.version, dump_plan(record))
        check = check.with_chain(chain)
        return PrintedDocument(build_plan(record, DocumentContext.from_records(records), lang, check),
                               lang, check)

    def work_plan(self, actor: Actor, school: str, association: str,
                  language: str | None = None, done: bool = False) -> PrintedDocument:
        """The annual work plan; ``done`` adds the column of what was done (п. 28)."""
        records, chain = self._load(actor, school)
        body = self._association(records, association)
        ensure_work_plan_printable(body)
        lang = self._language(language, current_language())
        check = verification("workplan", body.id, 1, _one(records, associations=[body]))
        check = check.with_chain(chain)
        ctx = DocumentContext.from_records(records)
        if done:  # what an item held by an event did (events are kept apart from the records)
            with self._read(actor, school) as store:
                ctx.events = {e.id: e for e in list_events(store, school, body.academic_year)}
        return PrintedDocument(build_work_plan(body, ctx, lang, check, done), lang, check)

    def register(self, actor: Actor, school: str, association: str,
                 language: str | None = None) -> PrintedDocument:
        records, chain = self._load(actor, school)
        body = self._association(records, association)
        lang = self._language(language, current_language())
        check = register_check(records, body)
        check = check.with_chain(chain)
        data = build_register(body, register_meetings(records, body.id), DocumentContext.from_records(records),
                              lang, check)
        return PrintedDocument(data, lang, check)

    def mentorship(self, actor: Actor, school: str, mentorship: str,
                   language: str | None = None) -> PrintedDocument:
        record: Mentorship = self._mentoring.get(actor, school, mentorship)  # who may read it
        records, chain = self._load(actor, school)
        lang = self._language(language, current_language())
        check = verification("mentorship", record.id, 1, _one(records, mentorships=[record]))
        check = check.with_chain(chain)
        return PrintedDocument(build_mentorship(record, DocumentContext.from_records(records), lang, check),
                               lang, check)

    def observation(self, actor: Actor, school: str, visit: str,
                    language: str | None = None) -> PrintedDocument:
        records, chain = self._load(actor, school)
        record: LessonVisit = found(next((v for v in records.lesson_visits if v.id == visit), None),
                                    "lesson visit", visit)
        lang = self._language(language, current_language())
        check = verification("observation", record.id, 1, _one(records, lesson_visits=[record]))
        check = check.with_chain(chain)
        return PrintedDocument(build_observation(record, DocumentContext.from_records(records), lang, check),
                               lang, check)

    def visit_schedule(self, actor: Actor, school: str, academic_year: str, term: int,
                       language: str | None = None) -> PrintedDocument:
        """The open-lesson and mutual-visit schedule of one term of the academic year."""
        records, chain = self._load(actor, school)
        year = found(next((y for y in records.academic_years if y.id == academic_year), None),
                     "academic year", academic_year)
        period = next((t for t in year.terms if t.number == term), None)
        if period is None:
            raise DomainError(Rule.VALUE, N_("The academic year {year} has no term {term}"),
                              {"year": academic_year, "term": term}, record=academic_year, field="term")
        visits = self._visits.between(actor, school, period.start, period.end)  # what the user may see
        lang = self._language(language, current_language())
        check = schedule_check(records, year, term, visits).with_chain(chain)
        data = build_schedule(year, term, visits, DocumentContext.from_records(records), lang, check)
        return PrintedDocument(data, lang, check)

    def olympiads(self, actor: Actor, school: str, academic_year: str,
                  language: str | None = None) -> PrintedDocument:
        """The year's register of pupils' olympiads and contests (п. 10.5)."""
        actor.require(Action.READ_ALL)
        records, chain = self._load(actor, school)
        found(next((y for y in records.academic_years if y.id == academic_year), None), "academic year",
              academic_year)
        results = [r for r in records.olympiad_results if r.academic_year == academic_year]
        lang = self._language(language, current_language())
        check = olympiad_check(records, academic_year, results).with_chain(chain)
        data = build_olympiad_register(results, academic_year, DocumentContext.from_records(records), lang, check)
        return PrintedDocument(data, lang, check)

    # The documents section ------------------------------------------------------------------------
    def catalog(self, actor: Actor, school: str, academic_year: str) -> list[CatalogEntry]:
        """Every document of the academic year the user may read, with why one cannot be printed now.
        Only the year's records are read (plans as summaries); file names are distinct within the year,
        and every name carries its year or date, so they stay distinct across years too."""
        # A year of a large school: ~1500 entries and the records they are made of, no reference cycle
        # among them (test_document_catalog): the collector need not walk them while they are made.
        with collector_paused():
            with self._read(actor, school) as store:
                records = store.year_records(school, academic_year)
                first, last = records.academic_years[0].window
                visits = visit_headings(store.session, school, first, last)
                named = {a.id for a in records.associations}  # a visit may name another year's association
                others = sorted({v.association for v in visits if v.association} - named)
                records.associations += [b for i in others if (b := store.get_association(school, i)) is not None]
                readable = self._plans.readable_plans_of(store, actor, school)
                plans = plan_headings(store.session, school, academic_year, readable)
                meetings = meeting_headings(store.session, school, academic_year)
                records.materials = store.list_materials(school, academic_year)
                if actor.may(Action.READ_ALL):
                    records.olympiad_results = store.olympiad_results_of(school, academic_year)
                events = list_events(store, school, academic_year)
                staff = self._staff_papers(store, actor, school, records.associations, academic_year)
            visible = Visible(plans, mentorships_seen_by(actor, records.mentorships),  # the year's, read above
                              visits_seen_by(actor, visits),
                              *self._new_papers(actor, events, records.associations), staff=staff)
            entries = catalog_entries(records, visible, current_language(), meetings)
        return [e for e in entries if e.academic_year == academic_year]

    def file_name(self, actor: Actor, school: str, ref: DocumentRef, language: str | None = None,
                  academic_year: str | None = None) -> str:
        """The default file name of one document (the one the documents section would use). With the
        document's ``academic_year`` only that year is read (names are distinct across years: see
        ``catalog``), so a save dialog on a school of ten years opens at once; the whole school is
        read only when the year is not known or does not hold the document."""
        found = self.catalog(actor, school, academic_year) if academic_year is not None else []
        entry = next((e for e in found if e.ref == ref), None)
        if entry is None:
            entry = next((e for e in self._catalog(actor, school) if e.ref == ref), None)
        if entry is None:
            raise DomainError(Rule.REFERENCE, N_("Not found: {kind} {id}"),
                              {"kind": Msg(N_("document")), "id": ref.key}, record=ref.record)
        return entry.file_name(language)

    def document(self, actor: Actor, school: str, ref: DocumentRef, language: str | None = None) -> PrintedDocument:
        """Print any document of the catalog; ``language`` None: the document's own."""
        kind, record = ref.kind, ref.record
        if kind is DocumentKind.PROTOCOL:
            return self.protocol(actor, school, record, language)
        if kind is DocumentKind.EXTRACT:  # refused unless the protocol is finalized (rule 5)
            return self.extract(actor, school, record, int(ref.item or 0), language)
        if kind is DocumentKind.KTP:
            return self.plan(actor, school, record, language)
        if kind is DocumentKind.WORK_PLAN:
            return self.work_plan(actor, school, record, language)
        if kind is DocumentKind.REGISTER:
            return self.register(actor, school, record, language)
        if kind is DocumentKind.MENTORSHIP:
            return self.mentorship(actor, school, record, language)
        if kind is DocumentKind.OBSERVATION:
            return self.observation(actor, school, record, language)
        if kind is DocumentKind.SCHEDULE:
            return self.visit_schedule(actor, school, record, int(ref.item or 0), language)
        return self._new_paper(actor, school, ref, language)

    def _new_paper(self, actor: Actor, school: str, ref: DocumentRef, language: str | None) -> PrintedDocument:
        """Materials (п. 27), events (п. 20) and olympiads (п. 10.5): printed by their own services."""
        kind, record = ref.kind, ref.record
        if kind is DocumentKind.MATERIAL:
            material = self._materials.get(actor, school, record)
            lang = language or material_language(material, current_language())
            data, check = self._material_prints.title_page(actor, school, record, lang)
            return PrintedDocument(data, lang, check)
        if kind is DocumentKind.MATERIALS:
            lang = language or current_language()
            data, check = self._material_prints.register(actor, school, record, lang)
            return PrintedDocument(data, lang, check)
        if kind is DocumentKind.EVENTS:
            printed = self._events.register_pdf(actor, school, record, language)
            return PrintedDocument(printed.data, printed.language, printed.check)
        if kind is DocumentKind.CERTIFICATES:
            printed = self._events.certificates_pdf(actor, school, record, language=language)
            return PrintedDocument(printed.data, printed.language, printed.check)
        if kind in (DocumentKind.ATTESTATIONS, DocumentKind.HEARINGS):
            service = self._attestations
            make = service.print_list if kind is DocumentKind.ATTESTATIONS else service.print_schedule
            paper = make(actor, school, record, language)
            return PrintedDocument(paper.data, paper.language, paper.check)
        if kind is DocumentKind.ANALYSIS:
            return self._analysis(actor, school, record, language)
        return self.olympiads(actor, school, record, language)

    def _analysis(self, actor: Actor, school: str, record: str, language: str | None) -> PrintedDocument:
        """The school's annual analysis (``record`` is the academic year) or an association's."""
        from desktop_app.services.annual_analysis import AnnualAnalysisService  # only here: printing stays light

        with self._read(actor, school) as store:
            body = None if store.get_academic_year(school, record) else store.get_association(school, record)
        year, association = (body.academic_year, body.id) if body else (record, None)
        data, check, lang = AnnualAnalysisService(self._db, self._clock).pdf(actor, school, year, association, language)
        return PrintedDocument(data, lang, check)

    def _catalog(self, actor: Actor, school: str) -> list[CatalogEntry]:
        records = self._records(actor, school)
        with self._read(actor, school) as store:
            events = list_events(store, school)
            plans = plan_headings(store.session, school, None, self._plans.readable_plans_of(store, actor, school))
            staff = self._staff_papers(store, actor, school, records.associations)
        visible = Visible(plans, self._mentoring.list(actor, school),
                          [VisitHeading.of(v) for v in self._visits.list(actor, school)],
                          *self._new_papers(actor, events, records.associations), staff=staff)
        return catalog_entries(records, visible, current_language())

    @staticmethod
    def _new_papers(actor: Actor, events: list[Event],
                    bodies: list[Association]) -> tuple[list[Event], frozenset[str], bool]:
        """What the catalog lists of the events and the olympiads for this user (see ``Visible``): the
        certificates of the events the user may organise (the same test as the events' service)."""
        def may_issue(event: Event) -> bool:
            of_year = [b for b in bodies if b.academic_year == event.academic_year]
            return actor.may(Action.EDIT_EVENT, organisers(event, of_year))

        return events, frozenset(e.id for e in events if may_issue(e)), actor.may(Action.READ_ALL)

    @staticmethod
    def _staff_papers(store: Store, actor: Actor, school: str, bodies: list[Association],
                      academic_year: str | None = None
                      ) -> StaffPapers:
        """What the catalog lists of the attestation prints and the annual analyses for this user (see
        ``Visible``): by the rules of their own services (READ_ALL; an association's head its own)."""
        everything = actor.may(Action.READ_ALL)
        attestations = stored_staff.list_attestations(store, school, academic_year) if everything else []
        analysed = frozenset(b.id for b in bodies if everything or actor.may(Action.WRITE_ANALYSIS, {b.head} - {None}))
        analyses = [a for a in analyses_of(store.session, school) if academic_year in (None, a.academic_year)]
        return StaffPapers(everything, attestations, analysed, analyses)

    def verify(self, actor: Actor, code: str, school: str | None = None) -> list[VerifiedRecord]:
        """The current records whose verification code (or full hash) starts with ``code``."""
        wanted = normalize_code(code)
        if len(wanted) < CODE_LENGTH:
            raise DomainError(Rule.VALUE, N_("A verification code has {count} hexadecimal characters"),
                              {"count": CODE_LENGTH}, record=code)
        from desktop_app.services.annual_analysis import analysis_checks  # only here: printing stays light

        with self._db.transaction() as store:
            schools = [s for s in store.school_ids() if school in (None, s) and actor.school in (None, s)]
        matches = []
        for school_id in schools:
            with self._db.transaction() as store:  # events are not among the exchange's records
                events = [*event_checks(store, school_id), *attestation_checks(store, school_id),
                          *analysis_checks(store, school_id)]
            records = self._records(actor, school_id)
            for check in [*all_checks(records), *events, *earlier_checks(records)]:
                if check.digest.startswith(wanted):
                    matches.append(VerifiedRecord(school_id, check))
        return matches

    @staticmethod
    def _meeting(records: SchoolRecords, meeting: str) -> Meeting:
        record: Meeting = found(next((m for m in records.meetings if m.id == meeting), None), "meeting", meeting)
        return record

    @staticmethod
    def _association(records: SchoolRecords, association: str) -> Association:
        body: Association = found(next((a for a in records.associations if a.id == association), None),
                                  "association", association)
        return body

