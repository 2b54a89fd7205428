"""Associations (МО / ӘБ) and the methodical council: membership, officers, annual work plan."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from copy import deepcopy
from dataclasses import replace
from datetime import date

from desktop_app.domain.accounts import Action, Actor
from desktop_app.domain.associations import (
    Composition,
    composition,
    creation_errors,
    ensure_work_plan_approvable,
    ensure_work_plan_editable,
    head_choice_errors,
    membership_errors,
    officer_errors,
    work_plan_errors,
)
from desktop_app.domain.entities import Approval, Association, Membership, Signer, WorkPlan
from desktop_app.domain.errors import N_, DomainError, Msg, Rule
from desktop_app.domain.work_plan_marks import unapproved_mark_errors
from desktop_app.services.base import Service, found, raise_first
from desktop_app.storage.store import Store


class AssociationService(Service):
    def list(self, actor: Actor, school: str, academic_year: str | None = None) -> list[Association]:
        with self._read(actor, school) as store:
            return store.associations_of(school, academic_year)

    def get(self, actor: Actor, school: str, association: str) -> Association:
        with self._read(actor, school) as store:
            return found(store.get_association(school, association), "association", association)

    def composition(self, actor: Actor, school: str, association: Association,
                    on: date | None = None) -> Composition:
        """Rule 1 as a count for a live display ("2 of 3 required teachers of one subject")."""
        with self._read(actor, school) as store:
            year = found(store.get_academic_year(school, association.academic_year),
                         "academic year", association.academic_year)
            teachers = {t.id: t for t in store.list_teachers(school)}
        return composition(association, teachers, year.window, on)

    def compositions(self, actor: Actor, school: str, associations: Sequence[Association],
                     on: date | None = None) -> builtins.list[Composition]:
        """``composition`` of each association, in one read (a list of a year's associations)."""
        with self._read(actor, school) as store:
            teachers = {t.id: t for t in store.list_teachers(school)}
            years = {y.id: y for y in store.list_academic_years(school)}
        return [composition(a, teachers, found(years.get(a.academic_year), "academic year", a.academic_year).window,
                            on) for a in associations]

    def _check(self, store: Store, school: str, association: Association, creating: bool = False) -> None:
        year = found(store.get_academic_year(school, association.academic_year), "academic year",
                     association.academic_year)
        record = found(store.get_school(school), "school", school)
        teachers = {t.id: t for t in store.list_teachers(school)}
        for teacher in [association.head, association.secretary,
                        *(m.teacher for m in association.members)]:
            if teacher is not None and teacher not in teachers:
                raise DomainError(Rule.REFERENCE, N_("Not found: {kind} {id}"),
                                  {"kind": Msg("teacher"), "id": teacher}, record=association.id,
                                  field="members")
        for subject in association.subjects:
            found(store.get_subject(school, subject), "subject", subject)
        raise_first(membership_errors(association))
        if creating:  # п. 23 is a condition of creation; later a shortfall is a warning
            raise_first(creation_errors(association, teachers, year.window))
        raise_first(officer_errors(association, year.window))
        raise_first(head_choice_errors(association))
        choice = association.head_choice
        if choice is not None and choice.meeting is not None:
            elected = found(store.get_meeting(school, choice.meeting), "meeting", choice.meeting)
            if elected.item(choice.item or 0) is None:
                raise DomainError(Rule.REFERENCE, N_("Meeting {meeting} has no agenda item {item}"),
                                  {"meeting": choice.meeting, "item": choice.item},
                                  record=association.id, field="head_choice.item")
        raise_first(work_plan_errors(association, record, year.window))
        raise_first(unapproved_mark_errors(association))

    def save(self, actor: Actor, school: str, association: Association) -> Association:
        """Create (administrator) or edit (administrator, or the head of this association)."""
        with self._write(actor, school) as store:
            existing = store.get_association(school, association.id) if association.id else None
            if existing is None:
                actor.require(Action.MANAGE_ASSOCIATIONS)
                if not association.id:
                    association = replace(association, id=store.next_id(school, "associations", "mo"))
            else:
                actor.require(Action.EDIT_ASSOCIATION, {existing.head}, association.id)
                if existing.work_plan != association.work_plan:
                    ensure_work_plan_editable(existing)
                if existing.academic_year != association.academic_year and \
                        store.meetings_of(school, association.id):
                    raise DomainError(Rule.VALUE, N_("The association has meetings; its academic year "
                                                     "cannot change"), record=association.id,
                                      field="academic_year")
            before = existing.work_plan.approved if existing is not None and existing.work_plan else None
            if (association.work_plan.approved if association.work_plan else None) != before:
                raise DomainError(Rule.WORK_PLAN_APPROVAL,
                                  N_("Only the director approves the work plan (п. 28)"),
                                  record=association.id, field="work_plan.approved")
            self._check(store, school, association, creating=existing is None)
            if existing is not None:
                self._check_protocols(store, school, existing, association)
            store.save_association(school, association)
            self._audit(store, actor, "association.update" if existing else "association.create",
                        school, "association", association.id, association.name.get("ru"))
        return association

    @staticmethod
    def _check_protocols(store: Store, school: str, before: Association, after: Association) -> None:
        """Rule 4 stays true of the protocols already written: a membership that is removed, ended
        earlier or started later must still cover every meeting where the teacher is recorded."""
        if before.members == after.members:
            return
        for meeting in sorted(store.meetings_of(school, after.id), key=lambda m: m.date):
            named = {a.teacher for a in meeting.attendance} | {meeting.chair, meeting.secretary}
            for teacher in sorted(named):
                if before.is_member(teacher, meeting.date) and not after.is_member(teacher, meeting.date):
                    raise DomainError(
                        Rule.MEETING_ATTENDANCE,
                        N_("{teacher} is recorded in the protocol No. {number} of {date}; the membership "
                           "must cover that day"),
                        {"teacher": teacher, "number": meeting.number, "date": meeting.date},
                        record=after.id, field="members")

    def add_member(self, actor: Actor, school: str, association: str, teacher: str,
                   since: date | None = None) -> Association:
        with self._write(actor, school) as store:
            record = found(store.get_association(school, association), "association", association)
            actor.require(Action.EDIT_ASSOCIATION, {record.head}, association)
            found(store.get_teacher(school, teacher), "teacher", teacher)
            record.members.append(Membership(teacher, since or self.today(), None))
            self._check(store, school, record)
            store.save_association(school, record)
            self._audit(store, actor, "association.member_add", school, "association", association,
                        teacher)
        return record

    def end_membership(self, actor: Actor, school: str, association: str, teacher: str,
                       until: date) -> Association:
        """A member leaves on ``until``. Rule 1 (п. 23) is a condition of creation: an association
        left with fewer teachers is not refused but warned of (``short_today``, the Overview)."""
        with self._write(actor, school) as store:
            record = found(store.get_association(school, association), "association", association)
            actor.require(Action.EDIT_ASSOCIATION, {record.head}, association)
            current = [m for m in record.members if m.teacher == teacher and m.until is None]
            if not current:
                raise DomainError(Rule.REFERENCE, N_("{teacher} is not a current member of {association}"),
                                  {"teacher": teacher, "association": association},
                                  record=association, field="members")
            if teacher in (record.head, record.secretary):
                raise DomainError(Rule.HEAD_AND_SECRETARY_ARE_MEMBERS,
                                  N_("{teacher} is the head or the secretary; appoint another first"),
                                  {"teacher": teacher}, record=association, field="members")
            before = deepcopy(record)
            current[0].until = until
            self._check_protocols(store, school, before, record)
            raise_first(membership_errors(record))
            store.save_association(school, record)
            self._audit(store, actor, "association.member_end", school, "association", association,
                        f"{teacher} {until}")
        return record

    def save_work_plan(self, actor: Actor, school: str, association: str, plan: WorkPlan,
                       revision: int = 0) -> Association:
        """The work plan of the association; ``revision`` is the association's revision when the
        plan was opened (0: not checked): a plan saved meanwhile by someone else is a ConflictError."""
        with self._write(actor, school) as store:
            record = found(store.get_association(school, association), "association", association)
            record.revision = revision or record.revision
            actor.require(Action.EDIT_ASSOCIATION, {record.head}, association)
            ensure_work_plan_editable(record)
            if plan.approved is not None:
                raise DomainError(Rule.WORK_PLAN_APPROVAL,
                                  N_("Only the director approves the work plan (п. 28)"),
                                  record=association, field="work_plan.approved")
            record.work_plan = plan
            self._check(store, school, record)
            store.save_association(school, record)
            self._audit(store, actor, "work_plan.save", school, "association", association,
                        str(len(plan.items)))
        return record

    def approve_work_plan(self, actor: Actor, school: str, association: str, on: date,
                          signer: Signer | None = None) -> Association:
        """Rule 9 (п. 28): the director approves; the plan is then locked. ``by``: who signed (the
        school's director when None; another teacher only as acting director)."""
        by, acting = (signer.teacher, signer.acting) if signer else (None, False)
        actor.require(Action.APPROVE_WORK_PLAN, record=association)
        with self._write(actor, school) as store:
            record = found(store.get_association(school, association), "association", association)
            ensure_work_plan_approvable(record)
            assert record.work_plan is not None
            director = by or found(store.get_school(school), "school", school).director
            if director is None:
                raise DomainError(Rule.WORK_PLAN_APPROVAL, N_("The school has no director on record"),
                                  record=school, field="director")
            found(store.get_teacher(school, director), "teacher", director)
            record.work_plan.approved = Approval(director, on, acting)
            self._check(store, school, record)
            store.save_association(school, record)
            self._audit(store, actor, "work_plan.approve", school, "association", association, str(on))
        return record

    def copy_to_year(self, actor: Actor, school: str, source_year: str, target_year: str) -> builtins.list[Association]:
        """August: last year's associations, members and officers, in the new year (no work plans)."""
        actor.require(Action.MANAGE_ASSOCIATIONS)
        created = []
        with self._write(actor, school) as store:
            target = found(store.get_academic_year(school, target_year), "academic year", target_year)
            found(store.get_academic_year(school, source_year), "academic year", source_year)
            teachers = {t.id: t for t in store.list_teachers(school)}
            start = target.window[0]
            taken = {a.id for a in store.list_associations(school)}
            for old in store.associations_of(school, source_year):
                members = [Membership(m.teacher, start, None) for m in old.members
                           if m.until is None and teachers.get(m.teacher) and teachers[m.teacher].active]
                new_id = f"{old.id}-{target.start.year}"
                while new_id in taken:
                    new_id += "x"
                taken.add(new_id)
                new = replace(old, id=new_id, academic_year=target_year, members=members, work_plan=None,
                              subjects=list(old.subjects))
                if new.head not in {m.teacher for m in members}:
                    continue  # the head left: the administrator sets this one up by hand
                if new.secretary not in {m.teacher for m in members}:
                    new.secretary = None
                try:
                    self._check(store, school, new, creating=True)
                except DomainError:
                    continue  # e.g. fewer than 3 teachers stayed (п. 23): set up by hand
                store.save_association(school, new)
                created.append(new)
                self._audit(store, actor, "association.copy", school, "association", new.id, old.id)
        return created
