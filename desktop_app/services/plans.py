"""Calendar-thematic plans: writing, the calendar check and the path to approval (rules 6, 7, 10)."""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import date

from desktop_app.domain import plans as workflow
from desktop_app.domain.accounts import Action, Actor, PlanEvent, Role
from desktop_app.domain.calendar import CalendarFinding, plan_calendar_findings, submission_blockers
from desktop_app.domain.entities import (
    Approval,
    Association,
    CalendarPlan,
    MeetingStatus,
    PlanRow,
    PlanStatus,
    ReviewOutcome,
    Signer,
    Subject,
)
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.domain.meetings import ensure_editable as ensure_meeting_editable
from desktop_app.domain.plan_cells import lesson_errors
from desktop_app.services.base import Service, found, raise_first
from desktop_app.storage import plan_pages, summaries
from desktop_app.storage.plan_pages import (
    CHOICES,
    FACETS,
    VALUES,
    PlanFacets,
    PlanKey,
    PlanListing,
    PlanOrder,
    PlanQuery,
    PlanSearch,
)
from desktop_app.storage.store import Store
from desktop_app.storage.summaries import PlanSummary

__all__ = ["CHOICES", "FACETS", "VALUES", "PlanFacets", "PlanKey", "PlanListing", "PlanOrder", "PlanQuery",
           "PlanSearch", "PlanSection", "PlanService", "PlanSummary", "PlanYear", "QueryOf"]

@dataclass(frozen=True)
class PlanYear:
    """What the Plans section names and filters by in a year: the teachers' short names (id →
    name), the subjects, the year's associations and council, and what its plans have (None when
    not asked for: the filters' choices are read when one is opened)."""

    names: dict[str, str]
    subjects: list[Subject]
    bodies: list[Association]
    facets: PlanFacets | None


#: The window's part of ``PlanService.section``: the query of its list (filters, search, order)
#: made of the year; the second argument reads the lines of a query (a search of several words).
QueryOf = Callable[[PlanYear, Callable[[PlanQuery], list[PlanKey]]], PlanQuery]


@dataclass(frozen=True)
class PlanSection:
    """The Plans section after it opens or the year changes (``PlanService.section``)."""

    year: PlanYear
    query: PlanQuery  # what ``query_of`` made: the list was read with it
    listing: PlanListing


class PlanService(Service):
    # Reading ------------------------------------------------------------------------------------
    def list(self, actor: Actor, school: str, academic_year: str | None = None) -> list[CalendarPlan]:
        """Everyone with READ_ALL sees all plans; a head sees those of their associations' members;
        a teacher sees their own."""
        with self._read(actor, school) as store:
            plans = store.plans_of(school, academic_year)
            visible = self._visible_teachers(store, actor, school)
            return plans if visible is None else [p for p in plans if p.teacher in visible]

    def summaries(self, actor: Actor, school: str, academic_year: str | None = None) -> builtins.list[PlanSummary]:
        """What a list of plans shows, for the plans ``list`` would give: headers with their rows
        counted, rows not read (open one with ``get``)."""
        with self._read(actor, school) as store:
            return store.plan_summaries(school, academic_year, self._visible_teachers(store, actor, school))

    def readable_plans_of(self, store: Store, actor: Actor, school: str) -> set[str] | None:
        """Whose plans the actor may read (None: everyone's), for lists that read the plans themselves."""
        return self._visible_teachers(store, actor, school)

    # The Plans section's list, a page at a time (storage.plan_pages): the plans ``list`` would give.
    def listing(self, actor: Actor, school: str, query: PlanQuery, limit: int, counts: bool = True,
                facets: bool = False) -> PlanListing:
        """The first ``limit`` lines of the list, how many it has, (with ``counts``) the counts per
        status and (with ``facets``) what the filters may choose from."""
        with self._read(actor, school) as store:
            return plan_pages.plan_listing(store.session, self._seen(store, actor, school, query), limit,
                                           counts, facets)

    def section(self, actor: Actor, school: str, academic_year: str, query_of: QueryOf, limit: int,
                facets: Collection[str] = FACETS) -> PlanSection:
        """What the Plans section shows when it opens or the year changes, in one read: the names
        of the teachers and subjects, the year's associations, the year's ``facets`` of those kinds
        (``plan_facets``; none: not read), and the first ``limit`` lines of the list with the counts
        per status.
        ``query_of`` is the window's part: the query its filters, search and order make of those
        (``keys`` reads the lines of the year for a search of several words)."""
        with self._read(actor, school) as store:
            session = store.session
            visible = self._visible_teachers(store, actor, school)

            def seen(query: PlanQuery) -> PlanQuery:
                return replace(query, school=school, visible=None if visible is None else frozenset(visible))

            year = PlanYear(summaries.teacher_names(session, school), store.list_subjects(school),
                            store.associations_of(school, academic_year),
                            plan_pages.plan_facets(session, seen(PlanQuery(school, academic_year)), facets)
                            if facets else None)
            query = query_of(year, lambda q: plan_pages.plan_keys(session, seen(q)))
            return PlanSection(year, query, plan_pages.plan_listing(session, seen(query), limit))

    def facets(self, actor: Actor, school: str, academic_year: str, kinds: Collection[str] = FACETS) -> PlanFacets:
        """The distinct teachers, subjects, grades, classes and hours of the year's plans (of
        ``kinds`` alone: the others are empty)."""
        with self._read(actor, school) as store:
            query = self._seen(store, actor, school, PlanQuery(school, academic_year))
            return plan_pages.plan_facets(store.session, query, kinds)

    def page(self, actor: Actor, school: str, query: PlanQuery, offset: int, limit: int) -> builtins.list[PlanSummary]:
        with self._read(actor, school) as store:
            return plan_pages.plan_page(store.session, self._seen(store, actor, school, query), offset, limit)

    def positions(self, actor: Actor, school: str, query: PlanQuery, plans: builtins.list[str]) -> dict[str, int]:
        """The line of each of ``plans`` in the list (those it has)."""
        with self._read(actor, school) as store:
            return plan_pages.plan_positions(store.session, self._seen(store, actor, school, query), plans)

    def keys(self, actor: Actor, school: str, query: PlanQuery) -> builtins.list[PlanKey]:
        """Every line of the list without its plan and without the search (a search of several words)."""
        with self._read(actor, school) as store:
            return plan_pages.plan_keys(store.session, self._seen(store, actor, school, query))

    def _seen(self, store: Store, actor: Actor, school: str, query: PlanQuery) -> PlanQuery:
        visible = self._visible_teachers(store, actor, school)
        return replace(query, school=school, visible=None if visible is None else frozenset(visible))

    @staticmethod
    def _visible_teachers(store: Store, actor: Actor, school: str) -> set[str] | None:
        """None for those who see every plan; else whose plans the actor sees (``list``'s rule)."""
        if actor.may(Action.READ_ALL):
            return None
        visible = {actor.teacher} if actor.teacher else set()
        if actor.role is Role.HEAD and actor.teacher:
            for body in store.list_associations(school):
                if body.head == actor.teacher:
                    visible.update(body.member_ids())
        return visible

    def get(self, actor: Actor, school: str, plan: str) -> CalendarPlan:
        with self._read(actor, school) as store:
            record = found(store.get_plan(school, plan), "plan", plan)
            self._require_visible(store, actor, school, record)
            return record

    def history(self, actor: Actor, school: str, plan: str) -> builtins.list[PlanEvent]:
        with self._read(actor, school) as store:
            self._require_visible(store, actor, school, found(store.get_plan(school, plan), "plan", plan))
            return store.plan_events(school, plan)

    def submitted_on(self, actor: Actor, school: str, plan: str) -> date | None:
        """The day the plan was last submitted: no meeting before it can have considered it (rule 6)."""
        with self._read(actor, school) as store:
            self._require_visible(store, actor, school, found(store.get_plan(school, plan), "plan", plan))
            return self._submitted_on(store, school, plan)

    def calendar_findings(self, actor: Actor, school: str, plan: CalendarPlan) -> builtins.list[CalendarFinding]:
        """Rule 7 for a plan as it stands in the editor (saved or not)."""
        with self._read(actor, school) as store:
            year = found(store.get_academic_year(school, plan.academic_year), "academic year",
                         plan.academic_year)
        return plan_calendar_findings(plan, year)

    # Copying ------------------------------------------------------------------------------------
    def copy_sources(self, actor: Actor, school: str, subject: str,
                     grade: int | None = None) -> builtins.list[CalendarPlan]:
        """Plans a new KTP may start from: the subject's plans of any year and any teacher of the
        school (of ``grade`` when given), newest year first. A teacher may copy a colleague's plan,
        so anyone who writes plans sees them all here, for copying only."""
        self._require_writer(actor, school)
        with self._read(actor, school) as store:
            found(store.get_subject(school, subject), "subject", subject)
            plans = [p for p in store.plans_of(school) if p.subject == subject and p.rows
                     and (grade is None or p.grade == grade)]
        plans.sort(key=lambda p: (p.grade != grade, p.grade, p.teacher, p.id))
        plans.sort(key=lambda p: p.academic_year, reverse=True)
        return plans

    def copy_rows(self, actor: Actor, school: str, source: str) -> builtins.list[PlanRow]:
        """The rows of ``source`` for a new plan: renumbered 1, 2, 3 ... with the dates cleared,
        since dates belong to one year's calendar and one class's timetable (rule 7)."""
        self._require_writer(actor, school)
        with self._read(actor, school) as store:
            record = found(store.get_plan(school, source), "plan", source)
        if not record.rows:
            raise DomainError(Rule.VALUE, N_("The plan {id} has no rows"), {"id": source}, record=source,
                              field="rows")
        return [replace(row, number=number, date=None, objectives=builtins.list(row.objectives))
                for number, row in enumerate(record.rows, start=1)]

    @staticmethod
    def _require_writer(actor: Actor, school: str) -> None:
        """Copying is for writing a plan: the deputy, or a user who writes their own plans."""
        actor.require_school(school)
        owners = {actor.teacher} if actor.teacher else set()
        actor.require(Action.EDIT_PLAN, owners)

    def _require_visible(self, store: Store, actor: Actor, school: str, plan: CalendarPlan) -> None:
        if actor.may(Action.READ_ALL) or actor.teacher == plan.teacher:
            return
        if actor.role is Role.HEAD and actor.teacher and any(
                b.head == actor.teacher and plan.teacher in b.member_ids()
                for b in store.list_associations(school)):
            return
        actor.require(Action.READ_ALL, record=plan.id)

    # Writing ------------------------------------------------------------------------------------
    def save(self, actor: Actor, school: str, plan: CalendarPlan, *, imported: bool = False,
             source: str | None = None) -> CalendarPlan:
        """Create or edit a draft (or returned) plan: the teacher's own, or any for the deputy."""
        actor.require(Action.EDIT_PLAN, {plan.teacher}, plan.id or None)
        with self._write(actor, school) as store:
            existing = store.get_plan(school, plan.id) if plan.id else None
            if existing is not None:
                actor.require(Action.EDIT_PLAN, {existing.teacher}, plan.id)
                workflow.ensure_editable(existing)
                # Editing a returned plan takes it back to draft (rule 6).
                status = PlanStatus.DRAFT if existing.status is PlanStatus.RETURNED else existing.status
                plan = replace(plan, status=status, review=existing.review,
                               agreed=existing.agreed, approved=existing.approved, version=existing.version)
            else:
                plan = replace(plan, status=PlanStatus.DRAFT, review=None, agreed=None, approved=None)
                if not plan.id:
                    plan = replace(plan, id=store.next_id(school, "plans", "ktp"))
            found(store.get_teacher(school, plan.teacher), "teacher", plan.teacher)
            found(store.get_subject(school, plan.subject), "subject", plan.subject)
            found(store.get_academic_year(school, plan.academic_year), "academic year", plan.academic_year)
            raise_first(workflow.row_errors(plan))
            store.save_plan(school, plan)
            self._event(store, actor, school, plan, "import" if imported else "save",
                        existing.status if existing else plan.status, plan.status)
            action = "plan.import" if imported else "plan.update" if existing else "plan.create"
            summary = f"{len(plan.rows)} rows" + (f"; {source}" if source else "")
            self._audit(store, actor, action, school, "plan", plan.id, summary)
        return plan

    def import_plan(self, actor: Actor, school: str, plan_header: CalendarPlan,
                    rows: builtins.list[PlanRow], source: str | None = None) -> CalendarPlan:
        """A KTP read from a file (``services.plan_import``) saved as a new draft in one transaction.

        ``plan_header`` carries what the user chose in the preview (teacher, subject, grade, classes,
        year, language, hours per week); its id, status and rows are not used. The rows are numbered
        1, 2, 3 ... in the order given; a row the editor would refuse (no topic, hours or a term out of
        bounds: ``plan_cells``) is refused with the same message, so the preview's problems have to be
        resolved first. ``source`` (the file and its
        content hash) is kept in the audit trail, so that a folder imported again skips it."""
        if not rows:
            raise DomainError(Rule.VALUE, N_("The imported KTP has no rows"), record=None, field="rows")
        numbered = []
        for number, row in enumerate(rows, start=1):
            numbered.append(replace(row, number=number, topic=row.topic.strip()))
            for problem in lesson_errors(numbered[-1]):
                raise problem.at(number, field=f"rows.{number}.{problem.column}")
        return self.save(actor, school, replace(plan_header, id="", rows=numbered), imported=True, source=source)

    def submit(self, actor: Actor, school: str, plan: str) -> CalendarPlan:
        """Teacher: draft → submitted; a lesson dated on a day off blocks it (rule 7)."""
        with self._write(actor, school) as store:
            record = found(store.get_plan(school, plan), "plan", plan)
            actor.require(Action.EDIT_PLAN, {record.teacher}, plan)
            year = found(store.get_academic_year(school, record.academic_year), "academic year",
                         record.academic_year)
            raise_first(submission_blockers(record, year))
            before = record.status
            workflow.submit(record)
            store.save_plan(school, record)
            self._event(store, actor, school, record, "submit", before, record.status)
            self._audit(store, actor, "plan.submit", school, "plan", plan, "")
        return record

    def consider(self, actor: Actor, school: str, plan: str, meeting: str, item: int,
                 outcome: ReviewOutcome, remarks: str | None = None) -> CalendarPlan:
        """The association's outcome at a meeting (п. 26): recorded by its head or the deputy.

        The plan is added to the agenda item if the protocol is still open, so the item always
        lists the plans considered under it (rule 10)."""
        with self._write(actor, school) as store:
            return self.consider_in(store, actor, school, plan, meeting, item, outcome, remarks)

    def consider_in(self, store: Store, actor: Actor, school: str, plan: str, meeting: str, item: int,
                    outcome: ReviewOutcome, remarks: str | None = None) -> CalendarPlan:
        """``consider`` inside a transaction already open (a protocol saved with its reviews)."""
        record = found(store.get_plan(school, plan), "plan", plan)
        held = found(store.get_meeting(school, meeting), "meeting", meeting)
        body = found(store.get_association(school, held.body), "association", held.body)
        actor.require(Action.REVIEW_PLAN, {body.head}, plan)
        agenda_item = held.item(item)
        if agenda_item is None:
            raise DomainError(Rule.REFERENCE, N_("Meeting {meeting} has no agenda item {item}"),
                              {"meeting": meeting, "item": item}, record=meeting, field="agenda")
        if plan not in agenda_item.plans:
            ensure_meeting_editable(held)
            agenda_item.plans.append(plan)
            store.save_meeting(school, held)
        if held.status is MeetingStatus.DRAFT and held.date > self.today():
            raise DomainError(Rule.PLAN_WORKFLOW, N_("The meeting of {date} has not taken place yet"),
                              {"date": held.date}, record=plan, field="review")
        before = record.status
        workflow.consider(record, held, body, item, outcome, remarks,
                          submitted_on=self._submitted_on(store, school, plan))
        store.save_plan(school, record)
        self._event(store, actor, school, record, f"consider.{outcome.value}", before, record.status,
                    remarks)
        self._audit(store, actor, "plan.consider", school, "plan", plan,
                    f"{meeting}#{item} {outcome.value}")
        return record

    def revise(self, actor: Actor, school: str, plan: str) -> CalendarPlan:
        """Teacher: take a returned plan back to draft to work on the remarks."""
        with self._write(actor, school) as store:
            record = found(store.get_plan(school, plan), "plan", plan)
            actor.require(Action.EDIT_PLAN, {record.teacher}, plan)
            before = record.status
            workflow.revise(record)
            store.save_plan(school, record)
            self._event(store, actor, school, record, "revise", before, record.status)
            self._audit(store, actor, "plan.revise", school, "plan", plan, "")
        return record

    def agree(self, actor: Actor, school: str, plan: str, on: date | None = None,
              signer: Signer | None = None) -> CalendarPlan:
        """Deputy director: КЕЛІСІЛДІ / СОГЛАСОВАНО (school practice, where the school keeps it)."""
        return self.agree_many(actor, school, [plan], on, signer)[0]

    def approve(self, actor: Actor, school: str, plan: str, on: date | None = None,
                signer: Signer | None = None) -> CalendarPlan:
        """Director: БЕКІТЕМІН / УТВЕРЖДАЮ (п. 26); the plan is locked from then on."""
        return self.approve_many(actor, school, [plan], on, signer)[0]

    def agree_many(self, actor: Actor, school: str, plans: builtins.list[str],
                   on: date | None = None, signer: Signer | None = None) -> builtins.list[CalendarPlan]:
        """Bulk agreement in one transaction: all or nothing, so a refusal names the plan that
        stopped it and no plan before it stays agreed. ``signer``: who signed (the school's
        deputy director when None)."""
        actor.require(Action.AGREE_PLAN, record=plans[0] if plans else None)
        with self._write(actor, school) as store:
            return [self._agree(store, actor, school, plan, on, signer) for plan in plans]

    def approve_many(self, actor: Actor, school: str, plans: builtins.list[str],
                     on: date | None = None, signer: Signer | None = None) -> builtins.list[CalendarPlan]:
        """Bulk approval in one transaction: all or nothing, as ``agree_many``. ``signer``: who
        signed (the school's director when None; another teacher only as acting director)."""
        actor.require(Action.APPROVE_PLAN, record=plans[0] if plans else None)
        with self._write(actor, school) as store:
            return [self._approve(store, actor, school, plan, on, signer) for plan in plans]

    def _signer(self, store: Store, school: str, field: str, actor: Actor, signer: Signer | None) -> Signer:
        """Who signs: the one chosen (an acting official must be a teacher of the school), else the
        official on record."""
        if signer is None:
            return Signer(self._official(store, school, field, actor))
        found(store.get_teacher(school, signer.teacher), "teacher", signer.teacher)
        official = getattr(found(store.get_school(school), "school", school), field)
        if not signer.acting and official is not None and signer.teacher != official:
            message = (N_("{teacher} is not the director; record them as acting director (и.о.) to sign")
                       if field == "director" else
                       N_("{teacher} is not the deputy director; record them as acting (и.о.) to sign"))
            raise DomainError(Rule.PLAN_RECORD if field == "director" else Rule.AGREEMENT, message,
                              {"teacher": signer.teacher}, record=school, field=field)
        return signer

    def _agree(self, store: Store, actor: Actor, school: str, plan: str, on: date | None,
               signer: Signer | None = None) -> CalendarPlan:
        record = found(store.get_plan(school, plan), "plan", plan)
        keeps = found(store.get_school(school), "school", school).deputy_agreement
        deputy = self._signer(store, school, "deputy_director", actor, signer)
        meeting_date = date.min
        if record.review is not None:
            meeting_date = found(store.get_meeting(school, record.review.meeting), "meeting",
                                 record.review.meeting).date
        before = record.status
        workflow.agree(record, Approval(deputy.teacher, on or self.today(), deputy.acting), meeting_date, keeps)
        store.save_plan(school, record)
        self._event(store, actor, school, record, "agree", before, record.status)
        self._audit(store, actor, "plan.agree", school, "plan", plan, str(record.agreed))
        return record

    def _approve(self, store: Store, actor: Actor, school: str, plan: str, on: date | None,
                 signer: Signer | None = None) -> CalendarPlan:
        record = found(store.get_plan(school, plan), "plan", plan)
        keeps = found(store.get_school(school), "school", school).deputy_agreement
        director = self._signer(store, school, "director", actor, signer)
        review_date = None
        if record.review is not None:
            review_date = found(store.get_meeting(school, record.review.meeting), "meeting",
                                record.review.meeting).date
        before = record.status
        workflow.approve(record, Approval(director.teacher, on or self.today(), director.acting), review_date,
                         keeps)
        store.save_plan(school, record)
        self._event(store, actor, school, record, "approve", before, record.status)
        self._audit(store, actor, "plan.approve", school, "plan", plan, str(record.approved))
        return record

    def new_version(self, actor: Actor, school: str, plan: str, reason: str) -> CalendarPlan:
        """A change after approval: the approved version is kept in the history, the plan runs the
        path again from draft (rule 5)."""
        if not reason.strip():
            raise DomainError(Rule.LOCKED_RECORD, N_("A new version of a plan needs a reason"),
                              record=plan, field="reason")
        with self._write(actor, school) as store:
            record = found(store.get_plan(school, plan), "plan", plan)
            actor.require(Action.EDIT_PLAN, {record.teacher}, plan)
            if record.status is not PlanStatus.APPROVED:
                raise DomainError(Rule.LOCKED_RECORD, N_("Only an approved plan gets a new version"),
                                  record=plan, field="status")
            snapshot = json.dumps({"version": record.version, "review": str(record.review),
                                   "agreed": str(record.agreed), "approved": str(record.approved)},
                                  ensure_ascii=False)
            before = record.status
            record.version += 1
            record.status = PlanStatus.DRAFT
            record.review = record.agreed = record.approved = None
            store.save_plan(school, record)
            self._event(store, actor, school, record, "new_version", before, record.status,
                        f"{reason.strip()} | {snapshot}")
            self._audit(store, actor, "plan.new_version", school, "plan", plan, reason.strip())
        return record

    # Helpers ------------------------------------------------------------------------------------
    @staticmethod
    def _submitted_on(store: Store, school: str, plan: str) -> date | None:
        """The day of the plan's latest submission (rule 6: a review is not dated before it);
        None for a plan that came in submitted (an exchange import has no such history)."""
        days = [e.at.date() for e in store.plan_events(school, plan) if e.to_status == PlanStatus.SUBMITTED.value]
        return days[-1] if days else None

    def _official(self, store: Store, school: str, field: str, actor: Actor) -> str:
        record = found(store.get_school(school), "school", school)
        official: str | None = getattr(record, field)
        if official is None:
            official = actor.teacher
        if official is None:
            message = (N_("The school has no director on record") if field == "director"
                       else N_("The school has no deputy director on record"))
            raise DomainError(Rule.PLAN_RECORD, message, record=school, field=field)
        return official

    def _event(self, store: Store, actor: Actor, school: str, plan: CalendarPlan, action: str,
               before: PlanStatus, after: PlanStatus, note: str | None = None) -> None:
        store.add_plan_event(school, PlanEvent(plan.id, self._clock(), actor.login, action,
                                               before.value, after.value, note))
