"""Rules 3, 4 and 5: numbering and dates of meetings, attendance and votes, locked protocols."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.entities import AgendaItem, Attendance, MeetingStatus, Membership, Person, Speech, Vote
from desktop_app.domain.errors import DomainError, Rule
from desktop_app.domain.meetings import (
    absent_speakers,
    agenda_errors,
    attendance_errors,
    date_errors,
    ensure_editable,
    ensure_extract_allowed,
    ensure_status_change,
    next_number,
    numbering_errors,
    speaker_errors,
)

from .builders import association, d, item, meeting, where, wheres, year_2025

R3 = Rule.MEETING_NUMBERING
R4 = Rule.MEETING_ATTENDANCE


def series(*spec: tuple[int, str]):
    """Meetings m1, m2, ... of one body with the given (number, date)."""
    return [meeting(f"m{i}", number, d(day)) for i, (number, day) in enumerate(spec, start=1)]


# --- rule 3: numbering -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spec",
    [
        [],
        [(1, "2025-08-28")],
        [(1, "2025-08-28"), (2, "2025-11-05"), (3, "2026-01-15")],
        [(2, "2025-11-05"), (1, "2025-08-28")],  # listed out of order
        [(1, "2025-08-28"), (2, "2025-08-28")],  # two meetings on one day
    ],
    ids=["none", "one", "three", "unsorted-input", "same-day"],
)
def test_numbering_1_2_3_in_date_order_passes(spec):
    assert numbering_errors(series(*spec)) == []


@pytest.mark.parametrize(
    ("spec", "expected", "params"),
    [
        ([(1, "2025-08-28"), (3, "2025-11-05")], [(R3, "m2", "number")], {"expected": 2, "number": 3}),
        ([(2, "2025-08-28"), (3, "2025-11-05")], [(R3, "m1", "number")], {"expected": 1, "number": 2}),
        (
            [(1, "2025-08-28"), (2, "2025-11-05"), (5, "2026-01-15")],
            [(R3, "m3", "number")],
            {"expected": 3, "number": 5},
        ),
    ],
    ids=["gap-in-the-middle", "does-not-start-at-1", "gap-at-the-end"],
)
def test_gaps_are_refused(spec, expected, params):
    errors = numbering_errors(series(*spec))
    assert wheres(errors) == expected
    assert params.items() <= errors[0].params.items()


def test_a_repeated_number_is_refused_on_every_meeting_that_has_it():
    errors = numbering_errors(series((1, "2025-08-28"), (2, "2025-11-05"), (2, "2025-12-05")))
    assert sorted(wheres(errors)) == [(R3, "m2", "number"), (R3, "m3", "number")]
    assert all(e.params["number"] == 2 for e in errors)


@pytest.mark.parametrize(
    ("spec", "record"),
    [
        ([(1, "2025-11-05"), (2, "2025-08-28")], "m2"),
        ([(1, "2025-08-28"), (2, "2025-11-05"), (3, "2025-11-04")], "m3"),
    ],
    ids=["second-before-first", "third-before-second"],
)
def test_a_later_number_dated_earlier_is_refused(spec, record):
    errors = numbering_errors(series(*spec))
    assert wheres(errors) == [(R3, record, "date")]


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ([], 1),
        ([(1, "2025-08-28")], 2),
        ([(1, "2025-08-28"), (2, "2025-11-05")], 3),
        ([(1, "2025-08-28"), (3, "2025-11-05")], 4),
    ],
    ids=["first", "second", "third", "after-a-gap"],
)
def test_next_number(spec, expected):
    assert next_number(series(*spec)) == expected


# --- rule 3: the date window 1 August – 31 July ----------------------------------------------------


@pytest.mark.parametrize(
    ("day", "inside"),
    [
        ("2025-07-31", False),
        ("2025-08-01", True),  # the August meeting that reviews the new KTPs is No. 1 of the new year
        ("2025-08-28", True),
        ("2025-09-01", True),  # before the first school day (2 September), still in the window
        ("2026-05-26", True),  # after the last school day, still in the window
        ("2026-07-31", True),
        ("2026-08-01", False),
    ],
    ids=[
        "day-before-window",
        "first-day",
        "august-meeting",
        "before-school-starts",
        "after-school-ends",
        "last-day",
        "day-after-window",
    ],
)
def test_meeting_date_within_the_academic_year_window(day, inside):
    errors = date_errors(meeting(day=d(day)), year_2025())
    assert wheres(errors) == ([] if inside else [(R3, "m1", "date")])
    if not inside:
        assert errors[0].params["first"] == d("2025-08-01")
        assert errors[0].params["last"] == d("2026-07-31")


# --- rule 4: attendance ------------------------------------------------------------------------------


def test_a_proper_meeting_passes():
    m = meeting(agenda=[item(1, "ok", vote=Vote(3, 0, 0))])
    assert attendance_errors(m, association()) == []


@pytest.mark.parametrize(
    ("role", "kwargs"),
    [("chair", {"chair": "t9"}), ("secretary", {"secretary": "t9"})],
    ids=["chair", "secretary"],
)
def test_chair_and_secretary_must_be_members(role, kwargs):
    m = meeting(**kwargs)
    errors = attendance_errors(m, association())
    assert wheres(errors) == [(R4, "m1", role)]
    assert errors[0].params["teacher"] == "t9"


@pytest.mark.parametrize(
    ("role", "present", "absent"),
    [
        ("chair", ("t2", "t3"), ("t1",)),  # marked absent
        ("chair", ("t2", "t3"), ()),  # not listed at all
        ("secretary", ("t1", "t3"), ("t2",)),
        ("secretary", ("t1", "t3"), ()),
    ],
    ids=["chair-absent", "chair-unlisted", "secretary-absent", "secretary-unlisted"],
)
def test_chair_and_secretary_must_be_present(role, present, absent):
    errors = attendance_errors(meeting(present=present, absent=absent), association())
    assert wheres(errors) == [(R4, "m1", role)]
    assert "not marked present" in errors[0].render()


@pytest.mark.parametrize(
    ("membership", "member"),
    [
        (Membership("t3", since=date(2025, 9, 1)), False),
        (Membership("t3", since=date(2025, 8, 28)), True),  # joined on the meeting's day
        (Membership("t3", until=date(2025, 8, 28)), True),  # leaves on the meeting's day
        (Membership("t3", until=date(2025, 8, 27)), False),
    ],
    ids=["joins-later", "joins-that-day", "leaves-that-day", "left-the-day-before"],
)
def test_attendees_are_members_on_the_meetings_date(membership, member):
    body = association(members=[Membership("t1"), Membership("t2"), membership])
    errors = attendance_errors(meeting(day=date(2025, 8, 28)), body)
    assert wheres(errors) == ([] if member else [(R4, "m1", "attendance")])


def test_an_absent_non_member_is_also_refused():
    errors = attendance_errors(meeting(absent=("t9",)), association())
    assert wheres(errors) == [(R4, "m1", "attendance")]
    assert errors[0].params == {"teacher": "t9", "body": "a1", "date": d("2025-08-28")}


def test_chair_who_left_before_the_meeting_is_not_a_member_that_day():
    body = association(
        members=[Membership("t1", until=date(2025, 8, 27)), Membership("t2"), Membership("t3")]
    )
    errors = attendance_errors(meeting(present=("t2", "t3")), body)
    assert wheres(errors) == [(R4, "m1", "chair")]


def test_a_duplicate_attendee_is_refused():
    m = meeting()
    m.attendance.append(Attendance("t3", False, "ill"))
    errors = attendance_errors(m, association())
    assert wheres(errors) == [(R4, "m1", "attendance")]
    assert errors[0].params == {"teacher": "t3"}


@pytest.mark.parametrize(
    ("vote", "refused"),
    [
        (Vote(3, 0, 0), False),
        (Vote(1, 1, 1), False),
        (Vote(2, 0, 0), False),
        (Vote(3, 1, 0), True),
        (Vote(2, 1, 1), True),
        (Vote(0, 0, 4), True),
    ],
    ids=["all-for", "split", "fewer-than-present", "too-many-for", "too-many-mixed", "too-many-abstained"],
)
def test_votes_do_not_exceed_those_present(vote, refused):
    # three present, one absent: the absent member's vote cannot count
    body = association(members=[Membership(t) for t in ("t1", "t2", "t3", "t4")])
    m = meeting(present=("t1", "t2", "t3"), absent=("t4",), agenda=[item(1, "ok"), item(2, "ok", vote=vote)])
    errors = attendance_errors(m, body)
    assert wheres(errors) == ([(R4, "m1", "agenda.2.vote")] if refused else [])
    if refused:
        assert errors[0].params == {"item": 2, "votes": vote.total, "present": 3}


# --- agenda numbering --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("numbers", "valid"),
    [
        ((1,), True),
        ((1, 2, 3), True),
        ((2, 1), True),
        ((1, 3), False),
        ((1, 1), False),
        ((2,), False),
        ((), True),
    ],
    ids=["one", "three", "unsorted", "gap", "repeat", "starts-at-2", "empty"],
)
def test_agenda_items_numbered_1_to_n(numbers, valid):
    m = meeting(agenda=[item(n, "decided") for n in numbers])
    assert wheres(agenda_errors(m)) == ([] if valid else [(Rule.VALUE, "m1", "agenda")])


@pytest.mark.parametrize("decisions", [(), ("",), ("  ",)], ids=["none", "empty", "blank"])
def test_agenda_item_needs_a_decision(decisions):
    m = meeting(agenda=[item(1, "ok"), item(2, *decisions)])
    assert wheres(agenda_errors(m)) == [(Rule.VALUE, "m1", "agenda.2.decisions")]


# --- rule 5: a finalized protocol is locked ------------------------------------------------------------


def test_finalized_protocol_cannot_be_edited():
    with pytest.raises(DomainError) as caught:
        ensure_editable(meeting(status=MeetingStatus.FINALIZED))
    assert (caught.value.rule, caught.value.record, caught.value.field) == (Rule.LOCKED_RECORD, "m1", None)
    assert "new version" in caught.value.render()


@pytest.mark.parametrize("status", [MeetingStatus.DRAFT, MeetingStatus.HELD], ids=lambda s: s.value)
def test_draft_and_held_protocols_can_be_edited(status):
    ensure_editable(meeting(status=status))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (MeetingStatus.DRAFT, MeetingStatus.DRAFT),
        (MeetingStatus.DRAFT, MeetingStatus.HELD),
        (MeetingStatus.DRAFT, MeetingStatus.FINALIZED),
        (MeetingStatus.HELD, MeetingStatus.HELD),
        (MeetingStatus.HELD, MeetingStatus.FINALIZED),
    ],
    ids=lambda s: s.value,
)
def test_status_moves_forward(old, new):
    m = meeting(status=old)
    ensure_status_change(m, new)


def test_status_cannot_go_back_from_held_to_draft():
    with pytest.raises(DomainError) as caught:
        ensure_status_change(meeting(status=MeetingStatus.HELD), MeetingStatus.DRAFT)
    assert (caught.value.rule, caught.value.record, caught.value.field) == (
        Rule.LOCKED_RECORD,
        "m1",
        "status",
    )


@pytest.mark.parametrize("new", list(MeetingStatus), ids=lambda s: s.value)
def test_a_finalized_protocol_changes_status_no_more(new):
    with pytest.raises(DomainError) as caught:
        ensure_status_change(meeting(status=MeetingStatus.FINALIZED), new)
    assert (caught.value.rule, caught.value.record, caught.value.field) == (Rule.LOCKED_RECORD, "m1", None)


# --- rule 4: a member who speaks is present ----------------------------------------------------------

MEMBERS = ("t1", "t2", "t3", "t4")


@given(
    absent=st.sets(st.sampled_from(MEMBERS[2:])),
    heard=st.lists(st.sampled_from([*MEMBERS, "guest", "outsider"]), max_size=3),
    spoke=st.lists(st.sampled_from([*MEMBERS, "guest", "outsider"]), max_size=3),
)
def test_a_member_who_speaks_is_present_and_guests_may_speak(absent, heard, spoke):
    """``guest`` is an invited Person, ``outsider`` a teacher who is not a member of the body."""

    def speeches(names):
        return [Speech(Person("Guest G.") if n == "guest" else n, "text") for n in names]

    body = association(members=[Membership(t) for t in MEMBERS])
    agenda = [AgendaItem(1, "item", ["ok"], heard=speeches(heard), spoke=speeches(spoke))]
    m = meeting(present=tuple(t for t in MEMBERS if t not in absent), absent=tuple(sorted(absent)),
                agenda=agenda)
    found = absent_speakers(m, body)
    expected = [f".agenda[0].{part}[{k}].speaker" for part, names in (("heard", heard), ("spoke", spoke))
                for k, name in enumerate(names) if name in absent]
    assert [path for path, _ in found] == expected
    for _, error in found:
        assert where(error)[:2] == (R4, "m1") and error.field in ("agenda.1.heard", "agenda.1.spoke")
        assert error.params["teacher"] in absent and "rule 4" in error.rule.label
    assert speaker_errors(m, body) == [error for _, error in found]


def test_a_member_not_listed_in_the_attendance_may_not_speak_either():
    body = association(members=[Membership(t) for t in MEMBERS])
    m = meeting(agenda=[AgendaItem(1, "item", ["ok"], spoke=[Speech("t4", "text")])])  # t4 not listed
    assert wheres(speaker_errors(m, body)) == [(R4, "m1", "agenda.1.spoke")]


@pytest.mark.parametrize("status", [MeetingStatus.DRAFT, MeetingStatus.HELD])
def test_an_extract_is_issued_only_from_a_finalized_protocol(status):
    with pytest.raises(DomainError) as caught:
        ensure_extract_allowed(meeting(status=status))
    assert where(caught.value) == (Rule.LOCKED_RECORD, "m1", "status")
    assert "rule 5" in caught.value.rule.label and "m1" in caught.value.render()
    ensure_extract_allowed(meeting(status=MeetingStatus.FINALIZED))
