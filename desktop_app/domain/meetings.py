"""Rules 3, 4 and 5: numbering and dates of meetings, who attends, votes, locked protocols."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Protocol

from desktop_app.domain.entities import (
    AcademicYear,
    AgendaItem,
    Association,
    CalendarPlan,
    Meeting,
    MeetingStatus,
    PlanStatus,
)
from desktop_app.domain.errors import N_, DomainError, Msg, Rule
from desktop_app.domain.labels import MEETING_STATUS_LABELS


def numbering_errors(meetings: Iterable[Meeting]) -> list[DomainError]:
    """Rule 3: the meetings of one body in one academic year are numbered 1, 2, 3 ... in date order."""
    ordered = sorted(meetings, key=lambda m: (m.number, m.date, m.id))
    errors: list[DomainError] = []
    counts = Counter(m.number for m in ordered)
    for meeting in ordered:
        if counts[meeting.number] > 1:
            errors.append(DomainError(
                Rule.MEETING_NUMBERING, N_("Meeting number {number} is repeated in {body}"),
                {"number": meeting.number, "body": meeting.body},
                record=meeting.id, field="number",
            ))
    numbers = sorted(counts)
    for expected, meeting_number in enumerate(numbers, start=1):
        if meeting_number != expected:
            meeting = next(m for m in ordered if m.number == meeting_number)
            errors.append(DomainError(
                Rule.MEETING_NUMBERING,
                N_("Meeting number {number} of {body} leaves a gap: number {expected} is missing"),
                {"number": meeting_number, "body": meeting.body, "expected": expected},
                record=meeting.id, field="number",
            ))
            break
    for earlier, later in itertools.pairwise(ordered):
        if later.number > earlier.number and later.date < earlier.date:
            errors.append(DomainError(
                Rule.MEETING_NUMBERING,
                N_("Meeting No. {number} ({date}) is dated before meeting No. {previous} ({previous_date})"),
                {"number": later.number, "date": later.date,
                 "previous": earlier.number, "previous_date": earlier.date},
                record=later.id, field="date",
            ))
    return errors


def next_number(meetings: Iterable[Meeting]) -> int:
    """The number the next meeting of the body gets in the year."""
    return max((m.number for m in meetings), default=0) + 1


def date_errors(meeting: Meeting, year: AcademicYear) -> list[DomainError]:
    """Rule 3: the date falls within the academic year (1 August to 31 July)."""
    first, last = year.window
    if first <= meeting.date <= last:
        return []
    return [DomainError(
        Rule.MEETING_NUMBERING,
        N_("{date} is outside the academic year {year} ({first} – {last})"),
        {"date": meeting.date, "year": year.id, "first": first,
         "last": last},
        record=meeting.id, field="date",
    )]


def attendance_errors(meeting: Meeting, body: Association) -> list[DomainError]:
    """Rule 4: chair and secretary are present members; attendees are members on the date;
    a vote counts no more people than are present."""
    errors: list[DomainError] = []
    day = meeting.date
    listed = Counter(a.teacher for a in meeting.attendance)
    for teacher, count in listed.items():
        if count > 1:
            errors.append(DomainError(
                Rule.MEETING_ATTENDANCE, N_("{teacher} is listed twice in the attendance"),
                {"teacher": teacher}, record=meeting.id, field="attendance",
            ))
    for entry in meeting.attendance:
        if not body.is_member(entry.teacher, day):
            errors.append(DomainError(
                Rule.MEETING_ATTENDANCE,
                N_("{teacher} is not a member of {body} on {date}"),
                {"teacher": entry.teacher, "body": body.id, "date": day},
                record=meeting.id, field="attendance",
            ))
    present = {a.teacher for a in meeting.attendance if a.present}
    for role, teacher, message_member, message_present in (
        ("chair", meeting.chair, N_("The chair {teacher} is not a member of {body} on {date}"),
         N_("The chair {teacher} is not marked present")),
        ("secretary", meeting.secretary,
         N_("The secretary {teacher} is not a member of {body} on {date}"),
         N_("The secretary {teacher} is not marked present")),
    ):
        params = {"teacher": teacher, "body": body.id, "date": day}
        if not body.is_member(teacher, day):
            errors.append(DomainError(
                Rule.MEETING_ATTENDANCE, message_member, params, record=meeting.id, field=role
            ))
        elif teacher not in present:
            errors.append(DomainError(
                Rule.MEETING_ATTENDANCE, message_present, params, record=meeting.id, field=role
            ))
    for item in meeting.agenda:
        errors += vote_errors(item, meeting.present_count, meeting.id)
    return errors


def vote_errors(item: AgendaItem, present: int, meeting: str = "") -> list[DomainError]:
    """Rule 4: the vote on an item counts no more people than are present (the editor asks as
    the user types, the service on save)."""
    if item.vote is None or item.vote.total <= present:
        return []
    return [DomainError(
        Rule.MEETING_ATTENDANCE,
        N_("Item {item}: {votes} votes counted but only {present} present"),
        {"item": item.number, "votes": item.vote.total, "present": present},
        record=meeting, field=f"agenda.{item.number}.vote",
    )]


def reviewable_plans(plans: Iterable[CalendarPlan], body: Association, meeting: str | None) -> list[CalendarPlan]:
    """The plans a meeting of ``body`` may consider (п. 26): those of its members that are
    submitted and wait for the association, and those this meeting has already considered."""
    members = set(body.member_ids())
    return [p for p in plans if p.teacher in members and (
        p.status is PlanStatus.SUBMITTED
        or (bool(meeting) and p.review is not None and p.review.meeting == meeting))]


#: The parts of an agenda item where people speak, as the protocol heads them.
SPEECH_PARTS = {"heard": N_("HEARD"), "spoke": N_("SPOKE")}


def absent_speakers(meeting: Meeting, body: Association) -> list[tuple[str, DomainError]]:
    """Rule 4: a member of the body who speaks (HEARD or SPOKE) is marked present at the meeting;
    otherwise the protocol lists her both as absent and as speaking. Invited guests and teachers
    who are not members of the body may speak. Each error comes with its exchange path
    (``.agenda[0].spoke[1].speaker``)."""
    present = {a.teacher for a in meeting.attendance if a.present}
    found: list[tuple[str, DomainError]] = []
    for j, item in enumerate(meeting.agenda):
        for part, speeches in (("heard", item.heard), ("spoke", item.spoke)):
            for k, speech in enumerate(speeches):
                speaker = speech.speaker
                if not isinstance(speaker, str) or speaker in present:
                    continue
                if not body.is_member(speaker, meeting.date):
                    continue
                found.append((f".agenda[{j}].{part}[{k}].speaker", DomainError(
                    Rule.MEETING_ATTENDANCE,
                    N_("Item {item}: {teacher} speaks under {part} but is not marked present; "
                       "a member who speaks must be present"),
                    {"item": item.number, "teacher": speaker, "part": Msg(SPEECH_PARTS[part])},
                    record=meeting.id, field=f"agenda.{item.number}.{part}",
                )))
    return found


def speaker_errors(meeting: Meeting, body: Association) -> list[DomainError]:
    """Rule 4 for the speakers: see :func:`absent_speakers`."""
    return [error for _path, error in absent_speakers(meeting, body)]


class ProtocolHeading(Protocol):
    """What tells whether a protocol gives extracts: a whole meeting or a list's heading of one."""

    @property
    def id(self) -> str: ...
    @property
    def number(self) -> int: ...
    @property
    def status(self) -> MeetingStatus: ...


def ensure_extract_allowed(meeting: ProtocolHeading) -> None:
    """An extract certifies «Выписка верна» / «Үзінді дұрыс»: it is issued only from a finalized
    protocol (rule 5), never from a draft printed under the ПРОЕКТ mark."""
    if meeting.status is not MeetingStatus.FINALIZED:
        raise DomainError(
            Rule.LOCKED_RECORD,
            N_("The protocol No. {number} ({id}) is {status}; an extract is issued only from a "
               "finalized protocol, so finalize it first"),
            {"number": meeting.number, "id": meeting.id,
             "status": Msg(MEETING_STATUS_LABELS[meeting.status])},
            record=meeting.id, field="status",
        )


def agenda_errors(meeting: Meeting) -> list[DomainError]:
    """Agenda items are numbered 1, 2, 3 ... and each has at least one decision."""
    errors: list[DomainError] = []
    numbers = [i.number for i in meeting.agenda]
    if sorted(numbers) != list(range(1, len(numbers) + 1)):
        errors.append(DomainError(
            Rule.VALUE, N_("Agenda items must be numbered 1 to {count} without gaps or repeats"),
            {"count": len(numbers)}, record=meeting.id, field="agenda",
        ))
    for item in meeting.agenda:
        if not [d for d in item.decisions if d.strip()]:
            errors.append(DomainError(
                Rule.VALUE, N_("Item {item} has no decision"),
                {"item": item.number}, record=meeting.id, field=f"agenda.{item.number}.decisions",
            ))
    return errors


def ensure_editable(meeting: Meeting) -> None:
    """Rule 5: a finalized protocol is locked; a correction is a new version."""
    if meeting.status is MeetingStatus.FINALIZED:
        raise DomainError(
            Rule.LOCKED_RECORD,
            N_("The protocol No. {number} ({id}) is finalized and locked; make a new version to correct it"),
            {"number": meeting.number, "id": meeting.id}, record=meeting.id,
        )


_STATUS_ORDER = [MeetingStatus.DRAFT, MeetingStatus.HELD, MeetingStatus.FINALIZED]


def ensure_status_change(meeting: Meeting, new: MeetingStatus) -> None:
    """Status moves forward only: draft → held → finalized."""
    ensure_editable(meeting)
    if _STATUS_ORDER.index(new) < _STATUS_ORDER.index(meeting.status):
        raise DomainError(
            Rule.LOCKED_RECORD, N_("A meeting that was {old} cannot go back to {new}"),
            {"old": Msg(MEETING_STATUS_LABELS[meeting.status]), "new": Msg(MEETING_STATUS_LABELS[new])},
            record=meeting.id, field="status",
        )


def meeting_day_errors(meeting: Meeting, today: date) -> list[DomainError]:
    """A meeting that is marked held or finalized has taken place."""
    if meeting.status is not MeetingStatus.DRAFT and meeting.date > today:
        return [DomainError(
            Rule.VALUE, N_("The meeting of {date} has not taken place yet"),
            {"date": meeting.date}, record=meeting.id, field="status",
        )]
    return []
