"""The district database (п. 16, 17, 21): members of an inter-school association who are teachers of
another school of the same database, referred to and never copied."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.entities import Association, AssociationKind, Meeting
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.domain.rules_253 import cite


@dataclass(frozen=True)
class GuestMember:
    """A member from another school: that school and its teacher, with the dates of membership;
    ``name`` and ``school_name`` are read with it (empty when that teacher is no longer there)."""

    school: str
    teacher: str
    since: date | None = None
    until: date | None = None
    name: str = ""
    school_name: str = ""


def guest_member_errors(association: Association, own_school: str, member: GuestMember) -> list[DomainError]:
    """Only an inter-school association keeps members of other schools (п. 21); a teacher of the
    association's own school joins it as an ordinary member; the dates are in order."""
    errors: list[DomainError] = []
    if association.kind is not AssociationKind.INTER_SCHOOL:
        errors.append(DomainError(
            Rule.ASSOCIATION_COMPOSITION,
            N_("Only an inter-school association has members from other schools ({paragraph})"),
            {"paragraph": cite("21")}, record=association.id, field="guest_members"))
    if member.school == own_school:
        errors.append(DomainError(
            Rule.VALUE, N_("{teacher} is a teacher of this school: add them as a member"),
            {"teacher": member.teacher}, record=association.id, field="guest_members"))
    if member.since is not None and member.until is not None and member.until < member.since:
        errors.append(DomainError(
            Rule.VALUE, N_("The membership ends ({end}) before it starts ({start})"),
            {"start": member.since, "end": member.until}, record=association.id, field="until"))
    return errors


def member_on(member: GuestMember, day: date) -> bool:
    """Whether the membership covers ``day`` (open ends: since ever, until now)."""
    return (member.since is None or member.since <= day) and (member.until is None or day <= member.until)


def guest_attendance_errors(meeting: Meeting, guests: list[GuestMember]) -> list[DomainError]:
    """A meeting marks present or absent only its association's members from other schools on its
    date (п. 21), each once."""
    members = {(g.school, g.teacher): g for g in guests if member_on(g, meeting.date)}
    errors: list[DomainError] = []
    seen: set[tuple[str, str]] = set()
    for mark in meeting.guest_attendance:
        key = (mark.school, mark.teacher)
        if key not in members:
            errors.append(DomainError(
                Rule.REFERENCE, N_("The teacher {member} of school {school} is not this association's member from "
                                   "another school on {date} ({paragraph})"),
                {"member": mark.teacher, "school": mark.school, "date": meeting.date, "paragraph": cite("21")},
                record=meeting.id or None, field="guest_attendance"))
        elif key in seen:
            errors.append(DomainError(
                Rule.UNIQUE_ID, N_("The member from another school {member} is marked twice"),
                {"member": members[key].name or mark.teacher},
                record=meeting.id or None, field="guest_attendance"))
        seen.add(key)
    return errors
