"""The list of printable documents of an academic year, as the documents section shows it.

Small records (``CatalogEntry``) built from the school's records the user may read: what the
document is, whose, its date and default language, its default file name in each language, and
the refusal that keeps it from being printed now (a draft protocol's extract, say).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, NamedTuple

from desktop_app.documents.common import DocumentContext, Translate
from desktop_app.documents.naming import distinct_file_names, document_file_name
from desktop_app.domain.annual_analysis import AnnualAnalysis
from desktop_app.domain.entities import (
    AcademicYear,
    Association,
    Material,
    Mentorship,
    SchoolRecords,
)
from desktop_app.domain.errors import N_, DomainError
from desktop_app.domain.event_records import Event
from desktop_app.domain.labels import MATERIAL_KIND_LABELS, VISIT_KIND_LABELS
from desktop_app.domain.printing import (
    attestation_paper_refusal,
    certificates_refusal,
    extract_refusal,
    work_plan_refusal,
)
from desktop_app.domain.staff_records import Attestation
from desktop_app.i18n import gettext_for, ngettext
from desktop_app.storage.document_lists import MeetingHeading, PlanHeading, VisitHeading


class DocumentKind(StrEnum):
    """The printable documents, in the order the section lists them; values are the CLI's commands."""

    PROTOCOL = "protocol"
    EXTRACT = "extract"
    KTP = "plan"
    WORK_PLAN = "workplan"
    REGISTER = "register"
    MENTORSHIP = "mentorship"
    OBSERVATION = "observation"
    SCHEDULE = "schedule"
    # The papers of issue 18: methodical materials (п. 27), events (п. 20), olympiads (п. 10.5).
    MATERIAL = "material"
    MATERIALS = "materials"
    EVENTS = "event-register"
    CERTIFICATES = "certificates"
    OLYMPIADS = "olympiads"
    # The attestation register's prints (п. 10.7) and the annual analysis of methodical work.
    ATTESTATIONS = "attestation"
    HEARINGS = "attestation-schedule"  # the CLI's ``attestation --schedule``
    ANALYSIS = "analysis"


#: The kind as a person names it; also the first word of the file name, in the document's language.
DOCUMENT_KIND_LABELS = {
    DocumentKind.PROTOCOL: N_("Protocol"),
    DocumentKind.EXTRACT: N_("Extract from the protocol"),
    DocumentKind.KTP: N_("KTP"),
    DocumentKind.WORK_PLAN: N_("Work plan"),
    DocumentKind.REGISTER: N_("Register of protocols"),
    DocumentKind.MENTORSHIP: N_("Mentoring"),
    DocumentKind.OBSERVATION: N_("Lesson observation"),
    DocumentKind.SCHEDULE: N_("Schedule of open lessons"),
    DocumentKind.MATERIAL: N_("Methodical material"),
    DocumentKind.MATERIALS: N_("Register of methodical materials"),
    DocumentKind.EVENTS: N_("Register of events"),
    DocumentKind.CERTIFICATES: N_("Certificates of participation"),
    DocumentKind.OLYMPIADS: N_("Register of olympiads"),
    DocumentKind.ATTESTATIONS: N_("List of teachers being attested"),
    DocumentKind.HEARINGS: N_("Schedule of attestation hearings"),
    DocumentKind.ANALYSIS: N_("Annual analysis"),
}


class DocumentRef(NamedTuple):
    """Which document: the kind, the record's id (the academic year's for a schedule) and, for an
    extract the agenda item, for a schedule the term. A named tuple: a catalog makes one per
    document, and a frozen dataclass takes twice as long to make."""

    kind: DocumentKind
    record: str
    item: int | None = None

    @property
    def key(self) -> str:
        return self.record if self.item is None else f"{self.record}#{self.item}"


#: The words of a file name after the document's kind, in a document language:
#: ``parts(context, language, translate, *arguments)``. A module function and its arguments rather
#: than a closure per document: a large school lists ~1500 documents a year, and each closure
#: kept ~10 more objects alive for the collector to walk.
Parts = Callable[..., list[str]]


class FileNames:
    """The default file names of a catalog's documents, made distinct within it (``distinct_file_names``)
    the first time one is asked for in a language: a big school lists a thousand documents a year,
    and a name is wanted only when one is saved. One per catalog, shared by its entries, which ask
    by their reference (unique within a catalog): nothing more is made per document than what its
    name is made of."""

    def __init__(self, ctx: DocumentContext) -> None:
        self._ctx = ctx
        #: Each document: its reference, number, a counted word put first ((msgid, n) as in
        #: «2-тоқсан»), then the words after its kind: ``Parts`` and their arguments.
        self._raw: list[tuple[Any, ...]] = []
        self._distinct: dict[str, dict[DocumentRef, str]] = {}

    def add(self, ref: DocumentRef, number: int | None, counted: tuple[str, int] | None, parts: Parts,
            *arguments: Any) -> FileNames:
        self._raw.append((ref, number, counted, parts, *arguments))
        return self

    def name(self, ref: DocumentRef, language: str) -> str:
        names = self._distinct.get(language)
        if names is None:
            t = gettext_for(language)
            refs = [document[0] for document in self._raw]
            names = self._distinct[language] = dict(zip(refs, distinct_file_names([
                (self._raw_name(language, t, *document), document[0].key) for document in self._raw]), strict=True))
        return names[ref]

    def _raw_name(self, language: str, t: Translate, ref: DocumentRef, number: int | None,
                  counted: tuple[str, int] | None, parts: Parts, *arguments: Any) -> str:
        first = [t(counted[0]).format(number=counted[1])] if counted else []
        return document_file_name(t(DOCUMENT_KIND_LABELS[ref.kind]), number,
                                  first + parts(self._ctx, language, t, *arguments))


@dataclass(slots=True)
class CatalogEntry:
    """One printable document as the documents section lists it. Never changed once made; not
    frozen, because a frozen dataclass takes ~7× as long to make and a large school's year
    lists ~1500 of them each time the section opens."""

    ref: DocumentRef
    academic_year: str
    title: str  # in the language of the window when the catalog was made
    association: str | None = None
    association_name: str = ""
    teachers: tuple[str, ...] = ()  # whose document it is: the KTP's author, the observed teacher …
    teacher_names: tuple[str, ...] = ()  # their short names, in the same order
    date: date | None = None
    language: str = "ru"  # the document's own language, unless the user forces one
    refusal: DomainError | None = None
    naming: FileNames | None = field(default=None, compare=False, repr=False)

    @property
    def printable(self) -> bool:
        return self.refusal is None

    def file_name(self, language: str | None = None) -> str:
        assert self.naming is not None, "a catalog entry is named by its catalog"
        return self.naming.name(self.ref, language or self.language)


@dataclass(frozen=True)
class Visible:
    """What the user may read of the records that are not open to everyone in the school."""

    plans: Sequence[PlanHeading]
    mentorships: Sequence[Mentorship]
    visits: Sequence[VisitHeading]
    #: The year's events (open to every user of the school) and those whose certificates the user
    #: may issue (the organiser's head, the deputy director); the olympiads register is the
    #: administration's (READ_ALL).
    events: Sequence[Event] = ()
    certifiable: frozenset[str] = frozenset()
    olympiads: bool = False
    staff: StaffPapers = field(default_factory=lambda: StaffPapers())


@dataclass(frozen=True)
class StaffPapers:
    """What the user may print of the attestation register and the annual analyses."""

    #: The administration's papers (READ_ALL): the attestation prints of each year (``attestations``
    #: are the year's records) and the school's annual analysis.
    everything: bool = False
    attestations: Sequence[Attestation] = ()
    #: The associations whose annual analysis the user may read (their head; everyone's for READ_ALL)
    #: and the analyses written so far (their language and approval).
    analysed: frozenset[str] = frozenset()
    analyses: Sequence[AnnualAnalysis] = ()


def material_language(material: Material, default: str) -> str:
    """A material's own language: the one its title is written in, or ``default`` when it has both."""
    title = material.title
    if bool(title.kk) != bool(title.ru):
        return "kk" if title.kk else "ru"
    return default


def _surname(ctx: DocumentContext, teacher: str) -> str:
    found = ctx.teachers.get(teacher)
    return found.last_name if found else teacher


def _texts(_ctx: DocumentContext, _language: str, _t: Translate, *texts: str) -> list[str]:
    return list(texts)


def _body_and(ctx: DocumentContext, language: str, _t: Translate, body: str | None, *texts: str) -> list[str]:
    """The association's name (when there is one) and then ``texts``."""
    return [*([ctx.body_name(body, language)] if body else []), *texts]


def _plan_parts(ctx: DocumentContext, language: str, t: Translate, plan: PlanHeading, year: str) -> list[str]:
    return [_surname(ctx, plan.teacher), ctx.subject(plan.subject, language),
            t(N_("grade {grade}")).format(grade=plan.grade), *plan.classes, year]


def _mentorship_parts(ctx: DocumentContext, _language: str, _t: Translate, mentorship: Mentorship,
                      year: str) -> list[str]:
    return [f"{_surname(ctx, mentorship.mentor)} - {_surname(ctx, mentorship.mentee)}", year]


def _visit_parts(ctx: DocumentContext, language: str, _t: Translate, visit: VisitHeading) -> list[str]:
    return [_surname(ctx, visit.teacher), ctx.subject(visit.subject, language), visit.class_name or "",
            visit.date.isoformat()]


def _material_parts(ctx: DocumentContext, language: str, _t: Translate, staff: tuple[str, ...],
                    material: Material, year: str) -> list[str]:
    return [*(_surname(ctx, t) for t in staff[:1]), material.title.get(language), year]


def _event_parts(_ctx: DocumentContext, language: str, _t: Translate, event: Event) -> list[str]:
    return [event.topic.get(language), event.start.isoformat()]


class _Builder:
    def __init__(self, records: SchoolRecords, ui: str, meetings: Sequence[MeetingHeading]) -> None:
        self.records, self.ui = records, ui
        self.protocols = Counter(m.body for m in meetings)  # per association
        self.ctx = DocumentContext.from_records(records)
        self._ = gettext_for(ui)
        self._bodies: dict[str, dict[str, str]] = {}  # year → teacher → association (association_of)
        self.file_names = FileNames(self.ctx)
        # A year's ~1000 KTPs have ~120 authors, ~15 associations, a few subjects and grades: each named
        # once; an author of a year is their association, its name, and their id and short name.
        self._authors: dict[tuple[str, str], tuple[str | None, str, tuple[str], tuple[str]]] = {}
        self._body_names: dict[str, str] = {}
        self._ktp_titles: dict[tuple[str, int], str] = {}

    def body(self, body_id: str | None) -> tuple[str | None, str]:
        if not body_id:
            return body_id, ""
        name = self._body_names.get(body_id)
        if name is None:
            name = self._body_names[body_id] = self.ctx.body_name(body_id, self.ui)
        return body_id, name

    def surname(self, teacher: str) -> str:
        return _surname(self.ctx, teacher)

    def names(self, ref: DocumentRef, number: int | None, parts: Parts, *arguments: Any,
              counted: tuple[str, int] | None = None) -> FileNames:
        """The catalog's file names, which name ``ref`` in each document language when first asked
        for: ``parts`` after the kind and, when ``counted`` is (msgid, n), the msgid translated with
        ``{number}`` = n («2-тоқсан»)."""
        return self.file_names.add(ref, number, counted, parts, *arguments)

    # One function per kind ----------------------------------------------------------------------
    def meeting(self, meeting: MeetingHeading, year: str) -> Iterator[CatalogEntry]:
        body, body_name = self.body(meeting.body)
        day = meeting.date.isoformat()
        shown = {"number": meeting.number, "date": meeting.date.strftime("%d.%m.%Y")}
        ref = DocumentRef(DocumentKind.PROTOCOL, meeting.id)
        yield CatalogEntry(
            ref, year, self._("No. {number} of {date}").format(**shown),
            body, body_name, date=meeting.date, language=meeting.language.value,
            naming=self.names(ref, meeting.number, _body_and, meeting.body, day))
        refusal = extract_refusal(meeting)
        for number, item_title in meeting.items:
            title = self._("No. {number} of {date}, item {item}: {title}").format(
                item=number, title=item_title, **shown)
            ref = DocumentRef(DocumentKind.EXTRACT, meeting.id, number)
            yield CatalogEntry(
                ref, year, title, body, body_name,
                date=meeting.date, language=meeting.language.value, refusal=refusal,
                naming=self.names(ref, meeting.number, _body_and, meeting.body, day,
                                  counted=(N_("item {number}"), number)))

    def plan(self, plan: PlanHeading, year: str) -> CatalogEntry:
        title = self._ktp_titles.get((plan.subject, plan.grade))
        if title is None:
            title = self._ktp_titles[(plan.subject, plan.grade)] = self._("{subject}, grade {grade}").format(
                subject=self.ctx.subject(plan.subject, self.ui), grade=plan.grade)
        author = self._authors.get((plan.teacher, year))
        if author is None:
            body, body_name = self.body(self.association_of(plan.teacher, year))
            author = self._authors[(plan.teacher, year)] = (
                body, body_name, (plan.teacher,), (self.ctx.short_name(plan.teacher),))
        ref = DocumentRef(DocumentKind.KTP, plan.id)
        return CatalogEntry(ref, year, title, *author, plan.approved_on, plan.language.value,
                            naming=self.names(ref, None, _plan_parts, plan, year))

    def association(self, association: Association) -> Iterator[CatalogEntry]:
        year = association.academic_year
        body, body_name = self.body(association.id)
        approved = association.work_plan.approved if association.work_plan else None
        items = len(association.work_plan.items) if association.work_plan else 0
        meetings = self.protocols[association.id]
        for kind, title, when, refusal in (
                (DocumentKind.WORK_PLAN, ngettext("{count} item", "{count} items", items, self.ui).format(count=items),
                 approved.on if approved else None, work_plan_refusal(association)),
                (DocumentKind.REGISTER, ngettext("{count} protocol", "{count} protocols", meetings,
                                                          self.ui).format(
                    count=meetings), None, None)):
            ref = DocumentRef(kind, association.id)
            yield CatalogEntry(
                ref, year, title, body, body_name, date=when, language=self.ui,
                refusal=refusal,
                naming=self.names(ref, None, _body_and, association.id, year))

    def mentorship(self, mentorship: Mentorship) -> CatalogEntry:
        year = mentorship.academic_year
        body, body_name = self.body(self.association_of(mentorship.mentee, year))
        period = f"{mentorship.start.strftime('%d.%m.%Y')} – {mentorship.end.strftime('%d.%m.%Y')}"
        ref = DocumentRef(DocumentKind.MENTORSHIP, mentorship.id)
        return CatalogEntry(
            ref, year, period, body, body_name,
            (mentorship.mentor, mentorship.mentee),
            (self.ctx.short_name(mentorship.mentor), self.ctx.short_name(mentorship.mentee)), mentorship.start, self.ui,
            naming=self.names(ref, None, _mentorship_parts, mentorship, year))

    def visit(self, visit: VisitHeading, year: str) -> CatalogEntry:
        body, body_name = self.body(visit.association)
        title = ", ".join(p for p in (self._(VISIT_KIND_LABELS[visit.kind]), self.ctx.subject(visit.subject, self.ui),
                                      visit.class_name or "", visit.topic) if p)
        ref = DocumentRef(DocumentKind.OBSERVATION, visit.id)
        return CatalogEntry(
            ref, year, title, body, body_name, (visit.teacher,),
            (self.ctx.short_name(visit.teacher),), visit.date, self.ui,
            naming=self.names(ref, None, _visit_parts, visit))

    def schedules(self, year: AcademicYear) -> Iterator[CatalogEntry]:
        for term in year.terms:
            ref = DocumentRef(DocumentKind.SCHEDULE, year.id, term.number)
            yield CatalogEntry(
                ref, year.id,
                self._("term {number}").format(number=term.number),
                date=term.start, language=self.ui,
                naming=self.names(ref, None, _texts, year.id, counted=(N_("term {number}"), term.number)))

    def material(self, material: Material) -> CatalogEntry:
        year = material.academic_year
        body, body_name = self.body(material.association)
        staff = tuple(a for a in material.authors if isinstance(a, str))
        when = material.approved.on if material.approved else None
        ref = DocumentRef(DocumentKind.MATERIAL, material.id)
        return CatalogEntry(
            ref, year,
            f"{self._(MATERIAL_KIND_LABELS[material.kind])}: {material.title.get(self.ui)}", body, body_name, staff,
            tuple(self.ctx.short_name(t) for t in staff), when, material_language(material, self.ui),
            naming=self.names(ref, None, _material_parts, staff, material, year))

    def year_registers(self, year: AcademicYear, visible: Visible) -> Iterator[CatalogEntry]:
        """The year's registers of materials, of events and (for the administration) of olympiads."""
        materials = sum(1 for m in self.records.materials if m.academic_year == year.id)
        events = sum(1 for e in visible.events if e.academic_year == year.id)
        counts = [(DocumentKind.MATERIALS, ngettext("{count} material", "{count} materials", materials, self.ui)
                   .format(count=materials)),
                  (DocumentKind.EVENTS, ngettext("{count} event", "{count} events", events, self.ui)
                   .format(count=events))]
        if visible.olympiads:
            results = sum(1 for r in self.records.olympiad_results if r.academic_year == year.id)
            counts.append((DocumentKind.OLYMPIADS, ngettext("{count} result", "{count} results", results, self.ui)
                           .format(count=results)))
        for kind, title in counts:
            ref = DocumentRef(kind, year.id)
            yield CatalogEntry(ref, year.id, title, date=year.start, language=self.ui,
                               naming=self.names(ref, None, _texts, year.id))

    def staff_papers(self, year: AcademicYear, visible: StaffPapers) -> Iterator[CatalogEntry]:
        """The year's attestation list and schedule of hearings (greyed until they have a line)."""
        records = [r for r in visible.attestations if r.academic_year == year.id]
        hearings = sum(1 for r in records if r.hearing is not None)
        teachers = tuple(dict.fromkeys(r.teacher for r in sorted(records, key=lambda r: self.surname(r.teacher))))
        for kind, title, refusal in (
                (DocumentKind.ATTESTATIONS, ngettext("{count} teacher", "{count} teachers", len(records), self.ui)
                 .format(count=len(records)), attestation_paper_refusal("attestations", year.id, records)),
                (DocumentKind.HEARINGS, ngettext("{count} hearing", "{count} hearings", hearings, self.ui)
                 .format(count=hearings), attestation_paper_refusal("attestation_schedule", year.id, records))):
            ref = DocumentRef(kind, year.id)
            yield CatalogEntry(ref, year.id, title, None, "", teachers, tuple(self.ctx.short_name(t) for t in teachers),
                               year.start, self.ui, refusal,
                               naming=self.names(ref, None, _texts, year.id))

    def analyses(self, year: AcademicYear, visible: StaffPapers) -> Iterator[CatalogEntry]:
        """The school's annual analysis (READ_ALL) and each association's the user may read; in the
        language it is written in (the user's while none is saved), dated by its approval."""
        saved = {(a.academic_year, a.association): a for a in visible.analyses}
        scopes: list[str | None] = [None] if visible.everything else []
        scopes += [a.id for a in self.records.associations if a.academic_year == year.id and a.id in visible.analysed]
        for scope in scopes:
            analysis = saved.get((year.id, scope))
            body, body_name = self.body(scope)
            ref = DocumentRef(DocumentKind.ANALYSIS, scope or year.id)
            yield CatalogEntry(
                ref, year.id, body_name or self._("The whole school"), body, body_name,
                date=analysis.approved_on if analysis and analysis.approved else None,
                language=analysis.language.value if analysis else self.ui,
                naming=self.names(ref, None, _body_and, scope, year.id))

    def certificates(self, event: Event) -> CatalogEntry:
        """An event's certificates of participation: greyed with the reason until the event is held."""
        body, body_name = self.body(event.organiser)
        title = self._("No. {number}: {topic}").format(number=event.number, topic=event.topic.get(self.ui))
        ref = DocumentRef(DocumentKind.CERTIFICATES, event.id)
        return CatalogEntry(
            ref, event.academic_year, title, body, body_name,
            tuple(event.participants), tuple(self.ctx.short_name(t) for t in event.participants), event.start,
            self.ui, refusal=certificates_refusal(event),
            naming=self.names(ref, event.number, _event_parts, event))

    def association_of(self, teacher: str, year: str) -> str | None:
        """The teacher's association of the year (a subject association before the council).
        Every teacher's is found in one pass per year: a large school lists ~1000 plans a year."""
        if year not in self._bodies:
            bodies = [a for a in self.records.associations if a.academic_year == year]
            bodies.sort(key=lambda a: a.kind.value == "council")
            first: dict[str, str] = {}
            for body in bodies:
                for member in body.member_ids():
                    first.setdefault(member, body.id)
            self._bodies[year] = first
        return self._bodies[year].get(teacher)


def catalog_entries(records: SchoolRecords, visible: Visible, ui_language: str,
                    meetings: Sequence[MeetingHeading] | None = None) -> list[CatalogEntry]:
    """Every printable document of every academic year of the school, with distinct file names;
    the protocols from ``meetings`` where given (read as headings), else from ``records``."""
    if meetings is None:
        meetings = [MeetingHeading.of(m) for m in records.meetings]
    build = _Builder(records, ui_language, meetings)
    bodies = {a.id: a for a in records.associations}
    entries: list[CatalogEntry] = []
    for meeting in sorted(meetings, key=lambda m: (m.date, m.number)):
        body = bodies.get(meeting.body)
        if body is not None:
            entries += build.meeting(meeting, body.academic_year)
    for plan in visible.plans:
        entries.append(build.plan(plan, plan.academic_year))
    for association in records.associations:
        entries += build.association(association)
    entries += [build.mentorship(m) for m in visible.mentorships]
    for year in records.academic_years:
        first, last = year.window
        entries += [build.visit(v, year.id) for v in visible.visits if first <= v.date <= last]
        entries += build.schedules(year)
        entries += build.year_registers(year, visible)
        if visible.staff.everything:
            entries += build.staff_papers(year, visible.staff)
        entries += build.analyses(year, visible.staff)
    entries += [build.material(m) for m in records.materials]
    entries += [build.certificates(e) for e in visible.events if e.id in visible.certifiable]
    order = {kind: index for index, kind in enumerate(DocumentKind)}
    return sorted(entries, key=lambda e: (order[e.ref.kind], e.date or date.min, e.title))
