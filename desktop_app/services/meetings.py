"""Meetings of associations and of the council, and their protocols (rules 3, 4, 5)."""

from __future__ import annotations

import builtins
import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from desktop_app.domain.accounts import Action, Actor, MeetingVersion
from desktop_app.domain.district import GuestMember, GuestNames, guest_attendance_errors, guest_speaker_errors
from desktop_app.domain.entities import (
    Association,
    AssociationKind,
    CalendarPlan,
    GuestSpeaker,
    LessonVisit,
    Material,
    Meeting,
    MeetingStatus,
    ReviewOutcome,
    Speech,
    Subject,
    Teacher,
)
from desktop_app.domain.errors import N_, DomainError, Msg, Rule
from desktop_app.domain.event_records import Event
from desktop_app.domain.materials import considerable, may_discuss
from desktop_app.domain.meetings import (
    agenda_errors,
    attendance_errors,
    date_errors,
    ensure_editable,
    ensure_status_change,
    meeting_day_errors,
    next_number,
    numbering_errors,
    reviewable_plans,
    speaker_errors,
)
from desktop_app.i18n import current_language
from desktop_app.services.base import Service, found, raise_first
from desktop_app.services.exchange import dump_meeting, parse_meeting
from desktop_app.services.materials import MaterialReview, MaterialService
from desktop_app.services.plans import PlanService
from desktop_app.services.visits import seen_by as visits_seen_by
from desktop_app.storage.events import list_events
from desktop_app.storage.guest_members import list_guests, teacher_names
from desktop_app.storage.store import Store


@dataclass(frozen=True)
class PlanReview:
    """An outcome chosen in the editor for a plan considered under agenda item ``item``."""

    plan: str
    item: int
    outcome: ReviewOutcome
    remarks: str | None = None


@dataclass(frozen=True)
class Protocol:
    """What ``save_protocol`` returns: the protocol as saved and the plans it considered."""

    meeting: Meeting
    plans: list[CalendarPlan]
    materials: list[Material] = field(default_factory=list)


@dataclass(frozen=True)
class EditorChoices:
    """What the protocol editor shows and offers, read in one transaction when it opens (each
    part by the rule of its own service): the school's teachers (archived ones too) and subjects,
    the number a new meeting would take, the plans it may consider, the body's visits of its year
    that the user may see, the materials it may discuss, the events that list one of its items
    and, for an inter-school association, its members from other schools."""

    teachers: builtins.list[Teacher]
    subjects: builtins.list[Subject]
    number: int
    plans: builtins.list[CalendarPlan]
    visits: builtins.list[LessonVisit]
    materials: builtins.list[Material]
    events: builtins.list[Event]
    guests: builtins.list[GuestMember]


class MeetingService(Service):
    def list(self, actor: Actor, school: str, body: str) -> list[Meeting]:
        with self._read(actor, school) as store:
            return sorted(store.meetings_of(school, body), key=lambda m: m.number)

    def numbers(self, actor: Actor, school: str, meetings: Collection[str]) -> dict[str, tuple[int, date]]:
        """The number and date of each of these meetings that exists: one query (a list names them)."""
        with self._read(actor, school) as store:
            return store.meeting_numbers(school, meetings)

    def get(self, actor: Actor, school: str, meeting: str) -> Meeting:
        with self._read(actor, school) as store:
            return found(store.get_meeting(school, meeting), "meeting", meeting)

    def proposed_number(self, actor: Actor, school: str, body: str) -> int:
        """The next number in the body's year (rule 3)."""
        with self._read(actor, school) as store:
            return next_number(store.meetings_of(school, body))

    def _check(self, store: Store, school: str, meeting: Meeting) -> None:
        body = found(store.get_association(school, meeting.body), "association", meeting.body)
        year = found(store.get_academic_year(school, body.academic_year), "academic year",
                     body.academic_year)
        teachers = {t.id for t in store.list_teachers(school)}
        speakers = [s.speaker for i in meeting.agenda for s in (*i.heard, *i.spoke)
                    if isinstance(s.speaker, str)]
        for teacher in [meeting.chair, meeting.secretary, *(a.teacher for a in meeting.attendance), *speakers]:
            if teacher not in teachers:
                raise DomainError(Rule.REFERENCE, N_("Not found: {kind} {id}"),
                                  {"kind": Msg("teacher"), "id": teacher}, record=meeting.id)
        for item in meeting.agenda:
            for plan in item.plans:
                found(store.get_plan(school, plan), "plan", plan)
            for visit in item.lesson_visits:
                found(store.get_lesson_visit(school, visit), "lesson visit", visit)
            for listed in item.materials:
                material = found(store.get_material(school, listed), "methodical material", listed)
                if not may_discuss(body, material):
                    raise DomainError(Rule.MATERIAL, N_("Item {item}: the material {id} is neither of {body} nor "
                                                        "for the methodical council of its year"),
                                      {"item": item.number, "id": listed, "body": body.id},
                                      record=meeting.id, field=f"agenda.{item.number}.materials")
        raise_first(date_errors(meeting, year))
        guests, names = self._guests(store, school, meeting)
        if meeting.guest_attendance:  # п. 21: members from other schools, on the meeting's date
            raise_first(guest_attendance_errors(meeting, guests, names))
        others = [m for m in store.meetings_of(school, meeting.body) if m.id != meeting.id]
        numbering = numbering_errors([*others, meeting])
        # A repeated number is reported on both meetings: name the one being saved.
        raise_first([e for e in numbering if e.record == meeting.id] or numbering)
        raise_first(attendance_errors(meeting, body))
        raise_first(speaker_errors(meeting, body))
        raise_first(guest_speaker_errors(meeting, guests, names))
        raise_first(agenda_errors(meeting))
        raise_first(meeting_day_errors(meeting, self.today()))

    @staticmethod
    def _guests(store: Store, school: str, meeting: Meeting) -> tuple[builtins.list[GuestMember], GuestNames]:
        """The association's members from other schools (п. 21) when the meeting marks or hears any,
        and the names of the teachers it refers to who are not among them (for a refusal)."""
        speakers = {(s.speaker.school, s.speaker.teacher) for i in meeting.agenda for s in (*i.heard, *i.spoke)
                    if isinstance(s.speaker, GuestSpeaker)}
        if not meeting.guest_attendance and not speakers:
            return [], {}
        language = current_language()
        guests = list_guests(store.session, school, meeting.body, language)
        others = {(g.school, g.teacher) for g in meeting.guest_attendance} | speakers
        return guests, teacher_names(store.session, others - {(g.school, g.teacher) for g in guests}, language)

    def problem(self, actor: Actor, school: str, meeting: Meeting) -> DomainError | None:
        """The refusal ``save`` would give for ``meeting`` now, without saving anything: the editor
        asks again after each change, so a refusal the user has fixed goes away at once."""
        with self._read(actor, school) as store:
            try:
                self._check(store, school, meeting if meeting.id else self._free_number(store, school, meeting))
            except DomainError as error:
                return error
        return None

    def save(self, actor: Actor, school: str, meeting: Meeting) -> Meeting:
        """Create or edit a protocol that is not finalized; a new one without an id gets one."""
        with self._write(actor, school) as store:
            return self._save_in(store, actor, school, meeting)

    def save_protocol(self, actor: Actor, school: str, meeting: Meeting,
                      reviews: Sequence[PlanReview] = (), finalize: bool = False,
                      materials: Sequence[MaterialReview] = ()) -> Protocol:
        """The editor's Save: the protocol and the outcomes of the plans considered under its items
        (п. 26) and of the materials discussed (п. 27), and with ``finalize`` its locking (rule 5), in
        one transaction: all of it is saved, or nothing."""
        plans = PlanService(self._db, self._clock)
        with self._write(actor, school) as store:
            saved = self._save_in(store, actor, school, meeting)
            considered = [plans.consider_in(store, actor, school, r.plan, saved.id, r.item, r.outcome, r.remarks)
                          for r in reviews]
            concluded = [MaterialService(self._db, self._clock).consider_in(store, actor, school, r, saved.id)
                         for r in materials]
            if finalize:
                self._set_status_in(store, actor, school, saved.id, MeetingStatus.FINALIZED)
            final = found(store.get_meeting(school, saved.id), "meeting", saved.id)
        return Protocol(final, considered, concluded)

    def reviewable_plans(self, actor: Actor, school: str, body: str,
                         meeting: str | None) -> builtins.list[CalendarPlan]:
        """The plans a meeting of ``body`` may consider (see domain.meetings.reviewable_plans)."""
        with self._read(actor, school) as store:
            association = found(store.get_association(school, body), "association", body)
            return self._reviewable(store, actor, school, association, meeting)

    def _reviewable(self, store: Store, actor: Actor, school: str, association: Association,
                    meeting: str | None) -> builtins.list[CalendarPlan]:
        # Only the members' plans are read (the rule keeps no other): a body of eight teachers
        # reads their ~60 plans of the year, not the school's ~1 000.
        members = set(association.member_ids())
        visible = PlanService(self._db, self._clock).readable_plans_of(store, actor, school)
        teachers = members if visible is None else members & visible
        candidates = [line.plan for line in store.plan_summaries(school, association.academic_year, teachers)]
        return reviewable_plans(candidates, association, meeting)

    def editor(self, actor: Actor, school: str, body: str, meeting: str | None) -> EditorChoices:
        """Everything the protocol editor of ``meeting`` (None: a new one) of ``body`` reads, in one
        read: a KTP review lists a hundred plans, and a read per part re-read the body each time."""
        with self._read(actor, school) as store:
            association = found(store.get_association(school, body), "association", body)
            year = store.get_academic_year(school, association.academic_year)
            first, last = year.window if year is not None else (None, None)
            return EditorChoices(
                teachers=store.search_teachers(school, ""),
                subjects=store.list_subjects(school),
                number=next_number(store.meetings_of(school, body)) if meeting is None else 0,
                plans=self._reviewable(store, actor, school, association, meeting),
                visits=visits_seen_by(actor, store.list_lesson_visits(school, first, last, body)),
                materials=considerable(store.list_materials(school, association.academic_year), association, meeting),
                events=list_events(store, school, meeting=meeting) if meeting else [],
                guests=(list_guests(store.session, school, body, current_language())
                        if association.kind is AssociationKind.INTER_SCHOOL else []))

    def _save_in(self, store: Store, actor: Actor, school: str, meeting: Meeting) -> Meeting:
        heads = self._heads(store, school, meeting.body)
        actor.require(Action.EDIT_MEETING, heads, meeting.id or None)
        existing = store.get_meeting(school, meeting.id) if meeting.id else None
        if existing is not None:
            ensure_editable(existing)
            if existing.body != meeting.body:
                raise DomainError(Rule.VALUE, N_("A meeting cannot move to another body"),
                                  record=meeting.id, field="body")
            if meeting.status is MeetingStatus.FINALIZED:
                raise DomainError(Rule.LOCKED_RECORD, N_("A protocol is locked by finalizing it, not by saving it"),
                                  record=meeting.id, field="status")
            meeting = replace(meeting, version=existing.version)
        elif meeting.status is MeetingStatus.FINALIZED:
            raise DomainError(Rule.LOCKED_RECORD, N_("A protocol is locked by finalizing it, not by saving it"),
                              record=meeting.id or None, field="status")
        elif not meeting.id:  # made in the editor, numbered by the proposal (an id given: as given)
            meeting = self._free_number(store, school, meeting)
        meeting = self._named_guests(store, school, meeting)
        return self._save_checked(store, actor, school, meeting, existing=existing is not None,
                                  id_from=("meetings", f"m-{meeting.body}"), check=self._check,
                                  save=store.save_meeting, audit=("meeting", "meeting"),
                                  summary=f"No. {meeting.number} {meeting.date}")

    @staticmethod
    def _named_guests(store: Store, school: str, meeting: Meeting) -> Meeting:
        """Members from other schools marked or speaking (п. 21) keep their name as it is now, so
        that the protocol still names them should that teacher leave the database; a name the
        meeting came with stays where the database does not know that teacher."""
        speaks = any(isinstance(s.speaker, GuestSpeaker) for i in meeting.agenda for s in (*i.heard, *i.spoke))
        if not speaks and not meeting.guest_attendance:
            return meeting
        # Only the association's members may be marked or speak (refused otherwise): their names.
        names = {(g.school, g.teacher): g.name for g in list_guests(store.session, school, meeting.body)}

        def named(speech: Speech) -> Speech:
            who = speech.speaker
            if not isinstance(who, GuestSpeaker) or not names.get((who.school, who.teacher)):
                return speech
            return replace(speech, speaker=replace(who, name=names[(who.school, who.teacher)]))

        agenda = [replace(i, heard=[named(s) for s in i.heard], spoke=[named(s) for s in i.spoke])
                  for i in meeting.agenda] if speaks else meeting.agenda
        marks = [replace(g, name=names.get((g.school, g.teacher)) or g.name) for g in meeting.guest_attendance]
        return replace(meeting, agenda=agenda, guest_attendance=marks)

    @staticmethod
    def _free_number(store: Store, school: str, meeting: Meeting) -> Meeting:
        """Rule 3 with several PCs: a new meeting proposed the body's next number when its editor
        opened; if other heads saved meetings under that number meanwhile, this one takes the next
        free one (writers save one at a time, see storage.dialect.lock_writers): no duplicate, no
        gap. The next number is the only one a new meeting can have (rule 3 allows no gap and no
        repeat), so a taken number can mean nothing else."""
        last = max((m.number for m in store.meetings_of(school, meeting.body)), default=0)
        return replace(meeting, number=last + 1) if 0 < meeting.number <= last else meeting

    def set_status(self, actor: Actor, school: str, meeting: str, status: MeetingStatus) -> Meeting:
        """draft → held → finalized; finalizing locks the protocol (rule 5)."""
        with self._write(actor, school) as store:
            return self._set_status_in(store, actor, school, meeting, status)

    def _set_status_in(self, store: Store, actor: Actor, school: str, meeting: str,
                       status: MeetingStatus) -> Meeting:
        record = found(store.get_meeting(school, meeting), "meeting", meeting)
        actor.require(Action.EDIT_MEETING, self._heads(store, school, record.body), meeting)
        ensure_status_change(record, status)
        record.status = status
        self._check(store, school, record)
        store.save_meeting(school, record)
        self._audit(store, actor, f"meeting.{status.value}", school, "meeting", meeting,
                    f"version {record.version}")
        return record

    def finalize(self, actor: Actor, school: str, meeting: str) -> Meeting:
        return self.set_status(actor, school, meeting, MeetingStatus.FINALIZED)

    def new_version(self, actor: Actor, school: str, meeting: str, reason: str) -> Meeting:
        """Rule 5: reopen a finalized protocol for correction, keeping the old version readable."""
        if not reason.strip():
            raise DomainError(Rule.LOCKED_RECORD, N_("A new version of a protocol needs a reason"),
                              record=meeting, field="reason")
        with self._write(actor, school) as store:
            record = found(store.get_meeting(school, meeting), "meeting", meeting)
            actor.require(Action.EDIT_MEETING, self._heads(store, school, record.body), meeting)
            if record.status is not MeetingStatus.FINALIZED:
                raise DomainError(Rule.LOCKED_RECORD,
                                  N_("Only a finalized protocol gets a new version; edit this one"),
                                  record=meeting, field="status")
            snapshot = json.dumps(dump_meeting(record), ensure_ascii=False, sort_keys=True)
            store.add_meeting_version(school, MeetingVersion(meeting, record.version, snapshot,
                                                             reason.strip(), actor.login, self._clock()))
            record.version += 1
            record.status = MeetingStatus.HELD
            store.save_meeting(school, record)
            self._audit(store, actor, "meeting.new_version", school, "meeting", meeting,
                        f"version {record.version}: {reason.strip()}")
        return record

    def versions(self, actor: Actor, school: str, meeting: str) -> builtins.list[MeetingVersion]:
        with self._read(actor, school) as store:
            return store.meeting_versions(school, meeting)

    def version(self, actor: Actor, school: str, meeting: str, version: int) -> tuple[MeetingVersion, Meeting]:
        """A previous version to read (rule 5): who replaced it, when and why, and the protocol as
        it was finalized."""
        with self._read(actor, school) as store:
            kept = next((v for v in store.meeting_versions(school, meeting) if v.version == version), None)
        kept = found(kept, "meeting", f"{meeting} v{version}")
        return kept, replace(parse_meeting(json.loads(kept.snapshot)), version=version)

    def delete(self, actor: Actor, school: str, meeting: str) -> None:
        """Only a draft is deleted, and only the last number of its body (no gaps, rule 3)."""
        with self._write(actor, school) as store:
            record = found(store.get_meeting(school, meeting), "meeting", meeting)
            actor.require(Action.EDIT_MEETING, self._heads(store, school, record.body), meeting)
            ensure_editable(record)
            if record.status is not MeetingStatus.DRAFT:
                raise DomainError(Rule.LOCKED_RECORD, N_("Only a draft protocol can be deleted"),
                                  record=meeting, field="status")
            if record.number != next_number(store.meetings_of(school, record.body)) - 1:
                raise DomainError(Rule.MEETING_NUMBERING,
                                  N_("Only the last meeting of the body can be deleted"),
                                  record=meeting, field="number")
            plans = [p for p in store.list_plans(school) if p.review and p.review.meeting == meeting]
            if plans:
                raise DomainError(Rule.PLAN_RECORD, N_("Plans were reviewed at this meeting"),
                                  record=meeting, field="agenda")
            if any(m.review and m.review.meeting == meeting for m in store.list_materials(school)):
                raise DomainError(Rule.MATERIAL, N_("Methodical materials were discussed at this meeting"),
                                  record=meeting, field="agenda")
            store.delete_meeting(school, meeting)
            self._audit(store, actor, "meeting.delete", school, "meeting", meeting, "")
