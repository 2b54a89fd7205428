"""The district database (п. 16, 17, 21): members of an inter-school association who are teachers of
another school of the same database, referred to and never copied."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from desktop_app.domain.entities import Association, AssociationKind, GuestSpeaker, Meeting
from desktop_app.domain.errors import N_, DomainError, Msg, Rule
from desktop_app.domain.labels import UNKNOWN_SCHOOL, UNKNOWN_TEACHER
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
    association's own school joins it as an ordinary member; the dates are in order. The member's
    ``name`` names them in a refusal."""
    errors: list[DomainError] = []
    if association.kind is not AssociationKind.INTER_SCHOOL:
        errors.append(DomainError(
            Rule.ASSOCIATION_COMPOSITION,
            N_("Only an inter-school association has members from other schools ({paragraph})"),
            {"paragraph": cite("21")}, record=association.id, field="guest_members"))
    if member.school == own_school:
        errors.append(DomainError(
            Rule.VALUE, N_("{teacher} is a teacher of this school: add them as a member"),
            {"teacher": member.name or member.teacher}, record=association.id, field="guest_members"))
    if member.since is not None and member.until is not None and member.until < member.since:
        errors.append(DomainError(
            Rule.VALUE, N_("The membership ends ({end}) before it starts ({start})"),
            {"start": member.since, "end": member.until}, record=association.id, field="until"))
    return errors


def member_on(member: GuestMember, day: date) -> bool:
    """Whether the membership covers ``day`` (open ends: since ever, until now)."""
    return (member.since is None or member.since <= day) and (member.until is None or day <= member.until)


#: (school, teacher) → (the teacher's full name, the school's name), either empty when not known.
GuestNames = Mapping[tuple[str, str], tuple[str, str]]

def guest_names(guests: list[GuestMember]) -> dict[tuple[str, str], tuple[str, str]]:
    """The names a refusal gives for these members from other schools."""
    return {(g.school, g.teacher): (g.name, g.school_name) for g in guests}


def named(names: GuestNames, school: str, teacher: str, recorded: str = "") -> dict[str, str]:
    """``member`` and ``school`` as a refusal names them: by name, else the name recorded with the
    speech, else in words that say the record is gone (never an id)."""
    name, school_name = names.get((school, teacher), ("", ""))
    return {"member": name or recorded or Msg(UNKNOWN_TEACHER), "school": school_name or Msg(UNKNOWN_SCHOOL)}


def guest_attendance_errors(meeting: Meeting, guests: list[GuestMember],
                            names: GuestNames | None = None) -> list[DomainError]:
    """A meeting marks present or absent only its association's members from other schools on its
    date (п. 21), each once. ``names`` names the teachers who are not such members (read where
    they are still in the database)."""
    members = {(g.school, g.teacher): g for g in guests if member_on(g, meeting.date)}
    known = {**guest_names(guests), **(names or {})}
    errors: list[DomainError] = []
    seen: set[tuple[str, str]] = set()
    for mark in meeting.guest_attendance:
        key = (mark.school, mark.teacher)
        if key not in members and not known.get(key, ("", ""))[0]:
            errors.append(DomainError(
                Rule.REFERENCE, N_("A teacher who is no longer in the database is marked as a member from another "
                                   "school on {date}; the mark cannot be kept ({paragraph})"),
                {"date": meeting.date, "paragraph": cite("21")}, record=meeting.id or None, field="guest_attendance"))
        elif key not in members:
            errors.append(DomainError(
                Rule.REFERENCE, N_("The teacher {member} ({school}) is not this association's member from "
                                   "another school on {date} ({paragraph})"),
                {**named(known, mark.school, mark.teacher), "date": meeting.date, "paragraph": cite("21")},
                record=meeting.id or None, field="guest_attendance"))
        elif key in seen:
            errors.append(DomainError(
                Rule.UNIQUE_ID, N_("The member from another school {member} is marked twice"),
                {"member": named(known, mark.school, mark.teacher)["member"]},
                record=meeting.id or None, field="guest_attendance"))
        seen.add(key)
    return errors


def guest_speaker_errors(meeting: Meeting, guests: list[GuestMember],
                         names: GuestNames | None = None) -> list[DomainError]:
    """Rule 4 and п. 21 for a member from another school who speaks: see :func:`guest_speakers`."""
    return [error for _path, error in guest_speakers(meeting, guests, names)]


def guest_speakers(meeting: Meeting, guests: list[GuestMember] | None,
                   names: GuestNames | None = None) -> list[tuple[str, DomainError]]:
    """Rule 4 and п. 21 for a member from another school who speaks (HEARD or SPOKE): they are the
    association's member from another school on the meeting's date (not asked with ``guests``
    None: an exchange document carries no memberships) and are marked present, as the school's own
    members who speak are (a protocol must not list someone as speaking who is absent, or not
    counted among those present and voting). Each error with its exchange path."""
    members = {(g.school, g.teacher) for g in guests or [] if member_on(g, meeting.date)}
    absent = {(g.school, g.teacher) for g in meeting.guest_attendance if not g.present}
    present = {(g.school, g.teacher) for g in meeting.guest_attendance if g.present}
    known = {**guest_names(guests or []), **(names or {})}
    parts = {"heard": N_("HEARD"), "spoke": N_("SPOKE")}
    found: list[tuple[str, DomainError]] = []
    for j, item in enumerate(meeting.agenda):
        for part, speeches in (("heard", item.heard), ("spoke", item.spoke)):
            for k, speech in enumerate(speeches):
                speaker = speech.speaker
                if not isinstance(speaker, GuestSpeaker):
                    continue
                key = (speaker.school, speaker.teacher)
                params = {"item": item.number, "part": Msg(parts[part]), "paragraph": cite("21"),
                          **named(known, *key, speaker.name)}
                where = {"record": meeting.id or None, "field": f"agenda.{item.number}.{part}"}
                path = f".agenda[{j}].{part}[{k}].speaker"
                if guests is not None and key not in members:
                    found.append((path, DomainError(
                        Rule.MEETING_ATTENDANCE,
                        N_("Item {item}: {member} ({school}) speaks under {part} but is not this association's "
                           "member from another school on the meeting's date ({paragraph})"), params, **where)))
                elif key in absent:
                    found.append((path, DomainError(
                        Rule.MEETING_ATTENDANCE,
                        N_("Item {item}: {member} ({school}) speaks under {part} but is marked absent; "
                           "a member from another school who speaks must be present ({paragraph})"),
                        params, **where)))
                elif key not in present:
                    found.append((path, DomainError(
                        Rule.MEETING_ATTENDANCE,
                        N_("Item {item}: {member} ({school}) speaks under {part} but is not marked present; "
                           "a member from another school who speaks must be present ({paragraph})"),
                        params, **where)))
    return found
