"""Rule 8: mentorships."""

from __future__ import annotations

from desktop_app.domain.entities import AcademicYear, Mentorship, MentorshipStatus
from desktop_app.domain.errors import N_, DomainError, Rule

#: A teacher is new to the profession during the first three years (suggestions, issue 7).
YOUNG_SPECIALIST_YEARS = 3


def mentorship_errors(mentorship: Mentorship, year: AcademicYear) -> list[DomainError]:
    """The mentor is not the mentee; the period lies inside the academic year window."""
    errors = []
    if mentorship.mentor == mentorship.mentee:
        errors.append(DomainError(
            Rule.MENTORSHIP, N_("The mentor and the mentee are the same teacher {teacher}"),
            {"teacher": mentorship.mentor}, record=mentorship.id, field="mentee",
        ))
    first, last = year.window
    if mentorship.end < mentorship.start:
        errors.append(DomainError(
            Rule.MENTORSHIP, N_("The mentorship ends ({end}) before it starts ({start})"),
            {"start": mentorship.start, "end": mentorship.end},
            record=mentorship.id, field="end",
        ))
    for name, day in (("start", mentorship.start), ("end", mentorship.end)):
        if not first <= day <= last:
            errors.append(DomainError(
                Rule.MENTORSHIP,
                N_("{date} is outside the academic year {year} ({first} – {last})"),
                {"date": day, "year": year.id, "first": first,
                 "last": last},
                record=mentorship.id, field=name,
            ))
    return errors


def ensure_mentorship_open(mentorship: Mentorship) -> None:
    """A completed or cancelled mentorship is part of the record and is not changed."""
    if mentorship.status is not MentorshipStatus.ACTIVE:
        raise DomainError(
            Rule.LOCKED_RECORD, N_("The mentorship {id} is closed and can no longer be changed"),
            {"id": mentorship.id}, record=mentorship.id,
        )
