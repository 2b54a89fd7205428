"""Members of an inter-school association from other schools of the district database (п. 21):
kept as references to the other school's teacher, never as copies of staff records.

Reading them is for anyone who reads the association's school; adding and removing them is for an
administrator of every school (the district's), who alone sees the other schools' staff."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from desktop_app.domain.accounts import ADD_GUEST_MEMBERS, ROLE_LABELS, Action, Actor
from desktop_app.domain.district import GuestMember, guest_member_errors
from desktop_app.domain.errors import N_, DomainError, PermissionDenied, Rule
from desktop_app.i18n import current_language
from desktop_app.services.base import Service, found, raise_first
from desktop_app.storage.guest_members import add_guest, district_teachers, list_guests, remove_guest, teacher_names

__all__ = ["GuestMember", "GuestMemberService"]


class GuestMemberService(Service):
    def list(self, actor: Actor, school: str, association: str) -> list[GuestMember]:
        with self._read(actor, school) as store:
            found(store.get_association(school, association), "association", association)
            return list_guests(store.session, school, association, current_language())

    @staticmethod
    def _require_district(actor: Actor, association: str) -> None:
        actor.require(Action.EDIT_ASSOCIATION, record=association)
        if actor.school is not None:
            raise PermissionDenied(ADD_GUEST_MEMBERS, ROLE_LABELS[actor.role], association)

    def names(self, actor: Actor, school: str,
              keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
        """(school, teacher) → (full name, school's name) of teachers of other schools that the
        school's protocols refer to, where the database still knows them (empty where not): how a
        protocol names a member whose membership has gone since, as its printed copy does."""
        with self._read(actor, school) as store:
            return teacher_names(store.session, keys, current_language())

    def candidates(self, actor: Actor, school: str) -> builtins.list[GuestMember]:
        """The active teachers of the other schools (an account of every school only)."""
        self._require_district(actor, school)
        with self._read(actor, school) as store:
            return district_teachers(store.session, school, current_language())

    def add(self, actor: Actor, school: str, association: str, member_school: str, teacher: str,
            since: date | None = None, until: date | None = None) -> GuestMember:
        self._require_district(actor, association)
        member = GuestMember(member_school, teacher, since, until)
        with self._write(actor, school) as store:
            body = found(store.get_association(school, association), "association", association)
            found(store.get_school(member_school), "school", member_school)
            person = found(store.get_teacher(member_school, teacher), "teacher", teacher)
            raise_first(guest_member_errors(body, school, replace(member, name=person.full_name)))
            if any(g.school == member_school and g.teacher == teacher
                   for g in list_guests(store.session, school, association)):
                raise DomainError(Rule.UNIQUE_ID, N_("{teacher} is already a member"),
                                  {"teacher": person.full_name}, record=association, field="guest_members")
            add_guest(store.session, school, association, member)
            self._audit(store, actor, "association.guest_add", school, "association", association,
                        f"{member_school}/{teacher}")
        return replace(member, name=person.full_name)

    def remove(self, actor: Actor, school: str, association: str, member_school: str, teacher: str) -> None:
        self._require_district(actor, association)
        with self._write(actor, school) as store:
            found(store.get_association(school, association), "association", association)
            if not remove_guest(store.session, school, association, member_school, teacher):
                name = teacher_names(store.session, [(member_school, teacher)])[(member_school, teacher)][0]
                if not name:
                    raise DomainError(Rule.REFERENCE, N_("A teacher who is no longer in the database is not a "
                                                         "member of the association"),
                                      record=association, field="guest_members")
                raise DomainError(Rule.REFERENCE, N_("{teacher} is not a member"), {"teacher": name},
                                  record=association, field="guest_members")
            self._audit(store, actor, "association.guest_remove", school, "association", association,
                        f"{member_school}/{teacher}")
