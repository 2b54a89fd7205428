"""The list of printable documents of an academic year, as the documents section shows it.

Small records (``CatalogEntry``) built from the school's records the user may read: what the
document is, whose, its date and default language, its default file name in each language, and
the refusal that keeps it from being printed now (a draft protocol's extract, say).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from desktop_app.documents.common import DocumentContext, Translate
from desktop_app.documents.naming import distinct_file_names, document_file_name
from desktop_app.domain.entities import (
    AcademicYear,
    Association,
    CalendarPlan,
    LessonVisit,
    Material,
    Meeting,
    Mentorship,
    SchoolRecords,
)
from desktop_app.domain.errors import N_, DomainError
from desktop_app.domain.event_records import Event
from desktop_app.domain.labels import MATERIAL_KIND_LABELS, VISIT_KIND_LABELS
from desktop_app.domain.printing import certificates_refusal, extract_refusal, work_plan_refusal
from desktop_app.i18n import LANGUAGES, gettext_for, ngettext


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
}


@dataclass(frozen=True)
class DocumentRef:
    """Which document: the kind, the record's id (the academic year's for a schedule) and, for an
    extract the agenda item, for a schedule the term."""

    kind: DocumentKind
    record: str
    item: int | None = None

    @property
    def key(self) -> str:
        return self.record if self.item is None else f"{self.record}#{self.item}"


@dataclass(frozen=True)
class CatalogEntry:
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
    file_names: dict[str, str] = field(default_factory=dict)  # per document language

    @property
    def printable(self) -> bool:
        return self.refusal is None

    def file_name(self, language: str | None = None) -> str:
        return self.file_names[language or self.language]


@dataclass(frozen=True)
class Visible:
    """What the user may read of the records that are not open to everyone in the school."""

    plans: Sequence[CalendarPlan]
    mentorships: Sequence[Mentorship]
    visits: Sequence[LessonVisit]
    #: The year's events (open to every user of the school) and those whose certificates the user
    #: may issue (the organiser's head, the deputy director); the olympiads register is the
    #: administration's (READ_ALL).
    events: Sequence[Event] = ()
    certifiable: frozenset[str] = frozenset()
    olympiads: bool = False


def material_language(material: Material, default: str) -> str:
    """A material's own language: the one its title is written in, or ``default`` when it has both."""
    title = material.title
    if bool(title.kk) != bool(title.ru):
        return "kk" if title.kk else "ru"
    return default


class _Builder:
    def __init__(self, records: SchoolRecords, ui: str) -> None:
        self.records, self.ui = records, ui
        self.ctx = DocumentContext.from_records(records)
        self._ = gettext_for(ui)
        self._bodies: dict[str, dict[str, str]] = {}  # year → teacher → association (association_of)

    def body(self, body_id: str | None) -> tuple[str | None, str]:
        return body_id, self.ctx.body_name(body_id, self.ui) if body_id else ""

    def surname(self, teacher: str) -> str:
        found = self.ctx.teachers.get(teacher)
        return found.last_name if found else teacher

    @staticmethod
    def names(kind: DocumentKind, number: int | None, parts: Callable[[str, Translate], list[str]],
              counted: tuple[str, int] | None = None) -> dict[str, str]:
        """The file name in each document language: ``parts(language, translate)`` after the kind and,
        when ``counted`` is (msgid, n), the msgid translated with ``{number}`` = n («2-тоқсан»)."""
        names = {}
        for language in LANGUAGES:
            t = gettext_for(language)
            first = [t(counted[0]).format(number=counted[1])] if counted else []
            names[language] = document_file_name(t(DOCUMENT_KIND_LABELS[kind]), number,
                                                 first + parts(language, t))
        return names

    # One function per kind ----------------------------------------------------------------------
    def meeting(self, meeting: Meeting, year: str) -> Iterator[CatalogEntry]:
        body, body_name = self.body(meeting.body)
        day = meeting.date.isoformat()
        shown = {"number": meeting.number, "date": meeting.date.strftime("%d.%m.%Y")}
        yield CatalogEntry(
            DocumentRef(DocumentKind.PROTOCOL, meeting.id), year, self._("No. {number} of {date}").format(**shown),
            body, body_name, date=meeting.date, language=meeting.language.value,
            file_names=self.names(DocumentKind.PROTOCOL, meeting.number,
                                  lambda lang, t: [self.ctx.body_name(meeting.body, lang), day]))
        refusal = extract_refusal(meeting)
        for item in meeting.agenda:
            title = self._("No. {number} of {date}, item {item}: {title}").format(
                item=item.number, title=item.title, **shown)
            yield CatalogEntry(
                DocumentRef(DocumentKind.EXTRACT, meeting.id, item.number), year, title, body, body_name,
                date=meeting.date, language=meeting.language.value, refusal=refusal,
                file_names=self.names(DocumentKind.EXTRACT, meeting.number, lambda lang, t: [
                    self.ctx.body_name(meeting.body, lang), day], (N_("item {number}"), item.number)))

    def plan(self, plan: CalendarPlan, year: str) -> CatalogEntry:
        body, body_name = self.body(self.association_of(plan.teacher, year))
        title = self._("{subject}, grade {grade}").format(subject=self.ctx.subject(plan.subject, self.ui),
                                                          grade=plan.grade)
        when = plan.approved.on if plan.approved else None
        return CatalogEntry(
            DocumentRef(DocumentKind.KTP, plan.id), year, title, body, body_name, (plan.teacher,),
            (self.ctx.short_name(plan.teacher),), when, plan.language.value,
            file_names=self.names(DocumentKind.KTP, None, lambda lang, t: [
                self.surname(plan.teacher), self.ctx.subject(plan.subject, lang),
                t(N_("grade {grade}")).format(grade=plan.grade), *plan.classes, year]))

    def association(self, association: Association) -> Iterator[CatalogEntry]:
        year = association.academic_year
        body, body_name = self.body(association.id)
        approved = association.work_plan.approved if association.work_plan else None
        items = len(association.work_plan.items) if association.work_plan else 0
        meetings = sum(1 for m in self.records.meetings if m.body == association.id)
        for kind, title, when, refusal in (
                (DocumentKind.WORK_PLAN, ngettext("{count} item", "{count} items", items, self.ui).format(count=items),
                 approved.on if approved else None, work_plan_refusal(association)),
                (DocumentKind.REGISTER, ngettext("{count} protocol", "{count} protocols", meetings,
                                                          self.ui).format(
                    count=meetings), None, None)):
            yield CatalogEntry(
                DocumentRef(kind, association.id), year, title, body, body_name, date=when, language=self.ui,
                refusal=refusal,
                file_names=self.names(kind, None, lambda lang, t: [self.ctx.body_name(association.id, lang), year]))

    def mentorship(self, mentorship: Mentorship) -> CatalogEntry:
        year = mentorship.academic_year
        body, body_name = self.body(self.association_of(mentorship.mentee, year))
        period = f"{mentorship.start.strftime('%d.%m.%Y')} – {mentorship.end.strftime('%d.%m.%Y')}"
        return CatalogEntry(
            DocumentRef(DocumentKind.MENTORSHIP, mentorship.id), year, period, body, body_name,
            (mentorship.mentor, mentorship.mentee),
            (self.ctx.short_name(mentorship.mentor), self.ctx.short_name(mentorship.mentee)), mentorship.start, self.ui,
            file_names=self.names(DocumentKind.MENTORSHIP, None, lambda lang, t: [
                f"{self.surname(mentorship.mentor)} - {self.surname(mentorship.mentee)}", year]))

    def visit(self, visit: LessonVisit, year: str) -> CatalogEntry:
        body, body_name = self.body(visit.association)
        title = ", ".join(p for p in (self._(VISIT_KIND_LABELS[visit.kind]), self.ctx.subject(visit.subject, self.ui),
                                      visit.class_name or "", visit.topic) if p)
        return CatalogEntry(
            DocumentRef(DocumentKind.OBSERVATION, visit.id), year, title, body, body_name, (visit.teacher,),
            (self.ctx.short_name(visit.teacher),), visit.date, self.ui,
            file_names=self.names(DocumentKind.OBSERVATION, None, lambda lang, t: [
                self.surname(visit.teacher), self.ctx.subject(visit.subject, lang), visit.class_name or "",
                visit.date.isoformat()]))

    def schedules(self, year: AcademicYear) -> Iterator[CatalogEntry]:
        for term in year.terms:
            yield CatalogEntry(
                DocumentRef(DocumentKind.SCHEDULE, year.id, term.number), year.id,
                self._("term {number}").format(number=term.number),
                date=term.start, language=self.ui,
                file_names=self.names(DocumentKind.SCHEDULE, None, lambda lang, t: [year.id],
                                      (N_("term {number}"), term.number)))

    def material(self, material: Material) -> CatalogEntry:
        year = material.academic_year
        body, body_name = self.body(material.association)
        staff = tuple(a for a in material.authors if isinstance(a, str))
        when = material.approved.on if material.approved else None
        return CatalogEntry(
            DocumentRef(DocumentKind.MATERIAL, material.id), year,
            f"{self._(MATERIAL_KIND_LABELS[material.kind])}: {material.title.get(self.ui)}", body, body_name, staff,
            tuple(self.ctx.short_name(t) for t in staff), when, material_language(material, self.ui),
            file_names=self.names(DocumentKind.MATERIAL, None, lambda lang, t: [
                *(self.surname(t) for t in staff[:1]), material.title.get(lang), year]))

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
            yield CatalogEntry(DocumentRef(kind, year.id), year.id, title, date=year.start, language=self.ui,
                               file_names=self.names(kind, None, lambda lang, t: [year.id]))

    def certificates(self, event: Event) -> CatalogEntry:
        """An event's certificates of participation: greyed with the reason until the event is held."""
        body, body_name = self.body(event.organiser)
        title = self._("No. {number}: {topic}").format(number=event.number, topic=event.topic.get(self.ui))
        return CatalogEntry(
            DocumentRef(DocumentKind.CERTIFICATES, event.id), event.academic_year, title, body, body_name,
            tuple(event.participants), tuple(self.ctx.short_name(t) for t in event.participants), event.start,
            self.ui, refusal=certificates_refusal(event),
            file_names=self.names(DocumentKind.CERTIFICATES, event.number, lambda lang, t: [
                event.topic.get(lang), event.start.isoformat()]))

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


def catalog_entries(records: SchoolRecords, visible: Visible, ui_language: str) -> list[CatalogEntry]:
    """Every printable document of every academic year of the school, with distinct file names."""
    build = _Builder(records, ui_language)
    bodies = {a.id: a for a in records.associations}
    entries: list[CatalogEntry] = []
    for meeting in sorted(records.meetings, key=lambda m: (m.date, m.number)):
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
    entries += [build.material(m) for m in records.materials]
    entries += [build.certificates(e) for e in visible.events if e.id in visible.certifiable]
    names = {lang: distinct_file_names([(e.file_names[lang], e.ref.key) for e in entries]) for lang in LANGUAGES}
    order = list(DocumentKind)
    distinct = [replace(e, file_names={lang: names[lang][i] for lang in LANGUAGES}) for i, e in enumerate(entries)]
    return sorted(distinct, key=lambda e: (order.index(e.ref.kind), e.date or date.min, e.title))
